package dev.stonks.inttest.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceProcessIT {

    @TempDir
    Path tmp;
    private Path jar;

    @BeforeEach
    void packageTheTinyApp() throws IOException {
        jar = tmp.resolve("app/quarkus-run.jar");
        Files.createDirectories(jar.getParent());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, TinyHttpApp.class.getName());
        String entry = TinyHttpApp.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = new JarOutputStream(file, manifest);
             InputStream classFile = TinyHttpApp.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            classFile.transferTo(out);
            out.closeEntry();
        }
    }

    @Test
    void launchesWithEnvAndSystemPropertiesWaitsForReadinessAndStops() throws Exception {
        int port = FreePorts.pick();
        ServiceSpec spec = ServiceSpec.of("tiny", jar, tmp.resolve("logs/tiny.log"))
                .withEnv("GREETING", "hello")
                .withSystemProperty("tiny.port", Integer.toString(port))
                .withSystemProperty("tiny.name", "stonks")
                .withJvmOptions("-Xmx64m");
        ServiceProcess service = ServiceProcess.launch(spec);
        try {
            service.waitReady(URI.create("http://127.0.0.1:" + port + "/q/health/ready"), Duration.ofSeconds(30));
            HttpResponse<String> hello = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/hello")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(hello.body()).isEqualTo("hello stonks");
            assertThat(service.logFile()).content().contains("tiny app listening on " + port);
        } finally {
            assertThat(service.stop(Duration.ofSeconds(5))).isTrue();
        }
        assertThat(ProcessControl.isAlive(service.pid())).isFalse();
        assertThat(FreePorts.isFree(port)).isTrue();
    }

    @Test
    void failsFastWithTheLogTailWhenTheServiceDies() {
        int port = FreePorts.pick();
        ServiceProcess service = ServiceProcess.launch(ServiceSpec.of("broken", jar, tmp.resolve("broken.log"))
                .withSystemProperty("tiny.fail", "no database"));
        long begin = System.nanoTime();
        assertThatThrownBy(() -> service.waitReady(URI.create("http://127.0.0.1:" + port + "/q/health/ready"),
                Duration.ofSeconds(60)))
                .isInstanceOf(StartFailedException.class)
                .hasMessageContaining("broken")
                .hasMessageContaining("exit code 3")
                .hasMessageContaining("FATAL tiny app: no database");
        assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(10));
    }
}
