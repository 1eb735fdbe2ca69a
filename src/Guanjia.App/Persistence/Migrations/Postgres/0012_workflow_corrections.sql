-- 0012: the rules as the documents say them (issue 12, ADR 0019). The village's policy check at filing (R-IN-05), where the
-- money comes from (R-MS-20), a platform left out of publicity (R-MS-11), the final accounts and audit (R-MS-19), the survey's
-- optional 其他 row and the evaluator a town commissions (R-MS-14, R-MS-18), a late campaign's reason (R-IN-02), a plan below
-- the allocation and the part of each plan item paid from matching funds (R-MS-17). The towns' yearly duties become rows on
-- the town's year: existing campaign deadlines move there.
ALTER TABLE micro_projects ADD policy_check_note character varying(1000);
ALTER TABLE micro_projects ADD funding character varying(40);
ALTER TABLE micro_projects ADD funding_payer character varying(100);
ALTER TABLE micro_projects ADD platform_override_reason character varying(500);
ALTER TABLE micro_projects ADD final_accounts_fen bigint;
ALTER TABLE micro_projects ADD audit_body character varying(100);
ALTER TABLE micro_projects ADD audit_result character varying(2000);
ALTER TABLE micro_projects ADD effect character varying(2000);
ALTER TABLE micro_projects ADD final_accounts_at timestamp with time zone;
ALTER TABLE micro_projects ADD direct_route_reason character varying(500);

ALTER TABLE survey_responses ADD other character varying(40);
ALTER TABLE survey_responses ADD other_aspect character varying(50);

CREATE TABLE survey_commissions (
    id uuid NOT NULL,
    project_id uuid NOT NULL,
    evaluator_id uuid NOT NULL,
    scope_path character varying(400) NOT NULL,
    note character varying(500),
    commissioned_at timestamp with time zone NOT NULL,
    commissioned_by character varying(64),
    withdrawn_at timestamp with time zone,
    version integer NOT NULL,
    CONSTRAINT "PK_survey_commissions" PRIMARY KEY (id),
    CONSTRAINT "FK_survey_commissions_micro_projects_project_id" FOREIGN KEY (project_id) REFERENCES micro_projects (id) ON DELETE RESTRICT,
    CONSTRAINT "FK_survey_commissions_organizations_evaluator_id" FOREIGN KEY (evaluator_id) REFERENCES organizations (id) ON DELETE RESTRICT
);

CREATE INDEX "IX_survey_commissions_evaluator_id_withdrawn_at_commissioned_at" ON survey_commissions (evaluator_id, withdrawn_at, commissioned_at);

CREATE INDEX "IX_survey_commissions_project_id_commissioned_at" ON survey_commissions (project_id, commissioned_at);

ALTER TABLE collection_campaigns ADD late_reason character varying(500);

ALTER TABLE annual_plans ADD below_allocation_reason character varying(500);

ALTER TABLE annual_plan_items ADD matching_fen bigint NOT NULL DEFAULT 0;

UPDATE annual_plan_items SET matching_fen = budget_fen WHERE funding = 'MatchingFund';

ALTER TABLE annual_plan_items ALTER COLUMN matching_fen DROP DEFAULT;

-- The town's year: the year in hex in place of the town id's first eight digits (AnnualObligations.TownYearId).
UPDATE deadlines d SET subject_type = 'TownYear', subject_id = (lpad(to_hex(c.year), 8, '0') || substr(c.town_id::text, 9))::uuid
FROM collection_campaigns c WHERE c.id = d.subject_id AND d.subject_type = 'CollectionCampaign';
