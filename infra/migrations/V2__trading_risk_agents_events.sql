-- stonks schema, version 2: recommendations, global events, AI agents, the trading engine (config, orders, positions,
-- decisions, portfolio snapshots, price bars) and risk (limits, evaluations, approvals).
--
-- Same conventions as V1 (writer-supplied uuid keys, text enumerations with CHECKs, fixed-scale numerics, an index on
-- the referencing side of every foreign key). Trading history is protected: a company with orders, positions or risk
-- evaluations cannot be deleted (ON DELETE RESTRICT; the registry answers 409).
--
-- Prices are numeric(12,4) (per share), money numeric(16,2), returns and scores fractions.

CREATE TABLE recommendations (
    id              uuid          PRIMARY KEY,
    company_id      uuid          NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    trend_window_id uuid          REFERENCES trend_windows (id) ON DELETE SET NULL,
    action          text          NOT NULL,
    conviction      numeric(4,3)  NOT NULL,
    target_price    numeric(12,2) NOT NULL,
    rationale       text          NOT NULL CHECK (length(btrim(rationale)) > 0),
    status          text          NOT NULL,
    created_at      timestamptz   NOT NULL,
    closed_at       timestamptz,
    CONSTRAINT recommendations_action_check CHECK (action IN ('buy', 'sell', 'hold')),
    CONSTRAINT recommendations_conviction_check CHECK (conviction >= 0 AND conviction <= 1),
    CONSTRAINT recommendations_target_price_check CHECK (target_price > 0),
    CONSTRAINT recommendations_status_check CHECK (status IN ('open', 'closed')),
    CONSTRAINT recommendations_closed_check CHECK (
        (status = 'open' AND closed_at IS NULL)
        OR (status = 'closed' AND closed_at IS NOT NULL AND closed_at >= created_at))
);
-- GET /api/companies/{id}/recommendations, GET /api/recommendations?status (newest first)
CREATE INDEX recommendations_company_created_idx ON recommendations (company_id, created_at DESC);
CREATE INDEX recommendations_status_created_idx ON recommendations (status, created_at DESC);
CREATE INDEX recommendations_trend_window_id_idx ON recommendations (trend_window_id);

CREATE TABLE recommendation_citations (
    id                uuid PRIMARY KEY,
    recommendation_id uuid NOT NULL REFERENCES recommendations (id) ON DELETE CASCADE,
    document_id       uuid NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    -- a sentence quoted verbatim from the document's normalized text
    quote             text NOT NULL CHECK (length(btrim(quote)) > 0),
    CONSTRAINT recommendation_citations_pair_key UNIQUE (recommendation_id, document_id)
);
CREATE INDEX recommendation_citations_document_id_idx ON recommendation_citations (document_id);

CREATE TABLE global_events (
    id          uuid        PRIMARY KEY,
    kind        text        NOT NULL,
    title       text        NOT NULL CHECK (length(btrim(title)) > 0),
    description text        NOT NULL,
    severity    smallint    NOT NULL,
    occurred_at timestamptz NOT NULL,
    CONSTRAINT global_events_kind_check
        CHECK (kind IN ('rate_decision', 'geopolitical', 'earnings_season', 'commodity')),
    CONSTRAINT global_events_severity_check CHECK (severity BETWEEN 1 AND 5)
);
-- GET /api/events (newest first)
CREATE INDEX global_events_occurred_at_idx ON global_events (occurred_at DESC);

CREATE TABLE macro_impacts (
    id           uuid         PRIMARY KEY,
    event_id     uuid         NOT NULL REFERENCES global_events (id) ON DELETE CASCADE,
    company_id   uuid         NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    impact_score numeric(4,3) NOT NULL,
    rationale    text         NOT NULL,
    CONSTRAINT macro_impacts_score_check CHECK (impact_score >= -1 AND impact_score <= 1),
    CONSTRAINT macro_impacts_event_company_key UNIQUE (event_id, company_id)
);
-- GET /api/companies/{ticker}/macro-impacts
CREATE INDEX macro_impacts_company_id_idx ON macro_impacts (company_id);

CREATE TABLE ai_agents (
    id          uuid        PRIMARY KEY,
    name        text        NOT NULL,
    role        text        NOT NULL,
    description text        NOT NULL,
    created_at  timestamptz NOT NULL,
    CONSTRAINT ai_agents_name_key UNIQUE (name),
    CONSTRAINT ai_agents_role_check CHECK (role IN ('analyst', 'trader', 'risk'))
);

CREATE TABLE agent_variants (
    id             uuid        PRIMARY KEY,
    agent_id       uuid        NOT NULL REFERENCES ai_agents (id) ON DELETE CASCADE,
    name           text        NOT NULL,
    model          text        NOT NULL,
    prompt_version text        NOT NULL,
    champion       boolean     NOT NULL DEFAULT false,
    created_at     timestamptz NOT NULL,
    CONSTRAINT agent_variants_agent_name_key UNIQUE (agent_id, name)
);
-- at most one champion per agent
CREATE UNIQUE INDEX agent_variants_one_champion_key ON agent_variants (agent_id) WHERE champion;

CREATE TABLE agent_performance_logs (
    variant_id     uuid          NOT NULL REFERENCES agent_variants (id) ON DELETE CASCADE,
    day            date          NOT NULL,
    decisions      integer       NOT NULL,
    accuracy       numeric(4,3)  NOT NULL,
    pnl            numeric(16,2) NOT NULL,
    avg_latency_ms integer       NOT NULL,
    -- GET /api/agents/{id}/performance?from&to: per variant, a day range
    CONSTRAINT agent_performance_logs_pkey PRIMARY KEY (variant_id, day),
    CONSTRAINT agent_performance_logs_decisions_check CHECK (decisions >= 0),
    CONSTRAINT agent_performance_logs_accuracy_check CHECK (accuracy >= 0 AND accuracy <= 1),
    CONSTRAINT agent_performance_logs_latency_check CHECK (avg_latency_ms >= 0)
);

-- the trading engine's configuration: one row
CREATE TABLE trading_engine_config (
    id                 uuid          PRIMARY KEY,
    mode               text          NOT NULL,
    kill_switch        boolean       NOT NULL DEFAULT false,
    max_daily_orders   integer       NOT NULL,
    max_order_quantity integer       NOT NULL,
    strategy           text          NOT NULL,
    updated_at         timestamptz   NOT NULL,
    updated_by         text          NOT NULL,
    CONSTRAINT trading_engine_config_mode_check CHECK (mode IN ('paper', 'live')),
    CONSTRAINT trading_engine_config_daily_check CHECK (max_daily_orders > 0),
    CONSTRAINT trading_engine_config_quantity_check CHECK (max_order_quantity > 0),
    CONSTRAINT trading_engine_config_strategy_check CHECK (strategy IN ('sma_cross', 'buy_hold'))
);
CREATE UNIQUE INDEX trading_engine_config_singleton_key ON trading_engine_config ((true));

CREATE TABLE risk_limits (
    id          uuid          PRIMARY KEY,
    name        text          NOT NULL,
    value       numeric(16,4) NOT NULL,
    description text          NOT NULL,
    updated_at  timestamptz   NOT NULL,
    CONSTRAINT risk_limits_name_key UNIQUE (name),
    CONSTRAINT risk_limits_value_check CHECK (value >= 0)
);

CREATE TABLE risk_evaluations (
    id           uuid          PRIMARY KEY,
    company_id   uuid          NOT NULL REFERENCES companies (id) ON DELETE RESTRICT,
    side         text          NOT NULL,
    quantity     integer       NOT NULL,
    price        numeric(12,4) NOT NULL,
    notional     numeric(16,2) NOT NULL,
    decision     text          NOT NULL,
    -- position_limit, concentration, notional, approval_threshold, kill_switch, short_sale (empty when approved)
    reasons      text[]        NOT NULL DEFAULT '{}',
    evaluated_at timestamptz   NOT NULL,
    CONSTRAINT risk_evaluations_side_check CHECK (side IN ('buy', 'sell')),
    CONSTRAINT risk_evaluations_quantity_check CHECK (quantity > 0),
    CONSTRAINT risk_evaluations_price_check CHECK (price > 0),
    CONSTRAINT risk_evaluations_decision_check CHECK (decision IN ('approve', 'reject', 'needs_approval'))
);
CREATE INDEX risk_evaluations_company_evaluated_idx ON risk_evaluations (company_id, evaluated_at DESC);

CREATE TABLE risk_approvals (
    id            uuid        PRIMARY KEY,
    evaluation_id uuid        NOT NULL REFERENCES risk_evaluations (id) ON DELETE CASCADE,
    status        text        NOT NULL,
    requested_at  timestamptz NOT NULL,
    decided_at    timestamptz,
    decided_by    text,
    note          text,
    CONSTRAINT risk_approvals_evaluation_key UNIQUE (evaluation_id),
    CONSTRAINT risk_approvals_status_check CHECK (status IN ('pending', 'approved', 'rejected')),
    CONSTRAINT risk_approvals_decided_check CHECK (
        (status = 'pending' AND decided_at IS NULL AND decided_by IS NULL)
        OR (status <> 'pending' AND decided_at IS NOT NULL AND decided_at >= requested_at
            AND decided_by IS NOT NULL))
);
-- GET /api/risk/approvals?status (newest first)
CREATE INDEX risk_approvals_status_requested_idx ON risk_approvals (status, requested_at DESC);

CREATE TABLE orders (
    id                 uuid          PRIMARY KEY,
    company_id         uuid          NOT NULL REFERENCES companies (id) ON DELETE RESTRICT,
    side               text          NOT NULL,
    quantity           integer       NOT NULL,
    order_type         text          NOT NULL,
    limit_price        numeric(12,4),
    status             text          NOT NULL,
    mode               text          NOT NULL,
    fill_price         numeric(12,4),
    filled_at          timestamptz,
    risk_evaluation_id uuid          REFERENCES risk_evaluations (id) ON DELETE SET NULL,
    recommendation_id  uuid          REFERENCES recommendations (id) ON DELETE SET NULL,
    -- the caller's idempotency key (POST /api/trading/orders): a repeat is a 409
    client_order_id    text,
    created_at         timestamptz   NOT NULL,
    CONSTRAINT orders_side_check CHECK (side IN ('buy', 'sell')),
    CONSTRAINT orders_quantity_check CHECK (quantity > 0),
    CONSTRAINT orders_type_check CHECK (order_type IN ('market', 'limit')),
    CONSTRAINT orders_limit_price_check CHECK (
        (order_type = 'limit' AND limit_price IS NOT NULL AND limit_price > 0)
        OR (order_type = 'market' AND limit_price IS NULL)),
    CONSTRAINT orders_status_check
        CHECK (status IN ('pending_approval', 'approved', 'filled', 'rejected', 'cancelled')),
    CONSTRAINT orders_mode_check CHECK (mode IN ('paper', 'live')),
    CONSTRAINT orders_fill_check CHECK (
        (status = 'filled' AND fill_price IS NOT NULL AND fill_price > 0 AND filled_at IS NOT NULL
            AND filled_at >= created_at)
        OR (status <> 'filled' AND fill_price IS NULL AND filled_at IS NULL))
);
-- GET /api/trading/orders?status (newest first)
CREATE INDEX orders_status_created_idx ON orders (status, created_at DESC);
CREATE INDEX orders_company_created_idx ON orders (company_id, created_at DESC);
CREATE INDEX orders_risk_evaluation_id_idx ON orders (risk_evaluation_id);
CREATE INDEX orders_recommendation_id_idx ON orders (recommendation_id);
CREATE UNIQUE INDEX orders_client_order_id_key ON orders (client_order_id);

-- the paper portfolio: one position per company, long only
CREATE TABLE positions (
    id         uuid          PRIMARY KEY,
    company_id uuid          NOT NULL REFERENCES companies (id) ON DELETE RESTRICT,
    quantity   integer       NOT NULL,
    avg_cost   numeric(12,4) NOT NULL,
    opened_at  timestamptz   NOT NULL,
    updated_at timestamptz   NOT NULL,
    CONSTRAINT positions_company_key UNIQUE (company_id),
    CONSTRAINT positions_quantity_check CHECK (quantity >= 0),
    CONSTRAINT positions_avg_cost_check CHECK (avg_cost >= 0)
);

CREATE TABLE trading_decisions (
    id                uuid        PRIMARY KEY,
    company_id        uuid        NOT NULL REFERENCES companies (id) ON DELETE RESTRICT,
    agent_variant_id  uuid        REFERENCES agent_variants (id) ON DELETE SET NULL,
    recommendation_id uuid        REFERENCES recommendations (id) ON DELETE SET NULL,
    order_id          uuid        REFERENCES orders (id) ON DELETE SET NULL,
    action            text        NOT NULL,
    reason            text        NOT NULL CHECK (length(btrim(reason)) > 0),
    decided_at        timestamptz NOT NULL,
    -- key of the day's audit report in the object store (recent decisions only)
    audit_object_key  text,
    CONSTRAINT trading_decisions_action_check CHECK (action IN ('execute', 'skip', 'defer')),
    CONSTRAINT trading_decisions_order_check CHECK (action = 'execute' OR order_id IS NULL)
);
-- GET /api/trading/decisions?company_id&limit (newest first)
CREATE INDEX trading_decisions_company_decided_idx ON trading_decisions (company_id, decided_at DESC);
CREATE INDEX trading_decisions_decided_at_idx ON trading_decisions (decided_at DESC);
CREATE INDEX trading_decisions_order_id_idx ON trading_decisions (order_id);
CREATE INDEX trading_decisions_recommendation_id_idx ON trading_decisions (recommendation_id);
CREATE INDEX trading_decisions_agent_variant_id_idx ON trading_decisions (agent_variant_id);

CREATE TABLE portfolio_snapshots (
    id              uuid          PRIMARY KEY,
    taken_at        timestamptz   NOT NULL,
    cash            numeric(16,2) NOT NULL,
    positions_value numeric(16,2) NOT NULL,
    total_value     numeric(16,2) NOT NULL,
    CONSTRAINT portfolio_snapshots_taken_at_key UNIQUE (taken_at),
    CONSTRAINT portfolio_snapshots_total_check CHECK (total_value = cash + positions_value)
);

-- daily OHLCV bars (the backtest, position valuation, exposure)
CREATE TABLE price_bars (
    company_id uuid          NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    day        date          NOT NULL,
    open       numeric(12,4) NOT NULL,
    high       numeric(12,4) NOT NULL,
    low        numeric(12,4) NOT NULL,
    close      numeric(12,4) NOT NULL,
    volume     bigint        NOT NULL,
    CONSTRAINT price_bars_pkey PRIMARY KEY (company_id, day),
    CONSTRAINT price_bars_range_check CHECK (
        low > 0 AND low <= open AND low <= close AND high >= open AND high >= close),
    CONSTRAINT price_bars_volume_check CHECK (volume >= 0)
);
