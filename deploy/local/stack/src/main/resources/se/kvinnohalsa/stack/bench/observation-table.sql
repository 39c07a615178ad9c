-- P3's reference: indicators-service's observation table (db/migration V3), the same columns, checks, primary key
-- and index, without the foreign keys to indicator and region (the bench database has neither table).
CREATE TABLE observation (
    indicator_code varchar(50) NOT NULL,
    region_code    varchar(2) NOT NULL,
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
