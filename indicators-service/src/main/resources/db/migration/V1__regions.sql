-- Where indicator values can come from: the 21 regions (two-digit county codes, shared/data/regions.csv) and SE,
-- the whole country (riket). SE is never counted as a region.
CREATE TABLE region (
    code     varchar(2) PRIMARY KEY CHECK (code ~ '^([0-9]{2}|SE)$'),
    name     varchar(100) NOT NULL,
    national boolean NOT NULL DEFAULT false
);
INSERT INTO region (code, name, national) VALUES
    ('01', 'Stockholm', false),
    ('03', 'Uppsala', false),
    ('04', 'Sörmland', false),
    ('05', 'Östergötland', false),
    ('06', 'Jönköping', false),
    ('07', 'Kronoberg', false),
    ('08', 'Kalmar län', false),
    ('09', 'Gotland', false),
    ('10', 'Blekinge', false),
    ('12', 'Skåne', false),
    ('13', 'Halland', false),
    ('14', 'Västra Götaland', false),
    ('17', 'Värmland', false),
    ('18', 'Örebro län', false),
    ('19', 'Västmanland', false),
    ('20', 'Dalarna', false),
    ('21', 'Gävleborg', false),
    ('22', 'Västernorrland', false),
    ('23', 'Jämtland Härjedalen', false),
    ('24', 'Västerbotten', false),
    ('25', 'Norrbotten', false),
    ('SE', 'Riket', true);
