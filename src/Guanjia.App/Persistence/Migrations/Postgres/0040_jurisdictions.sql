-- 0040: several jurisdictions (issue 14, ADR 0040). The organisation tree gets more than one root; the bureau's scope is
-- its jurisdiction's root path instead of "/", so accounts and tokens scoped "/" move to the root of their organisation
-- (and their sessions end: a new security stamp). Each jurisdiction keeps its own calendar (the rows there are copied to
-- every existing root), its programme rules and its configuration (programmes run, numbers of its rules) by version.
UPDATE users SET
    scope_path = (SELECT '/' || split_part(o.path, '/', 2) || '/' FROM organizations o WHERE o.id = users.organization_id),
    security_stamp = md5(random()::text || clock_timestamp()::text)
WHERE scope_path = '/';

UPDATE api_tokens SET
    scope_path = (SELECT '/' || split_part(o.path, '/', 2) || '/' FROM organizations o WHERE o.id = api_tokens.organization_id)
WHERE scope_path = '/';

ALTER TABLE calendar_days RENAME TO calendar_days_old;
ALTER TABLE calendar_days_old RENAME CONSTRAINT "PK_calendar_days" TO "PK_calendar_days_old";
DROP INDEX "IX_calendar_days_year";
CREATE TABLE calendar_days (
    jurisdiction_path character varying(400) NOT NULL,
    date date NOT NULL,
    kind character varying(40) NOT NULL,
    name character varying(40) NOT NULL,
    year integer NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT "PK_calendar_days" PRIMARY KEY (jurisdiction_path, date)
);
INSERT INTO calendar_days (jurisdiction_path, date, kind, name, year, updated_at)
SELECT r.path, d.date, d.kind, d.name, d.year, d.updated_at
FROM calendar_days_old d CROSS JOIN (SELECT path FROM organizations WHERE parent_id IS NULL) r;
DROP TABLE calendar_days_old;
CREATE INDEX "IX_calendar_days_jurisdiction_path_year" ON calendar_days (jurisdiction_path, year);

ALTER TABLE calendar_years RENAME TO calendar_years_old;
ALTER TABLE calendar_years_old RENAME CONSTRAINT "PK_calendar_years" TO "PK_calendar_years_old";
CREATE TABLE calendar_years (
    jurisdiction_path character varying(400) NOT NULL,
    year integer NOT NULL,
    notice character varying(100),
    updated_at timestamp with time zone NOT NULL,
    notice_issued_on date,
    shipped_hash character varying(64),
    edited_at timestamp with time zone,
    edited_by character varying(64),
    CONSTRAINT "PK_calendar_years" PRIMARY KEY (jurisdiction_path, year)
);
INSERT INTO calendar_years (jurisdiction_path, year, notice, updated_at, notice_issued_on, shipped_hash, edited_at, edited_by)
SELECT r.path, y.year, y.notice, y.updated_at, y.notice_issued_on, y.shipped_hash, y.edited_at, y.edited_by
FROM calendar_years_old y CROSS JOIN (SELECT path FROM organizations WHERE parent_id IS NULL) r;
DROP TABLE calendar_years_old;

-- Rules saved before there were several jurisdictions belong to the first; with no organisation yet they wait at "/"
-- and the first jurisdiction running 民生大莞家 adopts them at start.
ALTER TABLE programme_rules ADD COLUMN jurisdiction_path character varying(400) NOT NULL DEFAULT '/';
UPDATE programme_rules SET jurisdiction_path = COALESCE((SELECT MIN(path) FROM organizations WHERE parent_id IS NULL), '/');
CREATE INDEX "IX_programme_rules_jurisdiction_path_version" ON programme_rules (jurisdiction_path, version);

CREATE TABLE jurisdiction_rules (
    version integer NOT NULL,
    jurisdiction_path character varying(400) NOT NULL,
    rules_json text NOT NULL,
    effective_from timestamp with time zone NOT NULL,
    reason character varying(500) NOT NULL,
    created_by character varying(64),
    CONSTRAINT "PK_jurisdiction_rules" PRIMARY KEY (version)
);
CREATE INDEX "IX_jurisdiction_rules_jurisdiction_path_version" ON jurisdiction_rules (jurisdiction_path, version);
