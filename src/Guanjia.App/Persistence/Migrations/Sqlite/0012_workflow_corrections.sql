-- 0012: the rules as the documents say them (issue 12, ADR 0019). The village's policy check at filing (R-IN-05), where the
-- money comes from (R-MS-20), a platform left out of publicity (R-MS-11), the final accounts and audit (R-MS-19), the survey's
-- optional 其他 row and the evaluator a town commissions (R-MS-14, R-MS-18), a late campaign's reason (R-IN-02), a plan below
-- the allocation and the part of each plan item paid from matching funds (R-MS-17). The towns' yearly duties become rows on
-- the town's year: existing campaign deadlines move there.
ALTER TABLE "micro_projects" ADD COLUMN "policy_check_note" TEXT NULL;
ALTER TABLE "micro_projects" ADD COLUMN "funding" TEXT NULL;
ALTER TABLE "micro_projects" ADD COLUMN "funding_payer" TEXT NULL;
ALTER TABLE "micro_projects" ADD COLUMN "platform_override_reason" TEXT NULL;
ALTER TABLE "micro_projects" ADD COLUMN "final_accounts_fen" INTEGER NULL;
ALTER TABLE "micro_projects" ADD COLUMN "audit_body" TEXT NULL;
ALTER TABLE "micro_projects" ADD COLUMN "audit_result" TEXT NULL;
ALTER TABLE "micro_projects" ADD COLUMN "effect" TEXT NULL;
ALTER TABLE "micro_projects" ADD COLUMN "final_accounts_at" INTEGER NULL;
ALTER TABLE "micro_projects" ADD COLUMN "direct_route_reason" TEXT NULL;

ALTER TABLE "survey_responses" ADD COLUMN "other" TEXT NULL;
ALTER TABLE "survey_responses" ADD COLUMN "other_aspect" TEXT NULL;

CREATE TABLE "survey_commissions" (
    "id" TEXT NOT NULL CONSTRAINT "PK_survey_commissions" PRIMARY KEY,
    "project_id" TEXT NOT NULL,
    "evaluator_id" TEXT NOT NULL,
    "scope_path" TEXT NOT NULL,
    "note" TEXT NULL,
    "commissioned_at" INTEGER NOT NULL,
    "commissioned_by" TEXT NULL,
    "withdrawn_at" INTEGER NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "FK_survey_commissions_micro_projects_project_id" FOREIGN KEY ("project_id") REFERENCES "micro_projects" ("id") ON DELETE RESTRICT,
    CONSTRAINT "FK_survey_commissions_organizations_evaluator_id" FOREIGN KEY ("evaluator_id") REFERENCES "organizations" ("id") ON DELETE RESTRICT
);

CREATE INDEX "IX_survey_commissions_evaluator_id_withdrawn_at_commissioned_at" ON "survey_commissions" ("evaluator_id", "withdrawn_at", "commissioned_at");

CREATE INDEX "IX_survey_commissions_project_id_commissioned_at" ON "survey_commissions" ("project_id", "commissioned_at");

ALTER TABLE "collection_campaigns" ADD COLUMN "late_reason" TEXT NULL;

ALTER TABLE "annual_plans" ADD COLUMN "below_allocation_reason" TEXT NULL;

ALTER TABLE "annual_plan_items" ADD COLUMN "matching_fen" INTEGER NOT NULL DEFAULT 0;

UPDATE "annual_plan_items" SET "matching_fen" = "budget_fen" WHERE "funding" = 'MatchingFund';

-- The town's year: the year in hex in place of the town id's first eight digits (AnnualObligations.TownYearId).
UPDATE "deadlines" SET "subject_type" = 'TownYear', "subject_id" = (SELECT upper(printf('%08x', c."year")) || substr(c."town_id", 9)
    FROM "collection_campaigns" c WHERE c."id" = "deadlines"."subject_id")
WHERE "subject_type" = 'CollectionCampaign';
