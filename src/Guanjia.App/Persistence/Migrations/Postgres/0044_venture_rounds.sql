-- 0044: incubated community social organisations and their capacity building (R-CA-10); micro venture-philanthropy rounds
-- (微公益创投) with applications, the panel's scores, the funding decision and funded projects' progress (R-PS-02). ADR 0035.
CREATE TABLE incubated_organisations (
    id uuid NOT NULL,
    name character varying(100) NOT NULL,
    kind character varying(40) NOT NULL,
    town_id uuid NOT NULL,
    community_id uuid,
    scope_path character varying(400) NOT NULL,
    served_groups character varying(200) NOT NULL,
    incubator_id uuid,
    leader character varying(50),
    description character varying(2000),
    started_on date NOT NULL,
    state character varying(40) NOT NULL,
    ended_on date,
    end_note character varying(500),
    created_at timestamp with time zone NOT NULL,
    version integer NOT NULL,
    CONSTRAINT "PK_incubated_organisations" PRIMARY KEY (id),
    CONSTRAINT "FK_incubated_organisations_organizations_town_id" FOREIGN KEY (town_id) REFERENCES organizations (id) ON DELETE RESTRICT
);

CREATE TABLE capacity_events (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    scope_path character varying(400) NOT NULL,
    "on" date NOT NULL,
    topic character varying(200) NOT NULL,
    hours numeric(5,1) NOT NULL,
    attendees integer NOT NULL,
    note character varying(1000),
    created_at timestamp with time zone NOT NULL,
    recorded_by_name character varying(64) NOT NULL,
    CONSTRAINT "PK_capacity_events" PRIMARY KEY (id),
    CONSTRAINT "FK_capacity_events_incubated_organisations_organisation_id" FOREIGN KEY (organisation_id) REFERENCES incubated_organisations (id) ON DELETE RESTRICT
);

CREATE TABLE venture_rounds (
    id uuid NOT NULL,
    town_id uuid NOT NULL,
    scope_path character varying(400) NOT NULL,
    year integer NOT NULL,
    title character varying(200) NOT NULL,
    description character varying(4000),
    budget_fen bigint NOT NULL,
    cap_fen bigint NOT NULL,
    apply_from date NOT NULL,
    apply_to date NOT NULL,
    criteria_json character varying(4000) NOT NULL,
    panel_json character varying(2000) NOT NULL,
    state character varying(40) NOT NULL,
    opened_at timestamp with time zone,
    decided_at timestamp with time zone,
    decision_note character varying(1000),
    closed_at timestamp with time zone,
    created_at timestamp with time zone NOT NULL,
    version integer NOT NULL,
    CONSTRAINT "PK_venture_rounds" PRIMARY KEY (id),
    CONSTRAINT "FK_venture_rounds_organizations_town_id" FOREIGN KEY (town_id) REFERENCES organizations (id) ON DELETE RESTRICT
);

CREATE TABLE venture_applications (
    id uuid NOT NULL,
    round_id uuid NOT NULL,
    scope_path character varying(400) NOT NULL,
    applicant_kind character varying(40) NOT NULL,
    organisation_id uuid,
    applicant_name character varying(100) NOT NULL,
    project_name character varying(200) NOT NULL,
    category character varying(40) NOT NULL,
    summary character varying(4000) NOT NULL,
    amount_fen bigint NOT NULL,
    beneficiaries integer NOT NULL,
    submitted_on date NOT NULL,
    state character varying(40) NOT NULL,
    average_score numeric(5,2),
    score_count integer NOT NULL,
    granted_fen bigint,
    result character varying(2000),
    completed_at timestamp with time zone,
    created_at timestamp with time zone NOT NULL,
    version integer NOT NULL,
    CONSTRAINT "PK_venture_applications" PRIMARY KEY (id),
    CONSTRAINT "FK_venture_applications_incubated_organisations_organisation_id" FOREIGN KEY (organisation_id) REFERENCES incubated_organisations (id) ON DELETE RESTRICT,
    CONSTRAINT "FK_venture_applications_venture_rounds_round_id" FOREIGN KEY (round_id) REFERENCES venture_rounds (id) ON DELETE RESTRICT
);

CREATE TABLE venture_scores (
    id uuid NOT NULL,
    application_id uuid NOT NULL,
    round_id uuid NOT NULL,
    scope_path character varying(400) NOT NULL,
    reviewer character varying(50) NOT NULL,
    scores_json character varying(2000) NOT NULL,
    total numeric(5,2) NOT NULL,
    comment character varying(1000),
    scored_at timestamp with time zone NOT NULL,
    recorded_by_name character varying(64) NOT NULL,
    CONSTRAINT "PK_venture_scores" PRIMARY KEY (id),
    CONSTRAINT "FK_venture_scores_venture_applications_application_id" FOREIGN KEY (application_id) REFERENCES venture_applications (id) ON DELETE RESTRICT
);

CREATE TABLE venture_progress (
    id uuid NOT NULL,
    application_id uuid NOT NULL,
    scope_path character varying(400) NOT NULL,
    "on" date NOT NULL,
    text character varying(2000) NOT NULL,
    attachment_id uuid,
    created_at timestamp with time zone NOT NULL,
    recorded_by_name character varying(64) NOT NULL,
    CONSTRAINT "PK_venture_progress" PRIMARY KEY (id),
    CONSTRAINT "FK_venture_progress_venture_applications_application_id" FOREIGN KEY (application_id) REFERENCES venture_applications (id) ON DELETE RESTRICT
);

CREATE INDEX "IX_incubated_organisations_scope_path_started_on" ON incubated_organisations (scope_path, started_on);

CREATE INDEX "IX_incubated_organisations_town_id_state" ON incubated_organisations (town_id, state);

CREATE INDEX "IX_capacity_events_organisation_id_on" ON capacity_events (organisation_id, "on");

CREATE INDEX "IX_venture_rounds_scope_path_year" ON venture_rounds (scope_path, year);

CREATE INDEX "IX_venture_rounds_town_id_year" ON venture_rounds (town_id, year);

CREATE INDEX "IX_venture_applications_organisation_id" ON venture_applications (organisation_id);

CREATE INDEX "IX_venture_applications_round_id_state" ON venture_applications (round_id, state);

CREATE UNIQUE INDEX "IX_venture_scores_application_id_reviewer" ON venture_scores (application_id, reviewer);

CREATE INDEX "IX_venture_scores_round_id" ON venture_scores (round_id);

CREATE INDEX "IX_venture_progress_application_id_on" ON venture_progress (application_id, "on");
