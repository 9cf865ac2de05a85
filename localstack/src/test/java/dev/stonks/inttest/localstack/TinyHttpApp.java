package dev.stonks.inttest.localstack;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for a Quarkus service, packaged into a jar by {@link ServiceProcessIT}: serves
 * /q/health/ready (503 for its first 300 ms, then 200) and /hello (env GREETING + system property
 * tiny.name). With system property tiny.fail it prints an error and exits with code 3 instead.
 */
public final class TinyHttpApp {

    private TinyHttpApp() {
    }

    public static void main(String[] args) throws IOException {
        if (System.getProperty("tiny.fail") != null) {
            System.err.println("FATAL tiny app: " + System.getProperty("tiny.fail"));
            System.exit(3);
        }
        long readyAt = System.currentTimeMillis() + 300;
        int port = Integer.parseInt(System.getProperty("tiny.port"));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/q/health/ready", exchange ->
                reply(exchange, System.currentTimeMillis() >= readyAt ? 200 : 503, "{}"));
        server.createContext("/hello", exchange ->
                reply(exchange, 200, System.getenv("GREETING") + " " + System.getProperty("tiny.name")));
        server.start();
        System.out.println("tiny app listening on " + port);
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
