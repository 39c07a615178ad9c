-- Indicator definitions. Seeded with the indicators of shared/DOMAIN.md; admins add and change them (PUT).
CREATE TABLE indicator (
    code            varchar(50) PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9_]*$'),
    name            varchar(300) NOT NULL,
    description     varchar(4000) NOT NULL,
    unit            varchar(20) NOT NULL CHECK (unit IN ('PERCENT', 'PER_THOUSAND', 'NUMBER')),
    source          varchar(300) NOT NULL,
    period_type     varchar(20) NOT NULL CHECK (period_type IN ('REPORTING_YEAR', 'CALENDAR_YEAR', 'SNAPSHOT')),
    target_operator varchar(2) CHECK (target_operator IN ('>=', '<=')),
    target_value    numeric(12, 3),
    changed_at      timestamptz NOT NULL DEFAULT now(),
    changed_by      varchar(200) NOT NULL DEFAULT 'migration',
    CHECK ((target_operator IS NULL) = (target_value IS NULL))
);

-- The groups an indicator is broken down by; ALL (every woman) is always one of them.
CREATE TABLE indicator_group (
    indicator_code varchar(50) NOT NULL REFERENCES indicator (code),
    group_code     varchar(50) NOT NULL CHECK (group_code ~ '^[A-Z][A-Z0-9_]*$'),
    position       int NOT NULL,
    PRIMARY KEY (indicator_code, group_code)
);

INSERT INTO indicator (code, name, description, unit, source, period_type, target_operator, target_value) VALUES
    ('EFTERVARDSBESOK', 'Eftervårdsbesök',
     'Share (%) of women who attended the postpartum visit at a midwife clinic 6-16 weeks after birth. Periods run 1 Aug - 31 Jul (older ones 1 Sep - 31 Aug). Per region also the range across its clinics.',
     'PERCENT', 'Graviditetsregistret', 'REPORTING_YEAR', '>=', 90),
    ('TIDIG_UPPFOLJNING', 'Tidig uppföljning efter förlossning',
     'Share (%) of women with any contact with care within about three weeks after birth.',
     'PERCENT', 'Graviditetsregistret', 'CALENDAR_YEAR', NULL, NULL),
    ('VET_VART_SOKA_PSYKISKT', 'Vet vart hon ska vända sig vid psykiska besvär efter förlossning',
     'Share (%) of women who know where to seek help for mental health problems after birth.',
     'PERCENT', 'Graviditetsenkäten', 'CALENDAR_YEAR', NULL, NULL),
    ('VET_VART_SOKA_FYSISKT', 'Vet vart hon ska vända sig vid fysiska besvär efter förlossning',
     'Share (%) of women who know where to seek help for physical problems after birth.',
     'PERCENT', 'Graviditetsenkäten', 'CALENDAR_YEAR', NULL, NULL),
    ('VALDSSCREENING', 'Frågor om våld vid inskrivning i mödrahälsovården',
     'Share (%) of women asked about exposure to violence when enrolling in maternity care.',
     'PERCENT', 'Graviditetsregistret', 'CALENDAR_YEAR', '>=', 95),
    ('HPV_VACCINATION_1994_1999', 'HPV-vaccination, kvinnor födda 1994-1999',
     'Share (%) of women born 1994-1999 vaccinated against HPV, at a snapshot date (target 70 % by 2025-06-30).',
     'PERCENT', 'Nationella vaccinationsregistret', 'SNAPSHOT', '>=', 70),
    ('CELLPROVSTAGNING', 'Täckningsgrad cellprovtagning, kvinnor 23-70 år',
     'Share (%) of women aged 23-70 covered by cervical screening.',
     'PERCENT', 'Nationella kvalitetsregistret för cervixcancerprevention', 'CALENDAR_YEAR', '>=', 85),
    ('TOLK_VID_FORLOSSNING', 'Tolkanvändning vid förlossning',
     'Share (%) of births to mothers born outside the Nordic countries where an interpreter was used.',
     'PERCENT', 'Graviditetsregistret', 'CALENDAR_YEAR', NULL, NULL);

INSERT INTO indicator_group (indicator_code, group_code, position)
SELECT i.code, g.group_code, g.position
FROM indicator i
CROSS JOIN (VALUES ('ALL', 0)) AS g (group_code, position);

INSERT INTO indicator_group (indicator_code, group_code, position) VALUES
    ('EFTERVARDSBESOK', 'BORN_SWEDEN', 1), ('EFTERVARDSBESOK', 'BORN_ABROAD', 2),
    ('EFTERVARDSBESOK', 'EDU_HIGHER', 3), ('EFTERVARDSBESOK', 'EDU_PRIMARY', 4),
    ('EFTERVARDSBESOK', 'FIRST_BIRTH', 5), ('EFTERVARDSBESOK', 'LATER_BIRTH', 6),
    ('TIDIG_UPPFOLJNING', 'BORN_SWEDEN', 1), ('TIDIG_UPPFOLJNING', 'BORN_ABROAD', 2),
    ('VET_VART_SOKA_PSYKISKT', 'BORN_SWEDEN', 1), ('VET_VART_SOKA_PSYKISKT', 'BORN_ABROAD', 2),
    ('VET_VART_SOKA_FYSISKT', 'BORN_SWEDEN', 1), ('VET_VART_SOKA_FYSISKT', 'BORN_ABROAD', 2),
    ('VALDSSCREENING', 'BORN_SWEDEN', 1), ('VALDSSCREENING', 'BORN_ABROAD', 2),
    ('CELLPROVSTAGNING', 'BORN_SWEDEN', 1), ('CELLPROVSTAGNING', 'BORN_ABROAD', 2);
