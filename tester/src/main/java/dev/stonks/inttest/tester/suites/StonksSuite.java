package dev.stonks.inttest.tester.suites;

import dev.stonks.inttest.stonks.dataset.StonksDataset;
import dev.stonks.inttest.tester.sandbox.Sandbox;
import dev.stonks.inttest.tester.sandbox.SandboxExtension;
import dev.stonks.inttest.tester.sandbox.ServiceClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base class of the stonks suites: the sandbox of the run, a client per stonks service, and the dataset the
 * sandbox was seeded with.
 *
 * <p>Suites are named {@code *Suite} (never {@code *Test} / {@code *IT}) and live in {@code src/main/java}: they ship
 * inside the tester and run through its SuiteRunner, never as the tester module's own build tests.
 */
@ExtendWith(SandboxExtension.class)
public abstract class StonksSuite {
    /** Rows that are the same at every scale factor: companies, aliases, trends, base documents, ingestion. */
    protected static final StonksDataset DATA = StonksDataset.base();

    protected Sandbox sandbox;

    @BeforeEach
    protected final void bindSandbox(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    protected ServiceClient queryApi() {
        return sandbox.service(StonksServices.QUERY_API);
    }

    protected ServiceClient registry() {
        return sandbox.service(StonksServices.REGISTRY);
    }

    protected ServiceClient risk() {
        return sandbox.service(StonksServices.RISK);
    }

    protected ServiceClient trading() {
        return sandbox.service(StonksServices.TRADING);
    }

    /** The dataset at the sandbox's scale, for the rows that grow with it (documents, intelligence records). */
    protected StonksDataset scaled() {
        return sandbox.scale() == 1 ? DATA : ScaledDatasets.of(sandbox.scale());
    }
}
