-- 0004: the current livelihood policy list and referrals to departments (R-IN-05, issue 4).
CREATE TABLE policies (
    id uuid NOT NULL,
    name character varying(100) NOT NULL,
    department character varying(100) NOT NULL,
    department_org_id uuid,
    contact character varying(100) NOT NULL,
    covers character varying(2000) NOT NULL,
    keywords character varying(400) NOT NULL,
    is_active boolean NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    version integer NOT NULL,
    CONSTRAINT "PK_policies" PRIMARY KEY (id)
);

CREATE TABLE policy_referrals (
    id uuid NOT NULL,
    appeal_id uuid NOT NULL,
    subject_type character varying(40) NOT NULL,
    subject_id uuid NOT NULL,
    subject_ref character varying(40) NOT NULL,
    scope_path character varying(400) NOT NULL,
    policy_id uuid,
    department character varying(100) NOT NULL,
    contact character varying(100) NOT NULL,
    state character varying(40) NOT NULL,
    referred_at timestamp with time zone NOT NULL,
    referred_by character varying(64),
    accepted_at timestamp with time zone,
    handler character varying(64),
    result_at timestamp with time zone,
    result character varying(1000),
    version integer NOT NULL,
    CONSTRAINT "PK_policy_referrals" PRIMARY KEY (id),
    CONSTRAINT "FK_policy_referrals_appeals_appeal_id" FOREIGN KEY (appeal_id) REFERENCES appeals (id) ON DELETE RESTRICT
);

CREATE INDEX "IX_policies_is_active_name" ON policies (is_active, name);

CREATE UNIQUE INDEX "IX_policies_name" ON policies (name);

CREATE INDEX "IX_policy_referrals_appeal_id" ON policy_referrals (appeal_id);

CREATE INDEX "IX_policy_referrals_scope_path_referred_at" ON policy_referrals (scope_path, referred_at);

CREATE INDEX "IX_policy_referrals_state_referred_at" ON policy_referrals (state, referred_at);
