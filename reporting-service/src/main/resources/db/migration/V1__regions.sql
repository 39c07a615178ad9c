-- The 21 regions, identified by their two-digit county code (länskod); from shared/data/regions.csv.
CREATE TABLE region (
    code          varchar(2) PRIMARY KEY CHECK (code ~ '^[0-9]{2}$'),
    name          varchar(100) NOT NULL,
    official_name varchar(200) NOT NULL
);
INSERT INTO region (code, name, official_name) VALUES
    ('01', 'Stockholm', 'Region Stockholm'),
    ('03', 'Uppsala', 'Region Uppsala'),
    ('04', 'Sörmland', 'Region Sörmland'),
    ('05', 'Östergötland', 'Region Östergötland'),
    ('06', 'Jönköping', 'Region Jönköpings län'),
    ('07', 'Kronoberg', 'Region Kronoberg'),
    ('08', 'Kalmar län', 'Region Kalmar län'),
    ('09', 'Gotland', 'Region Gotland'),
    ('10', 'Blekinge', 'Region Blekinge'),
    ('12', 'Skåne', 'Region Skåne'),
    ('13', 'Halland', 'Region Halland'),
    ('14', 'Västra Götaland', 'Västra Götalandsregionen'),
    ('17', 'Värmland', 'Region Värmland'),
    ('18', 'Örebro län', 'Region Örebro län'),
    ('19', 'Västmanland', 'Region Västmanland'),
    ('20', 'Dalarna', 'Region Dalarna'),
    ('21', 'Gävleborg', 'Region Gävleborg'),
    ('22', 'Västernorrland', 'Region Västernorrland'),
    ('23', 'Jämtland Härjedalen', 'Region Jämtland Härjedalen'),
    ('24', 'Västerbotten', 'Region Västerbotten'),
    ('25', 'Norrbotten', 'Region Norrbotten');
