-- 0006: micro-wishes (R-MW, issue 4) and the appeal's link to its wish.
ALTER TABLE "appeals" ADD COLUMN "micro_wish_id" TEXT NULL;

CREATE TABLE "micro_wishes" (
    "id" TEXT NOT NULL CONSTRAINT "PK_micro_wishes" PRIMARY KEY,
    "number" TEXT NOT NULL,
    "appeal_id" TEXT NOT NULL,
    "village_id" TEXT NOT NULL,
    "town_id" TEXT NOT NULL,
    "scope_path" TEXT NOT NULL,
    "rules_version" INTEGER NOT NULL,
    "state" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "target_group" TEXT NULL,
    "assistance_type" TEXT NULL,
    "service_type" TEXT NULL,
    "need" TEXT NOT NULL,
    "requested_fen" INTEGER NULL,
    "beneficiary_name" TEXT NULL,
    "beneficiary_id_number" TEXT NULL,
    "household" TEXT NULL,
    "verified_at" INTEGER NULL,
    "check_authentic" INTEGER NULL,
    "check_reasonable" INTEGER NULL,
    "check_budget" INTEGER NULL,
    "verification_note" TEXT NULL,
    "departments" TEXT NULL,
    "decided_at" INTEGER NULL,
    "decision_body" TEXT NULL,
    "participants" TEXT NULL,
    "route" TEXT NULL,
    "amount_fen" INTEGER NULL,
    "express_form" TEXT NULL,
    "assistance_form" TEXT NULL,
    "completed_at" INTEGER NULL,
    "paid_fen" INTEGER NULL,
    "outcome" TEXT NULL,
    "closed_at" INTEGER NULL,
    "created_at" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "FK_micro_wishes_appeals_appeal_id" FOREIGN KEY ("appeal_id") REFERENCES "appeals" ("id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_micro_wishes_appeal_id" ON "micro_wishes" ("appeal_id");

CREATE UNIQUE INDEX "IX_micro_wishes_number" ON "micro_wishes" ("number");

CREATE INDEX "IX_micro_wishes_scope_path_created_at" ON "micro_wishes" ("scope_path", "created_at");

CREATE INDEX "IX_micro_wishes_town_id_state" ON "micro_wishes" ("town_id", "state");
