using Guanjia.App.Persistence;
using Guanjia.Domain.Accounts;
using Guanjia.Domain.Common;
using Guanjia.Domain.Funds;
using Guanjia.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Funds;

/// <summary>
/// The city opens the programme's accounts (R-FD-05, R-FD-07): its own programme fund, each town's 微实事 account and
/// 微心愿 fund (held by the town charity, or by the town's finance until the charity exists), each village's dedicated
/// account and ring-fenced purchased-service accounts. <see cref="SetUpAsync"/> opens the standard set at once.
/// </summary>
public static class OpenAccount
{
    public sealed record Request(Guid? OrganizationId, AccountKind? Kind, string? Name);

    public sealed record SetUpResult(int Opened, int Existing);

    private static void RequireCity(GuanjiaDb db)
    {
        if (!db.Actor.Has(Permissions.FundsManage)) throw new Forbidden("只有市民政局可以开设资金账户", "Only the city opens fund accounts");
    }

    public static async Task<AccountView> HandleAsync(GuanjiaDb db, TimeProvider clock, Request r, CancellationToken ct)
    {
        RequireCity(db);
        var org = r.OrganizationId is { } id ? await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct) : null;
        var fits = (r.Kind, org?.Kind) switch
        {
            (AccountKind.CityProgramme, OrganizationKind.City) => true,
            (AccountKind.TownMicroProject or AccountKind.TownWishFund, { } k) => Organization.IsTownKind(k),
            (AccountKind.VillageMicroProject, { } k) => Organization.IsVillageKind(k),
            (AccountKind.PurchasedService, OrganizationKind.City) => true,
            (AccountKind.PurchasedService, { } k) => Organization.IsTownKind(k) || Organization.IsVillageKind(k),
            _ => false,
        };
        new Check()
            .When(org is null, "organizationId", "required", "请选择开户单位", "organizationId is required")
            .When(r.Kind is null or AccountKind.External or AccountKind.Expenditure or AccountKind.TownPilot or AccountKind.VillagePilot
                || !Enum.IsDefined(r.Kind ?? 0), "kind", "invalid",
                "请选择账户类型", "kind must be CityProgramme, TownMicroProject, TownWishFund, VillageMicroProject or PurchasedService")
            .When(org is not null && r.Kind is not null && !fits, "kind", "wrong_holder", "该单位不能开设此类账户", "This organisation cannot hold that kind of account")
            .MaxLength("name", r.Name, 150, "账户名称", "Name")
            .ThrowIfFailed();
        var holder = r.Kind == AccountKind.TownWishFund ? await WishHolderAsync(db, org!, ct) : org!;
        var slot = FundAccount.SlotOf(r.Kind!.Value, null);
        if (await db.FundAccounts.IgnoreQueryFilters().AnyAsync(a => a.OrganizationId == holder.Id && a.Slot == slot, ct))
            throw new Conflict("该单位已有此类账户", "The organisation already has that account");
        var a = await FundBook.EnsureAsync(db, clock, holder, r.Kind.Value, null, string.IsNullOrWhiteSpace(r.Name) ? DefaultName(org!, holder, r.Kind.Value) : r.Name.Trim(), ct);
        await db.Audit("OpenFundAccount").SaveChangesAsync(ct);
        return await FundBook.ViewAsync(db, a, ct);
    }

    /// <summary>R-FD-05: the town charity's special fund receives 微心愿 money; until one exists, the town's finance holds it.</summary>
    public static async Task<Organization> WishHolderAsync(GuanjiaDb db, Organization town, CancellationToken ct)
    {
        var depts = await db.Organizations.AsNoTracking().Where(o => o.ParentId == town.Id && o.Kind == OrganizationKind.TownDepartment && o.IsActive).ToListAsync(ct);
        return depts.FirstOrDefault(d => d.Function == DepartmentFunction.Charity)
            ?? depts.FirstOrDefault(d => d.Function == DepartmentFunction.Finance) ?? town;
    }

    public static string DefaultName(Organization org, Organization holder, AccountKind kind) => kind switch
    {
        AccountKind.TownWishFund when holder.Function == DepartmentFunction.Charity => $"{holder.Name}社区治理专项基金（民生微心愿）",
        AccountKind.TownWishFund => $"{org.Name}财政“民生大莞家”专项资金账户（代管民生微心愿）",
        _ => FundNames.Of(org.Name, kind),
    };

    /// <summary>Opens whatever of the standard set is missing: the city's fund, and per town and village their accounts.</summary>
    public static async Task<SetUpResult> SetUpAsync(GuanjiaDb db, TimeProvider clock, CancellationToken ct)
    {
        RequireCity(db);
        var before = await db.FundAccounts.IgnoreQueryFilters().CountAsync(ct);
        var orgs = await db.Organizations.AsNoTracking().Where(o => o.IsActive).ToListAsync(ct);
        await db.FundAccounts.IgnoreQueryFilters().LoadAsync(ct);
        foreach (var o in orgs.Where(o => o.Kind == OrganizationKind.City))
            await FundBook.EnsureAsync(db, clock, o, AccountKind.CityProgramme, null, null, ct);
        foreach (var t in orgs.Where(o => o.IsTownLevel))
        {
            await FundBook.EnsureAsync(db, clock, t, AccountKind.TownMicroProject, null, null, ct, t.Id);
            var holder = await WishHolderAsync(db, t, ct);
            await FundBook.EnsureAsync(db, clock, holder, AccountKind.TownWishFund, null, DefaultName(t, holder, AccountKind.TownWishFund), ct, t.Id);
        }
        foreach (var v in orgs.Where(o => o.IsVillageLevel))
            await FundBook.EnsureAsync(db, clock, v, AccountKind.VillageMicroProject, null, null, ct, v.ParentId);
        var added = db.FundAccounts.Local.Count(a => db.Entry(a).State == EntityState.Added);
        if (added > 0) await db.Audit("SetUpFundAccounts").SaveChangesAsync(ct);
        return new SetUpResult(added, before);
    }
}
