package dev.stonks.inttest.support.auth;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A door: the resource method (or every method of the class) needs a bearer token whose principal has this role.
 * {@link RoleFilter} answers 401 without a valid credential and 403 naming the role when it is missing; the resource
 * reads the caller from the request's {@code SecurityContext} ({@link Callers#of}).
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RequiresRole {
    /** The role needed, e.g. {@value Roles#RUNS_WRITE}. */
    String value();
}
