package dev.stonks.inttest.gateway.testing;

import dev.stonks.inttest.events.RunEvent;
import dev.stonks.inttest.gateway.http.GatewayException;
import dev.stonks.inttest.gateway.runs.RunEvents;
import java.util.ArrayList;
import java.util.List;

/** {@link RunEvents} that keeps what was published, or fails like an unreachable Kafka when told to. */
public class RecordingRunEvents implements RunEvents {
    public final List<RunEvent> published = new ArrayList<>();
    public boolean kafkaDown;

    @Override
    public void publish(RunEvent event) {
        if (kafkaDown) {
            throw new GatewayException(GatewayException.Reason.EVENT_NOT_PUBLISHED, "Kafka is down (test)");
        }
        published.add(event);
    }
}
