-- Who cancelled a run and why: written when the cancel arrives (the run still in flight) and again with the verdict.
alter table runs add column cancelled_by text;
alter table runs add column cancel_reason text;
