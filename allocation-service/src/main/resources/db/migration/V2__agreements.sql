-- A yearly agreement with its pools, focus areas and the conditions that go with the money.
CREATE TABLE agreement (
    year               integer PRIMARY KEY,
    title              varchar(300) NOT NULL,
    total_sek          bigint NOT NULL CHECK (total_sek >= 0),
    reporting_deadline date NOT NULL,
    created_at         timestamptz NOT NULL,
    created_by         varchar(200) NOT NULL
);

CREATE TABLE agreement_pool (
    year       integer NOT NULL REFERENCES agreement (year),
    code       varchar(50) NOT NULL,
    amount_sek bigint NOT NULL CHECK (amount_sek >= 0),
    position   integer NOT NULL,
    -- NONE until a key is set; WEIGHTS: a distribution key; AMOUNTS: fixed amounts per region.
    key_kind   varchar(10) NOT NULL DEFAULT 'NONE' CHECK (key_kind IN ('NONE', 'WEIGHTS', 'AMOUNTS')),
    key_changed_at timestamptz,
    PRIMARY KEY (year, code)
);

-- One row per region of a pool's key: a weight (WEIGHTS) or a fixed amount (AMOUNTS).
CREATE TABLE pool_key_entry (
    year        integer NOT NULL,
    pool_code   varchar(50) NOT NULL,
    region_code varchar(2) NOT NULL REFERENCES region (code),
    weight      numeric(38, 6),
    amount_sek  bigint,
    PRIMARY KEY (year, pool_code, region_code),
    FOREIGN KEY (year, pool_code) REFERENCES agreement_pool (year, code),
    CHECK ((weight IS NULL) <> (amount_sek IS NULL)),
    CHECK (weight IS NULL OR weight >= 0),
    CHECK (amount_sek IS NULL OR amount_sek >= 0)
);

CREATE TABLE focus_area (
    year     integer NOT NULL REFERENCES agreement (year),
    code     varchar(50) NOT NULL,
    name     varchar(500) NOT NULL,
    position integer NOT NULL,
    PRIMARY KEY (year, code)
);

CREATE TABLE agreement_condition (
    year     integer NOT NULL REFERENCES agreement (year),
    position integer NOT NULL,
    text     varchar(2000) NOT NULL,
    PRIMARY KEY (year, position)
);

-- Immutable, versioned publications: the allocations exactly as published.
CREATE TABLE allocation_publication (
    year         integer NOT NULL REFERENCES agreement (year),
    version      integer NOT NULL CHECK (version >= 1),
    published_at timestamptz NOT NULL,
    published_by varchar(200) NOT NULL,
    total_sek    bigint NOT NULL,
    PRIMARY KEY (year, version)
);

CREATE TABLE published_allocation (
    year        integer NOT NULL,
    version     integer NOT NULL,
    region_code varchar(2) NOT NULL REFERENCES region (code),
    pool_code   varchar(50) NOT NULL,
    amount_sek  bigint NOT NULL CHECK (amount_sek >= 0),
    PRIMARY KEY (year, version, region_code, pool_code),
    FOREIGN KEY (year, version) REFERENCES allocation_publication (year, version)
);

-- A region's own split of its money to its units.
CREATE TABLE region_decision (
    year        integer NOT NULL REFERENCES agreement (year),
    region_code varchar(2) NOT NULL REFERENCES region (code),
    reference   varchar(100) NOT NULL,
    decided_on  date NOT NULL,
    decided_by  varchar(200) NOT NULL,
    total_sek   bigint NOT NULL,
    recorded_at timestamptz NOT NULL,
    recorded_by varchar(200) NOT NULL,
    PRIMARY KEY (year, region_code)
);

CREATE TABLE region_decision_line (
    year        integer NOT NULL,
    region_code varchar(2) NOT NULL,
    position    integer NOT NULL,
    unit        varchar(200) NOT NULL,
    amount_sek  bigint NOT NULL CHECK (amount_sek >= 0),
    PRIMARY KEY (year, region_code, position),
    FOREIGN KEY (year, region_code) REFERENCES region_decision (year, region_code) ON DELETE CASCADE
);

-- What allocation learns from reporting's report.reviewed events, for the workforce plan condition.
CREATE TABLE report_review (
    year               integer NOT NULL,
    region_code        varchar(2) NOT NULL REFERENCES region (code),
    status             varchar(20) NOT NULL,
    has_workforce_plan boolean NOT NULL,
    reviewed_at        timestamptz NOT NULL,
    PRIMARY KEY (year, region_code)
);
