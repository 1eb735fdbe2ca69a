using Guanjia.App.Persistence;
using Guanjia.Domain.Calendar;
using Guanjia.Domain.Deadlines;
using Guanjia.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Deadlines;

/// <summary>
/// 我的工作 (issue 17 point 2): what the caller's unit must do — its own open deadlines, overdue and due today first, each with the
/// item's title, the step to take and where to take it — and, on a second tab, what the units below it owe, grouped by unit
/// (R-PL-08: the supervisors see their units' deadlines). The unit is the organisation at the root of the caller's scope: the city
/// for the city's staff, the town for a town's lead and departments, the village for its staff.
/// </summary>
public static class MyWork
{
    public sealed record WorkItem(Guid DeadlineId, string Obligation, string RuleId, string StepZh, string StepEn, string SubjectType, Guid SubjectId,
        string? SubjectRef, string? Title, Guid ResponsibleOrgId, string? ResponsibleOrgName, DateTimeOffset DueAt, DeadlineStatus Status,
        bool DueToday, long SecondsLeft, bool WorkingDaysProvisional);

    public sealed record Mine(Guid UnitId, string? UnitName, int Overdue, int DueToday, int Open, IReadOnlyList<WorkItem> Items);

    public sealed record UnitGroup(Guid OrganizationId, string? Name, int Overdue, int DueToday, int Open, IReadOnlyList<WorkItem> Items);

    public sealed record Supervised(Guid UnitId, string? UnitName, int Overdue, int DueToday, int Open, IReadOnlyList<UnitGroup> Units);

    private static readonly string[] CaseworkKeys = Domain.CivilAffairs.CaseworkObligations.All.Select(i => i.Key).ToArray();

    /// <summary>
    /// What the caller can act on: the casework's visits and investigations (R-CA-04..08) are the station workers' and the town's to record
    /// (casework.record), so a village clerk's list does not fill with rows they cannot open or do.
    /// </summary>
    private static IQueryable<Deadline> Actionable(GuanjiaDb db, IQueryable<Deadline> q) =>
        db.Actor.Has(Domain.Accounts.Permissions.CaseworkRecord) ? q : q.Where(d => !CaseworkKeys.Contains(d.Obligation));

    /// <summary>The organisation whose work the caller does: the root of their scope (the city when they see everything).</summary>
    public static async Task<Guid> UnitAsync(GuanjiaDb db, CancellationToken ct)
    {
        // The organisation at the root of the caller's scope: for the city or the bureau, its jurisdiction's root (ADR 0040).
        var actor = db.Actor;
        return await db.Organizations.AsNoTracking().Where(o => o.Path == actor.ScopePath).Select(o => o.Id).FirstOrDefaultAsync(ct);
    }

    /// <summary>My unit's open deadlines, earliest due first (so overdue, then due today, then the rest), at most <paramref name="take"/>.</summary>
    public static async Task<Mine> MineAsync(GuanjiaDb db, TimeProvider clock, int take, CancellationToken ct)
    {
        var unit = await UnitAsync(db, ct);
        var now = clock.GetUtcNow();
        var endOfToday = ChinaTime.EndOfDay(ChinaTime.LocalDate(now));
        var q = Actionable(db, db.Deadlines.AsNoTracking().Where(d => d.IsOpen && d.ResponsibleOrgId == unit));
        var overdue = await q.CountAsync(d => d.DueAt < now, ct);
        var today = await q.CountAsync(d => d.DueAt >= now && d.DueAt <= endOfToday, ct);
        var open = await q.CountAsync(ct);
        var rows = await q.OrderBy(d => d.DueAt).Take(Math.Clamp(take, 1, 500)).ToListAsync(ct);
        var names = await Organizations.OrganizationQueries.NamesAsync(db, [unit], ct);
        return new Mine(unit, names.GetValueOrDefault(unit), overdue, today, open, await ItemsAsync(db, rows, now, endOfToday, ct));
    }

    /// <summary>The open deadlines of the units below mine (within my scope), grouped by unit, the most overdue unit first.</summary>
    public static async Task<Supervised> SupervisedAsync(GuanjiaDb db, TimeProvider clock, int perUnit, CancellationToken ct)
    {
        var unit = await UnitAsync(db, ct);
        var now = clock.GetUtcNow();
        var endOfToday = ChinaTime.EndOfDay(ChinaTime.LocalDate(now));
        // The units below mine: a village sees the town's review of its own project, but does not supervise the town.
        var scope = db.Actor.ScopePath;
        var q = from d in db.Deadlines.AsNoTracking()
                join o in db.Organizations.AsNoTracking() on d.ResponsibleOrgId equals o.Id
                where d.IsOpen && d.ResponsibleOrgId != unit && o.Path.StartsWith(scope)
                select d;
        q = Actionable(db, q);
        var counts = await q.GroupBy(d => d.ResponsibleOrgId)
            .Select(g => new
            {
                Org = g.Key,
                Overdue = g.Count(d => d.DueAt < now),
                Today = g.Count(d => d.DueAt >= now && d.DueAt <= endOfToday),
                Open = g.Count(),
            }).ToListAsync(ct);
        var names = await Organizations.OrganizationQueries.NamesAsync(db, counts.Select(c => c.Org).Append(unit), ct);
        var take = Math.Clamp(perUnit, 1, 100);
        var groups = new List<UnitGroup>();
        foreach (var c in counts.OrderByDescending(c => c.Overdue).ThenByDescending(c => c.Today).ThenByDescending(c => c.Open)
                     .ThenBy(c => names.GetValueOrDefault(c.Org), StringComparer.Ordinal))
        {
            var rows = await q.Where(d => d.ResponsibleOrgId == c.Org).OrderBy(d => d.DueAt).Take(take).ToListAsync(ct);
            groups.Add(new UnitGroup(c.Org, names.GetValueOrDefault(c.Org), c.Overdue, c.Today, c.Open, await ItemsAsync(db, rows, now, endOfToday, ct)));
        }
        return new Supervised(unit, names.GetValueOrDefault(unit), counts.Sum(c => c.Overdue), counts.Sum(c => c.Today), counts.Sum(c => c.Open), groups);
    }

    private static async Task<IReadOnlyList<WorkItem>> ItemsAsync(GuanjiaDb db, IReadOnlyList<Deadline> rows, DateTimeOffset now, DateTimeOffset endOfToday,
        CancellationToken ct)
    {
        var titles = await TitlesAsync(db, rows, ct);
        var names = await Organizations.OrganizationQueries.NamesAsync(db, rows.Select(r => r.ResponsibleOrgId), ct);
        return rows.Select(d =>
        {
            var info = Obligations.All[d.Obligation];
            return new WorkItem(d.Id, d.Obligation, d.RuleId, info.Zh, info.En, d.SubjectType, d.SubjectId, d.SubjectRef, titles.GetValueOrDefault(d.SubjectId),
                d.ResponsibleOrgId, names.GetValueOrDefault(d.ResponsibleOrgId), d.DueAt, d.StatusAt(now), d.DueAt >= now && d.DueAt <= endOfToday,
                (long)(d.DueAt - now).TotalSeconds, d.WorkingDaysProvisional);
        }).ToList();
    }

    /// <summary>
    /// What each item is, in words: an appeal's title, a project's name, a wish's appeal title (not the wish's own text, which may name the
    /// person helped), a claim item's title; a town's yearly duty is named by its reference ("东城街道2027年度集中征集").
    /// </summary>
    public static async Task<Dictionary<Guid, string>> TitlesAsync(GuanjiaDb db, IReadOnlyList<Deadline> rows, CancellationToken ct)
    {
        List<Guid> Of(string type) => rows.Where(r => r.SubjectType == type).Select(r => r.SubjectId).Distinct().ToList();
        var appeals = Of("Appeal");
        var projects = Of("MicroProject");
        var wishes = Of("MicroWish");
        var claims = Of("ClaimItem");
        var titles = new Dictionary<Guid, string>();
        if (appeals.Count > 0)
            foreach (var a in await db.Appeals.AsNoTracking().Where(a => appeals.Contains(a.Id)).Select(a => new { a.Id, a.Title }).ToListAsync(ct))
                titles[a.Id] = a.Title;
        if (projects.Count > 0)
            foreach (var p in await db.MicroProjects.AsNoTracking().Where(p => projects.Contains(p.Id)).Select(p => new { p.Id, p.Name }).ToListAsync(ct))
                titles[p.Id] = p.Name;
        if (wishes.Count > 0)
            foreach (var w in await (from w in db.MicroWishes.AsNoTracking()
                                     join a in db.Appeals.AsNoTracking() on w.AppealId equals a.Id
                                     where wishes.Contains(w.Id)
                                     select new { w.Id, a.Title }).ToListAsync(ct))
                titles[w.Id] = w.Title;
        if (claims.Count > 0)
            foreach (var c in await db.ClaimItems.AsNoTracking().Where(c => claims.Contains(c.Id)).Select(c => new { c.Id, c.Title }).ToListAsync(ct))
                titles[c.Id] = c.Title;
        foreach (var r in rows.Where(r => r.SubjectType is AnnualObligations.SubjectType && r.SubjectRef is not null))
            titles.TryAdd(r.SubjectId, r.SubjectRef!);
        return titles;
    }
}
