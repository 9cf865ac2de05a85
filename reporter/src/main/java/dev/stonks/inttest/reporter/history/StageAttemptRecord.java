package dev.stonks.inttest.reporter.history;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** One attempt of one stage of a run ({@code stage_attempts}); status running, ok, failed, skipped or timed_out. */
@Entity
@Table(name = "stage_attempts")
@IdClass(StageAttemptRecord.Key.class)
public class StageAttemptRecord {
    public static final String RUNNING = "running";
    public static final String TIMED_OUT = "timed_out";
    public static final String OK = "ok";

    @Id
    @Column(name = "run_id")
    public String runId;
    @Id
    public String stage;
    @Id
    public int attempt;
    public String status;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "completed_at")
    public Instant completedAt;
    @Column(name = "duration_s")
    public Double durationS;
    @Column(name = "error_kind")
    public String errorKind;
    @Column(name = "error_message")
    public String errorMessage;

    /** The natural key: (run, stage, attempt). */
    public static class Key implements Serializable {
        public String runId;
        public String stage;
        public int attempt;

        public Key() {
        }

        public Key(String runId, String stage, int attempt) {
            this.runId = runId;
            this.stage = stage;
            this.attempt = attempt;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && attempt == k.attempt && Objects.equals(runId, k.runId)
                    && Objects.equals(stage, k.stage);
        }

        @Override
        public int hashCode() {
            return Objects.hash(runId, stage, attempt);
        }
    }
}
