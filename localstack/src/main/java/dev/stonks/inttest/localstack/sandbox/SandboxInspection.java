package dev.stonks.inttest.localstack.sandbox;

import java.nio.file.Path;

/** What is found at a namespace's place under the sandbox root. */
public sealed interface SandboxInspection
        permits SandboxInspection.Absent, SandboxInspection.Foreign, SandboxInspection.Owned {

    Path dir();

    /** Nothing there. */
    record Absent(Path dir) implements SandboxInspection {
    }

    /** Something the pipeline did not create (or can no longer prove it did): never to be touched. */
    record Foreign(Path dir, String why) implements SandboxInspection {
    }

    /** A sandbox of the pipeline, with a valid {@code sandbox.json}. */
    record Owned(LocalSandbox sandbox) implements SandboxInspection {
        @Override
        public Path dir() {
            return sandbox.dir();
        }
    }
}
