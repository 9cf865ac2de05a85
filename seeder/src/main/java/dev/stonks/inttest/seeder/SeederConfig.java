package dev.stonks.inttest.seeder;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

@ConfigMapping(prefix = "seeder")
public interface SeederConfig {
    /** Folder of the versioned SQL migrations; default {@code <inttest home>/infra/migrations}. */
    Optional<String> migrations();
}
