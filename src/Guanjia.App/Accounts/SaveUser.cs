using Guanjia.App.Persistence;
using Guanjia.Domain.Accounts;
using Guanjia.Domain.Common;
using Guanjia.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Accounts;

/// <summary>
/// Creating and changing accounts. A manager grants only roles no wider than their own, at
/// organisations inside their own scope (R-PL-03).
/// </summary>
public static class SaveUser
{
    public sealed record Create(string? UserName, string? DisplayName, Role? Role, Guid? OrganizationId, string? Password, string? Phone);

    public sealed record Update(string? DisplayName, Role? Role, Guid? OrganizationId, string? Phone, bool IsActive, int Version, string? Reason);

    public sealed record ResetPassword(string? Password, string? Reason);

    public static async Task<UserView> CreateAsync(GuanjiaDb db, Passwords passwords, TimeProvider clock, Create r, CancellationToken ct)
    {
        var check = new Check()
            .Required("userName", r.UserName, "用户名", "User name").MaxLength("userName", r.UserName, 64, "用户名", "User name")
            .When(r.UserName is not null && r.UserName.Any(c => !char.IsAsciiLetterOrDigit(c) && c is not '.' and not '_' and not '-'),
                "userName", "invalid", "用户名只能包含字母、数字、点、下划线和连字符", "User name may contain letters, digits, '.', '_' and '-' only")
            .Required("displayName", r.DisplayName, "姓名", "Display name").MaxLength("displayName", r.DisplayName, 64, "姓名", "Display name")
            .MaxLength("phone", r.Phone, 40, "电话", "Phone");
        Passwords.Validate(check, "password", r.Password);
        var (org, _, scopePath) = await ResolveBindingAsync(db, check, r.Role, r.OrganizationId, ct);
        if (r.UserName is not null && await db.Users.IgnoreQueryFilters().AnyAsync(u => u.UserName == r.UserName.Trim(), ct))
            check.Add("userName", "duplicate", "用户名已被使用", "The user name is already taken");
        check.ThrowIfFailed();

        var user = new User
        {
            Id = Guid.CreateVersion7(),
            UserName = r.UserName!.Trim(),
            DisplayName = r.DisplayName!.Trim(),
            Role = r.Role!.Value,
            OrganizationId = org!.Id,
            ScopePath = scopePath!,
            Phone = r.Phone,
            CreatedAt = clock.GetUtcNow(),
        };
        user.PasswordHash = passwords.Hash(user, r.Password!);
        db.Users.Add(user);
        await db.Audit("CreateUser").SaveChangesAsync(ct);
        return UserQueries.ToView(user, org.Name, clock.GetUtcNow());
    }

    public static async Task<UserView> UpdateAsync(GuanjiaDb db, TimeProvider clock, Guid id, Update r, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, ct) ?? throw UserQueries.NotFoundUser();
        if (user.Version != r.Version)
            throw new Conflict("该用户已被他人修改，请刷新后重试", "The user was changed by someone else; reload and retry");
        if (user.Id == db.Actor.Id && (r.Role != user.Role || !r.IsActive))
            throw new ValidationFailed("role", "self_change", "不能修改自己的角色或停用自己", "You cannot change your own role or deactivate yourself");
        var check = new Check()
            .Required("displayName", r.DisplayName, "姓名", "Display name").MaxLength("displayName", r.DisplayName, 64, "姓名", "Display name")
            .MaxLength("phone", r.Phone, 40, "电话", "Phone")
            .Required("reason", r.Reason, "修改原因", "Reason");
        var (org, _, scopePath) = await ResolveBindingAsync(db, check, r.Role, r.OrganizationId, ct);
        check.ThrowIfFailed();
        var roleChanged = user.Role != r.Role || user.OrganizationId != org!.Id;
        user.DisplayName = r.DisplayName!.Trim();
        user.Role = r.Role!.Value;
        user.OrganizationId = org!.Id;
        user.ScopePath = scopePath!;
        user.Phone = r.Phone;
        user.IsActive = r.IsActive;
        if (roleChanged || !r.IsActive) user.SecurityStamp = Guid.NewGuid().ToString("N");
        await db.Audit("UpdateUser", r.Reason).SaveChangesAsync(ct);
        return UserQueries.ToView(user, org.Name, clock.GetUtcNow());
    }

    public static async Task ResetPasswordAsync(GuanjiaDb db, Passwords passwords, Guid id, ResetPassword r, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, ct) ?? throw UserQueries.NotFoundUser();
        var check = new Check().Required("reason", r.Reason, "修改原因", "Reason");
        Passwords.Validate(check, "password", r.Password);
        check.ThrowIfFailed();
        user.PasswordHash = passwords.Hash(user, r.Password!);
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        user.FailedSignIns = 0;
        user.LockedUntil = null;
        await db.Audit("ResetPassword", r.Reason).SaveChangesAsync(ct);
    }

    public static async Task UnlockAsync(GuanjiaDb db, Guid id, string? reason, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, ct) ?? throw UserQueries.NotFoundUser();
        new Check().Required("reason", reason, "修改原因", "Reason").ThrowIfFailed();
        user.FailedSignIns = 0;
        user.LockedUntil = null;
        await db.Audit("Unlock", reason).SaveChangesAsync(ct);
    }

    /// <summary>Role and organisation must fit each other and the manager's own role and scope.</summary>
    private static async Task<(Organization? Org, Organization? Parent, string? ScopePath)> ResolveBindingAsync(
        GuanjiaDb db, Check check, Role? role, Guid? organizationId, CancellationToken ct)
    {
        var actor = db.Actor;
        if (role is null || !Enum.IsDefined(role.Value))
        {
            check.Add("role", "required", "请选择角色", "role is required");
            return default;
        }
        if (actor.Role is { } mine && !RoleCatalog.CanGrant(mine, role.Value))
            check.Add("role", "outside_scope", $"无权授予“{RoleCatalog.Get(role.Value).Zh}”角色", $"You may not grant the role {role}");
        if (organizationId is null)
        {
            check.Add("organizationId", "required", "请选择所属组织", "organizationId is required");
            return default;
        }
        var org = await db.Organizations.FirstOrDefaultAsync(o => o.Id == organizationId, ct);
        if (org is null)
        {
            check.Add("organizationId", "unknown_organization", "所属组织不存在", "The organisation does not exist");
            return default;
        }
        var info = RoleCatalog.Get(role.Value);
        if (!info.BindsTo.Contains(org.Kind))
        {
            check.Add("organizationId", "role_mismatch", $"“{info.Zh}”不能属于{org.Name}", $"Role {role} cannot belong to a {org.Kind}");
            return (org, null, null);
        }
        var parent = org.ParentId is { } pid ? await db.Organizations.FirstOrDefaultAsync(o => o.Id == pid, ct) : null;
        var scopePath = RoleCatalog.ScopePathFor(role.Value, org, parent);
        if (!actor.Sees(scopePath))
            check.Add("organizationId", "outside_scope", "该组织不在您的管理范围内", "The organisation is outside your scope");
        return (org, parent, scopePath);
    }
}
