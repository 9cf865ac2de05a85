package dev.stonks.inttest.profiler;

import dev.stonks.inttest.events.RunContext;
import dev.stonks.inttest.events.output.MemoryUsage;
import dev.stonks.inttest.localstack.sandbox.ComponentKind;
import dev.stonks.inttest.localstack.sandbox.LocalSandbox;
import dev.stonks.inttest.localstack.sandbox.ProcessIdentity;
import dev.stonks.inttest.localstack.sandbox.SandboxComponent;
import dev.stonks.inttest.localstack.sandbox.SandboxRoot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Memory of the services under test of a local sandbox: {@code sandbox.json} records each service process (pid and
 * start time); {@code /proc/<pid>/status} gives its resident memory now ({@code VmRSS}) and its peak
 * ({@code VmHWM}). A pid is read only while it is still the very process recorded, never a recycled one.
 */
@ApplicationScoped
public class LocalMemoryReader {
    static final String SOURCE = "proc";
    private static final Path PROC = Path.of("/proc");

    private final Supplier<Path> sandboxRoot;

    @Inject
    public LocalMemoryReader() {
        this(SandboxRoot::resolve);
    }

    LocalMemoryReader(Supplier<Path> sandboxRoot) {
        this.sandboxRoot = sandboxRoot;
    }

    public MemoryReading read(RunContext context) {
        Map<String, SandboxComponent> services;
        try {
            services = LocalSandbox.open(sandboxRoot.get(), context.namespace()).record()
                    .components(ComponentKind.SERVICE);
        } catch (RuntimeException e) {
            return MemoryReading.unavailable("cannot read the sandbox record of " + context.namespace() + ": "
                    + e.getMessage());
        }
        if (services.isEmpty()) {
            return MemoryReading.unavailable("the sandbox " + context.namespace() + " records no service process");
        }
        Map<String, MemoryUsage> memory = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        services.forEach((name, component) -> {
            try {
                memory.put(name, read(component.process()));
            } catch (Unreadable e) {
                problems.add(name + ": " + e.getMessage());
            }
        });
        return new MemoryReading(memory, problems);
    }

    /** The memory of the recorded process, when it still runs. */
    static MemoryUsage read(ProcessIdentity process) throws Unreadable {
        if (!Files.isDirectory(PROC.resolve("self"))) {
            throw new Unreadable("no /proc on this machine");
        }
        requireRunning(process);
        Path status = PROC.resolve(Long.toString(process.pid())).resolve("status");
        List<String> lines;
        try {
            lines = Files.readAllLines(status);
        } catch (NoSuchFileException e) {
            throw new Unreadable("process " + process.pid() + " is no longer running");
        } catch (IOException e) {
            throw new Unreadable("cannot read " + status + ": " + e.getMessage());
        }
        // the pid may have ended and been handed out again while it was read
        requireRunning(process);
        Long rssKb = kilobytes(lines, "VmRSS:");
        Long peakKb = kilobytes(lines, "VmHWM:");
        if (rssKb == null) {
            throw new Unreadable("no VmRSS in " + status + " (a zombie?)");
        }
        return new MemoryUsage(MemoryReading.mebibytes(rssKb * 1024.0),
                peakKb == null ? null : MemoryReading.mebibytes(peakKb * 1024.0), SOURCE);
    }

    private static void requireRunning(ProcessIdentity process) throws Unreadable {
        if (!process.isRunning()) {
            throw new Unreadable(process.isRecycled()
                    ? "pid " + process.pid() + " now belongs to another process (the recorded one is gone)"
                    : "process " + process.pid() + " is no longer running");
        }
    }

    /** {@code VmRSS:	  123456 kB} -> 123456. */
    private static Long kilobytes(List<String> lines, String field) {
        for (String line : lines) {
            if (line.startsWith(field)) {
                String[] parts = line.substring(field.length()).trim().split("\\s+");
                try {
                    return Long.parseLong(parts[0]);
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /** Memory that could not be read; the message says why. */
    static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }
}
