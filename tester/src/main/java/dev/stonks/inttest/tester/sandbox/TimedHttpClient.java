package dev.stonks.inttest.tester.sandbox;

import dev.stonks.inttest.events.output.EndpointExample;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The Vert.x Web Client, used blocking from a test thread, timing every call with {@link System#nanoTime()} from
 * just before the request is sent until its whole body has arrived, and recording the sample under the endpoint's
 * path template (a probe's under the probes). A call that gets no response (refused, timed out) records no sample and
 * throws {@link SandboxCallException}. The first call of an endpoint that answered 2xx and may be repeated (a GET, a
 * write marked {@link ApiRequest#repeatable()}; never a probe) becomes its example.
 *
 * <p>Call it from a thread that is not a Vert.x thread (the suite runner's own thread): a blocked event loop or
 * worker context would never see its response.
 */
public final class TimedHttpClient implements AutoCloseable {
    private final WebClient client;
    private final Duration timeout;
    private final TimingRecorder timings;

    public TimedHttpClient(Vertx vertx, Duration timeout, TimingRecorder timings) {
        this.timeout = timeout;
        this.timings = timings;
        this.client = WebClient.create(vertx, new WebClientOptions()
                .setUserAgent("inttest-tester")
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()))
                .setFollowRedirects(false)
                .setMaxPoolSize(16));
    }

    public TimingRecorder timings() {
        return timings;
    }

    /** A call of {@code method} on {@code template} (values fill its placeholders) of the service at baseUrl. */
    public ApiRequest request(String service, String baseUrl, String method, String template, Object... values) {
        return new ApiRequest(this, service, baseUrl, method, template, values);
    }

    ApiResponse send(ApiRequest call) {
        String url = call.url();
        String endpoint = PathTemplate.endpointKey(call.method(), call.template());
        String what = call.method() + " " + url + " (" + call.service() + ")";
        HttpRequest<Buffer> request;
        try {
            request = client.requestAbs(HttpMethod.valueOf(call.method()), url);
        } catch (RuntimeException e) {
            throw new SandboxCallException(what + ": invalid request: " + e.getMessage(), e);
        }
        request.timeout(timeout.toMillis());
        call.headers().forEach(request::putHeader);
        long t0 = System.nanoTime();
        var sent = call.body() == null ? request.send() : request.sendBuffer(Buffer.buffer(call.body()));
        Timed timed;
        try {
            timed = sent.map(r -> new Timed(r, System.nanoTime() - t0)).toCompletionStage().toCompletableFuture()
                    .get(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SandboxCallException(what + ": interrupted", e);
        } catch (TimeoutException e) {
            throw new SandboxCallException(what + ": no response within " + timeout.toMillis() + " ms", e);
        } catch (ExecutionException e) {
            throw failure(what, e.getCause() == null ? e : e.getCause());
        }
        HttpResponse<Buffer> response = timed.response();
        if (call.isProbe()) {
            timings.recordProbe(endpoint, timed.nanos());
        } else {
            timings.record(endpoint, timed.nanos());
            if (response.statusCode() / 100 == 2) {
                example(call).ifPresent(example -> timings.example(endpoint, example));
            }
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        response.headers().forEach(h -> headers.computeIfAbsent(h.getKey(), k -> new ArrayList<>()).add(h.getValue()));
        byte[] body = response.body() == null ? new byte[0] : response.body().getBytes();
        return new ApiResponse(call.method(), url, endpoint, response.statusCode(), headers, body,
                timed.nanos() / 1_000_000.0);
    }

    /** A 2xx call the profiler may send again: every GET, and a write call marked repeatable. */
    private static Optional<EndpointExample> example(ApiRequest call) {
        if ("GET".equals(call.method())) {
            return Optional.of(new EndpointExample(call.service(), call.pathAndQuery()));
        }
        if (!call.isRepeatable()) {
            return Optional.empty();
        }
        byte[] body = call.body();
        return Optional.of(body == null
                ? new EndpointExample(call.service(), call.pathAndQuery(), call.method(), null, null)
                : new EndpointExample(call.service(), call.pathAndQuery(), call.method(),
                        new String(body, StandardCharsets.UTF_8), call.contentType()));
    }

    private SandboxCallException failure(String what, Throwable cause) {
        String reason;
        if (cause instanceof ConnectException || cause.getClass().getName().contains("ConnectException")) {
            reason = "connection refused or unreachable: " + cause.getMessage();
        } else if (cause instanceof TimeoutException
                || cause.getClass().getSimpleName().contains("Timeout")
                || String.valueOf(cause.getMessage()).contains("timeout")) {
            reason = "no response within " + timeout.toMillis() + " ms (" + cause.getMessage() + ")";
        } else {
            reason = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        }
        return new SandboxCallException(what + ": " + reason, cause);
    }

    @Override
    public void close() {
        client.close();
    }

    private record Timed(HttpResponse<Buffer> response, long nanos) {
    }
}
