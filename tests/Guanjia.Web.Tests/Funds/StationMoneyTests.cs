using System.Net;
using System.Text.Json;
using Guanjia.Web.Tests.Infrastructure;
using Guanjia.Web.Tests.Stations;
using static Guanjia.Web.Tests.Funds.FundKit;

namespace Guanjia.Web.Tests.Funds;

/// <summary>
/// The money of purchased and packaged station items (000 §三, R-ST-10, R-ST-11, R-FD-06): the procurement filing agrees with the
/// item's agreed fee or the difference is explained and confirmed by the town; the village pays the fee from its dedicated 微实事
/// account as a ledger payment tied to the item; the town sees paid against agreed.
/// </summary>
[Collection(ApiCollection.Name)]
public class StationMoneyTests
{
    private static string FilingUrl(string id, string step = "") => $"/api/stations/procurement-filings/{id}{step}";

    /// <summary>A purchased item of the given fee with its filing for the given amount, reviewed by the committee; answers the item and the filing.</summary>
    private static async Task<(JsonElement Item, JsonElement Filing)> ReviewedFilingAsync(StationKit k, long fee, long filed, string? reason = null)
    {
        var s = await k.StationAsync();
        var item = await k.ItemAsync(s.Str("id"), k.Item("Purchased", amountFen: fee, candidates: ["东莞市暖莞社会工作服务中心"]));
        var agreement = await k.UploadAsync($"/api/stations/items/{item.Str("id")}/attachments", "Contract");
        var filing = await k.Village.PostJson($"/api/stations/items/{item.Str("id")}/procurement-filing",
            k.Filing(agreement, amountFen: filed, differenceReason: reason), HttpStatusCode.Created);
        await k.Supervisor.PostJson(FilingUrl(filing.Str("id"), "/supervisory-opinion"), k.Opinion(), HttpStatusCode.OK);
        return (item, filing);
    }

    // R-ST-10: a 28,800元 filing against a 6,000元 item needs the difference explained, and the town confirms it when it records the filing.
    [Theory, BothDatabases]
    public async Task R_ST_10_a_filing_that_differs_from_the_agreed_fee_needs_a_reason_and_the_towns_confirmation(Db db)
    {
        var k = await StationKit.StartAsync(db);
        var s = await k.StationAsync();
        var item = await k.ItemAsync(s.Str("id"), k.Item("Purchased", amountFen: 600_000, candidates: ["东莞市暖莞社会工作服务中心"]));
        var agreement = await k.UploadAsync($"/api/stations/items/{item.Str("id")}/attachments", "Contract");
        var url = $"/api/stations/items/{item.Str("id")}/procurement-filing";
        var refused = await k.Village.PostJson(url, k.Filing(agreement, amountFen: 2_880_000), HttpStatusCode.BadRequest);
        refused.ShouldNameField("differenceReason", "amount_differs");
        Assert.Contains("R-ST-10", refused.GetProperty("fieldErrors")[0].Str("en"), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, (await k.Village.GetJson($"/api/stations/items/{item.Str("id")}")).GetProperty("procurement").ValueKind);

        const string reason = "协商后服务对象由20人增至96人，服务期延长至12个月";
        var filing = await k.Village.PostJson(url, k.Filing(agreement, amountFen: 2_880_000, differenceReason: reason), HttpStatusCode.Created);
        Assert.Equal(600_000, filing.GetProperty("itemAmountFen").GetInt64());
        Assert.Equal(2_280_000, filing.GetProperty("differenceFen").GetInt64());
        Assert.Equal(reason, filing.Str("differenceReason"));
        await k.Supervisor.PostJson(FilingUrl(filing.Str("id"), "/supervisory-opinion"), k.Opinion(), HttpStatusCode.OK);
        await k.Village.PostJson(FilingUrl(filing.Str("id"), "/file"), new { }, HttpStatusCode.OK);
        var unconfirmed = await k.Lead.PostJson(FilingUrl(filing.Str("id"), "/record"), new { note = "已备案" }, HttpStatusCode.BadRequest);
        unconfirmed.ShouldNameField("confirmDifference", "required");
        Assert.Equal("Filed", (await k.Lead.GetJson(FilingUrl(filing.Str("id")))).Str("state"));
        var recorded = await k.Lead.PostJson(FilingUrl(filing.Str("id"), "/record"), new { note = "差额已核实", confirmDifference = true }, HttpStatusCode.OK);
        Assert.Equal("Recorded", recorded.Str("state"));
        Assert.NotEqual(JsonValueKind.Null, recorded.GetProperty("differenceConfirmedAt").ValueKind);
        Assert.False(string.IsNullOrEmpty(recorded.Str("differenceConfirmedByName")));

        // An agreeing filing needs neither: a reason given anyway is not kept.
        var (_, agrees) = await ReviewedFilingAsync(k, 2_880_000, 2_880_000, reason: "无差额");
        Assert.Equal(0, agrees.GetProperty("differenceFen").GetInt64());
        Assert.Equal(JsonValueKind.Null, agrees.GetProperty("differenceReason").ValueKind);
    }

    // R-ST-10, R-FD-06, R-ST-11: the village pays the fee from its dedicated 微实事 account, tied to the item, once the town has recorded
    // the filing and up to its amount; the item shows paid against agreed to the town that supervises it.
    [Theory, BothDatabases]
    public async Task R_ST_10_R_ST_11_the_village_pays_the_fee_tied_to_the_item_and_the_town_sees_paid_against_agreed(Db db)
    {
        var f = await Flow.StartAsync(db);
        var k = await StationKit.StartAsync(db);
        const long fee = 2_880_000;
        var (item, filing) = await ReviewedFilingAsync(k, fee, fee);
        var itemId = item.Str("id");
        var town = await TownAccountAsync(f);
        var village = await VillageAccountAsync(f);
        await ReceiveAsync(f.Town, town, "TownMatching", fee, matching: true);
        await TransferAsync(f.Finance, town, village, "TownMatching", fee);
        object Pay(string account, long amount) => new { accountId = account, source = "TownMatching", amountFen = amount, targetKind = "StationItem", targetId = itemId };

        var before = await SnapshotAsync(f);
        // Not before the town has recorded the filing.
        (await k.Village.PostJson("/api/funds/payments", Pay(village, 1_000_000), HttpStatusCode.BadRequest)).ShouldNameField("targetId", "filing_not_recorded");
        await k.Village.PostJson(FilingUrl(filing.Str("id"), "/file"), new { }, HttpStatusCode.OK);
        await k.Lead.PostJson(FilingUrl(filing.Str("id"), "/record"), new { note = "已备案" }, HttpStatusCode.OK);
        // Not from the town's account: the village pays its contractor (000 §三).
        (await f.Finance.PostJson("/api/funds/payments", Pay(town, 1_000_000), HttpStatusCode.BadRequest)).ShouldNameField("accountId", "village_account_required");
        await AssertUnchangedAsync(f, before);

        var paid = await k.Village.PostJson("/api/funds/payments", Pay(village, 1_000_000), HttpStatusCode.OK);
        Assert.Equal("StationItem", paid.Str("targetKind"));
        Assert.Equal(itemId, paid.Str("targetId"));
        Assert.Equal("东莞市暖莞社会工作服务中心", paid.Str("payee"));
        var before2 = await SnapshotAsync(f);
        (await k.Village.PostJson("/api/funds/payments", Pay(village, fee - 1_000_000 + 1), HttpStatusCode.BadRequest)).ShouldNameField("amountFen", "over_budget");
        await AssertUnchangedAsync(f, before2);

        // R-ST-11: the town reads paid against agreed on the item and the budget with its payments.
        var seen = await k.Lead.GetJson($"/api/stations/items/{itemId}");
        Assert.Equal(fee, seen.GetProperty("agreedFeeFen").GetInt64());
        Assert.Equal(1_000_000, seen.GetProperty("paidFen").GetInt64());
        var row = (await k.Lead.GetJson($"/api/stations/items?villageId={k.VillageId}&pageSize=100")).GetProperty("items").EnumerateArray().Single(i => i.Str("id") == itemId);
        Assert.Equal(1_000_000, row.GetProperty("paidFen").GetInt64());
        var budget = await k.Lead.GetJson($"/api/funds/station-items/{itemId}/budget");
        Assert.Equal(fee, budget.GetProperty("budgetFen").GetInt64());
        Assert.Equal(fee - 1_000_000, budget.GetProperty("remainingFen").GetInt64());
        Assert.Single(budget.GetProperty("payments").EnumerateArray());

        // A reversal gives the money back to the village and the item.
        await k.Village.PostJson($"/api/funds/ledger/{paid.Str("id")}/reversal", new { reason = "凭证号填错" }, HttpStatusCode.OK);
        Assert.Equal(0, (await k.Lead.GetJson($"/api/stations/items/{itemId}")).GetProperty("paidFen").GetInt64());
        await AssertLedgerBalancesAsync(f);
    }
}
