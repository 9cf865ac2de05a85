package dev.stonks.inttest.tester.report;

import dev.stonks.inttest.artifacts.ArtifactRef;
import dev.stonks.inttest.artifacts.ArtifactStore;
import dev.stonks.inttest.artifacts.ArtifactStoreException;
import java.time.Duration;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The run's JUnit XML as the artifact {@code junit.xml}. A store that refuses or cannot be reached is asked again
 * after a pause (a store restarting under supervision is back within seconds); the last failure is thrown.
 */
public final class ArtifactJUnitXmlStore implements JUnitXmlStore {
    public static final String NAME = "junit.xml";
    public static final String CONTENT_TYPE = "application/xml";
    /** Pauses between the attempts: three attempts over about three seconds. */
    public static final List<Duration> DEFAULT_PAUSES = List.of(Duration.ofSeconds(1), Duration.ofSeconds(2));
    private static final Logger LOG = Logger.getLogger(ArtifactJUnitXmlStore.class);

    private final ArtifactStore store;
    private final List<Duration> pauses;

    public ArtifactJUnitXmlStore(ArtifactStore store) {
        this(store, DEFAULT_PAUSES);
    }

    public ArtifactJUnitXmlStore(ArtifactStore store, List<Duration> pauses) {
        this.store = store;
        this.pauses = List.copyOf(pauses);
    }

    @Override
    public String put(String runId, byte[] junitXml) {
        for (int attempt = 1; ; attempt++) {
            try {
                ArtifactRef ref = store.put(runId, NAME, junitXml, CONTENT_TYPE);
                return store.endpoint() + ", bucket " + store.bucket() + ", key " + ref.key() + " (" + ref.size()
                        + " bytes)";
            } catch (ArtifactStoreException e) {
                if (attempt > pauses.size()) {
                    throw e;
                }
                Duration pause = pauses.get(attempt - 1);
                LOG.warnf("run %s: attempt %d to store %s failed, again in %d ms: %s", runId, attempt, NAME,
                        pause.toMillis(), e.getMessage());
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
