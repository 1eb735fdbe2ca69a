-- 0002: appeals, micro-projects, deadlines, feedback outbox, attachments, publicity, annual plans, programme rules (issue 3).
CREATE TABLE annual_plans (
    id uuid NOT NULL,
    town_id uuid NOT NULL,
    year integer NOT NULL,
    scope_path character varying(400) NOT NULL,
    state character varying(40) NOT NULL,
    allocation_fen bigint NOT NULL,
    planned_fen bigint NOT NULL,
    adjusted_fen bigint NOT NULL,
    filed_at timestamp with time zone,
    stamp_note character varying(200),
    version integer NOT NULL,
    CONSTRAINT "PK_annual_plans" PRIMARY KEY (id)
);

CREATE TABLE appeals (
    id uuid NOT NULL,
    tracking_number character varying(20) NOT NULL,
    channel character varying(40) NOT NULL,
    external_ref character varying(64),
    collection character varying(40) NOT NULL,
    collection_year integer,
    campaign_id uuid,
    title character varying(100) NOT NULL,
    description character varying(4000) NOT NULL,
    category character varying(40),
    address character varying(200),
    appellant_name character varying(50),
    appellant_phone character varying(40),
    tracking_key_hash character varying(64),
    village_id uuid NOT NULL,
    town_id uuid NOT NULL,
    scope_path character varying(400) NOT NULL,
    state character varying(40) NOT NULL,
    received_at timestamp with time zone NOT NULL,
    acknowledged_at timestamp with time zone,
    decided_at timestamp with time zone,
    outcome character varying(40),
    decision_note character varying(1000),
    policy_department character varying(100),
    policy_contact character varying(100),
    micro_project_id uuid,
    rules_version integer NOT NULL,
    created_by_id uuid,
    created_by_name character varying(64),
    version integer NOT NULL,
    CONSTRAINT "PK_appeals" PRIMARY KEY (id)
);

CREATE TABLE attachments (
    id uuid NOT NULL,
    owner_type character varying(40) NOT NULL,
    owner_id uuid NOT NULL,
    scope_path character varying(400) NOT NULL,
    kind character varying(40) NOT NULL,
    file_name character varying(200) NOT NULL,
    content_type character varying(100) NOT NULL,
    size bigint NOT NULL,
    sha256 character varying(64) NOT NULL,
    uploaded_at timestamp with time zone NOT NULL,
    uploaded_by_id uuid,
    uploaded_by_name character varying(64),
    CONSTRAINT "PK_attachments" PRIMARY KEY (id)
);

CREATE TABLE collection_campaigns (
    id uuid NOT NULL,
    town_id uuid NOT NULL,
    year integer NOT NULL,
    scope_path character varying(400) NOT NULL,
    opened_at timestamp with time zone NOT NULL,
    ends_at timestamp with time zone NOT NULL,
    closed_at timestamp with time zone,
    note character varying(500),
    version integer NOT NULL,
    CONSTRAINT "PK_collection_campaigns" PRIMARY KEY (id)
);

CREATE TABLE deadlines (
    id uuid NOT NULL,
    obligation character varying(40) NOT NULL,
    rule_id character varying(16) NOT NULL,
    subject_type character varying(40) NOT NULL,
    subject_id uuid NOT NULL,
    subject_ref character varying(100),
    responsible_org_id uuid NOT NULL,
    scope_path character varying(400) NOT NULL,
    starts_at timestamp with time zone NOT NULL,
    due_at timestamp with time zone NOT NULL,
    warn_at timestamp with time zone NOT NULL,
    is_open boolean NOT NULL,
    met_at timestamp with time zone,
    met_late boolean,
    late_reason character varying(500),
    cancelled_at timestamp with time zone,
    cancel_reason character varying(200),
    warned_at timestamp with time zone,
    overdue_notified_at timestamp with time zone,
    version integer NOT NULL,
    CONSTRAINT "PK_deadlines" PRIMARY KEY (id)
);

CREATE TABLE feedback_templates (
    kind character varying(40) NOT NULL,
    body character varying(500) NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    updated_by character varying(64),
    version integer NOT NULL,
    CONSTRAINT "PK_feedback_templates" PRIMARY KEY (kind)
);

CREATE TABLE idempotency_records (
    id uuid NOT NULL,
    caller_key character varying(64) NOT NULL,
    key character varying(100) NOT NULL,
    operation character varying(64) NOT NULL,
    request_hash character varying(64) NOT NULL,
    resource_id uuid NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT "PK_idempotency_records" PRIMARY KEY (id)
);

CREATE TABLE programme_rules (
    version integer NOT NULL,
    rules_json text NOT NULL,
    effective_from timestamp with time zone NOT NULL,
    reason character varying(500) NOT NULL,
    created_by character varying(64),
    CONSTRAINT "PK_programme_rules" PRIMARY KEY (version)
);

CREATE TABLE public_notices (
    id uuid NOT NULL,
    kind character varying(40) NOT NULL,
    subject_type character varying(40) NOT NULL,
    subject_id uuid NOT NULL,
    subject_ref character varying(40) NOT NULL,
    town_id uuid NOT NULL,
    village_id uuid NOT NULL,
    title character varying(200) NOT NULL,
    body_json character varying(8000) NOT NULL,
    platforms character varying(200) NOT NULL,
    "from" timestamp with time zone NOT NULL,
    "to" timestamp with time zone,
    published_at timestamp with time zone NOT NULL,
    CONSTRAINT "PK_public_notices" PRIMARY KEY (id)
);

CREATE TABLE staff_notifications (
    id uuid NOT NULL,
    organization_id uuid NOT NULL,
    scope_path character varying(400) NOT NULL,
    deadline_id uuid,
    kind character varying(40) NOT NULL,
    text character varying(1000) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    read_at timestamp with time zone,
    CONSTRAINT "PK_staff_notifications" PRIMARY KEY (id)
);

CREATE TABLE town_allocations (
    id uuid NOT NULL,
    town_id uuid NOT NULL,
    year integer NOT NULL,
    scope_path character varying(400) NOT NULL,
    micro_project_fen bigint NOT NULL,
    micro_wish_fen bigint NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    version integer NOT NULL,
    CONSTRAINT "PK_town_allocations" PRIMARY KEY (id)
);

CREATE TABLE annual_plan_items (
    id uuid NOT NULL,
    plan_id uuid NOT NULL,
    project_id uuid NOT NULL,
    scope_path character varying(400) NOT NULL,
    budget_fen bigint NOT NULL,
    funding character varying(40) NOT NULL,
    is_adjustment boolean NOT NULL,
    reason character varying(500),
    added_at timestamp with time zone NOT NULL,
    reported_to_city_at timestamp with time zone,
    CONSTRAINT "PK_annual_plan_items" PRIMARY KEY (id),
    CONSTRAINT "FK_annual_plan_items_annual_plans_plan_id" FOREIGN KEY (plan_id) REFERENCES annual_plans (id) ON DELETE RESTRICT
);

CREATE TABLE appeal_messages (
    id uuid NOT NULL,
    appeal_id uuid NOT NULL,
    tracking_number character varying(20) NOT NULL,
    external_ref character varying(64),
    scope_path character varying(400) NOT NULL,
    kind character varying(40) NOT NULL,
    body character varying(1000) NOT NULL,
    channel character varying(40) NOT NULL,
    recipient character varying(64),
    state character varying(40) NOT NULL,
    attempts integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    next_attempt_at timestamp with time zone NOT NULL,
    sent_at timestamp with time zone,
    sender character varying(64),
    last_error character varying(400),
    locked_until timestamp with time zone,
    CONSTRAINT "PK_appeal_messages" PRIMARY KEY (id),
    CONSTRAINT "FK_appeal_messages_appeals_appeal_id" FOREIGN KEY (appeal_id) REFERENCES appeals (id) ON DELETE RESTRICT
);

CREATE TABLE micro_projects (
    id uuid NOT NULL,
    number character varying(20) NOT NULL,
    appeal_id uuid NOT NULL,
    village_id uuid NOT NULL,
    town_id uuid NOT NULL,
    scope_path character varying(400) NOT NULL,
    rules_version integer NOT NULL,
    state character varying(40) NOT NULL,
    collection character varying(40) NOT NULL,
    year integer NOT NULL,
    name character varying(100) NOT NULL,
    category character varying(40),
    sub_type character varying(40),
    content character varying(2000),
    source character varying(40),
    location character varying(200),
    contact_name character varying(50),
    contact_title character varying(50),
    contact_phone character varying(40),
    consultation_id uuid,
    consulted_at timestamp with time zone,
    beneficiaries character varying(200),
    route character varying(40),
    budget_fen bigint,
    funding_sources character varying(100),
    implementing_body character varying(100),
    implementation_period character varying(100),
    is_small boolean,
    cap_override_reason character varying(500),
    committee_decided_at timestamp with time zone,
    registered_at timestamp with time zone,
    reviewed_at timestamp with time zone,
    review_decision character varying(40),
    check_consultation_compliant boolean,
    check_budget_reasonable boolean,
    check_route_feasible boolean,
    check_resolvable_by_policy boolean,
    review_opinion character varying(2000),
    policy_department character varying(100),
    policy_contact character varying(100),
    publicity_from timestamp with time zone,
    publicity_to timestamp with time zone,
    publicity_platforms character varying(200),
    implementation_started_at timestamp with time zone,
    completed_at timestamp with time zone,
    completion_filed_at timestamp with time zone,
    completion_form_json character varying(8000),
    actual_programme_fen bigint,
    actual_village_fen bigint,
    actual_social_fen bigint,
    closed_at timestamp with time zone,
    in_annual_pool boolean NOT NULL,
    created_at timestamp with time zone NOT NULL,
    version integer NOT NULL,
    CONSTRAINT "PK_micro_projects" PRIMARY KEY (id),
    CONSTRAINT "FK_micro_projects_appeals_appeal_id" FOREIGN KEY (appeal_id) REFERENCES appeals (id) ON DELETE RESTRICT
);

CREATE TABLE attachment_contents (
    id uuid NOT NULL,
    bytes bytea NOT NULL,
    CONSTRAINT "PK_attachment_contents" PRIMARY KEY (id),
    CONSTRAINT "FK_attachment_contents_attachments_id" FOREIGN KEY (id) REFERENCES attachments (id) ON DELETE RESTRICT
);

CREATE TABLE consultations (
    id uuid NOT NULL,
    project_id uuid NOT NULL,
    scope_path character varying(400) NOT NULL,
    kind character varying(40) NOT NULL,
    held_at timestamp with time zone NOT NULL,
    place character varying(100) NOT NULL,
    host character varying(50) NOT NULL,
    recorder character varying(50) NOT NULL,
    form character varying(40) NOT NULL,
    form_other character varying(50),
    participant_types character varying(400) NOT NULL,
    head_count integer NOT NULL,
    passed boolean NOT NULL,
    content character varying(2000),
    beneficiaries character varying(200),
    route character varying(40),
    budget_fen bigint,
    funding_sources character varying(100),
    implementing_body character varying(100),
    implementation_period character varying(100),
    failure_note character varying(1000),
    feasibility_study character varying(2000),
    minutes_attachment_id uuid NOT NULL,
    recorded_at timestamp with time zone NOT NULL,
    recorded_by_id uuid,
    CONSTRAINT "PK_consultations" PRIMARY KEY (id),
    CONSTRAINT "FK_consultations_micro_projects_project_id" FOREIGN KEY (project_id) REFERENCES micro_projects (id) ON DELETE RESTRICT
);

CREATE TABLE department_opinions (
    id uuid NOT NULL,
    project_id uuid NOT NULL,
    scope_path character varying(400) NOT NULL,
    department_id uuid NOT NULL,
    department_name character varying(100) NOT NULL,
    opinion character varying(1000) NOT NULL,
    agrees boolean NOT NULL,
    signed_off boolean NOT NULL,
    at timestamp with time zone NOT NULL,
    by_id uuid,
    by_name character varying(64),
    CONSTRAINT "PK_department_opinions" PRIMARY KEY (id),
    CONSTRAINT "FK_department_opinions_micro_projects_project_id" FOREIGN KEY (project_id) REFERENCES micro_projects (id) ON DELETE RESTRICT
);

CREATE TABLE progress_reports (
    id uuid NOT NULL,
    project_id uuid NOT NULL,
    scope_path character varying(400) NOT NULL,
    text character varying(2000) NOT NULL,
    percent_done integer,
    photo_ids character varying(2000),
    at timestamp with time zone NOT NULL,
    by_id uuid,
    by_name character varying(64),
    CONSTRAINT "PK_progress_reports" PRIMARY KEY (id),
    CONSTRAINT "FK_progress_reports_micro_projects_project_id" FOREIGN KEY (project_id) REFERENCES micro_projects (id) ON DELETE RESTRICT
);

CREATE TABLE survey_responses (
    id uuid NOT NULL,
    project_id uuid NOT NULL,
    scope_path character varying(400) NOT NULL,
    overall character varying(40) NOT NULL,
    quality character varying(40) NOT NULL,
    effect character varying(40) NOT NULL,
    attitude character varying(40) NOT NULL,
    efficiency character varying(40) NOT NULL,
    closeness character varying(40) NOT NULL,
    openness character varying(40) NOT NULL,
    suggestion character varying(2000),
    signature character varying(50),
    online boolean NOT NULL,
    respondent_key_hash character varying(64),
    at timestamp with time zone NOT NULL,
    entered_by_id uuid,
    CONSTRAINT "PK_survey_responses" PRIMARY KEY (id),
    CONSTRAINT "FK_survey_responses_micro_projects_project_id" FOREIGN KEY (project_id) REFERENCES micro_projects (id) ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_annual_plan_items_plan_id_project_id" ON annual_plan_items (plan_id, project_id);

CREATE UNIQUE INDEX "IX_annual_plans_town_id_year" ON annual_plans (town_id, year);

CREATE INDEX "IX_appeal_messages_appeal_id_created_at" ON appeal_messages (appeal_id, created_at);

CREATE INDEX "IX_appeal_messages_state_next_attempt_at" ON appeal_messages (state, next_attempt_at);

CREATE UNIQUE INDEX "IX_appeals_external_ref" ON appeals (external_ref);

CREATE INDEX "IX_appeals_scope_path_received_at" ON appeals (scope_path, received_at);

CREATE INDEX "IX_appeals_state_received_at" ON appeals (state, received_at);

CREATE INDEX "IX_appeals_town_id_received_at" ON appeals (town_id, received_at);

CREATE UNIQUE INDEX "IX_appeals_tracking_number" ON appeals (tracking_number);

CREATE INDEX "IX_appeals_village_id_received_at" ON appeals (village_id, received_at);

CREATE INDEX "IX_attachments_owner_type_owner_id_kind" ON attachments (owner_type, owner_id, kind);

CREATE UNIQUE INDEX "IX_collection_campaigns_town_id_year" ON collection_campaigns (town_id, year);

CREATE INDEX "IX_consultations_project_id_held_at" ON consultations (project_id, held_at);

CREATE INDEX "IX_deadlines_is_open_due_at" ON deadlines (is_open, due_at);

CREATE INDEX "IX_deadlines_is_open_warn_at" ON deadlines (is_open, warn_at);

CREATE INDEX "IX_deadlines_responsible_org_id_is_open_due_at" ON deadlines (responsible_org_id, is_open, due_at);

CREATE INDEX "IX_deadlines_scope_path_is_open_due_at" ON deadlines (scope_path, is_open, due_at);

CREATE INDEX "IX_deadlines_subject_id_is_open" ON deadlines (subject_id, is_open);

CREATE INDEX "IX_department_opinions_project_id_at" ON department_opinions (project_id, at);

CREATE UNIQUE INDEX "IX_idempotency_records_caller_key_key" ON idempotency_records (caller_key, key);

CREATE UNIQUE INDEX "IX_micro_projects_appeal_id" ON micro_projects (appeal_id);

CREATE UNIQUE INDEX "IX_micro_projects_number" ON micro_projects (number);

CREATE INDEX "IX_micro_projects_scope_path_created_at" ON micro_projects (scope_path, created_at);

CREATE INDEX "IX_micro_projects_state_created_at" ON micro_projects (state, created_at);

CREATE INDEX "IX_micro_projects_town_id_year_in_annual_pool" ON micro_projects (town_id, year, in_annual_pool);

CREATE INDEX "IX_progress_reports_project_id_at" ON progress_reports (project_id, at);

CREATE INDEX "IX_public_notices_kind_published_at" ON public_notices (kind, published_at);

CREATE INDEX "IX_public_notices_subject_id_kind" ON public_notices (subject_id, kind);

CREATE INDEX "IX_public_notices_town_id_published_at" ON public_notices (town_id, published_at);

CREATE INDEX "IX_staff_notifications_organization_id_created_at" ON staff_notifications (organization_id, created_at);

CREATE INDEX "IX_staff_notifications_scope_path_created_at" ON staff_notifications (scope_path, created_at);

CREATE INDEX "IX_survey_responses_project_id_at" ON survey_responses (project_id, at);

CREATE UNIQUE INDEX "IX_survey_responses_project_id_respondent_key_hash" ON survey_responses (project_id, respondent_key_hash);

CREATE UNIQUE INDEX "IX_town_allocations_town_id_year" ON town_allocations (town_id, year);
