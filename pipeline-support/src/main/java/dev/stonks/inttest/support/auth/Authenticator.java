package dev.stonks.inttest.support.auth;

import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns an {@code Authorization} header into a principal: {@code Bearer <token>}, the token's SHA-256 compared in
 * constant time with every stored hash (all of them are compared, a match does not end the loop early). Or, for an
 * open API, everyone is {@link CallerPrincipal#ANONYMOUS} with every role.
 */
public final class Authenticator {
    /** RFC 6750 b64token, bounded: longer headers are refused before anything is hashed. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._~+/-]{1,512}=*");
    private static final String SCHEME = "bearer";

    private final List<TokensFile.Entry> entries;
    private final boolean open;

    private Authenticator(List<TokensFile.Entry> entries, boolean open) {
        this.entries = List.copyOf(entries);
        this.open = open;
    }

    public static Authenticator withTokens(List<TokensFile.Entry> entries) {
        return new Authenticator(entries, false);
    }

    /** Everyone may do everything: only with an explicit {@code auth.open=true}. */
    public static Authenticator open() {
        return new Authenticator(List.of(), true);
    }

    public boolean isOpen() {
        return open;
    }

    public int tokenCount() {
        return entries.size();
    }

    public Authentication authenticate(String authorization) {
        if (open) {
            return new Authentication.Authenticated(new CallerPrincipal(CallerPrincipal.ANONYMOUS, Roles.ALL.stream()
                    .collect(java.util.stream.Collectors.toSet())));
        }
        if (authorization == null || authorization.isBlank()) {
            return new Authentication.Refused("this endpoint needs Authorization: Bearer <token>");
        }
        String header = authorization.strip();
        int space = header.indexOf(' ');
        if (space < 0 || !header.substring(0, space).toLowerCase(Locale.ROOT).equals(SCHEME)) {
            return new Authentication.Refused("only the Bearer scheme is accepted: Authorization: Bearer <token>");
        }
        String token = header.substring(space + 1).strip();
        if (!TOKEN.matcher(token).matches()) {
            return new Authentication.Refused("the bearer token is malformed");
        }
        byte[] given = TokenHash.digest(token);
        CallerPrincipal found = null;
        for (TokensFile.Entry entry : entries) {
            if (MessageDigest.isEqual(entry.sha256(), given) && found == null) {
                found = entry.principal();
            }
        }
        return found == null ? new Authentication.Refused("the bearer token is not known")
                : new Authentication.Authenticated(found);
    }
}
