-- Observations: one value per indicator, region (or SE), period, group and origin. origin REGISTRY is loaded in
-- batches by registries and admins; REGION_REPORT is the share a region gave in its yearly report (report.submitted).
CREATE TABLE observation (
    indicator_code varchar(50) NOT NULL REFERENCES indicator (code),
    region_code    varchar(2) NOT NULL REFERENCES region (code),
    period_start   date NOT NULL,
    period_end     date NOT NULL,
    group_code     varchar(50) NOT NULL,
    origin         varchar(20) NOT NULL CHECK (origin IN ('REGISTRY', 'REGION_REPORT')),
    value          numeric(12, 3) NOT NULL,
    numerator      bigint CHECK (numerator >= 0),
    denominator    bigint CHECK (denominator > 0),
    clinic_min     numeric(12, 3),
    clinic_max     numeric(12, 3),
    version        int NOT NULL,
    batch_id       varchar(200) NOT NULL,
    loaded_by      varchar(200) NOT NULL,
    loaded_at      timestamptz NOT NULL,
    CHECK (period_end >= period_start),
    CHECK (numerator IS NULL OR denominator IS NULL OR numerator <= denominator),
    PRIMARY KEY (indicator_code, period_start, group_code, region_code, origin)
);
CREATE INDEX observation_series ON observation (indicator_code, region_code, group_code, period_start);

-- Every earlier version of an observation: a correction never silently replaces the old value.
CREATE TABLE observation_history (
    indicator_code varchar(50) NOT NULL,
    region_code    varchar(2) NOT NULL,
    period_start   date NOT NULL,
    period_end     date NOT NULL,
    group_code     varchar(50) NOT NULL,
    origin         varchar(20) NOT NULL,
    value          numeric(12, 3) NOT NULL,
    numerator      bigint,
    denominator    bigint,
    clinic_min     numeric(12, 3),
    clinic_max     numeric(12, 3),
    version        int NOT NULL,
    batch_id       varchar(200) NOT NULL,
    loaded_by      varchar(200) NOT NULL,
    loaded_at      timestamptz NOT NULL,
    superseded_at  timestamptz NOT NULL,
    superseded_by  varchar(200) NOT NULL,
    PRIMARY KEY (indicator_code, period_start, group_code, region_code, origin, version)
);

-- One row per import: who loaded what, when, and what it changed.
CREATE TABLE import_batch (
    id             varchar(200) PRIMARY KEY,
    indicator_code varchar(50) NOT NULL,
    format         varchar(10) NOT NULL,
    loaded_by      varchar(200) NOT NULL,
    loaded_at      timestamptz NOT NULL,
    received       int NOT NULL,
    created        int NOT NULL,
    updated        int NOT NULL,
    unchanged      int NOT NULL,
    rejected       int NOT NULL
);

-- Bumped in the transaction of every change that reads depend on: cached views and ETags follow it, so that every
-- replica serves fresh data after a commit.
CREATE TABLE read_model_version (
    id      int PRIMARY KEY CHECK (id = 1),
    version bigint NOT NULL
);
INSERT INTO read_model_version (id, version) VALUES (1, 1);
