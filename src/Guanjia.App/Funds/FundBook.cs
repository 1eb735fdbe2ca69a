using Guanjia.App.Persistence;
using Guanjia.Domain.Accounts;
using Guanjia.Domain.Calendar;
using Guanjia.Domain.Common;
using Guanjia.Domain.Funds;
using Guanjia.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Funds;

public sealed record SourceBalance(FundSource Source, string SourceZh, long BalanceFen);

public sealed record AccountView(Guid Id, AccountKind Kind, string KindZh, Guid OrganizationId, Guid? TownId, string Name, FundSource? Source,
    long BalanceFen, bool RingFenced, IReadOnlyList<SourceBalance> BySource, int Version);

public sealed record LineView(Guid AccountId, string AccountName, AccountKind AccountKind, FundSource Source, string SourceZh, long DebitFen, long CreditFen);

public sealed record EntryView(Guid Id, EntryKind Kind, int Year, DateTimeOffset At, string Description, string? Reference, string? Payee,
    PaymentTarget? TargetKind, Guid? TargetId, Guid? ReversesId, Guid? ReversedById, long AmountFen, string? ByName, IReadOnlyList<LineView> Lines);

/// <summary>
/// Writes balanced entries (R-FD-06): every posting changes the account's balance in the same save, and the account's
/// version makes two payments racing for the same money conflict (the loser gets 409). Checks that no money-holding
/// account goes below zero for any source (R-FD-01: money keeps its source). Nothing is saved here; the use case saves.
/// </summary>
public static class FundBook
{
    public sealed record Posting(FundAccount Account, FundSource Source, long AmountFen);

    public static int YearNow(TimeProvider clock) => ChinaTime.LocalDate(clock.GetUtcNow()).Year;

    public static void CheckAmount(Check c, long? amount, string field = "amountFen") =>
        c.When(amount is null or <= 0, field, "out_of_range", "金额须为大于0的整数（单位：分）", $"{field} must be a whole number of fen above zero");

    public static void CheckYear(Check c, int? year) =>
        c.When(year is < 2020 or > 2100, "year", "out_of_range", "年度无效", "year is not valid");

    public static void CheckSource(Check c, FundSource? source) =>
        c.When(source is null || !Enum.IsDefined(source.Value), "source", "required", "请选择资金来源", "source is required (R-FD-01)");

    /// <summary>The account in the caller's scope, tracked for the balance update.</summary>
    public static async Task<FundAccount> AccountAsync(GuanjiaDb db, Guid? id, string field, CancellationToken ct) =>
        id is { } x ? await db.FundAccounts.SingleOrDefaultAsync(a => a.Id == x, ct)
            ?? throw new ValidationFailed(field, "unknown_account", "账户不存在或不在您的管辖范围内", "The account does not exist or is outside your scope")
        : throw new ValidationFailed(field, "required", "请选择账户", $"{field} is required");

    /// <summary>
    /// City accounts are the city's (funds.manage); the others are paid from by the town's lead department or its
    /// finance department (funds.pay), within its scope, and a village's staff pay from their village's own accounts (R-FD-05, R-ST-10:
    /// the village manages and uses its dedicated money and pays its contractors; the scope keeps them to their own).
    /// </summary>
    public static async Task RequireMayMoveAsync(GuanjiaDb db, FundAccount from, CancellationToken ct)
    {
        var a = db.Actor;
        // The city's own money, and a bureau's ring-fenced purchased-service money held above any town (R-FD-07), are the city's to move.
        if (from.Kind == AccountKind.CityProgramme || (from.Kind == AccountKind.PurchasedService && from.TownId is null))
        {
            if (!a.Has(Permissions.FundsManage)) throw new Forbidden("只有市民政局可以动用市专项资金", "Only the city moves the city's programme fund");
            return;
        }
        if (!a.Has(Permissions.FundsPay)) throw new Forbidden("只有镇（街道）牵头部门或财政部门可以办理资金收付", "Only the town's lead or finance department moves money");
        if (a.Role == Role.TownReviewer)
        {
            var org = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == a.OrganizationId, ct);
            if (org?.Function != DepartmentFunction.Finance)
                throw new Forbidden("只有镇（街道）财政部门可以办理资金收付", "Of the town's departments only finance moves money");
        }
    }

    /// <summary>The organisation's account of a kind (and source for External), opened on first use.</summary>
    public static async Task<FundAccount> EnsureAsync(GuanjiaDb db, TimeProvider clock, Organization org, AccountKind kind, FundSource? source, string? name,
        CancellationToken ct, Guid? knownTownId = null)
    {
        var slot = FundAccount.SlotOf(kind, kind == AccountKind.External ? source : null);
        var local = db.FundAccounts.Local.FirstOrDefault(a => a.OrganizationId == org.Id && a.Slot == slot);
        if (local is not null) return local;
        var found = await db.FundAccounts.IgnoreQueryFilters().SingleOrDefaultAsync(a => a.OrganizationId == org.Id && a.Slot == slot, ct);
        if (found is not null) return found;
        var townId = knownTownId ?? await TownOfAsync(db, org, ct);
        var acct = new FundAccount
        {
            Id = Guid.CreateVersion7(), Kind = kind, OrganizationId = org.Id, TownId = townId, ScopePath = org.Path, Slot = slot,
            Source = kind == AccountKind.External ? source : null, CreatedAt = clock.GetUtcNow(),
            Name = name ?? kind switch
            {
                AccountKind.External => $"{org.Name}·{FundNames.Zh(source!.Value)}（来源）",
                _ => FundNames.Of(org.Name, kind),
            },
        };
        db.FundAccounts.Add(acct);
        return acct;
    }

    private static async Task<Guid?> TownOfAsync(GuanjiaDb db, Organization org, CancellationToken ct)
    {
        if (org.IsTownLevel) return org.Id;
        if (org.Kind == OrganizationKind.City || org.ParentId is null) return null;
        var parent = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == org.ParentId, ct);
        return parent.IsTownLevel ? parent.Id : null;
    }

    public static async Task<Organization> HolderAsync(GuanjiaDb db, FundAccount a, CancellationToken ct) =>
        await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == a.OrganizationId, ct);

    /// <summary>What the account holds of one source now, across scopes (the caller's right to the account is already checked).</summary>
    public static async Task<long> SourceBalanceAsync(GuanjiaDb db, Guid accountId, FundSource source, CancellationToken ct) =>
        await db.LedgerLines.IgnoreQueryFilters().Where(l => l.AccountId == accountId && l.Source == source).SumAsync(l => (long?)l.AmountFen, ct) ?? 0;

    /// <summary>Adds a balanced entry and its lines; refuses (nothing saved) when it does not balance or would overdraw.</summary>
    public static async Task<LedgerEntry> PostAsync(GuanjiaDb db, TimeProvider clock, EntryKind kind, int year, string description,
        IReadOnlyList<Posting> postings, CancellationToken ct, PaymentTarget? target = null, Guid? targetId = null, string? reference = null,
        string? payee = null, Guid? reverses = null, string overdrawField = "amountFen")
    {
        if (!FundRules.Balances(postings.Select(p => p.AmountFen)))
            throw new InvalidOperationException("An entry must balance (R-FD-06)");
        foreach (var g in postings.Where(p => p.Account.HoldsMoney && p.AmountFen < 0).GroupBy(p => (p.Account, p.Source)))
        {
            var have = await SourceBalanceAsync(db, g.Key.Account.Id, g.Key.Source, ct);
            var out_ = -g.Sum(p => p.AmountFen);
            if (have < out_)
                throw new ValidationFailed(overdrawField, "insufficient_funds",
                    $"{g.Key.Account.Name}的{FundNames.Zh(g.Key.Source)}余额{have / 100m:0.00}元，不足{out_ / 100m:0.00}元",
                    $"{g.Key.Account.Name} holds {have} fen of {g.Key.Source}, less than {out_} fen (R-FD-06)");
        }
        var now = clock.GetUtcNow();
        var entry = new LedgerEntry
        {
            Id = Guid.CreateVersion7(), Kind = kind, Year = year, At = now, Description = description, Reference = reference, Payee = payee,
            TargetKind = target, TargetId = targetId, ReversesId = reverses, AmountFen = postings.Where(p => p.AmountFen > 0).Sum(p => p.AmountFen),
            ScopePath = CommonPath(postings.Select(p => p.Account.ScopePath)), ById = db.Actor.Id, ByName = db.Actor.Name,
        };
        db.LedgerEntries.Add(entry);
        foreach (var p in postings)
        {
            db.LedgerLines.Add(new LedgerLine
            {
                Id = Guid.CreateVersion7(), EntryId = entry.Id, AccountId = p.Account.Id, Source = p.Source, AmountFen = p.AmountFen, Year = year,
                TargetKind = target, TargetId = targetId, ScopePath = p.Account.ScopePath,
            });
            p.Account.BalanceFen += p.AmountFen;
            // Touch the account even if another posting cancels it: its version must move so a racing save conflicts.
            var e = db.Entry(p.Account);
            if (e.State == EntityState.Unchanged) e.State = EntityState.Modified;
        }
        await KeepPaidAsync(db, target, targetId, postings.Where(p => p.Account.Kind == AccountKind.Expenditure).Sum(p => p.AmountFen), ct);
        return entry;
    }

    /// <summary>
    /// The running paid amount of a project, wish or station item (ADR 0015, R-ST-11): what reached Expenditure for it, net of reversals, changed
    /// in the same save as the lines so it always equals their sum. The record's version moves with it, so a payment
    /// racing another payment or a change of the record loses with 409 rather than exceeding the budget.
    /// </summary>
    private static async Task KeepPaidAsync(GuanjiaDb db, PaymentTarget? target, Guid? targetId, long paid, CancellationToken ct)
    {
        if (paid == 0 || targetId is not { } id) return;
        switch (target)
        {
            case PaymentTarget.Project:
                (await db.MicroProjects.IgnoreQueryFilters().SingleAsync(p => p.Id == id, ct)).LedgerPaidFen += paid;
                break;
            case PaymentTarget.Wish:
                (await db.MicroWishes.IgnoreQueryFilters().SingleAsync(w => w.Id == id, ct)).LedgerPaidFen += paid;
                break;
            case PaymentTarget.StationItem:
                (await db.StationItems.IgnoreQueryFilters().SingleAsync(i => i.Id == id, ct)).LedgerPaidFen += paid;
                break;
            case PaymentTarget.ContractInstalment:
                (await db.ContractInstalments.IgnoreQueryFilters().SingleAsync(i => i.Id == id, ct)).PaidFen += paid;
                break;
        }
    }

    /// <summary>The deepest organisation path all the accounts lie under: who may write and see the entry as a whole.</summary>
    public static string CommonPath(IEnumerable<string> paths)
    {
        var parts = paths.Select(p => p.Split('/', StringSplitOptions.RemoveEmptyEntries)).ToList();
        var common = new List<string>();
        for (var i = 0; parts.All(p => p.Length > i) && parts.Select(p => p[i]).Distinct().Count() == 1; i++) common.Add(parts[0][i]);
        return common.Count == 0 ? "/" : $"/{string.Join('/', common)}/";
    }

    public static async Task<AccountView> ViewAsync(GuanjiaDb db, FundAccount a, CancellationToken ct)
    {
        var by = await db.LedgerLines.IgnoreQueryFilters().Where(l => l.AccountId == a.Id).GroupBy(l => l.Source)
            .Select(g => new { g.Key, Sum = g.Sum(l => l.AmountFen) }).ToListAsync(ct);
        return new AccountView(a.Id, a.Kind, FundNames.Zh(a.Kind), a.OrganizationId, a.TownId, a.Name, a.Source, a.BalanceFen, a.IsRingFenced,
            by.Where(x => x.Sum != 0).OrderBy(x => x.Key).Select(x => new SourceBalance(x.Key, FundNames.Zh(x.Key), x.Sum)).ToList(), a.Version);
    }
}
