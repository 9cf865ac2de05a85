/**
 * The stage outputs: what each stage puts in {@code stage.completed.output}, read by later stages and the reporter.
 * Outputs never carry credentials.
 */
package dev.stonks.inttest.events.output;
