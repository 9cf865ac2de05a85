-- Regressions (issue 11): a run is compared with earlier passing runs of the same target and seed fingerprint.
-- target = '<git repository or local>@<backend>'; seed_fingerprint = seed_data's 'sha256:<hex>' (null without one).
alter table runs add column target text;
alter table runs add column seed_fingerprint text;
update runs set target = coalesce(nullif(repository, ''), 'local') || '@' || coalesce(nullif(backend, ''), 'local'),
    seed_fingerprint = results->>'seed_fingerprint';
create index runs_by_baseline on runs (target, seed_fingerprint, completed_at desc) where status = 'passed';

-- warm: measured by the profiler after warm-up calls (only warm figures are judged: budgets, regressions);
-- first_call_ms: the tests' first (cold) call of the endpoint
alter table endpoint_stats add column warm boolean not null default false;
alter table endpoint_stats add column first_call_ms double precision;

-- what regressed in a run against its baseline (the median of the baseline runs' figures)
create table regressions (
    run_id          text not null references runs (run_id) on delete cascade,
    kind            text not null check (kind in ('endpoint', 'stage')),
    subject         text not null,
    metric          text not null,
    actual          double precision not null,
    baseline        double precision not null,
    ratio           double precision not null,
    primary key (run_id, kind, subject)
);
