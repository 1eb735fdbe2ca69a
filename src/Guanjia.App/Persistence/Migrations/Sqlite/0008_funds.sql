-- 0008: funds (R-FD, issue 5): accounts, the double-entry ledger, pilot grants, town factors, allocation runs.

CREATE TABLE "fund_accounts" (
    "id" TEXT NOT NULL CONSTRAINT "PK_fund_accounts" PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "town_id" TEXT NULL,
    "name" TEXT NOT NULL,
    "scope_path" TEXT NOT NULL,
    "source" TEXT NULL,
    "slot" TEXT NOT NULL,
    "balance_fen" INTEGER NOT NULL,
    "created_at" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "FK_fund_accounts_organizations_organization_id" FOREIGN KEY ("organization_id") REFERENCES "organizations" ("id") ON DELETE RESTRICT
);

CREATE TABLE "fund_ledger_entries" (
    "id" TEXT NOT NULL CONSTRAINT "PK_fund_ledger_entries" PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "at" INTEGER NOT NULL,
    "description" TEXT NOT NULL,
    "reference" TEXT NULL,
    "payee" TEXT NULL,
    "target_kind" TEXT NULL,
    "target_id" TEXT NULL,
    "reverses_id" TEXT NULL,
    "amount_fen" INTEGER NOT NULL,
    "scope_path" TEXT NOT NULL,
    "by_id" TEXT NULL,
    "by_name" TEXT NULL,
    CONSTRAINT "FK_fund_ledger_entries_fund_ledger_entries_reverses_id" FOREIGN KEY ("reverses_id") REFERENCES "fund_ledger_entries" ("id") ON DELETE RESTRICT
);

CREATE TABLE "fund_ledger_lines" (
    "id" TEXT NOT NULL CONSTRAINT "PK_fund_ledger_lines" PRIMARY KEY,
    "entry_id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "amount_fen" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "target_kind" TEXT NULL,
    "target_id" TEXT NULL,
    "scope_path" TEXT NOT NULL,
    CONSTRAINT "FK_fund_ledger_lines_fund_accounts_account_id" FOREIGN KEY ("account_id") REFERENCES "fund_accounts" ("id") ON DELETE RESTRICT,
    CONSTRAINT "FK_fund_ledger_lines_fund_ledger_entries_entry_id" FOREIGN KEY ("entry_id") REFERENCES "fund_ledger_entries" ("id") ON DELETE RESTRICT
);

CREATE TABLE "fund_pilot_grants" (
    "town_id" TEXT NOT NULL CONSTRAINT "PK_fund_pilot_grants" PRIMARY KEY,
    "year" INTEGER NOT NULL,
    "amount_fen" INTEGER NOT NULL,
    "entry_id" TEXT NOT NULL,
    "scope_path" TEXT NOT NULL,
    "granted_at" INTEGER NOT NULL,
    CONSTRAINT "FK_fund_pilot_grants_fund_ledger_entries_entry_id" FOREIGN KEY ("entry_id") REFERENCES "fund_ledger_entries" ("id") ON DELETE RESTRICT,
    CONSTRAINT "FK_fund_pilot_grants_organizations_town_id" FOREIGN KEY ("town_id") REFERENCES "organizations" ("id") ON DELETE RESTRICT
);

CREATE TABLE "fund_town_factors" (
    "id" TEXT NOT NULL CONSTRAINT "PK_fund_town_factors" PRIMARY KEY,
    "town_id" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "scope_path" TEXT NOT NULL,
    "village_count" INTEGER NOT NULL,
    "area_hectares" INTEGER NOT NULL,
    "output_wan" INTEGER NOT NULL,
    "population" INTEGER NOT NULL,
    "need_count" INTEGER NOT NULL,
    "updated_at" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "FK_fund_town_factors_organizations_town_id" FOREIGN KEY ("town_id") REFERENCES "organizations" ("id") ON DELETE RESTRICT
);

CREATE TABLE "fund_allocation_runs" (
    "id" TEXT NOT NULL CONSTRAINT "PK_fund_allocation_runs" PRIMARY KEY,
    "year" INTEGER NOT NULL,
    "programme" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "pool_fen" INTEGER NOT NULL,
    "weights_json" TEXT NOT NULL,
    "table_json" TEXT NOT NULL,
    "scope_path" TEXT NOT NULL,
    "committed_at" INTEGER NOT NULL,
    "by_name" TEXT NULL
);

CREATE UNIQUE INDEX "IX_fund_accounts_organization_id_slot" ON "fund_accounts" ("organization_id", "slot");

CREATE INDEX "IX_fund_accounts_scope_path_kind" ON "fund_accounts" ("scope_path", "kind");

CREATE INDEX "IX_fund_accounts_town_id_kind" ON "fund_accounts" ("town_id", "kind");

CREATE UNIQUE INDEX "IX_fund_allocation_runs_year_programme" ON "fund_allocation_runs" ("year", "programme");

CREATE INDEX "IX_fund_ledger_entries_at" ON "fund_ledger_entries" ("at");

CREATE INDEX "IX_fund_ledger_entries_kind_year" ON "fund_ledger_entries" ("kind", "year");

CREATE UNIQUE INDEX "IX_fund_ledger_entries_reverses_id" ON "fund_ledger_entries" ("reverses_id");

CREATE INDEX "IX_fund_ledger_entries_target_id_at" ON "fund_ledger_entries" ("target_id", "at");

CREATE INDEX "IX_fund_ledger_entries_year_at" ON "fund_ledger_entries" ("year", "at");

CREATE INDEX "IX_fund_ledger_lines_account_id_source_year" ON "fund_ledger_lines" ("account_id", "source", "year");

CREATE INDEX "IX_fund_ledger_lines_entry_id" ON "fund_ledger_lines" ("entry_id");

CREATE INDEX "IX_fund_ledger_lines_scope_path_year" ON "fund_ledger_lines" ("scope_path", "year");

CREATE INDEX "IX_fund_ledger_lines_target_id_source" ON "fund_ledger_lines" ("target_id", "source");

CREATE INDEX "IX_fund_pilot_grants_entry_id" ON "fund_pilot_grants" ("entry_id");

CREATE INDEX "IX_fund_town_factors_town_id" ON "fund_town_factors" ("town_id");

CREATE UNIQUE INDEX "IX_fund_town_factors_year_town_id" ON "fund_town_factors" ("year", "town_id");

-- The ledger is append-only (R-FD-06): a correction is a reversing entry, never an edit.
CREATE TRIGGER fund_ledger_entries_no_update BEFORE UPDATE ON fund_ledger_entries
BEGIN SELECT RAISE(ABORT, 'fund_ledger_entries is append-only'); END;

CREATE TRIGGER fund_ledger_entries_no_delete BEFORE DELETE ON fund_ledger_entries
BEGIN SELECT RAISE(ABORT, 'fund_ledger_entries is append-only'); END;

CREATE TRIGGER fund_ledger_lines_no_update BEFORE UPDATE ON fund_ledger_lines
BEGIN SELECT RAISE(ABORT, 'fund_ledger_lines is append-only'); END;

CREATE TRIGGER fund_ledger_lines_no_delete BEFORE DELETE ON fund_ledger_lines
BEGIN SELECT RAISE(ABORT, 'fund_ledger_lines is append-only'); END;
