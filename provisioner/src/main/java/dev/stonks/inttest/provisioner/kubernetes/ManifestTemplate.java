package dev.stonks.inttest.provisioner.kubernetes;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One manifest file as parsed YAML documents, and their rendering: placeholders ({@link Placeholder}) are replaced in
 * string values of the tree, after validation, so substitution is structural. A {@code ${...}} that is not a known
 * placeholder, or one without a value, fails the rendering.
 */
public final class ManifestTemplate {
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Pattern TOKEN = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");

    private final String source;
    private final List<JsonNode> documents;

    private ManifestTemplate(String source, List<JsonNode> documents) {
        this.source = source;
        this.documents = List.copyOf(documents);
    }

    public static ManifestTemplate read(Path file) {
        try {
            return parse(file.toString(), Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read manifest " + file, e);
        }
    }

    /** Parses every non-empty YAML document of {@code yaml}; {@code source} names it in errors. */
    public static ManifestTemplate parse(String source, String yaml) {
        List<JsonNode> docs = new ArrayList<>();
        try (JsonParser parser = YAML.getFactory().createParser(yaml);
                MappingIterator<JsonNode> it = YAML.readValues(parser, JsonNode.class)) {
            while (it.hasNextValue()) {
                JsonNode doc = it.nextValue();
                if (doc != null && !doc.isNull() && !doc.isMissingNode() && !doc.isEmpty()) {
                    if (!doc.isObject()) {
                        throw new ManifestException(source + ": document " + (docs.size() + 1) + " is not a mapping");
                    }
                    docs.add(doc);
                }
            }
        } catch (IOException e) {
            throw new ManifestException(source + " is not valid YAML: " + e.getMessage(), e);
        }
        return new ManifestTemplate(source, docs);
    }

    public String source() {
        return source;
    }

    /** The documents as written, placeholders included. */
    public List<JsonNode> documents() {
        return documents;
    }

    /** The documents with every placeholder replaced by its validated value. */
    public List<ObjectNode> render(Map<Placeholder, String> values) {
        Map<Placeholder, String> validated = new EnumMap<>(Placeholder.class);
        values.forEach((placeholder, value) -> {
            try {
                validated.put(placeholder, placeholder.validated(value));
            } catch (IllegalArgumentException e) {
                throw new ManifestException(source + ": refusing " + placeholder.token() + " = '" + value + "': "
                        + e.getMessage(), e);
            }
        });
        List<ObjectNode> rendered = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            rendered.add((ObjectNode) substitute(documents.get(i).deepCopy(), validated, "document " + (i + 1)));
        }
        return rendered;
    }

    private JsonNode substitute(JsonNode node, Map<Placeholder, String> values, String path) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            List<Map.Entry<String, JsonNode>> replaced = new ArrayList<>();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (TOKEN.matcher(field.getKey()).find()) {
                    throw new ManifestException(source + ": " + path + "." + field.getKey()
                            + ": placeholders are allowed in values only");
                }
                replaced.add(Map.entry(field.getKey(), substitute(field.getValue(), values,
                        path + "." + field.getKey())));
            }
            replaced.forEach(e -> object.set(e.getKey(), e.getValue()));
            return object;
        }
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, substitute(array.get(i), values, path + "[" + i + "]"));
            }
            return array;
        }
        if (node.isTextual()) {
            return TextNode.valueOf(substitute(node.textValue(), values, path));
        }
        return node;
    }

    private String substitute(String text, Map<Placeholder, String> values, String path) {
        Matcher m = TOKEN.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Placeholder placeholder;
            try {
                placeholder = Placeholder.valueOf(m.group(1));
            } catch (IllegalArgumentException e) {
                throw new ManifestException(source + ": " + path + ": unknown placeholder ${" + m.group(1)
                        + "} (known: NAMESPACE, IMAGE_TAG)");
            }
            String value = values.get(placeholder);
            if (value == null) {
                throw new ManifestException(source + ": " + path + ": no value given for " + placeholder.token());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
