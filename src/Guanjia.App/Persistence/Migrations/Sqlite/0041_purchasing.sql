-- 0041: government purchase of community services (issue 14, seed 004, ADR 0041): the contractor registry, the bureau's budget
-- lines, packages of communities, tenders, contracts with instalments tied to acceptance, reports and their acknowledgements,
-- inspections, third-party evaluations, rectifications and penalties.
CREATE TABLE "contractor_profiles" (
    "organization_id" TEXT NOT NULL CONSTRAINT "PK_contractor_profiles" PRIMARY KEY,
    "scope_path" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "credit_code" TEXT NOT NULL,
    "legal_representative" TEXT NULL,
    "address" TEXT NULL,
    "phone" TEXT NULL,
    "service_contents" TEXT NOT NULL,
    "qualifications_json" TEXT NOT NULL,
    "contacts_json" TEXT NOT NULL,
    "note" TEXT NULL,
    "created_at" INTEGER NOT NULL,
    "updated_at" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "FK_contractor_profiles_organizations_organization_id" FOREIGN KEY ("organization_id") REFERENCES "organizations" ("id") ON DELETE RESTRICT
);

CREATE TABLE "budget_lines" (
    "id" TEXT NOT NULL CONSTRAINT "PK_budget_lines" PRIMARY KEY,
    "bureau_id" TEXT NOT NULL,
    "scope_path" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "amount_fen" INTEGER NOT NULL,
    "document_number" TEXT NULL,
    "note" TEXT NULL,
    "created_at" INTEGER NOT NULL,
    "updated_at" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "FK_budget_lines_organizations_bureau_id" FOREIGN KEY ("bureau_id") REFERENCES "organizations" ("id") ON DELETE RESTRICT
);

CREATE TABLE "service_packages" (
    "id" TEXT NOT NULL CONSTRAINT "PK_service_packages" PRIMARY KEY,
    "bureau_id" TEXT NOT NULL,
    "scope_path" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "period_start" TEXT NOT NULL,
    "period_end" TEXT NOT NULL,
    "contents" TEXT NOT NULL,
    "note" TEXT NULL,
    "created_at" INTEGER NOT NULL,
    "updated_at" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "FK_service_packages_organizations_bureau_id" FOREIGN KEY ("bureau_id") REFERENCES "organizations" ("id") ON DELETE RESTRICT
);

CREATE TABLE "package_communities" (
    "package_id" TEXT NOT NULL,
    "community_id" TEXT NOT NULL,
    "town_id" TEXT NOT NULL,
    "scope_path" TEXT NOT NULL,
    "period_start" TEXT NOT NULL,
    "period_end" TEXT NOT NULL,
    CONSTRAINT "PK_package_communities" PRIMARY KEY ("package_id", "community_id"),
    CONSTRAINT "FK_package_communities_organizations_community_id" FOREIGN KEY ("community_id") REFERENCES "organizations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "FK_package_communities_service_packages_package_id" FOREIGN KEY ("package_id") REFERENCES "service_packages" ("id") ON DELETE RESTRICT
);

CREATE TABLE "tender_records" (
    "id" TEXT NOT NULL CONSTRAINT "PK_tender_records" PRIMARY KEY,
    "package_id" TEXT NOT NULL,
    "scope_path" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "held_on" TEXT NOT NULL,
    "agency" TEXT NULL,
    "bidders_json" TEXT NOT NULL,
    "winner_id" TEXT NOT NULL,
    "amount_fen" INTEGER NOT NULL,
    "note" TEXT NULL,
    "recorded_at" INTEGER NOT NULL,
    "recorded_by_name" TEXT NOT NULL,
    CONSTRAINT "FK_tender_records_organizations_winner_id" FOREIGN KEY ("winner_id") REFERENCES "organizations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "FK_tender_records_service_packages_package_id" FOREIGN KEY ("package_id") REFERENCES "service_packages" ("id") ON DELETE RESTRICT
);

CREATE TABLE "service_contracts" (
    "id" TEXT NOT NULL CONSTRAINT "PK_service_contracts" PRIMARY KEY,
    "number" TEXT NOT NULL,
    "agreement_number" TEXT NULL,
    "package_id" TEXT NOT NULL,
    "tender_id" TEXT NOT NULL,
    "contractor_id" TEXT NOT NULL,
    "bureau_id" TEXT NOT NULL,
    "scope_path" TEXT NOT NULL,
    "budget_year" INTEGER NOT NULL,
    "signed_on" TEXT NOT NULL,
    "term_start" TEXT NOT NULL,
    "term_end" TEXT NOT NULL,
    "amount_fen" INTEGER NOT NULL,
    "indicators_json" TEXT NOT NULL,
    "inspection_plan_json" TEXT NOT NULL,
    "penalty_clauses_json" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "rules_version" INTEGER NOT NULL,
    "created_at" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "FK_service_contracts_organizations_contractor_id" FOREIGN KEY ("contractor_id") REFERENCES "organizations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "FK_service_contracts_service_packages_package_id" FOREIGN KEY ("package_id") REFERENCES "service_packages" ("id") ON DELETE RESTRICT,
    CONSTRAINT "FK_service_contracts_tender_records_tender_id" FOREIGN KEY ("tender_id") REFERENCES "tender_records" ("id") ON DELETE RESTRICT
);

CREATE TABLE "contract_instalments" (
    "id" TEXT NOT NULL CONSTRAINT "PK_contract_instalments" PRIMARY KEY,
    "contract_id" TEXT NOT NULL,
    "scope_path" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "amount_fen" INTEGER NOT NULL,
    "milestone" TEXT NOT NULL,
    "planned_on" TEXT NULL,
    "state" TEXT NOT NULL,
    "accepted_at" INTEGER NULL,
    "accepted_by_name" TEXT NULL,
    "acceptance_note" TEXT NULL,
    "penalty_fen" INTEGER NOT NULL,
    "paid_fen" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "FK_contract_instalments_service_contracts_contract_id" FOREIGN KEY ("contract_id") REFERENCES "service_contracts" ("id") ON DELETE RESTRICT
);

CREATE TABLE "contract_reports" (
    "id" TEXT NOT NULL CONSTRAINT "PK_contract_reports" PRIMARY KEY,
    "contract_id" TEXT NOT NULL,
    "scope_path" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "period" TEXT NULL,
    "due_at" INTEGER NULL,
    "state" TEXT NOT NULL,
    "filed_at" INTEGER NULL,
    "filed_by_id" TEXT NULL,
    "filed_by_name" TEXT NULL,
    "summary_json" TEXT NULL,
    "attachment_id" TEXT NULL,
    "late_reason" TEXT NULL,
    "title" TEXT NULL,
    "occurred_at" INTEGER NULL,
    "town_id" TEXT NULL,
    "town_path" TEXT NULL,
    "delivered_at" INTEGER NULL,
    "created_at" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "FK_contract_reports_service_contracts_contract_id" FOREIGN KEY ("contract_id") REFERENCES "service_contracts" ("id") ON DELETE RESTRICT
);

CREATE TABLE "report_acknowledgements" (
    "id" TEXT NOT NULL CONSTRAINT "PK_report_acknowledgements" PRIMARY KEY,
    "report_id" TEXT NOT NULL,
    "party" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "scope_path" TEXT NOT NULL,
    "at" INTEGER NOT NULL,
    "by_name" TEXT NOT NULL,
    "note" TEXT NULL,
    CONSTRAINT "FK_report_acknowledgements_contract_reports_report_id" FOREIGN KEY ("report_id") REFERENCES "contract_reports" ("id") ON DELETE RESTRICT
);

CREATE TABLE "inspections" (
    "id" TEXT NOT NULL CONSTRAINT "PK_inspections" PRIMARY KEY,
    "contract_id" TEXT NOT NULL,
    "scope_path" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "inspected_on" TEXT NOT NULL,
    "inspectors" TEXT NULL,
    "summary" TEXT NOT NULL,
    "finding_count" INTEGER NOT NULL,
    "recorded_at" INTEGER NOT NULL,
    "recorded_by_name" TEXT NOT NULL,
    CONSTRAINT "FK_inspections_service_contracts_contract_id" FOREIGN KEY ("contract_id") REFERENCES "service_contracts" ("id") ON DELETE RESTRICT
);

CREATE TABLE "third_party_evaluations" (
    "id" TEXT NOT NULL CONSTRAINT "PK_third_party_evaluations" PRIMARY KEY,
    "contract_id" TEXT NOT NULL,
    "contractor_id" TEXT NOT NULL,
    "evaluator_id" TEXT NOT NULL,
    "scope_path" TEXT NOT NULL,
    "indicators_json" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "due_on" TEXT NULL,
    "commissioned_at" INTEGER NOT NULL,
    "scored_at" INTEGER NULL,
    "total_score" TEXT NULL,
    "grade" TEXT NULL,
    "survey_respondents" INTEGER NULL,
    "survey_satisfaction_percent" TEXT NULL,
    "summary" TEXT NULL,
    "findings_json" TEXT NULL,
    "accepted_at" INTEGER NULL,
    "rules_version" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "FK_third_party_evaluations_organizations_evaluator_id" FOREIGN KEY ("evaluator_id") REFERENCES "organizations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "FK_third_party_evaluations_service_contracts_contract_id" FOREIGN KEY ("contract_id") REFERENCES "service_contracts" ("id") ON DELETE RESTRICT
);

CREATE TABLE "rectifications" (
    "id" TEXT NOT NULL CONSTRAINT "PK_rectifications" PRIMARY KEY,
    "contract_id" TEXT NOT NULL,
    "scope_path" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "source_id" TEXT NOT NULL,
    "finding" TEXT NOT NULL,
    "due_on" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "evidence" TEXT NULL,
    "evidence_attachment_ids" TEXT NULL,
    "evidence_at" INTEGER NULL,
    "closed_at" INTEGER NULL,
    "closed_by_name" TEXT NULL,
    "closure_note" TEXT NULL,
    "created_at" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "FK_rectifications_service_contracts_contract_id" FOREIGN KEY ("contract_id") REFERENCES "service_contracts" ("id") ON DELETE RESTRICT
);

CREATE TABLE "contract_penalties" (
    "id" TEXT NOT NULL CONSTRAINT "PK_contract_penalties" PRIMARY KEY,
    "contract_id" TEXT NOT NULL,
    "instalment_id" TEXT NOT NULL,
    "scope_path" TEXT NOT NULL,
    "clause_code" TEXT NOT NULL,
    "amount_fen" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "rectification_id" TEXT NULL,
    "recorded_at" INTEGER NOT NULL,
    "recorded_by_name" TEXT NOT NULL,
    CONSTRAINT "FK_contract_penalties_contract_instalments_instalment_id" FOREIGN KEY ("instalment_id") REFERENCES "contract_instalments" ("id") ON DELETE RESTRICT,
    CONSTRAINT "FK_contract_penalties_service_contracts_contract_id" FOREIGN KEY ("contract_id") REFERENCES "service_contracts" ("id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_budget_lines_bureau_id_year" ON "budget_lines" ("bureau_id", "year");

CREATE UNIQUE INDEX "IX_contract_instalments_contract_id_seq" ON "contract_instalments" ("contract_id", "seq");

CREATE INDEX "IX_contract_instalments_state_scope_path" ON "contract_instalments" ("state", "scope_path");

CREATE INDEX "IX_contract_penalties_contract_id_recorded_at" ON "contract_penalties" ("contract_id", "recorded_at");

CREATE INDEX "IX_contract_penalties_instalment_id" ON "contract_penalties" ("instalment_id");

CREATE UNIQUE INDEX "IX_contract_reports_contract_id_kind_period" ON "contract_reports" ("contract_id", "kind", "period");

CREATE INDEX "IX_contract_reports_kind_delivered_at" ON "contract_reports" ("kind", "delivered_at");

CREATE INDEX "IX_contract_reports_scope_path_due_at" ON "contract_reports" ("scope_path", "due_at");

CREATE INDEX "IX_contract_reports_town_path_kind" ON "contract_reports" ("town_path", "kind");

CREATE UNIQUE INDEX "IX_contractor_profiles_credit_code" ON "contractor_profiles" ("credit_code");

CREATE INDEX "IX_contractor_profiles_scope_path" ON "contractor_profiles" ("scope_path");

CREATE INDEX "IX_inspections_contract_id_inspected_on" ON "inspections" ("contract_id", "inspected_on");

CREATE INDEX "IX_package_communities_community_id_period_start" ON "package_communities" ("community_id", "period_start");

CREATE INDEX "IX_rectifications_contract_id_state" ON "rectifications" ("contract_id", "state");

CREATE INDEX "IX_rectifications_scope_path_due_on" ON "rectifications" ("scope_path", "due_on");

CREATE UNIQUE INDEX "IX_report_acknowledgements_report_id_party" ON "report_acknowledgements" ("report_id", "party");

CREATE INDEX "IX_service_contracts_bureau_id_budget_year" ON "service_contracts" ("bureau_id", "budget_year");

CREATE INDEX "IX_service_contracts_contractor_id" ON "service_contracts" ("contractor_id");

CREATE UNIQUE INDEX "IX_service_contracts_number" ON "service_contracts" ("number");

CREATE UNIQUE INDEX "IX_service_contracts_package_id" ON "service_contracts" ("package_id");

CREATE INDEX "IX_service_contracts_scope_path_signed_on" ON "service_contracts" ("scope_path", "signed_on");

CREATE INDEX "IX_service_contracts_tender_id" ON "service_contracts" ("tender_id");

CREATE INDEX "IX_service_packages_bureau_id" ON "service_packages" ("bureau_id");

CREATE INDEX "IX_service_packages_scope_path_period_start" ON "service_packages" ("scope_path", "period_start");

CREATE UNIQUE INDEX "IX_tender_records_package_id" ON "tender_records" ("package_id");

CREATE INDEX "IX_tender_records_winner_id" ON "tender_records" ("winner_id");

CREATE UNIQUE INDEX "IX_third_party_evaluations_contract_id" ON "third_party_evaluations" ("contract_id");

CREATE INDEX "IX_third_party_evaluations_contractor_id" ON "third_party_evaluations" ("contractor_id");

CREATE INDEX "IX_third_party_evaluations_evaluator_id" ON "third_party_evaluations" ("evaluator_id");

CREATE INDEX "IX_third_party_evaluations_scope_path_commissioned_at" ON "third_party_evaluations" ("scope_path", "commissioned_at");
