package dev.stonks.inttest.stonks.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * Everything stonks reads under {@code stonks.*}; every key also comes from the environment
 * ({@code stonks.s3.access-key} = {@code STONKS_S3_ACCESS_KEY}). The table in {@code stonks/README.md} lists them
 * with the Quarkus keys the services use.
 */
@ConfigMapping(prefix = "stonks")
public interface StonksConfig {

    /** Which service this process is: query-api, registry, risk or trading. */
    @WithDefault("query-api")
    @WithConverter(RoleConverter.class)
    Role role();

    /** Upper bound for one probe of a dependency (database, Redis, object store, risk) in health reports. */
    @WithDefault("2s")
    Duration dependencyTimeout();

    S3 s3();

    Risk risk();

    Trading trading();

    /** Knobs of test builds only: every normal build leaves them off. */
    TestBuild testBuild();

    /** The object store holding document texts (MinIO or any S3-compatible store, path-style). */
    interface S3 {

        @WithDefault("http://127.0.0.1:9000")
        String endpoint();

        @WithDefault("minioadmin")
        String accessKey();

        @WithDefault("minioadmin")
        String secretKey();

        @WithDefault("stonks-documents")
        String bucket();

        @WithDefault("us-east-1")
        String region();

        @WithDefault("2s")
        Duration connectTimeout();

        @WithDefault("10s")
        Duration readTimeout();
    }

    interface Risk {

        /** Base URL of the risk service, e.g. {@code http://127.0.0.1:8082}; trading calls it. */
        Optional<String> url();

        /** Bound of one order evaluation call (trading -> risk). */
        @WithDefault("5s")
        Duration evaluateTimeout();
    }

    interface Trading {

        /** Redis hash holding the engine's live state. */
        @WithDefault("stonks:trading:engine")
        String engineKey();

        /** Mode written to a fresh engine state: paper or live. */
        @WithDefault("paper")
        String defaultMode();
    }

    /**
     * A test build of stonks that answers some endpoints more slowly on purpose, so the pipeline's regression
     * detection can be shown on a real run. Baked into the build ({@code META-INF/microprofile-config.properties},
     * filtered from the Maven properties of the same names); see {@code bench/test-build-with-delay.sh}.
     */
    interface TestBuild {

        /** Added to every request whose path starts with {@link #delayPath()}; 0 = off. */
        @WithDefault("0")
        Duration delay();

        /** The path prefix the delay applies to, e.g. {@code /api/companies}; absent = off. */
        Optional<String> delayPath();
    }
}
