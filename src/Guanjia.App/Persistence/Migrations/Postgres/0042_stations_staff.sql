-- 0042: issue 14 part C (ADR 0042): a station's profile (kind, contractor, venue, services, communities, complaint channel, process,
-- brand project), the roster of staff with its training ledger (R-CA-02, R-CA-03, R-PS-04), the stations' activities (R-CA-10, 11, 14).

ALTER TABLE civil_affairs_stations ADD COLUMN kind character varying(40) NOT NULL DEFAULT 'CivilAffairsStation';
ALTER TABLE civil_affairs_stations ADD COLUMN contractor_id uuid;
ALTER TABLE civil_affairs_stations ADD COLUMN contact_name character varying(64);
ALTER TABLE civil_affairs_stations ADD COLUMN venue character varying(200);
ALTER TABLE civil_affairs_stations ADD COLUMN venue_use character varying(1000);
ALTER TABLE civil_affairs_stations ADD COLUMN services character varying(2000);
ALTER TABLE civil_affairs_stations ADD COLUMN complaint_channel character varying(500);
ALTER TABLE civil_affairs_stations ADD COLUMN service_process character varying(2000);
ALTER TABLE civil_affairs_stations ADD COLUMN community_ids_json character varying(8000);
ALTER TABLE civil_affairs_stations ADD COLUMN brand_project character varying(200);
ALTER TABLE civil_affairs_stations ADD COLUMN brand_indicators character varying(2000);
ALTER TABLE civil_affairs_stations ADD CONSTRAINT "FK_civil_affairs_stations_organizations_contractor_id" FOREIGN KEY (contractor_id) REFERENCES organizations (id) ON DELETE RESTRICT;
ALTER TABLE civil_affairs_stations ALTER COLUMN kind DROP DEFAULT;

CREATE INDEX "IX_civil_affairs_stations_contractor_id" ON civil_affairs_stations (contractor_id);

CREATE TABLE station_activities (
    id uuid NOT NULL,
    station_id uuid NOT NULL,
    scope_path character varying(400) NOT NULL,
    kind character varying(40) NOT NULL,
    title character varying(200) NOT NULL,
    "on" date NOT NULL,
    time character varying(40),
    place character varying(200),
    description character varying(2000),
    source character varying(500),
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT "PK_station_activities" PRIMARY KEY (id),
    CONSTRAINT "FK_station_activities_civil_affairs_stations_station_id" FOREIGN KEY (station_id) REFERENCES civil_affairs_stations (id) ON DELETE RESTRICT
);

CREATE TABLE staff_members (
    id uuid NOT NULL,
    role character varying(40) NOT NULL,
    station_id uuid,
    package_id uuid,
    employer_id uuid NOT NULL,
    user_id uuid,
    scope_path character varying(400) NOT NULL,
    name character varying(64) NOT NULL,
    phone character varying(40),
    birth_date date NOT NULL,
    education character varying(40) NOT NULL,
    local_hukou boolean NOT NULL,
    exceptions character varying(200),
    exception_reason character varying(500),
    hired_by_open_exam boolean NOT NULL,
    social_insurance boolean NOT NULL,
    filed_with_bureau_on date,
    since date NOT NULL,
    until date,
    created_at timestamp with time zone NOT NULL,
    version integer NOT NULL,
    CONSTRAINT "PK_staff_members" PRIMARY KEY (id),
    CONSTRAINT "FK_staff_members_civil_affairs_stations_station_id" FOREIGN KEY (station_id) REFERENCES civil_affairs_stations (id) ON DELETE RESTRICT,
    CONSTRAINT "FK_staff_members_organizations_employer_id" FOREIGN KEY (employer_id) REFERENCES organizations (id) ON DELETE RESTRICT,
    CONSTRAINT "FK_staff_members_users_user_id" FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE RESTRICT
);

CREATE TABLE training_entries (
    id uuid NOT NULL,
    staff_id uuid NOT NULL,
    scope_path character varying(400) NOT NULL,
    "on" date NOT NULL,
    hours numeric(5,1) NOT NULL,
    kind character varying(40) NOT NULL,
    topic character varying(200) NOT NULL,
    provider character varying(100),
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT "PK_training_entries" PRIMARY KEY (id),
    CONSTRAINT "FK_training_entries_staff_members_staff_id" FOREIGN KEY (staff_id) REFERENCES staff_members (id) ON DELETE RESTRICT
);

CREATE INDEX "IX_staff_members_employer_id" ON staff_members (employer_id);

CREATE INDEX "IX_staff_members_package_id" ON staff_members (package_id);

CREATE INDEX "IX_staff_members_station_id" ON staff_members (station_id);

CREATE INDEX "IX_staff_members_user_id" ON staff_members (user_id);

CREATE INDEX "IX_station_activities_station_id_on" ON station_activities (station_id, "on");

CREATE INDEX "IX_training_entries_staff_id_on" ON training_entries (staff_id, "on");
