-- 0001: organisation tree, accounts, API tokens, audit trail, working-day calendar (issue 2).
CREATE TABLE audit_chain_lock (
    id integer NOT NULL,
    counter bigint NOT NULL,
    CONSTRAINT "PK_audit_chain_lock" PRIMARY KEY (id)
);


CREATE TABLE audit_entries (
    seq bigint NOT NULL,
    at timestamp with time zone NOT NULL,
    actor_id uuid,
    actor_name character varying(64) NOT NULL,
    actor_role character varying(40),
    entity_type character varying(64) NOT NULL,
    entity_id character varying(80) NOT NULL,
    action character varying(64) NOT NULL,
    before text,
    after text,
    reason character varying(500),
    scope_path character varying(400) NOT NULL,
    prev_hash character varying(64) NOT NULL,
    hash character varying(64) NOT NULL,
    CONSTRAINT "PK_audit_entries" PRIMARY KEY (seq)
);


CREATE TABLE calendar_days (
    date date NOT NULL,
    kind character varying(40) NOT NULL,
    name character varying(40) NOT NULL,
    year integer NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT "PK_calendar_days" PRIMARY KEY (date)
);


CREATE TABLE calendar_years (
    year integer NOT NULL,
    notice character varying(100),
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT "PK_calendar_years" PRIMARY KEY (year)
);


CREATE TABLE organizations (
    id uuid NOT NULL,
    code character varying(40) NOT NULL,
    name character varying(100) NOT NULL,
    name_en character varying(150),
    kind character varying(40) NOT NULL,
    parent_id uuid,
    path character varying(400) NOT NULL,
    economic_class integer,
    is_pilot boolean NOT NULL,
    function character varying(40),
    is_lead boolean NOT NULL,
    address character varying(200),
    phone character varying(40),
    is_active boolean NOT NULL,
    created_at timestamp with time zone NOT NULL,
    version integer NOT NULL,
    CONSTRAINT "PK_organizations" PRIMARY KEY (id),
    CONSTRAINT "FK_organizations_organizations_parent_id" FOREIGN KEY (parent_id) REFERENCES organizations (id) ON DELETE RESTRICT
);


CREATE TABLE api_tokens (
    id uuid NOT NULL,
    name character varying(100) NOT NULL,
    prefix character varying(16) NOT NULL,
    token_hash character varying(64) NOT NULL,
    organization_id uuid NOT NULL,
    scope_path character varying(400) NOT NULL,
    permissions character varying(400) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    created_by uuid,
    expires_at timestamp with time zone,
    revoked_at timestamp with time zone,
    last_used_at timestamp with time zone,
    version integer NOT NULL,
    CONSTRAINT "PK_api_tokens" PRIMARY KEY (id),
    CONSTRAINT "FK_api_tokens_organizations_organization_id" FOREIGN KEY (organization_id) REFERENCES organizations (id) ON DELETE RESTRICT
);


CREATE TABLE users (
    id uuid NOT NULL,
    user_name character varying(64) NOT NULL,
    display_name character varying(64) NOT NULL,
    role character varying(40) NOT NULL,
    organization_id uuid NOT NULL,
    scope_path character varying(400) NOT NULL,
    password_hash character varying(200) NOT NULL,
    phone character varying(40),
    failed_sign_ins integer NOT NULL,
    locked_until timestamp with time zone,
    last_sign_in_at timestamp with time zone,
    is_active boolean NOT NULL,
    security_stamp character varying(64) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    version integer NOT NULL,
    CONSTRAINT "PK_users" PRIMARY KEY (id),
    CONSTRAINT "FK_users_organizations_organization_id" FOREIGN KEY (organization_id) REFERENCES organizations (id) ON DELETE RESTRICT
);


INSERT INTO audit_chain_lock (id, counter)
VALUES (1, 0);


CREATE INDEX "IX_api_tokens_organization_id" ON api_tokens (organization_id);


CREATE INDEX "IX_api_tokens_scope_path_created_at" ON api_tokens (scope_path, created_at);


CREATE UNIQUE INDEX "IX_api_tokens_token_hash" ON api_tokens (token_hash);


CREATE INDEX "IX_audit_entries_actor_id_seq" ON audit_entries (actor_id, seq);


CREATE INDEX "IX_audit_entries_entity_type_entity_id_seq" ON audit_entries (entity_type, entity_id, seq);


CREATE INDEX "IX_audit_entries_scope_path_seq" ON audit_entries (scope_path, seq);


CREATE INDEX "IX_calendar_days_year" ON calendar_days (year);


CREATE UNIQUE INDEX "IX_organizations_code" ON organizations (code);


CREATE INDEX "IX_organizations_kind" ON organizations (kind);


CREATE INDEX "IX_organizations_parent_id_name" ON organizations (parent_id, name);


CREATE UNIQUE INDEX "IX_organizations_path" ON organizations (path);


CREATE INDEX "IX_users_organization_id" ON users (organization_id);


CREATE INDEX "IX_users_scope_path_user_name" ON users (scope_path, user_name);


CREATE UNIQUE INDEX "IX_users_user_name" ON users (user_name);




-- The audit trail is append-only (R-PL-04): the database itself refuses edits and deletions.
CREATE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_entries is append-only';
END;
$$;

CREATE TRIGGER audit_entries_no_change BEFORE UPDATE OR DELETE ON audit_entries
FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only();

CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON audit_entries
FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only();
