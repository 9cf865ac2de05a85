package dev.stonks.inttest.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How to start a Quarkus fast-jar ({@code target/quarkus-app/quarkus-run.jar}) with the class-data archive its build
 * wrote beside it ({@code quarkus.package.jar.appcds.enabled}): start-up then maps the classes from the archive
 * instead of loading and verifying them. The build dumps the archive from the jar's directory with
 * {@code -jar quarkus-run.jar}, and JDK 17 accepts it only for the very same class path, so with an archive the JVM
 * runs in that directory on the relative jar name; without one, in {@code otherwise} on the absolute path.
 *
 * @param command          the command line
 * @param workingDirectory where it must run
 */
public record QuarkusAppLaunch(List<String> command, Path workingDirectory) {
    public static final String APP_CDS_ARCHIVE = "app-cds.jsa";

    public QuarkusAppLaunch {
        command = List.copyOf(command);
    }

    public static QuarkusAppLaunch of(List<String> jvmOptions, Path jar, Path otherwise) {
        List<String> command = new ArrayList<>();
        command.add(JavaCommand.javaExecutable());
        command.addAll(jvmOptions);
        Path archive = archiveOf(jar);
        if (Files.isRegularFile(archive)) {
            command.add("-XX:SharedArchiveFile=" + APP_CDS_ARCHIVE);
            command.add("-jar");
            command.add(jar.getFileName().toString());
            return new QuarkusAppLaunch(command, jar.toAbsolutePath().getParent());
        }
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        return new QuarkusAppLaunch(command, otherwise);
    }

    /** Where the build writes a jar's archive. */
    public static Path archiveOf(Path jar) {
        return jar.toAbsolutePath().resolveSibling(APP_CDS_ARCHIVE);
    }
}
