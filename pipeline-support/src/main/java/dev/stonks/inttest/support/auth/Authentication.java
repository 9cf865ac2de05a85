package dev.stonks.inttest.support.auth;

/** The outcome of checking a request's credential. */
public sealed interface Authentication {

    /** The credential is valid: this is who calls. */
    record Authenticated(CallerPrincipal principal) implements Authentication {
    }

    /** No credential, or not a valid one; {@code detail} says which, without echoing what was sent. */
    record Refused(String detail) implements Authentication {
    }
}
