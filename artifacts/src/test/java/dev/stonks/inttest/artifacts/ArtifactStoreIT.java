package dev.stonks.inttest.artifacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stonks.inttest.localstack.S3Config;
import dev.stonks.inttest.localstack.S3Instance;
import dev.stonks.inttest.localstack.S3Server;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ArtifactStore against a real s3proxy (a child JVM started by localstack's S3Server). */
class ArtifactStoreIT {
    private static final String ACCESS = "inttest-access";
    private static final String SECRET = "inttest-secret-key";

    @TempDir
    static Path tmp;
    static S3Instance s3;

    @BeforeAll
    static void startStore() {
        s3 = S3Server.start(S3Config.of(tmp.resolve("s3"), ACCESS, SECRET));
    }

    @AfterAll
    static void stopStore() {
        if (s3 != null) {
            S3Server.stop(s3.pid());
        }
    }

    private static ArtifactStore store(String bucket) {
        return ArtifactStore.create(s3.endpoint().toString(), ACCESS, SECRET, bucket, "us-east-1");
    }

    @Test
    void putGetAndListRoundTrip() {
        byte[] xml = "<testsuites tests=\"3\"/>".getBytes(StandardCharsets.UTF_8);
        byte[] json = "{\"run_id\":\"run-a\",\"exit_code\":0}".getBytes(StandardCharsets.UTF_8);
        try (ArtifactStore store = store("roundtrip")) {
            // When
            ArtifactRef putXml = store.put("run-a", "junit.xml", xml, "application/xml");
            store.put("run-a", "results.json", json, "application/json");
            store.put("run-b", "junit.xml", "other run".getBytes(StandardCharsets.UTF_8), "application/xml");

            // Then
            assertThat(putXml).isEqualTo(new ArtifactRef("junit.xml", "runs/run-a/junit.xml", "application/xml",
                    xml.length));
            Artifact got = store.get("run-a", "junit.xml").orElseThrow();
            assertThat(got.content()).isEqualTo(xml);
            assertThat(got.ref()).isEqualTo(putXml);
            assertThat(store.list("run-a")).containsExactly(
                    new ArtifactRef("junit.xml", "runs/run-a/junit.xml", "application/xml", xml.length),
                    new ArtifactRef("results.json", "runs/run-a/results.json", "application/json", json.length));
            assertThat(s3.dataDir().resolve("roundtrip/runs/run-a/junit.xml")).hasBinaryContent(xml);
        }
    }

    @Test
    void aSecondPutReplacesTheFirst() {
        try (ArtifactStore store = store("overwrite")) {
            store.put("run-a", "results.html", "<p>first, longer</p>".getBytes(StandardCharsets.UTF_8), "text/html");
            byte[] second = "<p>second</p>".getBytes(StandardCharsets.UTF_8);
            // a lower-case charset: s3proxy refused its signature until the store sent it upper case
            store.put("run-a", "results.html", second, "text/html; charset=utf-8");

            Artifact got = store.get("run-a", "results.html").orElseThrow();
            assertThat(got.content()).isEqualTo(second);
            assertThat(List.of(got.ref())).isEqualTo(store.list("run-a"));
            assertThat(got.ref().key()).isEqualTo("runs/run-a/results.html");
            assertThat(got.ref().size()).isEqualTo(second.length);
            // s3proxy keeps it as Jetty rewrote it (text/html;charset=utf-8): the same type for any reader
            assertThat(got.ref().contentType().replace(" ", "")).isEqualToIgnoringCase("text/html;charset=utf-8");
        }
    }

    @Test
    void whatIsNotThereIsEmpty() {
        try (ArtifactStore store = store("missing")) {
            // no bucket yet: reading creates nothing and finds nothing
            assertThat(store.get("run-a", "junit.xml")).isEmpty();
            assertThat(store.list("run-a")).isEmpty();
            assertThat(s3.dataDir().resolve("missing")).doesNotExist();

            store.put("run-a", "junit.xml", new byte[0], null);
            assertThat(store.get("run-a", "results.json")).isEmpty();
            assertThat(store.get("run-z", "junit.xml")).isEmpty();
            assertThat(store.list("run-z")).isEmpty();
            assertThat(store.list("run-a")).containsExactly(new ArtifactRef("junit.xml", "runs/run-a/junit.xml",
                    "application/octet-stream", 0));
        }
    }

    @Test
    void theFirstPutCreatesAMissingBucket() {
        assertThat(s3.dataDir().resolve("made-on-first-put")).doesNotExist();
        try (ArtifactStore store = store("made-on-first-put")) {
            store.put("run-a", "junit.xml", "x".getBytes(StandardCharsets.UTF_8), "application/xml");
        }
        assertThat(s3.dataDir().resolve("made-on-first-put")).isDirectory();
        // another client (another replica) finds it there and writes too
        try (ArtifactStore other = store("made-on-first-put")) {
            other.put("run-b", "junit.xml", "y".getBytes(StandardCharsets.UTF_8), "application/xml");
            assertThat(other.list("run-a")).extracting(ArtifactRef::name).containsExactly("junit.xml");
        }
    }

    @Test
    void aWrongSecretIsAClearErrorNotAnEmptyAnswer() {
        try (ArtifactStore store = store("guarded")) {
            store.put("run-a", "junit.xml", "x".getBytes(StandardCharsets.UTF_8), "application/xml");
        }
        try (ArtifactStore wrong = ArtifactStore.create(s3.endpoint().toString(), ACCESS, "not-the-secret",
                "guarded", "us-east-1")) {
            assertThatThrownBy(() -> wrong.put("run-a", "junit.xml", new byte[1], "application/xml"))
                    .isInstanceOf(ArtifactStoreException.class)
                    .hasMessageContaining(s3.endpoint().toString())
                    .hasMessageContaining("bucket guarded")
                    .hasMessageContaining("runs/run-a/junit.xml")
                    .hasMessageContaining("check ARTIFACTS_ACCESS_KEY and ARTIFACTS_SECRET_KEY");
            assertThatThrownBy(() -> wrong.get("run-a", "junit.xml"))
                    .isInstanceOf(ArtifactStoreException.class)
                    .hasMessageContaining("cannot get runs/run-a/junit.xml")
                    .hasMessageContaining("check ARTIFACTS_ACCESS_KEY and ARTIFACTS_SECRET_KEY");
            assertThatThrownBy(() -> wrong.list("run-a"))
                    .isInstanceOf(ArtifactStoreException.class)
                    .hasMessageContaining("cannot list runs/run-a/");
        }
    }

    @Test
    void anUnreachableStoreNamesItsEndpoint() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String endpoint = "http://127.0.0.1:" + closedPort;
        try (ArtifactStore store = ArtifactStore.create(endpoint, ACCESS, SECRET, "inttest-artifacts", null)) {
            assertThatThrownBy(() -> store.put("run-a", "junit.xml", new byte[1], "application/xml"))
                    .isInstanceOf(ArtifactStoreException.class)
                    .hasMessageStartingWith("artifact store " + endpoint + ", bucket inttest-artifacts: cannot ")
                    .hasMessageContaining("runs/run-a/junit.xml")
                    .hasMessageContaining("ConnectException");
            assertThatThrownBy(() -> store.list("run-a")).isInstanceOf(ArtifactStoreException.class)
                    .hasMessageContaining(endpoint);
        }
    }

    @Test
    void listSkipsObjectsNotWrittenAsArtifacts() {
        try (ArtifactStore store = store("foreign")) {
            store.put("run-a", "junit.xml", "x".getBytes(StandardCharsets.UTF_8), "application/xml");
            store.put("run-a1", "junit.xml", "y".getBytes(StandardCharsets.UTF_8), "application/xml");
            // run-a's prefix is runs/run-a/, which run-a1's keys do not share
            assertThat(store.list("run-a")).extracting(ArtifactRef::key).isEqualTo(List.of("runs/run-a/junit.xml"));
        }
    }
}
