package dev.stonks.inttest.provisioner.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** One Redis command over RESP, for tests: returns the first reply line ("+PONG", "-NOAUTH ..."). */
public final class Redis {
    private Redis() {
    }

    public static String command(int port, String password, String... command) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            if (password != null) {
                out.write(resp("AUTH", password));
                String auth = in.readLine();
                if (!"+OK".equals(auth)) {
                    return auth;
                }
            }
            out.write(resp(command));
            return in.readLine();
        }
    }

    private static byte[] resp(String... args) {
        StringBuilder s = new StringBuilder("*").append(args.length).append("\r\n");
        for (String a : args) {
            s.append('$').append(a.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(a).append("\r\n");
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }
}
