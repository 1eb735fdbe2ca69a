-- 0003: the local month an appeal was received, for statistics by month; an index for projects by town and state.
ALTER TABLE appeals ADD received_month integer NOT NULL DEFAULT 0;

UPDATE appeals SET received_month = to_char(received_at AT TIME ZONE 'Asia/Shanghai', 'YYYYMM')::integer;

ALTER TABLE appeals ALTER COLUMN received_month DROP DEFAULT;

CREATE INDEX "IX_appeals_received_month_channel" ON appeals (received_month, channel);

CREATE INDEX "IX_appeals_town_id_received_month" ON appeals (town_id, received_month);

CREATE INDEX "IX_micro_projects_town_id_state" ON micro_projects (town_id, state);
