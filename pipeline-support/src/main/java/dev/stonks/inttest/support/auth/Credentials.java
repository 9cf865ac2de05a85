package dev.stonks.inttest.support.auth;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The credentials of a service with doors, read once from {@link AuthConfig}. Services with doors call
 * {@link #checkAtStartup()} from a start-up observer, so that a missing or broken tokens file stops them from starting
 * rather than refusing every caller later; services without doors never touch this bean.
 */
@ApplicationScoped
public class Credentials {
    private static final Logger LOG = Logger.getLogger(Credentials.class);
    private final AuthConfig config;
    private volatile Authenticator authenticator;

    public Credentials(AuthConfig config) {
        this.config = config;
    }

    public Authenticator authenticator() {
        Authenticator a = authenticator;
        if (a == null) {
            synchronized (this) {
                if (authenticator == null) {
                    authenticator = load(config);
                }
                a = authenticator;
            }
        }
        return a;
    }

    /** Loads the tokens now; throws (so the service does not start) when there are none and the API is not open. */
    public void checkAtStartup(String service) {
        Authenticator a = authenticator();
        if (a.isOpen()) {
            String line = "#".repeat(100);
            LOG.warnf("%n%s%n# auth.open=true (AUTH_OPEN): the %s API is OPEN. Anyone who reaches it can change "
                    + "things, as 'anonymous'.%n# Never run it like this where others can reach it: set "
                    + "AUTH_TOKENS_FILE instead.%n%s", line, service, line);
        } else {
            LOG.infof("%s API: %d bearer token(s) from %s", service, a.tokenCount(),
                    config.tokensFile().orElseThrow());
        }
    }

    static Authenticator load(AuthConfig config) {
        if (config.tokensFile().isPresent()) {
            List<TokensFile.Entry> entries = TokensFile.read(config.tokensFile().get());
            if (config.open()) {
                throw new IllegalStateException("auth.open=true and auth.tokens-file are both set: choose one");
            }
            if (entries.isEmpty()) {
                throw new IllegalStateException("the tokens file " + config.tokensFile().get() + " holds no token; "
                        + "add a line '<name> sha256:<hex> <role>,...' (or set auth.open=true for an open API)");
            }
            return Authenticator.withTokens(entries);
        }
        if (config.open()) {
            return Authenticator.open();
        }
        throw new IllegalStateException("no auth.tokens-file (AUTH_TOKENS_FILE): the API needs credentials. Give a "
                + "tokens file (lines '<name> sha256:<hex> <role>,...'), or set auth.open=true (AUTH_OPEN) to open it "
                + "to anyone, knowingly");
    }
}
