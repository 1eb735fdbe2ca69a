using Guanjia.App.Persistence;
using Guanjia.Domain.Accounts;
using Guanjia.Domain.CivilAffairs;
using Guanjia.Domain.Common;
using Guanjia.Domain.Deadlines;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.CivilAffairs;

public sealed record ProblemView(Guid Id, ProblemSource Source, Guid SourceId, Guid? CaseFileId, Guid VillageId, ProblemArea Area, string Text,
    DateTimeOffset ReportedAt, bool VillageMustAnswer, string? VillageAnswer, DateTimeOffset? VillageAnsweredAt, string? TownAnswer,
    DateTimeOffset? TownAnsweredAt, bool IsOpen, int Version);

public sealed record VisitView(Guid Id, Guid CaseFileId, string FileNumber, string PersonName, Guid VillageId, VisitMode Mode, DateTimeOffset VisitedAt,
    int Month, string WorkerName, string? Health, MentalState MentalState, BasicLiving BasicLiving, IReadOnlyList<Hazard> Hazards,
    IReadOnlyList<CareGiven> CareGiven, string? Referrals, SuddenChange SuddenChange, string? SuddenChangeNote, string? Notes,
    IReadOnlyList<ProblemView> Problems, string? ClientKey, int Version);

public sealed record VisitListItem(Guid Id, Guid CaseFileId, string FileNumber, string PersonName, string? VillageName, VisitMode Mode,
    DateTimeOffset VisitedAt, string WorkerName, MentalState MentalState, BasicLiving BasicLiving, SuddenChange SuddenChange);

/// <summary>A page of a list that counts only up to a bound: at volume a list need not count every row (TotalIsAtLeast).</summary>
public sealed record BoundedPage<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total, bool TotalIsAtLeast);

public sealed record DueItem(Guid DeadlineId, string Obligation, string RuleId, string Zh, DateTimeOffset DueAt, DeadlineStatus Status,
    Guid FileId, string Number, string Name, string? VillageName, string Address, string? Phone, CareLevel? CareLevel, DateTimeOffset? LastVisitAt,
    DateTimeOffset? LastHomeVisitAt, bool NoHomeVisitFlag, int FileVersion);

/// <summary>What a worker's phone keeps offline: this month's due items and the people on them, nothing sensitive.</summary>
public sealed record DueList(int Month, DateTimeOffset GeneratedAt, IReadOnlyList<DueItem> Items);

public static class VisitQueries
{
    public const int CountBound = 10_000;

    public sealed record Filter(int? Month, Guid? VillageId, Guid? CaseFileId, Guid? WorkerUserId, VisitMode? Mode, int Page = 1, int PageSize = 20);

    public static string ModeZh(VisitMode m) => m switch { VisitMode.Home => "上门", VisitMode.Phone => "电话", _ => "视频" };

    public static async Task<VisitView> GetAsync(GuanjiaDb db, CaseworkServices s, Guid id, CancellationToken ct)
    {
        Casework.Require(db, Permissions.CaseworkRead);
        var v = await db.Visits.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFound("Visit", "探视记录不存在或不在您的范围内", "The visit does not exist or is outside your scope");
        var f = await db.CaseFiles.AsNoTracking().Where(x => x.Id == v.CaseFileId).Select(x => new { x.Number, x.Name }).SingleAsync(ct);
        var problems = await db.ReportedProblems.AsNoTracking().Where(p => p.SourceId == v.Id).OrderBy(p => p.ReportedAt).ToListAsync(ct);
        var full = Casework.SeesSensitive(db);
        return new VisitView(v.Id, v.CaseFileId, f.Number, db.Actor.ReadOnly ? Masking.Name(f.Name) : f.Name, v.VillageId, v.Mode, v.VisitedAt, v.Month,
            v.WorkerName, full ? s.Crypto.UnprotectOptional(v.HealthCipher) : null, v.MentalState, v.BasicLiving, Casework.Split<Hazard>(v.Hazards),
            Casework.Split<CareGiven>(v.CareGiven), v.Referrals, v.SuddenChange, v.SuddenChangeNote, v.Notes, problems.Select(ProblemOf).ToList(),
            v.ClientKey, v.Version);
    }

    public static ProblemView ProblemOf(ReportedProblem p) => new(p.Id, p.Source, p.SourceId, p.CaseFileId, p.VillageId, p.Area, p.Text, p.ReportedAt,
        p.VillageMustAnswer, p.VillageAnswer, p.VillageAnsweredAt, p.TownAnswer, p.TownAnsweredAt, p.IsOpen, p.Version);

    /// <summary>The month's visits in scope, newest first, paged in the database over (month, scope path, visited at).</summary>
    public static async Task<BoundedPage<VisitListItem>> ListAsync(GuanjiaDb db, CaseworkServices s, Filter f, CancellationToken ct)
    {
        Casework.Require(db, Permissions.CaseworkRead);
        new PageRequest(f.Page, f.PageSize).Validate();
        var month = f.Month ?? Casework.MonthOf(s.Now);
        new Check().When(month % 100 is < 1 or > 12 || month / 100 is < 2000 or > 2100, "month", "invalid_value", "月份格式应为 yyyyMM",
            "month must be yyyyMM").ThrowIfFailed();
        var q = db.Visits.AsNoTracking().Where(v => v.Month == month);
        if (f.VillageId is { } vid) q = q.Where(v => v.VillageId == vid);
        else if (!db.Actor.SeesEverything)
        {
            // The scope filter applies anyway; naming the caller's town or village lets the database walk the matching index in order.
            var scope = db.Actor.ScopePath;
            var unit = await db.Organizations.AsNoTracking().Where(o => o.Path == scope).Select(o => new { o.Id, o.Kind }).SingleOrDefaultAsync(ct);
            if (unit is not null && Domain.Organizations.Organization.IsTownKind(unit.Kind)) q = q.Where(v => v.TownId == unit.Id);
            else if (unit is not null && Domain.Organizations.Organization.IsVillageKind(unit.Kind)) q = q.Where(v => v.VillageId == unit.Id);
        }
        if (f.CaseFileId is { } fid) q = q.Where(v => v.CaseFileId == fid);
        if (f.WorkerUserId is { } w) q = q.Where(v => v.WorkerUserId == w);
        if (f.Mode is { } m) q = q.Where(v => v.Mode == m);
        var counted = await q.Take(CountBound + 1).CountAsync(ct);
        var rows = await q.OrderByDescending(v => v.VisitedAt).ThenByDescending(v => v.Id).Skip((f.Page - 1) * f.PageSize).Take(f.PageSize)
            .Select(v => new { v.Id, v.CaseFileId, v.VillageId, v.Mode, v.VisitedAt, v.WorkerName, v.MentalState, v.BasicLiving, v.SuddenChange })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.CaseFileId).Distinct().ToList();
        var files = await db.CaseFiles.AsNoTracking().Where(x => ids.Contains(x.Id)).Select(x => new { x.Id, x.Number, x.Name }).ToDictionaryAsync(x => x.Id, ct);
        var villages = await Casework.NamesAsync(db, rows.Select(r => r.VillageId), ct);
        var masked = db.Actor.ReadOnly;
        return new BoundedPage<VisitListItem>(rows.Select(r => new VisitListItem(r.Id, r.CaseFileId, files[r.CaseFileId].Number,
                masked ? Masking.Name(files[r.CaseFileId].Name) : files[r.CaseFileId].Name, villages.GetValueOrDefault(r.VillageId), r.Mode, r.VisitedAt,
                r.WorkerName, r.MentalState, r.BasicLiving, r.SuddenChange)).ToList(),
            f.Page, f.PageSize, Math.Min(counted, CountBound), counted > CountBound);
    }

    /// <summary>
    /// "My due list this month": the person-level obligations due this month (visits, assessments, re-assessments) of the
    /// files assigned to the caller (or every file in scope with all=true), with what the phone needs to find the person.
    /// </summary>
    public static async Task<DueList> MyDueAsync(GuanjiaDb db, CaseworkServices s, bool all, CancellationToken ct)
    {
        Casework.Require(db, Permissions.CaseworkRecord);
        var now = s.Now;
        var month = Casework.MonthOf(now);
        var monthStart = CaseworkDeadlines.MonthStart(month);
        var monthEnd = CaseworkDeadlines.MonthEnd(month);
        var (settings, _) = await CaseworkSettingsStore.GetAsync(db, ct);
        var threshold = CaseQueries.HomeVisitThreshold(s, settings);
        var me = db.Actor.Id;
        var files = db.CaseFiles.AsNoTracking().Where(f => f.Status == CaseStatus.InCare);
        if (!all) files = files.Where(f => f.AssignedWorkerId == me);
        var rows = await (from d in db.Deadlines.AsNoTracking()
                          join f in files on d.SubjectId equals f.Id
                          where d.SubjectType == CaseworkDeadlines.FileSubject && d.CancelledAt == null
                                && ((d.DueAt >= monthStart && d.DueAt <= monthEnd) || (d.IsOpen && d.DueAt < monthStart))
                          orderby d.DueAt, f.Name
                          select new { d, f }).Take(1000).ToListAsync(ct);
        var villages = await Casework.NamesAsync(db, rows.Select(r => r.f.VillageId), ct);
        return new DueList(month, now, rows.Select(r =>
        {
            var info = Obligations.All[r.d.Obligation];
            return new DueItem(r.d.Id, r.d.Obligation, r.d.RuleId, info.Zh, r.d.DueAt, r.d.StatusAt(now), r.f.Id, r.f.Number, r.f.Name,
                villages.GetValueOrDefault(r.f.VillageId), r.f.Address, r.f.Phone, r.f.CareLevel, r.f.LastVisitAt, r.f.LastHomeVisitAt,
                CaseQueries.NoHomeVisit(r.f, threshold), r.f.Version);
        }).ToList());
    }
}
