-- Money as the last line of defence (the services check the same first, with a 422 naming the field):
-- every amount is whole kronor within 0 ... 10^13 (se.kvinnohalsa.support.money.Kronor.MAX_SEK), and sums are
-- checked in numeric, which cannot overflow: a region's decision lines add up exactly to its total, and an
-- agreement's pools add up to at most its total. The sums are constraint triggers deferred to the commit, because
-- a decision and its lines (an agreement and its pools) are written one row after another.
ALTER TABLE agreement ADD CONSTRAINT agreement_total_sek_bound CHECK (total_sek BETWEEN 0 AND 10000000000000);
ALTER TABLE agreement_pool ADD CONSTRAINT agreement_pool_amount_sek_bound
    CHECK (amount_sek BETWEEN 0 AND 10000000000000);
ALTER TABLE pool_key_entry ADD CONSTRAINT pool_key_entry_amount_sek_bound
    CHECK (amount_sek IS NULL OR amount_sek BETWEEN 0 AND 10000000000000);
ALTER TABLE allocation_publication ADD CONSTRAINT allocation_publication_total_sek_bound
    CHECK (total_sek BETWEEN 0 AND 10000000000000);
ALTER TABLE published_allocation ADD CONSTRAINT published_allocation_amount_sek_bound
    CHECK (amount_sek BETWEEN 0 AND 10000000000000);
ALTER TABLE region_decision ADD CONSTRAINT region_decision_total_sek_bound
    CHECK (total_sek BETWEEN 0 AND 10000000000000);
ALTER TABLE region_decision_line ADD CONSTRAINT region_decision_line_amount_sek_bound
    CHECK (amount_sek BETWEEN 0 AND 10000000000000);

CREATE FUNCTION region_decision_adds_up() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    decision_year integer;
    decision_region varchar(2);
    decision_total bigint;
    lines_sum numeric;
BEGIN
    IF TG_OP = 'DELETE' THEN
        decision_year := OLD.year;
        decision_region := OLD.region_code;
    ELSE
        decision_year := NEW.year;
        decision_region := NEW.region_code;
    END IF;
    SELECT total_sek INTO decision_total FROM region_decision
        WHERE year = decision_year AND region_code = decision_region;
    IF NOT FOUND THEN
        RETURN NULL; -- the decision itself is gone (its lines go with it)
    END IF;
    SELECT coalesce(sum(amount_sek::numeric), 0) INTO lines_sum FROM region_decision_line
        WHERE year = decision_year AND region_code = decision_region;
    IF lines_sum <> decision_total THEN
        RAISE EXCEPTION USING ERRCODE = 'check_violation',
            MESSAGE = format('the lines of decision %s/%s add up to %s SEK, not its total %s SEK',
                decision_year, decision_region, lines_sum, decision_total);
    END IF;
    RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER region_decision_line_adds_up
    AFTER INSERT OR UPDATE OR DELETE ON region_decision_line
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION region_decision_adds_up();
CREATE CONSTRAINT TRIGGER region_decision_adds_up
    AFTER INSERT OR UPDATE ON region_decision
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION region_decision_adds_up();

CREATE FUNCTION agreement_pools_within_total() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    agreement_year integer;
    agreement_total bigint;
    pools_sum numeric;
BEGIN
    IF TG_OP = 'DELETE' THEN
        agreement_year := OLD.year;
    ELSE
        agreement_year := NEW.year;
    END IF;
    SELECT total_sek INTO agreement_total FROM agreement WHERE year = agreement_year;
    IF NOT FOUND THEN
        RETURN NULL;
    END IF;
    SELECT coalesce(sum(amount_sek::numeric), 0) INTO pools_sum FROM agreement_pool WHERE year = agreement_year;
    IF pools_sum > agreement_total THEN
        RAISE EXCEPTION USING ERRCODE = 'check_violation',
            MESSAGE = format('the pools of %s add up to %s SEK, more than its total %s SEK',
                agreement_year, pools_sum, agreement_total);
    END IF;
    RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER agreement_pool_within_total
    AFTER INSERT OR UPDATE OR DELETE ON agreement_pool
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION agreement_pools_within_total();
CREATE CONSTRAINT TRIGGER agreement_within_total
    AFTER UPDATE ON agreement
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION agreement_pools_within_total();
