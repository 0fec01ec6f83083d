-- The registry of scenario runs. Events of a run are found by the run id that prefixes every aggregate id;
-- this table says what a run was (scenario, seed), whether it completed, and its fingerprint.
CREATE TABLE ledger_run (
    run_id        VARCHAR(63)  PRIMARY KEY,
    scenario      VARCHAR(255) NOT NULL,
    seed          BIGINT       NOT NULL,
    status        VARCHAR(16)  NOT NULL CHECK (status IN ('RUNNING', 'COMPLETE', 'FAILED')),
    events        BIGINT       NOT NULL DEFAULT 0,
    fingerprint   VARCHAR(64),
    scenario_text TEXT         NOT NULL,
    started_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    finished_at   TIMESTAMPTZ
);
