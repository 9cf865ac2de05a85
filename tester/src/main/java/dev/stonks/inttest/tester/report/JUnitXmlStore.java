package dev.stonks.inttest.tester.report;

/** Where the tester keeps each run's JUnit XML, the run's record of its tests (the artifact store in the service). */
public interface JUnitXmlStore {

    /**
     * Keeps {@code junitXml} as the run's, replacing an earlier attempt's.
     *
     * @return where it went, for the log
     * @throws RuntimeException when it could not be kept; the message says where it should have gone and why not
     */
    String put(String runId, byte[] junitXml);
}
