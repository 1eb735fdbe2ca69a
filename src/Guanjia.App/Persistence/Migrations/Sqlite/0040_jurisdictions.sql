-- 0040: several jurisdictions (issue 14, ADR 0040). The organisation tree gets more than one root; the bureau's scope is
-- its jurisdiction's root path instead of "/", so accounts and tokens scoped "/" move to the root of their organisation
-- (and their sessions end: a new security stamp). Each jurisdiction keeps its own calendar (the rows there are copied to
-- every existing root), its programme rules and its configuration (programmes run, numbers of its rules) by version.
UPDATE "users" SET
    "scope_path" = (SELECT substr(o."path", 1, instr(substr(o."path", 2), '/') + 1) FROM "organizations" o WHERE o."id" = "users"."organization_id"),
    "security_stamp" = lower(hex(randomblob(16)))
WHERE "scope_path" = '/';

UPDATE "api_tokens" SET
    "scope_path" = (SELECT substr(o."path", 1, instr(substr(o."path", 2), '/') + 1) FROM "organizations" o WHERE o."id" = "api_tokens"."organization_id")
WHERE "scope_path" = '/';

CREATE TABLE "calendar_days_new" (
    "jurisdiction_path" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "updated_at" INTEGER NOT NULL,
    CONSTRAINT "PK_calendar_days" PRIMARY KEY ("jurisdiction_path", "date")
);
INSERT INTO "calendar_days_new" ("jurisdiction_path", "date", "kind", "name", "year", "updated_at")
SELECT r."path", d."date", d."kind", d."name", d."year", d."updated_at"
FROM "calendar_days" d CROSS JOIN (SELECT "path" FROM "organizations" WHERE "parent_id" IS NULL) r;
DROP TABLE "calendar_days";
ALTER TABLE "calendar_days_new" RENAME TO "calendar_days";
CREATE INDEX "IX_calendar_days_jurisdiction_path_year" ON "calendar_days" ("jurisdiction_path", "year");

CREATE TABLE "calendar_years_new" (
    "jurisdiction_path" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "notice" TEXT NULL,
    "updated_at" INTEGER NOT NULL,
    "notice_issued_on" TEXT NULL,
    "shipped_hash" TEXT NULL,
    "edited_at" INTEGER NULL,
    "edited_by" TEXT NULL,
    CONSTRAINT "PK_calendar_years" PRIMARY KEY ("jurisdiction_path", "year")
);
INSERT INTO "calendar_years_new" ("jurisdiction_path", "year", "notice", "updated_at", "notice_issued_on", "shipped_hash", "edited_at", "edited_by")
SELECT r."path", y."year", y."notice", y."updated_at", y."notice_issued_on", y."shipped_hash", y."edited_at", y."edited_by"
FROM "calendar_years" y CROSS JOIN (SELECT "path" FROM "organizations" WHERE "parent_id" IS NULL) r;
DROP TABLE "calendar_years";
ALTER TABLE "calendar_years_new" RENAME TO "calendar_years";

-- Rules saved before there were several jurisdictions belong to the first; with no organisation yet they wait at "/"
-- and the first jurisdiction running 民生大莞家 adopts them at start.
ALTER TABLE "programme_rules" ADD COLUMN "jurisdiction_path" TEXT NOT NULL DEFAULT '/';
UPDATE "programme_rules" SET "jurisdiction_path" = COALESCE((SELECT MIN("path") FROM "organizations" WHERE "parent_id" IS NULL), '/');
CREATE INDEX "IX_programme_rules_jurisdiction_path_version" ON "programme_rules" ("jurisdiction_path", "version");

CREATE TABLE "jurisdiction_rules" (
    "version" INTEGER NOT NULL CONSTRAINT "PK_jurisdiction_rules" PRIMARY KEY,
    "jurisdiction_path" TEXT NOT NULL,
    "rules_json" TEXT NOT NULL,
    "effective_from" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "created_by" TEXT NULL
);
CREATE INDEX "IX_jurisdiction_rules_jurisdiction_path_version" ON "jurisdiction_rules" ("jurisdiction_path", "version");
