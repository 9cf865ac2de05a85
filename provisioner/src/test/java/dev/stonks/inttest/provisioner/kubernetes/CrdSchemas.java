package dev.stonks.inttest.provisioner.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The published CRD schemas in {@code shared/schemas/} (Strimzi, Kargo, Argo CD, Argo Rollouts) as JSON Schemas. A
 * CRD's OpenAPI v3 schema becomes a 2020-12 JSON Schema: {@code nullable} and {@code x-kubernetes-int-or-string}
 * become types, and every object that lists its properties (and does not preserve unknown fields) gets
 * {@code additionalProperties: false}, as the API server's strict field validation would treat it.
 */
final class CrdSchemas {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12);

    /** group/version/kind -> schema */
    private final Map<String, Schema> schemas = new HashMap<>();

    private CrdSchemas() {
    }

    static CrdSchemas load(Path dir) {
        CrdSchemas crds = new CrdSchemas();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                for (JsonNode doc : ManifestTemplate.read(file).documents()) {
                    if ("CustomResourceDefinition".equals(doc.path("kind").asText())) {
                        crds.add(doc);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return crds;
    }

    int size() {
        return schemas.size();
    }

    /** The violations of {@code object} against its CRD's schema; empty when none is known for it. */
    Optional<List<String>> violations(JsonNode object) {
        Schema schema = schemas.get(object.path("apiVersion").asText() + "/" + object.path("kind").asText());
        if (schema == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(schema.validate(JSON.writeValueAsString(object), InputFormat.JSON).stream()
                    .map(Object::toString).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void add(JsonNode crd) {
        String group = crd.path("spec").path("group").asText();
        String kind = crd.path("spec").path("names").path("kind").asText();
        for (JsonNode version : crd.path("spec").path("versions")) {
            JsonNode openApi = version.path("schema").path("openAPIV3Schema");
            if (openApi.isMissingNode()) {
                continue;
            }
            ObjectNode schema = (ObjectNode) toJsonSchema(openApi.deepCopy());
            schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
            try {
                schemas.put(group + "/" + version.path("name").asText() + "/" + kind, REGISTRY.getSchema(
                        JSON.writeValueAsString(schema), InputFormat.JSON));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static JsonNode toJsonSchema(JsonNode node) {
        if (node instanceof ArrayNode array) {
            array.forEach(CrdSchemas::toJsonSchema);
            return array;
        }
        if (!(node instanceof ObjectNode schema)) {
            return node;
        }
        if (schema.has("properties") && schema.get("properties").isObject()) {
            Iterator<Map.Entry<String, JsonNode>> props = schema.get("properties").fields();
            while (props.hasNext()) {
                toJsonSchema(props.next().getValue());
            }
            if (!schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)
                    && !schema.has("additionalProperties")) {
                schema.put("additionalProperties", false);
            }
        }
        for (String child : List.of("items", "additionalProperties", "not")) {
            if (schema.get(child) != null && schema.get(child).isObject()) {
                toJsonSchema(schema.get(child));
            }
        }
        for (String list : List.of("allOf", "anyOf", "oneOf")) {
            if (schema.get(list) != null) {
                toJsonSchema(schema.get(list));
            }
        }
        if (schema.path("x-kubernetes-int-or-string").asBoolean(false)) {
            schema.remove("type");
            ArrayNode anyOf = schema.putArray("anyOf");
            anyOf.addObject().put("type", "integer");
            anyOf.addObject().put("type", "string");
        }
        if (schema.path("nullable").asBoolean(false) && schema.get("type") != null && schema.get("type")
                .isTextual()) {
            ArrayNode types = JsonNodeFactory.instance.arrayNode().add(schema.get("type").asText()).add("null");
            schema.set("type", types);
        }
        // OpenAPI and Kubernetes extensions that JSON Schema does not know (CEL rules cannot be checked here)
        List<String> extensions = new java.util.ArrayList<>();
        schema.fieldNames().forEachRemaining(f -> {
            if (f.startsWith("x-kubernetes-") || f.equals("nullable") || f.equals("example")) {
                extensions.add(f);
            }
        });
        schema.remove(extensions);
        return schema;
    }
}
