using Guanjia.App.Persistence;
using Guanjia.Domain.Common;
using Guanjia.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Organizations;

public sealed record OrganizationView(
    Guid Id, string Code, string Name, string? NameEn, OrganizationKind Kind, Guid? ParentId, string Path,
    int? EconomicClass, bool IsPilot, DepartmentFunction? Function, bool IsLead, string? Address, string? Phone,
    bool IsActive, int Version);

public sealed record OrganizationNode(Guid Id, string Code, string Name, OrganizationKind Kind, int? EconomicClass, bool IsPilot,
    IReadOnlyList<OrganizationNode> Children);

/// <summary>
/// The organisation tree is reference data every signed-in user may read (names of towns, villages and
/// departments); changing it is the city's task.
/// </summary>
public static class OrganizationQueries
{
    public sealed record Filter(OrganizationKind? Kind, Guid? ParentId, string? Q, bool? Pilot, int Page = 1, int PageSize = 50);

    internal static OrganizationView ToView(Organization o) => new(o.Id, o.Code, o.Name, o.NameEn, o.Kind, o.ParentId, o.Path,
        o.EconomicClass, o.IsPilot, o.Function, o.IsLead, o.Address, o.Phone, o.IsActive, o.Version);

    public static async Task<Paged<OrganizationView>> ListAsync(GuanjiaDb db, Filter f, CancellationToken ct)
    {
        new PageRequest(f.Page, f.PageSize).Validate();
        var q = db.Organizations.AsNoTracking();
        if (f.Kind is { } k) q = q.Where(o => o.Kind == k);
        if (f.ParentId is { } p) q = q.Where(o => o.ParentId == p);
        if (f.Pilot is { } pilot) q = q.Where(o => o.IsPilot == pilot);
        if (!string.IsNullOrWhiteSpace(f.Q)) q = q.Where(o => o.Name.Contains(f.Q) || o.Code.StartsWith(f.Q));
        var total = await q.CountAsync(ct);
        var items = await q.OrderBy(o => o.Path).Skip((f.Page - 1) * f.PageSize).Take(f.PageSize).ToListAsync(ct);
        return new Paged<OrganizationView>(items.Select(ToView).ToList(), f.Page, f.PageSize, total);
    }

    public static async Task<OrganizationView> GetAsync(GuanjiaDb db, Guid id, CancellationToken ct)
    {
        var o = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFound("Organization", "找不到该组织", "Organisation not found");
        return ToView(o);
    }

    /// <summary>City → towns → villages, the administrative spine (departments and contractors are listed separately).</summary>
    public static async Task<IReadOnlyList<OrganizationNode>> TreeAsync(GuanjiaDb db, CancellationToken ct)
    {
        var kinds = new[] { OrganizationKind.City, OrganizationKind.Town, OrganizationKind.Street, OrganizationKind.Park,
            OrganizationKind.Village, OrganizationKind.Community };
        var all = await db.Organizations.AsNoTracking().Where(o => kinds.Contains(o.Kind) && o.IsActive)
            .OrderBy(o => o.Code).ToListAsync(ct);
        var byParent = all.ToLookup(o => o.ParentId);
        OrganizationNode Node(Organization o) => new(o.Id, o.Code, o.Name, o.Kind, o.EconomicClass, o.IsPilot,
            byParent[o.Id].Select(Node).ToList());
        return byParent[null].Select(Node).ToList();
    }

    /// <summary>Names of the given organisations, for lists that show where each row belongs.</summary>
    public static async Task<Dictionary<Guid, string>> NamesAsync(GuanjiaDb db, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return await db.Organizations.AsNoTracking().Where(o => list.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
    }
}
