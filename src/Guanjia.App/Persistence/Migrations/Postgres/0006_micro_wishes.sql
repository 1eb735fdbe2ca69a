-- 0006: micro-wishes (R-MW, issue 4) and the appeal's link to its wish.
ALTER TABLE appeals ADD micro_wish_id uuid NULL;

CREATE TABLE micro_wishes (
    id uuid NOT NULL,
    number character varying(20) NOT NULL,
    appeal_id uuid NOT NULL,
    village_id uuid NOT NULL,
    town_id uuid NOT NULL,
    scope_path character varying(400) NOT NULL,
    rules_version integer NOT NULL,
    state character varying(40) NOT NULL,
    kind character varying(40) NOT NULL,
    target_group character varying(40),
    assistance_type character varying(40),
    service_type character varying(40),
    need character varying(200) NOT NULL,
    requested_fen bigint,
    beneficiary_name character varying(50),
    beneficiary_id_number character varying(18),
    household character varying(500),
    verified_at timestamp with time zone,
    check_authentic boolean,
    check_reasonable boolean,
    check_budget boolean,
    verification_note character varying(1000),
    departments character varying(200),
    decided_at timestamp with time zone,
    decision_body character varying(20),
    participants character varying(1000),
    route character varying(40),
    amount_fen bigint,
    express_form character varying(40),
    assistance_form character varying(200),
    completed_at timestamp with time zone,
    paid_fen bigint,
    outcome character varying(1000),
    closed_at timestamp with time zone,
    created_at timestamp with time zone NOT NULL,
    version integer NOT NULL,
    CONSTRAINT "PK_micro_wishes" PRIMARY KEY (id),
    CONSTRAINT "FK_micro_wishes_appeals_appeal_id" FOREIGN KEY (appeal_id) REFERENCES appeals (id) ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_micro_wishes_appeal_id" ON micro_wishes (appeal_id);

CREATE UNIQUE INDEX "IX_micro_wishes_number" ON micro_wishes (number);

CREATE INDEX "IX_micro_wishes_scope_path_created_at" ON micro_wishes (scope_path, created_at);

CREATE INDEX "IX_micro_wishes_town_id_state" ON micro_wishes (town_id, state);
