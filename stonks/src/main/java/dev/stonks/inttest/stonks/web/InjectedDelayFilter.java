package dev.stonks.inttest.stonks.web;

import dev.stonks.inttest.stonks.config.StonksConfig;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.time.Duration;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The delay of a test build ({@link StonksConfig.TestBuild}): requests under the configured path prefix are answered
 * that much later, without blocking the event loop. Off in every normal build.
 */
public class InjectedDelayFilter {
    private static final Logger LOG = Logger.getLogger(InjectedDelayFilter.class);

    private final Duration delay;
    private final Optional<String> pathPrefix;

    public InjectedDelayFilter(StonksConfig config) {
        this.delay = config.testBuild().delay();
        this.pathPrefix = config.testBuild().delayPath();
        if (applies()) {
            LOG.warnf("test build: requests under %s are delayed by %d ms", pathPrefix.get(), delay.toMillis());
        }
    }

    @ServerRequestFilter(preMatching = true)
    public Uni<Void> delaySome(ContainerRequestContext request) {
        if (!applies() || !delays("/" + request.getUriInfo().getPath().replaceFirst("^/+", ""))) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().voidItem().onItem().delayIt().by(delay);
    }

    boolean applies() {
        return !delay.isZero() && !delay.isNegative() && pathPrefix.isPresent() && !pathPrefix.get().isBlank();
    }

    boolean delays(String path) {
        return applies() && (path.equals(pathPrefix.get()) || path.startsWith(pathPrefix.get().endsWith("/")
                ? pathPrefix.get() : pathPrefix.get() + "/"));
    }
}
