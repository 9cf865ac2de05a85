package dev.stonks.inttest.provisioner.local;

import dev.stonks.inttest.events.Names;
import dev.stonks.inttest.events.StageFailedException;
import dev.stonks.inttest.provisioner.backend.FailureKinds;
import dev.stonks.inttest.provisioner.target.TargetSystem;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The local form of pulling an image: an image tag names a runnable build. {@code latest} is the working tree's build
 * ({@link TargetSystem#workingTreeBuild}); any other tag is {@code <builds-dir>/<tag>/quarkus-app/quarkus-run.jar}
 * (what CI would unpack there for a commit). A tag that names nothing fails as an image pull would.
 */
public final class BuildResolver {

    public static final String LATEST = "latest";
    static final String QUARKUS_APP_JAR = "quarkus-app/quarkus-run.jar";

    private final Path home;
    private final Path buildsDir;
    private final TargetSystem target;

    public BuildResolver(Path home, Path buildsDir, TargetSystem target) {
        this.home = home;
        this.buildsDir = buildsDir.toAbsolutePath().normalize();
        this.target = target;
    }

    /** The jar of {@code imageTag}; throws {@code image_not_found} naming where it looked. */
    public Path resolve(String imageTag) {
        Names.requireImageTag(imageTag);
        Path jar = LATEST.equals(imageTag) ? target.workingTreeBuild(home)
                : buildsDir.resolve(imageTag).resolve(QUARKUS_APP_JAR).normalize();
        if (!LATEST.equals(imageTag) && !jar.startsWith(buildsDir)) {
            throw new StageFailedException(FailureKinds.IMAGE_NOT_FOUND, "image tag '" + imageTag
                    + "' does not name a build under " + buildsDir);
        }
        if (!Files.isRegularFile(jar)) {
            throw new StageFailedException(FailureKinds.IMAGE_NOT_FOUND, "no build for image tag '" + imageTag
                    + "': looked in " + jar);
        }
        return jar;
    }
}
