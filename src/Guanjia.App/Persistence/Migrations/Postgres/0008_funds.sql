-- 0008: funds (R-FD, issue 5): accounts, the double-entry ledger, pilot grants, town factors, allocation runs.

CREATE TABLE fund_accounts (
    id uuid NOT NULL,
    kind character varying(40) NOT NULL,
    organization_id uuid NOT NULL,
    town_id uuid,
    name character varying(150) NOT NULL,
    scope_path character varying(400) NOT NULL,
    source character varying(40),
    slot character varying(60) NOT NULL,
    balance_fen bigint NOT NULL,
    created_at timestamp with time zone NOT NULL,
    version integer NOT NULL,
    CONSTRAINT "PK_fund_accounts" PRIMARY KEY (id),
    CONSTRAINT "FK_fund_accounts_organizations_organization_id" FOREIGN KEY (organization_id) REFERENCES organizations (id) ON DELETE RESTRICT
);

CREATE TABLE fund_ledger_entries (
    id uuid NOT NULL,
    kind character varying(40) NOT NULL,
    year integer NOT NULL,
    at timestamp with time zone NOT NULL,
    description character varying(500) NOT NULL,
    reference character varying(100),
    payee character varying(200),
    target_kind character varying(40),
    target_id uuid,
    reverses_id uuid,
    amount_fen bigint NOT NULL,
    scope_path character varying(400) NOT NULL,
    by_id uuid,
    by_name character varying(64),
    CONSTRAINT "PK_fund_ledger_entries" PRIMARY KEY (id),
    CONSTRAINT "FK_fund_ledger_entries_fund_ledger_entries_reverses_id" FOREIGN KEY (reverses_id) REFERENCES fund_ledger_entries (id) ON DELETE RESTRICT
);

CREATE TABLE fund_ledger_lines (
    id uuid NOT NULL,
    entry_id uuid NOT NULL,
    account_id uuid NOT NULL,
    source character varying(40) NOT NULL,
    amount_fen bigint NOT NULL,
    year integer NOT NULL,
    target_kind character varying(40),
    target_id uuid,
    scope_path character varying(400) NOT NULL,
    CONSTRAINT "PK_fund_ledger_lines" PRIMARY KEY (id),
    CONSTRAINT "FK_fund_ledger_lines_fund_accounts_account_id" FOREIGN KEY (account_id) REFERENCES fund_accounts (id) ON DELETE RESTRICT,
    CONSTRAINT "FK_fund_ledger_lines_fund_ledger_entries_entry_id" FOREIGN KEY (entry_id) REFERENCES fund_ledger_entries (id) ON DELETE RESTRICT
);

CREATE TABLE fund_pilot_grants (
    town_id uuid NOT NULL,
    year integer NOT NULL,
    amount_fen bigint NOT NULL,
    entry_id uuid NOT NULL,
    scope_path character varying(400) NOT NULL,
    granted_at timestamp with time zone NOT NULL,
    CONSTRAINT "PK_fund_pilot_grants" PRIMARY KEY (town_id),
    CONSTRAINT "FK_fund_pilot_grants_fund_ledger_entries_entry_id" FOREIGN KEY (entry_id) REFERENCES fund_ledger_entries (id) ON DELETE RESTRICT,
    CONSTRAINT "FK_fund_pilot_grants_organizations_town_id" FOREIGN KEY (town_id) REFERENCES organizations (id) ON DELETE RESTRICT
);

CREATE TABLE fund_town_factors (
    id uuid NOT NULL,
    town_id uuid NOT NULL,
    year integer NOT NULL,
    scope_path character varying(400) NOT NULL,
    village_count bigint NOT NULL,
    area_hectares bigint NOT NULL,
    output_wan bigint NOT NULL,
    population bigint NOT NULL,
    need_count bigint NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    version integer NOT NULL,
    CONSTRAINT "PK_fund_town_factors" PRIMARY KEY (id),
    CONSTRAINT "FK_fund_town_factors_organizations_town_id" FOREIGN KEY (town_id) REFERENCES organizations (id) ON DELETE RESTRICT
);

CREATE TABLE fund_allocation_runs (
    id uuid NOT NULL,
    year integer NOT NULL,
    programme character varying(40) NOT NULL,
    source character varying(40) NOT NULL,
    pool_fen bigint NOT NULL,
    weights_json text NOT NULL,
    table_json text NOT NULL,
    scope_path character varying(400) NOT NULL,
    committed_at timestamp with time zone NOT NULL,
    by_name character varying(64),
    CONSTRAINT "PK_fund_allocation_runs" PRIMARY KEY (id)
);

CREATE UNIQUE INDEX "IX_fund_accounts_organization_id_slot" ON fund_accounts (organization_id, slot);

CREATE INDEX "IX_fund_accounts_scope_path_kind" ON fund_accounts (scope_path, kind);

CREATE INDEX "IX_fund_accounts_town_id_kind" ON fund_accounts (town_id, kind);

CREATE UNIQUE INDEX "IX_fund_allocation_runs_year_programme" ON fund_allocation_runs (year, programme);

CREATE INDEX "IX_fund_ledger_entries_at" ON fund_ledger_entries (at);

CREATE INDEX "IX_fund_ledger_entries_kind_year" ON fund_ledger_entries (kind, year);

CREATE UNIQUE INDEX "IX_fund_ledger_entries_reverses_id" ON fund_ledger_entries (reverses_id);

CREATE INDEX "IX_fund_ledger_entries_target_id_at" ON fund_ledger_entries (target_id, at);

CREATE INDEX "IX_fund_ledger_entries_year_at" ON fund_ledger_entries (year, at);

CREATE INDEX "IX_fund_ledger_lines_account_id_source_year" ON fund_ledger_lines (account_id, source, year);

CREATE INDEX "IX_fund_ledger_lines_entry_id" ON fund_ledger_lines (entry_id);

CREATE INDEX "IX_fund_ledger_lines_scope_path_year" ON fund_ledger_lines (scope_path, year);

CREATE INDEX "IX_fund_ledger_lines_target_id_source" ON fund_ledger_lines (target_id, source);

CREATE INDEX "IX_fund_pilot_grants_entry_id" ON fund_pilot_grants (entry_id);

CREATE INDEX "IX_fund_town_factors_town_id" ON fund_town_factors (town_id);

CREATE UNIQUE INDEX "IX_fund_town_factors_year_town_id" ON fund_town_factors (year, town_id);

-- The ledger is append-only (R-FD-06): a correction is a reversing entry, never an edit.
CREATE FUNCTION fund_ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END;
$$;

CREATE TRIGGER fund_ledger_entries_no_change BEFORE UPDATE OR DELETE ON fund_ledger_entries
FOR EACH ROW EXECUTE FUNCTION fund_ledger_append_only();

CREATE TRIGGER fund_ledger_entries_no_truncate BEFORE TRUNCATE ON fund_ledger_entries
FOR EACH STATEMENT EXECUTE FUNCTION fund_ledger_append_only();

CREATE TRIGGER fund_ledger_lines_no_change BEFORE UPDATE OR DELETE ON fund_ledger_lines
FOR EACH ROW EXECUTE FUNCTION fund_ledger_append_only();

CREATE TRIGGER fund_ledger_lines_no_truncate BEFORE TRUNCATE ON fund_ledger_lines
FOR EACH STATEMENT EXECUTE FUNCTION fund_ledger_append_only();
