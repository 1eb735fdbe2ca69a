-- 0046: the beneficiaries' satisfaction survey of a purchased-service contract's third-party evaluation reuses the product's
-- survey responses (issue 14 §7, R-PS-06, ADR 0036): a response's subject is a micro project or a contract.
ALTER TABLE survey_responses ALTER COLUMN project_id DROP NOT NULL;
ALTER TABLE survey_responses ADD contract_id uuid;
ALTER TABLE survey_responses ADD CONSTRAINT "FK_survey_responses_service_contracts_contract_id"
    FOREIGN KEY (contract_id) REFERENCES service_contracts (id) ON DELETE RESTRICT;
ALTER TABLE survey_responses ADD CONSTRAINT "CK_survey_responses_one_subject" CHECK ((project_id IS NULL) <> (contract_id IS NULL));
CREATE INDEX "IX_survey_responses_contract_id_at" ON survey_responses (contract_id, at);
CREATE UNIQUE INDEX "IX_survey_responses_contract_id_respondent_key_hash" ON survey_responses (contract_id, respondent_key_hash);
