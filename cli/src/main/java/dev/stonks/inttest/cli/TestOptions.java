package dev.stonks.inttest.cli;

import static dev.stonks.inttest.cli.OptionValues.number;
import static dev.stonks.inttest.cli.OptionValues.value;

import dev.stonks.inttest.tester.runner.SuiteCatalog;
import dev.stonks.inttest.tester.runner.SuiteRunner;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The options of {@code inttest test}: the suites of the tester, run against a live deployment given by its base
 * URLs, with no pipeline around them.
 *
 * @param baseUrls  service name to base URL, e.g. {@code query-api -> http://10.0.0.5:8080}
 * @param suites    suite groups or class names, as {@code tester.suites}
 * @param reportDir where the JUnit XML goes; null: {@code <inttest home>/.inttest/reports/<run id>/}
 * @param resultsFile where the JSON results go; null: not written
 */
public record TestOptions(Map<String, String> baseUrls, List<String> suites, Path reportDir, Path resultsFile,
        int scale, int parallelism, Duration httpTimeout, Duration testTimeout) {

    /** The services a base URL may be given for. */
    public static final List<String> SERVICES = List.of("query-api", "registry", "risk", "trading");

    public static final String USAGE = """
            Usage: inttest test --base-url SERVICE=URL [--base-url SERVICE=URL ...] [OPTIONS]

            Runs the tester's suites against a live stonks deployment and exits 0 when every test passed.

            Options:
              --base-url SERVICE=URL  Base URL of a service: query-api, registry, risk, trading (repeat per service;
                                      at least one; tests of a service without one end as errors)
              --suites LIST           Suite groups (api, frontend) or suite class names, comma-separated (default: api)
              --report-dir DIR        Directory of the JUnit XML reports
                                      (default: <inttest home>/.inttest/reports/<run id>)
              --results-file PATH     Also write the results as JSON to PATH
              --scale N               Scale factor the deployment was seeded with (default: 1)
              --parallelism N         Read-only tests run at once (default: 4); mutating tests run alone, after them
              --http-timeout SECONDS  Longest one HTTP call may take (default: 10)
              --test-timeout SECONDS  Longest one test may take (default: 60)
              -h, --help              Show this help

            Exit codes:
              0  All tests passed
              1  One or more test failures (wrong answers) or errors (tests that could not run)
              2  Bad command-line input
            """;

    public TestOptions {
        baseUrls = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(baseUrls));
        suites = List.copyOf(suites);
    }

    /** Parses the arguments after {@code test}; throws {@link UsageException} with a one-line reason. */
    public static TestOptions parse(String... args) {
        Map<String, String> baseUrls = new LinkedHashMap<>();
        List<String> suites = List.of("api");
        Path reportDir = null;
        Path resultsFile = null;
        int scale = 1;
        int parallelism = SuiteRunner.DEFAULT_PARALLELISM;
        int httpTimeout = 10;
        int testTimeout = 60;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--base-url" -> baseUrl(baseUrls, value(args, i++));
                case "--suites" -> suites = suites(value(args, i++));
                case "--report-dir" -> reportDir = Path.of(value(args, i++));
                case "--results-file" -> resultsFile = resultsFile(value(args, i++));
                case "--scale" -> scale = number(arg, value(args, i++), 1, 1000);
                case "--parallelism" -> parallelism = number(arg, value(args, i++), 1, 64);
                case "--http-timeout" -> httpTimeout = number(arg, value(args, i++), 1, 3600);
                case "--test-timeout" -> testTimeout = number(arg, value(args, i++), 1, 86_400);
                default -> throw new UsageException("unknown option: " + arg);
            }
        }
        if (baseUrls.isEmpty()) {
            throw new UsageException("at least one --base-url SERVICE=URL is required");
        }
        if (reportDir != null && Files.exists(reportDir) && !Files.isDirectory(reportDir)) {
            throw new UsageException("--report-dir '" + reportDir + "' is not a directory");
        }
        return new TestOptions(baseUrls, suites, reportDir, resultsFile, scale, parallelism,
                Duration.ofSeconds(httpTimeout), Duration.ofSeconds(testTimeout));
    }

    /** The suite classes the options name (checked when parsing). */
    public List<Class<?>> suiteClasses() {
        return SuiteCatalog.resolve(suites);
    }

    private static void baseUrl(Map<String, String> baseUrls, String spec) {
        int eq = spec.indexOf('=');
        if (eq <= 0) {
            throw new UsageException("--base-url needs SERVICE=URL, got '" + spec + "'");
        }
        String service = spec.substring(0, eq).trim();
        String url = spec.substring(eq + 1).trim();
        if (!SERVICES.contains(service)) {
            throw new UsageException("--base-url: unknown service '" + service + "' (one of "
                    + String.join(", ", SERVICES) + ")");
        }
        if (baseUrls.containsKey(service)) {
            throw new UsageException("--base-url: " + service + " is given twice");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new UsageException("--base-url " + service + ": '" + url + "' is not a URL (" + e.getReason() + ")");
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new UsageException("--base-url " + service + ": '" + url
                    + "' is not an http(s)://host[:port][/path] URL");
        }
        baseUrls.put(service, url);
    }

    private static List<String> suites(String list) {
        List<String> names = new ArrayList<>(Arrays.stream(list.split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).toList());
        try {
            SuiteCatalog.resolve(names);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--suites: " + e.getMessage());
        }
        return names;
    }

    private static Path resultsFile(String value) {
        Path file = Path.of(value);
        Path parent = file.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new UsageException("--results-file: directory '" + parent + "' does not exist");
        }
        if (Files.isDirectory(file)) {
            throw new UsageException("--results-file: '" + file + "' is a directory");
        }
        return file;
    }
}
