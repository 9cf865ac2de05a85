package dev.stonks.inttest.profiler;

import dev.stonks.inttest.events.output.EndpointExample;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jboss.logging.Logger;

/**
 * Measures the endpoints again on the warm services: per endpoint the call the tests made that answered 2xx (a GET,
 * or a write call the target declares repeatable, sent again with the same body and content type) is repeated, first
 * {@code warmup} times untimed (JIT, caches, connection pools, the HTTP connection), then {@code samples} times one
 * after the other, each timed with the monotonic clock. A {@link TimedCallsListener} is told just before the first
 * and just after the last timed call of each endpoint (to watch the database meanwhile). An endpoint whose example does not
 * answer 2xx any more (a mutating test changed the data, the service is gone), or that the overall time cap does not
 * leave time for, is not measured; the reason is handed back and the caller keeps the tests' figures for it.
 */
@ApplicationScoped
public class WarmEndpointSampler {
    private static final Logger LOG = Logger.getLogger(WarmEndpointSampler.class);
    static final String USER_AGENT = "inttest-profiler";

    /**
     * @param warmupRequests untimed calls per endpoint before the timed ones
     * @param samples        timed calls per endpoint
     * @param maxTime        cap of the whole measurement
     * @param requestTimeout cap of one call
     */
    public record Settings(int warmupRequests, int samples, Duration maxTime, Duration requestTimeout) {
        public Settings {
            if (warmupRequests < 0 || samples < 1) {
                throw new IllegalArgumentException("warm-up requests must be >= 0 and samples >= 1, were "
                        + warmupRequests + " and " + samples);
            }
            if (maxTime.isNegative() || requestTimeout.isNegative() || requestTimeout.isZero()) {
                throw new IllegalArgumentException("the time cap and the request timeout must be positive");
            }
        }

        static Settings of(ProfilerConfig config) {
            return new Settings(config.warmupRequests(), config.samples(), Duration.ofSeconds(config.maxSeconds()),
                    Duration.ofMillis(config.requestTimeoutMs()));
        }
    }

    /** Told around each endpoint's timed calls; what it does takes no time from the samples. */
    public interface TimedCallsListener {
        TimedCallsListener NONE = new TimedCallsListener() {
            @Override
            public void beforeTimedCalls(String endpoint) {
            }

            @Override
            public void afterTimedCalls(String endpoint, int calls) {
            }
        };

        /** After the warm-up calls of {@code endpoint}, before its first timed call. */
        void beforeTimedCalls(String endpoint);

        /** After the last of its {@code calls} timed calls, all of which answered 2xx. */
        void afterTimedCalls(String endpoint, int calls);
    }

    private final Settings settings;
    private final HttpClient http;

    @Inject
    public WarmEndpointSampler(ProfilerConfig config) {
        this(Settings.of(config));
    }

    WarmEndpointSampler(Settings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.requestTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * @param examples    per endpoint key, the call to repeat; endpoints are measured in key order
     * @param serviceUrls base URL per service (the run context's services)
     */
    public WarmSamples sample(Map<String, EndpointExample> examples, Map<String, String> serviceUrls) {
        return sample(examples, serviceUrls, () -> { }, TimedCallsListener.NONE);
    }

    /**
     * As above; {@code checkpoint} runs before each endpoint and throws to stop; {@code listener} is told around
     * each endpoint's timed calls.
     */
    public WarmSamples sample(Map<String, EndpointExample> examples, Map<String, String> serviceUrls,
            Runnable checkpoint, TimedCallsListener listener) {
        if (examples.isEmpty()) {
            return WarmSamples.none();
        }
        long start = System.nanoTime();
        Run run = new Run(start + settings.maxTime().toNanos());
        Map<String, List<Double>> measured = new TreeMap<>();
        Map<String, String> unavailable = new TreeMap<>();
        new TreeMap<>(examples).forEach((endpoint, example) -> {
            checkpoint.run();
            try {
                measured.put(endpoint, measure(run, endpoint, example, serviceUrls, listener));
            } catch (NotMeasured e) {
                unavailable.put(endpoint, e.getMessage());
            }
        });
        LOG.infof("measured %d of %d endpoints warm in %.1f s (%d calls)", measured.size(), examples.size(),
                (System.nanoTime() - start) / 1e9, run.requests);
        return new WarmSamples(measured, unavailable, run.requests);
    }

    private List<Double> measure(Run run, String endpoint, EndpointExample example, Map<String, String> serviceUrls,
            TimedCallsListener listener) throws NotMeasured {
        if (run.remainingNanos() <= 0) {
            throw new NotMeasured(capReached() + " before this endpoint");
        }
        HttpRequest.Builder request = request(example, serviceUrls);
        for (int i = 1; i <= settings.warmupRequests(); i++) {
            call(run, request, "warm-up call " + i + " of " + settings.warmupRequests());
        }
        listener.beforeTimedCalls(endpoint);
        List<Double> samples = new ArrayList<>(settings.samples());
        for (int i = 1; i <= settings.samples(); i++) {
            long t0 = System.nanoTime();
            call(run, request, "timed call " + i + " of " + settings.samples());
            samples.add((System.nanoTime() - t0) / 1e6);
        }
        listener.afterTimedCalls(endpoint, samples.size());
        return samples;
    }

    /** The example's call: its method, and its body with its content type when it has one. */
    private static HttpRequest.Builder request(EndpointExample example, Map<String, String> serviceUrls)
            throws NotMeasured {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(example, serviceUrls))
                .method(example.httpMethod(), example.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(example.body(), StandardCharsets.UTF_8))
                .header("User-Agent", USER_AGENT);
        if (example.contentType() != null) {
            request.header("Content-Type", example.contentType());
        }
        return request;
    }

    private static URI uri(EndpointExample example, Map<String, String> serviceUrls) throws NotMeasured {
        String base = serviceUrls.get(example.service());
        if (base == null) {
            throw new NotMeasured("service '" + example.service() + "' of the example has no base URL in the run's "
                    + "context " + new TreeSet<>(serviceUrls.keySet()));
        }
        String url = (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + example.path();
        try {
            URI uri = URI.create(url);
            if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())
                    || uri.getHost() == null) {
                throw new IllegalArgumentException("not http(s) or no host");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new NotMeasured("the example " + url + " is not a URL: " + e.getMessage());
        }
    }

    /** One call whose answer is read to the end; fails unless it answers 2xx in time. */
    private void call(Run run, HttpRequest.Builder builder, String which) throws NotMeasured {
        long remaining = run.remainingNanos();
        if (remaining <= 0) {
            throw new NotMeasured(capReached() + " at the " + which);
        }
        Duration timeout = settings.requestTimeout().compareTo(Duration.ofNanos(remaining)) < 0
                ? settings.requestTimeout() : Duration.ofNanos(remaining);
        HttpRequest request = builder.timeout(timeout).build();
        String call = request.method() + " " + request.uri();
        run.requests++;
        int status;
        try {
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (HttpTimeoutException e) {
            throw new NotMeasured(run.remainingNanos() <= 0 ? capReached() + " at the " + which
                    : call + " did not answer within " + timeout.toMillis() + " ms at the " + which);
        } catch (IOException e) {
            throw new NotMeasured(call + " failed at the " + which + ": " + describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotMeasured("interrupted at the " + which);
        }
        if (status < 200 || status > 299) {
            throw new NotMeasured(call + " answered " + status + " at the " + which);
        }
    }

    private String capReached() {
        return "the profiler's time cap of " + settings.maxTime().toSeconds() + " s (profiler.max-seconds) was reached";
    }

    private static String describe(IOException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getMessage() == null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName()
                : root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /** The state of one measurement: its deadline on the monotonic clock and the calls sent so far. */
    private static final class Run {
        private final long deadline;
        private int requests;

        Run(long deadline) {
            this.deadline = deadline;
        }

        long remainingNanos() {
            return deadline - System.nanoTime();
        }
    }

    /** An endpoint that could not be measured; the message says why. */
    private static final class NotMeasured extends Exception {
        NotMeasured(String message) {
            super(message, null, false, false);
        }
    }
}
