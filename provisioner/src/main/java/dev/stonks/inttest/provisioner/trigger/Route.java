package dev.stonks.inttest.provisioner.trigger;

import dev.stonks.inttest.events.InttestEvent;
import dev.stonks.inttest.events.RunCancelRequested;
import dev.stonks.inttest.events.RunRequested;
import dev.stonks.inttest.events.RunTimedOut;
import dev.stonks.inttest.events.Stage;
import dev.stonks.inttest.events.StageChain;
import dev.stonks.inttest.events.StageCompleted;
import java.util.Optional;

/** What the provisioner does with an event; the chain itself is {@link StageChain}'s. */
public enum Route {
    INFRA_DEPLOY, SERVICE_DEPLOY, TEARDOWN, CANCEL;

    /** The provisioner's action for {@code event}, or empty when the event is not for it. */
    public static Optional<Route> of(InttestEvent event) {
        if (event instanceof RunRequested) {
            return Optional.of(INFRA_DEPLOY);
        }
        if (event instanceof RunCancelRequested) {
            return Optional.of(CANCEL);
        }
        if (event instanceof StageCompleted completed) {
            return StageChain.next(completed).flatMap(Route::ofStage);
        }
        if (event instanceof RunTimedOut timedOut) {
            return StageChain.next(timedOut).flatMap(Route::ofStage);
        }
        return Optional.empty();
    }

    private static Optional<Route> ofStage(Stage stage) {
        return switch (stage) {
            case SERVICE_DEPLOY -> Optional.of(SERVICE_DEPLOY);
            case TEARDOWN -> Optional.of(TEARDOWN);
            default -> Optional.empty();
        };
    }
}
