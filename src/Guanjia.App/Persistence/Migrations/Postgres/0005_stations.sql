-- 0005: 莞家驿站 — stations, station items, procurement filings, publications, inclusive-service referrals, the social-work point directory (issue 4, R-ST).
CREATE TABLE stations (
    id uuid NOT NULL,
    village_id uuid NOT NULL,
    town_id uuid NOT NULL,
    scope_path character varying(400) NOT NULL,
    name character varying(100) NOT NULL,
    host_platform character varying(40) NOT NULL,
    host_platform_other character varying(100),
    address character varying(200) NOT NULL,
    head_name character varying(50) NOT NULL,
    head_phone character varying(40) NOT NULL,
    opening_hours character varying(200),
    service_forms character varying(100) NOT NULL,
    description character varying(1000),
    operator_id uuid,
    is_active boolean NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    version integer NOT NULL,
    CONSTRAINT "PK_stations" PRIMARY KEY (id),
    CONSTRAINT "FK_stations_organizations_operator_id" FOREIGN KEY (operator_id) REFERENCES organizations (id) ON DELETE RESTRICT,
    CONSTRAINT "FK_stations_organizations_village_id" FOREIGN KEY (village_id) REFERENCES organizations (id) ON DELETE RESTRICT
);

CREATE TABLE station_items (
    id uuid NOT NULL,
    station_id uuid NOT NULL,
    village_id uuid NOT NULL,
    town_id uuid NOT NULL,
    scope_path character varying(400) NOT NULL,
    year integer NOT NULL,
    title character varying(100) NOT NULL,
    content character varying(2000),
    micro_project_id uuid,
    consulted_on date NOT NULL,
    decided_by character varying(40) NOT NULL,
    mode character varying(40) NOT NULL,
    service_forms character varying(100) NOT NULL,
    linked_resources character varying(100),
    candidate_contractors character varying(1100),
    operator_invited boolean NOT NULL,
    operator_id uuid,
    operator_override_reason character varying(500),
    amount_fen bigint,
    years integer,
    team_size integer,
    packaged_override_reason character varying(500),
    rules_version integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    version integer NOT NULL,
    CONSTRAINT "PK_station_items" PRIMARY KEY (id),
    CONSTRAINT "FK_station_items_organizations_operator_id" FOREIGN KEY (operator_id) REFERENCES organizations (id) ON DELETE RESTRICT,
    CONSTRAINT "FK_station_items_stations_station_id" FOREIGN KEY (station_id) REFERENCES stations (id) ON DELETE RESTRICT
);

CREATE TABLE procurement_filings (
    id uuid NOT NULL,
    item_id uuid NOT NULL,
    station_id uuid NOT NULL,
    village_id uuid NOT NULL,
    town_id uuid NOT NULL,
    scope_path character varying(400) NOT NULL,
    state character varying(40) NOT NULL,
    method character varying(40) NOT NULL,
    method_other character varying(100),
    supplier_id uuid,
    supplier_name character varying(100) NOT NULL,
    amount_fen bigint NOT NULL,
    agreement_signed_on date NOT NULL,
    agreement_attachment_id uuid NOT NULL,
    opinion_text character varying(2000),
    opinion_by character varying(50),
    opinion_on date,
    opinion_by_id uuid,
    opinion_at timestamp with time zone,
    filed_at timestamp with time zone,
    recorded_at timestamp with time zone,
    recorded_by_name character varying(64),
    record_note character varying(1000),
    created_at timestamp with time zone NOT NULL,
    version integer NOT NULL,
    CONSTRAINT "PK_procurement_filings" PRIMARY KEY (id),
    CONSTRAINT "FK_procurement_filings_station_items_item_id" FOREIGN KEY (item_id) REFERENCES station_items (id) ON DELETE RESTRICT
);

CREATE TABLE station_publications (
    id uuid NOT NULL,
    item_id uuid NOT NULL,
    station_id uuid NOT NULL,
    village_id uuid NOT NULL,
    town_id uuid NOT NULL,
    scope_path character varying(400) NOT NULL,
    kind character varying(40) NOT NULL,
    title character varying(200) NOT NULL,
    text character varying(4000) NOT NULL,
    platforms character varying(100) NOT NULL,
    published_on date NOT NULL,
    recorded_at timestamp with time zone NOT NULL,
    recorded_by_name character varying(64),
    CONSTRAINT "PK_station_publications" PRIMARY KEY (id),
    CONSTRAINT "FK_station_publications_station_items_item_id" FOREIGN KEY (item_id) REFERENCES station_items (id) ON DELETE RESTRICT
);

CREATE TABLE inclusive_service_referrals (
    id uuid NOT NULL,
    station_id uuid,
    village_id uuid NOT NULL,
    town_id uuid NOT NULL,
    scope_path character varying(400) NOT NULL,
    social_work_point_id uuid NOT NULL,
    appeal_id uuid,
    resident_name character varying(50) NOT NULL,
    resident_phone character varying(40) NOT NULL,
    service character varying(40) NOT NULL,
    need character varying(2000) NOT NULL,
    state character varying(40) NOT NULL,
    referred_at timestamp with time zone NOT NULL,
    referred_by_name character varying(64),
    served_from date,
    served_to date,
    service_summary character varying(2000),
    served_recorded_at timestamp with time zone,
    filed_at timestamp with time zone,
    version integer NOT NULL,
    CONSTRAINT "PK_inclusive_service_referrals" PRIMARY KEY (id),
    CONSTRAINT "FK_inclusive_service_referrals_organizations_social_work_point~" FOREIGN KEY (social_work_point_id) REFERENCES organizations (id) ON DELETE RESTRICT
);

CREATE TABLE social_work_point_profiles (
    organization_id uuid NOT NULL,
    services character varying(400) NOT NULL,
    opening_hours character varying(200),
    contact_name character varying(50),
    contact_phone character varying(40),
    address character varying(200),
    note character varying(1000),
    updated_at timestamp with time zone NOT NULL,
    version integer NOT NULL,
    CONSTRAINT "PK_social_work_point_profiles" PRIMARY KEY (organization_id),
    CONSTRAINT "FK_social_work_point_profiles_organizations_organization_id" FOREIGN KEY (organization_id) REFERENCES organizations (id) ON DELETE RESTRICT
);

CREATE INDEX "IX_stations_operator_id" ON stations (operator_id);

CREATE INDEX "IX_stations_scope_path_name" ON stations (scope_path, name);

CREATE INDEX "IX_stations_town_id_is_active" ON stations (town_id, is_active);

CREATE INDEX "IX_stations_village_id_is_active" ON stations (village_id, is_active);

CREATE UNIQUE INDEX "IX_station_items_micro_project_id" ON station_items (micro_project_id);

CREATE INDEX "IX_station_items_operator_id" ON station_items (operator_id);

CREATE INDEX "IX_station_items_scope_path_created_at" ON station_items (scope_path, created_at);

CREATE INDEX "IX_station_items_station_id_created_at" ON station_items (station_id, created_at);

CREATE INDEX "IX_station_items_village_id_year" ON station_items (village_id, year);

CREATE UNIQUE INDEX "IX_procurement_filings_item_id" ON procurement_filings (item_id);

CREATE INDEX "IX_procurement_filings_scope_path_created_at" ON procurement_filings (scope_path, created_at);

CREATE INDEX "IX_procurement_filings_town_id_state" ON procurement_filings (town_id, state);

CREATE UNIQUE INDEX "IX_station_publications_item_id_kind" ON station_publications (item_id, kind);

CREATE INDEX "IX_station_publications_recorded_at" ON station_publications (recorded_at);

CREATE INDEX "IX_station_publications_town_id_recorded_at" ON station_publications (town_id, recorded_at);

CREATE INDEX "IX_inclusive_service_referrals_scope_path_referred_at" ON inclusive_service_referrals (scope_path, referred_at);

CREATE INDEX "IX_inclusive_service_referrals_social_work_point_id_referred_at" ON inclusive_service_referrals (social_work_point_id, referred_at);

CREATE INDEX "IX_inclusive_service_referrals_town_id_state" ON inclusive_service_referrals (town_id, state);
