using Guanjia.App.Persistence;
using Guanjia.Domain.Common;
using Guanjia.Domain.Funds;

namespace Guanjia.App.Funds;

/// <summary>
/// Money received into an account from a source (R-FD-01): the city's budget, the welfare-lottery fund and the charity
/// federation into the city's fund; a town's matching money (R-FD-04, <c>matching: true</c>), village collective money
/// and donations into the town's or village's accounts. The other side is the holder's External account of that source.
/// </summary>
public static class RecordReceipt
{
    public sealed record Request(Guid? AccountId, FundSource? Source, long? AmountFen, int? Year, bool? Matching, string? Description, string? Reference);

    public static async Task<EntryView> HandleAsync(GuanjiaDb db, TimeProvider clock, Request r, CancellationToken ct)
    {
        var c = new Check();
        FundBook.CheckAmount(c, r.AmountFen);
        FundBook.CheckSource(c, r.Source);
        FundBook.CheckYear(c, r.Year);
        c.MaxLength("description", r.Description, 500, "摘要", "Description").MaxLength("reference", r.Reference, 100, "凭证号", "Reference").ThrowIfFailed();
        var acct = await FundBook.AccountAsync(db, r.AccountId, "accountId", ct);
        await FundBook.RequireMayMoveAsync(db, acct, ct);
        var matching = r.Matching == true;
        new Check()
            .When(!acct.HoldsMoney || acct.Kind is AccountKind.TownPilot or AccountKind.VillagePilot, "accountId", "wrong_account", "该账户不能直接收款",
                "This account cannot receive money directly (pilot money comes only from the city's grant, R-FD-02)")
            .When(matching && acct.Kind is not (AccountKind.TownMicroProject or AccountKind.TownWishFund or AccountKind.PurchasedService) , "matching", "not_a_town_account",
                "配套资金须存入镇（街道）账户", "Matching money goes into a town's account (R-FD-04)")
            .When(matching && r.Source is FundSource.CityBudget or FundSource.WelfareLottery or FundSource.CharityFederation, "source", "not_matching",
                "市级资金不能作为镇（街道）配套资金", "City money cannot count as the town's matching (R-FD-04)")
            .When(acct.Kind == AccountKind.CityProgramme && r.Source is not (FundSource.CityBudget or FundSource.WelfareLottery or FundSource.CharityFederation),
                "source", "not_city_source", "市专项资金只接收市财政、福彩关爱基金和市慈善会资金", "The city fund receives city budget, welfare-lottery and charity-federation money")
            .ThrowIfFailed();
        var holder = await FundBook.HolderAsync(db, acct, ct);
        var external = await FundBook.EnsureAsync(db, clock, holder, AccountKind.External, r.Source, null, ct);
        var year = r.Year ?? FundBook.YearNow(clock);
        var desc = string.IsNullOrWhiteSpace(r.Description) ? $"收到{FundNames.Zh(r.Source!.Value)}{(matching ? "（配套）" : "")}" : r.Description.Trim();
        var entry = await FundBook.PostAsync(db, clock, matching ? EntryKind.Matching : EntryKind.Receipt, year, desc,
            [new(acct, r.Source!.Value, r.AmountFen!.Value), new(external, r.Source.Value, -r.AmountFen.Value)], ct, reference: r.Reference?.Trim());
        await db.Audit(matching ? "RecordMatchingReceipt" : "RecordFundReceipt").SaveChangesAsync(ct);
        return await LedgerQueries.GetAsync(db, entry.Id, ct);
    }
}
