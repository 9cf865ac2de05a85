package dev.stonks.inttest.provisioner.testing;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A stand-in build for tests of the service machinery (not of stonks): answers 200 on /q/health/ready, or, with
 * {@code FAKE_FAIL=true}, logs an error and exits like a service that cannot reach its database. JDK only, so it runs
 * from a jar holding just this class.
 */
public final class FakeService {
    private FakeService() {
    }

    public static void main(String[] args) throws Exception {
        String name = System.getenv("FAKE_NAME");
        int port = Integer.parseInt(System.getenv("FAKE_PORT"));
        System.out.println("fake " + name + " starting, peer " + System.getenv("FAKE_PEER"));
        if ("true".equals(System.getenv("FAKE_FAIL"))) {
            System.out.println("fake " + name + ": FATAL cannot connect to the database");
            System.exit(3);
        }
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/q/health/ready", exchange -> {
            byte[] body = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        System.out.println("fake " + name + " listening on " + port);
    }
}
