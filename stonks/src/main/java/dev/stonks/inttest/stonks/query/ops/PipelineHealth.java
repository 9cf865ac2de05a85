package dev.stonks.inttest.stonks.query.ops;

import dev.stonks.inttest.stonks.health.Probe;
import java.time.Instant;

/**
 * {@code GET /api/ops/pipeline/health}. {@code status}: {@code ok} (everything up), {@code degraded} (the database
 * is up, Redis or the object store is not) or {@code down} (the database is down; {@code lastIngestion} is then
 * null). Always HTTP 200: this is a report, readiness is {@code /q/health/ready}.
 */
public record PipelineHealth(String status, Instant checkedAt, Probe database, Probe redis, Probe objectStore,
        IngestionRunView lastIngestion) {
}
