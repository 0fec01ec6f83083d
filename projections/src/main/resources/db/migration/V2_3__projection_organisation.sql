-- The organisation as a whole, its funds, rates, conferences, leaders, censuses and the patronage links.
-- Dates the sources give imprecisely keep their text, precision and bounds beside the placed day.

CREATE TABLE proj_organisation (
    run_id            VARCHAR(63) PRIMARY KEY,
    name              TEXT        NOT NULL,
    founded_text      VARCHAR(64) NOT NULL,
    founded_precision VARCHAR(10) NOT NULL,
    founded_earliest  DATE,
    founded_latest    DATE,
    placed_on         DATE        NOT NULL,
    global_index      BIGINT      NOT NULL
);

CREATE TABLE proj_governing_body (
    run_id         VARCHAR(63) NOT NULL,
    global_index   BIGINT      NOT NULL,
    previous_name  TEXT,
    new_name       TEXT        NOT NULL,
    date_text      VARCHAR(64),
    date_precision VARCHAR(10),
    date_earliest  DATE,
    date_latest    DATE,
    placed_on      DATE        NOT NULL,
    PRIMARY KEY (run_id, global_index)
);

CREATE TABLE proj_leadership (
    run_id         VARCHAR(63) NOT NULL,
    global_index   BIGINT      NOT NULL,
    person         TEXT        NOT NULL,
    role           TEXT,
    term_text      VARCHAR(64) NOT NULL,
    term_precision VARCHAR(10) NOT NULL,
    term_earliest  DATE,
    term_latest    DATE,
    placed_on      DATE        NOT NULL,
    PRIMARY KEY (run_id, global_index)
);

CREATE TABLE proj_conference (
    run_id          VARCHAR(63) NOT NULL,
    conference_key  VARCHAR(63) NOT NULL,
    name            TEXT,
    place           TEXT,
    dates_text      VARCHAR(64),
    dates_precision VARCHAR(10),
    dates_earliest  DATE,
    dates_latest    DATE,
    placed_on       DATE        NOT NULL,
    delegates       BIGINT,                 -- the total when the source states one
    global_index    BIGINT      NOT NULL,
    PRIMARY KEY (run_id, conference_key)
);

CREATE TABLE proj_conference_delegates (
    run_id         VARCHAR(63) NOT NULL,
    conference_key VARCHAR(63) NOT NULL,
    delegate_group TEXT        NOT NULL,
    delegates      BIGINT      NOT NULL,
    PRIMARY KEY (run_id, conference_key, delegate_group)
);

-- Organisation-wide censuses as stated: members and/or the number of sections, for a scope.
CREATE TABLE proj_org_census (
    run_id       VARCHAR(63) NOT NULL,
    global_index BIGINT      NOT NULL,
    as_of        DATE        NOT NULL,
    scope        VARCHAR(16) NOT NULL CHECK (scope IN ('ALL', 'OUTSIDE_USSR')),
    members      BIGINT,
    sections     INTEGER,
    origin       VARCHAR(16),
    PRIMARY KEY (run_id, global_index)
);
CREATE INDEX proj_org_census_as_of ON proj_org_census (run_id, scope, as_of);

CREATE TABLE proj_fund (
    run_id       VARCHAR(63) NOT NULL,
    fund_key     VARCHAR(63) NOT NULL,
    name         TEXT,
    opened_on    DATE        NOT NULL,
    currencies   TEXT        NOT NULL,
    global_index BIGINT      NOT NULL,
    PRIMARY KEY (run_id, fund_key)
);

-- The run's declared exchange rates: one unit of from_currency is numerator/denominator units of to_currency
-- from valid_from to valid_to inclusive. Conversions read only these, with the citation or assumption flag.
CREATE TABLE proj_exchange_rate (
    run_id        VARCHAR(63) NOT NULL,
    global_index  BIGINT      NOT NULL,
    rate_table    VARCHAR(63) NOT NULL,
    from_currency VARCHAR(3)  NOT NULL,
    to_currency   VARCHAR(3)  NOT NULL,
    valid_from    DATE        NOT NULL,
    valid_to      DATE        NOT NULL,
    numerator     BIGINT      NOT NULL,
    denominator   BIGINT      NOT NULL,
    citation      TEXT,
    assumption    BOOLEAN     NOT NULL,
    PRIMARY KEY (run_id, global_index)
);
CREATE INDEX proj_exchange_rate_pair ON proj_exchange_rate (run_id, rate_table, from_currency, to_currency, valid_from);

-- A city's collective takes patronage of prisoners in a country's prisons.
CREATE TABLE proj_patronage (
    run_id            VARCHAR(63) NOT NULL,
    city_key          VARCHAR(63) NOT NULL,
    prison_country    VARCHAR(12) NOT NULL,
    city_name         TEXT        NOT NULL,
    period_text       VARCHAR(64) NOT NULL,
    period_precision  VARCHAR(10) NOT NULL,
    period_earliest   DATE,
    period_latest     DATE,
    placed_on         DATE        NOT NULL,
    established_index BIGINT      NOT NULL,
    ended_on          DATE,
    ended_index       BIGINT,
    PRIMARY KEY (run_id, city_key, prison_country)
);
