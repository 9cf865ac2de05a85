package dev.stonks.inttest.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The root of the inttest repository (the directory of the pom.xml whose artifactId is {@code inttest-parent}).
 *
 * <p>Resolved, in order, from the system property {@code inttest.home}, the environment variable
 * {@code INTTEST_HOME}, or by walking up from the working directory.
 */
public final class InttestHome {

    public static final String SYSTEM_PROPERTY = "inttest.home";
    public static final String ENV_VARIABLE = "INTTEST_HOME";
    static final String PARENT_ARTIFACT_ID = "inttest-parent";

    private static final Pattern PARENT_BLOCK = Pattern.compile("<parent>.*?</parent>", Pattern.DOTALL);
    private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
    private static final Pattern ARTIFACT_ID = Pattern.compile("<artifactId>\\s*([^<\\s]+)\\s*</artifactId>");

    private InttestHome() {
    }

    /** The repository root; throws {@link IllegalStateException} with a hint when it cannot be found. */
    public static Path resolve() {
        return resolve(System.getProperty(SYSTEM_PROPERTY), System.getenv(ENV_VARIABLE), Path.of(""));
    }

    /** Same as {@link #resolve()} with explicit inputs (any of the first two may be null or blank). */
    public static Path resolve(String systemProperty, String environmentVariable, Path workingDirectory) {
        if (systemProperty != null && !systemProperty.isBlank()) {
            return checked(Path.of(systemProperty), "system property " + SYSTEM_PROPERTY);
        }
        if (environmentVariable != null && !environmentVariable.isBlank()) {
            return checked(Path.of(environmentVariable), "environment variable " + ENV_VARIABLE);
        }
        Path start = workingDirectory.toAbsolutePath().normalize();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (isRepositoryRoot(dir)) {
                return dir;
            }
        }
        throw new IllegalStateException("Cannot find the inttest repository root: neither -D" + SYSTEM_PROPERTY
                + " nor $" + ENV_VARIABLE + " is set, and no directory from " + start
                + " upwards has a pom.xml with <artifactId>" + PARENT_ARTIFACT_ID + "</artifactId>."
                + " Run from inside the repository or set " + ENV_VARIABLE + ".");
    }

    /** {@code <home>/localstack/target/runtime/<component>}, whether it exists or not. */
    public static Path runtimeDirectory(Path home, String component) {
        return home.resolve("localstack").resolve("target").resolve("runtime").resolve(component);
    }

    /** Whether {@code dir} holds a pom.xml whose own artifactId (not its parent's) is inttest-parent. */
    static boolean isRepositoryRoot(Path dir) {
        Path pom = dir.resolve("pom.xml");
        if (!Files.isRegularFile(pom)) {
            return false;
        }
        try {
            return ownArtifactId(Files.readString(pom)).filter(PARENT_ARTIFACT_ID::equals).isPresent();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + pom, e);
        }
    }

    static Optional<String> ownArtifactId(String pomXml) {
        String withoutParent = PARENT_BLOCK.matcher(COMMENT.matcher(pomXml).replaceAll("")).replaceFirst("");
        Matcher m = ARTIFACT_ID.matcher(withoutParent);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static Path checked(Path dir, String source) {
        Path abs = dir.toAbsolutePath().normalize();
        if (!isRepositoryRoot(abs)) {
            throw new IllegalStateException(source + " points to " + abs
                    + ", which has no pom.xml with <artifactId>" + PARENT_ARTIFACT_ID + "</artifactId>");
        }
        return abs;
    }
}
