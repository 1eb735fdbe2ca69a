-- 0005: 莞家驿站 — stations, station items, procurement filings, publications, inclusive-service referrals, the social-work point directory (issue 4, R-ST).
CREATE TABLE "stations" (
    "id" TEXT NOT NULL CONSTRAINT "PK_stations" PRIMARY KEY,
    "village_id" TEXT NOT NULL,
    "town_id" TEXT NOT NULL,
    "scope_path" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "host_platform" TEXT NOT NULL,
    "host_platform_other" TEXT NULL,
    "address" TEXT NOT NULL,
    "head_name" TEXT NOT NULL,
    "head_phone" TEXT NOT NULL,
    "opening_hours" TEXT NULL,
    "service_forms" TEXT NOT NULL,
    "description" TEXT NULL,
    "operator_id" TEXT NULL,
    "is_active" INTEGER NOT NULL,
    "created_at" INTEGER NOT NULL,
    "updated_at" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "FK_stations_organizations_operator_id" FOREIGN KEY ("operator_id") REFERENCES "organizations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "FK_stations_organizations_village_id" FOREIGN KEY ("village_id") REFERENCES "organizations" ("id") ON DELETE RESTRICT
);

CREATE TABLE "station_items" (
    "id" TEXT NOT NULL CONSTRAINT "PK_station_items" PRIMARY KEY,
    "station_id" TEXT NOT NULL,
    "village_id" TEXT NOT NULL,
    "town_id" TEXT NOT NULL,
    "scope_path" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "content" TEXT NULL,
    "micro_project_id" TEXT NULL,
    "consulted_on" TEXT NOT NULL,
    "decided_by" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "service_forms" TEXT NOT NULL,
    "linked_resources" TEXT NULL,
    "candidate_contractors" TEXT NULL,
    "operator_invited" INTEGER NOT NULL,
    "operator_id" TEXT NULL,
    "operator_override_reason" TEXT NULL,
    "amount_fen" INTEGER NULL,
    "years" INTEGER NULL,
    "team_size" INTEGER NULL,
    "packaged_override_reason" TEXT NULL,
    "rules_version" INTEGER NOT NULL,
    "created_at" INTEGER NOT NULL,
    "updated_at" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "FK_station_items_organizations_operator_id" FOREIGN KEY ("operator_id") REFERENCES "organizations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "FK_station_items_stations_station_id" FOREIGN KEY ("station_id") REFERENCES "stations" ("id") ON DELETE RESTRICT
);

CREATE TABLE "procurement_filings" (
    "id" TEXT NOT NULL CONSTRAINT "PK_procurement_filings" PRIMARY KEY,
    "item_id" TEXT NOT NULL,
    "station_id" TEXT NOT NULL,
    "village_id" TEXT NOT NULL,
    "town_id" TEXT NOT NULL,
    "scope_path" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "method_other" TEXT NULL,
    "supplier_id" TEXT NULL,
    "supplier_name" TEXT NOT NULL,
    "amount_fen" INTEGER NOT NULL,
    "agreement_signed_on" TEXT NOT NULL,
    "agreement_attachment_id" TEXT NOT NULL,
    "opinion_text" TEXT NULL,
    "opinion_by" TEXT NULL,
    "opinion_on" TEXT NULL,
    "opinion_by_id" TEXT NULL,
    "opinion_at" INTEGER NULL,
    "filed_at" INTEGER NULL,
    "recorded_at" INTEGER NULL,
    "recorded_by_name" TEXT NULL,
    "record_note" TEXT NULL,
    "created_at" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "FK_procurement_filings_station_items_item_id" FOREIGN KEY ("item_id") REFERENCES "station_items" ("id") ON DELETE RESTRICT
);

CREATE TABLE "station_publications" (
    "id" TEXT NOT NULL CONSTRAINT "PK_station_publications" PRIMARY KEY,
    "item_id" TEXT NOT NULL,
    "station_id" TEXT NOT NULL,
    "village_id" TEXT NOT NULL,
    "town_id" TEXT NOT NULL,
    "scope_path" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "platforms" TEXT NOT NULL,
    "published_on" TEXT NOT NULL,
    "recorded_at" INTEGER NOT NULL,
    "recorded_by_name" TEXT NULL,
    CONSTRAINT "FK_station_publications_station_items_item_id" FOREIGN KEY ("item_id") REFERENCES "station_items" ("id") ON DELETE RESTRICT
);

CREATE TABLE "inclusive_service_referrals" (
    "id" TEXT NOT NULL CONSTRAINT "PK_inclusive_service_referrals" PRIMARY KEY,
    "station_id" TEXT NULL,
    "village_id" TEXT NOT NULL,
    "town_id" TEXT NOT NULL,
    "scope_path" TEXT NOT NULL,
    "social_work_point_id" TEXT NOT NULL,
    "appeal_id" TEXT NULL,
    "resident_name" TEXT NOT NULL,
    "resident_phone" TEXT NOT NULL,
    "service" TEXT NOT NULL,
    "need" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "referred_at" INTEGER NOT NULL,
    "referred_by_name" TEXT NULL,
    "served_from" TEXT NULL,
    "served_to" TEXT NULL,
    "service_summary" TEXT NULL,
    "served_recorded_at" INTEGER NULL,
    "filed_at" INTEGER NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "FK_inclusive_service_referrals_organizations_social_work_point_id" FOREIGN KEY ("social_work_point_id") REFERENCES "organizations" ("id") ON DELETE RESTRICT
);

CREATE TABLE "social_work_point_profiles" (
    "organization_id" TEXT NOT NULL CONSTRAINT "PK_social_work_point_profiles" PRIMARY KEY,
    "services" TEXT NOT NULL,
    "opening_hours" TEXT NULL,
    "contact_name" TEXT NULL,
    "contact_phone" TEXT NULL,
    "address" TEXT NULL,
    "note" TEXT NULL,
    "updated_at" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "FK_social_work_point_profiles_organizations_organization_id" FOREIGN KEY ("organization_id") REFERENCES "organizations" ("id") ON DELETE RESTRICT
);

CREATE INDEX "IX_stations_operator_id" ON "stations" ("operator_id");

CREATE INDEX "IX_stations_scope_path_name" ON "stations" ("scope_path", "name");

CREATE INDEX "IX_stations_town_id_is_active" ON "stations" ("town_id", "is_active");

CREATE INDEX "IX_stations_village_id_is_active" ON "stations" ("village_id", "is_active");

CREATE UNIQUE INDEX "IX_station_items_micro_project_id" ON "station_items" ("micro_project_id");

CREATE INDEX "IX_station_items_operator_id" ON "station_items" ("operator_id");

CREATE INDEX "IX_station_items_scope_path_created_at" ON "station_items" ("scope_path", "created_at");

CREATE INDEX "IX_station_items_station_id_created_at" ON "station_items" ("station_id", "created_at");

CREATE INDEX "IX_station_items_village_id_year" ON "station_items" ("village_id", "year");

CREATE UNIQUE INDEX "IX_procurement_filings_item_id" ON "procurement_filings" ("item_id");

CREATE INDEX "IX_procurement_filings_scope_path_created_at" ON "procurement_filings" ("scope_path", "created_at");

CREATE INDEX "IX_procurement_filings_town_id_state" ON "procurement_filings" ("town_id", "state");

CREATE UNIQUE INDEX "IX_station_publications_item_id_kind" ON "station_publications" ("item_id", "kind");

CREATE INDEX "IX_station_publications_recorded_at" ON "station_publications" ("recorded_at");

CREATE INDEX "IX_station_publications_town_id_recorded_at" ON "station_publications" ("town_id", "recorded_at");

CREATE INDEX "IX_inclusive_service_referrals_scope_path_referred_at" ON "inclusive_service_referrals" ("scope_path", "referred_at");

CREATE INDEX "IX_inclusive_service_referrals_social_work_point_id_referred_at" ON "inclusive_service_referrals" ("social_work_point_id", "referred_at");

CREATE INDEX "IX_inclusive_service_referrals_town_id_state" ON "inclusive_service_referrals" ("town_id", "state");
