-- 0010: paid amounts (ADR 0015). What the funds ledger paid to each project and wish, net of reversals, kept by the
-- ledger's posting in the same save; filled here from the ledger, and added to the statistics' covering indexes.
ALTER TABLE micro_projects ADD ledger_paid_fen bigint NOT NULL DEFAULT 0;

ALTER TABLE micro_wishes ADD ledger_paid_fen bigint NOT NULL DEFAULT 0;

UPDATE micro_projects p SET ledger_paid_fen = COALESCE((SELECT SUM(l.amount_fen) FROM fund_ledger_lines l
    JOIN fund_accounts a ON a.id = l.account_id WHERE a.kind = 'Expenditure' AND l.target_id = p.id), 0);

UPDATE micro_wishes w SET ledger_paid_fen = COALESCE((SELECT SUM(l.amount_fen) FROM fund_ledger_lines l
    JOIN fund_accounts a ON a.id = l.account_id WHERE a.kind = 'Expenditure' AND l.target_id = w.id), 0);

ALTER TABLE micro_projects ALTER COLUMN ledger_paid_fen DROP DEFAULT;

ALTER TABLE micro_wishes ALTER COLUMN ledger_paid_fen DROP DEFAULT;

DROP INDEX "IX_micro_projects_stats_town";

DROP INDEX "IX_micro_wishes_stats_town";

CREATE INDEX "IX_micro_projects_stats_town" ON micro_projects (town_id, created_month, village_id, category, route, state, budget_fen, actual_programme_fen, actual_village_fen, actual_social_fen, ledger_paid_fen);

CREATE INDEX "IX_micro_wishes_stats_town" ON micro_wishes (town_id, created_month, village_id, kind, route, state, requested_fen, amount_fen, paid_fen, ledger_paid_fen);
