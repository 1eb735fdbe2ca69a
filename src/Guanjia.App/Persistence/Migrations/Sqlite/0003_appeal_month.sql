-- 0003: the local month an appeal was received, for statistics by month; an index for projects by town and state.
ALTER TABLE "appeals" ADD COLUMN "received_month" INTEGER NOT NULL DEFAULT 0;

-- received_at is UTC ticks; +8 h gives the Beijing month.
UPDATE "appeals" SET "received_month" =
    CAST(strftime('%Y%m', ("received_at" - 621355968000000000) / 10000000 + 28800, 'unixepoch') AS INTEGER);

CREATE INDEX "IX_appeals_received_month_channel" ON "appeals" ("received_month", "channel");

CREATE INDEX "IX_appeals_town_id_received_month" ON "appeals" ("town_id", "received_month");

CREATE INDEX "IX_micro_projects_town_id_state" ON "micro_projects" ("town_id", "state");
