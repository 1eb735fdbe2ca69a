using Guanjia.App.Persistence;
using Guanjia.Domain.Accounts;
using Guanjia.Domain.Calendar;
using Guanjia.Domain.CivilAffairs;
using Guanjia.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.CivilAffairs;

public sealed record ScreeningView(Guid Id, Guid VillageId, string? VillageName, int Month, DateOnly ScreenedOn, IReadOnlyList<ScreeningMethod> Methods,
    int HouseholdsChecked, int PeopleFound, int PeopleRegistered, string? Notes, string RecordedByName, IReadOnlyList<ProblemView> Problems);

/// <summary>
/// A village's monthly target screening (对象排查, R-CA-04): the methods used, households checked, people found (registered
/// with screeningId), and problems in living, housing, medical care, education or employment reported to the town.
/// </summary>
public static class RecordScreening
{
    public sealed record Request(Guid? VillageId, DateOnly? ScreenedOn, IReadOnlyList<ScreeningMethod>? Methods, int? HouseholdsChecked,
        int? PeopleFound, string? Notes, IReadOnlyList<RecordVisit.ProblemInput>? Problems);

    public sealed record Filter(Guid? VillageId, int? Month, int Page = 1, int PageSize = 20);

    public static async Task<ScreeningView> HandleAsync(GuanjiaDb db, CaseworkServices s, Request r, CancellationToken ct)
    {
        Casework.Require(db, Permissions.CaseworkRecord);
        var c = new Check()
            .When(r.ScreenedOn is null, "screenedOn", "required", "请填写排查日期", "screenedOn is required")
            .When(r.ScreenedOn > s.Today, "screenedOn", "in_future", "排查日期不能晚于今天", "screenedOn is in the future")
            .When((r.Methods ?? []).Count == 0, "methods", "required", "请选择排查方式", "methods is required").Enums("methods", r.Methods)
            .When(r.HouseholdsChecked is null or < 0, "householdsChecked", "required", "请填写排查户数", "householdsChecked is required")
            .When(r.PeopleFound is < 0, "peopleFound", "out_of_range", "发现人数不能为负数", "peopleFound is negative")
            .MaxLength("notes", r.Notes, 2000, "备注", "Notes");
        var problems = r.Problems ?? [];
        for (var i = 0; i < problems.Count; i++)
            c.Defined($"problems[{i}].area", problems[i].Area, "问题类型")
                .Required($"problems[{i}].text", problems[i].Text, "问题描述", "Problem").MaxLength($"problems[{i}].text", problems[i].Text, 2000, "问题描述", "Problem");
        var village = await Casework.VillageAsync(db, r.VillageId, "villageId", c, ct);
        c.ThrowIfFailed();
        var month = Months.Of(r.ScreenedOn!.Value);
        var x = new TargetScreening
        {
            Id = Guid.CreateVersion7(), VillageId = village.Id, TownId = village.ParentId!.Value, ScopePath = village.Path, Month = month,
            ScreenedOn = r.ScreenedOn.Value, Methods = Casework.Join(r.Methods), HouseholdsChecked = r.HouseholdsChecked!.Value,
            PeopleFound = r.PeopleFound ?? 0, Notes = r.Notes?.Trim(), RecordedByName = db.Actor.Name, CreatedAt = s.Now,
        };
        db.TargetScreenings.Add(x);
        foreach (var p in problems)
            db.ReportedProblems.Add(new ReportedProblem
            {
                Id = Guid.CreateVersion7(), Source = ProblemSource.Screening, SourceId = x.Id, VillageId = village.Id, TownId = x.TownId, ScopePath = x.ScopePath,
                Area = p.Area!.Value, Text = p.Text!.Trim(), ReportedAt = s.Now, VillageMustAnswer = false,
            });
        var doneAt = x.ScreenedOn == s.Today ? s.Now : ChinaTime.EndOfDay(x.ScreenedOn);
        await CaseworkDeadlines.MeetAsync(db, s, CaseworkObligations.TargetScreening, CaseworkDeadlines.VillageSubjectOf(village), village.Id,
            CaseworkDeadlines.MonthStart(month), CaseworkDeadlines.MonthEnd(month), doneAt, ct);
        await db.Audit("RecordScreening").SaveChangesAsync(ct);
        return await GetAsync(db, x.Id, ct);
    }

    public static async Task<ScreeningView> GetAsync(GuanjiaDb db, Guid id, CancellationToken ct)
    {
        Casework.Require(db, Permissions.CaseworkRead);
        var x = await db.TargetScreenings.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct)
            ?? throw new NotFound("TargetScreening", "排查记录不存在或不在您的范围内", "The screening does not exist or is outside your scope");
        return (await ViewsAsync(db, [x], ct))[0];
    }

    public static async Task<Paged<ScreeningView>> ListAsync(GuanjiaDb db, Filter f, CancellationToken ct)
    {
        Casework.Require(db, Permissions.CaseworkRead);
        new PageRequest(f.Page, f.PageSize).Validate();
        var q = db.TargetScreenings.AsNoTracking();
        if (f.VillageId is { } v) q = q.Where(x => x.VillageId == v);
        if (f.Month is { } m) q = q.Where(x => x.Month == m);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(x => x.Month).ThenByDescending(x => x.CreatedAt).Skip((f.Page - 1) * f.PageSize).Take(f.PageSize).ToListAsync(ct);
        return new Paged<ScreeningView>(await ViewsAsync(db, rows, ct), f.Page, f.PageSize, total);
    }

    private static async Task<IReadOnlyList<ScreeningView>> ViewsAsync(GuanjiaDb db, IReadOnlyList<TargetScreening> rows, CancellationToken ct)
    {
        var ids = rows.Select(r => r.Id).ToList();
        var problems = await db.ReportedProblems.AsNoTracking().Where(p => ids.Contains(p.SourceId)).ToListAsync(ct);
        var registered = await db.CaseFiles.AsNoTracking().Where(f => f.ScreeningId != null && ids.Contains(f.ScreeningId.Value))
            .GroupBy(f => f.ScreeningId).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct);
        var villages = await Casework.NamesAsync(db, rows.Select(r => r.VillageId), ct);
        return rows.Select(x => new ScreeningView(x.Id, x.VillageId, villages.GetValueOrDefault(x.VillageId), x.Month, x.ScreenedOn,
            Casework.Split<ScreeningMethod>(x.Methods), x.HouseholdsChecked, x.PeopleFound, registered.FirstOrDefault(g => g.Key == x.Id)?.N ?? 0, x.Notes,
            x.RecordedByName, problems.Where(p => p.SourceId == x.Id).Select(VisitQueries.ProblemOf).ToList())).ToList();
    }
}
