-- 0026: where each calendar year comes from (R-PL-01, ADR 0021). The notice's issue date, the fingerprint of the shipped
-- data last applied, and the city's edit mark, so a release applies a newly shipped year to existing databases without
-- overwriting a year the city edited. Deadlines say whether their working days were counted without a year's notice.
ALTER TABLE calendar_years ADD notice_issued_on date;

ALTER TABLE calendar_years ADD shipped_hash character varying(64);

ALTER TABLE calendar_years ADD edited_at timestamp with time zone;

ALTER TABLE calendar_years ADD edited_by character varying(64);

ALTER TABLE deadlines ADD working_days_provisional boolean NOT NULL DEFAULT FALSE;

-- The edit mark of years the city changed before this release, from the audit trail (an edit of the year, or of a day in it;
-- a day's audit key is its date as MM/dd/yyyy).
UPDATE calendar_years SET
    edited_at = (SELECT MAX(a.at) FROM audit_entries a
        WHERE a.action IN ('ReplaceCalendarYear', 'SetCalendarDay', 'ClearCalendarDay')
          AND ((a.entity_type = 'CalendarYearRecord' AND a.entity_id = CAST(calendar_years.year AS text))
            OR (a.entity_type = 'CalendarDayRecord' AND substr(a.entity_id, length(a.entity_id) - 3, 4) = CAST(calendar_years.year AS text)))),
    edited_by = (SELECT a.actor_name FROM audit_entries a
        WHERE a.action IN ('ReplaceCalendarYear', 'SetCalendarDay', 'ClearCalendarDay')
          AND ((a.entity_type = 'CalendarYearRecord' AND a.entity_id = CAST(calendar_years.year AS text))
            OR (a.entity_type = 'CalendarDayRecord' AND substr(a.entity_id, length(a.entity_id) - 3, 4) = CAST(calendar_years.year AS text)))
        ORDER BY a.seq DESC LIMIT 1);
