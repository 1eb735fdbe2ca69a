-- 0007: the 莞家直达 claim board, claimants and their claims; one-time codes for verified phones and the texts
-- that carry them; the express form (R-RT-01) of projects and wishes.
ALTER TABLE "micro_projects" ADD COLUMN "express_form" TEXT NULL;
ALTER TABLE "micro_projects" ADD COLUMN "paired_unit" TEXT NULL;
ALTER TABLE "micro_wishes" ADD COLUMN "paired_unit" TEXT NULL;

CREATE TABLE "claim_items" (
    "id" TEXT NOT NULL CONSTRAINT "PK_claim_items" PRIMARY KEY,
    "number" TEXT NOT NULL,
    "subject_type" TEXT NOT NULL,
    "subject_id" TEXT NOT NULL,
    "subject_ref" TEXT NOT NULL,
    "appeal_id" TEXT NOT NULL,
    "town_id" TEXT NOT NULL,
    "village_id" TEXT NOT NULL,
    "scope_path" TEXT NOT NULL,
    "rules_version" INTEGER NOT NULL,
    "state" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "amount_fen" INTEGER NOT NULL,
    "allows_shares" INTEGER NOT NULL,
    "minimum_share_fen" INTEGER NULL,
    "claimed_fen" INTEGER NOT NULL,
    "confirmed_at" INTEGER NOT NULL,
    "published_at" INTEGER NULL,
    "window_from" INTEGER NULL,
    "window_to" INTEGER NULL,
    "platforms" TEXT NULL,
    "extra_channels" TEXT NULL,
    "notice_id" TEXT NULL,
    "claimed_at" INTEGER NULL,
    "connected_at" INTEGER NULL,
    "connection_note" TEXT NULL,
    "started_at" INTEGER NULL,
    "returned_at" INTEGER NULL,
    "created_at" INTEGER NOT NULL,
    "version" INTEGER NOT NULL
);

CREATE TABLE "claimants" (
    "id" TEXT NOT NULL CONSTRAINT "PK_claimants" PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "credit_code" TEXT NULL,
    "contact_name" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "phone_hash" TEXT NOT NULL,
    "verified_at" INTEGER NOT NULL,
    "created_at" INTEGER NOT NULL
);

CREATE TABLE "contact_messages" (
    "id" TEXT NOT NULL CONSTRAINT "PK_contact_messages" PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL,
    "created_at" INTEGER NOT NULL,
    "next_attempt_at" INTEGER NOT NULL,
    "sent_at" INTEGER NULL,
    "sender" TEXT NULL,
    "last_error" TEXT NULL,
    "locked_until" INTEGER NULL
);

CREATE TABLE "contact_verifications" (
    "id" TEXT NOT NULL CONSTRAINT "PK_contact_verifications" PRIMARY KEY,
    "purpose" TEXT NOT NULL,
    "phone_hash" TEXT NOT NULL,
    "code_hash" TEXT NOT NULL,
    "created_at" INTEGER NOT NULL,
    "expires_at" INTEGER NOT NULL,
    "attempts" INTEGER NOT NULL,
    "used_at" INTEGER NULL
);

CREATE TABLE "claims" (
    "id" TEXT NOT NULL CONSTRAINT "PK_claims" PRIMARY KEY,
    "item_id" TEXT NOT NULL,
    "claimant_id" TEXT NOT NULL,
    "amount_fen" INTEGER NOT NULL,
    "note" TEXT NULL,
    "claimed_at" INTEGER NOT NULL,
    CONSTRAINT "FK_claims_claim_items_item_id" FOREIGN KEY ("item_id") REFERENCES "claim_items" ("id") ON DELETE RESTRICT,
    CONSTRAINT "FK_claims_claimants_claimant_id" FOREIGN KEY ("claimant_id") REFERENCES "claimants" ("id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_claim_items_number" ON "claim_items" ("number");

CREATE INDEX "IX_claim_items_scope_path_created_at" ON "claim_items" ("scope_path", "created_at");

CREATE INDEX "IX_claim_items_state_window_to" ON "claim_items" ("state", "window_to");

CREATE UNIQUE INDEX "IX_claim_items_subject_id" ON "claim_items" ("subject_id");

CREATE INDEX "IX_claim_items_town_id_state" ON "claim_items" ("town_id", "state");

CREATE UNIQUE INDEX "IX_claimants_phone_hash_kind_name" ON "claimants" ("phone_hash", "kind", "name");

CREATE INDEX "IX_claims_claimant_id" ON "claims" ("claimant_id");

CREATE INDEX "IX_claims_item_id_claimed_at" ON "claims" ("item_id", "claimed_at");

CREATE INDEX "IX_contact_messages_state_next_attempt_at" ON "contact_messages" ("state", "next_attempt_at");

CREATE INDEX "IX_contact_verifications_phone_hash_purpose_created_at" ON "contact_verifications" ("phone_hash", "purpose", "created_at");
