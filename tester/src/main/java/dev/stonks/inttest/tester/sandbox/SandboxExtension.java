package dev.stonks.inttest.tester.sandbox;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests their {@link Sandbox}: as a parameter of a test, lifecycle method or constructor, and as
 * {@link Sandbox#current()} on the test's thread.
 *
 * <p>The sandbox is the one the {@code SuiteRunner} registered under the configuration parameter
 * {@value Sandboxes#PARAMETER}. Without it (a suite started from an IDE), the parameter {@value #SERVICES_PARAMETER}
 * ({@code query-api=http://127.0.0.1:8081,registry=...}, also read from system properties) describes the services,
 * and {@value #SCALE_PARAMETER} the scale (default 1).
 */
public final class SandboxExtension implements ParameterResolver, BeforeAllCallback, BeforeEachCallback,
        AfterAllCallback, ExecutionCondition {
    public static final String SERVICES_PARAMETER = "inttest.services";
    public static final String SCALE_PARAMETER = "inttest.scale";
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(
            SandboxExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Sandbox.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return sandbox(context);
    }

    /** A run that was cancelled starts no more tests: the rest are reported as skipped. */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (context.getConfigurationParameter(Sandboxes.PARAMETER).flatMap(Sandboxes::get)
                .map(Sandbox::stopped).orElse(false)) {
            return ConditionEvaluationResult.disabled("the run was cancelled: no more tests start");
        }
        return ConditionEvaluationResult.enabled("the run goes on");
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Sandbox.bind(sandbox(context));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Sandbox.bind(sandbox(context));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Sandbox.unbind();
    }

    static Sandbox sandbox(ExtensionContext context) {
        var key = context.getConfigurationParameter(Sandboxes.PARAMETER);
        if (key.isPresent()) {
            return Sandboxes.get(key.get()).orElseThrow(() -> new ParameterResolutionException(
                    "the sandbox '" + key.get() + "' is no longer registered (its run has ended)"));
        }
        return context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(StandaloneSandbox.class, k -> StandaloneSandbox.from(context),
                        StandaloneSandbox.class)
                .sandbox();
    }

    /** A sandbox for suites run outside the SuiteRunner, closed with the root context. */
    record StandaloneSandbox(Vertx vertx, TimedHttpClient http, Sandbox sandbox) implements AutoCloseable {
        static StandaloneSandbox from(ExtensionContext context) {
            String spec = context.getConfigurationParameter(SERVICES_PARAMETER)
                    .orElseThrow(() -> new ParameterResolutionException("no sandbox: run the suite through the "
                            + "SuiteRunner, or set " + SERVICES_PARAMETER + "=query-api=http://host:port,..."));
            Map<String, String> services = new LinkedHashMap<>();
            for (String entry : spec.split(",")) {
                String[] kv = entry.trim().split("=", 2);
                if (kv.length != 2 || kv[0].isBlank() || kv[1].isBlank()) {
                    throw new ParameterResolutionException(SERVICES_PARAMETER + ": expected name=url, got '"
                            + entry + "'");
                }
                services.put(kv[0].trim(), kv[1].trim());
            }
            int scale = context.getConfigurationParameter(SCALE_PARAMETER).map(Integer::parseInt).orElse(1);
            Vertx vertx = Vertx.vertx();
            TimedHttpClient http = new TimedHttpClient(vertx, Duration.ofSeconds(10), new TimingRecorder());
            return new StandaloneSandbox(vertx, http, new Sandbox("standalone", services, scale, http));
        }

        @Override
        public void close() {
            http.close();
            vertx.close();
        }
    }
}
