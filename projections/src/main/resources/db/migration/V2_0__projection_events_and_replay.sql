-- Read models of the event store. Every projection table is keyed by run_id (the prefix of every aggregate id)
-- so runs live side by side and a replay of one run deletes only that run's rows. Tables are written only by
-- org.mopr.ledger.projection (the live processor and the bulk replay run the same code) and carry the prefix
-- proj_ so "drop every projection" is a list anyone can audit (ProjectionTables).

-- Where an event came from, stored once per distinct provenance: at member-level scale millions of dues events
-- share one provenance, so events point at it by a 64-bit id (the first 8 bytes of SHA-256 over its JSON).
CREATE TABLE proj_provenance (
    run_id        VARCHAR(63) NOT NULL,
    provenance_id BIGINT      NOT NULL,
    origin        VARCHAR(16) NOT NULL CHECK (origin IN ('DOCUMENTED', 'DERIVED', 'SIMULATED')),
    claim_ids     TEXT[]      NOT NULL,
    rule          TEXT,
    parameters    TEXT        NOT NULL,  -- the model's parameters as sorted JSON ("{}" when none)
    seed          BIGINT,
    placement     TEXT,
    PRIMARY KEY (run_id, provenance_id)
);

-- One row per projected event. Its primary key is also the guard against double counting: an event projected
-- twice fails its whole batch with a duplicate key instead of silently adding its amounts again.
CREATE TABLE proj_event (
    run_id          VARCHAR(63)  NOT NULL,
    global_index    BIGINT       NOT NULL,
    aggregate_id    VARCHAR(255) NOT NULL,
    sequence_number BIGINT       NOT NULL,
    event_type      VARCHAR(64)  NOT NULL,
    origin          VARCHAR(16),
    provenance_id   BIGINT,
    PRIMARY KEY (run_id, global_index)
);

-- "Explain": every projected event with the claims, rule or model and seed behind it.
CREATE VIEW proj_event_claims AS
SELECT e.run_id, e.global_index, e.aggregate_id, e.sequence_number, e.event_type, e.origin,
       p.claim_ids, p.rule, p.parameters, p.seed, p.placement, e.provenance_id
FROM proj_event e
LEFT JOIN proj_provenance p ON p.run_id = e.run_id AND p.provenance_id = e.provenance_id;

-- Bookkeeping of the replay command (not a projection: never truncated by a replay). A replay of all runs keeps
-- its progress in the processor's tokens; a replay of one run keeps it here, with the bound it stops at.
CREATE TABLE proj_replay (
    replay_id   BIGSERIAL   PRIMARY KEY,
    scope       VARCHAR(63) NOT NULL,           -- '*' for every run, else the run id
    status      VARCHAR(8)  NOT NULL CHECK (status IN ('RUNNING', 'DONE')),
    position    BIGINT      NOT NULL DEFAULT -1, -- one run: the last global index read
    bound       TEXT,                            -- one run: the processor's tokens when it began (JSON)
    events      BIGINT      NOT NULL DEFAULT 0,
    started_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    finished_at TIMESTAMPTZ
);
-- At most one replay is under way: a second one must resume it, not start beside it.
CREATE UNIQUE INDEX proj_replay_one_running ON proj_replay ((true)) WHERE status = 'RUNNING';
