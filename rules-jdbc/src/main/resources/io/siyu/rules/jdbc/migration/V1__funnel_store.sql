-- The funnel's store (io.siyu.rules.jdbc.JdbcFunnelStore), schema version 1. Plain SQL that PostgreSQL 15+,
-- H2 2.x (in any mode) and MySQL 8 / MariaDB 10.11 all accept. Every table is prefixed siyu_funnel_ so that it
-- lives beside the host's own; the migration history is siyu_funnel_schema_history.

-- One row per journey of a customer: journey_no 1 is the first; the highest is the current one. The customer's
-- version (compare-and-set of every write) and the moment of their latest journal event live on journey 1;
-- the next day boundary (the daily advance's index) only on the current journey.
CREATE TABLE siyu_funnel_journey (
    customer_id         VARCHAR(191) NOT NULL,
    journey_no          INT          NOT NULL,
    version             BIGINT       NOT NULL,
    journal_ms          BIGINT,
    next_boundary       DATE,
    stage               VARCHAR(12)  NOT NULL,
    cohort_codes        VARCHAR(191) NOT NULL,
    group_id            VARCHAR(255) NOT NULL,
    start_date          DATE,
    stage_day           INT          NOT NULL,
    purchases           INT          NOT NULL,
    revenue_fen         BIGINT       NOT NULL,
    first_purchase_ms   BIGINT,
    first_repurchase_ms BIGINT,
    converted_in        VARCHAR(12),
    left_in             VARCHAR(12),
    last_event_id       VARCHAR(191),
    last_event_ms       BIGINT,
    PRIMARY KEY (customer_id, journey_no)
);
CREATE INDEX siyu_funnel_journey_due ON siyu_funnel_journey (next_boundary, customer_id);
CREATE INDEX siyu_funnel_journey_group ON siyu_funnel_journey (group_id);
CREATE INDEX siyu_funnel_journey_start ON siyu_funnel_journey (start_date);

-- The journal: every event recorded, once per (customer, event id). Survey tags are JSON.
CREATE TABLE siyu_funnel_event (
    customer_id VARCHAR(191)  NOT NULL,
    event_id    VARCHAR(191)  NOT NULL,
    kind        VARCHAR(16)   NOT NULL,
    occurred_ms BIGINT        NOT NULL,
    amount_fen  BIGINT,
    tags        VARCHAR(4000),
    PRIMARY KEY (customer_id, event_id)
);

-- The cohorts' tags (JSON), by their codes: journeys and groups name a cohort by its codes only.
CREATE TABLE siyu_funnel_cohort (
    cohort_codes VARCHAR(191)  NOT NULL PRIMARY KEY,
    tags         VARCHAR(4000) NOT NULL
);

-- Cohort groups: <prefix>-<group_no>, prefix = <cohort codes>-<day 0>; opened orders them as they were opened.
CREATE TABLE siyu_funnel_group (
    group_id     VARCHAR(255) NOT NULL PRIMARY KEY,
    prefix       VARCHAR(255) NOT NULL,
    group_no     INT          NOT NULL,
    opened       BIGINT       NOT NULL,
    cohort_codes VARCHAR(191) NOT NULL,
    start_date   DATE         NOT NULL,
    seats        INT          NOT NULL,
    CONSTRAINT siyu_funnel_group_number UNIQUE (prefix, group_no)
);
CREATE INDEX siyu_funnel_group_start ON siyu_funnel_group (start_date, opened);

-- The seat of each journey that was put into a group: at most one, whatever happens later.
CREATE TABLE siyu_funnel_seat (
    customer_id VARCHAR(191) NOT NULL,
    journey_no  INT          NOT NULL,
    group_id    VARCHAR(255) NOT NULL,
    PRIMARY KEY (customer_id, journey_no)
);

-- Seat allocation takes this row's lock (SELECT ... FOR UPDATE): seating is serialised in the database.
CREATE TABLE siyu_funnel_counter (
    counter_name  VARCHAR(32) NOT NULL PRIMARY KEY,
    counter_value BIGINT      NOT NULL
);
INSERT INTO siyu_funnel_counter (counter_name, counter_value) VALUES ('groups_opened', 0);

-- The day advanced through and the lease on advancing (one row).
CREATE TABLE siyu_funnel_progress (
    id               INT NOT NULL PRIMARY KEY,
    advanced_through DATE,
    lease_owner      VARCHAR(191),
    lease_day        DATE,
    lease_until_ms   BIGINT
);
INSERT INTO siyu_funnel_progress (id) VALUES (1);

-- One row per advance: the day reached, who did it, when, how many journeys moved and were seated.
CREATE TABLE siyu_funnel_crossing (
    crossed_day DATE         NOT NULL PRIMARY KEY,
    owner       VARCHAR(191) NOT NULL,
    finished_ms BIGINT       NOT NULL,
    moved       INT          NOT NULL,
    seated      INT          NOT NULL
);
