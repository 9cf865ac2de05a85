package dev.stonks.inttest.events;

/** Where the build under test comes from; optional on a run request. */
public record GitRef(String repository, String ref, String sha) {
}
