-- 0046: the beneficiaries' satisfaction survey of a purchased-service contract's third-party evaluation reuses the product's
-- survey responses (issue 14 §7, R-PS-06, ADR 0036): a response's subject is a micro project or a contract. SQLite cannot drop
-- a NOT NULL, so the table is rebuilt with its rows; nothing references it.
CREATE TABLE "survey_responses_new" (
    "id" TEXT NOT NULL CONSTRAINT "PK_survey_responses" PRIMARY KEY,
    "project_id" TEXT NULL,
    "contract_id" TEXT NULL,
    "scope_path" TEXT NOT NULL,
    "overall" TEXT NOT NULL,
    "quality" TEXT NOT NULL,
    "effect" TEXT NOT NULL,
    "attitude" TEXT NOT NULL,
    "efficiency" TEXT NOT NULL,
    "closeness" TEXT NOT NULL,
    "openness" TEXT NOT NULL,
    "other" TEXT NULL,
    "other_aspect" TEXT NULL,
    "suggestion" TEXT NULL,
    "signature" TEXT NULL,
    "online" INTEGER NOT NULL,
    "respondent_key_hash" TEXT NULL,
    "at" INTEGER NOT NULL,
    "entered_by_id" TEXT NULL,
    CONSTRAINT "FK_survey_responses_micro_projects_project_id" FOREIGN KEY ("project_id") REFERENCES "micro_projects" ("id") ON DELETE RESTRICT,
    CONSTRAINT "FK_survey_responses_service_contracts_contract_id" FOREIGN KEY ("contract_id") REFERENCES "service_contracts" ("id") ON DELETE RESTRICT,
    CONSTRAINT "CK_survey_responses_one_subject" CHECK (("project_id" IS NULL) <> ("contract_id" IS NULL))
);
INSERT INTO "survey_responses_new" ("id", "project_id", "contract_id", "scope_path", "overall", "quality", "effect", "attitude", "efficiency",
    "closeness", "openness", "other", "other_aspect", "suggestion", "signature", "online", "respondent_key_hash", "at", "entered_by_id")
SELECT "id", "project_id", NULL, "scope_path", "overall", "quality", "effect", "attitude", "efficiency",
    "closeness", "openness", "other", "other_aspect", "suggestion", "signature", "online", "respondent_key_hash", "at", "entered_by_id"
FROM "survey_responses";
DROP TABLE "survey_responses";
ALTER TABLE "survey_responses_new" RENAME TO "survey_responses";
CREATE INDEX "IX_survey_responses_project_id_at" ON "survey_responses" ("project_id", "at");
CREATE UNIQUE INDEX "IX_survey_responses_project_id_respondent_key_hash" ON "survey_responses" ("project_id", "respondent_key_hash");
CREATE INDEX "IX_survey_responses_contract_id_at" ON "survey_responses" ("contract_id", "at");
CREATE UNIQUE INDEX "IX_survey_responses_contract_id_respondent_key_hash" ON "survey_responses" ("contract_id", "respondent_key_hash");
