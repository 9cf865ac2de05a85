package dev.stonks.inttest.stonks.trading;

import dev.stonks.inttest.stonks.config.StonksConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;

/** trading -> risk over HTTP ({@code stonks.risk.url}). This cut: the readiness probe behind the status page. */
@ApplicationScoped
public class RiskClient {

    private final WebClient client;
    private final Optional<String> baseUrl;
    private final Duration timeout;

    public RiskClient(Vertx vertx, StonksConfig config) {
        this.client = WebClient.create(vertx);
        this.baseUrl = config.risk().url().map(url -> url.replaceAll("/+$", ""));
        this.timeout = config.dependencyTimeout();
    }

    public Uni<RiskReachability> reachability() {
        if (baseUrl.isEmpty()) {
            return Uni.createFrom().item(new RiskReachability(null, "unconfigured", null,
                    "stonks.risk.url (STONKS_RISK_URL) is not set"));
        }
        String url = baseUrl.get();
        long started = System.nanoTime();
        return client.getAbs(url + "/q/health/ready")
                .timeout(timeout.toMillis())
                .send()
                .map(response -> {
                    long millis = (System.nanoTime() - started) / 1_000_000;
                    return response.statusCode() == 200
                            ? new RiskReachability(url, "up", millis, null)
                            : new RiskReachability(url, "down", millis, "readiness answered HTTP "
                                    + response.statusCode());
                })
                .onFailure().recoverWithItem(e -> new RiskReachability(url, "down",
                        (System.nanoTime() - started) / 1_000_000, String.valueOf(e.getMessage())));
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
