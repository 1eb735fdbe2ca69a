-- 0004: the current livelihood policy list and referrals to departments (R-IN-05, issue 4).
CREATE TABLE "policies" (
    "id" TEXT NOT NULL CONSTRAINT "PK_policies" PRIMARY KEY,
    "name" TEXT NOT NULL,
    "department" TEXT NOT NULL,
    "department_org_id" TEXT NULL,
    "contact" TEXT NOT NULL,
    "covers" TEXT NOT NULL,
    "keywords" TEXT NOT NULL,
    "is_active" INTEGER NOT NULL,
    "updated_at" INTEGER NOT NULL,
    "version" INTEGER NOT NULL
);

CREATE TABLE "policy_referrals" (
    "id" TEXT NOT NULL CONSTRAINT "PK_policy_referrals" PRIMARY KEY,
    "appeal_id" TEXT NOT NULL,
    "subject_type" TEXT NOT NULL,
    "subject_id" TEXT NOT NULL,
    "subject_ref" TEXT NOT NULL,
    "scope_path" TEXT NOT NULL,
    "policy_id" TEXT NULL,
    "department" TEXT NOT NULL,
    "contact" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "referred_at" INTEGER NOT NULL,
    "referred_by" TEXT NULL,
    "accepted_at" INTEGER NULL,
    "handler" TEXT NULL,
    "result_at" INTEGER NULL,
    "result" TEXT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "FK_policy_referrals_appeals_appeal_id" FOREIGN KEY ("appeal_id") REFERENCES "appeals" ("id") ON DELETE RESTRICT
);

CREATE INDEX "IX_policies_is_active_name" ON "policies" ("is_active", "name");

CREATE UNIQUE INDEX "IX_policies_name" ON "policies" ("name");

CREATE INDEX "IX_policy_referrals_appeal_id" ON "policy_referrals" ("appeal_id");

CREATE INDEX "IX_policy_referrals_scope_path_referred_at" ON "policy_referrals" ("scope_path", "referred_at");

CREATE INDEX "IX_policy_referrals_state_referred_at" ON "policy_referrals" ("state", "referred_at");
