package dev.stonks.inttest.gateway.runs;

import dev.stonks.inttest.events.RunEvent;

/** Where the gateway's events go: {@code inttest.runs}, keyed by run id. */
public interface RunEvents {

    /**
     * Publishes {@code event} and returns once the broker has acknowledged it; throws
     * {@link dev.stonks.inttest.gateway.http.GatewayException} ({@code EVENT_NOT_PUBLISHED}) when it did not.
     */
    void publish(RunEvent event);
}
