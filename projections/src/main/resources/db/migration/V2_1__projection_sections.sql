-- National sections: when they existed, so "sections in existence at a date" is one query. The founding date is
-- kept as the source wrote it (text, precision, bounds) beside the day the scenario placed it on.
CREATE TABLE proj_section (
    run_id             VARCHAR(63) NOT NULL,
    section_code       VARCHAR(12) NOT NULL,
    name               TEXT        NOT NULL,
    founded_text       VARCHAR(64) NOT NULL,
    founded_precision  VARCHAR(10) NOT NULL,
    founded_earliest   DATE,
    founded_latest     DATE,
    placed_on          DATE        NOT NULL,
    placement          TEXT,
    currencies         TEXT        NOT NULL,
    founded_index      BIGINT      NOT NULL,
    dissolved_on       DATE,
    dissolution_reason VARCHAR(16),
    dissolved_index    BIGINT,
    PRIMARY KEY (run_id, section_code)
);

-- Membership points of a section: a census (DOCUMENTED) or an interpolated point (SIMULATED or DERIVED).
-- Two reports for one section and day are both kept: contradictory sources are data, not noise.
CREATE TABLE proj_membership (
    run_id       VARCHAR(63) NOT NULL,
    global_index BIGINT      NOT NULL,
    section_code VARCHAR(12) NOT NULL,
    as_of        DATE        NOT NULL,
    members      BIGINT      NOT NULL,
    kind         VARCHAR(12) NOT NULL CHECK (kind IN ('CENSUS', 'INTERPOLATED')),
    origin       VARCHAR(16) NOT NULL,
    PRIMARY KEY (run_id, global_index)
);
CREATE INDEX proj_membership_as_of ON proj_membership (run_id, section_code, as_of);

-- Goods in kind: quantities with units, never money.
CREATE TABLE proj_goods (
    run_id       VARCHAR(63) NOT NULL,
    global_index BIGINT      NOT NULL,
    section_code VARCHAR(12) NOT NULL,
    received_on  DATE        NOT NULL,
    donor        TEXT,
    goods        TEXT        NOT NULL,
    unit         VARCHAR(16) NOT NULL,
    quantity     BIGINT      NOT NULL,
    origin       VARCHAR(16),
    PRIMARY KEY (run_id, global_index)
);
CREATE INDEX proj_goods_section ON proj_goods (run_id, section_code, received_on);
