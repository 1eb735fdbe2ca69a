-- 0044: incubated community social organisations and their capacity building (R-CA-10); micro venture-philanthropy rounds
-- (微公益创投) with applications, the panel's scores, the funding decision and funded projects' progress (R-PS-02). ADR 0035.
CREATE TABLE "incubated_organisations" (
    "id" TEXT NOT NULL CONSTRAINT "PK_incubated_organisations" PRIMARY KEY,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "town_id" TEXT NOT NULL,
    "community_id" TEXT NULL,
    "scope_path" TEXT NOT NULL,
    "served_groups" TEXT NOT NULL,
    "incubator_id" TEXT NULL,
    "leader" TEXT NULL,
    "description" TEXT NULL,
    "started_on" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "ended_on" TEXT NULL,
    "end_note" TEXT NULL,
    "created_at" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "FK_incubated_organisations_organizations_town_id" FOREIGN KEY ("town_id") REFERENCES "organizations" ("id") ON DELETE RESTRICT
);

CREATE TABLE "capacity_events" (
    "id" TEXT NOT NULL CONSTRAINT "PK_capacity_events" PRIMARY KEY,
    "organisation_id" TEXT NOT NULL,
    "scope_path" TEXT NOT NULL,
    "on" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "hours" TEXT NOT NULL,
    "attendees" INTEGER NOT NULL,
    "note" TEXT NULL,
    "created_at" INTEGER NOT NULL,
    "recorded_by_name" TEXT NOT NULL,
    CONSTRAINT "FK_capacity_events_incubated_organisations_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "incubated_organisations" ("id") ON DELETE RESTRICT
);

CREATE TABLE "venture_rounds" (
    "id" TEXT NOT NULL CONSTRAINT "PK_venture_rounds" PRIMARY KEY,
    "town_id" TEXT NOT NULL,
    "scope_path" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NULL,
    "budget_fen" INTEGER NOT NULL,
    "cap_fen" INTEGER NOT NULL,
    "apply_from" TEXT NOT NULL,
    "apply_to" TEXT NOT NULL,
    "criteria_json" TEXT NOT NULL,
    "panel_json" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "opened_at" INTEGER NULL,
    "decided_at" INTEGER NULL,
    "decision_note" TEXT NULL,
    "closed_at" INTEGER NULL,
    "created_at" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "FK_venture_rounds_organizations_town_id" FOREIGN KEY ("town_id") REFERENCES "organizations" ("id") ON DELETE RESTRICT
);

CREATE TABLE "venture_applications" (
    "id" TEXT NOT NULL CONSTRAINT "PK_venture_applications" PRIMARY KEY,
    "round_id" TEXT NOT NULL,
    "scope_path" TEXT NOT NULL,
    "applicant_kind" TEXT NOT NULL,
    "organisation_id" TEXT NULL,
    "applicant_name" TEXT NOT NULL,
    "project_name" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "amount_fen" INTEGER NOT NULL,
    "beneficiaries" INTEGER NOT NULL,
    "submitted_on" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "average_score" TEXT NULL,
    "score_count" INTEGER NOT NULL,
    "granted_fen" INTEGER NULL,
    "result" TEXT NULL,
    "completed_at" INTEGER NULL,
    "created_at" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "FK_venture_applications_incubated_organisations_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "incubated_organisations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "FK_venture_applications_venture_rounds_round_id" FOREIGN KEY ("round_id") REFERENCES "venture_rounds" ("id") ON DELETE RESTRICT
);

CREATE TABLE "venture_scores" (
    "id" TEXT NOT NULL CONSTRAINT "PK_venture_scores" PRIMARY KEY,
    "application_id" TEXT NOT NULL,
    "round_id" TEXT NOT NULL,
    "scope_path" TEXT NOT NULL,
    "reviewer" TEXT NOT NULL,
    "scores_json" TEXT NOT NULL,
    "total" TEXT NOT NULL,
    "comment" TEXT NULL,
    "scored_at" INTEGER NOT NULL,
    "recorded_by_name" TEXT NOT NULL,
    CONSTRAINT "FK_venture_scores_venture_applications_application_id" FOREIGN KEY ("application_id") REFERENCES "venture_applications" ("id") ON DELETE RESTRICT
);

CREATE TABLE "venture_progress" (
    "id" TEXT NOT NULL CONSTRAINT "PK_venture_progress" PRIMARY KEY,
    "application_id" TEXT NOT NULL,
    "scope_path" TEXT NOT NULL,
    "on" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "attachment_id" TEXT NULL,
    "created_at" INTEGER NOT NULL,
    "recorded_by_name" TEXT NOT NULL,
    CONSTRAINT "FK_venture_progress_venture_applications_application_id" FOREIGN KEY ("application_id") REFERENCES "venture_applications" ("id") ON DELETE RESTRICT
);

CREATE INDEX "IX_incubated_organisations_scope_path_started_on" ON "incubated_organisations" ("scope_path", "started_on");

CREATE INDEX "IX_incubated_organisations_town_id_state" ON "incubated_organisations" ("town_id", "state");

CREATE INDEX "IX_capacity_events_organisation_id_on" ON "capacity_events" ("organisation_id", "on");

CREATE INDEX "IX_venture_rounds_scope_path_year" ON "venture_rounds" ("scope_path", "year");

CREATE INDEX "IX_venture_rounds_town_id_year" ON "venture_rounds" ("town_id", "year");

CREATE INDEX "IX_venture_applications_organisation_id" ON "venture_applications" ("organisation_id");

CREATE INDEX "IX_venture_applications_round_id_state" ON "venture_applications" ("round_id", "state");

CREATE UNIQUE INDEX "IX_venture_scores_application_id_reviewer" ON "venture_scores" ("application_id", "reviewer");

CREATE INDEX "IX_venture_scores_round_id" ON "venture_scores" ("round_id");

CREATE INDEX "IX_venture_progress_application_id_on" ON "venture_progress" ("application_id", "on");
