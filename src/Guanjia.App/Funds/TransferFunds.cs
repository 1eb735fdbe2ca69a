using Guanjia.App.Persistence;
using Guanjia.Domain.Accounts;
using Guanjia.Domain.Common;
using Guanjia.Domain.Funds;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Funds;

/// <summary>
/// The town passes 微实事 money to its villages' dedicated accounts (R-FD-05), keeping its source. Earmarked money stays earmarked
/// (R-FD-09, <see cref="FundRules.TransferRefusal"/>): 微实事 and 微心愿 money do not mix; a village's dedicated money does not move on
/// (the village does not transfer; a wrong transfer of the town's is corrected by reversing it); pilot money goes from the town's pilot
/// account only to its villages, and lands in the village's pilot money (opened on first use), where it stays pilot money until spent, so
/// what is left of it is deducted at the next 微实事 allocation wherever it went (R-FD-02). Ring-fenced purchased-service money moves only
/// between purchased-service accounts (R-FD-07).
/// </summary>
public static class TransferFunds
{
    public sealed record Request(Guid? FromAccountId, Guid? ToAccountId, FundSource? Source, long? AmountFen, int? Year, string? Description, string? Reference);

    public static async Task<EntryView> HandleAsync(GuanjiaDb db, TimeProvider clock, Request r, CancellationToken ct)
    {
        if (db.Actor.Role is Role.VillageStaff or Role.StationHead)
            throw new Forbidden("村（社区）专用账户的资金专款专用，不能转出，只能用于支付本村（社区）的项目",
                "A village's dedicated money is not transferred; it pays the village's own projects and items (R-FD-09)");
        var c = new Check();
        FundBook.CheckAmount(c, r.AmountFen);
        FundBook.CheckSource(c, r.Source);
        FundBook.CheckYear(c, r.Year);
        c.When(r.FromAccountId is not null && r.FromAccountId == r.ToAccountId, "toAccountId", "same_account", "转出与转入账户不能相同", "from and to must differ")
            .MaxLength("description", r.Description, 500, "摘要", "Description").MaxLength("reference", r.Reference, 100, "凭证号", "Reference").ThrowIfFailed();
        var from = await FundBook.AccountAsync(db, r.FromAccountId, "fromAccountId", ct);
        var to = await FundBook.AccountAsync(db, r.ToAccountId, "toAccountId", ct);
        await FundBook.RequireMayMoveAsync(db, from, ct);
        // Pilot money passed to a village is the village's pilot money (R-FD-09).
        if (from.Kind == AccountKind.TownPilot && to.Kind == AccountKind.VillageMicroProject && to.TownId == from.TownId)
            to = await FundBook.EnsureAsync(db, clock, await FundBook.HolderAsync(db, to, ct), AccountKind.VillagePilot, null, null, ct, to.TownId);
        var refusal = FundRules.TransferRefusal(from.Kind, to.Kind);
        new Check()
            .When(refusal == "ring_fenced", "toAccountId", "ring_fenced", "购买服务资金单独核算，不得与其他资金互相划转",
                "Purchased-service money is ring-fenced: it moves only between purchased-service accounts (R-FD-07)")
            .When(refusal == "village_account_out", "fromAccountId", "village_account_out",
                "村（社区）专用账户的资金专款专用，不得转出；拨付有误的，请冲正原拨付记录",
                "A village's dedicated money does not move to another account; reverse the town's transfer to correct it (R-FD-09)")
            .When(refusal == "pilot_stays_pilot", "toAccountId", "pilot_stays_pilot",
                "试点经费只能拨付到本镇（街道）的村（社区），未使用的试点经费在核拨其余资金时扣除",
                "Pilot money goes only to the town's villages; what is left of it is deducted from the next allocation (R-FD-02, R-FD-09)")
            .When(refusal == "cross_programme", "toAccountId", "cross_programme",
                "“民生微实事”与“民生微心愿”专项资金专款专用，不得相互划转",
                "微实事 and 微心愿 money is earmarked and does not move between the two programmes (R-FD-09)")
            .When(refusal == "wrong_account", "toAccountId", "wrong_account", "不能向该账户划转", "Money cannot be transferred to that account")
            .When(refusal is null && FundRules.IsVillageAccount(to.Kind) && from.TownId is not null && to.TownId != from.TownId, "toAccountId", "other_town",
                "只能拨付到本镇（街道）的村（社区）", "A town passes money to its own villages only")
            .ThrowIfFailed();
        var year = r.Year ?? FundBook.YearNow(clock);
        var desc = string.IsNullOrWhiteSpace(r.Description) ? $"{from.Name}拨付{to.Name}" : r.Description.Trim();
        var entry = await FundBook.PostAsync(db, clock, EntryKind.Transfer, year, desc,
            [new(to, r.Source!.Value, r.AmountFen!.Value), new(from, r.Source.Value, -r.AmountFen.Value)], ct, reference: r.Reference?.Trim());
        await db.Audit("TransferFunds").SaveChangesAsync(ct);
        return await LedgerQueries.GetAsync(db, entry.Id, ct);
    }
}
