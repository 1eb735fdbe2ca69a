using System.Net;
using System.Text.Json;
using Guanjia.Web.Tests.Infrastructure;
using static Guanjia.Web.Tests.Funds.FundKit;

namespace Guanjia.Web.Tests.Statistics;

/// <summary>What the ledger paid, in the statistics (ADR 0015): the running paid amounts kept by every payment and reversal.</summary>
[Collection(ApiCollection.Name)]
public class PaidStatisticsTests
{
    // R-FD-06, ADR 0015: two payments and a reversal of one of them move the town's paid total by exactly the net amount,
    // for projects (paidFen) and for wishes (ledgerPaidFen, next to the paidFen reported at completion); another town's is unchanged.
    [Theory, BothDatabases]
    public async Task R_FD_06_paid_amounts_per_town_follow_payments_and_reversals(Db db)
    {
        var f = await Flow.StartAsync(db);
        var town = await TownIdAsync(f);
        var village = await VillageAccountAsync(f);
        var fund = await TownAccountAsync(f, "TownWishFund");
        var project = await ApprovedProjectAsync(f);
        var wish = await DecidedWishAsync(f, 200_000);
        await ReceiveAsync(f.Town, village, "VillageCollective", 100_000);
        await ReceiveAsync(f.Town, fund, "SocialDonation", 100_000);
        var projectsBefore = await PaidAsync(f, "micro-projects", "paidFen");
        var wishesBefore = await PaidAsync(f, "micro-wishes", "ledgerPaidFen");
        var wishesReportedBefore = await PaidAsync(f, "micro-wishes", "paidFen");

        await PayAsync(f.Finance, village, "VillageCollective", 30_000, project);
        var wrong = await PayAsync(f.Finance, village, "VillageCollective", 45_000, project);
        await f.Finance.PostJson($"/api/funds/ledger/{wrong.Str("id")}/reversal", new { reason = "重复支付，冲正" }, HttpStatusCode.OK);
        await PayAsync(f.Finance, fund, "SocialDonation", 60_000, wish, targetKind: "Wish", payee: "陈大文");
        var wrongWish = await PayAsync(f.Finance, fund, "SocialDonation", 15_000, wish, targetKind: "Wish", payee: "陈大文");
        await f.Finance.PostJson($"/api/funds/ledger/{wrongWish.Str("id")}/reversal", new { reason = "收款人账号错误" }, HttpStatusCode.OK);

        var projectsAfter = await PaidAsync(f, "micro-projects", "paidFen");
        var wishesAfter = await PaidAsync(f, "micro-wishes", "ledgerPaidFen");
        Assert.Equal(projectsBefore.GetValueOrDefault(town) + 30_000, projectsAfter[town]);
        Assert.Equal(wishesBefore.GetValueOrDefault(town) + 60_000, wishesAfter[town]);
        Assert.All(projectsAfter.Where(x => x.Key != town), x => Assert.Equal(projectsBefore.GetValueOrDefault(x.Key), x.Value));
        // The completion's reported amount is a separate figure: paying through the ledger does not change it.
        Assert.Equal(wishesReportedBefore, await PaidAsync(f, "micro-wishes", "paidFen"));
        // The town sees its own figure; the budget endpoint (read from the lines) agrees with the running amount.
        var mine = await f.Town.GetJson($"/api/statistics/micro-projects?townId={town}");
        Assert.Equal(projectsAfter[town], mine.GetProperty("total").GetProperty("paidFen").GetInt64());
        Assert.Equal(30_000, (await f.Town.GetJson($"/api/funds/projects/{project}/budget")).GetProperty("paidFen").GetInt64());
        await AssertLedgerBalancesAsync(f);
    }

    private static async Task<Dictionary<string, long>> PaidAsync(Flow f, string what, string field) =>
        (await f.City.GetJson($"/api/statistics/{what}?groupBy=town")).GetProperty("groups").EnumerateArray()
            .ToDictionary(g => g.Str("townId"), g => g.GetProperty(field).GetInt64());
}
