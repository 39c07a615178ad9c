-- Reporting's own copy of the agreements, learned from agreement.changed events (allocation-service owns them).
CREATE TABLE agreement (
    year               integer PRIMARY KEY,
    title              varchar(300) NOT NULL,
    total_sek          bigint NOT NULL,
    reporting_deadline date NOT NULL,
    -- CloudEvents time of the event applied last: an older event arriving late changes nothing.
    changed_at         timestamptz
);

CREATE TABLE agreement_focus_area (
    year     integer NOT NULL REFERENCES agreement (year) ON DELETE CASCADE,
    position integer NOT NULL,
    code     varchar(50) NOT NULL,
    name     varchar(500) NOT NULL,
    PRIMARY KEY (year, position)
);

-- The latest published allocation version per year and region, from allocation.published events.
CREATE TABLE region_allocation (
    year         integer NOT NULL,
    region_code  varchar(2) NOT NULL REFERENCES region (code),
    version      integer NOT NULL CHECK (version >= 1),
    total_sek    bigint NOT NULL CHECK (total_sek >= 0),
    published_at timestamptz NOT NULL,
    PRIMARY KEY (year, region_code)
);

-- A region's report for one agreement year. The content is one document, always replaced as a whole by PUT,
-- kept as JSON text; what overviews and summaries filter on is in columns of its own.
CREATE TABLE report (
    year               integer NOT NULL,
    region_code        varchar(2) NOT NULL REFERENCES region (code),
    status             varchar(20) NOT NULL CHECK (status IN ('DRAFT', 'SUBMITTED', 'ACCEPTED', 'RETURNED')),
    version            integer NOT NULL CHECK (version >= 1),
    content            text NOT NULL,
    spending_split     varchar(20) CHECK (spending_split IN ('FULLY_SPLIT', 'PARTLY_SPLIT', 'NOT_SPLIT')),
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL,
    updated_by         varchar(200) NOT NULL,
    first_submitted_at timestamptz,
    submitted_at       timestamptz,
    submitted_by       varchar(200),
    late               boolean NOT NULL DEFAULT false,
    review_decision    varchar(10) CHECK (review_decision IN ('ACCEPT', 'RETURN')),
    review_comment     varchar(2000),
    reviewed_at        timestamptz,
    reviewed_by        varchar(200),
    PRIMARY KEY (year, region_code)
);

-- Audit trail: every status change of a report, who and when.
CREATE TABLE report_status_change (
    id          bigserial PRIMARY KEY,
    year        integer NOT NULL,
    region_code varchar(2) NOT NULL,
    changed_at  timestamptz NOT NULL,
    changed_by  varchar(200) NOT NULL,
    action      varchar(20) NOT NULL,
    from_status varchar(20),
    to_status   varchar(20) NOT NULL,
    comment     varchar(2000),
    FOREIGN KEY (year, region_code) REFERENCES report (year, region_code)
);
CREATE INDEX report_status_change_report ON report_status_change (year, region_code, id);
