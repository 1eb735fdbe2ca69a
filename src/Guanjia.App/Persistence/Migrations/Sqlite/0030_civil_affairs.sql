-- 0030: civil-affairs casework (issue 13, R-CA-04..09, 13): stations and workers, one file per person (ID number and health
-- encrypted, keyed hash for lookup), categories, plans, visits, problems, assessments, means investigations, screenings,
-- resource links, policy evaluations, file views, transfer requests, settings.
CREATE TABLE "civil_affairs_stations" (
    "id" TEXT NOT NULL CONSTRAINT "PK_civil_affairs_stations" PRIMARY KEY,
    "town_id" TEXT NOT NULL,
    "scope_path" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "address" TEXT NULL,
    "phone" TEXT NULL,
    "is_active" INTEGER NOT NULL,
    "created_at" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "FK_civil_affairs_stations_organizations_town_id" FOREIGN KEY ("town_id") REFERENCES "organizations" ("id") ON DELETE RESTRICT
);

CREATE TABLE "station_workers" (
    "id" TEXT NOT NULL CONSTRAINT "PK_station_workers" PRIMARY KEY,
    "station_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "display_name" TEXT NOT NULL,
    "scope_path" TEXT NOT NULL,
    "since" TEXT NOT NULL,
    "until" TEXT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "FK_station_workers_civil_affairs_stations_station_id" FOREIGN KEY ("station_id") REFERENCES "civil_affairs_stations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "FK_station_workers_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE RESTRICT
);

CREATE TABLE "case_households" (
    "id" TEXT NOT NULL CONSTRAINT "PK_case_households" PRIMARY KEY,
    "village_id" TEXT NOT NULL,
    "town_id" TEXT NOT NULL,
    "scope_path" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "under_dynamic_adjustment" INTEGER NOT NULL,
    "created_at" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "FK_case_households_organizations_village_id" FOREIGN KEY ("village_id") REFERENCES "organizations" ("id") ON DELETE RESTRICT
);

CREATE TABLE "case_files" (
    "id" TEXT NOT NULL CONSTRAINT "PK_case_files" PRIMARY KEY,
    "number" TEXT NOT NULL,
    "household_id" TEXT NOT NULL,
    "relation" TEXT NOT NULL,
    "village_id" TEXT NOT NULL,
    "town_id" TEXT NOT NULL,
    "scope_path" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "document_kind" TEXT NOT NULL,
    "document_cipher" TEXT NOT NULL,
    "document_hash" TEXT NOT NULL,
    "active_document_hash" TEXT NULL,
    "document_masked" TEXT NOT NULL,
    "sex" TEXT NULL,
    "birth_date" TEXT NULL,
    "phone" TEXT NULL,
    "local_hukou" INTEGER NOT NULL,
    "address" TEXT NOT NULL,
    "health_cipher" TEXT NULL,
    "disability_grade" INTEGER NULL,
    "self_care" TEXT NULL,
    "care_level" TEXT NULL,
    "status" TEXT NOT NULL,
    "status_changed_on" TEXT NULL,
    "status_note" TEXT NULL,
    "registered_on" TEXT NOT NULL,
    "registered_at" INTEGER NOT NULL,
    "assigned_worker_id" TEXT NULL,
    "is_dispersed_extremely_poor" INTEGER NOT NULL,
    "is_extremely_poor" INTEGER NOT NULL,
    "last_visit_at" INTEGER NULL,
    "last_home_visit_at" INTEGER NULL,
    "last_assessed_on" TEXT NULL,
    "screening_id" TEXT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "FK_case_files_case_households_household_id" FOREIGN KEY ("household_id") REFERENCES "case_households" ("id") ON DELETE RESTRICT,
    CONSTRAINT "FK_case_files_organizations_village_id" FOREIGN KEY ("village_id") REFERENCES "organizations" ("id") ON DELETE RESTRICT
);

CREATE TABLE "case_categories" (
    "id" TEXT NOT NULL CONSTRAINT "PK_case_categories" PRIMARY KEY,
    "case_file_id" TEXT NOT NULL,
    "scope_path" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "grade" INTEGER NULL,
    "valid_from" TEXT NOT NULL,
    "valid_to" TEXT NULL,
    "note" TEXT NULL,
    CONSTRAINT "FK_case_categories_case_files_case_file_id" FOREIGN KEY ("case_file_id") REFERENCES "case_files" ("id") ON DELETE RESTRICT
);

CREATE TABLE "case_plans" (
    "id" TEXT NOT NULL CONSTRAINT "PK_case_plans" PRIMARY KEY,
    "case_file_id" TEXT NOT NULL,
    "scope_path" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "needs" TEXT NOT NULL,
    "goals" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "created_at" INTEGER NOT NULL,
    "created_by_name" TEXT NOT NULL,
    "closed_at" INTEGER NULL,
    "closure_note" TEXT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "FK_case_plans_case_files_case_file_id" FOREIGN KEY ("case_file_id") REFERENCES "case_files" ("id") ON DELETE RESTRICT
);

CREATE TABLE "case_plan_entries" (
    "id" TEXT NOT NULL CONSTRAINT "PK_case_plan_entries" PRIMARY KEY,
    "plan_id" TEXT NOT NULL,
    "scope_path" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "on" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "by_name" TEXT NOT NULL,
    "at" INTEGER NOT NULL,
    CONSTRAINT "FK_case_plan_entries_case_plans_plan_id" FOREIGN KEY ("plan_id") REFERENCES "case_plans" ("id") ON DELETE RESTRICT
);

CREATE TABLE "visits" (
    "id" TEXT NOT NULL CONSTRAINT "PK_visits" PRIMARY KEY,
    "case_file_id" TEXT NOT NULL,
    "village_id" TEXT NOT NULL,
    "town_id" TEXT NOT NULL,
    "scope_path" TEXT NOT NULL,
    "worker_user_id" TEXT NULL,
    "worker_name" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "visited_at" INTEGER NOT NULL,
    "month" INTEGER NOT NULL,
    "health_cipher" TEXT NULL,
    "mental_state" TEXT NOT NULL,
    "basic_living" TEXT NOT NULL,
    "hazards" TEXT NOT NULL,
    "care_given" TEXT NOT NULL,
    "referrals" TEXT NULL,
    "sudden_change" TEXT NOT NULL,
    "sudden_change_note" TEXT NULL,
    "notes" TEXT NULL,
    "client_key" TEXT NULL,
    "created_at" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "FK_visits_case_files_case_file_id" FOREIGN KEY ("case_file_id") REFERENCES "case_files" ("id") ON DELETE RESTRICT
);

CREATE TABLE "reported_problems" (
    "id" TEXT NOT NULL CONSTRAINT "PK_reported_problems" PRIMARY KEY,
    "source" TEXT NOT NULL,
    "source_id" TEXT NOT NULL,
    "case_file_id" TEXT NULL,
    "village_id" TEXT NOT NULL,
    "town_id" TEXT NOT NULL,
    "scope_path" TEXT NOT NULL,
    "area" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "reported_at" INTEGER NOT NULL,
    "village_must_answer" INTEGER NOT NULL,
    "village_answer" TEXT NULL,
    "village_answered_at" INTEGER NULL,
    "village_answered_by" TEXT NULL,
    "town_answer" TEXT NULL,
    "town_answered_at" INTEGER NULL,
    "town_answered_by" TEXT NULL,
    "is_open" INTEGER NOT NULL,
    "version" INTEGER NOT NULL
);

CREATE TABLE "self_care_assessments" (
    "id" TEXT NOT NULL CONSTRAINT "PK_self_care_assessments" PRIMARY KEY,
    "case_file_id" TEXT NOT NULL,
    "scope_path" TEXT NOT NULL,
    "assessed_on" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "trigger_visit_id" TEXT NULL,
    "eating" INTEGER NOT NULL,
    "bathing" INTEGER NOT NULL,
    "dressing" INTEGER NOT NULL,
    "toileting" INTEGER NOT NULL,
    "transfer" INTEGER NOT NULL,
    "walking" INTEGER NOT NULL,
    "not_met" INTEGER NOT NULL,
    "result" TEXT NOT NULL,
    "care_level" TEXT NOT NULL,
    "assessor_name" TEXT NOT NULL,
    "notes" TEXT NULL,
    "created_at" INTEGER NOT NULL,
    CONSTRAINT "FK_self_care_assessments_case_files_case_file_id" FOREIGN KEY ("case_file_id") REFERENCES "case_files" ("id") ON DELETE RESTRICT
);

CREATE TABLE "means_investigations" (
    "id" TEXT NOT NULL CONSTRAINT "PK_means_investigations" PRIMARY KEY,
    "household_id" TEXT NOT NULL,
    "village_id" TEXT NOT NULL,
    "town_id" TEXT NOT NULL,
    "scope_path" TEXT NOT NULL,
    "month" INTEGER NOT NULL,
    "investigated_on" TEXT NOT NULL,
    "methods" TEXT NOT NULL,
    "economy" TEXT NOT NULL,
    "housing" TEXT NOT NULL,
    "education" TEXT NULL,
    "details_cipher" TEXT NOT NULL,
    "income_per_head_cipher" TEXT NOT NULL,
    "member_count" INTEGER NOT NULL,
    "standard_fen" INTEGER NOT NULL,
    "flag" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "decision_note" TEXT NULL,
    "decided_by" TEXT NULL,
    "decided_at" INTEGER NULL,
    "investigator_name" TEXT NOT NULL,
    "created_at" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "FK_means_investigations_case_households_household_id" FOREIGN KEY ("household_id") REFERENCES "case_households" ("id") ON DELETE RESTRICT
);

CREATE TABLE "target_screenings" (
    "id" TEXT NOT NULL CONSTRAINT "PK_target_screenings" PRIMARY KEY,
    "village_id" TEXT NOT NULL,
    "town_id" TEXT NOT NULL,
    "scope_path" TEXT NOT NULL,
    "month" INTEGER NOT NULL,
    "screened_on" TEXT NOT NULL,
    "methods" TEXT NOT NULL,
    "households_checked" INTEGER NOT NULL,
    "people_found" INTEGER NOT NULL,
    "notes" TEXT NULL,
    "recorded_by_name" TEXT NOT NULL,
    "created_at" INTEGER NOT NULL
);

CREATE TABLE "resource_links" (
    "id" TEXT NOT NULL CONSTRAINT "PK_resource_links" PRIMARY KEY,
    "case_file_id" TEXT NOT NULL,
    "scope_path" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "provider_name" TEXT NOT NULL,
    "claimant_id" TEXT NULL,
    "need" TEXT NOT NULL,
    "linked_on" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "result" TEXT NULL,
    "result_on" TEXT NULL,
    "amount_fen" INTEGER NULL,
    "by_name" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "FK_resource_links_case_files_case_file_id" FOREIGN KEY ("case_file_id") REFERENCES "case_files" ("id") ON DELETE RESTRICT
);

CREATE TABLE "policy_evaluations" (
    "id" TEXT NOT NULL CONSTRAINT "PK_policy_evaluations" PRIMARY KEY,
    "town_id" TEXT NOT NULL,
    "scope_path" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "quarter" INTEGER NOT NULL,
    "evaluated_on" TEXT NOT NULL,
    "methods" TEXT NOT NULL,
    "interviews" INTEGER NOT NULL,
    "standards_right" INTEGER NOT NULL,
    "payments_right" INTEGER NOT NULL,
    "aware" INTEGER NOT NULL,
    "satisfied" INTEGER NOT NULL,
    "findings" TEXT NULL,
    "recorded_by_name" TEXT NOT NULL,
    "created_at" INTEGER NOT NULL
);

CREATE TABLE "policy_evaluation_interviews" (
    "id" TEXT NOT NULL CONSTRAINT "PK_policy_evaluation_interviews" PRIMARY KEY,
    "evaluation_id" TEXT NOT NULL,
    "scope_path" TEXT NOT NULL,
    "case_file_id" TEXT NULL,
    "standard_right" INTEGER NOT NULL,
    "payment_right" INTEGER NOT NULL,
    "aware_of_policy" INTEGER NOT NULL,
    "satisfaction" TEXT NOT NULL,
    "comment" TEXT NULL,
    CONSTRAINT "FK_policy_evaluation_interviews_policy_evaluations_evaluation_id" FOREIGN KEY ("evaluation_id") REFERENCES "policy_evaluations" ("id") ON DELETE RESTRICT
);

CREATE TABLE "case_file_accesses" (
    "id" TEXT NOT NULL CONSTRAINT "PK_case_file_accesses" PRIMARY KEY,
    "case_file_id" TEXT NOT NULL,
    "scope_path" TEXT NOT NULL,
    "viewer_id" TEXT NULL,
    "viewer_name" TEXT NOT NULL,
    "what" TEXT NOT NULL,
    "at" INTEGER NOT NULL
);

CREATE TABLE "case_transfer_requests" (
    "id" TEXT NOT NULL CONSTRAINT "PK_case_transfer_requests" PRIMARY KEY,
    "case_file_id" TEXT NOT NULL,
    "scope_path" TEXT NOT NULL,
    "from_village_id" TEXT NOT NULL,
    "from_name" TEXT NOT NULL,
    "requested_by_id" TEXT NULL,
    "requested_by_name" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "answer" TEXT NULL,
    "requested_at" INTEGER NOT NULL,
    "answered_at" INTEGER NULL,
    "version" INTEGER NOT NULL
);

CREATE TABLE "casework_settings" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_casework_settings" PRIMARY KEY,
    "json" TEXT NOT NULL,
    "updated_at" INTEGER NOT NULL,
    "updated_by" TEXT NULL,
    "version" INTEGER NOT NULL
);

CREATE INDEX "IX_case_categories_case_file_id_valid_from" ON "case_categories" ("case_file_id", "valid_from");
CREATE INDEX "IX_case_categories_code_valid_to" ON "case_categories" ("code", "valid_to");
CREATE INDEX "IX_case_file_accesses_case_file_id_at" ON "case_file_accesses" ("case_file_id", "at");
CREATE INDEX "IX_case_file_accesses_viewer_id_at" ON "case_file_accesses" ("viewer_id", "at");
CREATE UNIQUE INDEX "IX_case_files_active_document_hash" ON "case_files" ("active_document_hash");
CREATE INDEX "IX_case_files_assigned_worker_id_status" ON "case_files" ("assigned_worker_id", "status");
CREATE INDEX "IX_case_files_document_hash" ON "case_files" ("document_hash");
CREATE INDEX "IX_case_files_household_id" ON "case_files" ("household_id");
CREATE INDEX "IX_case_files_is_dispersed_extremely_poor_status_last_home_visit_at" ON "case_files" ("is_dispersed_extremely_poor", "status", "last_home_visit_at");
CREATE UNIQUE INDEX "IX_case_files_number" ON "case_files" ("number");
CREATE INDEX "IX_case_files_scope_path_name" ON "case_files" ("scope_path", "name");
CREATE INDEX "IX_case_files_village_id_status_name" ON "case_files" ("village_id", "status", "name");
CREATE INDEX "IX_case_households_scope_path" ON "case_households" ("scope_path");
CREATE INDEX "IX_case_households_under_dynamic_adjustment_village_id" ON "case_households" ("under_dynamic_adjustment", "village_id");
CREATE INDEX "IX_case_households_village_id" ON "case_households" ("village_id");
CREATE INDEX "IX_case_plan_entries_plan_id_at" ON "case_plan_entries" ("plan_id", "at");
CREATE INDEX "IX_case_plans_case_file_id_created_at" ON "case_plans" ("case_file_id", "created_at");
CREATE INDEX "IX_case_transfer_requests_requested_by_id" ON "case_transfer_requests" ("requested_by_id");
CREATE INDEX "IX_case_transfer_requests_scope_path_state" ON "case_transfer_requests" ("scope_path", "state");
CREATE UNIQUE INDEX "IX_civil_affairs_stations_town_id" ON "civil_affairs_stations" ("town_id");
CREATE INDEX "IX_means_investigations_household_id_month" ON "means_investigations" ("household_id", "month");
CREATE INDEX "IX_means_investigations_scope_path_decision_month" ON "means_investigations" ("scope_path", "decision", "month");
CREATE INDEX "IX_policy_evaluation_interviews_evaluation_id" ON "policy_evaluation_interviews" ("evaluation_id");
CREATE INDEX "IX_policy_evaluations_scope_path_year_quarter" ON "policy_evaluations" ("scope_path", "year", "quarter");
CREATE INDEX "IX_policy_evaluations_town_id_year_quarter" ON "policy_evaluations" ("town_id", "year", "quarter");
CREATE INDEX "IX_reported_problems_case_file_id_reported_at" ON "reported_problems" ("case_file_id", "reported_at");
CREATE INDEX "IX_reported_problems_scope_path_is_open_reported_at" ON "reported_problems" ("scope_path", "is_open", "reported_at");
CREATE INDEX "IX_reported_problems_source_id" ON "reported_problems" ("source_id");
CREATE INDEX "IX_resource_links_case_file_id_linked_on" ON "resource_links" ("case_file_id", "linked_on");
CREATE INDEX "IX_resource_links_scope_path_state_linked_on" ON "resource_links" ("scope_path", "state", "linked_on");
CREATE INDEX "IX_self_care_assessments_case_file_id_assessed_on" ON "self_care_assessments" ("case_file_id", "assessed_on");
CREATE INDEX "IX_self_care_assessments_scope_path_assessed_on" ON "self_care_assessments" ("scope_path", "assessed_on");
CREATE INDEX "IX_station_workers_station_id" ON "station_workers" ("station_id");
CREATE UNIQUE INDEX "IX_station_workers_user_id" ON "station_workers" ("user_id");
CREATE INDEX "IX_target_screenings_scope_path_month" ON "target_screenings" ("scope_path", "month");
CREATE INDEX "IX_target_screenings_village_id_month" ON "target_screenings" ("village_id", "month");
CREATE INDEX "IX_visits_case_file_id_visited_at" ON "visits" ("case_file_id", "visited_at");
CREATE INDEX "IX_visits_month_visited_at_id" ON "visits" ("month", "visited_at", "id");
CREATE INDEX "IX_visits_town_id_month_visited_at_id" ON "visits" ("town_id", "month", "visited_at", "id");
CREATE INDEX "IX_visits_village_id_month_visited_at_id" ON "visits" ("village_id", "month", "visited_at", "id");
CREATE UNIQUE INDEX "IX_visits_worker_user_id_client_key" ON "visits" ("worker_user_id", "client_key");
