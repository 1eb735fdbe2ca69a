using Guanjia.App.Deadlines;
using Guanjia.App.Persistence;
using Guanjia.Domain.Calendar;
using Guanjia.Domain.CivilAffairs;
using Guanjia.Domain.Deadlines;
using Guanjia.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.CivilAffairs;

/// <summary>
/// The casework's obligations as deadline rows (R-CA-04..08): one per person, household, village or town and period,
/// keyed by the period's start (StartsAt), so opening a period twice adds nothing. Visits, assessments, investigations,
/// screenings and evaluations meet the row of their own period, at the time they were done.
/// </summary>
public static class CaseworkDeadlines
{
    public const string FileSubject = "CaseFile";
    public const string HouseholdSubjectType = "CaseHousehold";
    public const string VillageSubject = "Village";
    public const string StationSubject = "CivilAffairsStation";

    public static DateTimeOffset MonthStart(int month) => ChinaTime.StartOfDay(Months.First(month));

    public static DateTimeOffset MonthEnd(int month) => ChinaTime.EndOfDay(Months.First(month).AddMonths(1).AddDays(-1));

    public static DateTimeOffset YearStart(int year) => ChinaTime.StartOfDay(new DateOnly(year, 1, 1));

    public static DateTimeOffset YearEnd(int year) => ChinaTime.EndOfDay(new DateOnly(year, 12, 31));

    public static DateTimeOffset QuarterStart(int year, int q) => ChinaTime.StartOfDay(new DateOnly(year, (q - 1) * 3 + 1, 1));

    public static DateTimeOffset QuarterEnd(int year, int q) => ChinaTime.EndOfDay(new DateOnly(year, q * 3, 1).AddMonths(1).AddDays(-1));

    public static DeadlineBook.Subject Subject(CaseFile f) => new(FileSubject, f.Id, f.Number, f.ScopePath);

    /// <summary>The row of this obligation, subject and period, started now if it is not there yet.</summary>
    public static async Task<Deadline> EnsureAsync(GuanjiaDb db, CaseworkServices s, string obligation, DeadlineBook.Subject subject,
        Guid responsibleOrgId, DateTimeOffset periodStart, DateTimeOffset due, CancellationToken ct)
    {
        var existing = db.Deadlines.Local.FirstOrDefault(d => d.SubjectId == subject.Id && d.Obligation == obligation && d.StartsAt == periodStart)
            ?? await db.Deadlines.FirstOrDefaultAsync(d => d.SubjectId == subject.Id && d.Obligation == obligation && d.StartsAt == periodStart, ct);
        if (existing is not null) return existing;
        var (_, rules) = await s.Rules.CurrentAsync(db, s.Clock, ct);
        return s.Deadlines.StartAt(db, rules, obligation, subject, responsibleOrgId, periodStart, due);
    }

    /// <summary>Meets the period's row at the time the work was done (a visit typed offline and sent later is on time).</summary>
    public static async Task MeetAsync(GuanjiaDb db, CaseworkServices s, string obligation, DeadlineBook.Subject subject, Guid responsibleOrgId,
        DateTimeOffset periodStart, DateTimeOffset due, DateTimeOffset doneAt, CancellationToken ct)
    {
        var d = await EnsureAsync(db, s, obligation, subject, responsibleOrgId, periodStart, due, ct);
        if (d.IsOpen) d.Meet(doneAt, doneAt > d.DueAt ? "补录（过期后完成）" : null);
    }

    /// <summary>Starts the month's visit and the year's assessment of a 特困 person just registered or newly in the category.</summary>
    public static async Task StartForFileAsync(GuanjiaDb db, CaseworkServices s, CaseFile f, CancellationToken ct)
    {
        if (f.Status != CaseStatus.InCare) return;
        var now = s.Now;
        var month = Casework.MonthOf(now);
        if (f.IsDispersedExtremelyPoor)
            await EnsureAsync(db, s, CaseworkObligations.MonthlyVisit, Subject(f), f.VillageId, MonthStart(month), MonthEnd(month), ct);
        if (f.IsExtremelyPoor && (f.LastAssessedOn is null || f.LastAssessedOn.Value.Year < month / 100))
            await EnsureAsync(db, s, CaseworkObligations.YearlyAssessment, Subject(f), f.VillageId, YearStart(month / 100), YearEnd(month / 100), ct);
    }

    /// <summary>
    /// Opens the current month's (and year's and quarter's) obligations that are missing: visits of every dispersed 特困
    /// person in care, assessments of every 特困 person not yet assessed this year, investigations of households under dynamic
    /// adjustment, screenings of the villages of towns with a station, the quarter's evaluation of each station's town.
    /// Runs in the background job and on demand; returns how many rows it added.
    /// </summary>
    public static async Task<int> OpenPeriodAsync(GuanjiaDb db, CaseworkServices s, CancellationToken ct)
    {
        var now = s.Now;
        var month = Casework.MonthOf(now);
        var year = month / 100;
        var quarter = (month % 100 - 1) / 3 + 1;
        var added = 0;
        var (_, rules) = await s.Rules.CurrentAsync(db, s.Clock, ct);

        async Task Batch<T>(IQueryable<T> source, Func<T, Guid> id, string obligation, DateTimeOffset start, DateTimeOffset due,
            Func<T, (DeadlineBook.Subject, Guid)> make) where T : class
        {
            for (var skip = 0; ; skip += 1000)
            {
                var page = await source.OrderBy(x => EF.Property<Guid>(x, "Id")).Skip(skip).Take(1000).AsNoTracking().ToListAsync(ct);
                if (page.Count == 0) return;
                var ids = page.Select(id).ToList();
                var have = (await db.Deadlines.Where(d => ids.Contains(d.SubjectId) && d.Obligation == obligation && d.StartsAt == start)
                    .Select(d => d.SubjectId).ToListAsync(ct)).ToHashSet();
                foreach (var x in page.Where(x => !have.Contains(id(x))))
                {
                    var (subject, org) = make(x);
                    s.Deadlines.StartAt(db, rules, obligation, subject, org, start, due);
                    added++;
                }
                await db.Audit("OpenCaseworkPeriod").SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
        }

        var inCare = db.CaseFiles.IgnoreQueryFilters().Where(f => f.Status == CaseStatus.InCare);
        await Batch(inCare.Where(f => f.IsDispersedExtremelyPoor), f => f.Id, CaseworkObligations.MonthlyVisit, MonthStart(month), MonthEnd(month),
            f => (Subject(f), f.VillageId));
        await Batch(inCare.Where(f => f.IsExtremelyPoor && (f.LastAssessedOn == null || f.LastAssessedOn < new DateOnly(year, 1, 1))), f => f.Id,
            CaseworkObligations.YearlyAssessment, YearStart(year), YearEnd(year), f => (Subject(f), f.VillageId));
        await Batch(db.CaseHouseholds.IgnoreQueryFilters().Where(h => h.UnderDynamicAdjustment), h => h.Id, CaseworkObligations.MeansInvestigation,
            MonthStart(month), MonthEnd(month), h => (HouseholdSubject(h), h.VillageId));
        var stations = await db.CivilAffairsStations.IgnoreQueryFilters().AsNoTracking().Where(x => x.IsActive).ToListAsync(ct);
        var towns = stations.Select(x => (Guid?)x.TownId).ToList();
        await Batch(db.Organizations.Where(o => towns.Contains(o.ParentId) && (o.Kind == OrganizationKind.Village || o.Kind == OrganizationKind.Community) && o.IsActive),
            o => o.Id, CaseworkObligations.TargetScreening, MonthStart(month), MonthEnd(month), o => (VillageSubjectOf(o), o.Id));
        await Batch(db.CivilAffairsStations.IgnoreQueryFilters().Where(x => x.IsActive), x => x.Id, CaseworkObligations.PolicyEvaluation,
            QuarterStart(year, quarter), QuarterEnd(year, quarter), x => (new DeadlineBook.Subject(StationSubject, x.Id, x.Name, x.ScopePath), x.TownId));
        // R-CA-11: each station's policy publicity of the month and news reports of the year.
        added += await StationActivities.OpenAllAsync(db, s, ct);
        return added;
    }

    public static DeadlineBook.Subject HouseholdSubject(CaseHousehold h) => new(HouseholdSubjectType, h.Id, $"HH-{h.Id.ToString()[^8..]}", h.ScopePath);

    public static DeadlineBook.Subject VillageSubjectOf(Organization o) => new(VillageSubject, o.Id, o.Name, o.Path);
}

/// <summary>
/// Opens each new month's casework obligations once per process (the background job calls it every interval; it runs the
/// full pass only when the Beijing month has changed since its last pass, since registrations open their own rows).
/// </summary>
public sealed class CaseworkPeriodJob(CaseworkServices services)
{
    private int _opened;

    public async Task<int> RunOnceAsync(GuanjiaDb db, CancellationToken ct)
    {
        var month = Casework.MonthOf(services.Now);
        if (Volatile.Read(ref _opened) == month) return 0;
        var n = await CaseworkDeadlines.OpenPeriodAsync(db, services, ct);
        Volatile.Write(ref _opened, month);
        return n;
    }
}
