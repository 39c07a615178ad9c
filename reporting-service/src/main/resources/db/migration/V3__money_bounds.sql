-- Money as the last line of defence (the service checks the same first, with a 422 naming the field): every amount
-- is whole kronor within 0 ... 10^13 (se.kvinnohalsa.support.money.Kronor.MAX_SEK), and a report's stated total is
-- at least the sum of its spending lines, summed in numeric, which cannot overflow. A report's content is one JSON
-- document; the check reads it as json (not jsonb, which could not hold every text the document may contain).
ALTER TABLE agreement ADD CONSTRAINT agreement_total_sek_bound CHECK (total_sek BETWEEN 0 AND 10000000000000);
ALTER TABLE region_allocation ADD CONSTRAINT region_allocation_total_sek_bound
    CHECK (total_sek BETWEEN 0 AND 10000000000000);

CREATE FUNCTION report_spending_within_bounds(content text) RETURNS boolean LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    spending json := content::json -> 'spending';
    lines_sum numeric := 0;
    amount numeric;
    total numeric;
BEGIN
    IF spending IS NULL OR json_typeof(spending) <> 'object' THEN
        RETURN true;
    END IF;
    IF json_typeof(spending -> 'lines') = 'array' THEN
        FOR amount IN SELECT (line ->> 'amountSek')::numeric FROM json_array_elements(spending -> 'lines') AS line
        LOOP
            IF amount < 0 OR amount > 10000000000000 THEN
                RETURN false;
            END IF;
            lines_sum := lines_sum + coalesce(amount, 0);
        END LOOP;
    END IF;
    total := (spending ->> 'totalSek')::numeric;
    RETURN total IS NULL OR (total BETWEEN 0 AND 10000000000000 AND total >= lines_sum);
END $$;

ALTER TABLE report ADD CONSTRAINT report_spending_bound CHECK (report_spending_within_bounds(content));
