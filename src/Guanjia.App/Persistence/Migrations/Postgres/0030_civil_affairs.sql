-- 0030: civil-affairs casework (issue 13, R-CA-04..09, 13): stations and workers, one file per person (ID number and health
-- encrypted, keyed hash for lookup), categories, plans, visits, problems, assessments, means investigations, screenings,
-- resource links, policy evaluations, file views, transfer requests, settings.
CREATE TABLE civil_affairs_stations (
    id uuid NOT NULL,
    town_id uuid NOT NULL,
    scope_path character varying(400) NOT NULL,
    name character varying(100) NOT NULL,
    address character varying(200),
    phone character varying(40),
    is_active boolean NOT NULL,
    created_at timestamp with time zone NOT NULL,
    version integer NOT NULL,
    CONSTRAINT "PK_civil_affairs_stations" PRIMARY KEY (id),
    CONSTRAINT "FK_civil_affairs_stations_organizations_town_id" FOREIGN KEY (town_id) REFERENCES organizations (id) ON DELETE RESTRICT
);

CREATE TABLE station_workers (
    id uuid NOT NULL,
    station_id uuid NOT NULL,
    user_id uuid NOT NULL,
    display_name character varying(64) NOT NULL,
    scope_path character varying(400) NOT NULL,
    since date NOT NULL,
    until date,
    version integer NOT NULL,
    CONSTRAINT "PK_station_workers" PRIMARY KEY (id),
    CONSTRAINT "FK_station_workers_civil_affairs_stations_station_id" FOREIGN KEY (station_id) REFERENCES civil_affairs_stations (id) ON DELETE RESTRICT,
    CONSTRAINT "FK_station_workers_users_user_id" FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE RESTRICT
);

CREATE TABLE case_households (
    id uuid NOT NULL,
    village_id uuid NOT NULL,
    town_id uuid NOT NULL,
    scope_path character varying(400) NOT NULL,
    address character varying(200) NOT NULL,
    under_dynamic_adjustment boolean NOT NULL,
    created_at timestamp with time zone NOT NULL,
    version integer NOT NULL,
    CONSTRAINT "PK_case_households" PRIMARY KEY (id),
    CONSTRAINT "FK_case_households_organizations_village_id" FOREIGN KEY (village_id) REFERENCES organizations (id) ON DELETE RESTRICT
);

CREATE TABLE case_files (
    id uuid NOT NULL,
    number character varying(40) NOT NULL,
    household_id uuid NOT NULL,
    relation character varying(40) NOT NULL,
    village_id uuid NOT NULL,
    town_id uuid NOT NULL,
    scope_path character varying(400) NOT NULL,
    name character varying(50) NOT NULL,
    document_kind character varying(40) NOT NULL,
    document_cipher character varying(200) NOT NULL,
    document_hash character varying(64) NOT NULL,
    active_document_hash character varying(64),
    document_masked character varying(40) NOT NULL,
    sex character varying(40),
    birth_date date,
    phone character varying(40),
    local_hukou boolean NOT NULL,
    address character varying(200) NOT NULL,
    health_cipher character varying(6000),
    disability_grade integer,
    self_care character varying(40),
    care_level character varying(40),
    status character varying(40) NOT NULL,
    status_changed_on date,
    status_note character varying(500),
    registered_on date NOT NULL,
    registered_at timestamp with time zone NOT NULL,
    assigned_worker_id uuid,
    is_dispersed_extremely_poor boolean NOT NULL,
    is_extremely_poor boolean NOT NULL,
    last_visit_at timestamp with time zone,
    last_home_visit_at timestamp with time zone,
    last_assessed_on date,
    screening_id uuid,
    version integer NOT NULL,
    CONSTRAINT "PK_case_files" PRIMARY KEY (id),
    CONSTRAINT "FK_case_files_case_households_household_id" FOREIGN KEY (household_id) REFERENCES case_households (id) ON DELETE RESTRICT,
    CONSTRAINT "FK_case_files_organizations_village_id" FOREIGN KEY (village_id) REFERENCES organizations (id) ON DELETE RESTRICT
);

CREATE TABLE case_categories (
    id uuid NOT NULL,
    case_file_id uuid NOT NULL,
    scope_path character varying(400) NOT NULL,
    code character varying(40) NOT NULL,
    grade integer,
    valid_from date NOT NULL,
    valid_to date,
    note character varying(500),
    CONSTRAINT "PK_case_categories" PRIMARY KEY (id),
    CONSTRAINT "FK_case_categories_case_files_case_file_id" FOREIGN KEY (case_file_id) REFERENCES case_files (id) ON DELETE RESTRICT
);

CREATE TABLE case_plans (
    id uuid NOT NULL,
    case_file_id uuid NOT NULL,
    scope_path character varying(400) NOT NULL,
    kind character varying(40) NOT NULL,
    needs character varying(2000) NOT NULL,
    goals character varying(2000) NOT NULL,
    state character varying(40) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    created_by_name character varying(64) NOT NULL,
    closed_at timestamp with time zone,
    closure_note character varying(2000),
    version integer NOT NULL,
    CONSTRAINT "PK_case_plans" PRIMARY KEY (id),
    CONSTRAINT "FK_case_plans_case_files_case_file_id" FOREIGN KEY (case_file_id) REFERENCES case_files (id) ON DELETE RESTRICT
);

CREATE TABLE case_plan_entries (
    id uuid NOT NULL,
    plan_id uuid NOT NULL,
    scope_path character varying(400) NOT NULL,
    kind character varying(40) NOT NULL,
    "on" date NOT NULL,
    text character varying(2000) NOT NULL,
    by_name character varying(64) NOT NULL,
    at timestamp with time zone NOT NULL,
    CONSTRAINT "PK_case_plan_entries" PRIMARY KEY (id),
    CONSTRAINT "FK_case_plan_entries_case_plans_plan_id" FOREIGN KEY (plan_id) REFERENCES case_plans (id) ON DELETE RESTRICT
);

CREATE TABLE visits (
    id uuid NOT NULL,
    case_file_id uuid NOT NULL,
    village_id uuid NOT NULL,
    town_id uuid NOT NULL,
    scope_path character varying(400) NOT NULL,
    worker_user_id uuid,
    worker_name character varying(64) NOT NULL,
    mode character varying(40) NOT NULL,
    visited_at timestamp with time zone NOT NULL,
    month integer NOT NULL,
    health_cipher character varying(6000),
    mental_state character varying(40) NOT NULL,
    basic_living character varying(40) NOT NULL,
    hazards character varying(200) NOT NULL,
    care_given character varying(200) NOT NULL,
    referrals character varying(1000),
    sudden_change character varying(40) NOT NULL,
    sudden_change_note character varying(500),
    notes character varying(2000),
    client_key character varying(100),
    created_at timestamp with time zone NOT NULL,
    version integer NOT NULL,
    CONSTRAINT "PK_visits" PRIMARY KEY (id),
    CONSTRAINT "FK_visits_case_files_case_file_id" FOREIGN KEY (case_file_id) REFERENCES case_files (id) ON DELETE RESTRICT
);

CREATE TABLE reported_problems (
    id uuid NOT NULL,
    source character varying(40) NOT NULL,
    source_id uuid NOT NULL,
    case_file_id uuid,
    village_id uuid NOT NULL,
    town_id uuid NOT NULL,
    scope_path character varying(400) NOT NULL,
    area character varying(40) NOT NULL,
    text character varying(2000) NOT NULL,
    reported_at timestamp with time zone NOT NULL,
    village_must_answer boolean NOT NULL,
    village_answer character varying(2000),
    village_answered_at timestamp with time zone,
    village_answered_by character varying(64),
    town_answer character varying(2000),
    town_answered_at timestamp with time zone,
    town_answered_by character varying(64),
    is_open boolean NOT NULL,
    version integer NOT NULL,
    CONSTRAINT "PK_reported_problems" PRIMARY KEY (id)
);

CREATE TABLE self_care_assessments (
    id uuid NOT NULL,
    case_file_id uuid NOT NULL,
    scope_path character varying(400) NOT NULL,
    assessed_on date NOT NULL,
    reason character varying(40) NOT NULL,
    trigger_visit_id uuid,
    eating boolean NOT NULL,
    bathing boolean NOT NULL,
    dressing boolean NOT NULL,
    toileting boolean NOT NULL,
    transfer boolean NOT NULL,
    walking boolean NOT NULL,
    not_met integer NOT NULL,
    result character varying(40) NOT NULL,
    care_level character varying(40) NOT NULL,
    assessor_name character varying(64) NOT NULL,
    notes character varying(2000),
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT "PK_self_care_assessments" PRIMARY KEY (id),
    CONSTRAINT "FK_self_care_assessments_case_files_case_file_id" FOREIGN KEY (case_file_id) REFERENCES case_files (id) ON DELETE RESTRICT
);

CREATE TABLE means_investigations (
    id uuid NOT NULL,
    household_id uuid NOT NULL,
    village_id uuid NOT NULL,
    town_id uuid NOT NULL,
    scope_path character varying(400) NOT NULL,
    month integer NOT NULL,
    investigated_on date NOT NULL,
    methods character varying(100) NOT NULL,
    economy character varying(2000) NOT NULL,
    housing character varying(1000) NOT NULL,
    education character varying(1000),
    details_cipher character varying(20000) NOT NULL,
    income_per_head_cipher character varying(200) NOT NULL,
    member_count integer NOT NULL,
    standard_fen bigint NOT NULL,
    flag character varying(40) NOT NULL,
    decision character varying(40) NOT NULL,
    decision_note character varying(1000),
    decided_by character varying(64),
    decided_at timestamp with time zone,
    investigator_name character varying(64) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    version integer NOT NULL,
    CONSTRAINT "PK_means_investigations" PRIMARY KEY (id),
    CONSTRAINT "FK_means_investigations_case_households_household_id" FOREIGN KEY (household_id) REFERENCES case_households (id) ON DELETE RESTRICT
);

CREATE TABLE target_screenings (
    id uuid NOT NULL,
    village_id uuid NOT NULL,
    town_id uuid NOT NULL,
    scope_path character varying(400) NOT NULL,
    month integer NOT NULL,
    screened_on date NOT NULL,
    methods character varying(100) NOT NULL,
    households_checked integer NOT NULL,
    people_found integer NOT NULL,
    notes character varying(2000),
    recorded_by_name character varying(64) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT "PK_target_screenings" PRIMARY KEY (id)
);

CREATE TABLE resource_links (
    id uuid NOT NULL,
    case_file_id uuid NOT NULL,
    scope_path character varying(400) NOT NULL,
    kind character varying(40) NOT NULL,
    source character varying(40) NOT NULL,
    provider_name character varying(100) NOT NULL,
    claimant_id uuid,
    need character varying(1000) NOT NULL,
    linked_on date NOT NULL,
    state character varying(40) NOT NULL,
    result character varying(1000),
    result_on date,
    amount_fen bigint,
    by_name character varying(64) NOT NULL,
    version integer NOT NULL,
    CONSTRAINT "PK_resource_links" PRIMARY KEY (id),
    CONSTRAINT "FK_resource_links_case_files_case_file_id" FOREIGN KEY (case_file_id) REFERENCES case_files (id) ON DELETE RESTRICT
);

CREATE TABLE policy_evaluations (
    id uuid NOT NULL,
    town_id uuid NOT NULL,
    scope_path character varying(400) NOT NULL,
    year integer NOT NULL,
    quarter integer NOT NULL,
    evaluated_on date NOT NULL,
    methods character varying(100) NOT NULL,
    interviews integer NOT NULL,
    standards_right integer NOT NULL,
    payments_right integer NOT NULL,
    aware integer NOT NULL,
    satisfied integer NOT NULL,
    findings character varying(4000),
    recorded_by_name character varying(64) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT "PK_policy_evaluations" PRIMARY KEY (id)
);

CREATE TABLE policy_evaluation_interviews (
    id uuid NOT NULL,
    evaluation_id uuid NOT NULL,
    scope_path character varying(400) NOT NULL,
    case_file_id uuid,
    standard_right boolean NOT NULL,
    payment_right boolean NOT NULL,
    aware_of_policy boolean NOT NULL,
    satisfaction character varying(40) NOT NULL,
    comment character varying(1000),
    CONSTRAINT "PK_policy_evaluation_interviews" PRIMARY KEY (id),
    CONSTRAINT "FK_policy_evaluation_interviews_policy_evaluations_evaluation_~" FOREIGN KEY (evaluation_id) REFERENCES policy_evaluations (id) ON DELETE RESTRICT
);

CREATE TABLE case_file_accesses (
    id uuid NOT NULL,
    case_file_id uuid NOT NULL,
    scope_path character varying(400) NOT NULL,
    viewer_id uuid,
    viewer_name character varying(64) NOT NULL,
    what character varying(40) NOT NULL,
    at timestamp with time zone NOT NULL,
    CONSTRAINT "PK_case_file_accesses" PRIMARY KEY (id)
);

CREATE TABLE case_transfer_requests (
    id uuid NOT NULL,
    case_file_id uuid NOT NULL,
    scope_path character varying(400) NOT NULL,
    from_village_id uuid NOT NULL,
    from_name character varying(100) NOT NULL,
    requested_by_id uuid,
    requested_by_name character varying(64) NOT NULL,
    reason character varying(1000) NOT NULL,
    state character varying(40) NOT NULL,
    answer character varying(1000),
    requested_at timestamp with time zone NOT NULL,
    answered_at timestamp with time zone,
    version integer NOT NULL,
    CONSTRAINT "PK_case_transfer_requests" PRIMARY KEY (id)
);

CREATE TABLE casework_settings (
    id integer NOT NULL,
    json character varying(20000) NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    updated_by character varying(64),
    version integer NOT NULL,
    CONSTRAINT "PK_casework_settings" PRIMARY KEY (id)
);

CREATE INDEX "IX_case_categories_case_file_id_valid_from" ON case_categories (case_file_id, valid_from);
CREATE INDEX "IX_case_categories_code_valid_to" ON case_categories (code, valid_to);
CREATE INDEX "IX_case_file_accesses_case_file_id_at" ON case_file_accesses (case_file_id, at);
CREATE INDEX "IX_case_file_accesses_viewer_id_at" ON case_file_accesses (viewer_id, at);
CREATE UNIQUE INDEX "IX_case_files_active_document_hash" ON case_files (active_document_hash);
CREATE INDEX "IX_case_files_assigned_worker_id_status" ON case_files (assigned_worker_id, status);
CREATE INDEX "IX_case_files_document_hash" ON case_files (document_hash);
CREATE INDEX "IX_case_files_household_id" ON case_files (household_id);
CREATE INDEX "IX_case_files_is_dispersed_extremely_poor_status_last_home_vis~" ON case_files (is_dispersed_extremely_poor, status, last_home_visit_at);
CREATE UNIQUE INDEX "IX_case_files_number" ON case_files (number);
CREATE INDEX "IX_case_files_scope_path_name" ON case_files (scope_path, name);
CREATE INDEX "IX_case_files_village_id_status_name" ON case_files (village_id, status, name);
CREATE INDEX "IX_case_households_scope_path" ON case_households (scope_path);
CREATE INDEX "IX_case_households_under_dynamic_adjustment_village_id" ON case_households (under_dynamic_adjustment, village_id);
CREATE INDEX "IX_case_households_village_id" ON case_households (village_id);
CREATE INDEX "IX_case_plan_entries_plan_id_at" ON case_plan_entries (plan_id, at);
CREATE INDEX "IX_case_plans_case_file_id_created_at" ON case_plans (case_file_id, created_at);
CREATE INDEX "IX_case_transfer_requests_requested_by_id" ON case_transfer_requests (requested_by_id);
CREATE INDEX "IX_case_transfer_requests_scope_path_state" ON case_transfer_requests (scope_path, state);
CREATE UNIQUE INDEX "IX_civil_affairs_stations_town_id" ON civil_affairs_stations (town_id);
CREATE INDEX "IX_means_investigations_household_id_month" ON means_investigations (household_id, month);
CREATE INDEX "IX_means_investigations_scope_path_decision_month" ON means_investigations (scope_path, decision, month);
CREATE INDEX "IX_policy_evaluation_interviews_evaluation_id" ON policy_evaluation_interviews (evaluation_id);
CREATE INDEX "IX_policy_evaluations_scope_path_year_quarter" ON policy_evaluations (scope_path, year, quarter);
CREATE INDEX "IX_policy_evaluations_town_id_year_quarter" ON policy_evaluations (town_id, year, quarter);
CREATE INDEX "IX_reported_problems_case_file_id_reported_at" ON reported_problems (case_file_id, reported_at);
CREATE INDEX "IX_reported_problems_scope_path_is_open_reported_at" ON reported_problems (scope_path, is_open, reported_at);
CREATE INDEX "IX_reported_problems_source_id" ON reported_problems (source_id);
CREATE INDEX "IX_resource_links_case_file_id_linked_on" ON resource_links (case_file_id, linked_on);
CREATE INDEX "IX_resource_links_scope_path_state_linked_on" ON resource_links (scope_path, state, linked_on);
CREATE INDEX "IX_self_care_assessments_case_file_id_assessed_on" ON self_care_assessments (case_file_id, assessed_on);
CREATE INDEX "IX_self_care_assessments_scope_path_assessed_on" ON self_care_assessments (scope_path, assessed_on);
CREATE INDEX "IX_station_workers_station_id" ON station_workers (station_id);
CREATE UNIQUE INDEX "IX_station_workers_user_id" ON station_workers (user_id);
CREATE INDEX "IX_target_screenings_scope_path_month" ON target_screenings (scope_path, month);
CREATE INDEX "IX_target_screenings_village_id_month" ON target_screenings (village_id, month);
CREATE INDEX "IX_visits_case_file_id_visited_at" ON visits (case_file_id, visited_at);
CREATE INDEX "IX_visits_month_visited_at_id" ON visits (month, visited_at, id);
CREATE INDEX "IX_visits_town_id_month_visited_at_id" ON visits (town_id, month, visited_at, id);
CREATE INDEX "IX_visits_village_id_month_visited_at_id" ON visits (village_id, month, visited_at, id);
CREATE UNIQUE INDEX "IX_visits_worker_user_id_client_key" ON visits (worker_user_id, client_key);
