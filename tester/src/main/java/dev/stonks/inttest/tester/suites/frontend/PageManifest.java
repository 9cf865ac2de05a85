package dev.stonks.inttest.tester.suites.frontend;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.stonks.inttest.tester.sandbox.PathTemplate;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The frontend's pages and what each one needs from the APIs, read from {@value #RESOURCE} (see that file for the
 * format). Every reference to the dataset, path template, field path and type is checked when the manifest is read,
 * so a mistake in it fails the run at once, naming the page and the endpoint.
 */
public record PageManifest(List<Page> pages) {
    /** The class-path resource of the shipped manifest. */
    public static final String RESOURCE = "/frontend-pages.yaml";
    /** The services an endpoint may name. */
    public static final List<String> SERVICES = List.of("query-api", "registry", "risk", "trading");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}/]+)}");
    private static final Pattern GET = Pattern.compile("(\\S+)\\s+(/\\S*)");

    /** A page: its name, what it shows, and the calls it makes when it loads. */
    public record Page(String name, String renders, List<Endpoint> endpoints) {
        public Page {
            endpoints = List.copyOf(endpoints);
        }
    }

    /** What a page's body must be. */
    public enum Body {
        OBJECT, ARRAY, TEXT
    }

    /**
     * One call of a page and what the page reads from its answer.
     *
     * @param pathValues the placeholders' values, in template order
     * @param query      query parameters, references resolved
     * @param nonEmpty   an array body with at least one element / a text body that is not blank
     * @param fields     checks on the body
     * @param each       checks on every element of an array body
     */
    public record Endpoint(String service, String template, List<String> pathValues, Map<String, String> query,
            Body body, boolean nonEmpty, List<FieldCheck> fields, List<FieldCheck> each) {
        public Endpoint {
            pathValues = List.copyOf(pathValues);
            query = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(query));
            fields = List.copyOf(fields);
            each = List.copyOf(each);
        }

        /** {@code query-api GET /api/trends?direction=bullish}: how the call is named in messages. */
        public String describe() {
            StringBuilder s = new StringBuilder(service).append(" GET ").append(template);
            char sep = '?';
            for (Map.Entry<String, String> q : query.entrySet()) {
                s.append(sep).append(q.getKey()).append('=').append(q.getValue());
                sep = '&';
            }
            return s.toString();
        }
    }

    /** A field path and the rule for what it reaches. */
    public record FieldCheck(FieldPath path, FieldRule rule) {
    }

    public PageManifest {
        pages = List.copyOf(pages);
    }

    /** The shipped manifest. */
    public static PageManifest load() {
        try (InputStream in = PageManifest.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the page manifest " + RESOURCE + " is not on the class path");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** Reads and checks a manifest; {@link IllegalArgumentException} naming the page and endpoint at fault. */
    public static PageManifest parse(String yaml) {
        RawManifest raw;
        try {
            raw = YAML.readValue(yaml, RawManifest.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("the page manifest is not valid: " + e.getMessage(), e);
        }
        if (raw == null || raw.pages() == null || raw.pages().isEmpty()) {
            throw new IllegalArgumentException("the page manifest lists no pages");
        }
        List<Page> pages = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (RawPage p : raw.pages()) {
            if (p.page() == null || p.page().isBlank()) {
                throw new IllegalArgumentException("a page without a name (page: ...)");
            }
            if (!names.add(p.page())) {
                throw new IllegalArgumentException("page " + p.page() + " is listed twice");
            }
            if (p.endpoints() == null || p.endpoints().isEmpty()) {
                throw new IllegalArgumentException("page " + p.page() + " lists no endpoints");
            }
            List<Endpoint> endpoints = new ArrayList<>();
            for (int i = 0; i < p.endpoints().size(); i++) {
                RawEndpoint e = p.endpoints().get(i);
                try {
                    endpoints.add(endpoint(e));
                } catch (IllegalArgumentException ex) {
                    throw new IllegalArgumentException("page " + p.page() + ", endpoint " + (i + 1) + " ("
                            + (e.get() == null ? "no get" : e.get()) + "): " + ex.getMessage(), ex);
                }
            }
            pages.add(new Page(p.page(), p.renders() == null ? "" : p.renders().strip(), endpoints));
        }
        return new PageManifest(pages);
    }

    /** The page called {@code name}. */
    public Page page(String name) {
        return pages.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no page " + name + " in the manifest"));
    }

    private static Endpoint endpoint(RawEndpoint e) {
        Matcher get = GET.matcher(e.get() == null ? "" : e.get().trim());
        if (!get.matches()) {
            throw new IllegalArgumentException("get: must be '<service> <path>', e.g. 'query-api /api/companies'");
        }
        String service = get.group(1);
        String template = get.group(2);
        if (!SERVICES.contains(service)) {
            throw new IllegalArgumentException("unknown service '" + service + "': one of " + SERVICES);
        }
        Map<String, String> params = e.params() == null ? Map.of() : e.params();
        List<String> placeholders = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            placeholders.add(m.group(1));
        }
        if (!new HashSet<>(placeholders).equals(params.keySet())) {
            throw new IllegalArgumentException("the path's placeholders " + placeholders
                    + " and the params " + params.keySet() + " differ");
        }
        List<String> values = placeholders.stream().map(name -> DatasetRefs.resolve(params.get(name))).toList();
        PathTemplate.expand(template, values.toArray());
        Map<String, String> query = new LinkedHashMap<>();
        if (e.query() != null) {
            e.query().forEach((k, v) -> query.put(k, DatasetRefs.resolve(v)));
        }
        String expect = e.expect() == null ? "object" : e.expect().trim();
        boolean nonEmpty = expect.endsWith("!");
        Body body = switch (nonEmpty ? expect.substring(0, expect.length() - 1) : expect) {
            case "object" -> Body.OBJECT;
            case "array" -> Body.ARRAY;
            case "text" -> Body.TEXT;
            default -> throw new IllegalArgumentException("expect: '" + expect + "' is not object, array, array! or "
                    + "text!");
        };
        if (nonEmpty && body == Body.OBJECT) {
            throw new IllegalArgumentException("expect: 'object!' is not a thing: list the fields it must have");
        }
        if (e.each() != null && !e.each().isEmpty() && body != Body.ARRAY) {
            throw new IllegalArgumentException("each: applies to an array body (expect: array)");
        }
        if (e.fields() != null && !e.fields().isEmpty() && body != Body.OBJECT) {
            throw new IllegalArgumentException("fields: apply to an object body; use each: for an array");
        }
        return new Endpoint(service, template, values, query, body, nonEmpty, checks(e.fields()), checks(e.each()));
    }

    private static List<FieldCheck> checks(Map<String, String> specs) {
        if (specs == null) {
            return List.of();
        }
        List<FieldCheck> checks = new ArrayList<>();
        specs.forEach((path, rule) -> checks.add(new FieldCheck(FieldPath.parse(path), FieldRule.parse(rule))));
        return checks;
    }

    record RawManifest(List<RawPage> pages) {
    }

    record RawPage(String page, String renders, List<RawEndpoint> endpoints) {
    }

    record RawEndpoint(String get, Map<String, String> params, Map<String, String> query, String expect,
            Map<String, String> fields, Map<String, String> each) {
    }
}
