package dev.stonks.inttest.events.output;

import java.util.List;

/** teardown: what was stopped and removed, or why nothing was. */
public record TeardownOutput(List<String> stopped, List<String> removed, String note) {
}
