using System.Net;
using System.Text.Json;
using Guanjia.Domain.Funds;
using Guanjia.Web.Tests.Infrastructure;
using static Guanjia.Web.Tests.Funds.FundKit;

namespace Guanjia.Web.Tests.Funds;

/// <summary>City-to-town allocations (R-FD-02, R-FD-03) and the towns' matching (R-FD-04). Each test uses its own year.</summary>
[Collection(ApiCollection.Name)]
public class AllocationTests
{
    private static JsonElement Row(JsonElement table, string townId) => table.GetProperty("rows").EnumerateArray().Single(r => r.Str("townId") == townId);

    // R-FD-03: weights must sum to 100% and name the programme's factors; a pool is a positive amount; every town needs its figures.
    [Theory, BothDatabases]
    public async Task R_FD_03_bad_weights_are_refused_and_nothing_is_committed(Db db)
    {
        var f = await Flow.StartAsync(db);
        const int year = 2090;
        await FactorsAsync(f, year);
        var url = $"/api/funds/allocations/{year}";
        (await f.City.PostJson($"{url}/preview", Weights(FundProgramme.MicroProject, 1_000_000, new { villages = 40, area = 30, output = 20 }), HttpStatusCode.BadRequest))
            .ShouldNameField("weights", "sum_not_100");
        (await f.City.PostJson($"{url}/commit", Weights(FundProgramme.MicroProject, 1_000_000, new { villages = 40, area = 30, output = 40 }), HttpStatusCode.BadRequest))
            .ShouldNameField("weights", "sum_not_100");
        (await f.City.PostJson($"{url}/preview", Weights(FundProgramme.MicroProject, 1_000_000, new { villages = 50, population = 50 }), HttpStatusCode.BadRequest))
            .ShouldNameField("weights.population", "unknown_factor");
        (await f.City.PostJson($"{url}/preview", Weights(FundProgramme.MicroWish, -5), HttpStatusCode.BadRequest)).ShouldNameField("poolFen", "out_of_range");
        (await f.City.PostJson("/api/funds/allocations/2089/preview", Weights(FundProgramme.MicroWish, 100), HttpStatusCode.BadRequest))
            .ShouldNameField("year", "missing_factors");
        await f.Town.PostJson($"{url}/preview", Weights(FundProgramme.MicroWish, 100), HttpStatusCode.Forbidden);
        Assert.Equal(0, (await f.City.GetJson(url)).GetArrayLength());
        var bad = await f.City.PutJson($"/api/funds/town-factors/{year}", new { towns = new[] { new { townId = f.VillageId, villageCount = -1L } } }, HttpStatusCode.BadRequest);
        bad.ShouldNameField("towns[0].townId", "not_a_town");
        bad.ShouldNameField("towns[0].villageCount", "out_of_range");
    }

    // R-FD-03, R-FD-05: the preview is the worked table; the commit writes the towns' allocations and one entry per town into its 微心愿 fund.
    [Theory, BothDatabases]
    public async Task R_FD_03_preview_shows_the_worked_table_and_commit_writes_allocations_and_ledger(Db db)
    {
        var f = await Flow.StartAsync(db);
        const int year = 2091;
        var towns = await FactorsAsync(f, year);
        const long pool = 2_100_000_000; // 2,100万 for 微心愿
        var url = $"/api/funds/allocations/{year}";
        var table = await f.City.PostJson($"{url}/preview", Weights(FundProgramme.MicroWish, pool), HttpStatusCode.OK);
        var rows = table.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(towns.Count, rows.Count);
        Assert.Equal(pool, rows.Sum(r => r.GetProperty("formulaFen").GetInt64()));
        Assert.Equal(pool, table.GetProperty("cityPaysTotalFen").GetInt64());
        Assert.False(table.GetProperty("committed").GetBoolean());
        Assert.All(rows, r => Assert.Equal(3, r.GetProperty("inputs").EnumerateObject().Count()));
        Assert.Equal(1_000_000, rows.Sum(r => r.GetProperty("weightedSharePpm").GetInt64()), 50.0);
        Assert.Equal(0, (await f.City.GetJson(url)).GetArrayLength());

        var cityFund = await CityAccountAsync(f);
        var have = await BalanceAsync(f.City, cityFund, "CharityFederation");
        (await f.City.PostJson($"{url}/commit", Weights(FundProgramme.MicroWish, have + 1), HttpStatusCode.BadRequest)).ShouldNameField("poolFen", "insufficient_funds");
        await ReceiveAsync(f.City, cityFund, "CharityFederation", pool, year: year);
        var townId = await TownIdAsync(f);
        var wishFund = await TownAccountAsync(f, "TownWishFund");
        var before = await BalanceAsync(f.City, wishFund);
        var committed = await f.City.PostJson($"{url}/commit", Weights(FundProgramme.MicroWish, pool), HttpStatusCode.OK);
        Assert.True(committed.GetProperty("committed").GetBoolean());
        var mine = Row(committed, townId).GetProperty("cityPaysFen").GetInt64();
        Assert.Equal(Row(table, townId).GetProperty("cityPaysFen").GetInt64(), mine);
        Assert.Equal(before + mine, await BalanceAsync(f.City, wishFund));
        Assert.Equal(mine, (await f.Town.GetJson($"/api/allocations/{year}/{townId}")).GetProperty("microWishFen").GetInt64());
        var ledger = await f.Town.GetJson($"/api/funds/ledger?year={year}&kind=Allocation");
        Assert.Equal(1, ledger.GetProperty("total").GetInt32());
        Assert.Equal(rows.Count(r => r.GetProperty("cityPaysFen").GetInt64() > 0),
            (await f.City.GetJson($"/api/funds/ledger?year={year}&kind=Allocation&pageSize=200")).GetProperty("total").GetInt32());
        await f.City.PostJson($"{url}/commit", Weights(FundProgramme.MicroWish, pool), HttpStatusCode.Conflict);
        Assert.Equal(1, (await f.City.GetJson(url)).GetArrayLength());
        await AssertLedgerBalancesAsync(f);
    }

    // R-FD-02: a pilot town gets 2,000,000 CNY once; what is left when the allocation is committed is deducted from what the city pays.
    [Theory, BothDatabases]
    public async Task R_FD_02_pilot_money_once_and_its_leftover_deducted_from_the_allocation(Db db)
    {
        var f = await Flow.StartAsync(db);
        const int year = 2092;
        var towns = await FactorsAsync(f, year);
        var townId = await TownIdAsync(f);
        var nancheng = towns.Single(t => t.Str("name") == "南城街道").Str("id");
        var cityFund = await CityAccountAsync(f);
        const long pool = 10_500_000_000; // 1.05亿 for 微实事
        await ReceiveAsync(f.City, cityFund, "CityBudget", pool + FundRules.PilotGrantFen, year: year);
        (await f.City.PostJson("/api/funds/pilot-grants", new { townId = nancheng, year }, HttpStatusCode.BadRequest)).ShouldNameField("townId", "not_pilot");
        var grant = await f.City.PostJson("/api/funds/pilot-grants", new { townId, year }, HttpStatusCode.OK);
        Assert.Equal(200_000_000, grant.GetProperty("amountFen").GetInt64());
        await f.City.PostJson("/api/funds/pilot-grants", new { townId, year = year + 1 }, HttpStatusCode.Conflict);
        await f.Town.PostJson("/api/funds/pilot-grants", new { townId, year }, HttpStatusCode.Forbidden);

        // The town spends some of the pilot money on a project.
        var pilot = await AccountAsync(f, "TownPilot", townId);
        var project = await ApprovedProjectAsync(f);
        await PayAsync(f.Finance, pilot, "CityBudget", 5_000_000, project);
        const long left = 195_000_000;
        Assert.Equal(left, await BalanceAsync(f.Town, pilot));

        var url = $"/api/funds/allocations/{year}";
        var table = await f.City.PostJson($"{url}/preview", Weights(FundProgramme.MicroProject, pool), HttpStatusCode.OK);
        var row = Row(table, townId);
        var formula = row.GetProperty("formulaFen").GetInt64();
        Assert.Equal(left, row.GetProperty("pilotLeftoverFen").GetInt64());
        Assert.Equal(Math.Min(left, formula), row.GetProperty("pilotDeductedFen").GetInt64());
        Assert.Equal(formula - Math.Min(left, formula), row.GetProperty("cityPaysFen").GetInt64());
        Assert.Equal(pool - table.GetProperty("pilotDeductedTotalFen").GetInt64(), table.GetProperty("cityPaysTotalFen").GetInt64());
        Assert.Equal(0, Row(table, nancheng).GetProperty("pilotDeductedFen").GetInt64());

        var town = await TownAccountAsync(f);
        var before = await BalanceAsync(f.Town, town);
        await f.City.PostJson($"{url}/commit", Weights(FundProgramme.MicroProject, pool), HttpStatusCode.OK);
        Assert.Equal(0, await BalanceAsync(f.Town, pilot));
        Assert.Equal(before + row.GetProperty("cityPaysFen").GetInt64() + left, await BalanceAsync(f.Town, town));
        Assert.Equal(row.GetProperty("cityPaysFen").GetInt64(), (await f.Town.GetJson($"/api/allocations/{year}/{townId}")).GetProperty("microProjectFen").GetInt64());
        // The leftover's transfer belongs to the allocation: the town cannot undo it to count the pilot money again.
        var carried = (await f.Town.GetJson($"/api/funds/ledger?year={year}&kind=Transfer&accountId={pilot}")).GetProperty("items")[0];
        (await f.Finance.PostJson($"/api/funds/ledger/{carried.Str("id")}/reversal", new { reason = "试图冲回" }, HttpStatusCode.BadRequest))
            .ShouldNameField("id", "not_reversible");
        await AssertLedgerBalancesAsync(f);
    }

    // R-FD-04: class 1–2 towns match at least 100% of the city's allocation (pilot money excluded), class 3–4 at least 50%; the shortfall is shown.
    [Theory, BothDatabases]
    public async Task R_FD_04_matching_obligation_raised_and_shortfall_by_economic_class(Db db)
    {
        var f = await Flow.StartAsync(db);
        const int year = 2093;
        var towns = await TownsAsync(f);
        var townId = await TownIdAsync(f);
        var wanjiang = towns.Single(t => t.Str("name") == "万江街道");
        Assert.Equal(3, wanjiang.GetProperty("economicClass").GetInt32());
        await f.City.PutJson($"/api/allocations/{year}/{townId}", new { microProjectFen = 1_000_000L, microWishFen = 500_000L }, HttpStatusCode.OK);
        await f.City.PutJson($"/api/allocations/{year}/{wanjiang.Str("id")}", new { microProjectFen = 2_000_001L, microWishFen = 0L }, HttpStatusCode.OK);

        JsonElement MatchRow(JsonElement list, string id) => list.EnumerateArray().Single(r => r.Str("townId") == id);
        var list = await f.City.GetJson($"/api/funds/matching/{year}");
        var dc = MatchRow(list, townId);
        Assert.Equal(100, dc.GetProperty("requiredPercent").GetInt32());
        Assert.Equal(1_500_000, dc.GetProperty("obligationFen").GetInt64());
        Assert.Equal(1_500_000, dc.GetProperty("shortfallFen").GetInt64());
        var wj = MatchRow(list, wanjiang.Str("id"));
        Assert.Equal(50, wj.GetProperty("requiredPercent").GetInt32());
        Assert.Equal(1_000_001, wj.GetProperty("obligationFen").GetInt64());

        var account = await TownAccountAsync(f);
        (await ReceiveAsync(f.Town, account, "CityBudget", 100, matching: true, year: year, expected: HttpStatusCode.BadRequest)).ShouldNameField("source", "not_matching");
        (await ReceiveAsync(f.Town, await VillageAccountAsync(f), "TownMatching", 100, matching: true, year: year, expected: HttpStatusCode.BadRequest))
            .ShouldNameField("matching", "not_a_town_account");
        var receipt = await ReceiveAsync(f.Town, account, "TownMatching", 600_000, matching: true, year: year);
        await ReceiveAsync(f.Town, account, "TownMatching", 70_000, matching: false, year: year); // not matching: does not count
        var mine = await f.Town.GetJson($"/api/funds/matching/{year}");
        Assert.Single(mine.EnumerateArray());
        dc = MatchRow(mine, townId);
        Assert.Equal(600_000, dc.GetProperty("raisedFen").GetInt64());
        Assert.Equal(900_000, dc.GetProperty("shortfallFen").GetInt64());
        await f.Town.PostJson($"/api/funds/ledger/{receipt.Str("id")}/reversal", new { reason = "配套资金到账金额有误" }, HttpStatusCode.OK);
        dc = MatchRow(await f.Town.GetJson($"/api/funds/matching/{year}"), townId);
        Assert.Equal(0, dc.GetProperty("raisedFen").GetInt64());
        Assert.Equal(1_500_000, dc.GetProperty("shortfallFen").GetInt64());
        await ReceiveAsync(f.Town, account, "TownMatching", 1_600_000, matching: true, year: year);
        Assert.Equal(0, MatchRow(await f.Town.GetJson($"/api/funds/matching/{year}"), townId).GetProperty("shortfallFen").GetInt64());
    }
}
