-- The reporter's run history (the query side; the Kafka log stays the truth of runs in flight).
-- Every table is keyed by natural keys, so a replay of the log after a restart rewrites rows instead of adding any.

create table runs (
    run_id          text primary key,
    status          text not null check (status in ('running', 'passed', 'failed', 'error', 'cancelled')),
    image_tag       text not null,
    branch          text,
    git_commit      text,
    repository      text,
    namespace       text,
    backend         text,
    requested_by    text,
    requested_at    timestamptz not null,
    completed_at    timestamptz,
    duration_s      double precision,
    exit_code       integer,
    cancelled       boolean not null default false,
    stage           text,
    attempt         integer not null default 1,
    tests_total     integer,
    tests_passed    integer,
    tests_failed    integer,
    tests_errors    integer,
    tests_skipped   integer,
    slow_endpoints  integer,
    results         jsonb
);
create index runs_by_requested_at on runs (requested_at desc, run_id);
create index runs_by_status on runs (status, requested_at desc);
create index runs_by_image_tag on runs (image_tag, requested_at desc);
create index runs_by_branch on runs (branch, requested_at desc);

-- every attempt of every stage: status running | ok | failed | skipped | timed_out
create table stage_attempts (
    run_id          text not null references runs (run_id) on delete cascade,
    stage           text not null,
    attempt         integer not null,
    status          text not null,
    started_at      timestamptz,
    completed_at    timestamptz,
    duration_s      double precision,
    error_kind      text,
    error_message   text,
    primary key (run_id, stage, attempt)
);

create table test_failures (
    run_id          text not null references runs (run_id) on delete cascade,
    position        integer not null,
    test            text not null,
    kind            text,
    message         text,
    primary key (run_id, position)
);

-- per endpoint ("GET /api/companies"), per run
create table endpoint_stats (
    run_id          text not null references runs (run_id) on delete cascade,
    endpoint        text not null,
    p50_ms          double precision,
    p95_ms          double precision,
    p99_ms          double precision,
    max_ms          double precision,
    samples         integer,
    source          text,
    slow            boolean not null default false,
    primary key (run_id, endpoint)
);

create table budgets (
    run_id          text not null references runs (run_id) on delete cascade,
    metric          text not null,
    limit_value     double precision,
    unit            text,
    actual          double precision,
    subject         text,
    within          boolean,
    reason          text,
    primary key (run_id, metric)
);

create table service_memory (
    run_id          text not null references runs (run_id) on delete cascade,
    service         text not null,
    rss_mb          double precision,
    peak_rss_mb     double precision,
    source          text,
    primary key (run_id, service)
);

create table sql_statements (
    run_id          text not null references runs (run_id) on delete cascade,
    position        integer not null,
    query           text not null,
    calls           bigint,
    mean_ms         double precision,
    max_ms          double precision,
    total_ms        double precision,
    row_count       bigint,
    slow            boolean not null default false,
    primary key (run_id, position)
);

-- promotion.decided events; a run may be promoted before (or without) its history, so no foreign key
create table promotion_decisions (
    run_id          text not null,
    stage           text not null,
    decision        text not null,
    decided_at      timestamptz not null,
    image_tag       text not null,
    reason          text not null,
    promotion_name  text,
    break_glass     jsonb,
    backend         text,
    primary key (run_id, stage, decision, decided_at)
);
create index promotion_decisions_by_time on promotion_decisions (decided_at desc);
