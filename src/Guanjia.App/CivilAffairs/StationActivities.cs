using Guanjia.App.Deadlines;
using Guanjia.App.Persistence;
using Guanjia.Domain.Calendar;
using Guanjia.Domain.CivilAffairs;
using Guanjia.Domain.Common;
using Guanjia.Domain.Deadlines;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.CivilAffairs;

public sealed record StationActivityView(Guid Id, ActivityKind Kind, string Title, DateOnly On, string? Time, string? Place, string? Description,
    string? Source, DateTimeOffset CreatedAt);

/// <summary>R-CA-11: one publicity obligation of a station for its period (a month's policy publicity, a year's news reports).</summary>
public sealed record PublicityDeadlineView(Guid Id, string Obligation, DateTimeOffset StartsAt, DateTimeOffset DueAt, DeadlineStatus Status,
    DateTimeOffset? MetAt, int Done, int Required);

/// <summary>
/// A station's yearly plan, monthly focus and weekly activities (R-CA-14; the week's on its public page), its policy publicity and
/// news reports (R-CA-11) and the capacity building of the community organisations it incubates (R-CA-10). The publicity obligations
/// are deadline rows per station: the month's policy publicity (due at the month's end) and the year's news reports (due at the year's
/// end, met by the jurisdiction's number of reports, 3 in 001).
/// </summary>
public static class StationActivities
{
    public sealed record Record(ActivityKind? Kind, string? Title, string? On, string? Time, string? Place, string? Description, string? Source);

    private static DeadlineBook.Subject Subject(CivilAffairsStation st) => new(CaseworkDeadlines.StationSubject, st.Id, st.Name, st.ScopePath);

    private static int MonthOf(DateOnly d) => d.Year * 100 + d.Month;

    public static async Task<StationActivityView> RecordAsync(GuanjiaDb db, CaseworkServices s, Guid stationId, Record r, CancellationToken ct)
    {
        StaffRoster.RequireKeeper(db);
        var st = await db.CivilAffairsStations.AsNoTracking().SingleOrDefaultAsync(x => x.Id == stationId, ct)
            ?? throw new NotFound("CivilAffairsStation", "服务站不存在或不在您的范围内", "The station does not exist or is outside your scope");
        var c = new Check().Defined("kind", r.Kind, "类别")
            .Required("title", r.Title, "标题", "Title").MaxLength("title", r.Title, 200, "标题", "Title")
            .MaxLength("time", r.Time, 40, "时间", "Time").MaxLength("place", r.Place, 200, "地点", "Place")
            .MaxLength("description", r.Description, 2000, "内容", "Description").MaxLength("source", r.Source, 500, "媒体或链接", "Source")
            .When(r.Kind == ActivityKind.NewsReport && string.IsNullOrWhiteSpace(r.Source), "source", "required", "请填写刊发媒体或链接（R-CA-11）",
                "Name the outlet or link of the news report (R-CA-11)");
        DateOnly? on = null;
        if (string.IsNullOrWhiteSpace(r.On)) c.Add("on", "required", "请填写日期", "on is required");
        else if (DateOnly.TryParseExact(r.On.Trim(), "yyyy-MM-dd", out var d)) on = d;
        else c.Add("on", "invalid_date", "日期格式应为 yyyy-MM-dd", "on must be a date as yyyy-MM-dd");
        // What was published has happened; plans and activities may lie ahead.
        c.When(on > s.Today && r.Kind is ActivityKind.PolicyPublicity or ActivityKind.NewsReport or ActivityKind.CapacityBuilding, "on", "in_future",
            "已开展的宣传、报道和能力建设活动日期不能晚于今天", "Publicity, news and capacity building that happened cannot be dated in the future");
        c.ThrowIfFailed();

        var a = new StationActivity
        {
            Id = Guid.CreateVersion7(), StationId = st.Id, ScopePath = st.ScopePath, Kind = r.Kind!.Value, Title = r.Title!.Trim(), On = on!.Value,
            Time = Trim(r.Time), Place = Trim(r.Place), Description = Trim(r.Description), Source = Trim(r.Source), CreatedAt = s.Now,
        };
        db.StationActivities.Add(a);
        var doneAt = ChinaTime.StartOfDay(a.On);
        if (a.Kind == ActivityKind.PolicyPublicity)
        {
            var month = MonthOf(a.On);
            var row = await EnsureAsync(db, s, CaseworkObligations.PolicyPublicity, st, CaseworkDeadlines.MonthStart(month), CaseworkDeadlines.MonthEnd(month), ct);
            if (row.IsOpen) row.Meet(doneAt, doneAt > row.DueAt ? "补录（过期后完成）" : null);
        }
        else if (a.Kind == ActivityKind.NewsReport)
        {
            var year = a.On.Year;
            var rules = (await s.Jurisdictions.RequireAsync(db, st.ScopePath, ct)).Rules.CivilAffairs;
            var first = new DateOnly(year, 1, 1);
            var last = new DateOnly(year, 12, 31);
            var reports = 1 + await db.StationActivities.CountAsync(x => x.StationId == st.Id && x.Kind == ActivityKind.NewsReport && x.On >= first && x.On <= last, ct);
            var row = await EnsureAsync(db, s, CaseworkObligations.NewsReports, st, CaseworkDeadlines.YearStart(year), CaseworkDeadlines.YearEnd(year), ct);
            if (row.IsOpen && reports >= rules.NewsReportsPerYear) row.Meet(doneAt, doneAt > row.DueAt ? "补录（过期后完成）" : null);
        }
        await db.Audit("RecordStationActivity").SaveChangesAsync(ct);
        return View(a);
    }

    private static string? Trim(string? v) => string.IsNullOrWhiteSpace(v) ? null : v.Trim();

    private static StationActivityView View(StationActivity a) => new(a.Id, a.Kind, a.Title, a.On, a.Time, a.Place, a.Description, a.Source, a.CreatedAt);

    public static async Task<IReadOnlyList<StationActivityView>> ListAsync(GuanjiaDb db, Guid stationId, ActivityKind? kind, DateOnly? from, DateOnly? to,
        CancellationToken ct)
    {
        StaffRoster.RequireReader(db);
        if (!await db.CivilAffairsStations.AnyAsync(x => x.Id == stationId, ct))
            throw new NotFound("CivilAffairsStation", "服务站不存在或不在您的范围内", "The station does not exist or is outside your scope");
        var q = db.StationActivities.AsNoTracking().Where(a => a.StationId == stationId);
        if (kind is { } k) q = q.Where(a => a.Kind == k);
        if (from is { } f) q = q.Where(a => a.On >= f);
        if (to is { } t) q = q.Where(a => a.On <= t);
        var rows = await q.OrderByDescending(a => a.On).ThenByDescending(a => a.CreatedAt).Take(500).ToListAsync(ct);
        return rows.Select(View).ToList();
    }

    /// <summary>R-CA-11: the station's publicity rows, newest period first, with how many were done in each period.</summary>
    public static async Task<IReadOnlyList<PublicityDeadlineView>> PublicityAsync(GuanjiaDb db, CaseworkServices s, Guid stationId, CancellationToken ct)
    {
        StaffRoster.RequireReader(db);
        var st = await db.CivilAffairsStations.AsNoTracking().SingleOrDefaultAsync(x => x.Id == stationId, ct)
            ?? throw new NotFound("CivilAffairsStation", "服务站不存在或不在您的范围内", "The station does not exist or is outside your scope");
        var rules = (await s.Jurisdictions.RequireAsync(db, st.ScopePath, ct)).Rules.CivilAffairs;
        var rows = await db.Deadlines.AsNoTracking().Where(d => d.SubjectId == st.Id
                && (d.Obligation == CaseworkObligations.PolicyPublicity || d.Obligation == CaseworkObligations.NewsReports))
            .OrderByDescending(d => d.StartsAt).ThenBy(d => d.Obligation).Take(60).ToListAsync(ct);
        var dates = await db.StationActivities.AsNoTracking()
            .Where(a => a.StationId == st.Id && (a.Kind == ActivityKind.PolicyPublicity || a.Kind == ActivityKind.NewsReport))
            .Select(a => new { a.Kind, a.On }).ToListAsync(ct);
        var now = s.Now;
        return rows.Select(d =>
        {
            var from = ChinaTime.LocalDate(d.StartsAt);
            var to = ChinaTime.LocalDate(d.DueAt);
            var kind = d.Obligation == CaseworkObligations.PolicyPublicity ? ActivityKind.PolicyPublicity : ActivityKind.NewsReport;
            var done = dates.Count(a => a.Kind == kind && a.On >= from && a.On <= to);
            return new PublicityDeadlineView(d.Id, d.Obligation, d.StartsAt, d.DueAt, d.StatusAt(now), d.MetAt, done,
                kind == ActivityKind.PolicyPublicity ? 1 : rules.NewsReportsPerYear);
        }).ToList();
    }

    /// <summary>
    /// Our reading (ADR 0042): the town is warned 5 days before a month's publicity is due, and a month (from 1 December) before the
    /// year's news reports are. These rows do not read the 民生大莞家 programme rules, which a jurisdiction without it has not got.
    /// </summary>
    public static DateTimeOffset WarnAt(string obligation, DateTimeOffset start, DateTimeOffset due) =>
        obligation == CaseworkObligations.NewsReports ? due.AddDays(-31) : due.AddDays(-5) < start ? start : due.AddDays(-5);

    /// <summary>The row of this obligation, station and period, started now if it is not there yet.</summary>
    private static async Task<Deadline> EnsureAsync(GuanjiaDb db, CaseworkServices s, string obligation, CivilAffairsStation st, DateTimeOffset start,
        DateTimeOffset due, CancellationToken ct)
    {
        var existing = db.Deadlines.Local.FirstOrDefault(d => d.SubjectId == st.Id && d.Obligation == obligation && d.StartsAt == start)
            ?? await db.Deadlines.IgnoreQueryFilters().FirstOrDefaultAsync(d => d.SubjectId == st.Id && d.Obligation == obligation && d.StartsAt == start, ct);
        return existing ?? s.Deadlines.StartAt(db, obligation, Subject(st), st.TownId, start, due, WarnAt(obligation, start, due));
    }

    /// <summary>Opens the station's publicity rows of the current month and year if missing (on creation; the period job opens the rest).</summary>
    public static async Task OpenPublicityAsync(GuanjiaDb db, CaseworkServices s, CivilAffairsStation st, CancellationToken ct)
    {
        var month = Casework.MonthOf(s.Now);
        await EnsureAsync(db, s, CaseworkObligations.PolicyPublicity, st, CaseworkDeadlines.MonthStart(month), CaseworkDeadlines.MonthEnd(month), ct);
        await EnsureAsync(db, s, CaseworkObligations.NewsReports, st, CaseworkDeadlines.YearStart(month / 100), CaseworkDeadlines.YearEnd(month / 100), ct);
    }

    /// <summary>The period job's pass: every active station's rows of the current month and year; returns how many it added.</summary>
    public static async Task<int> OpenAllAsync(GuanjiaDb db, CaseworkServices s, CancellationToken ct)
    {
        var stations = await db.CivilAffairsStations.IgnoreQueryFilters().AsNoTracking().Where(x => x.IsActive).ToListAsync(ct);
        var before = db.ChangeTracker.Entries<Deadline>().Count(e => e.State == EntityState.Added);
        foreach (var st in stations) await OpenPublicityAsync(db, s, st, ct);
        var added = db.ChangeTracker.Entries<Deadline>().Count(e => e.State == EntityState.Added) - before;
        await db.Audit("OpenStationPublicity").SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return added;
    }
}
