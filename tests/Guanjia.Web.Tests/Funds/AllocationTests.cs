using System.Net;
using System.Text.Json;
using Guanjia.Domain.Funds;
using Guanjia.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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
        var shortOf = await f.City.PostJson($"{url}/commit", Weights(FundProgramme.MicroWish, have + 1), HttpStatusCode.BadRequest);
        shortOf.ShouldNameField("poolFen", "insufficient_funds");
        // Issue 17 §8: the amounts in 万元, like the rest of the allocation screen, exact to the fen.
        var zh = shortOf.GetProperty("fieldErrors").EnumerateArray().First(e => e.Str("field") == "poolFen").Str("zh");
        Assert.Matches($@"余额{System.Text.RegularExpressions.Regex.Escape((have / 1_000_000m).ToString("0.######", System.Globalization.CultureInfo.InvariantCulture))}万元，不足拨付[0-9.]+万元$", zh);
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

    // R-FD-02, R-FD-09: a pilot town gets 2,000,000 CNY once and passes it to its villages, as 002 tells it to; what is deducted at the
    // allocation is the pilot money not yet spent wherever it went: the town's pilot account and its villages' pilot money. Projects are paid
    // from the village's account, never the town's (R-FD-05).
    [Theory, BothDatabases]
    public async Task R_FD_02_R_FD_09_pilot_money_passed_to_villages_is_deducted_until_spent(Db db)
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

        // The town passes 150万 of it to a village: it lands in the village's pilot money and stays pilot money.
        var pilot = await AccountAsync(f, "TownPilot", townId);
        var village = await VillageAccountAsync(f);
        var villageBefore = await BalanceAsync(f.Town, village);
        var passed = await TransferAsync(f.Finance, pilot, village, "CityBudget", 150_000_000);
        var villagePilot = passed.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("debitFen").GetInt64() > 0);
        Assert.Equal("VillagePilot", villagePilot.Str("accountKind"));
        var villagePilotId = villagePilot.Str("accountId");
        Assert.Equal(villageBefore, await BalanceAsync(f.Town, village));
        Assert.Equal(150_000_000, await BalanceAsync(f.Village, villagePilotId));

        // Projects are paid from the village's dedicated accounts, not from the town's pilot or 微实事 account (R-FD-05).
        var project = await ApprovedProjectAsync(f);
        var before = await SnapshotAsync(f);
        (await PayAsync(f.Finance, pilot, "CityBudget", 5_000_000, project, HttpStatusCode.BadRequest)).ShouldNameField("accountId", "village_account_required");
        (await PayAsync(f.Finance, await TownAccountAsync(f), "CityBudget", 5_000_000, project, HttpStatusCode.BadRequest))
            .ShouldNameField("accountId", "village_account_required");
        // Pilot money cannot be moved out of the pilot to escape the deduction.
        (await TransferAsync(f.Finance, pilot, await TownAccountAsync(f), "CityBudget", 1_000, HttpStatusCode.BadRequest))
            .ShouldNameField("toAccountId", "pilot_stays_pilot");
        await AssertUnchangedAsync(f, before);
        await PayAsync(f.Village, villagePilotId, "CityBudget", 5_000_000, project);
        const long townLeft = 50_000_000, villageLeft = 145_000_000, left = townLeft + villageLeft;
        Assert.Equal(townLeft, await BalanceAsync(f.Town, pilot));
        Assert.Equal(left, (await f.Town.GetJson("/api/funds/pilot-grants")).EnumerateArray().Single(g => g.Str("townId") == townId)
            .GetProperty("leftoverFen").GetInt64());

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
        var townBefore = await BalanceAsync(f.Town, town);
        await f.City.PostJson($"{url}/commit", Weights(FundProgramme.MicroProject, pool), HttpStatusCode.OK);
        // The deducted pilot money stays where it is and stops being pilot money: the town's into its 微实事 account, the village's into its dedicated account.
        Assert.Equal(0, await BalanceAsync(f.Town, pilot));
        Assert.Equal(0, await BalanceAsync(f.Town, villagePilotId));
        Assert.Equal(villageBefore + villageLeft, await BalanceAsync(f.Town, village));
        Assert.Equal(townBefore + row.GetProperty("cityPaysFen").GetInt64() + townLeft, await BalanceAsync(f.Town, town));
        Assert.Equal(row.GetProperty("cityPaysFen").GetInt64(), (await f.Town.GetJson($"/api/allocations/{year}/{townId}")).GetProperty("microProjectFen").GetInt64());
        Assert.Equal(0, (await f.Town.GetJson("/api/funds/pilot-grants")).EnumerateArray().Single(g => g.Str("townId") == townId).GetProperty("leftoverFen").GetInt64());
        // The settlement belongs to the allocation: the town cannot undo it to count the pilot money again.
        var settled = (await f.Town.GetJson($"/api/funds/ledger?year={year}&kind=PilotSettlement&accountId={pilot}")).GetProperty("items")[0];
        Assert.Contains(settled.GetProperty("lines").EnumerateArray(), l => l.Str("accountId") == villagePilotId);
        (await f.Finance.PostJson($"/api/funds/ledger/{settled.Str("id")}/reversal", new { reason = "试图冲回" }, HttpStatusCode.BadRequest))
            .ShouldNameField("id", "not_reversible");
        // Nothing is deducted twice: the next year's table finds no pilot money left.
        await FactorsAsync(f, year + 1);
        var next = await f.City.PostJson($"/api/funds/allocations/{year + 1}/preview", Weights(FundProgramme.MicroProject, pool), HttpStatusCode.OK);
        Assert.Equal(0, Row(next, townId).GetProperty("pilotLeftoverFen").GetInt64());
        await AssertLedgerBalancesAsync(f);
    }

    // R-FD-01, R-FD-03: one run allocates a pool drawn from several sources (002 §五(一): 1亿 city budget + 500万 welfare lottery for
    // 微实事); the worked table shows each source, and each town's allocation entry keeps its sources line by line.
    [Theory, BothDatabases]
    public async Task R_FD_01_R_FD_03_one_run_allocates_a_pool_from_several_sources_each_line_keeping_its_source(Db db)
    {
        var f = await Flow.StartAsync(db);
        const int year = 2094;
        await FactorsAsync(f, year);
        var townId = await TownIdAsync(f);
        var cityFund = await CityAccountAsync(f);
        const long budget = 80_000_000, lottery = 5_000_000;
        await ReceiveAsync(f.City, cityFund, "CityBudget", budget, year: year);
        await ReceiveAsync(f.City, cityFund, "WelfareLottery", lottery, year: year);
        var body = new
        {
            programme = "MicroProject", weights = new { villages = 40, area = 30, output = 30 },
            sources = new[] { new { source = "CityBudget", amountFen = budget }, new { source = "WelfareLottery", amountFen = lottery } },
        };
        var url = $"/api/funds/allocations/{year}";
        var table = await f.City.PostJson($"{url}/preview", body, HttpStatusCode.OK);
        Assert.Equal(budget + lottery, table.GetProperty("poolFen").GetInt64());
        Assert.Equal(budget + lottery, table.GetProperty("formulaTotalFen").GetInt64());
        var sources = table.GetProperty("sources").EnumerateArray().ToList();
        Assert.Equal(["CityBudget", "WelfareLottery"], sources.Select(s => s.Str("source")));
        Assert.Equal(lottery, sources[1].GetProperty("formulaFen").GetInt64());
        var rows = table.GetProperty("rows").EnumerateArray().ToList();
        Assert.All(rows, r => Assert.Equal(r.GetProperty("formulaFen").GetInt64(), r.GetProperty("bySource").EnumerateArray().Sum(s => s.GetProperty("formulaFen").GetInt64())));
        Assert.Equal(lottery, rows.Sum(r => r.GetProperty("bySource").EnumerateArray().Where(s => s.Str("source") == "WelfareLottery").Sum(s => s.GetProperty("formulaFen").GetInt64())));
        // Each source is checked against what the city holds of it.
        var short_ = new
        {
            body.programme, body.weights,
            sources = new[] { new { source = "CityBudget", amountFen = budget }, new { source = "WelfareLottery", amountFen = 10_000_000_000_000 } },
        };
        (await f.City.PostJson($"{url}/commit", short_, HttpStatusCode.BadRequest)).ShouldNameField("sources[1].amountFen", "insufficient_funds");
        var twice = new { body.programme, body.weights, sources = new[] { new { source = "CityBudget", amountFen = 1L }, new { source = "CityBudget", amountFen = 2L } } };
        (await f.City.PostJson($"{url}/preview", twice, HttpStatusCode.BadRequest)).ShouldNameField("sources", "duplicate");

        var town = await TownAccountAsync(f);
        var beforeBudget = await BalanceAsync(f.Town, town, "CityBudget");
        var beforeLottery = await BalanceAsync(f.Town, town, "WelfareLottery");
        var committed = await f.City.PostJson($"{url}/commit", body, HttpStatusCode.OK);
        var mine = Row(committed, townId).GetProperty("bySource").EnumerateArray().ToDictionary(s => s.Str("source"), s => s.GetProperty("cityPaysFen").GetInt64());
        Assert.True(mine["WelfareLottery"] > 0);
        Assert.Equal(beforeBudget + mine["CityBudget"], await BalanceAsync(f.Town, town, "CityBudget"));
        Assert.Equal(beforeLottery + mine["WelfareLottery"], await BalanceAsync(f.Town, town, "WelfareLottery"));
        var entry = Assert.Single((await f.Town.GetJson($"/api/funds/ledger?year={year}&kind=Allocation")).GetProperty("items").EnumerateArray());
        Assert.Equal(["CityBudget", "WelfareLottery"], entry.GetProperty("lines").EnumerateArray().Select(l => l.Str("source")).Distinct().Order());
        var run = Assert.Single((await f.City.GetJson(url)).EnumerateArray());
        Assert.Equal(2, run.GetProperty("sources").GetArrayLength());
        Assert.Equal(budget + lottery, run.GetProperty("poolFen").GetInt64());
        await AssertLedgerBalancesAsync(f);
    }

    // R-FD-03, R-FD-06: a committed allocation is never overwritten; the city corrects a town's amount by an adjustment with its reason,
    // which writes ledger entries for the difference per source and keeps the original run as committed.
    [Theory, BothDatabases]
    public async Task R_FD_03_a_committed_allocation_is_corrected_by_an_adjustment_with_ledger_entries(Db db)
    {
        var f = await Flow.StartAsync(db);
        const int year = 2095;
        await FactorsAsync(f, year);
        var townId = await TownIdAsync(f);
        var cityFund = await CityAccountAsync(f);
        const long pool = 21_000_000;
        await ReceiveAsync(f.City, cityFund, "CharityFederation", pool + 1_000_000, year: year);
        var url = $"/api/funds/allocations/{year}";
        var adjust = $"{url}/adjustments";
        object Adjustment(long amount, string? reason = "复核人口数据后调增") =>
            new { programme = "MicroWish", townId, amounts = new[] { new { source = "CharityFederation", amountFen = amount } }, reason };
        // Nothing to adjust before a commit.
        (await f.City.PostJson(adjust, Adjustment(1), HttpStatusCode.NotFound)).GetProperty("status").GetInt32();
        var committed = await f.City.PostJson($"{url}/commit", Weights(FundProgramme.MicroWish, pool), HttpStatusCode.OK);
        var original = Row(committed, townId).GetProperty("cityPaysFen").GetInt64();
        var fund = await TownAccountAsync(f, "TownWishFund");
        var held = await BalanceAsync(f.City, fund);

        var before = await SnapshotAsync(f);
        (await f.City.PostJson(adjust, Adjustment(original + 500_000, reason: null), HttpStatusCode.BadRequest)).ShouldNameField("reason", "required");
        (await f.City.PostJson(adjust, Adjustment(-1), HttpStatusCode.BadRequest)).ShouldNameField("amounts[0].amountFen", "out_of_range");
        await f.Town.PostJson(adjust, Adjustment(original + 500_000), HttpStatusCode.Forbidden);
        await AssertUnchangedAsync(f, before);

        var up = await f.City.PostJson(adjust, Adjustment(original + 500_000), HttpStatusCode.OK);
        Assert.Equal(original, up.GetProperty("beforeFen").GetInt64());
        Assert.Equal(original + 500_000, up.GetProperty("afterFen").GetInt64());
        Assert.Equal(held + 500_000, await BalanceAsync(f.City, fund));
        Assert.Equal(original + 500_000, (await f.Town.GetJson($"/api/allocations/{year}/{townId}")).GetProperty("microWishFen").GetInt64());
        var entry = await f.Town.GetJson($"/api/funds/ledger/{up.Str("entryId")}");
        Assert.Equal("Adjustment", entry.Str("kind"));
        Assert.All(entry.GetProperty("lines").EnumerateArray(), l => Assert.Equal("CharityFederation", l.Str("source")));
        Assert.Equal(500_000, entry.GetProperty("amountFen").GetInt64());
        (await f.City.PostJson($"/api/funds/ledger/{up.Str("entryId")}/reversal", new { reason = "撤回调整" }, HttpStatusCode.BadRequest))
            .ShouldNameField("id", "not_reversible");

        // Down again, below the original: the difference goes back from the town's fund to the city's.
        var down = await f.City.PostJson(adjust, Adjustment(original - 200_000, "核减重复计算的帮扶需求"), HttpStatusCode.OK);
        Assert.Equal(original + 500_000, down.GetProperty("beforeFen").GetInt64());
        Assert.Equal(held - 200_000, await BalanceAsync(f.City, fund));
        Assert.Equal(original - 200_000, (await f.Town.GetJson($"/api/allocations/{year}/{townId}")).GetProperty("microWishFen").GetInt64());

        // The run is kept as committed; the adjustments are listed with their reasons, the town sees its own.
        var run = Assert.Single((await f.City.GetJson(url)).EnumerateArray());
        Assert.Equal(original, run.GetProperty("rows").EnumerateArray().Single(r => r.Str("townId") == townId).GetProperty("cityPaysFen").GetInt64());
        var listed = (await f.Town.GetJson(adjust)).EnumerateArray().ToList();
        Assert.Equal(["复核人口数据后调增", "核减重复计算的帮扶需求"], listed.Select(a => a.Str("reason")));
        Assert.Equal(original - 200_000, MatchingCity(await f.Town.GetJson($"/api/funds/matching/{year}"), townId));
        // Runs and adjustments are append-only in the database too.
        using (var scope = f.Host.Services.CreateScope())
        {
            await using var sys = f.SystemDb(scope);
            await Assert.ThrowsAnyAsync<Exception>(() => sys.Database.ExecuteSqlAsync($"UPDATE fund_allocation_runs SET pool_fen = 1 WHERE year = {year}"));
            await Assert.ThrowsAnyAsync<Exception>(() => sys.Database.ExecuteSqlAsync($"DELETE FROM fund_allocation_adjustments WHERE year = {year}"));
        }
        await AssertLedgerBalancesAsync(f);
    }

    private static long MatchingCity(JsonElement list, string townId) =>
        list.EnumerateArray().Single(r => r.Str("townId") == townId).GetProperty("cityAllocationFen").GetInt64();

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
