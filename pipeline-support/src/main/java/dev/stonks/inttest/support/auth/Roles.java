package dev.stonks.inttest.support.auth;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The roles a token can carry. A door names the one role it needs ({@link RequiresRole}); a token file may name other
 * roles too (they are kept but grant nothing until a door asks for them).
 */
public final class Roles {
    /** Request, cancel and replay runs through the gateway. */
    public static final String RUNS_WRITE = "runs:write";
    /** Open and close a break-glass at the promoter. */
    public static final String BREAK_GLASS = "promotions:break-glass";
    /** Approve someone else's break-glass (the second person of {@code promoter.break-glass.approvals=2}). */
    public static final String APPROVE = "promotions:approve";
    /** Switch promotion stages on and off (reserved: the switches are read at start-up for now). */
    public static final String SWITCH = "promotions:switch";
    /** Every role this version knows, in the order an admin token lists them. */
    public static final List<String> ALL = List.of(RUNS_WRITE, BREAK_GLASS, APPROVE, SWITCH);

    /** What a role looks like: {@code area:action}, lower case. */
    static final Pattern ROLE = Pattern.compile("[a-z][a-z0-9-]{0,30}:[a-z][a-z0-9-]{0,30}");

    private Roles() {
    }
}
