package dev.stonks.inttest.promoter.api;

import dev.stonks.inttest.support.auth.Credentials;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Reads the API's tokens at start-up: without a tokens file (or an explicit {@code auth.open=true}) no start. */
@ApplicationScoped
public class ApiCredentialsCheck {
    void onStart(@Observes StartupEvent event, Credentials credentials) {
        credentials.checkAtStartup("promoter");
    }
}
