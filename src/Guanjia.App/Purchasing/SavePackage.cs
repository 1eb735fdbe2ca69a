using Guanjia.App.Persistence;
using Guanjia.Domain.Common;
using Guanjia.Domain.Organizations;
using Guanjia.Domain.Purchasing;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Purchasing;

/// <summary>
/// R-PS-03: the bureau groups communities into purchase packages (004 五: three packages of 22 communities), each tendered to one
/// contractor for a period; a community is in at most one package of any period (overlapping periods count as one). R-PS-02:
/// each package says what it buys. A package can be changed until its tender is recorded.
/// </summary>
public static class SavePackage
{
    public sealed record Request(string? Name, string? PeriodStart, string? PeriodEnd, IReadOnlyList<ServiceContent>? Contents, IReadOnlyList<Guid>? CommunityIds,
        string? Note, int? Version, string? Reason);

    public static async Task<PackageView> CreateAsync(GuanjiaDb db, PurchasingServices s, Request r, CancellationToken ct)
    {
        PurchasingSteps.RequireManage(db);
        var (root, bureau) = await PurchasingSteps.BureauAsync(db, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await LockAsync(db, root.Code, ct);
        var (start, end, communities) = await ValidateAsync(db, root.Path, null, r, new Check(), ct);
        var now = s.Clock.GetUtcNow();
        var p = new ServicePackage
        {
            Id = Guid.CreateVersion7(), BureauId = bureau.Id, ScopePath = bureau.Path, Name = r.Name!.Trim(), PeriodStart = start, PeriodEnd = end,
            Contents = PurchasingTerms.Join(r.Contents!), Note = Blank(r.Note), CreatedAt = now, UpdatedAt = now,
        };
        db.ServicePackages.Add(p);
        foreach (var c in communities)
            db.PackageCommunities.Add(new PackageCommunity
            {
                PackageId = p.Id, CommunityId = c.Id, TownId = c.ParentId!.Value, ScopePath = bureau.Path, PeriodStart = start, PeriodEnd = end,
            });
        await db.Audit("CreateServicePackage").SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return await PurchasingQueries.PackageAsync(db, s.Rules, p.Id, ct);
    }

    public static async Task<PackageView> UpdateAsync(GuanjiaDb db, PurchasingServices s, Guid id, Request r, CancellationToken ct)
    {
        PurchasingSteps.RequireManage(db);
        var (root, bureau) = await PurchasingSteps.BureauAsync(db, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await LockAsync(db, root.Code, ct);
        var p = await db.ServicePackages.SingleOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFound("ServicePackage", "服务包不存在或不在您的管辖范围内", "The package does not exist or is outside your scope");
        if (r.Version != p.Version) throw new Conflict("服务包已被他人修改，请刷新后重试", "The package was changed by someone else; reload and retry");
        if (await db.TenderRecords.AnyAsync(t => t.PackageId == id, ct))
            throw new Conflict("服务包已完成招标，不能再调整", "The package has been tendered; it can no longer change");
        var check = new Check().Required("reason", r.Reason, "修改原因", "Reason").MaxLength("reason", r.Reason, 500, "修改原因", "Reason");
        var (start, end, communities) = await ValidateAsync(db, root.Path, id, r, check, ct);
        p.Name = r.Name!.Trim();
        p.PeriodStart = start;
        p.PeriodEnd = end;
        p.Contents = PurchasingTerms.Join(r.Contents!);
        p.Note = Blank(r.Note);
        p.UpdatedAt = s.Clock.GetUtcNow();
        var old = await db.PackageCommunities.Where(x => x.PackageId == id).ToListAsync(ct);
        db.PackageCommunities.RemoveRange(old.Where(o => communities.All(c => c.Id != o.CommunityId)));
        foreach (var o in old.Where(o => communities.Any(c => c.Id == o.CommunityId)))
        {
            o.PeriodStart = start;
            o.PeriodEnd = end;
        }
        foreach (var c in communities.Where(c => old.All(o => o.CommunityId != c.Id)))
            db.PackageCommunities.Add(new PackageCommunity
            {
                PackageId = id, CommunityId = c.Id, TownId = c.ParentId!.Value, ScopePath = bureau.Path, PeriodStart = start, PeriodEnd = end,
            });
        await db.Audit("UpdateServicePackage", r.Reason).SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return await PurchasingQueries.PackageAsync(db, s.Rules, id, ct);
    }

    /// <summary>
    /// One writer of a jurisdiction's packages at a time: the check "in no other package of the period" and the insert happen
    /// under a row lock (PostgreSQL; SQLite's write transaction already serialises writers), so two packages saved together
    /// cannot both take the same community.
    /// </summary>
    private static async Task LockAsync(GuanjiaDb db, string jurisdictionCode, CancellationToken ct)
    {
        var series = $"PKG{jurisdictionCode}";
        if (series.Length > 20) series = series[..20];
        await db.Database.ExecuteSqlAsync($"INSERT INTO number_series (series, last_value) VALUES ({series}, 0) ON CONFLICT (series) DO NOTHING", ct);
        await db.Database.ExecuteSqlAsync($"UPDATE number_series SET last_value = last_value + 1 WHERE series = {series}", ct);
    }

    private static async Task<(DateOnly Start, DateOnly End, List<Organization> Communities)> ValidateAsync(GuanjiaDb db, string root, Guid? self, Request r,
        Check c, CancellationToken ct)
    {
        c.Required("name", r.Name, "服务包名称", "Name").MaxLength("name", r.Name, 100, "服务包名称", "Name")
            .MaxLength("note", r.Note, 1000, "备注", "Note")
            .When(r.Contents is null || r.Contents.Count == 0, "contents", "required",
                "请选择购买内容（养老、青少年、社会救助等）（R-PS-02）", "Choose what the package buys (R-PS-02)")
            .When(!PurchasingSteps.AllDefined(r.Contents), "contents", "invalid", "购买内容无效", "Unknown content");
        var start = PurchasingSteps.Date(c, "periodStart", r.PeriodStart, "服务期起始日", "periodStart");
        var end = PurchasingSteps.Date(c, "periodEnd", r.PeriodEnd, "服务期截止日", "periodEnd");
        c.When(start is not null && end is not null && end < start, "periodEnd", "before_start", "服务期截止日不能早于起始日", "periodEnd is before periodStart")
            .When(start is not null && end is not null && end > start.Value.AddYears(5), "periodEnd", "too_long", "服务期最长5年", "A period lasts at most 5 years");
        var ids = r.CommunityIds ?? [];
        c.When(ids.Count == 0, "communityIds", "required", "请选择服务包包含的社区（R-PS-03）", "Choose the package's communities (R-PS-03)")
            .When(ids.Count > 500, "communityIds", "too_many", "一个服务包最多500个社区", "At most 500 communities in a package");
        var orgs = await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        var seen = new HashSet<Guid>();
        var communities = new List<Organization>();
        for (var i = 0; i < ids.Count; i++)
        {
            var field = $"communityIds[{i}]";
            if (!seen.Add(ids[i])) { c.Add(field, "duplicate", "社区重复", "The community is listed twice"); continue; }
            if (!orgs.TryGetValue(ids[i], out var o) || !o.IsVillageLevel || !o.Path.StartsWith(root, StringComparison.Ordinal))
            {
                c.Add(field, "not_a_community", "不是本管辖区的社区（村）", "Not a community of your jurisdiction");
                continue;
            }
            communities.Add(o);
        }
        if (c.Ok && start is { } s0 && end is { } e0)
        {
            // R-PS-03: a community in at most one package per period.
            var clashes = await db.PackageCommunities.AsNoTracking()
                .Where(x => ids.Contains(x.CommunityId) && x.PackageId != self && x.PeriodStart <= e0 && s0 <= x.PeriodEnd)
                .Join(db.ServicePackages, x => x.PackageId, p => p.Id, (x, p) => new { x.CommunityId, p.Name, p.PeriodStart, p.PeriodEnd })
                .ToListAsync(ct);
            for (var i = 0; i < ids.Count; i++)
                foreach (var clash in clashes.Where(x => x.CommunityId == ids[i]).Take(1))
                    c.Add($"communityIds[{i}]", "in_another_package",
                        $"{orgs[ids[i]].Name}已在“{clash.Name}”（{clash.PeriodStart:yyyy-MM-dd}至{clash.PeriodEnd:yyyy-MM-dd}）中，同一服务期内一个社区只能属于一个服务包（R-PS-03）",
                        $"{orgs[ids[i]].Name} is already in package '{clash.Name}' for an overlapping period; a community belongs to one package per period (R-PS-03)");
        }
        c.ThrowIfFailed();
        return (start!.Value, end!.Value, communities);
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
