-- 0020: funds corrections (issue 12, ADR 0018). An allocation run draws on several sources (R-FD-01, R-FD-03): the run's one source
-- becomes its sources with their amounts; a committed run is corrected by an adjustment and neither is ever changed (append-only, like the
-- ledger). Station items keep what the ledger paid for them (R-ST-10, R-ST-11); a procurement filing that differs from the item's fee keeps
-- its reason and the town's confirmation (R-ST-10).
ALTER TABLE "fund_allocation_runs" ADD COLUMN "sources_json" TEXT NOT NULL DEFAULT '[]';

UPDATE "fund_allocation_runs" SET "sources_json" = '[{"Source":"' || "source" || '","AmountFen":' || "pool_fen" || '}]';

ALTER TABLE "fund_allocation_runs" DROP COLUMN "source";

CREATE TABLE "fund_allocation_adjustments" (
    "id" TEXT NOT NULL CONSTRAINT "PK_fund_allocation_adjustments" PRIMARY KEY,
    "run_id" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "programme" TEXT NOT NULL,
    "town_id" TEXT NOT NULL,
    "scope_path" TEXT NOT NULL,
    "before_json" TEXT NOT NULL,
    "after_json" TEXT NOT NULL,
    "before_fen" INTEGER NOT NULL,
    "after_fen" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "entry_id" TEXT NOT NULL,
    "at" INTEGER NOT NULL,
    "by_name" TEXT NULL,
    CONSTRAINT "FK_fund_allocation_adjustments_fund_allocation_runs_run_id" FOREIGN KEY ("run_id") REFERENCES "fund_allocation_runs" ("id") ON DELETE RESTRICT,
    CONSTRAINT "FK_fund_allocation_adjustments_fund_ledger_entries_entry_id" FOREIGN KEY ("entry_id") REFERENCES "fund_ledger_entries" ("id") ON DELETE RESTRICT,
    CONSTRAINT "FK_fund_allocation_adjustments_organizations_town_id" FOREIGN KEY ("town_id") REFERENCES "organizations" ("id") ON DELETE RESTRICT
);

CREATE INDEX "IX_fund_allocation_adjustments_entry_id" ON "fund_allocation_adjustments" ("entry_id");

CREATE INDEX "IX_fund_allocation_adjustments_run_id" ON "fund_allocation_adjustments" ("run_id");

CREATE INDEX "IX_fund_allocation_adjustments_scope_path_year" ON "fund_allocation_adjustments" ("scope_path", "year");

CREATE INDEX "IX_fund_allocation_adjustments_town_id" ON "fund_allocation_adjustments" ("town_id");

CREATE INDEX "IX_fund_allocation_adjustments_year_town_id_at" ON "fund_allocation_adjustments" ("year", "town_id", "at");

CREATE TRIGGER fund_allocation_runs_no_update BEFORE UPDATE ON fund_allocation_runs
BEGIN SELECT RAISE(ABORT, 'fund_allocation_runs is append-only'); END;

CREATE TRIGGER fund_allocation_runs_no_delete BEFORE DELETE ON fund_allocation_runs
BEGIN SELECT RAISE(ABORT, 'fund_allocation_runs is append-only'); END;

CREATE TRIGGER fund_allocation_adjustments_no_update BEFORE UPDATE ON fund_allocation_adjustments
BEGIN SELECT RAISE(ABORT, 'fund_allocation_adjustments is append-only'); END;

CREATE TRIGGER fund_allocation_adjustments_no_delete BEFORE DELETE ON fund_allocation_adjustments
BEGIN SELECT RAISE(ABORT, 'fund_allocation_adjustments is append-only'); END;

ALTER TABLE "station_items" ADD COLUMN "ledger_paid_fen" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "procurement_filings" ADD COLUMN "difference_reason" TEXT NULL;

ALTER TABLE "procurement_filings" ADD COLUMN "difference_confirmed_at" INTEGER NULL;

ALTER TABLE "procurement_filings" ADD COLUMN "difference_confirmed_by_name" TEXT NULL;

ALTER TABLE "procurement_filings" ADD COLUMN "confirmed_item_amount_fen" INTEGER NULL;
