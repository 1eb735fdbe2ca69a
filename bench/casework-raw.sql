-- The raw-database side of the civil-affairs bench: the queries the endpoints send (as EF Core writes them, simplified to
-- their plans), timed in psql without HTTP, JSON or EF. :month is yyyyMM; :town the 东城街道 id, :tpath its path.
\set ON_ERROR_STOP on
\timing on
\echo visit list, city, page 1
SELECT v.id, v.case_file_id, v.village_id, v.mode, v.visited_at, v.worker_name FROM visits v WHERE v.month = :month
ORDER BY v.visited_at DESC, v.id DESC LIMIT 20;
\echo visit list, city, bounded count
SELECT count(*) FROM (SELECT 1 FROM visits v WHERE v.month = :month LIMIT 10001) x;
\echo visit list, city, page 50
SELECT v.id FROM visits v WHERE v.month = :month ORDER BY v.visited_at DESC, v.id DESC OFFSET 980 LIMIT 20;
\echo visit list, town, page 1 (with the scope filter)
SELECT v.id, v.visited_at FROM visits v WHERE v.month = :month AND v.town_id = :'town' AND v.scope_path LIKE :'tpath' || '%'
ORDER BY v.visited_at DESC, v.id DESC LIMIT 20;
\echo visit list, town, bounded count
SELECT count(*) FROM (SELECT 1 FROM visits v WHERE v.month = :month AND v.town_id = :'town' AND v.scope_path LIKE :'tpath' || '%' LIMIT 10001) x;
\echo figures, city, per village (one month of visit deadlines)
SELECT d.responsible_org_id, d.obligation, count(*), count(*) FILTER (WHERE d.met_late = false), count(*) FILTER (WHERE d.met_late = true),
    count(*) FILTER (WHERE d.is_open AND d.due_at < now()), count(*) FILTER (WHERE d.is_open AND d.due_at >= now())
FROM deadlines d
WHERE d.due_at >= (to_date(:'month', 'YYYYMM')::timestamp AT TIME ZONE 'Asia/Shanghai')
  AND d.due_at <= ((to_date(:'month', 'YYYYMM') + interval '1 month' - interval '1 second') AT TIME ZONE 'Asia/Shanghai')
  AND d.obligation = 'CaseMonthlyVisit' AND (d.is_open OR d.met_late IS NOT NULL)
GROUP BY d.responsible_org_id, d.obligation;
\echo figures, town, per village
SELECT d.responsible_org_id, d.obligation, count(*), count(*) FILTER (WHERE d.met_late = false), count(*) FILTER (WHERE d.is_open AND d.due_at < now())
FROM deadlines d
WHERE d.due_at >= (to_date(:'month', 'YYYYMM')::timestamp AT TIME ZONE 'Asia/Shanghai')
  AND d.due_at <= ((to_date(:'month', 'YYYYMM') + interval '1 month' - interval '1 second') AT TIME ZONE 'Asia/Shanghai')
  AND d.obligation LIKE 'Case%' AND (d.is_open OR d.met_late IS NOT NULL) AND d.scope_path LIKE :'tpath' || '%'
GROUP BY d.responsible_org_id, d.obligation;
\echo plans
EXPLAIN (COSTS OFF) SELECT v.id FROM visits v WHERE v.month = :month ORDER BY v.visited_at DESC, v.id DESC LIMIT 20;
EXPLAIN (COSTS OFF) SELECT v.id FROM visits v WHERE v.month = :month AND v.town_id = :'town' AND v.scope_path LIKE :'tpath' || '%' ORDER BY v.visited_at DESC, v.id DESC LIMIT 20;
EXPLAIN (COSTS OFF) SELECT d.responsible_org_id, count(*) FROM deadlines d
WHERE d.due_at >= now() - interval '40 days' AND d.due_at <= now() - interval '10 days' AND d.obligation = 'CaseMonthlyVisit' AND (d.is_open OR d.met_late IS NOT NULL)
GROUP BY d.responsible_org_id;
