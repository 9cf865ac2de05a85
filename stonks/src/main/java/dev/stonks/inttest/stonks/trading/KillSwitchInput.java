package dev.stonks.inttest.stonks.trading;

import dev.stonks.inttest.stonks.web.Bodies;

/** Body of {@code POST /api/trading/kill-switch}: {@code {"active": true, "reason": "..."}}. */
public record KillSwitchInput(Boolean active, String reason) {

    public KillSwitchInput validated() {
        return new KillSwitchInput(Bodies.required("active", active),
                reason == null ? null : Bodies.text("reason", reason, 500));
    }
}
