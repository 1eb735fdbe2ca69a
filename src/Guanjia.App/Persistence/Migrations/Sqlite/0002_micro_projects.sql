-- 0002: appeals, micro-projects, deadlines, feedback outbox, attachments, publicity, annual plans, programme rules (issue 3).
CREATE TABLE "annual_plans" (
    "id" TEXT NOT NULL CONSTRAINT "PK_annual_plans" PRIMARY KEY,
    "town_id" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "scope_path" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "allocation_fen" INTEGER NOT NULL,
    "planned_fen" INTEGER NOT NULL,
    "adjusted_fen" INTEGER NOT NULL,
    "filed_at" INTEGER NULL,
    "stamp_note" TEXT NULL,
    "version" INTEGER NOT NULL
);

CREATE TABLE "appeals" (
    "id" TEXT NOT NULL CONSTRAINT "PK_appeals" PRIMARY KEY,
    "tracking_number" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "external_ref" TEXT NULL,
    "collection" TEXT NOT NULL,
    "collection_year" INTEGER NULL,
    "campaign_id" TEXT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "category" TEXT NULL,
    "address" TEXT NULL,
    "appellant_name" TEXT NULL,
    "appellant_phone" TEXT NULL,
    "tracking_key_hash" TEXT NULL,
    "village_id" TEXT NOT NULL,
    "town_id" TEXT NOT NULL,
    "scope_path" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "received_at" INTEGER NOT NULL,
    "acknowledged_at" INTEGER NULL,
    "decided_at" INTEGER NULL,
    "outcome" TEXT NULL,
    "decision_note" TEXT NULL,
    "policy_department" TEXT NULL,
    "policy_contact" TEXT NULL,
    "micro_project_id" TEXT NULL,
    "rules_version" INTEGER NOT NULL,
    "created_by_id" TEXT NULL,
    "created_by_name" TEXT NULL,
    "version" INTEGER NOT NULL
);

CREATE TABLE "attachments" (
    "id" TEXT NOT NULL CONSTRAINT "PK_attachments" PRIMARY KEY,
    "owner_type" TEXT NOT NULL,
    "owner_id" TEXT NOT NULL,
    "scope_path" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "uploaded_at" INTEGER NOT NULL,
    "uploaded_by_id" TEXT NULL,
    "uploaded_by_name" TEXT NULL
);

CREATE TABLE "collection_campaigns" (
    "id" TEXT NOT NULL CONSTRAINT "PK_collection_campaigns" PRIMARY KEY,
    "town_id" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "scope_path" TEXT NOT NULL,
    "opened_at" INTEGER NOT NULL,
    "ends_at" INTEGER NOT NULL,
    "closed_at" INTEGER NULL,
    "note" TEXT NULL,
    "version" INTEGER NOT NULL
);

CREATE TABLE "deadlines" (
    "id" TEXT NOT NULL CONSTRAINT "PK_deadlines" PRIMARY KEY,
    "obligation" TEXT NOT NULL,
    "rule_id" TEXT NOT NULL,
    "subject_type" TEXT NOT NULL,
    "subject_id" TEXT NOT NULL,
    "subject_ref" TEXT NULL,
    "responsible_org_id" TEXT NOT NULL,
    "scope_path" TEXT NOT NULL,
    "starts_at" INTEGER NOT NULL,
    "due_at" INTEGER NOT NULL,
    "warn_at" INTEGER NOT NULL,
    "is_open" INTEGER NOT NULL,
    "met_at" INTEGER NULL,
    "met_late" INTEGER NULL,
    "late_reason" TEXT NULL,
    "cancelled_at" INTEGER NULL,
    "cancel_reason" TEXT NULL,
    "warned_at" INTEGER NULL,
    "overdue_notified_at" INTEGER NULL,
    "version" INTEGER NOT NULL
);

CREATE TABLE "feedback_templates" (
    "kind" TEXT NOT NULL CONSTRAINT "PK_feedback_templates" PRIMARY KEY,
    "body" TEXT NOT NULL,
    "updated_at" INTEGER NOT NULL,
    "updated_by" TEXT NULL,
    "version" INTEGER NOT NULL
);

CREATE TABLE "idempotency_records" (
    "id" TEXT NOT NULL CONSTRAINT "PK_idempotency_records" PRIMARY KEY,
    "caller_key" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "operation" TEXT NOT NULL,
    "request_hash" TEXT NOT NULL,
    "resource_id" TEXT NOT NULL,
    "created_at" INTEGER NOT NULL
);

CREATE TABLE "programme_rules" (
    "version" INTEGER NOT NULL CONSTRAINT "PK_programme_rules" PRIMARY KEY,
    "rules_json" TEXT NOT NULL,
    "effective_from" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "created_by" TEXT NULL
);

CREATE TABLE "public_notices" (
    "id" TEXT NOT NULL CONSTRAINT "PK_public_notices" PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "subject_type" TEXT NOT NULL,
    "subject_id" TEXT NOT NULL,
    "subject_ref" TEXT NOT NULL,
    "town_id" TEXT NOT NULL,
    "village_id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body_json" TEXT NOT NULL,
    "platforms" TEXT NOT NULL,
    "from" INTEGER NOT NULL,
    "to" INTEGER NULL,
    "published_at" INTEGER NOT NULL
);

CREATE TABLE "staff_notifications" (
    "id" TEXT NOT NULL CONSTRAINT "PK_staff_notifications" PRIMARY KEY,
    "organization_id" TEXT NOT NULL,
    "scope_path" TEXT NOT NULL,
    "deadline_id" TEXT NULL,
    "kind" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "created_at" INTEGER NOT NULL,
    "read_at" INTEGER NULL
);

CREATE TABLE "town_allocations" (
    "id" TEXT NOT NULL CONSTRAINT "PK_town_allocations" PRIMARY KEY,
    "town_id" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "scope_path" TEXT NOT NULL,
    "micro_project_fen" INTEGER NOT NULL,
    "micro_wish_fen" INTEGER NOT NULL,
    "updated_at" INTEGER NOT NULL,
    "version" INTEGER NOT NULL
);

CREATE TABLE "annual_plan_items" (
    "id" TEXT NOT NULL CONSTRAINT "PK_annual_plan_items" PRIMARY KEY,
    "plan_id" TEXT NOT NULL,
    "project_id" TEXT NOT NULL,
    "scope_path" TEXT NOT NULL,
    "budget_fen" INTEGER NOT NULL,
    "funding" TEXT NOT NULL,
    "is_adjustment" INTEGER NOT NULL,
    "reason" TEXT NULL,
    "added_at" INTEGER NOT NULL,
    "reported_to_city_at" INTEGER NULL,
    CONSTRAINT "FK_annual_plan_items_annual_plans_plan_id" FOREIGN KEY ("plan_id") REFERENCES "annual_plans" ("id") ON DELETE RESTRICT
);

CREATE TABLE "appeal_messages" (
    "id" TEXT NOT NULL CONSTRAINT "PK_appeal_messages" PRIMARY KEY,
    "appeal_id" TEXT NOT NULL,
    "tracking_number" TEXT NOT NULL,
    "external_ref" TEXT NULL,
    "scope_path" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "recipient" TEXT NULL,
    "state" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL,
    "created_at" INTEGER NOT NULL,
    "next_attempt_at" INTEGER NOT NULL,
    "sent_at" INTEGER NULL,
    "sender" TEXT NULL,
    "last_error" TEXT NULL,
    "locked_until" INTEGER NULL,
    CONSTRAINT "FK_appeal_messages_appeals_appeal_id" FOREIGN KEY ("appeal_id") REFERENCES "appeals" ("id") ON DELETE RESTRICT
);

CREATE TABLE "micro_projects" (
    "id" TEXT NOT NULL CONSTRAINT "PK_micro_projects" PRIMARY KEY,
    "number" TEXT NOT NULL,
    "appeal_id" TEXT NOT NULL,
    "village_id" TEXT NOT NULL,
    "town_id" TEXT NOT NULL,
    "scope_path" TEXT NOT NULL,
    "rules_version" INTEGER NOT NULL,
    "state" TEXT NOT NULL,
    "collection" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "category" TEXT NULL,
    "sub_type" TEXT NULL,
    "content" TEXT NULL,
    "source" TEXT NULL,
    "location" TEXT NULL,
    "contact_name" TEXT NULL,
    "contact_title" TEXT NULL,
    "contact_phone" TEXT NULL,
    "consultation_id" TEXT NULL,
    "consulted_at" INTEGER NULL,
    "beneficiaries" TEXT NULL,
    "route" TEXT NULL,
    "budget_fen" INTEGER NULL,
    "funding_sources" TEXT NULL,
    "implementing_body" TEXT NULL,
    "implementation_period" TEXT NULL,
    "is_small" INTEGER NULL,
    "cap_override_reason" TEXT NULL,
    "committee_decided_at" INTEGER NULL,
    "registered_at" INTEGER NULL,
    "reviewed_at" INTEGER NULL,
    "review_decision" TEXT NULL,
    "check_consultation_compliant" INTEGER NULL,
    "check_budget_reasonable" INTEGER NULL,
    "check_route_feasible" INTEGER NULL,
    "check_resolvable_by_policy" INTEGER NULL,
    "review_opinion" TEXT NULL,
    "policy_department" TEXT NULL,
    "policy_contact" TEXT NULL,
    "publicity_from" INTEGER NULL,
    "publicity_to" INTEGER NULL,
    "publicity_platforms" TEXT NULL,
    "implementation_started_at" INTEGER NULL,
    "completed_at" INTEGER NULL,
    "completion_filed_at" INTEGER NULL,
    "completion_form_json" TEXT NULL,
    "actual_programme_fen" INTEGER NULL,
    "actual_village_fen" INTEGER NULL,
    "actual_social_fen" INTEGER NULL,
    "closed_at" INTEGER NULL,
    "in_annual_pool" INTEGER NOT NULL,
    "created_at" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "FK_micro_projects_appeals_appeal_id" FOREIGN KEY ("appeal_id") REFERENCES "appeals" ("id") ON DELETE RESTRICT
);

CREATE TABLE "attachment_contents" (
    "id" TEXT NOT NULL CONSTRAINT "PK_attachment_contents" PRIMARY KEY,
    "bytes" BLOB NOT NULL,
    CONSTRAINT "FK_attachment_contents_attachments_id" FOREIGN KEY ("id") REFERENCES "attachments" ("id") ON DELETE RESTRICT
);

CREATE TABLE "consultations" (
    "id" TEXT NOT NULL CONSTRAINT "PK_consultations" PRIMARY KEY,
    "project_id" TEXT NOT NULL,
    "scope_path" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "held_at" INTEGER NOT NULL,
    "place" TEXT NOT NULL,
    "host" TEXT NOT NULL,
    "recorder" TEXT NOT NULL,
    "form" TEXT NOT NULL,
    "form_other" TEXT NULL,
    "participant_types" TEXT NOT NULL,
    "head_count" INTEGER NOT NULL,
    "passed" INTEGER NOT NULL,
    "content" TEXT NULL,
    "beneficiaries" TEXT NULL,
    "route" TEXT NULL,
    "budget_fen" INTEGER NULL,
    "funding_sources" TEXT NULL,
    "implementing_body" TEXT NULL,
    "implementation_period" TEXT NULL,
    "failure_note" TEXT NULL,
    "feasibility_study" TEXT NULL,
    "minutes_attachment_id" TEXT NOT NULL,
    "recorded_at" INTEGER NOT NULL,
    "recorded_by_id" TEXT NULL,
    CONSTRAINT "FK_consultations_micro_projects_project_id" FOREIGN KEY ("project_id") REFERENCES "micro_projects" ("id") ON DELETE RESTRICT
);

CREATE TABLE "department_opinions" (
    "id" TEXT NOT NULL CONSTRAINT "PK_department_opinions" PRIMARY KEY,
    "project_id" TEXT NOT NULL,
    "scope_path" TEXT NOT NULL,
    "department_id" TEXT NOT NULL,
    "department_name" TEXT NOT NULL,
    "opinion" TEXT NOT NULL,
    "agrees" INTEGER NOT NULL,
    "signed_off" INTEGER NOT NULL,
    "at" INTEGER NOT NULL,
    "by_id" TEXT NULL,
    "by_name" TEXT NULL,
    CONSTRAINT "FK_department_opinions_micro_projects_project_id" FOREIGN KEY ("project_id") REFERENCES "micro_projects" ("id") ON DELETE RESTRICT
);

CREATE TABLE "progress_reports" (
    "id" TEXT NOT NULL CONSTRAINT "PK_progress_reports" PRIMARY KEY,
    "project_id" TEXT NOT NULL,
    "scope_path" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "percent_done" INTEGER NULL,
    "photo_ids" TEXT NULL,
    "at" INTEGER NOT NULL,
    "by_id" TEXT NULL,
    "by_name" TEXT NULL,
    CONSTRAINT "FK_progress_reports_micro_projects_project_id" FOREIGN KEY ("project_id") REFERENCES "micro_projects" ("id") ON DELETE RESTRICT
);

CREATE TABLE "survey_responses" (
    "id" TEXT NOT NULL CONSTRAINT "PK_survey_responses" PRIMARY KEY,
    "project_id" TEXT NOT NULL,
    "scope_path" TEXT NOT NULL,
    "overall" TEXT NOT NULL,
    "quality" TEXT NOT NULL,
    "effect" TEXT NOT NULL,
    "attitude" TEXT NOT NULL,
    "efficiency" TEXT NOT NULL,
    "closeness" TEXT NOT NULL,
    "openness" TEXT NOT NULL,
    "suggestion" TEXT NULL,
    "signature" TEXT NULL,
    "online" INTEGER NOT NULL,
    "respondent_key_hash" TEXT NULL,
    "at" INTEGER NOT NULL,
    "entered_by_id" TEXT NULL,
    CONSTRAINT "FK_survey_responses_micro_projects_project_id" FOREIGN KEY ("project_id") REFERENCES "micro_projects" ("id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_annual_plan_items_plan_id_project_id" ON "annual_plan_items" ("plan_id", "project_id");

CREATE UNIQUE INDEX "IX_annual_plans_town_id_year" ON "annual_plans" ("town_id", "year");

CREATE INDEX "IX_appeal_messages_appeal_id_created_at" ON "appeal_messages" ("appeal_id", "created_at");

CREATE INDEX "IX_appeal_messages_state_next_attempt_at" ON "appeal_messages" ("state", "next_attempt_at");

CREATE UNIQUE INDEX "IX_appeals_external_ref" ON "appeals" ("external_ref");

CREATE INDEX "IX_appeals_scope_path_received_at" ON "appeals" ("scope_path", "received_at");

CREATE INDEX "IX_appeals_state_received_at" ON "appeals" ("state", "received_at");

CREATE INDEX "IX_appeals_town_id_received_at" ON "appeals" ("town_id", "received_at");

CREATE UNIQUE INDEX "IX_appeals_tracking_number" ON "appeals" ("tracking_number");

CREATE INDEX "IX_appeals_village_id_received_at" ON "appeals" ("village_id", "received_at");

CREATE INDEX "IX_attachments_owner_type_owner_id_kind" ON "attachments" ("owner_type", "owner_id", "kind");

CREATE UNIQUE INDEX "IX_collection_campaigns_town_id_year" ON "collection_campaigns" ("town_id", "year");

CREATE INDEX "IX_consultations_project_id_held_at" ON "consultations" ("project_id", "held_at");

CREATE INDEX "IX_deadlines_is_open_due_at" ON "deadlines" ("is_open", "due_at");

CREATE INDEX "IX_deadlines_is_open_warn_at" ON "deadlines" ("is_open", "warn_at");

CREATE INDEX "IX_deadlines_responsible_org_id_is_open_due_at" ON "deadlines" ("responsible_org_id", "is_open", "due_at");

CREATE INDEX "IX_deadlines_scope_path_is_open_due_at" ON "deadlines" ("scope_path", "is_open", "due_at");

CREATE INDEX "IX_deadlines_subject_id_is_open" ON "deadlines" ("subject_id", "is_open");

CREATE INDEX "IX_department_opinions_project_id_at" ON "department_opinions" ("project_id", "at");

CREATE UNIQUE INDEX "IX_idempotency_records_caller_key_key" ON "idempotency_records" ("caller_key", "key");

CREATE UNIQUE INDEX "IX_micro_projects_appeal_id" ON "micro_projects" ("appeal_id");

CREATE UNIQUE INDEX "IX_micro_projects_number" ON "micro_projects" ("number");

CREATE INDEX "IX_micro_projects_scope_path_created_at" ON "micro_projects" ("scope_path", "created_at");

CREATE INDEX "IX_micro_projects_state_created_at" ON "micro_projects" ("state", "created_at");

CREATE INDEX "IX_micro_projects_town_id_year_in_annual_pool" ON "micro_projects" ("town_id", "year", "in_annual_pool");

CREATE INDEX "IX_progress_reports_project_id_at" ON "progress_reports" ("project_id", "at");

CREATE INDEX "IX_public_notices_kind_published_at" ON "public_notices" ("kind", "published_at");

CREATE INDEX "IX_public_notices_subject_id_kind" ON "public_notices" ("subject_id", "kind");

CREATE INDEX "IX_public_notices_town_id_published_at" ON "public_notices" ("town_id", "published_at");

CREATE INDEX "IX_staff_notifications_organization_id_created_at" ON "staff_notifications" ("organization_id", "created_at");

CREATE INDEX "IX_staff_notifications_scope_path_created_at" ON "staff_notifications" ("scope_path", "created_at");

CREATE INDEX "IX_survey_responses_project_id_at" ON "survey_responses" ("project_id", "at");

CREATE UNIQUE INDEX "IX_survey_responses_project_id_respondent_key_hash" ON "survey_responses" ("project_id", "respondent_key_hash");

CREATE UNIQUE INDEX "IX_town_allocations_town_id_year" ON "town_allocations" ("town_id", "year");
