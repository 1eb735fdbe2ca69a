-- Bulk load for the civil-affairs bench (issue 13): :people case files (one household each) spread evenly over every village
-- and community of the demo tree, a visit per person per month for the :months months before the current one (1 in 33
-- missed, 1 in 33 visited twice, so :months × :people visits), the current month partly visited, and the monthly visit
-- deadline of every month (met by the visit, or open and missing). generate_series straight into the tables: no audit
-- entries, placeholder ciphertexts (nothing here is decrypted by the measured endpoints). Secondary indexes are dropped
-- for the load and rebuilt after it, as a bulk import would. Run by bench/casework.sh.
\set ON_ERROR_STOP on
SET maintenance_work_mem = '512MB';
SET synchronous_commit = off;

CREATE TEMP TABLE v AS
    SELECT (row_number() OVER (ORDER BY code)) - 1 AS n, id, parent_id, path
    FROM organizations WHERE kind IN ('Village', 'Community') AND is_active;
SELECT count(*) AS nv FROM v \gset
SELECT id AS worker FROM users WHERE user_name = 'dongcheng.worker' \gset
SELECT id AS dongcheng FROM organizations WHERE name = '东城街道' \gset
SELECT date_trunc('month', now() AT TIME ZONE 'Asia/Shanghai')::date AS this_month \gset
\echo villages :nv, current month :this_month

DROP INDEX IF EXISTS "IX_visits_case_file_id_visited_at", "IX_visits_month_visited_at_id", "IX_visits_town_id_month_visited_at_id",
    "IX_visits_village_id_month_visited_at_id", "IX_visits_worker_user_id_client_key";
DROP INDEX IF EXISTS "IX_deadlines_is_open_due_at", "IX_deadlines_is_open_warn_at", "IX_deadlines_responsible_org_id_is_open_due_at",
    "IX_deadlines_scope_path_is_open_due_at", "IX_deadlines_stats_due", "IX_deadlines_subject_id_is_open";
DROP INDEX IF EXISTS "IX_case_files_scope_path_name", "IX_case_files_village_id_status_name", "IX_case_files_assigned_worker_id_status",
    "IX_case_files_is_dispersed_extremely_poor_status_last_home_vis~", "IX_case_files_household_id", "IX_case_files_document_hash",
    "IX_case_files_active_document_hash", "IX_case_files_number";

\echo households and files
INSERT INTO case_households (id, village_id, town_id, scope_path, address, under_dynamic_adjustment, created_at, version)
SELECT ('00000000-0000-4000-8000-' || lpad(to_hex(g), 12, '0'))::uuid, v.id, v.parent_id, v.path, '压测地址' || g, g % 10 = 0, now(), 0
FROM generate_series(1, :people) g JOIN v ON v.n = g % :nv;

INSERT INTO case_files (id, number, household_id, relation, village_id, town_id, scope_path, name, document_kind, document_cipher, document_hash,
    active_document_hash, document_masked, sex, birth_date, phone, local_hukou, address, health_cipher, disability_grade, self_care, care_level,
    status, status_changed_on, status_note, registered_on, registered_at, assigned_worker_id, is_dispersed_extremely_poor, is_extremely_poor,
    last_visit_at, last_home_visit_at, last_assessed_on, screening_id, version)
SELECT ('10000000-0000-4000-8000-' || lpad(to_hex(g), 12, '0'))::uuid, 'BENCH' || lpad(g::text, 9, '0'),
    ('00000000-0000-4000-8000-' || lpad(to_hex(g), 12, '0'))::uuid, 'Head', v.id, v.parent_id, v.path, '压测' || g, 'ResidentId',
    'v1:bench:' || md5(g::text), md5('bench' || g) || md5('hash' || g), md5('bench' || g) || md5('hash' || g),
    '990000********' || lpad((g % 10000)::text, 4, '0'), CASE WHEN g % 2 = 0 THEN 'Female' ELSE 'Male' END, date '1940-01-01' + (g % 20000),
    NULL, true, '压测地址' || g, NULL, NULL, NULL, NULL, 'InCare', NULL, NULL, date '2024-12-01', timestamptz '2024-12-01 10:00+08',
    CASE WHEN v.parent_id = :'dongcheng'::uuid THEN :'worker'::uuid END, true, true,
    NULL, NULL, NULL, NULL, 0
FROM generate_series(1, :people) g JOIN v ON v.n = g % :nv;

\echo visits
INSERT INTO visits (id, case_file_id, village_id, town_id, scope_path, worker_user_id, worker_name, mode, visited_at, month, health_cipher,
    mental_state, basic_living, hazards, care_given, referrals, sudden_change, sudden_change_note, notes, client_key, created_at, version)
SELECT gen_random_uuid(), f.id, f.village_id, f.town_id, f.scope_path, f.assigned_worker_id, '压测驻站人员',
    CASE WHEN k = 2 OR g % 7 = 0 THEN 'Phone' ELSE 'Home' END, at, to_char(ms, 'YYYYMM')::int, NULL, 'Good', 'Secure', '', 'Medicine', NULL, 'None',
    NULL, NULL, NULL, at, 0
FROM generate_series(1, :months) m
CROSS JOIN LATERAL (SELECT (date :'this_month' - make_interval(months => m))::date AS ms) mm
CROSS JOIN generate_series(1, :people) g
CROSS JOIN LATERAL (VALUES (1), (2)) kk(k)
JOIN case_files f ON f.id = ('10000000-0000-4000-8000-' || lpad(to_hex(g), 12, '0'))::uuid
CROSS JOIN LATERAL (SELECT ((ms + make_interval(days => (g + k * 11) % 27, hours => 8 + k, secs => g % 32000)) AT TIME ZONE 'Asia/Shanghai') AS at) t
WHERE (k = 1 AND g % 33 <> m % 33) OR (k = 2 AND g % 33 = (m + 1) % 33);

-- The current month: those whose day has come (1 in 30 a day) were visited.
INSERT INTO visits (id, case_file_id, village_id, town_id, scope_path, worker_user_id, worker_name, mode, visited_at, month, health_cipher,
    mental_state, basic_living, hazards, care_given, referrals, sudden_change, sudden_change_note, notes, client_key, created_at, version)
SELECT gen_random_uuid(), f.id, f.village_id, f.town_id, f.scope_path, f.assigned_worker_id, '压测驻站人员', 'Home', at,
    to_char(date :'this_month', 'YYYYMM')::int, NULL, 'Good', 'Secure', '', '', NULL, 'None', NULL, NULL, NULL, at, 0
FROM case_files f
CROSS JOIN LATERAL (SELECT ((date :'this_month' + make_interval(days => (right(f.number, 6)::int % 30), hours => 10)) AT TIME ZONE 'Asia/Shanghai') AS at) t
WHERE f.number LIKE 'BENCH%' AND t.at < now();

\echo deadlines
INSERT INTO deadlines (id, obligation, rule_id, subject_type, subject_id, subject_ref, responsible_org_id, scope_path, starts_at, due_at, warn_at,
    is_open, met_at, met_late, late_reason, cancelled_at, cancel_reason, warned_at, overdue_notified_at, version)
SELECT gen_random_uuid(), 'CaseMonthlyVisit', 'R-CA-08', 'CaseFile', f.id, f.number, f.village_id, f.scope_path,
    ms AT TIME ZONE 'Asia/Shanghai', due, due - interval '72 hours',
    NOT visited, CASE WHEN visited THEN due - interval '5 days' END, CASE WHEN visited THEN false END, NULL, NULL, NULL, NULL, NULL, 0
FROM generate_series(0, :months) m
CROSS JOIN LATERAL (SELECT (date :'this_month' - make_interval(months => m))::timestamp AS ms) mm
CROSS JOIN LATERAL (SELECT ((ms + interval '1 month' - interval '1 second') AT TIME ZONE 'Asia/Shanghai') AS due) dd
CROSS JOIN generate_series(1, :people) g
JOIN case_files f ON f.id = ('10000000-0000-4000-8000-' || lpad(to_hex(g), 12, '0'))::uuid
CROSS JOIN LATERAL (SELECT CASE WHEN m = 0 THEN (date :'this_month' + (g % 30) + interval '10 hours') AT TIME ZONE 'Asia/Shanghai' < now()
    ELSE g % 33 <> m % 33 END AS visited) vv;

\echo indexes
CREATE INDEX "IX_visits_case_file_id_visited_at" ON visits (case_file_id, visited_at);
CREATE INDEX "IX_visits_month_visited_at_id" ON visits (month, visited_at, id);
CREATE INDEX "IX_visits_town_id_month_visited_at_id" ON visits (town_id, month, visited_at, id);
CREATE INDEX "IX_visits_village_id_month_visited_at_id" ON visits (village_id, month, visited_at, id);
CREATE UNIQUE INDEX "IX_visits_worker_user_id_client_key" ON visits (worker_user_id, client_key);
CREATE INDEX "IX_deadlines_is_open_due_at" ON deadlines (is_open, due_at);
CREATE INDEX "IX_deadlines_is_open_warn_at" ON deadlines (is_open, warn_at);
CREATE INDEX "IX_deadlines_responsible_org_id_is_open_due_at" ON deadlines (responsible_org_id, is_open, due_at);
CREATE INDEX "IX_deadlines_scope_path_is_open_due_at" ON deadlines (scope_path, is_open, due_at);
CREATE INDEX "IX_deadlines_stats_due" ON deadlines (due_at, responsible_org_id, obligation, is_open, met_late);
CREATE INDEX "IX_deadlines_subject_id_is_open" ON deadlines (subject_id, is_open);
CREATE INDEX "IX_case_files_scope_path_name" ON case_files (scope_path, name);
CREATE INDEX "IX_case_files_village_id_status_name" ON case_files (village_id, status, name);
CREATE INDEX "IX_case_files_assigned_worker_id_status" ON case_files (assigned_worker_id, status);
CREATE INDEX "IX_case_files_is_dispersed_extremely_poor_status_last_home_vis~" ON case_files (is_dispersed_extremely_poor, status, last_home_visit_at);
CREATE INDEX "IX_case_files_household_id" ON case_files (household_id);
CREATE INDEX "IX_case_files_document_hash" ON case_files (document_hash);
CREATE UNIQUE INDEX "IX_case_files_active_document_hash" ON case_files (active_document_hash);
CREATE UNIQUE INDEX "IX_case_files_number" ON case_files (number);
VACUUM ANALYZE case_households;
VACUUM ANALYZE case_files;
VACUUM ANALYZE visits;
VACUUM ANALYZE deadlines;
SELECT (SELECT count(*) FROM case_files) AS files, (SELECT count(*) FROM visits) AS visits, (SELECT count(*) FROM deadlines) AS deadlines;
