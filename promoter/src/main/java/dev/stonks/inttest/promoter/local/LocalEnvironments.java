package dev.stonks.inttest.promoter.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.stonks.inttest.events.Json;
import dev.stonks.inttest.events.PromotionDecided;
import dev.stonks.inttest.promoter.chain.PromotionBackend;
import dev.stonks.inttest.promoter.kargo.PromotionStatus;
import dev.stonks.inttest.promoter.kargo.Verification;
import dev.stonks.inttest.promoter.state.AtomicFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The promoter without a cluster: a promotion is a line in a local record of the environments,
 * {@code <dir>/}{@value #FILE} (which image tag each environment holds, every promotion made), written atomically.
 * Nothing is deployed, and every decision says so. The build itself is what is promoted (there is no Warehouse to
 * discover it: its "freight" is the image tag), a recorded promotion has succeeded, and there is no verification to
 * wait for.
 */
public class LocalEnvironments implements PromotionBackend {
    public static final String FILE = "environments.json";
    private static final Logger LOG = Logger.getLogger(LocalEnvironments.class);

    /** What one environment holds now. */
    public record Holding(String imageTag, String runId, String promotion, Instant promotedAt) {
    }

    /** One promotion recorded. */
    public record Promotion(String name, String stage, String imageTag, String runId, Instant promotedAt) {
    }

    /** The file's content. */
    public record Record(String backend, String note, Map<String, Holding> environments, List<Promotion> promotions) {
        public Record {
            // in the order promoted (beta, paper, live), as a person reads the file
            environments = environments == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(
                    environments));
            promotions = promotions == null ? List.of() : List.copyOf(promotions);
        }

        static Record empty() {
            return new Record(PromotionDecided.BACKEND_LOCAL, NOTE, Map.of(), List.of());
        }
    }

    static final String NOTE = "the promoter's local backend: promotions are recorded here, nothing is deployed";

    private final Path file;
    private final Clock clock;
    private Record record;

    public LocalEnvironments(Path dir, Clock clock) {
        this.file = dir.toAbsolutePath().resolve(FILE);
        this.clock = clock;
        this.record = read();
        LOG.infof("local backend: environments recorded in %s (nothing is deployed); %s", file,
                record.environments().isEmpty() ? "none promoted yet" : describe(record.environments()));
    }

    @Override
    public String name() {
        return PromotionDecided.BACKEND_LOCAL;
    }

    @Override
    public String namespace() {
        return file.toString();
    }

    /** The record as it is now (for the API). */
    public synchronized Record record() {
        return record;
    }

    @Override
    public Optional<String> freightFor(String imageTag) {
        return Optional.of(imageTag);
    }

    @Override
    public synchronized boolean promote(String name, String stage, String freight, String runId, String imageTag) {
        if (record.promotions().stream().anyMatch(p -> p.name().equals(name))) {
            return false;
        }
        Instant now = clock.instant();
        Map<String, Holding> environments = new LinkedHashMap<>(record.environments());
        environments.put(stage, new Holding(imageTag, runId, name, now));
        List<Promotion> promotions = new ArrayList<>(record.promotions());
        promotions.add(new Promotion(name, stage, imageTag, runId, now));
        Record next = new Record(record.backend(), NOTE, environments, promotions);
        write(next);
        record = next;
        LOG.infof("run %s: recorded image %s in environment %s (%s); nothing was deployed", runId, imageTag, stage,
                name);
        return true;
    }

    @Override
    public synchronized Optional<PromotionStatus> status(String name) {
        return record.promotions().stream().filter(p -> p.name().equals(name)).findFirst()
                .map(p -> new PromotionStatus(PromotionStatus.SUCCEEDED, "recorded locally"));
    }

    @Override
    public Verification verification(String freight, String stage) {
        return Verification.verified();
    }

    @Override
    public String promotedReason(String name, boolean created, String freight, String stage) {
        return (created ? "recorded image " : "image ") + freight + (created ? " in " : " was already recorded in ")
                + "environment " + stage + " (" + name + ") in " + file.getFileName() + "; local backend: nothing "
                + "was deployed";
    }

    private Record read() {
        if (!Files.isRegularFile(file)) {
            return Record.empty();
        }
        try {
            return Json.MAPPER.readValue(file.toFile(), Record.class);
        } catch (IOException e) {
            throw new IllegalStateException("the local record of the environments " + file + " is unreadable: "
                    + e.getMessage(), e);
        }
    }

    private void write(Record next) {
        try {
            AtomicFile.write(file, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(next) + "\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + file, e);
        } catch (UncheckedIOException e) {
            throw new IllegalStateException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static String describe(Map<String, Holding> environments) {
        StringBuilder s = new StringBuilder();
        environments.forEach((stage, h) -> s.append(s.length() == 0 ? "" : ", ").append(stage).append(" holds ")
                .append(h.imageTag()));
        return s.toString();
    }
}
