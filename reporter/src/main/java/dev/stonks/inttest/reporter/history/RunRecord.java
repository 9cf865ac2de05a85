package dev.stonks.inttest.reporter.history;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One run in the history ({@code runs}): written when it is requested, its stage kept current as events arrive, the
 * rest when its verdict is published. The results document itself ({@code results}, jsonb) is written and read by
 * {@link History} directly.
 */
@Entity
@Table(name = "runs")
public class RunRecord {
    @Id
    @Column(name = "run_id")
    public String runId;
    public String status;
    @Column(name = "image_tag")
    public String imageTag;
    public String branch;
    @Column(name = "git_commit")
    public String commit;
    public String repository;
    public String namespace;
    public String backend;
    @Column(name = "requested_by")
    public String requestedBy;
    @Column(name = "requested_at")
    public Instant requestedAt;
    @Column(name = "completed_at")
    public Instant completedAt;
    @Column(name = "duration_s")
    public Double durationS;
    @Column(name = "exit_code")
    public Integer exitCode;
    public boolean cancelled;
    @Column(name = "cancelled_by")
    public String cancelledBy;
    @Column(name = "cancel_reason")
    public String cancelReason;
    public String stage;
    public int attempt = 1;
    @Column(name = "tests_total")
    public Integer testsTotal;
    @Column(name = "tests_passed")
    public Integer testsPassed;
    @Column(name = "tests_failed")
    public Integer testsFailed;
    @Column(name = "tests_errors")
    public Integer testsErrors;
    @Column(name = "tests_skipped")
    public Integer testsSkipped;
    @Column(name = "slow_endpoints")
    public Integer slowEndpoints;
    /** {@code <git repository or 'local'>@<backend>}: runs of one target are compared with each other. */
    public String target;
    /** seed_data's fingerprint; only runs with the same one are compared. */
    @Column(name = "seed_fingerprint")
    public String seedFingerprint;
}
