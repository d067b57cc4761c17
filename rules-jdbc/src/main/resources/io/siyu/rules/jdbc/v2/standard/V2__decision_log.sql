-- Schema version 2: the decision log (io.siyu.rules.jdbc.JdbcDecisionLog), one row per decision logged. The
-- decision itself is the stable decision JSON (docs/decisions-json.md) without personal data unless the host opted
-- in; the other columns are what a search needs. No primary key: the same decision (pack, customer, moment) may be
-- logged twice, and a log is appended to, never updated.
CREATE TABLE siyu_funnel_decision (
    decision_id  VARCHAR(32)    NOT NULL,
    pack_id      VARCHAR(191)   NOT NULL,
    pack_version VARCHAR(191)   NOT NULL,
    customer_id  VARCHAR(191)   NOT NULL,
    decided_ms   BIGINT         NOT NULL,
    action       VARCHAR(191)   NOT NULL,
    script_id    VARCHAR(191),
    variant      VARCHAR(191),
    arm          VARCHAR(12)    NOT NULL,
    intent       VARCHAR(8)     NOT NULL,
    decision     VARCHAR(16000) NOT NULL
);
CREATE INDEX siyu_funnel_decision_customer ON siyu_funnel_decision (customer_id, decided_ms);
CREATE INDEX siyu_funnel_decision_time ON siyu_funnel_decision (decided_ms);
