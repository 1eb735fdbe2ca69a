using System.Security.Cryptography;
using System.Text;
using Guanjia.App.Persistence;
using Guanjia.Domain.Calendar;
using Guanjia.Domain.Deadlines;
using Guanjia.Domain.Organizations;
using Guanjia.Domain.Programme;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Deadlines;

/// <summary>
/// A town's yearly duties from 1 January, whether it acts or not (R-IN-02, R-MS-17): the concentrated collection by the
/// end of January and the annual plan by the end of February, as deadline rows on the town's year, warned like any
/// other. A town that never opens its collection is warned and then overdue; a late campaign meets it late.
/// </summary>
public sealed class AnnualObligations(Programme.ProgrammeRulesProvider rules, TimeProvider clock)
{
    public const string SubjectType = "TownYear";

    private int _doneFor;

    /// <summary>
    /// The year's subject id of a town: the same on every host and every run, so the rows are made once. The year in hex in
    /// place of the town id's first eight digits, so a migration can compute it in SQL (0012).
    /// </summary>
    public static Guid TownYearId(Guid townId, int year) => new($"{year:x8}{townId.ToString("N")[8..]}");

    private static Guid RowId(Guid townId, int year, string obligation) => Named($"TownYear|{townId:N}|{year}|{obligation}");

    private static Guid Named(string name) => new(SHA256.HashData(Encoding.UTF8.GetBytes(name)).AsSpan(0, 16));

    /// <summary>Makes this year's rows for every town that has none yet (a job step; cheap once done for the year on this host).</summary>
    public async Task<int> RunOnceAsync(GuanjiaDb db, CancellationToken ct)
    {
        var year = ChinaTime.LocalDate(clock.GetUtcNow()).Year;
        if (_doneFor == year) return 0;
        var towns = await db.Organizations.AsNoTracking().Where(o => o.IsActive
            && (o.Kind == OrganizationKind.Town || o.Kind == OrganizationKind.Street || o.Kind == OrganizationKind.Park)).ToListAsync(ct);
        var made = 0;
        foreach (var town in towns) made += await EnsureAsync(db, town, year, ct);
        if (made > 0) await db.Audit("StartAnnualObligations").SaveChangesAsync(ct);
        _doneFor = year;
        return made;
    }

    /// <summary>Adds the town's two rows for the year unless they exist; the caller saves.</summary>
    public async Task<int> EnsureAsync(GuanjiaDb db, Organization town, int year, CancellationToken ct)
    {
        var subject = TownYearId(town.Id, year);
        var have = await db.Deadlines.IgnoreQueryFilters().Where(d => d.SubjectId == subject).Select(d => d.Obligation).ToListAsync(ct);
        have.AddRange(db.Deadlines.Local.Where(d => d.SubjectId == subject).Select(d => d.Obligation));
        var (_, set) = await rules.CurrentAsync(db, clock, ct);
        var start = ChinaTime.StartOfDay(new DateOnly(year, 1, 1));
        var made = 0;
        foreach (var (obligation, due, what) in Duties(set, year))
        {
            if (have.Contains(obligation)) continue;
            db.Deadlines.Add(new Deadline
            {
                Id = RowId(town.Id, year, obligation), Obligation = obligation, RuleId = Obligations.All[obligation].RuleId, SubjectType = SubjectType,
                SubjectId = subject, SubjectRef = $"{town.Name}{year}年度{what}", ResponsibleOrgId = town.Id, ScopePath = town.Path,
                StartsAt = start, DueAt = due, WarnAt = Warn(start, due), IsOpen = true,
            });
            made++;
        }
        return made;
    }

    /// <summary>A month-long duty is warned a week ahead, not only the programme's usual day before.</summary>
    private static DateTimeOffset Warn(DateTimeOffset start, DateTimeOffset due) => due.AddDays(-7) > start ? due.AddDays(-7) : start;

    public static IEnumerable<(string Obligation, DateTimeOffset Due, string What)> Duties(ProgrammeRuleSet set, int year)
    {
        yield return (Obligations.ConcentratedCollection, ChinaTime.EndOfDay(new DateOnly(year, set.CollectionEndMonth, set.CollectionEndDay)), "集中征集");
        yield return (Obligations.AnnualPlan,
            ChinaTime.EndOfDay(new DateOnly(year, set.AnnualPlanMonth, DateTime.DaysInMonth(year, set.AnnualPlanMonth))), "项目实施计划");
    }
}
