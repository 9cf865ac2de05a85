package dev.stonks.inttest.reporter.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stonks.inttest.events.BreakGlassRecorded;
import dev.stonks.inttest.events.Json;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The promoter's break-glass audit trail (promotion.break-glass) in the history, table {@code break_glass_steps}:
 * every step kept, each once however often it is delivered.
 */
@ApplicationScoped
public class BreakGlassSteps {
    private static final String COLUMNS = "event_id, break_glass_id, action, by_principal, reason, opened_by, "
            + "opened_at, expires_at, approvals_required, cast(approved_by as text), run_id, stage, at";

    private final Mutiny.SessionFactory sessions;

    public BreakGlassSteps(Mutiny.SessionFactory sessions) {
        this.sessions = sessions;
    }

    /** Stores {@code step}, delivered as the event {@code eventId}; a step already stored is left as it is. */
    public Uni<Void> record(BreakGlassRecorded step, String eventId) {
        return sessions.withTransaction(s -> s.createNativeQuery("""
                insert into break_glass_steps (event_id, break_glass_id, action, by_principal, reason, opened_by,
                    opened_at, expires_at, approvals_required, approved_by, run_id, stage, at)
                values (:id, :glass, :action, :by, :reason, :openedBy, :openedAt, :expiresAt, :approvals,
                    cast(cast(:approvedBy as text) as jsonb), :run, :stage, :at)
                on conflict do nothing""")
                .setParameter("id", eventId).setParameter("glass", step.breakGlassId())
                .setParameter("action", step.action()).setParameter("by", step.by())
                .setParameter("reason", step.reason()).setParameter("openedBy", step.openedBy())
                .setParameter("openedAt", step.openedAt()).setParameter("expiresAt", step.expiresAt())
                .setParameter("approvals", step.approvalsRequired())
                .setParameter("approvedBy", Json.tree(step.approvedBy()).toString())
                .setParameter("run", step.run()).setParameter("stage", step.stage())
                .setParameter("at", step.at()).executeUpdate().replaceWithVoid());
    }

    /** The newest {@code limit} steps of every break-glass, newest first. */
    public Uni<ArrayNode> newest(int limit) {
        return sessions.withSession(s -> s.createNativeQuery("select " + COLUMNS + " from break_glass_steps "
                + "order by at desc, event_id limit :limit", Object[].class).setParameter("limit", limit)
                .getResultList().map(BreakGlassSteps::items));
    }

    /** The steps in which a break-glass let a promotion of {@code runId} through market hours, newest first. */
    public Uni<ArrayNode> usedBy(String runId) {
        return sessions.withSession(s -> s.createNativeQuery("select " + COLUMNS + " from break_glass_steps "
                + "where run_id = :run and action = :used order by at desc, event_id", Object[].class)
                .setParameter("run", runId).setParameter("used", BreakGlassRecorded.USED).getResultList()
                .map(BreakGlassSteps::items));
    }

    private static ArrayNode items(List<Object[]> rows) {
        ArrayNode list = Json.MAPPER.createArrayNode();
        for (Object[] row : rows) {
            ObjectNode step = list.addObject();
            step.put("event_id", (String) row[0]);
            step.put("break_glass_id", (String) row[1]);
            step.put("action", (String) row[2]);
            step.put("by", (String) row[3]);
            step.put("reason", (String) row[4]);
            step.put("opened_by", (String) row[5]);
            step.put("opened_at", HistoryReads.iso(HistoryReads.instant(row[6])));
            step.put("expires_at", HistoryReads.iso(HistoryReads.instant(row[7])));
            step.put("approvals_required", ((Number) row[8]).intValue());
            step.set("approved_by", array((String) row[9]));
            step.put("run_id", (String) row[10]);
            step.put("stage", (String) row[11]);
            step.put("at", HistoryReads.iso(HistoryReads.instant(row[12])));
        }
        return list;
    }

    private static JsonNode array(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable approved_by in the history: " + e.getMessage(), e);
        }
    }
}
