-- Schema version 2 on MySQL and MariaDB: the decision log (io.siyu.rules.jdbc.JdbcDecisionLog) as in
-- v2/standard/V2__decision_log.sql (read that one for what the columns are), except that the decision JSON is a
-- MEDIUMTEXT: in utf8mb4 (4 bytes a character, the default of MariaDB 10.11 and MySQL 8) a VARCHAR(16000) makes the
-- row larger than the 65,535 bytes a MySQL row may take outside its TEXT columns, and the table is refused.
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
    decision     MEDIUMTEXT     NOT NULL
);
CREATE INDEX siyu_funnel_decision_customer ON siyu_funnel_decision (customer_id, decided_ms);
CREATE INDEX siyu_funnel_decision_time ON siyu_funnel_decision (decided_ms);
