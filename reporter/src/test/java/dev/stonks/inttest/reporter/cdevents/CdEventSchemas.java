package dev.stonks.inttest.reporter.cdevents;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import java.util.Map;

/**
 * The CDEvents v0.4.1 JSON schemas vendored under {@code src/test/resources/cdevents/0.4.1} (see its README), by event
 * type. Their {@code $id}s ({@code https://cdevents.dev/0.4.1/schema/...}) resolve to those files, never to the
 * network; formats are asserted (a {@code uri} must be an absolute URI, a {@code timestamp} a date-time).
 */
final class CdEventSchemas {
    private static final String ID_BASE = "https://cdevents.dev/0.4.1/schema/";
    private static final String FILES = "classpath:cdevents/0.4.1/";
    private static final Map<String, String> EVENTS = Map.of(
            TestSuiteRunFinished.TYPE, "test-suite-run-finished-event",
            TestOutputPublished.TYPE, "test-output-published-event");
    private static final Map<String, String> FILE_OF_ID = Map.of(
            "test-suite-run-finished-event", "testsuiterunfinished.json",
            "test-output-published-event", "testoutputpublished.json");
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder
                    .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build())
                    .schemaIdResolvers(ids -> ids.mappings(CdEventSchemas::file)));

    private CdEventSchemas() {
    }

    /** What the schema of {@code type} finds wrong with {@code json} (empty: valid). */
    static List<String> violations(String type, String json) {
        String id = EVENTS.get(type);
        if (id == null) {
            throw new IllegalArgumentException("no vendored schema for " + type);
        }
        Schema schema = REGISTRY.getSchema(SchemaLocation.of(ID_BASE + id));
        return schema.validate(json, InputFormat.JSON).stream().map(Object::toString).toList();
    }

    /** {@code .../schema/links/embeddedlinkend} -> {@code links/embeddedlinkend.json}; null for other ids. */
    private static String file(String id) {
        if (!id.startsWith(ID_BASE)) {
            return null;
        }
        String name = id.substring(ID_BASE.length());
        if (FILE_OF_ID.containsKey(name)) {
            return FILES + FILE_OF_ID.get(name);
        }
        return name.startsWith("links/") ? FILES + name + ".json" : null;
    }
}
