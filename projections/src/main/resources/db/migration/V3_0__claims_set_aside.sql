-- Claims the run's scenario left out, with the reason: the reconciliation shows them instead of guessing.
CREATE TABLE proj_claim_aside (
    run_id       VARCHAR(63)  NOT NULL,
    claim_id     VARCHAR(128) NOT NULL,
    reason       TEXT         NOT NULL,
    global_index BIGINT       NOT NULL,
    PRIMARY KEY (run_id, claim_id)
);
