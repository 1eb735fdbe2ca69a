using Guanjia.App.Persistence;
using Guanjia.Domain.Common;
using Guanjia.Domain.Funds;

namespace Guanjia.App.Funds;

/// <summary>
/// The town passes 微实事 money to its villages' dedicated accounts (R-FD-05), keeping its source. Ring-fenced
/// purchased-service money moves only to another ring-fenced account (R-FD-07).
/// </summary>
public static class TransferFunds
{
    public sealed record Request(Guid? FromAccountId, Guid? ToAccountId, FundSource? Source, long? AmountFen, int? Year, string? Description, string? Reference);

    public static async Task<EntryView> HandleAsync(GuanjiaDb db, TimeProvider clock, Request r, CancellationToken ct)
    {
        var c = new Check();
        FundBook.CheckAmount(c, r.AmountFen);
        FundBook.CheckSource(c, r.Source);
        FundBook.CheckYear(c, r.Year);
        c.When(r.FromAccountId is not null && r.FromAccountId == r.ToAccountId, "toAccountId", "same_account", "转出与转入账户不能相同", "from and to must differ")
            .MaxLength("description", r.Description, 500, "摘要", "Description").MaxLength("reference", r.Reference, 100, "凭证号", "Reference").ThrowIfFailed();
        var from = await FundBook.AccountAsync(db, r.FromAccountId, "fromAccountId", ct);
        var to = await FundBook.AccountAsync(db, r.ToAccountId, "toAccountId", ct);
        await FundBook.RequireMayMoveAsync(db, from, ct);
        new Check()
            .When(!FundRules.TransferAllowed(from.Kind, to.Kind), "toAccountId", from.IsRingFenced || to.IsRingFenced ? "ring_fenced" : "wrong_account",
                from.IsRingFenced || to.IsRingFenced ? "购买服务资金单独核算，不得与其他资金互相划转" : "不能向该账户划转",
                from.IsRingFenced || to.IsRingFenced ? "Purchased-service money is ring-fenced: it moves only between purchased-service accounts (R-FD-07)"
                    : "Money cannot be transferred to that account")
            .When(to.Kind is AccountKind.CityProgramme or AccountKind.TownPilot, "toAccountId", "wrong_account", "不能向该账户划转", "Money cannot be transferred to that account")
            .ThrowIfFailed();
        var year = r.Year ?? FundBook.YearNow(clock);
        var desc = string.IsNullOrWhiteSpace(r.Description) ? $"{from.Name}拨付{to.Name}" : r.Description.Trim();
        var entry = await FundBook.PostAsync(db, clock, EntryKind.Transfer, year, desc,
            [new(to, r.Source!.Value, r.AmountFen!.Value), new(from, r.Source.Value, -r.AmountFen.Value)], ct, reference: r.Reference?.Trim());
        await db.Audit("TransferFunds").SaveChangesAsync(ct);
        return await LedgerQueries.GetAsync(db, entry.Id, ct);
    }
}
