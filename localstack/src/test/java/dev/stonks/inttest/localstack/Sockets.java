package dev.stonks.inttest.localstack;

import java.io.IOException;
import java.util.stream.Collectors;

/** For assertion messages: the sockets on a port, as ss(8) shows them. */
final class Sockets {

    private Sockets() {
    }

    static String on(int port) {
        try {
            Process ss = new ProcessBuilder("ss", "-tanpe").redirectErrorStream(true).start();
            String out = new String(ss.getInputStream().readAllBytes());
            return "sockets on port " + port + ":\n" + out.lines()
                    .filter(l -> l.contains(":" + port + " ")).collect(Collectors.joining("\n"));
        } catch (IOException e) {
            return "(ss failed: " + e + ")";
        }
    }
}
