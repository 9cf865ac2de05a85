-- stonks core schema, version 1: the symbol registry, document ingestion, intelligence and trends.
--
-- Plain SQL in Flyway's naming (V<n>__<name>.sql), applied in order by the seeder. Later versions add
-- recommendations, trading, risk, agents, events and price bars; they must only ALTER what is here.
--
-- Conventions:
--   * every primary key is a uuid supplied by the writer (the dataset uses name-based v5 ids), so the
--     same logical row always has the same id and seeding can be idempotent (ON CONFLICT DO NOTHING);
--   * enumerations are text with a CHECK constraint (readable in psql, easy to extend in a migration);
--   * scores, confidences and returns are numeric with a fixed scale, so values round-trip exactly;
--   * every foreign key has an index (PostgreSQL does not create one for the referencing side).

CREATE TABLE companies (
    id          uuid        PRIMARY KEY,
    ticker      text        NOT NULL,
    name        text        NOT NULL CHECK (length(btrim(name)) > 0),
    sector      text        NOT NULL,
    exchange    text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT companies_ticker_key UNIQUE (ticker),
    CONSTRAINT companies_ticker_format CHECK (ticker ~ '^[A-Z][A-Z0-9.\-]{0,9}$')
);

CREATE TABLE company_aliases (
    id          uuid        PRIMARY KEY,
    company_id  uuid        NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    alias       text        NOT NULL CHECK (length(btrim(alias)) > 0),
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX company_aliases_company_id_idx ON company_aliases (company_id);
-- an alias resolves to one company, whatever its case (GET /api/registry/resolve?symbol=apple)
CREATE UNIQUE INDEX company_aliases_alias_lower_key ON company_aliases (lower(alias));

CREATE TABLE sources (
    id          uuid        PRIMARY KEY,
    company_id  uuid        NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    kind        text        NOT NULL,
    url         text        NOT NULL,
    active      boolean     NOT NULL DEFAULT true,
    created_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT sources_kind_check CHECK (kind IN ('rss', 'sec_filing', 'news_api', 'earnings_call')),
    CONSTRAINT sources_company_kind_url_key UNIQUE (company_id, kind, url)
);
CREATE INDEX sources_kind_idx ON sources (kind);

CREATE TABLE competitor_relationships (
    id            uuid         PRIMARY KEY,
    company_id    uuid         NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    competitor_id uuid         NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    strength      numeric(4,3) NOT NULL,
    CONSTRAINT competitor_relationships_strength_check CHECK (strength >= 0 AND strength <= 1),
    CONSTRAINT competitor_relationships_not_self CHECK (company_id <> competitor_id),
    CONSTRAINT competitor_relationships_pair_key UNIQUE (company_id, competitor_id)
);
CREATE INDEX competitor_relationships_competitor_id_idx ON competitor_relationships (competitor_id);

CREATE TABLE documents (
    id            uuid        PRIMARY KEY,
    company_id    uuid        NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    source_id     uuid        REFERENCES sources (id) ON DELETE SET NULL,
    title         text        NOT NULL CHECK (length(btrim(title)) > 0),
    published_at  timestamptz NOT NULL,
    -- key of the normalized UTF-8 text in the object store bucket (stonks-documents)
    object_key    text        NOT NULL,
    sha256        text        NOT NULL,
    word_count    integer     NOT NULL,
    CONSTRAINT documents_object_key_key UNIQUE (object_key),
    CONSTRAINT documents_sha256_format CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    CONSTRAINT documents_word_count_check CHECK (word_count >= 0)
);
-- GET /api/companies/{id}/documents?limit&offset: newest first per company
CREATE INDEX documents_company_published_idx ON documents (company_id, published_at DESC, id);
CREATE INDEX documents_source_id_idx ON documents (source_id);
CREATE INDEX documents_published_at_idx ON documents (published_at DESC);

CREATE TABLE intelligence_records (
    id          uuid         PRIMARY KEY,
    document_id uuid         NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    kind        text         NOT NULL,
    score       numeric(4,3) NOT NULL,
    summary     text         NOT NULL,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT intelligence_records_kind_check CHECK (kind IN ('sentiment', 'guidance', 'risk', 'product')),
    CONSTRAINT intelligence_records_score_check CHECK (score >= -1 AND score <= 1)
);
CREATE INDEX intelligence_records_document_id_idx ON intelligence_records (document_id);

CREATE TABLE trend_windows (
    id              uuid         PRIMARY KEY,
    company_id      uuid         NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    window_start    timestamptz  NOT NULL,
    window_end      timestamptz  NOT NULL,
    trend_direction text         NOT NULL,
    confidence      numeric(4,3) NOT NULL,
    summary         text         NOT NULL DEFAULT '',
    created_at      timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT trend_windows_direction_check CHECK (trend_direction IN ('bullish', 'bearish', 'mixed')),
    CONSTRAINT trend_windows_confidence_check CHECK (confidence >= 0 AND confidence <= 1),
    CONSTRAINT trend_windows_range_check CHECK (window_end > window_start)
);
-- GET /api/companies/{id}/trends (newest window first)
CREATE INDEX trend_windows_company_window_idx ON trend_windows (company_id, window_end DESC);
-- GET /api/trends?direction&min_confidence
CREATE INDEX trend_windows_direction_confidence_idx ON trend_windows (trend_direction, confidence DESC);

CREATE TABLE trend_evidence (
    trend_window_id uuid         NOT NULL REFERENCES trend_windows (id) ON DELETE CASCADE,
    document_id     uuid         NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    weight          numeric(4,3) NOT NULL,
    CONSTRAINT trend_evidence_pkey PRIMARY KEY (trend_window_id, document_id),
    CONSTRAINT trend_evidence_weight_check CHECK (weight >= 0 AND weight <= 1)
);
CREATE INDEX trend_evidence_document_id_idx ON trend_evidence (document_id);

CREATE TABLE trend_projections (
    id              uuid         PRIMARY KEY,
    trend_window_id uuid         NOT NULL REFERENCES trend_windows (id) ON DELETE CASCADE,
    horizon_days    integer      NOT NULL,
    -- returns as fractions: 0.0425 = +4.25 %
    expected_return numeric(8,4) NOT NULL,
    low             numeric(8,4) NOT NULL,
    high            numeric(8,4) NOT NULL,
    CONSTRAINT trend_projections_horizon_check CHECK (horizon_days > 0),
    CONSTRAINT trend_projections_band_check CHECK (low <= expected_return AND expected_return <= high),
    CONSTRAINT trend_projections_window_horizon_key UNIQUE (trend_window_id, horizon_days)
);

CREATE TABLE ingestion_runs (
    id                 uuid        PRIMARY KEY,
    source_id          uuid        NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    started_at         timestamptz NOT NULL,
    finished_at        timestamptz,
    status             text        NOT NULL,
    documents_ingested integer     NOT NULL DEFAULT 0,
    error              text,
    CONSTRAINT ingestion_runs_status_check CHECK (status IN ('running', 'succeeded', 'failed')),
    CONSTRAINT ingestion_runs_documents_check CHECK (documents_ingested >= 0),
    CONSTRAINT ingestion_runs_finished_check CHECK (finished_at IS NULL OR finished_at >= started_at),
    -- a run that is over has an end; a failed run says why
    CONSTRAINT ingestion_runs_status_consistency CHECK (
        (status = 'running' AND finished_at IS NULL AND error IS NULL)
        OR (status = 'succeeded' AND finished_at IS NOT NULL AND error IS NULL)
        OR (status = 'failed' AND finished_at IS NOT NULL AND error IS NOT NULL))
);
-- last run per source (ops endpoints) and the newest run overall
CREATE INDEX ingestion_runs_source_started_idx ON ingestion_runs (source_id, started_at DESC);
CREATE INDEX ingestion_runs_started_at_idx ON ingestion_runs (started_at DESC);
