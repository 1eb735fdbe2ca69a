-- 0020: funds corrections (issue 12, ADR 0018). An allocation run draws on several sources (R-FD-01, R-FD-03): the run's one source
-- becomes its sources with their amounts; a committed run is corrected by an adjustment and neither is ever changed (append-only, like the
-- ledger). Station items keep what the ledger paid for them (R-ST-10, R-ST-11); a procurement filing that differs from the item's fee keeps
-- its reason and the town's confirmation (R-ST-10).
ALTER TABLE fund_allocation_runs ADD COLUMN sources_json text NOT NULL DEFAULT '[]';

UPDATE fund_allocation_runs SET sources_json = '[{"Source":"' || source || '","AmountFen":' || pool_fen::text || '}]';

ALTER TABLE fund_allocation_runs ALTER COLUMN sources_json DROP DEFAULT;

ALTER TABLE fund_allocation_runs DROP COLUMN source;

CREATE TABLE fund_allocation_adjustments (
    id uuid NOT NULL,
    run_id uuid NOT NULL,
    year integer NOT NULL,
    programme character varying(40) NOT NULL,
    town_id uuid NOT NULL,
    scope_path character varying(400) NOT NULL,
    before_json text NOT NULL,
    after_json text NOT NULL,
    before_fen bigint NOT NULL,
    after_fen bigint NOT NULL,
    reason character varying(500) NOT NULL,
    entry_id uuid NOT NULL,
    at timestamp with time zone NOT NULL,
    by_name character varying(64),
    CONSTRAINT "PK_fund_allocation_adjustments" PRIMARY KEY (id),
    CONSTRAINT "FK_fund_allocation_adjustments_fund_allocation_runs_run_id" FOREIGN KEY (run_id) REFERENCES fund_allocation_runs (id) ON DELETE RESTRICT,
    CONSTRAINT "FK_fund_allocation_adjustments_fund_ledger_entries_entry_id" FOREIGN KEY (entry_id) REFERENCES fund_ledger_entries (id) ON DELETE RESTRICT,
    CONSTRAINT "FK_fund_allocation_adjustments_organizations_town_id" FOREIGN KEY (town_id) REFERENCES organizations (id) ON DELETE RESTRICT
);

CREATE INDEX "IX_fund_allocation_adjustments_entry_id" ON fund_allocation_adjustments (entry_id);

CREATE INDEX "IX_fund_allocation_adjustments_run_id" ON fund_allocation_adjustments (run_id);

CREATE INDEX "IX_fund_allocation_adjustments_scope_path_year" ON fund_allocation_adjustments (scope_path, year);

CREATE INDEX "IX_fund_allocation_adjustments_town_id" ON fund_allocation_adjustments (town_id);

CREATE INDEX "IX_fund_allocation_adjustments_year_town_id_at" ON fund_allocation_adjustments (year, town_id, at);

CREATE TRIGGER fund_allocation_runs_no_change BEFORE UPDATE OR DELETE ON fund_allocation_runs
FOR EACH ROW EXECUTE FUNCTION fund_ledger_append_only();

CREATE TRIGGER fund_allocation_runs_no_truncate BEFORE TRUNCATE ON fund_allocation_runs
FOR EACH STATEMENT EXECUTE FUNCTION fund_ledger_append_only();

CREATE TRIGGER fund_allocation_adjustments_no_change BEFORE UPDATE OR DELETE ON fund_allocation_adjustments
FOR EACH ROW EXECUTE FUNCTION fund_ledger_append_only();

CREATE TRIGGER fund_allocation_adjustments_no_truncate BEFORE TRUNCATE ON fund_allocation_adjustments
FOR EACH STATEMENT EXECUTE FUNCTION fund_ledger_append_only();

ALTER TABLE station_items ADD COLUMN ledger_paid_fen bigint NOT NULL DEFAULT 0;

ALTER TABLE station_items ALTER COLUMN ledger_paid_fen DROP DEFAULT;

ALTER TABLE procurement_filings ADD COLUMN difference_reason character varying(500);

ALTER TABLE procurement_filings ADD COLUMN difference_confirmed_at timestamp with time zone;

ALTER TABLE procurement_filings ADD COLUMN difference_confirmed_by_name character varying(64);

ALTER TABLE procurement_filings ADD COLUMN confirmed_item_amount_fen bigint;
