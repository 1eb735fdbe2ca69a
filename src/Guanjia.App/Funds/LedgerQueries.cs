using Guanjia.App.Persistence;
using Guanjia.Domain.Common;
using Guanjia.Domain.Funds;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Funds;

public sealed record SourceAmount(FundSource Source, string SourceZh, long PaidFen);

public sealed record BudgetView(PaymentTarget TargetKind, Guid TargetId, string Number, string Name, string? PlannedSources, long BudgetFen, long PaidFen,
    long RemainingFen, IReadOnlyList<SourceAmount> PaidBySource, IReadOnlyList<EntryView> Payments);

/// <summary>
/// Reads of accounts and the ledger in the caller's scope (R-FD-06). A caller sees an entry when one of its lines is on an
/// account in their scope: a village sees what reached or left its account, a town its own and its villages', the city all.
/// <see cref="ListAsync"/> filters and pages in the database and is what an export of the 资金发放台账 reuses.
/// </summary>
public static class LedgerQueries
{
    public sealed record Filter(int? Year = null, Guid? AccountId = null, Guid? TownId = null, EntryKind? Kind = null, Guid? TargetId = null,
        FundSource? Source = null, DateTimeOffset? From = null, DateTimeOffset? To = null, int Page = 1, int PageSize = 50);

    public static async Task<Paged<EntryView>> ListAsync(GuanjiaDb db, Filter f, CancellationToken ct)
    {
        new PageRequest(f.Page, f.PageSize).Validate();
        var q = Query(db, f);
        var total = await q.CountAsync(ct);
        var page = await q.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Skip((f.Page - 1) * f.PageSize).Take(f.PageSize).ToListAsync(ct);
        return new Paged<EntryView>(await ViewsAsync(db, page, ct), f.Page, f.PageSize, total);
    }

    /// <summary>Every entry of a scope and year in time order, unpaged: for the ledger's export and annual self-checks.</summary>
    public static async Task<IReadOnlyList<EntryView>> AllAsync(GuanjiaDb db, Filter f, CancellationToken ct) =>
        await ViewsAsync(db, await Query(db, f).OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(ct), ct);

    private static IQueryable<LedgerEntry> Query(GuanjiaDb db, Filter f)
    {
        var q = Visible(db);
        if (f.Year is { } y) q = q.Where(e => e.Year == y);
        if (f.Kind is { } k) q = q.Where(e => e.Kind == k);
        if (f.TargetId is { } t) q = q.Where(e => e.TargetId == t);
        if (f.From is { } from) q = q.Where(e => e.At >= from);
        if (f.To is { } to) q = q.Where(e => e.At < to);
        if (f.AccountId is { } a) q = q.Where(e => db.LedgerLines.Any(l => l.EntryId == e.Id && l.AccountId == a));
        if (f.Source is { } s) q = q.Where(e => db.LedgerLines.Any(l => l.EntryId == e.Id && l.Source == s));
        if (f.TownId is { } town)
        {
            q = q.Where(e => db.LedgerLines.IgnoreQueryFilters().Any(l => l.EntryId == e.Id
                && db.Organizations.Any(o => o.Id == town && l.ScopePath.StartsWith(o.Path))));
        }
        return q;
    }

    /// <summary>
    /// Entries with a line on an account in the caller's scope. IgnoreQueryFilters lifts the filters of the whole query,
    /// subqueries included, so the lines' scope is applied here explicitly.
    /// </summary>
    private static IQueryable<LedgerEntry> Visible(GuanjiaDb db)
    {
        var scope = db.Actor.ScopePath;
        var all = scope == "/";
        return db.LedgerEntries.IgnoreQueryFilters().AsNoTracking()
            .Where(e => all || db.LedgerLines.IgnoreQueryFilters().Any(l => l.EntryId == e.Id && l.ScopePath.StartsWith(scope)));
    }

    internal static async Task<IReadOnlyList<EntryView>> ViewsAsync(GuanjiaDb db, IReadOnlyList<LedgerEntry> entries, CancellationToken ct)
    {
        var ids = entries.Select(e => e.Id).ToList();
        var lines = await db.LedgerLines.IgnoreQueryFilters().AsNoTracking().Where(l => ids.Contains(l.EntryId)).ToListAsync(ct);
        var accountIds = lines.Select(l => l.AccountId).Distinct().ToList();
        var accounts = await db.FundAccounts.IgnoreQueryFilters().AsNoTracking().Where(a => accountIds.Contains(a.Id))
            .Select(a => new { a.Id, a.Name, a.Kind }).ToDictionaryAsync(a => a.Id, ct);
        var reversed = await db.LedgerEntries.IgnoreQueryFilters().AsNoTracking().Where(e => e.ReversesId != null && ids.Contains(e.ReversesId.Value))
            .Select(e => new { e.Id, e.ReversesId }).ToDictionaryAsync(e => e.ReversesId!.Value, e => e.Id, ct);
        var byEntry = lines.ToLookup(l => l.EntryId);
        return entries.Select(e => new EntryView(e.Id, e.Kind, e.Year, e.At, e.Description, e.Reference, e.Payee, e.TargetKind, e.TargetId, e.ReversesId,
            reversed.TryGetValue(e.Id, out var r) ? r : null, e.AmountFen, e.ByName,
            byEntry[e.Id].OrderByDescending(l => l.AmountFen).Select(l => new LineView(l.AccountId, accounts[l.AccountId].Name, accounts[l.AccountId].Kind,
                l.Source, FundNames.Zh(l.Source), Math.Max(l.AmountFen, 0), Math.Max(-l.AmountFen, 0))).ToList())).ToList();
    }

    public static async Task<EntryView> GetAsync(GuanjiaDb db, Guid id, CancellationToken ct)
    {
        var e = await Visible(db).Where(x => x.Id == id).SingleOrDefaultAsync(ct)
            ?? throw new NotFound("LedgerEntry", "台账记录不存在或不在您的管辖范围内", "The entry does not exist or is outside your scope");
        return (await ViewsAsync(db, [e], ct))[0];
    }

    /// <summary>Money-holding accounts in scope with their balances by source (R-FD-06); External and Expenditure on request.</summary>
    public static async Task<IReadOnlyList<AccountView>> AccountsAsync(GuanjiaDb db, Guid? townId, AccountKind? kind, bool all, CancellationToken ct)
    {
        var q = db.FundAccounts.AsNoTracking();
        if (townId is { } t) q = q.Where(a => a.TownId == t);
        if (kind is { } k) q = q.Where(a => a.Kind == k);
        else if (!all) q = q.Where(a => a.Kind != AccountKind.External && a.Kind != AccountKind.Expenditure);
        var accounts = await q.OrderBy(a => a.ScopePath).ThenBy(a => a.Kind).Take(2000).ToListAsync(ct);
        var ids = accounts.Select(a => a.Id).ToList();
        var sums = (await db.LedgerLines.IgnoreQueryFilters().Where(l => ids.Contains(l.AccountId)).GroupBy(l => new { l.AccountId, l.Source })
            .Select(g => new { g.Key.AccountId, g.Key.Source, Sum = g.Sum(l => l.AmountFen) }).ToListAsync(ct)).ToLookup(x => x.AccountId);
        return accounts.Select(a => new AccountView(a.Id, a.Kind, FundNames.Zh(a.Kind), a.OrganizationId, a.TownId, a.Name, a.Source, a.BalanceFen, a.IsRingFenced,
            sums[a.Id].Where(x => x.Sum != 0).OrderBy(x => x.Source).Select(x => new SourceBalance(x.Source, FundNames.Zh(x.Source), x.Sum)).ToList(), a.Version)).ToList();
    }

    public static async Task<AccountView> AccountAsync(GuanjiaDb db, Guid id, CancellationToken ct)
    {
        var a = await db.FundAccounts.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFound("FundAccount", "账户不存在或不在您的管辖范围内", "The account does not exist or is outside your scope");
        return await FundBook.ViewAsync(db, a, ct);
    }

    /// <summary>Budget against actual for a project, a wish or a station item, by source (R-FD-06, R-ST-11).</summary>
    public static async Task<BudgetView> BudgetAsync(GuanjiaDb db, PaymentTarget kind, Guid id, CancellationToken ct)
    {
        string number, name;
        string? planned;
        long budget;
        if (kind == PaymentTarget.Project)
        {
            var p = await db.MicroProjects.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct)
                ?? throw new NotFound("MicroProject", "项目不存在或不在您的管辖范围内", "The project does not exist or is outside your scope");
            (number, name, planned, budget) = (p.Number, p.Name, p.FundingSources, p.BudgetFen ?? 0);
        }
        else if (kind == PaymentTarget.Wish)
        {
            var w = await db.MicroWishes.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct)
                ?? throw new NotFound("MicroWish", "微心愿不存在或不在您的管辖范围内", "The wish does not exist or is outside your scope");
            (number, name, planned, budget) = (w.Number, w.Need, null, w.AmountFen ?? 0);
        }
        else
        {
            // R-ST-11: a station item's agreed fee against what its village paid; the budget is the fee the town recorded (the filing's amount).
            var i = await db.StationItems.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct)
                ?? throw new NotFound("StationItem", "驿站服务项目不存在或不在您的管辖范围内", "The station item does not exist or is outside your scope");
            var filed = await db.ProcurementFilings.AsNoTracking().Where(f => f.ItemId == id && f.State == Domain.Stations.ProcurementState.Recorded)
                .Select(f => (long?)f.AmountFen).SingleOrDefaultAsync(ct);
            (number, name, planned, budget) = ("", i.Title, null, filed ?? i.AmountFen ?? 0);
        }
        var bySource = await db.LedgerLines.IgnoreQueryFilters().Where(l => l.TargetId == id
                && db.FundAccounts.IgnoreQueryFilters().Any(a => a.Id == l.AccountId && a.Kind == AccountKind.Expenditure))
            .GroupBy(l => l.Source).Select(g => new { g.Key, Sum = g.Sum(l => l.AmountFen) }).ToListAsync(ct);
        var paid = bySource.Sum(x => x.Sum);
        var payments = await AllAsync(db, new Filter(TargetId: id), ct);
        return new BudgetView(kind, id, number, name, planned, budget, paid, budget - paid,
            bySource.Where(x => x.Sum != 0).OrderBy(x => x.Key).Select(x => new SourceAmount(x.Key, FundNames.Zh(x.Key), x.Sum)).ToList(), payments);
    }
}
