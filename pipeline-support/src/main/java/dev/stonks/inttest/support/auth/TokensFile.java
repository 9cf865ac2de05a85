package dev.stonks.inttest.support.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a tokens file: one token a line, {@code <name> sha256:<64 hex> <role>[,<role>...]}, e.g.
 * {@code ci sha256:9f86d0... runs:write}. Blank lines and lines starting with {@code #} are skipped. Every problem is
 * reported at once with its line number; a file with any problem is refused as a whole (no half-loaded credentials).
 */
public final class TokensFile {
    /** A principal's name: what events and logs show as who did something. */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@:-]{0,99}");
    private static final Pattern HASH = Pattern.compile("sha256:[0-9a-fA-F]{64}");

    private TokensFile() {
    }

    /** One credential: the principal it stands for and the SHA-256 of its token. */
    public record Entry(CallerPrincipal principal, byte[] sha256) {
    }

    public static List<Entry> read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the tokens file " + file + ": " + e.getMessage(), e);
        }
    }

    public static List<Entry> parse(String text, String source) {
        List<Entry> entries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<String> hashes = new HashSet<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = "line " + (i + 1);
            String[] parts = line.split("\\s+");
            if (parts.length != 3) {
                problems.add(where + ": expected '<name> sha256:<hex> <role>[,<role>...]', found " + parts.length
                        + " fields");
                continue;
            }
            boolean ok = true;
            if (!NAME.matcher(parts[0]).matches()) {
                problems.add(where + ": the name is not [A-Za-z0-9][A-Za-z0-9._@:-]{0,99}");
                ok = false;
            } else if (!names.add(parts[0])) {
                problems.add(where + ": the name " + parts[0] + " is given twice");
                ok = false;
            }
            if (!HASH.matcher(parts[1]).matches()) {
                // the hash is not echoed: a token pasted by mistake must not end up in a log
                problems.add(where + ": the second field must be sha256:<64 hex digits> (the token's hash, never "
                        + "the token)");
                ok = false;
            } else if (!hashes.add(parts[1].toLowerCase())) {
                problems.add(where + ": the same token hash is given twice");
                ok = false;
            }
            Set<String> roles = new LinkedHashSet<>(Arrays.asList(parts[2].split(",")));
            for (String role : roles) {
                if (!Roles.ROLE.matcher(role).matches()) {
                    problems.add(where + ": '" + role + "' is not a role (area:action, e.g. " + Roles.RUNS_WRITE
                            + ")");
                    ok = false;
                }
            }
            if (ok) {
                entries.add(new Entry(new CallerPrincipal(parts[0], roles),
                        HexFormat.of().parseHex(parts[1].substring(TokenHash.PREFIX.length()).toLowerCase())));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidTokensFileException(source, problems);
        }
        return List.copyOf(entries);
    }

    /** A line for {@code token}: {@code <name> sha256:<hex> <roles>}. */
    public static String line(String name, String token, List<String> roles) {
        return name + " " + TokenHash.of(token) + " " + String.join(",", roles);
    }
}
