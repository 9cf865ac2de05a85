package dev.stonks.inttest.events;

/** A decoded event with its CloudEvents attributes. */
public record ReceivedEvent(CloudEventAttributes attributes, InttestEvent event) {
}
