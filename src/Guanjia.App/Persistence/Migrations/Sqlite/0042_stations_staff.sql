-- 0042: issue 14 part C (ADR 0042): a station's profile (kind, contractor, venue, services, communities, complaint channel, process,
-- brand project), the roster of staff with its training ledger (R-CA-02, R-CA-03, R-PS-04), the stations' activities (R-CA-10, 11, 14).

ALTER TABLE "civil_affairs_stations" ADD COLUMN "kind" TEXT NOT NULL DEFAULT 'CivilAffairsStation';
ALTER TABLE "civil_affairs_stations" ADD COLUMN "contractor_id" TEXT NULL REFERENCES "organizations" ("id") ON DELETE RESTRICT;
ALTER TABLE "civil_affairs_stations" ADD COLUMN "contact_name" TEXT NULL;
ALTER TABLE "civil_affairs_stations" ADD COLUMN "venue" TEXT NULL;
ALTER TABLE "civil_affairs_stations" ADD COLUMN "venue_use" TEXT NULL;
ALTER TABLE "civil_affairs_stations" ADD COLUMN "services" TEXT NULL;
ALTER TABLE "civil_affairs_stations" ADD COLUMN "complaint_channel" TEXT NULL;
ALTER TABLE "civil_affairs_stations" ADD COLUMN "service_process" TEXT NULL;
ALTER TABLE "civil_affairs_stations" ADD COLUMN "community_ids_json" TEXT NULL;
ALTER TABLE "civil_affairs_stations" ADD COLUMN "brand_project" TEXT NULL;
ALTER TABLE "civil_affairs_stations" ADD COLUMN "brand_indicators" TEXT NULL;

CREATE INDEX "IX_civil_affairs_stations_contractor_id" ON "civil_affairs_stations" ("contractor_id");

CREATE TABLE "station_activities" (
    "id" TEXT NOT NULL CONSTRAINT "PK_station_activities" PRIMARY KEY,
    "station_id" TEXT NOT NULL,
    "scope_path" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "on" TEXT NOT NULL,
    "time" TEXT NULL,
    "place" TEXT NULL,
    "description" TEXT NULL,
    "source" TEXT NULL,
    "created_at" INTEGER NOT NULL,
    CONSTRAINT "FK_station_activities_civil_affairs_stations_station_id" FOREIGN KEY ("station_id") REFERENCES "civil_affairs_stations" ("id") ON DELETE RESTRICT
);

CREATE TABLE "staff_members" (
    "id" TEXT NOT NULL CONSTRAINT "PK_staff_members" PRIMARY KEY,
    "role" TEXT NOT NULL,
    "station_id" TEXT NULL,
    "package_id" TEXT NULL,
    "employer_id" TEXT NOT NULL,
    "user_id" TEXT NULL,
    "scope_path" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "phone" TEXT NULL,
    "birth_date" TEXT NOT NULL,
    "education" TEXT NOT NULL,
    "local_hukou" INTEGER NOT NULL,
    "exceptions" TEXT NULL,
    "exception_reason" TEXT NULL,
    "hired_by_open_exam" INTEGER NOT NULL,
    "social_insurance" INTEGER NOT NULL,
    "filed_with_bureau_on" TEXT NULL,
    "since" TEXT NOT NULL,
    "until" TEXT NULL,
    "created_at" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "FK_staff_members_civil_affairs_stations_station_id" FOREIGN KEY ("station_id") REFERENCES "civil_affairs_stations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "FK_staff_members_organizations_employer_id" FOREIGN KEY ("employer_id") REFERENCES "organizations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "FK_staff_members_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE RESTRICT
);

CREATE TABLE "training_entries" (
    "id" TEXT NOT NULL CONSTRAINT "PK_training_entries" PRIMARY KEY,
    "staff_id" TEXT NOT NULL,
    "scope_path" TEXT NOT NULL,
    "on" TEXT NOT NULL,
    "hours" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "provider" TEXT NULL,
    "created_at" INTEGER NOT NULL,
    CONSTRAINT "FK_training_entries_staff_members_staff_id" FOREIGN KEY ("staff_id") REFERENCES "staff_members" ("id") ON DELETE RESTRICT
);

CREATE INDEX "IX_staff_members_employer_id" ON "staff_members" ("employer_id");

CREATE INDEX "IX_staff_members_package_id" ON "staff_members" ("package_id");

CREATE INDEX "IX_staff_members_station_id" ON "staff_members" ("station_id");

CREATE INDEX "IX_staff_members_user_id" ON "staff_members" ("user_id");

CREATE INDEX "IX_station_activities_station_id_on" ON "station_activities" ("station_id", "on");

CREATE INDEX "IX_training_entries_staff_id_on" ON "training_entries" ("staff_id", "on");
