package dev.stonks.inttest.promoter.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.stonks.inttest.events.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The promoter's state without a cluster: one JSON object of key -> value in {@code <dir>/}{@value #FILE}, rewritten
 * whole and atomically (a temporary file moved in place) on each change, read at start-up.
 */
public class StateFile implements StateStore {
    public static final String FILE = "promoter-state.json";
    private static final TypeReference<Map<String, String>> VALUES = new TypeReference<>() {
    };

    private final Path file;
    private final Map<String, String> values;

    public StateFile(Path dir) {
        this.file = dir.toAbsolutePath().resolve(FILE);
        this.values = new TreeMap<>(load(file));
    }

    @Override
    public synchronized Optional<String> read(String key) {
        return Optional.ofNullable(values.get(key));
    }

    @Override
    public synchronized void write(String key, String value) {
        Map<String, String> next = new TreeMap<>(values);
        next.put(key, value);
        save(next);
        values.put(key, value);
    }

    @Override
    public synchronized void remove(String key) {
        if (!values.containsKey(key)) {
            return;
        }
        Map<String, String> next = new TreeMap<>(values);
        next.remove(key);
        save(next);
        values.remove(key);
    }

    @Override
    public String describe() {
        return "file " + file;
    }

    private void save(Map<String, String> next) {
        try {
            AtomicFile.write(file, Json.MAPPER.writeValueAsString(next) + "\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode the promoter's state", e);
        }
    }

    private static Map<String, String> load(Path file) {
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        try {
            return Json.MAPPER.readValue(Files.readString(file), VALUES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the promoter's state " + file + " is unreadable: "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the promoter's state " + file, e);
        }
    }
}
