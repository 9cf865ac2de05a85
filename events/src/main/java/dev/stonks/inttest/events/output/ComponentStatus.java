package dev.stonks.inttest.events.output;

/** One started component of a sandbox (postgres, redis, s3, or a service under test). */
public record ComponentStatus(String endpoint, double readyS, Long pid) {
}
