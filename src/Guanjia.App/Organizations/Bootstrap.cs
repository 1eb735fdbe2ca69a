using Guanjia.App.Accounts;
using Guanjia.App.Persistence;
using Guanjia.Domain.Accounts;
using Guanjia.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Organizations;

/// <summary>
/// A production start without demo data: when the database has no account at all, creates the city,
/// its civil-affairs bureau and one city administrator from configuration, so someone can sign in and
/// build the real tree. Does nothing once any account exists.
/// </summary>
public static class Bootstrap
{
    public sealed record Settings(string? CityCode, string? CityName, string? AdminUserName, string? AdminPassword);

    public static async Task<bool> RunAsync(GuanjiaDb db, Passwords passwords, TimeProvider clock, Settings s, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(s.AdminUserName) || string.IsNullOrWhiteSpace(s.AdminPassword)) return false;
        if (await db.Users.IgnoreQueryFilters().AnyAsync(ct)) return false;
        var check = new Domain.Common.Check();
        Passwords.Validate(check, "Bootstrap:AdminPassword", s.AdminPassword);
        if (!check.Ok) throw new InvalidOperationException("Bootstrap:AdminPassword is too weak: at least 8 characters with letters and digits");

        var now = clock.GetUtcNow();
        var cityCode = string.IsNullOrWhiteSpace(s.CityCode) ? "441900" : s.CityCode.Trim();
        var city = await db.Organizations.FirstOrDefaultAsync(o => o.Kind == OrganizationKind.City && o.Code == cityCode, ct);
        if (city is null)
        {
            city = new Organization
            {
                Id = Guid.CreateVersion7(), Code = cityCode, Name = string.IsNullOrWhiteSpace(s.CityName) ? "东莞市" : s.CityName.Trim(),
                Kind = OrganizationKind.City, Path = Organization.ChildPath(null, cityCode), CreatedAt = now,
            };
            db.Organizations.Add(city);
        }
        var bureauCode = cityCode + "-MZJ";
        var bureau = await db.Organizations.FirstOrDefaultAsync(o => o.Code == bureauCode, ct);
        if (bureau is null)
        {
            bureau = new Organization
            {
                Id = Guid.CreateVersion7(), Code = bureauCode, Name = city.Name + "民政局", Kind = OrganizationKind.CityDepartment,
                Function = DepartmentFunction.CivilAffairs, ParentId = city.Id, Path = Organization.ChildPath(city.Path, bureauCode), CreatedAt = now,
            };
            db.Organizations.Add(bureau);
        }
        var admin = new User
        {
            Id = Guid.CreateVersion7(), UserName = s.AdminUserName.Trim(), DisplayName = "系统管理员", Role = Role.CityCivilAffairs,
            OrganizationId = bureau.Id, ScopePath = RoleCatalog.ScopePathFor(Role.CityCivilAffairs, bureau, city), CreatedAt = now,
        };
        admin.PasswordHash = passwords.Hash(admin, s.AdminPassword);
        db.Users.Add(admin);
        await db.Audit("Bootstrap", "首次启动：创建市级管理员").SaveChangesAsync(ct);
        return true;
    }
}
