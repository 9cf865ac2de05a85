package dev.stonks.inttest.promoter.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stonks.inttest.events.BreakGlassRecorded;
import dev.stonks.inttest.events.Json;
import dev.stonks.inttest.events.KafkaEventRecords;
import dev.stonks.inttest.events.Topics;
import dev.stonks.inttest.promoter.testing.Bus;
import dev.stonks.inttest.promoter.testing.KafkaLocalBackendResource;
import dev.stonks.inttest.promoter.testing.MutableClock;
import dev.stonks.inttest.promoter.testing.TestTokens;
import dev.stonks.inttest.support.auth.TokenHash;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hostile input against the break-glass doors, generated (jqwik's arbitraries, sampled here because the jqwik engine
 * does not start Quarkus) and sent over HTTP to the promoter on a real broker (local backend, two-person rule). For
 * every surface: never a 5xx; accepted exactly when the generator built a valid request from an allowed caller; and
 * exactly one {@code promotion.break-glass} step on inttest.verdicts per accepted request, none for a refusal. The
 * case counts are printed and written to target/property-counts/promoter.txt.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaLocalBackendResource.class, restrictToAnnotatedClass = true)
class PromoterHostileInputIT {
    static final int CASES = 250;
    private static final Instant NOW = Instant.parse("2026-11-24T15:00:00Z");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Map<String, Integer> COUNTS = new TreeMap<>();
    private static Bus bus;

    @Inject
    MutableClock clock;

    @TestHTTPResource("/api")
    URL api;

    @BeforeAll
    static void connect() {
        bus = new Bus(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                List.of(Topics.VERDICTS));
    }

    @AfterAll
    static void disconnect() throws IOException {
        bus.close();
        StringBuilder lines = new StringBuilder();
        COUNTS.forEach((surface, n) -> lines.append(surface).append(' ').append(n).append('\n'));
        System.out.print("generated cases per surface (promoter):\n" + lines);
        Path dir = Files.createDirectories(Path.of("target", "property-counts"));
        Files.writeString(dir.resolve("promoter.txt"), lines);
    }

    @BeforeEach
    void settle() {
        clock.set(NOW);
        bus.drain(Duration.ofSeconds(1), r -> true);
    }

    /** Authorization headers on opening: alice's token opens, bob's and carol's are 403, anything else 401. */
    @Test
    void hostileAuthorizationHeaders() throws Exception {
        Arbitrary<String> headers = Arbitraries.oneOf(
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(300),
                Arbitraries.strings().withCharRange('!', '~').ofMaxLength(100).map(s -> "Bearer " + s),
                Arbitraries.integers().between(0, TestTokens.ALICE.length() - 1)
                        .map(n -> "Bearer " + TestTokens.ALICE.substring(0, n)),
                Arbitraries.of("Bearer " + TestTokens.ALICE, "bearer  " + TestTokens.ALICE, "Basic " + TestTokens.ALICE,
                        "Bearer " + TestTokens.BOB, "Bearer " + TestTokens.CAROL, "Bearer " + TestTokens.ALICE + "x",
                        "Bearer " + TokenHash.of(TestTokens.ALICE), "Bearer:" + TestTokens.ALICE));
        List<String> cases = headers.sampleStream().limit(CASES).toList();
        int opened = 0;
        for (String header : cases) {
            HttpResponse<String> response = send("POST", "/break-glass", "{\"reason\": \"r\", \"duration\": \"1h\"}",
                    header.isEmpty() ? null : header);
            assertThat(response.statusCode()).as(header + " -> " + response.body()).isLessThan(500);
            int expected = token(header, TestTokens.ALICE) ? 201
                    : token(header, TestTokens.BOB) || token(header, TestTokens.CAROL) ? 403 : 401;
            assertThat(response.statusCode()).as(header + " -> " + response.body()).isEqualTo(expected);
            opened += expected == 201 ? 1 : 0;
        }
        assertThat(steps()).hasSize(opened).allSatisfy(s -> {
            assertThat(s.action()).isEqualTo("opened");
            assertThat(s.by()).isEqualTo("alice");
        });
        COUNTS.put("authorization-header", cases.size());
    }

    /** Break-glass bodies from pools of valid and invalid values, fields naming a person, unknown fields, garbage. */
    @Test
    void hostileBreakGlassBodies() throws Exception {
        Arbitrary<Field> reason = Arbitraries.oneOf(
                Arbitraries.strings().alpha().numeric().withChars(' ', '-', '\n').ofMinLength(1).ofMaxLength(300)
                        .filter(s -> !s.isBlank()).map(s -> new Field("reason", s, true)),
                Arbitraries.of("", "   ", "a\u0000b", "x\u001b[31m", "r".repeat(1001)).map(s -> new Field("reason",
                        s, false)),
                Arbitraries.of(7, true, List.of("a")).map(v -> new Field("reason", v, false)));
        Arbitrary<Field> expiry = Arbitraries.oneOf(
                Arbitraries.integers().between(1, 24 * 60).map(m -> new Field("duration", "PT" + m + "M", true)),
                Arbitraries.integers().between(1, 24).map(h -> new Field("duration", h + "h", true)),
                Arbitraries.integers().between(1, 24 * 3600).map(s -> new Field("expires_at",
                        NOW.plusSeconds(s).toString(), true)),
                Arbitraries.of("0h", "-PT1H", "PT24H1S", "25h", "PT99999999999999999H", "soon", "", "P1D1H")
                        .map(s -> new Field("duration", s, false)),
                Arbitraries.integers().between(-86400, 0).map(s -> new Field("expires_at",
                        NOW.plusSeconds(s).toString(), false)),
                Arbitraries.of("2026-11-25T15:00:01Z", "tomorrow", "2026-13-01T00:00:00Z", "+999999999-12-31T23:59:59Z")
                        .map(s -> new Field("expires_at", s, false)),
                Arbitraries.of(3600, 1.5, false).map(v -> new Field("duration", v, false)));
        Arbitrary<Field> extra = Arbitraries.oneOf(
                Arbitraries.of("who", "opened_by", "approved_by", "by", "why", "expires", "approvals", "id", "state")
                        .map(f -> new Field(f, "mallory", false)),
                Arbitraries.just(new Field("expires_at", NOW.plusSeconds(60).toString(), true)));
        Arbitrary<Body> structured = Combinators.combine(reason.injectNull(0.1), expiry.injectNull(0.1),
                extra.injectNull(0.8)).as((r, e, x) -> Body.of(r, e, x));
        Arbitrary<Body> garbage = Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(200),
                Arbitraries.of("null", "[]", "\"reason\"", "{\"reason\": \"r\"", "{}", "{\"reason\": \"r\", "
                        + "\"duration\": \"1h\"} x")).map(s -> new Body(s, false));
        List<Body> cases = Arbitraries.frequencyOf(Tuple.of(4, structured), Tuple.of(1, garbage)).sampleStream()
                .limit(CASES).toList();
        int opened = 0;
        for (Body body : cases) {
            HttpResponse<String> response = send("POST", "/break-glass", body.json(), "Bearer " + TestTokens.ALICE);
            assertThat(response.statusCode()).as(body.json() + " -> " + response.body())
                    .isEqualTo(body.valid() ? 201 : 400);
            if (response.statusCode() == 400) {
                assertThat(response.headers().firstValue("content-type")).get().asString()
                        .startsWith("application/problem+json");
            } else {
                JsonNode view = Json.MAPPER.readTree(response.body());
                assertThat(view.path("opened_by").asText()).isEqualTo("alice");
                assertThat(Instant.parse(view.path("expires_at").asText())).isAfter(NOW)
                        .isBeforeOrEqualTo(NOW.plus(Duration.ofHours(24)));
                opened++;
            }
        }
        assertThat(steps()).hasSize(opened).allSatisfy(s -> assertThat(s.action() + " " + s.by())
                .isEqualTo("opened alice"));
        COUNTS.put("break-glass-body", cases.size());
    }

    /**
     * Approvals: generated ids (real ones and anything), callers (the opener, bob, carol, nobody, garbage) and bodies.
     * Only bob's first approval of a real, open break-glass, without a body, is accepted.
     */
    @Test
    void hostileApprovals() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            HttpResponse<String> opened = send("POST", "/break-glass", "{\"reason\": \"r" + i + "\", \"duration\": "
                    + "\"2h\"}", "Bearer " + TestTokens.ALICE);
            ids.add(Json.MAPPER.readTree(opened.body()).path("id").asText());
        }
        steps();
        Arbitrary<String> id = Arbitraries.oneOf(Arbitraries.of(ids),
                Arbitraries.strings().withCharRange(' ', '~').ofMinLength(1).ofMaxLength(70),
                Arbitraries.of(ids).map(s -> s + "x"), Arbitraries.of(ids).map(String::toUpperCase));
        Arbitrary<String> caller = Arbitraries.of("Bearer " + TestTokens.ALICE, "Bearer " + TestTokens.BOB,
                "Bearer " + TestTokens.CAROL, "", "Bearer nope", "Bearer " + TestTokens.BOB + " ");
        Arbitrary<String> body = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just("")),
                Tuple.of(2, Arbitraries.just("{}")), Tuple.of(1, Arbitraries.of("{\"approved_by\": \"bob\"}",
                        "{\"by\": \"dave\"}", "[]", "null")), Tuple.of(1, Arbitraries.strings().all().ofMaxLength(50)));
        List<String[]> cases = Combinators.combine(id, caller, body).as((i, c, b) -> new String[] {i, c, b})
                .sampleStream().limit(CASES).toList();
        Set<String> approved = new HashSet<>();
        int accepted = 0;
        for (String[] c : cases) {
            String path = "/break-glass/" + URLEncoder.encode(c[0], StandardCharsets.UTF_8).replace("+", "%20")
                    + "/approve";
            HttpResponse<String> response = send("POST", path, c[2], c[1].isEmpty() ? null : c[1]);
            String what = c[0] + " | " + c[1] + " | " + c[2] + " -> " + response.body();
            assertThat(response.statusCode()).as(what).isLessThan(500);
            int expected;
            boolean known = ids.contains(c[0]);
            boolean pathIsRouted = !c[0].contains("/") && !c[0].equals(".") && !c[0].equals("..");
            if (!pathIsRouted) {
                assertThat(response.statusCode()).as(what).isBetween(400, 499);
                continue;
            }
            if (!c[1].startsWith("Bearer ") || c[1].equals("Bearer nope")) {
                expected = 401;
            } else if (c[1].contains(TestTokens.CAROL)) {
                expected = 403;
            } else if (!c[2].isBlank() && !c[2].strip().equals("{}")) {
                expected = 400;
            } else if (!known) {
                expected = 404;
            } else if (c[1].contains(TestTokens.ALICE)) {
                expected = 403; // the opener is never the second person
            } else {
                expected = approved.add(c[0]) ? 200 : 409;
            }
            assertThat(response.statusCode()).as(what).isEqualTo(expected);
            accepted += expected == 200 ? 1 : 0;
        }
        assertThat(steps()).hasSize(accepted).allSatisfy(s -> assertThat(s.action() + " " + s.by())
                .isEqualTo("approved bob"));
        COUNTS.put("approval", cases.size());
    }

    private static boolean token(String header, String token) {
        return Pattern.compile("(?i:bearer) +" + Pattern.quote(token)).matcher(header.strip()).matches();
    }

    /** The break-glass steps published since the last call (they are published before the request is answered). */
    private static List<BreakGlassRecorded> steps() {
        List<BreakGlassRecorded> steps = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : bus.drain(Duration.ofSeconds(2), r -> Bus.header(r, "ce_type")
                .equals("dev.stonks.inttest.promotion.break-glass.v1"))) {
            steps.add((BreakGlassRecorded) KafkaEventRecords.decode(r).event());
        }
        return steps;
    }

    private HttpResponse<String> send(String method, String path, String body, String authorization)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        request.header("content-type", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    record Field(String name, Object value, boolean valid) {
    }

    record Body(String json, boolean valid) {
        /** Valid exactly when the JSON sent has a valid reason, one valid expiry field and nothing else. */
        static Body of(Field reason, Field expiry, Field extra) {
            ObjectNode node = Json.MAPPER.createObjectNode();
            Map<String, Field> sent = new HashMap<>();
            for (Field f : new Field[] {reason, expiry, extra}) {
                if (f != null) {
                    node.set(f.name(), Json.MAPPER.valueToTree(f.value()));
                    sent.put(f.name(), f); // as in the JSON: the last one of a name wins
                }
            }
            long expiries = sent.keySet().stream().filter(n -> n.equals("duration") || n.equals("expires_at")).count();
            boolean valid = sent.containsKey("reason") && expiries == 1 && sent.size() == 2
                    && sent.values().stream().allMatch(Field::valid);
            return new Body(node.toString(), valid);
        }
    }
}
