package dev.stonks.inttest.reporter.regressions;

/** What a run tested: {@code <git repository or 'local'>@<backend>}, e.g. {@code github.com/acme/stonks@local}. */
public final class RunTarget {

    private RunTarget() {
    }

    public static String of(String repository, String backend) {
        return (repository == null || repository.isBlank() ? "local" : repository) + "@"
                + (backend == null || backend.isBlank() ? "local" : backend);
    }
}
