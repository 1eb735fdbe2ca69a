-- 0041: government purchase of community services (issue 14, seed 004, ADR 0041): the contractor registry, the bureau's budget
-- lines, packages of communities, tenders, contracts with instalments tied to acceptance, reports and their acknowledgements,
-- inspections, third-party evaluations, rectifications and penalties.
CREATE TABLE contractor_profiles (
    organization_id uuid NOT NULL,
    scope_path character varying(400) NOT NULL,
    kind character varying(40) NOT NULL,
    credit_code character varying(18) NOT NULL,
    legal_representative character varying(50),
    address character varying(200),
    phone character varying(40),
    service_contents character varying(200) NOT NULL,
    qualifications_json character varying(4000) NOT NULL,
    contacts_json character varying(2000) NOT NULL,
    note character varying(1000),
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    version integer NOT NULL,
    CONSTRAINT "PK_contractor_profiles" PRIMARY KEY (organization_id),
    CONSTRAINT "FK_contractor_profiles_organizations_organization_id" FOREIGN KEY (organization_id) REFERENCES organizations (id) ON DELETE RESTRICT
);

CREATE TABLE budget_lines (
    id uuid NOT NULL,
    bureau_id uuid NOT NULL,
    scope_path character varying(400) NOT NULL,
    year integer NOT NULL,
    amount_fen bigint NOT NULL,
    document_number character varying(100),
    note character varying(500),
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    version integer NOT NULL,
    CONSTRAINT "PK_budget_lines" PRIMARY KEY (id),
    CONSTRAINT "FK_budget_lines_organizations_bureau_id" FOREIGN KEY (bureau_id) REFERENCES organizations (id) ON DELETE RESTRICT
);

CREATE TABLE service_packages (
    id uuid NOT NULL,
    bureau_id uuid NOT NULL,
    scope_path character varying(400) NOT NULL,
    name character varying(100) NOT NULL,
    period_start date NOT NULL,
    period_end date NOT NULL,
    contents character varying(200) NOT NULL,
    note character varying(1000),
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    version integer NOT NULL,
    CONSTRAINT "PK_service_packages" PRIMARY KEY (id),
    CONSTRAINT "FK_service_packages_organizations_bureau_id" FOREIGN KEY (bureau_id) REFERENCES organizations (id) ON DELETE RESTRICT
);

CREATE TABLE package_communities (
    package_id uuid NOT NULL,
    community_id uuid NOT NULL,
    town_id uuid NOT NULL,
    scope_path character varying(400) NOT NULL,
    period_start date NOT NULL,
    period_end date NOT NULL,
    CONSTRAINT "PK_package_communities" PRIMARY KEY (package_id, community_id),
    CONSTRAINT "FK_package_communities_organizations_community_id" FOREIGN KEY (community_id) REFERENCES organizations (id) ON DELETE RESTRICT,
    CONSTRAINT "FK_package_communities_service_packages_package_id" FOREIGN KEY (package_id) REFERENCES service_packages (id) ON DELETE RESTRICT
);

CREATE TABLE tender_records (
    id uuid NOT NULL,
    package_id uuid NOT NULL,
    scope_path character varying(400) NOT NULL,
    method character varying(40) NOT NULL,
    held_on date NOT NULL,
    agency character varying(100),
    bidders_json character varying(4000) NOT NULL,
    winner_id uuid NOT NULL,
    amount_fen bigint NOT NULL,
    note character varying(1000),
    recorded_at timestamp with time zone NOT NULL,
    recorded_by_name character varying(64) NOT NULL,
    CONSTRAINT "PK_tender_records" PRIMARY KEY (id),
    CONSTRAINT "FK_tender_records_organizations_winner_id" FOREIGN KEY (winner_id) REFERENCES organizations (id) ON DELETE RESTRICT,
    CONSTRAINT "FK_tender_records_service_packages_package_id" FOREIGN KEY (package_id) REFERENCES service_packages (id) ON DELETE RESTRICT
);

CREATE TABLE service_contracts (
    id uuid NOT NULL,
    number character varying(20) NOT NULL,
    agreement_number character varying(100),
    package_id uuid NOT NULL,
    tender_id uuid NOT NULL,
    contractor_id uuid NOT NULL,
    bureau_id uuid NOT NULL,
    scope_path character varying(400) NOT NULL,
    budget_year integer NOT NULL,
    signed_on date NOT NULL,
    term_start date NOT NULL,
    term_end date NOT NULL,
    amount_fen bigint NOT NULL,
    indicators_json character varying(8000) NOT NULL,
    inspection_plan_json character varying(4000) NOT NULL,
    penalty_clauses_json character varying(4000) NOT NULL,
    state character varying(40) NOT NULL,
    rules_version integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    version integer NOT NULL,
    CONSTRAINT "PK_service_contracts" PRIMARY KEY (id),
    CONSTRAINT "FK_service_contracts_organizations_contractor_id" FOREIGN KEY (contractor_id) REFERENCES organizations (id) ON DELETE RESTRICT,
    CONSTRAINT "FK_service_contracts_service_packages_package_id" FOREIGN KEY (package_id) REFERENCES service_packages (id) ON DELETE RESTRICT,
    CONSTRAINT "FK_service_contracts_tender_records_tender_id" FOREIGN KEY (tender_id) REFERENCES tender_records (id) ON DELETE RESTRICT
);

CREATE TABLE contract_instalments (
    id uuid NOT NULL,
    contract_id uuid NOT NULL,
    scope_path character varying(400) NOT NULL,
    seq integer NOT NULL,
    name character varying(50) NOT NULL,
    amount_fen bigint NOT NULL,
    milestone character varying(40) NOT NULL,
    planned_on date,
    state character varying(40) NOT NULL,
    accepted_at timestamp with time zone,
    accepted_by_name character varying(64),
    acceptance_note character varying(500),
    penalty_fen bigint NOT NULL,
    paid_fen bigint NOT NULL,
    version integer NOT NULL,
    CONSTRAINT "PK_contract_instalments" PRIMARY KEY (id),
    CONSTRAINT "FK_contract_instalments_service_contracts_contract_id" FOREIGN KEY (contract_id) REFERENCES service_contracts (id) ON DELETE RESTRICT
);

CREATE TABLE contract_reports (
    id uuid NOT NULL,
    contract_id uuid NOT NULL,
    scope_path character varying(400) NOT NULL,
    kind character varying(40) NOT NULL,
    period character varying(10),
    due_at timestamp with time zone,
    state character varying(40) NOT NULL,
    filed_at timestamp with time zone,
    filed_by_id uuid,
    filed_by_name character varying(64),
    summary_json character varying(8000),
    attachment_id uuid,
    late_reason character varying(500),
    title character varying(200),
    occurred_at timestamp with time zone,
    town_id uuid,
    town_path character varying(400),
    delivered_at timestamp with time zone,
    created_at timestamp with time zone NOT NULL,
    version integer NOT NULL,
    CONSTRAINT "PK_contract_reports" PRIMARY KEY (id),
    CONSTRAINT "FK_contract_reports_service_contracts_contract_id" FOREIGN KEY (contract_id) REFERENCES service_contracts (id) ON DELETE RESTRICT
);

CREATE TABLE report_acknowledgements (
    id uuid NOT NULL,
    report_id uuid NOT NULL,
    party character varying(40) NOT NULL,
    organization_id uuid NOT NULL,
    scope_path character varying(400) NOT NULL,
    at timestamp with time zone NOT NULL,
    by_name character varying(64) NOT NULL,
    note character varying(500),
    CONSTRAINT "PK_report_acknowledgements" PRIMARY KEY (id),
    CONSTRAINT "FK_report_acknowledgements_contract_reports_report_id" FOREIGN KEY (report_id) REFERENCES contract_reports (id) ON DELETE RESTRICT
);

CREATE TABLE inspections (
    id uuid NOT NULL,
    contract_id uuid NOT NULL,
    scope_path character varying(400) NOT NULL,
    body character varying(40) NOT NULL,
    inspected_on date NOT NULL,
    inspectors character varying(200),
    summary character varying(2000) NOT NULL,
    finding_count integer NOT NULL,
    recorded_at timestamp with time zone NOT NULL,
    recorded_by_name character varying(64) NOT NULL,
    CONSTRAINT "PK_inspections" PRIMARY KEY (id),
    CONSTRAINT "FK_inspections_service_contracts_contract_id" FOREIGN KEY (contract_id) REFERENCES service_contracts (id) ON DELETE RESTRICT
);

CREATE TABLE third_party_evaluations (
    id uuid NOT NULL,
    contract_id uuid NOT NULL,
    contractor_id uuid NOT NULL,
    evaluator_id uuid NOT NULL,
    scope_path character varying(400) NOT NULL,
    indicators_json character varying(8000) NOT NULL,
    state character varying(40) NOT NULL,
    due_on date,
    commissioned_at timestamp with time zone NOT NULL,
    scored_at timestamp with time zone,
    total_score numeric(5,2),
    grade character varying(40),
    survey_respondents integer,
    survey_satisfaction_percent numeric(5,2),
    summary character varying(4000),
    findings_json character varying(8000),
    accepted_at timestamp with time zone,
    rules_version integer NOT NULL,
    version integer NOT NULL,
    CONSTRAINT "PK_third_party_evaluations" PRIMARY KEY (id),
    CONSTRAINT "FK_third_party_evaluations_organizations_evaluator_id" FOREIGN KEY (evaluator_id) REFERENCES organizations (id) ON DELETE RESTRICT,
    CONSTRAINT "FK_third_party_evaluations_service_contracts_contract_id" FOREIGN KEY (contract_id) REFERENCES service_contracts (id) ON DELETE RESTRICT
);

CREATE TABLE rectifications (
    id uuid NOT NULL,
    contract_id uuid NOT NULL,
    scope_path character varying(400) NOT NULL,
    source character varying(40) NOT NULL,
    source_id uuid NOT NULL,
    finding character varying(1000) NOT NULL,
    due_on date NOT NULL,
    state character varying(40) NOT NULL,
    evidence character varying(2000),
    evidence_attachment_ids character varying(400),
    evidence_at timestamp with time zone,
    closed_at timestamp with time zone,
    closed_by_name character varying(64),
    closure_note character varying(500),
    created_at timestamp with time zone NOT NULL,
    version integer NOT NULL,
    CONSTRAINT "PK_rectifications" PRIMARY KEY (id),
    CONSTRAINT "FK_rectifications_service_contracts_contract_id" FOREIGN KEY (contract_id) REFERENCES service_contracts (id) ON DELETE RESTRICT
);

CREATE TABLE contract_penalties (
    id uuid NOT NULL,
    contract_id uuid NOT NULL,
    instalment_id uuid NOT NULL,
    scope_path character varying(400) NOT NULL,
    clause_code character varying(20) NOT NULL,
    amount_fen bigint NOT NULL,
    reason character varying(1000) NOT NULL,
    rectification_id uuid,
    recorded_at timestamp with time zone NOT NULL,
    recorded_by_name character varying(64) NOT NULL,
    CONSTRAINT "PK_contract_penalties" PRIMARY KEY (id),
    CONSTRAINT "FK_contract_penalties_contract_instalments_instalment_id" FOREIGN KEY (instalment_id) REFERENCES contract_instalments (id) ON DELETE RESTRICT,
    CONSTRAINT "FK_contract_penalties_service_contracts_contract_id" FOREIGN KEY (contract_id) REFERENCES service_contracts (id) ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_budget_lines_bureau_id_year" ON budget_lines (bureau_id, year);

CREATE UNIQUE INDEX "IX_contract_instalments_contract_id_seq" ON contract_instalments (contract_id, seq);

CREATE INDEX "IX_contract_instalments_state_scope_path" ON contract_instalments (state, scope_path);

CREATE INDEX "IX_contract_penalties_contract_id_recorded_at" ON contract_penalties (contract_id, recorded_at);

CREATE INDEX "IX_contract_penalties_instalment_id" ON contract_penalties (instalment_id);

CREATE UNIQUE INDEX "IX_contract_reports_contract_id_kind_period" ON contract_reports (contract_id, kind, period);

CREATE INDEX "IX_contract_reports_kind_delivered_at" ON contract_reports (kind, delivered_at);

CREATE INDEX "IX_contract_reports_scope_path_due_at" ON contract_reports (scope_path, due_at);

CREATE INDEX "IX_contract_reports_town_path_kind" ON contract_reports (town_path, kind);

CREATE UNIQUE INDEX "IX_contractor_profiles_credit_code" ON contractor_profiles (credit_code);

CREATE INDEX "IX_contractor_profiles_scope_path" ON contractor_profiles (scope_path);

CREATE INDEX "IX_inspections_contract_id_inspected_on" ON inspections (contract_id, inspected_on);

CREATE INDEX "IX_package_communities_community_id_period_start" ON package_communities (community_id, period_start);

CREATE INDEX "IX_rectifications_contract_id_state" ON rectifications (contract_id, state);

CREATE INDEX "IX_rectifications_scope_path_due_on" ON rectifications (scope_path, due_on);

CREATE UNIQUE INDEX "IX_report_acknowledgements_report_id_party" ON report_acknowledgements (report_id, party);

CREATE INDEX "IX_service_contracts_bureau_id_budget_year" ON service_contracts (bureau_id, budget_year);

CREATE INDEX "IX_service_contracts_contractor_id" ON service_contracts (contractor_id);

CREATE UNIQUE INDEX "IX_service_contracts_number" ON service_contracts (number);

CREATE UNIQUE INDEX "IX_service_contracts_package_id" ON service_contracts (package_id);

CREATE INDEX "IX_service_contracts_scope_path_signed_on" ON service_contracts (scope_path, signed_on);

CREATE INDEX "IX_service_contracts_tender_id" ON service_contracts (tender_id);

CREATE INDEX "IX_service_packages_bureau_id" ON service_packages (bureau_id);

CREATE INDEX "IX_service_packages_scope_path_period_start" ON service_packages (scope_path, period_start);

CREATE UNIQUE INDEX "IX_tender_records_package_id" ON tender_records (package_id);

CREATE INDEX "IX_tender_records_winner_id" ON tender_records (winner_id);

CREATE UNIQUE INDEX "IX_third_party_evaluations_contract_id" ON third_party_evaluations (contract_id);

CREATE INDEX "IX_third_party_evaluations_contractor_id" ON third_party_evaluations (contractor_id);

CREATE INDEX "IX_third_party_evaluations_evaluator_id" ON third_party_evaluations (evaluator_id);

CREATE INDEX "IX_third_party_evaluations_scope_path_commissioned_at" ON third_party_evaluations (scope_path, commissioned_at);
