using Guanjia.App.Persistence;
using Guanjia.Domain.Accounts;
using Guanjia.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Accounts;

public sealed record UserView(Guid Id, string UserName, string DisplayName, Role Role, string RoleName, Guid OrganizationId,
    string OrganizationName, string ScopePath, string? Phone, bool IsActive, bool IsLocked, DateTimeOffset? LastSignInAt, int Version);

/// <summary>Lists and reads users; the scope filter of the data layer decides whom a caller sees.</summary>
public static class UserQueries
{
    public sealed record Filter(Role? Role, Guid? OrganizationId, string? Q, bool? Active, int Page = 1, int PageSize = 20);

    public static async Task<Paged<UserView>> ListAsync(GuanjiaDb db, TimeProvider clock, Filter f, CancellationToken ct)
    {
        new PageRequest(f.Page, f.PageSize).Validate();
        var q = db.Users.AsNoTracking();
        if (f.Role is { } role) q = q.Where(u => u.Role == role);
        if (f.OrganizationId is { } org) q = q.Where(u => u.OrganizationId == org);
        if (f.Active is { } active) q = q.Where(u => u.IsActive == active);
        if (!string.IsNullOrWhiteSpace(f.Q)) q = q.Where(u => u.UserName.Contains(f.Q) || u.DisplayName.Contains(f.Q));
        var total = await q.CountAsync(ct);
        var rows = await q.OrderBy(u => u.ScopePath).ThenBy(u => u.UserName).Skip((f.Page - 1) * f.PageSize).Take(f.PageSize)
            .Join(db.Organizations, u => u.OrganizationId, o => o.Id, (u, o) => new { u, o.Name })
            .ToListAsync(ct);
        var now = clock.GetUtcNow();
        return new Paged<UserView>(rows.Select(x => ToView(x.u, x.Name, now)).ToList(), f.Page, f.PageSize, total);
    }

    public static async Task<UserView> GetAsync(GuanjiaDb db, TimeProvider clock, Guid id, CancellationToken ct)
    {
        var row = await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Join(db.Organizations, u => u.OrganizationId, o => o.Id, (u, o) => new { u, o.Name })
            .FirstOrDefaultAsync(ct) ?? throw NotFoundUser();
        return ToView(row.u, row.Name, clock.GetUtcNow());
    }

    internal static NotFound NotFoundUser() => new("User", "找不到该用户", "User not found");

    internal static UserView ToView(User u, string orgName, DateTimeOffset now) =>
        new(u.Id, u.UserName, u.DisplayName, u.Role, RoleCatalog.Get(u.Role).Zh, u.OrganizationId, orgName, u.ScopePath,
            Masking.Phone(u.Phone), u.IsActive, u.IsLockedAt(now), u.LastSignInAt, u.Version);
}
