package dev.stonks.inttest.localstack;

import java.util.Locale;

/** The packaged native binaries (PostgreSQL, redis-server) are for Linux on x86-64 only. */
final class Platform {

    private Platform() {
    }

    static boolean isLinuxAmd64() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        return os.contains("linux") && (arch.equals("amd64") || arch.equals("x86_64"));
    }

    static void requireLinuxAmd64(String what) {
        if (!isLinuxAmd64()) {
            throw new UnsupportedOperationException("The packaged " + what + " binaries are for linux-amd64 only; this is "
                    + System.getProperty("os.name") + "/" + System.getProperty("os.arch"));
        }
    }
}
