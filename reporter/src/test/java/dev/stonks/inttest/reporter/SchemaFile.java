package dev.stonks.inttest.reporter;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The results schema as it is in the repository ({@code infra/inttest/inttest-results.schema.json}), not the copy
 * packaged in the events jar, so the reporter's results are checked against the schema they are changed with.
 */
final class SchemaFile {
    static final Path PATH = Path.of("..", "infra", "inttest", "inttest-results.schema.json");
    private static final Schema SCHEMA = load();

    private SchemaFile() {
    }

    static List<String> violations(String json) {
        return SCHEMA.validate(json, InputFormat.JSON).stream().map(Object::toString).toList();
    }

    private static Schema load() {
        try (InputStream in = Files.newInputStream(PATH)) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in,
                    InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + PATH.toAbsolutePath(), e);
        }
    }
}
