package dev.stonks.inttest.tester.suites.frontend;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A dotted path to the JSON values a page renders: {@code last_ingestion.started_at}; {@code name[]} steps into
 * every element of the array {@code name}: {@code evidence[].weight} is the weight of every evidence entry.
 */
public record FieldPath(String text, List<Step> steps) {

    /** One field name; {@code each}: the field is an array, go on in every element. */
    public record Step(String name, boolean each) {
    }

    private static final Pattern STEP = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*(\\[])?");

    public FieldPath {
        steps = List.copyOf(steps);
    }

    /** Parses a path; {@link IllegalArgumentException} when it is not one. */
    public static FieldPath parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("an empty field path");
        }
        List<Step> steps = new ArrayList<>();
        for (String part : text.trim().split("\\.", -1)) {
            if (!STEP.matcher(part).matches()) {
                throw new IllegalArgumentException("'" + text + "' is not a field path (name.name, name[].name): '"
                        + part + "'");
            }
            boolean each = part.endsWith("[]");
            steps.add(new Step(each ? part.substring(0, part.length() - 2) : part, each));
        }
        return new FieldPath(text.trim(), steps);
    }

    /**
     * Checks every value the path reaches in {@code root} against {@code rule}, adding a line per problem to
     * {@code problems}, each starting with where it is ({@code [2].evidence[0].weight: expected ...}).
     */
    public void check(JsonNode root, String at, FieldRule rule, List<String> problems) {
        walk(root, 0, at, rule, problems);
    }

    private void walk(JsonNode node, int i, String at, FieldRule rule, List<String> problems) {
        Step step = steps.get(i);
        String here = at.isEmpty() ? step.name() : at + "." + step.name();
        if (node == null || !node.isObject()) {
            problems.add(here + ": expected an object with '" + step.name() + "' but "
                    + (at.isEmpty() ? "the body" : at) + " is " + (node == null ? "missing" : FieldRule.show(node)));
            return;
        }
        JsonNode value = node.get(step.name());
        if (value == null) {
            problems.add(here + ": missing");
            return;
        }
        boolean last = i == steps.size() - 1;
        if (!step.each()) {
            if (last) {
                rule.check(value).ifPresent(p -> problems.add(here + ": " + p));
            } else {
                walk(value, i + 1, here, rule, problems);
            }
            return;
        }
        if (!value.isArray()) {
            problems.add(here + ": expected an array but was " + FieldRule.show(value));
            return;
        }
        for (int k = 0; k < value.size(); k++) {
            String element = here + "[" + k + "]";
            if (last) {
                rule.check(value.get(k)).ifPresent(p -> problems.add(element + ": " + p));
            } else {
                walk(value.get(k), i + 1, element, rule, problems);
            }
        }
    }
}
