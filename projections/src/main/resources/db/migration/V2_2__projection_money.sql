-- Money. Amounts are minor units (BIGINT) with their currency; nothing here is ever added across currencies.

-- The double-entry journal: one row per posting. Debits are positive, credits negative.
CREATE TABLE proj_journal (
    run_id        VARCHAR(63)  NOT NULL,
    global_index  BIGINT       NOT NULL,
    leg           SMALLINT     NOT NULL,
    posted_on     DATE         NOT NULL,
    account       VARCHAR(255) NOT NULL,
    currency      VARCHAR(3)   NOT NULL,
    amount_minor  BIGINT       NOT NULL,
    event_type    VARCHAR(64)  NOT NULL,
    origin        VARCHAR(16),
    provenance_id BIGINT,
    PRIMARY KEY (run_id, global_index, leg)
);
CREATE INDEX proj_journal_account ON proj_journal (run_id, account, currency, posted_on);

-- Running balance per account and currency; the trial balance sums these per run and currency.
CREATE TABLE proj_balance (
    run_id        VARCHAR(63)  NOT NULL,
    account       VARCHAR(255) NOT NULL,
    currency      VARCHAR(3)   NOT NULL,
    balance_minor BIGINT       NOT NULL,
    postings      BIGINT       NOT NULL,
    PRIMARY KEY (run_id, account, currency)
);

-- Movements per account, currency and month, so a balance "as of" a date reads whole months here and only the
-- last, partial month from the journal.
CREATE TABLE proj_account_month (
    run_id       VARCHAR(63)  NOT NULL,
    account      VARCHAR(255) NOT NULL,
    currency     VARCHAR(3)   NOT NULL,
    month        DATE         NOT NULL,  -- first day of the month
    debit_minor  BIGINT       NOT NULL,
    credit_minor BIGINT       NOT NULL,  -- as a positive amount
    postings     BIGINT       NOT NULL,
    PRIMARY KEY (run_id, account, currency, month)
);

-- Flows of funds: the credited account is where money came from, the debited one where it went.
CREATE TABLE proj_flow_month (
    run_id       VARCHAR(63)  NOT NULL,
    from_account VARCHAR(255) NOT NULL,
    to_account   VARCHAR(255) NOT NULL,
    currency     VARCHAR(3)   NOT NULL,
    month        DATE         NOT NULL,
    amount_minor BIGINT       NOT NULL,
    movements    BIGINT       NOT NULL,
    PRIMARY KEY (run_id, from_account, to_account, currency, month)
);
CREATE INDEX proj_flow_month_month ON proj_flow_month (run_id, month);

-- Dues and donations of money by section, month and currency: sum and count.
CREATE TABLE proj_income_month (
    run_id       VARCHAR(63) NOT NULL,
    section_code VARCHAR(12) NOT NULL,
    kind         VARCHAR(8)  NOT NULL CHECK (kind IN ('DUES', 'DONATION')),
    currency     VARCHAR(3)  NOT NULL,
    month        DATE        NOT NULL,
    amount_minor BIGINT      NOT NULL,
    entries      BIGINT      NOT NULL,
    PRIMARY KEY (run_id, section_code, kind, currency, month)
);

-- Aid sent, by paying account (a section's fund or a central fund), country, purpose, month and currency.
CREATE TABLE proj_aid_month (
    run_id       VARCHAR(63)  NOT NULL,
    from_account VARCHAR(255) NOT NULL,
    country      VARCHAR(12)  NOT NULL,
    purpose      VARCHAR(16)  NOT NULL,
    currency     VARCHAR(3)   NOT NULL,
    month        DATE         NOT NULL,
    amount_minor BIGINT       NOT NULL,
    entries      BIGINT       NOT NULL,
    overdrafts   BIGINT       NOT NULL,
    PRIMARY KEY (run_id, from_account, country, purpose, currency, month)
);
