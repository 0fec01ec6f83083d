-- Ensembles: a scenario run N times (members), each member a run of its own in ledger_run. These tables are
-- not projections of the event store (a replay does not touch them): they keep what was measured across the
-- members, so 1,000 members cost one row per figure, not 1,000 copies of every projection table.
CREATE TABLE ensemble (
    ensemble_id   VARCHAR(63)  PRIMARY KEY,
    scenario      VARCHAR(255) NOT NULL,
    seed          BIGINT       NOT NULL,
    members       INT          NOT NULL,
    vary          VARCHAR(64)  NOT NULL,
    assumptions   TEXT         NOT NULL,
    status        VARCHAR(16)  NOT NULL CHECK (status IN ('RUNNING', 'COMPLETE', 'FAILED')),
    members_done  INT          NOT NULL DEFAULT 0,
    events        BIGINT       NOT NULL DEFAULT 0,
    totals_exact  BOOLEAN,
    totals_note   TEXT,
    failure       TEXT,
    started_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    finished_at   TIMESTAMPTZ
);

CREATE TABLE ensemble_member (
    ensemble_id  VARCHAR(63) NOT NULL REFERENCES ensemble (ensemble_id),
    member       INT         NOT NULL,
    run_id       VARCHAR(63) NOT NULL,
    seed         BIGINT      NOT NULL,
    events       BIGINT      NOT NULL,
    fingerprint  VARCHAR(64) NOT NULL,
    conserved    BOOLEAN     NOT NULL,
    PRIMARY KEY (ensemble_id, member)
);

-- One row per figure: its band, and every member's value in member order (int64 big-endian, gzip), which the
-- comparison of two ensembles pairs member by member.
CREATE TABLE ensemble_band (
    ensemble_id   VARCHAR(63)  NOT NULL REFERENCES ensemble (ensemble_id),
    figure        VARCHAR(255) NOT NULL,
    family        VARCHAR(32)  NOT NULL,
    origin        VARCHAR(16)  NOT NULL,
    unit          VARCHAR(16)  NOT NULL,
    currency      VARCHAR(8),
    exponent      INT,
    p5            BIGINT       NOT NULL,
    p50           BIGINT       NOT NULL,
    p95           BIGINT       NOT NULL,
    min_value     BIGINT       NOT NULL,
    max_value     BIGINT       NOT NULL,
    member_values BYTEA        NOT NULL,
    PRIMARY KEY (ensemble_id, figure)
);

CREATE TABLE ensemble_line (
    ensemble_id  VARCHAR(63)  NOT NULL REFERENCES ensemble (ensemble_id),
    claim_id     VARCHAR(255) NOT NULL,
    basis        VARCHAR(16)  NOT NULL,
    holds        INT          NOT NULL,
    members      INT          NOT NULL,
    statuses     TEXT         NOT NULL,
    PRIMARY KEY (ensemble_id, claim_id)
);
