-- 0001: organisation tree, accounts, API tokens, audit trail, working-day calendar (issue 2).
CREATE TABLE "audit_chain_lock" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_audit_chain_lock" PRIMARY KEY,
    "counter" INTEGER NOT NULL
);


CREATE TABLE "audit_entries" (
    "seq" INTEGER NOT NULL CONSTRAINT "PK_audit_entries" PRIMARY KEY,
    "at" INTEGER NOT NULL,
    "actor_id" TEXT NULL,
    "actor_name" TEXT NOT NULL,
    "actor_role" TEXT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "before" TEXT NULL,
    "after" TEXT NULL,
    "reason" TEXT NULL,
    "scope_path" TEXT NOT NULL,
    "prev_hash" TEXT NOT NULL,
    "hash" TEXT NOT NULL
);


CREATE TABLE "calendar_days" (
    "date" TEXT NOT NULL CONSTRAINT "PK_calendar_days" PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "updated_at" INTEGER NOT NULL
);


CREATE TABLE "calendar_years" (
    "year" INTEGER NOT NULL CONSTRAINT "PK_calendar_years" PRIMARY KEY,
    "notice" TEXT NULL,
    "updated_at" INTEGER NOT NULL
);


CREATE TABLE "organizations" (
    "id" TEXT NOT NULL CONSTRAINT "PK_organizations" PRIMARY KEY,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "name_en" TEXT NULL,
    "kind" TEXT NOT NULL,
    "parent_id" TEXT NULL,
    "path" TEXT NOT NULL,
    "economic_class" INTEGER NULL,
    "is_pilot" INTEGER NOT NULL,
    "function" TEXT NULL,
    "is_lead" INTEGER NOT NULL,
    "address" TEXT NULL,
    "phone" TEXT NULL,
    "is_active" INTEGER NOT NULL,
    "created_at" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "FK_organizations_organizations_parent_id" FOREIGN KEY ("parent_id") REFERENCES "organizations" ("id") ON DELETE RESTRICT
);


CREATE TABLE "api_tokens" (
    "id" TEXT NOT NULL CONSTRAINT "PK_api_tokens" PRIMARY KEY,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "scope_path" TEXT NOT NULL,
    "permissions" TEXT NOT NULL,
    "created_at" INTEGER NOT NULL,
    "created_by" TEXT NULL,
    "expires_at" INTEGER NULL,
    "revoked_at" INTEGER NULL,
    "last_used_at" INTEGER NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "FK_api_tokens_organizations_organization_id" FOREIGN KEY ("organization_id") REFERENCES "organizations" ("id") ON DELETE RESTRICT
);


CREATE TABLE "users" (
    "id" TEXT NOT NULL CONSTRAINT "PK_users" PRIMARY KEY,
    "user_name" TEXT NOT NULL,
    "display_name" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "scope_path" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "phone" TEXT NULL,
    "failed_sign_ins" INTEGER NOT NULL,
    "locked_until" INTEGER NULL,
    "last_sign_in_at" INTEGER NULL,
    "is_active" INTEGER NOT NULL,
    "security_stamp" TEXT NOT NULL,
    "created_at" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "FK_users_organizations_organization_id" FOREIGN KEY ("organization_id") REFERENCES "organizations" ("id") ON DELETE RESTRICT
);


INSERT INTO "audit_chain_lock" ("id", "counter")
VALUES (1, 0);
SELECT changes();



CREATE INDEX "IX_api_tokens_organization_id" ON "api_tokens" ("organization_id");


CREATE INDEX "IX_api_tokens_scope_path_created_at" ON "api_tokens" ("scope_path", "created_at");


CREATE UNIQUE INDEX "IX_api_tokens_token_hash" ON "api_tokens" ("token_hash");


CREATE INDEX "IX_audit_entries_actor_id_seq" ON "audit_entries" ("actor_id", "seq");


CREATE INDEX "IX_audit_entries_entity_type_entity_id_seq" ON "audit_entries" ("entity_type", "entity_id", "seq");


CREATE INDEX "IX_audit_entries_scope_path_seq" ON "audit_entries" ("scope_path", "seq");


CREATE INDEX "IX_calendar_days_year" ON "calendar_days" ("year");


CREATE UNIQUE INDEX "IX_organizations_code" ON "organizations" ("code");


CREATE INDEX "IX_organizations_kind" ON "organizations" ("kind");


CREATE INDEX "IX_organizations_parent_id_name" ON "organizations" ("parent_id", "name");


CREATE UNIQUE INDEX "IX_organizations_path" ON "organizations" ("path");


CREATE INDEX "IX_users_organization_id" ON "users" ("organization_id");


CREATE INDEX "IX_users_scope_path_user_name" ON "users" ("scope_path", "user_name");


CREATE UNIQUE INDEX "IX_users_user_name" ON "users" ("user_name");




-- The audit trail is append-only (R-PL-04): the database itself refuses edits and deletions.
CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON audit_entries
BEGIN SELECT RAISE(ABORT, 'audit_entries is append-only'); END;

CREATE TRIGGER audit_entries_no_delete BEFORE DELETE ON audit_entries
BEGIN SELECT RAISE(ABORT, 'audit_entries is append-only'); END;
