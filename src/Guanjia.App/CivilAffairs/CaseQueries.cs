using Guanjia.App.Persistence;
using Guanjia.Domain.Accounts;
using Guanjia.Domain.Calendar;
using Guanjia.Domain.CivilAffairs;
using Guanjia.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.CivilAffairs;

public sealed record CategoryView(Guid Id, string Code, string Zh, string En, int? Grade, DateOnly ValidFrom, DateOnly? ValidTo, string? Note, bool Valid);

public sealed record CaseFileView(
    Guid Id, string Number, string Name, Guid VillageId, string? VillageName, Guid TownId, Guid HouseholdId, string HouseholdAddress,
    bool UnderDynamicAdjustment, Relation Relation, DocumentKind DocumentKind, string DocumentMasked, string? DocumentNumber, Sex? Sex,
    DateOnly? BirthDate, int? Age, string? Phone, bool LocalHukou, string Address, string? Health, int? DisabilityGrade,
    IReadOnlyList<CategoryView> Categories, CaseStatus Status, DateOnly? StatusChangedOn, string? StatusNote, SelfCareResult? SelfCare,
    CareLevel? CareLevel, DateOnly? LastAssessedOn, DateOnly RegisteredOn, Guid? AssignedWorkerId, DateTimeOffset? LastVisitAt,
    DateTimeOffset? LastHomeVisitAt, bool NoHomeVisitFlag, bool IsDispersedExtremelyPoor, bool Full, int Version);

public sealed record CaseFileListItem(Guid Id, string Number, string Name, Guid VillageId, string? VillageName, string DocumentMasked, Sex? Sex,
    int? Age, IReadOnlyList<string> Categories, CaseStatus Status, CareLevel? CareLevel, DateTimeOffset? LastVisitAt, DateTimeOffset? LastHomeVisitAt,
    bool NoHomeVisitFlag, Guid? AssignedWorkerId);

public sealed record TimelineEvent(DateTimeOffset At, string Kind, string Zh, string? Detail, Guid? RefId);

public sealed record LookupResult(bool Found, bool Elsewhere, Guid? FileId, string? Number, string? Link, string? TransferRequest);

/// <summary>The files in the caller's scope: masked lists, the full file (audited), one timeline, the keyed-hash lookup.</summary>
public static class CaseQueries
{
    public sealed record Filter(Guid? VillageId, string? Category, CaseStatus? Status, string? Q, bool? Dispersed, bool? NoHomeVisit,
        Guid? WorkerId, int Page = 1, int PageSize = 20);

    internal static DateTimeOffset HomeVisitThreshold(CaseworkServices s, CaseworkSettings settings) =>
        ChinaTime.StartOfDay(s.Today.AddMonths(-settings.NoHomeVisitMonths));

    internal static bool NoHomeVisit(CaseFile f, DateTimeOffset threshold) =>
        f.IsDispersedExtremelyPoor && f.Status == CaseStatus.InCare
        && (f.LastHomeVisitAt ?? ChinaTime.StartOfDay(f.RegisteredOn)) < threshold;

    private static int? Age(DateOnly? birth, DateOnly today)
    {
        if (birth is not { } b) return null;
        var age = today.Year - b.Year;
        return b.AddYears(age) > today ? age - 1 : age;
    }

    public static async Task<Paged<CaseFileListItem>> ListAsync(GuanjiaDb db, CaseworkServices s, Filter f, CancellationToken ct)
    {
        Casework.Require(db, Permissions.CaseworkRead);
        new PageRequest(f.Page, f.PageSize).Validate();
        var (settings, _) = await CaseworkSettingsStore.GetAsync(db, ct);
        var threshold = HomeVisitThreshold(s, settings);
        var today = s.Today;
        var q = db.CaseFiles.AsNoTracking();
        if (f.VillageId is { } v) q = q.Where(x => x.VillageId == v);
        if (f.Status is { } st) q = q.Where(x => x.Status == st);
        if (f.WorkerId is { } w) q = q.Where(x => x.AssignedWorkerId == w);
        if (f.Dispersed == true) q = q.Where(x => x.IsDispersedExtremelyPoor);
        if (!string.IsNullOrWhiteSpace(f.Q)) q = q.Where(x => x.Name.StartsWith(f.Q.Trim()) || x.Number == f.Q.Trim());
        if (!string.IsNullOrWhiteSpace(f.Category))
            q = q.Where(x => db.CaseCategories.Any(c => c.CaseFileId == x.Id && c.Code == f.Category && c.ValidFrom <= today && (c.ValidTo == null || c.ValidTo >= today)));
        if (f.NoHomeVisit == true)
        {
            var thresholdDate = ChinaTime.LocalDate(threshold);
            q = q.Where(x => x.IsDispersedExtremelyPoor && x.Status == CaseStatus.InCare
                && (x.LastHomeVisitAt != null ? x.LastHomeVisitAt < threshold : x.RegisteredOn < thresholdDate));
        }
        var total = await q.CountAsync(ct);
        var rows = await q.OrderBy(x => x.VillageId).ThenBy(x => x.Name).ThenBy(x => x.Id).Skip((f.Page - 1) * f.PageSize).Take(f.PageSize).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var cats = await db.CaseCategories.AsNoTracking().Where(c => ids.Contains(c.CaseFileId)).ToListAsync(ct);
        var villages = await Casework.NamesAsync(db, rows.Select(r => r.VillageId), ct);
        var masked = db.Actor.ReadOnly;
        return new Paged<CaseFileListItem>(rows.Select(x => new CaseFileListItem(x.Id, x.Number, masked ? Masking.Name(x.Name) : x.Name, x.VillageId,
            villages.GetValueOrDefault(x.VillageId), x.DocumentMasked, x.Sex, Age(x.BirthDate, today),
            cats.Where(c => c.CaseFileId == x.Id && c.ValidOn(today)).Select(c => c.Code).ToList(), x.Status, x.CareLevel, x.LastVisitAt, x.LastHomeVisitAt,
            NoHomeVisit(x, threshold), x.AssignedWorkerId)).ToList(), f.Page, f.PageSize, total);
    }

    /// <summary>
    /// A person's file. For those with casework.sensitive the ID number and health details are decrypted, and the view
    /// itself is recorded (who, whose file, when) in the audit trail; others get the masked file.
    /// </summary>
    public static async Task<CaseFileView> GetAsync(GuanjiaDb db, CaseworkServices s, Guid id, bool audit, CancellationToken ct)
    {
        Casework.Require(db, Permissions.CaseworkRead);
        var f = await db.CaseFiles.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFound("CaseFile", "档案不存在或不在您的范围内", "The file does not exist or is outside your scope");
        var full = Casework.SeesSensitive(db);
        if (full && audit) await RecordAccessAsync(db, s, f, "full-file", ct);
        return await ViewAsync(db, s, f, full, ct);
    }

    internal static async Task RecordAccessAsync(GuanjiaDb db, CaseworkServices s, CaseFile f, string what, CancellationToken ct)
    {
        db.CaseFileAccesses.Add(new CaseFileAccess
        {
            Id = Guid.CreateVersion7(), CaseFileId = f.Id, ScopePath = f.ScopePath, ViewerId = db.Actor.Id, ViewerName = db.Actor.Name, What = what,
            At = s.Now,
        });
        // The reason is read by officials in the audit log: in words, not the access code.
        var words = what switch { "full-file" => "在线查看", "file-document" => "下载档案文书", _ => "查看" };
        await db.Audit("ViewCaseFile", $"{words}{f.Number}的完整档案").SaveChangesAsync(ct);
    }

    internal static async Task<CaseFileView> ViewAsync(GuanjiaDb db, CaseworkServices s, CaseFile f, bool full, CancellationToken ct)
    {
        var (settings, _) = await CaseworkSettingsStore.GetAsync(db, ct);
        var today = s.Today;
        var household = await db.CaseHouseholds.AsNoTracking().SingleAsync(h => h.Id == f.HouseholdId, ct);
        var cats = await db.CaseCategories.AsNoTracking().Where(c => c.CaseFileId == f.Id).OrderBy(c => c.ValidFrom).ToListAsync(ct);
        var village = await Casework.NamesAsync(db, [f.VillageId], ct);
        var masked = db.Actor.ReadOnly;
        return new CaseFileView(f.Id, f.Number, masked ? Masking.Name(f.Name) : f.Name, f.VillageId, village.GetValueOrDefault(f.VillageId), f.TownId,
            f.HouseholdId, masked ? Masking.Address(household.Address) : household.Address, household.UnderDynamicAdjustment, f.Relation, f.DocumentKind,
            f.DocumentMasked, full ? s.Crypto.Unprotect(f.DocumentCipher) : null, f.Sex, f.BirthDate, Age(f.BirthDate, today),
            masked ? Masking.Phone(f.Phone) : f.Phone, f.LocalHukou, masked ? Masking.Address(f.Address) : f.Address,
            full ? s.Crypto.UnprotectOptional(f.HealthCipher) : null, f.DisabilityGrade,
            cats.Select(c => CategoryOf(settings, c, today)).ToList(), f.Status, f.StatusChangedOn, f.StatusNote, f.SelfCare, f.CareLevel,
            f.LastAssessedOn, f.RegisteredOn, f.AssignedWorkerId, f.LastVisitAt, f.LastHomeVisitAt, NoHomeVisit(f, HomeVisitThreshold(s, settings)),
            f.IsDispersedExtremelyPoor, full, f.Version);
    }

    internal static CategoryView CategoryOf(CaseworkSettings settings, CaseCategory c, DateOnly today)
    {
        var def = settings.Category(c.Code);
        return new CategoryView(c.Id, c.Code, def?.Zh ?? c.Code, def?.En ?? c.Code, c.Grade, c.ValidFrom, c.ValidTo, c.Note, c.ValidOn(today));
    }

    /// <summary>Everything about a person on one timeline, newest first (R-CA-13).</summary>
    public static async Task<IReadOnlyList<TimelineEvent>> TimelineAsync(GuanjiaDb db, CaseworkServices s, Guid id, CancellationToken ct)
    {
        Casework.Require(db, Permissions.CaseworkRead);
        var f = await db.CaseFiles.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFound("CaseFile", "档案不存在或不在您的范围内", "The file does not exist or is outside your scope");
        var (settings, _) = await CaseworkSettingsStore.GetAsync(db, ct);
        var events = new List<TimelineEvent> { new(f.RegisteredAt, "Registered", "建档", f.Number, f.Id) };
        foreach (var c in await db.CaseCategories.AsNoTracking().Where(c => c.CaseFileId == id).ToListAsync(ct))
        {
            var zh = settings.Category(c.Code)?.Zh ?? c.Code;
            events.Add(new(ChinaTime.StartOfDay(c.ValidFrom), "CategoryFrom", $"纳入{zh}", c.Note, c.Id));
            if (c.ValidTo is { } to) events.Add(new(ChinaTime.EndOfDay(to), "CategoryTo", $"{zh}到期/退出", null, c.Id));
        }
        foreach (var v in await db.Visits.AsNoTracking().Where(v => v.CaseFileId == id).ToListAsync(ct))
            events.Add(new(v.VisitedAt, "Visit", $"探视巡访（{VisitQueries.ModeZh(v.Mode)}）",
                v.SuddenChange != SuddenChange.None ? $"突发情况：{v.SuddenChange}" : null, v.Id));
        foreach (var a in await db.SelfCareAssessments.AsNoTracking().Where(a => a.CaseFileId == id).ToListAsync(ct))
            events.Add(new(a.CreatedAt, "Assessment", $"自理能力评估：{SelfCare.Zh(a.Result)}", $"照料等级：{SelfCare.Zh(a.CareLevel)}", a.Id));
        foreach (var i in await db.MeansInvestigations.AsNoTracking().Where(i => i.HouseholdId == f.HouseholdId).ToListAsync(ct))
            events.Add(new(i.CreatedAt, "MeansInvestigation", $"家计调查（{Months.Text(i.Month)}）", i.Flag == MeansFlag.None ? null : Means.Zh(i.Flag), i.Id));
        foreach (var p in await db.CasePlans.AsNoTracking().Where(p => p.CaseFileId == id).ToListAsync(ct))
        {
            events.Add(new(p.CreatedAt, "Plan", "制定服务方案（一人一策）", p.Goals, p.Id));
            if (p.ClosedAt is { } closed) events.Add(new(closed, "PlanClosed", "服务方案结案", p.ClosureNote, p.Id));
            foreach (var e in await db.CasePlanEntries.AsNoTracking().Where(e => e.PlanId == p.Id).ToListAsync(ct))
                events.Add(new(e.At, "Plan" + e.Kind, $"服务方案：{e.Kind}", e.Text, e.Id));
        }
        foreach (var l in await db.ResourceLinks.AsNoTracking().Where(l => l.CaseFileId == id).ToListAsync(ct))
            events.Add(new(ChinaTime.StartOfDay(l.LinkedOn), "ResourceLink", $"资源链接：{l.ProviderName}", l.Result ?? l.Need, l.Id));
        foreach (var p in await db.ReportedProblems.AsNoTracking().Where(p => p.CaseFileId == id).ToListAsync(ct))
            events.Add(new(p.ReportedAt, "Problem", "上报问题", p.Text, p.Id));
        if (f.StatusChangedOn is { } changed)
            events.Add(new(ChinaTime.StartOfDay(changed), "Status", f.Status == CaseStatus.Died ? "死亡" : "退出救助", f.StatusNote, f.Id));
        return events.OrderByDescending(e => e.At).ToList();
    }

    /// <summary>Finds an open file by document number through the keyed hash; elsewhere says only that.</summary>
    public static async Task<LookupResult> LookupAsync(GuanjiaDb db, CaseworkServices s, DocumentKind? kind, string? number, CancellationToken ct)
    {
        Casework.Require(db, Permissions.CaseworkRecord);
        var n = IdNumber.Normalize(number);
        new Check().Defined("documentKind", kind, "证件类型").Required("documentNumber", n, "证件号码", "Document number").ThrowIfFailed();
        var hash = s.Crypto.LookupHash(kind!.Value, n);
        var hit = await db.CaseFiles.IgnoreQueryFilters().AsNoTracking().Where(f => f.ActiveDocumentHash == hash)
            .Select(f => new { f.Id, f.Number, f.ScopePath }).FirstOrDefaultAsync(ct);
        if (hit is null) return new LookupResult(false, false, null, null, null, null);
        return db.Actor.Sees(hit.ScopePath)
            ? new LookupResult(true, false, hit.Id, hit.Number, $"/api/civil-affairs/files/{hit.Id}", null)
            : new LookupResult(true, true, null, null, null, "/api/civil-affairs/transfer-requests");
    }
}
