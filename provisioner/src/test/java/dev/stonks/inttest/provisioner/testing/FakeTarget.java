package dev.stonks.inttest.provisioner.testing;

import dev.stonks.inttest.localstack.sandbox.SandboxCredentials;
import dev.stonks.inttest.provisioner.target.TargetSystem;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** A target of two services run from a {@link FakeService} build; the services named in {@code failing} exit at once. */
public final class FakeTarget implements TargetSystem {
    private final Set<String> failing;

    public FakeTarget(Set<String> failing) {
        this.failing = failing;
    }

    @Override
    public List<String> services() {
        return List.of("alpha", "beta");
    }

    @Override
    public Path workingTreeBuild(Path home) {
        return home.resolve("fake/quarkus-app/quarkus-run.jar");
    }

    @Override
    public String readinessPath() {
        return "/q/health/ready";
    }

    @Override
    public Map<String, String> environment(String service, int port, SandboxCredentials credentials,
            Map<String, String> serviceUrls) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("FAKE_NAME", service);
        env.put("FAKE_PORT", Integer.toString(port));
        env.put("FAKE_PEER", serviceUrls.get("alpha"));
        env.put("FAKE_DB", credentials.postgresJdbcUrl());
        if (failing.contains(service)) {
            env.put("FAKE_FAIL", "true");
        }
        return env;
    }

    @Override
    public List<String> isolatedEnvironmentPrefixes() {
        return List.of("FAKE_");
    }

    /** Writes {@code <buildsDir>/<tag>/quarkus-app/quarkus-run.jar} running {@link FakeService}. */
    public static Path installBuild(Path buildsDir, String tag) {
        Path jar = buildsDir.resolve(tag).resolve("quarkus-app/quarkus-run.jar");
        String entry = FakeService.class.getName().replace('.', '/') + ".class";
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeService.class.getName());
        try {
            Files.createDirectories(jar.getParent());
            try (OutputStream file = Files.newOutputStream(jar);
                    JarOutputStream out = new JarOutputStream(file, manifest);
                    var in = FakeService.class.getClassLoader().getResourceAsStream(entry)) {
                out.putNextEntry(new JarEntry(entry));
                in.transferTo(out);
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return jar;
    }
}
