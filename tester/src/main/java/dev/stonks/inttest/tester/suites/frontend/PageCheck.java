package dev.stonks.inttest.tester.suites.frontend;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stonks.inttest.tester.sandbox.ApiRequest;
import dev.stonks.inttest.tester.sandbox.ApiResponse;
import dev.stonks.inttest.tester.sandbox.Sandbox;
import dev.stonks.inttest.tester.sandbox.SandboxCallException;
import dev.stonks.inttest.tester.suites.frontend.PageManifest.Endpoint;
import dev.stonks.inttest.tester.suites.frontend.PageManifest.FieldCheck;
import dev.stonks.inttest.tester.suites.frontend.PageManifest.Page;
import java.util.ArrayList;
import java.util.List;
import org.opentest4j.AssertionFailedError;

/**
 * Loads a page against the sandbox: calls every endpoint of the page, and fails (a wrong answer) listing each
 * endpoint that did not answer 200 with what the page renders. A call that gets no answer at all (refused, timed
 * out, an unknown service) is not a wrong answer: its {@link SandboxCallException} ends the test as an error.
 */
public final class PageCheck {
    /** Problems listed per endpoint before "... and N more". */
    static final int MAX_PROBLEMS = 8;

    private PageCheck() {
    }

    /** Calls the page's endpoints; throws {@link AssertionFailedError} listing every endpoint that fell short. */
    public static void load(Sandbox sandbox, Page page) {
        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : page.endpoints()) {
            List<String> problems = problems(sandbox, endpoint);
            if (!problems.isEmpty()) {
                StringBuilder s = new StringBuilder(endpoint.describe()).append(": ");
                int shown = Math.min(problems.size(), MAX_PROBLEMS);
                s.append(String.join("; ", problems.subList(0, shown)));
                if (problems.size() > shown) {
                    s.append("; ... and ").append(problems.size() - shown).append(" more");
                }
                wrong.add(s.toString());
            }
        }
        if (!wrong.isEmpty()) {
            throw new AssertionFailedError("page " + page.name() + ": " + wrong.size() + " of "
                    + page.endpoints().size() + " endpoint(s) do not give what the page renders:\n  - "
                    + String.join("\n  - ", wrong));
        }
    }

    /** What is wrong with one endpoint's answer (empty: nothing). */
    static List<String> problems(Sandbox sandbox, Endpoint endpoint) {
        ApiRequest request = sandbox.service(endpoint.service()).request("GET", endpoint.template(),
                endpoint.pathValues().toArray());
        endpoint.query().forEach(request::query);
        ApiResponse response = request.send();
        List<String> problems = new ArrayList<>();
        if (response.status() != 200) {
            problems.add(statusProblem(response));
            return problems;
        }
        if (endpoint.body() == PageManifest.Body.TEXT) {
            if (endpoint.nonEmpty() && response.body().isBlank()) {
                problems.add("empty body where the page shows text");
            }
            return problems;
        }
        JsonNode body;
        try {
            body = response.json();
        } catch (AssertionError e) {
            problems.add(firstLine(e.getMessage()));
            return problems;
        }
        if (endpoint.body() == PageManifest.Body.ARRAY) {
            if (!body.isArray()) {
                problems.add("expected a JSON array but was " + FieldRule.show(body));
                return problems;
            }
            if (endpoint.nonEmpty() && body.isEmpty()) {
                problems.add("an empty list where the page shows rows");
            }
            for (int i = 0; i < body.size(); i++) {
                for (FieldCheck check : endpoint.each()) {
                    check.path().check(body.get(i), "[" + i + "]", check.rule(), problems);
                }
            }
            return problems;
        }
        if (!body.isObject()) {
            problems.add("expected a JSON object but was " + FieldRule.show(body));
            return problems;
        }
        for (FieldCheck check : endpoint.fields()) {
            check.path().check(body, "", check.rule(), problems);
        }
        return problems;
    }

    private static String statusProblem(ApiResponse response) {
        String body = response.body().strip().replaceAll("\\s+", " ");
        return "HTTP " + response.status() + " instead of 200" + (body.isEmpty() ? ""
                : " (" + (body.length() > 160 ? body.substring(0, 160) + "..." : body) + ")");
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
