-- 0007: the 莞家直达 claim board, claimants and their claims; one-time codes for verified phones and the texts
-- that carry them; the express form (R-RT-01) of projects and wishes.
ALTER TABLE micro_projects ADD COLUMN express_form character varying(40);
ALTER TABLE micro_projects ADD COLUMN paired_unit character varying(100);
ALTER TABLE micro_wishes ADD COLUMN paired_unit character varying(100);

CREATE TABLE claim_items (
    id uuid NOT NULL,
    number character varying(20) NOT NULL,
    subject_type character varying(20) NOT NULL,
    subject_id uuid NOT NULL,
    subject_ref character varying(20) NOT NULL,
    appeal_id uuid NOT NULL,
    town_id uuid NOT NULL,
    village_id uuid NOT NULL,
    scope_path character varying(400) NOT NULL,
    rules_version integer NOT NULL,
    state character varying(40) NOT NULL,
    title character varying(200) NOT NULL,
    summary character varying(2000) NOT NULL,
    amount_fen bigint NOT NULL,
    allows_shares boolean NOT NULL,
    minimum_share_fen bigint,
    claimed_fen bigint NOT NULL,
    confirmed_at timestamp with time zone NOT NULL,
    published_at timestamp with time zone,
    window_from timestamp with time zone,
    window_to timestamp with time zone,
    platforms character varying(200),
    extra_channels character varying(500),
    notice_id uuid,
    claimed_at timestamp with time zone,
    connected_at timestamp with time zone,
    connection_note character varying(1000),
    started_at timestamp with time zone,
    returned_at timestamp with time zone,
    created_at timestamp with time zone NOT NULL,
    version integer NOT NULL,
    CONSTRAINT "PK_claim_items" PRIMARY KEY (id)
);

CREATE TABLE claimants (
    id uuid NOT NULL,
    kind character varying(40) NOT NULL,
    name character varying(100) NOT NULL,
    credit_code character varying(18),
    contact_name character varying(50) NOT NULL,
    phone character varying(20) NOT NULL,
    phone_hash character varying(64) NOT NULL,
    verified_at timestamp with time zone NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT "PK_claimants" PRIMARY KEY (id)
);

CREATE TABLE contact_messages (
    id uuid NOT NULL,
    kind character varying(40) NOT NULL,
    recipient character varying(20) NOT NULL,
    body character varying(500) NOT NULL,
    state character varying(40) NOT NULL,
    attempts integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    next_attempt_at timestamp with time zone NOT NULL,
    sent_at timestamp with time zone,
    sender character varying(64),
    last_error character varying(400),
    locked_until timestamp with time zone,
    CONSTRAINT "PK_contact_messages" PRIMARY KEY (id)
);

CREATE TABLE contact_verifications (
    id uuid NOT NULL,
    purpose character varying(40) NOT NULL,
    phone_hash character varying(64) NOT NULL,
    code_hash character varying(64) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    attempts integer NOT NULL,
    used_at timestamp with time zone,
    CONSTRAINT "PK_contact_verifications" PRIMARY KEY (id)
);

CREATE TABLE claims (
    id uuid NOT NULL,
    item_id uuid NOT NULL,
    claimant_id uuid NOT NULL,
    amount_fen bigint NOT NULL,
    note character varying(500),
    claimed_at timestamp with time zone NOT NULL,
    CONSTRAINT "PK_claims" PRIMARY KEY (id),
    CONSTRAINT "FK_claims_claim_items_item_id" FOREIGN KEY (item_id) REFERENCES claim_items (id) ON DELETE RESTRICT,
    CONSTRAINT "FK_claims_claimants_claimant_id" FOREIGN KEY (claimant_id) REFERENCES claimants (id) ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_claim_items_number" ON claim_items (number);

CREATE INDEX "IX_claim_items_scope_path_created_at" ON claim_items (scope_path, created_at);

CREATE INDEX "IX_claim_items_state_window_to" ON claim_items (state, window_to);

CREATE UNIQUE INDEX "IX_claim_items_subject_id" ON claim_items (subject_id);

CREATE INDEX "IX_claim_items_town_id_state" ON claim_items (town_id, state);

CREATE UNIQUE INDEX "IX_claimants_phone_hash_kind_name" ON claimants (phone_hash, kind, name);

CREATE INDEX "IX_claims_claimant_id" ON claims (claimant_id);

CREATE INDEX "IX_claims_item_id_claimed_at" ON claims (item_id, claimed_at);

CREATE INDEX "IX_contact_messages_state_next_attempt_at" ON contact_messages (state, next_attempt_at);

CREATE INDEX "IX_contact_verifications_phone_hash_purpose_created_at" ON contact_verifications (phone_hash, purpose, created_at);
