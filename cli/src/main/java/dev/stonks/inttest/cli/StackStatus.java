package dev.stonks.inttest.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stonks.inttest.events.Json;
import dev.stonks.inttest.localstack.sandbox.ProcessIdentity;
import dev.stonks.inttest.localstack.stack.StackRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * What {@code inttest status} shows: the resident stack's addresses, each service (pid, uptime, restarts, ready) and
 * the runs in flight as the reporter knows them. Shaped here from what was read, so it is testable without processes.
 */
final class StackStatus {
    /** The gateway's GitHub webhook. */
    static final String WEBHOOK_PATH = "/webhooks/github";

    private StackStatus() {
    }

    /**
     * The status document.
     *
     * @param dir          the resident directory
     * @param resident     the daemon's record, null when no daemon runs
     * @param stack        the stack's stack.json, null when there is none
     * @param running      whether a recorded process is still that process
     * @param ready        whether a service (by name) answers {@code /q/health/ready} with 200
     * @param runsInFlight the reporter's {@code GET /api/runs?status=running}, null when it did not answer
     * @param now          for uptimes
     */
    static ObjectNode json(Path dir, ResidentStack.Resident resident, StackRecord stack,
            Predicate<ProcessIdentity> running, Predicate<String> ready, JsonNode runsInFlight, Instant now) {
        boolean up = resident != null && resident.ready();
        ObjectNode doc = Json.MAPPER.createObjectNode();
        doc.put("stack", up ? "resident" : null);
        doc.put("state", resident == null ? null : resident.state());
        doc.put("dir", dir.toString());
        doc.put("daemon_pid", resident == null ? null : resident.pid());
        doc.put("bootstrap_servers", up ? resident.bootstrapServers() : null);
        doc.put("reporter_url", up ? url(stack, PipelineService.REPORTER, resident.reporterUrl()) : null);
        doc.put("gateway_url", up ? url(stack, PipelineService.GATEWAY, resident.gatewayUrl()) : null);
        doc.put("promoter_url", up ? url(stack, PipelineService.PROMOTER, resident.promoterUrl()) : null);
        ArrayNode services = doc.putArray("services");
        if (resident != null && stack != null) {
            for (StackRecord.Service s : stack.services()) {
                ObjectNode node = services.addObject();
                boolean alive = s.process() != null && running.test(s.process());
                node.put("name", s.name());
                node.put("pid", s.process() == null ? null : s.process().pid());
                node.put("port", s.port());
                node.put("uptime_s", alive ? uptime(s.process(), now) : null);
                node.put("restarts", s.restarts());
                node.put("ready", alive && ready.test(s.name()));
            }
            if (stack.kafka() != null) {
                StackRecord.Kafka k = stack.kafka();
                boolean alive = k.process() != null && running.test(k.process());
                ObjectNode kafka = doc.putObject("kafka");
                kafka.put("pid", k.process() == null ? null : k.process().pid());
                kafka.put("uptime_s", alive ? uptime(k.process(), now) : null);
                kafka.put("restarts", k.restarts());
                kafka.put("running", alive);
                kafka.put("data_dir", k.dataDir());
            }
            ArrayNode components = doc.putArray("components");
            for (StackRecord.Component c : stack.components()) {
                boolean alive = c.process() != null && running.test(c.process());
                ObjectNode node = components.addObject();
                node.put("name", c.name());
                node.put("pid", c.process() == null ? null : c.process().pid());
                node.put("port", c.port());
                node.put("uptime_s", alive ? uptime(c.process(), now) : null);
                node.put("restarts", c.restarts());
                node.put("running", alive);
                node.put("data_dir", c.dataDir());
            }
        }
        if (up && runsInFlight != null && runsInFlight.isArray()) {
            doc.set("runs_in_flight", runsInFlight);
        } else if (up) {
            doc.putNull("runs_in_flight"); // the reporter did not answer
        } else {
            doc.putArray("runs_in_flight");
        }
        return doc;
    }

    /**
     * The runs in flight from the reporter's answer to {@code GET /api/runs?status=running}: its {@code items} (the
     * paged shape), or the answer itself when it is an array (the earlier shape); null for anything else.
     */
    static JsonNode runsOf(JsonNode answer) {
        if (answer == null) {
            return null;
        }
        if (answer.isArray()) {
            return answer;
        }
        JsonNode items = answer.path("items");
        return items.isArray() ? items : null;
    }

    /** A service's base URL from its port in stack.json (current across restarts), else what the daemon recorded. */
    static String url(StackRecord stack, PipelineService service, String recorded) {
        if (stack != null) {
            for (StackRecord.Service s : stack.services()) {
                if (s.name().equals(service.id()) && s.port() > 0) {
                    return "http://127.0.0.1:" + s.port();
                }
            }
        }
        return recorded;
    }

    /** A few readable lines of the same document. */
    static List<String> text(JsonNode doc) {
        List<String> lines = new ArrayList<>();
        if (!"resident".equals(doc.path("stack").asText(null))) {
            lines.add(doc.path("state").isTextual()
                    ? "resident stack: " + doc.get("state").asText() + " (daemon pid " + doc.path("daemon_pid")
                            .asText() + "), not ready yet; " + doc.path("dir").asText()
                    : "resident stack: not up (" + doc.path("dir").asText() + ")");
            return lines;
        }
        lines.add("resident stack: up (daemon pid " + doc.path("daemon_pid").asText() + ", " + doc.path("dir")
                .asText() + ")");
        lines.add("kafka:    " + doc.path("bootstrap_servers").asText() + kafkaDetail(doc.path("kafka")));
        lines.add("reporter: " + doc.path("reporter_url").asText() + "  (dashboard at /)");
        if (doc.path("gateway_url").isTextual()) {
            lines.add("gateway:  " + doc.get("gateway_url").asText() + "  (webhook: POST "
                    + doc.get("gateway_url").asText() + WEBHOOK_PATH + ")");
        }
        if (doc.path("promoter_url").isTextual()) {
            lines.add("promoter: " + doc.get("promoter_url").asText() + "  (local backend: GET /api/promotions)");
        }
        for (JsonNode c : doc.path("components")) {
            lines.add(String.format(Locale.ROOT, "  %-12s pid %-8s %-9s up %-8s restarts %d  data %s", c.path("name")
                    .asText(), c.path("pid").asText(), c.path("running").asBoolean() ? "running" : "NOT RUNNING",
                    c.path("uptime_s").isNumber() ? duration(c.get("uptime_s").asLong()) : "-",
                    c.path("restarts").asInt(), c.path("data_dir").asText()));
        }
        for (JsonNode s : doc.path("services")) {
            lines.add(String.format(Locale.ROOT, "  %-12s pid %-8s %-9s up %-8s restarts %d", s.path("name")
                    .asText(), s.path("pid").asText(), s.path("ready").asBoolean() ? "ready" : "NOT READY",
                    s.path("uptime_s").isNumber() ? duration(s.get("uptime_s").asLong()) : "-",
                    s.path("restarts").asInt()));
        }
        JsonNode runs = doc.path("runs_in_flight");
        if (!runs.isArray()) {
            lines.add("runs in flight: unknown (the reporter did not answer)");
        } else if (runs.isEmpty()) {
            lines.add("runs in flight: none");
        } else {
            lines.add("runs in flight: " + runs.size());
            for (JsonNode r : runs) {
                lines.add("  " + r.path("run_id").asText() + "  " + r.path("stage").asText("-") + " (attempt "
                        + r.path("attempt").asInt() + "), since " + r.path("started_at").asText(r.path(
                                "requested_at").asText("?")));
            }
        }
        return lines;
    }

    private static String kafkaDetail(JsonNode kafka) {
        if (!kafka.isObject()) {
            return "";
        }
        return " (pid " + kafka.path("pid").asText() + (kafka.path("running").asBoolean() ? "" : ", NOT RUNNING")
                + ", restarts " + kafka.path("restarts").asInt() + ", data " + kafka.path("data_dir").asText() + ")";
    }

    private static Long uptime(ProcessIdentity process, Instant now) {
        return process.startedAt() == null ? null : Math.max(0, Duration.between(process.startedAt(), now)
                .toSeconds());
    }

    /** {@code 45s}, {@code 12m05s}, {@code 3h07m}. */
    static String duration(long seconds) {
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, (seconds % 3600) / 60);
    }
}
