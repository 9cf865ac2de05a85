package dev.stonks.inttest.tester.runner;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Marks a test (or a whole suite class) that changes the sandbox's state: registry writes, orders, approvals. The
 * {@link SuiteRunner} runs these in a phase of their own, one at a time, after every read-only test has finished, so
 * they cannot break a read-only test's exact expectations. They still create their own rows (their own company,
 * their own order) and remove what they can, so a re-run on the same sandbox starts from the seeded data.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag(Mutating.TAG)
public @interface Mutating {
    /** The JUnit tag behind the annotation. */
    String TAG = "mutating";
}
