-- Warehouses built before counts were integers (value DOUBLE): applied once,
-- when src/load/warehouse-connection.ts finds fact_applications.value DOUBLE.
-- Money moves to amount_printed; amount_yuan stays NULL until the next run
-- reads the report again (the code version changed, so every report is redone).
ALTER TABLE fact_active_disclosure ADD COLUMN IF NOT EXISTS amount_printed DECIMAL(18, 6);
ALTER TABLE fact_active_disclosure ADD COLUMN IF NOT EXISTS amount_yuan DECIMAL(24, 6);
UPDATE fact_active_disclosure SET amount_printed = value, value = NULL WHERE metric = 'amount';
ALTER TABLE fact_active_disclosure ALTER value TYPE BIGINT USING CASE WHEN value = round(value) THEN value::BIGINT END;
ALTER TABLE fact_applications ALTER value TYPE BIGINT USING CASE WHEN value = round(value) THEN value::BIGINT END;
ALTER TABLE fact_review_litigation ALTER value TYPE BIGINT USING CASE WHEN value = round(value) THEN value::BIGINT END;
