package dev.stonks.inttest.stonks.risk;

import dev.stonks.inttest.stonks.web.Bodies;

/** Optional body of {@code POST /api/risk/approvals/{id}/approve|reject}: who decides (default "api") and a note. */
public record ApprovalDecision(String decidedBy, String note) {

    public ApprovalDecision validated() {
        return new ApprovalDecision(decidedBy == null ? "api" : Bodies.text("decided_by", decidedBy, 200),
                note == null ? null : Bodies.text("note", note, 2000));
    }
}
