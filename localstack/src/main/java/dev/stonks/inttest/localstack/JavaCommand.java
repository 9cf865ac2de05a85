package dev.stonks.inttest.localstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Command lines for child JVMs, run with the same Java as the current JVM. */
final class JavaCommand {

    /** Small heap, one GC thread family, C1 only: child JVMs here are test servers that should start fast. */
    static final List<String> SMALL_SERVER_OPTIONS = List.of(
            "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true");

    private JavaCommand() {
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static List<String> mainClass(List<String> jvmOptions, Map<String, String> systemProperties, String classpath,
                                  String mainClass, List<String> args) {
        List<String> command = prefix(jvmOptions, systemProperties);
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(args);
        return command;
    }

    static List<String> jar(List<String> jvmOptions, Map<String, String> systemProperties, Path jar,
                            List<String> args) {
        List<String> command = prefix(jvmOptions, systemProperties);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(args);
        return command;
    }

    private static List<String> prefix(List<String> jvmOptions, Map<String, String> systemProperties) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(jvmOptions);
        systemProperties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        return command;
    }
}
