-- promotion.break-glass events: every step of every break-glass (opened, approved, used, closed, expired), kept for
-- good: a new break-glass never erases an earlier one. A step is stored once: by its event id (a redelivery), and by
-- the step itself (the promoter re-publishes a step whose send failed, under a new event id).
create table break_glass_steps (
    event_id            text primary key,
    break_glass_id      text not null,
    action              text not null,
    by_principal        text not null,
    reason              text not null,
    opened_by           text not null,
    opened_at           timestamptz not null,
    expires_at          timestamptz not null,
    approvals_required  integer not null,
    approved_by         jsonb not null,
    run_id              text,
    stage               text,
    at                  timestamptz not null,
    unique (break_glass_id, action, by_principal, at)
);
create index break_glass_steps_by_time on break_glass_steps (at desc);
create index break_glass_steps_by_run on break_glass_steps (run_id) where run_id is not null;
