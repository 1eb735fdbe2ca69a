using Guanjia.App.Persistence;
using Guanjia.Domain.Accounts;
using Guanjia.Domain.Common;
using Guanjia.Domain.Funds;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Funds;

/// <summary>
/// The ledger is never edited (R-FD-06): a mistaken entry is corrected by a reversing entry that names it, with every
/// line negated. An entry is reversed at most once (a unique index makes a race lose with 409), a reversal is not
/// itself reversed, and a reversal that would overdraw an account (the money already passed on) is refused.
/// Allocations, their adjustments, pilot grants and the pilot settlement at an allocation are decisions of the city and are not reversed here;
/// the town's passing of pilot money to a village is (the money returns to the pilot account, still pilot money).
/// </summary>
public static class ReverseEntry
{
    public sealed record Request(string? Reason);

    public static async Task<EntryView> HandleAsync(GuanjiaDb db, TimeProvider clock, Guid id, Request r, CancellationToken ct)
    {
        new Check().Required("reason", r.Reason, "冲正原因", "Reason").MaxLength("reason", r.Reason, 500, "冲正原因", "Reason").ThrowIfFailed();
        var original = await db.LedgerEntries.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, ct)
            ?? throw new NotFound("LedgerEntry", "台账记录不存在或不在您的管辖范围内", "The entry does not exist or is outside your scope");
        new Check()
            .When(original.Kind is EntryKind.Allocation or EntryKind.PilotGrant or EntryKind.Adjustment or EntryKind.PilotSettlement, "id", "not_reversible",
                "经费分配、分配调整、试点经费及其结余抵扣是市民政局的决定，不能冲正；如需更正，请由市民政局调整分配",
                "Allocations, their adjustments, pilot grants and the pilot settlement are the city's decisions and are not reversed; the city adjusts the allocation")
            .When(original.Kind == EntryKind.Reversal, "id", "not_reversible", "冲正记录不能再冲正", "A reversal is not reversed")
            .ThrowIfFailed();
        if (await db.LedgerEntries.IgnoreQueryFilters().AnyAsync(e => e.ReversesId == id, ct))
            throw new Conflict("该记录已冲正", "The entry has already been reversed");
        var lines = await db.LedgerLines.IgnoreQueryFilters().AsNoTracking().Where(l => l.EntryId == id).ToListAsync(ct);
        var ids = lines.Select(l => l.AccountId).Distinct().ToList();
        var accounts = await db.FundAccounts.IgnoreQueryFilters().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        // Before pilot settlements had their own kind, the leftover moved from the pilot account to the town's 微实事 account as a transfer.
        new Check().When(original.Kind == EntryKind.Transfer && accounts.Values.Any(a => a.Kind == AccountKind.TownPilot)
                && accounts.Values.Any(a => a.Kind == AccountKind.TownMicroProject), "id", "not_reversible",
                "试点经费结余的结转随经费分配完成，不能冲正", "The pilot leftover's transfer belongs to the committed allocation and is not reversed").ThrowIfFailed();
        var payer = accounts.Values.Where(a => a.HoldsMoney).OrderBy(a => a.Kind == AccountKind.CityProgramme ? 0 : 1).First();
        await FundBook.RequireMayMoveAsync(db, payer, ct);
        if (accounts.Values.Any(a => !db.Actor.Sees(a.ScopePath)))
            throw new Forbidden("无权冲正涉及本单位范围以外账户的记录", "The entry touches accounts outside your scope");
        var entry = await FundBook.PostAsync(db, clock, EntryKind.Reversal, original.Year, $"冲正：{original.Description}",
            lines.Select(l => new FundBook.Posting(accounts[l.AccountId], l.Source, -l.AmountFen)).ToList(), ct, original.TargetKind, original.TargetId,
            original.Reference, original.Payee, original.Id, overdrawField: "id");
        await db.Audit("ReverseLedgerEntry", r.Reason!.Trim()).SaveChangesAsync(ct);
        return await LedgerQueries.GetAsync(db, entry.Id, ct);
    }
}
