-- 0009: statistics (ADR 0015). The local month a project or wish was made, and covering indexes for the GROUP BYs.
ALTER TABLE "micro_projects" ADD COLUMN "created_month" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "micro_wishes" ADD COLUMN "created_month" INTEGER NOT NULL DEFAULT 0;

-- created_at is UTC ticks; +8 h gives the Beijing month.
UPDATE "micro_projects" SET "created_month" =
    CAST(strftime('%Y%m', ("created_at" - 621355968000000000) / 10000000 + 28800, 'unixepoch') AS INTEGER);

UPDATE "micro_wishes" SET "created_month" =
    CAST(strftime('%Y%m', ("created_at" - 621355968000000000) / 10000000 + 28800, 'unixepoch') AS INTEGER);

CREATE INDEX "IX_appeals_stats_month" ON "appeals" ("received_month", "town_id", "village_id", "channel", "category", "state");

CREATE INDEX "IX_appeals_stats_town" ON "appeals" ("town_id", "received_month", "village_id", "channel", "category", "state");

CREATE INDEX "IX_deadlines_stats_due" ON "deadlines" ("due_at", "responsible_org_id", "obligation", "is_open", "met_late");

CREATE INDEX "IX_micro_projects_stats_town" ON "micro_projects" ("town_id", "created_month", "village_id", "category", "route", "state", "budget_fen", "actual_programme_fen", "actual_village_fen", "actual_social_fen");

CREATE INDEX "IX_micro_wishes_stats_town" ON "micro_wishes" ("town_id", "created_month", "village_id", "kind", "route", "state", "requested_fen", "amount_fen", "paid_fen");
