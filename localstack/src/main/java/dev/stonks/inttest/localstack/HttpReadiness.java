package dev.stonks.inttest.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.IntPredicate;

/**
 * Polls an HTTP endpoint until it answers, e.g. {@code /q/health/ready} of a Quarkus service, while watching
 * the process that should serve it: when that process dies the wait fails at once, with the tail of its log.
 */
public final class HttpReadiness {

    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(1))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private HttpReadiness() {
    }

    /** Waits until GET {@code uri} answers 200; fails when {@code watched} dies or after {@code timeout}. */
    public static void await(URI uri, Duration timeout, ProcessHandle watched, Path logFile) {
        awaitStatus(uri, timeout, watched, logFile, status -> status == 200, "200");
    }

    /** {@link #await(URI, Duration, ProcessHandle, Path)} for a process known only by its pid. */
    public static void await(URI uri, Duration timeout, long pid, Path logFile) {
        ProcessHandle watched = ProcessHandle.of(pid).orElseThrow(
                () -> new StartFailedException("Process " + pid + " is not running", logFile));
        await(uri, timeout, watched, logFile);
    }

    /** Waits until GET {@code uri} gets any HTTP answer (a 403 of an S3 store counts). */
    public static void awaitAnyResponse(URI uri, Duration timeout, ProcessHandle watched, Path logFile) {
        awaitStatus(uri, timeout, watched, logFile, status -> true, "an HTTP response");
    }

    private static void awaitStatus(URI uri, Duration timeout, ProcessHandle watched, Path logFile,
                                    IntPredicate accepted, String expected) {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET().build();
        String last = "no answer yet";
        while (true) {
            if (watched != null && !ProcessControl.isAlive(watched.pid())) {
                throw new StartFailedException("Process " + watched.pid() + " died while waiting for " + expected
                        + " from " + uri + " (last: " + last + ")", logFile);
            }
            try {
                HttpResponse<Void> response = CLIENT.send(request, HttpResponse.BodyHandlers.discarding());
                if (accepted.test(response.statusCode())) {
                    return;
                }
                last = "HTTP " + response.statusCode();
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + uri, e);
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new StartFailedException("No " + expected + " from " + uri + " within " + timeout
                        + " (last: " + last + ")", logFile);
            }
            ProcessControl.sleep(POLL);
        }
    }
}
