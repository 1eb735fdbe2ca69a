using System.Net;
using System.Text.Json;
using Guanjia.Domain.Funds;
using Guanjia.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using static Guanjia.Web.Tests.Funds.FundKit;

namespace Guanjia.Web.Tests.Funds;

/// <summary>
/// R-MW-07: 微心愿 money is used within the year it is allocated and the next year's city amount takes the use into account, so the
/// city sees each town's use rate for the year (paid / allocated, from the ledger). And the demo's money is 002's.
/// </summary>
[Collection(ApiCollection.Name)]
public class WishUseTests
{
    private static JsonElement Row(JsonElement list, string townId) => list.EnumerateArray().Single(r => r.Str("townId") == townId);

    // R-MW-07: allocated from the year's allocation and adjustment entries into the town's 微心愿 fund, paid from the year's wish payments net
    // of reversals; the rate is paid / allocated. The city sees every town, a town its own.
    [Theory, BothDatabases]
    public async Task R_MW_07_each_towns_wish_use_rate_for_the_year_comes_from_the_ledger(Db db)
    {
        var f = await Flow.StartAsync(db);
        const int year = 2096;
        await FactorsAsync(f, year);
        var townId = await TownIdAsync(f);
        var cityFund = await CityAccountAsync(f);
        const long pool = 210_000_000;
        await ReceiveAsync(f.City, cityFund, "CharityFederation", pool, year: year);
        var committed = await f.City.PostJson($"/api/funds/allocations/{year}/commit", Weights(FundProgramme.MicroWish, pool), HttpStatusCode.OK);
        var allocated = committed.GetProperty("rows").EnumerateArray().Single(r => r.Str("townId") == townId).GetProperty("cityPaysFen").GetInt64();

        var url = $"/api/funds/wish-use/{year}";
        var list = await f.City.GetJson(url);
        Assert.True(list.GetArrayLength() > 1);
        var mine = Row(list, townId);
        Assert.Equal(allocated, mine.GetProperty("allocatedFen").GetInt64());
        Assert.Equal(0, mine.GetProperty("paidFen").GetInt64());
        Assert.Equal(0m, mine.GetProperty("useRatePercent").GetDecimal());

        var fund = await TownAccountAsync(f, "TownWishFund");
        var wish = await DecidedWishAsync(f, allocated / 4);
        var paid = await f.Finance.PostJson("/api/funds/payments", new
        {
            accountId = fund, source = "CharityFederation", amountFen = allocated / 4, targetKind = "Wish", targetId = wish, payee = "陈大文", year,
        }, HttpStatusCode.OK);
        mine = Row(await f.City.GetJson(url), townId);
        Assert.Equal(allocated / 4, mine.GetProperty("paidFen").GetInt64());
        Assert.Equal(Math.Round(allocated / 4 * 100m / allocated, 1, MidpointRounding.AwayFromZero), mine.GetProperty("useRatePercent").GetDecimal());
        // A payment of another year does not count in this one; a reversal takes the payment back out.
        await f.Finance.PostJson($"/api/funds/ledger/{paid.Str("id")}/reversal", new { reason = "支付对象有误" }, HttpStatusCode.OK);
        Assert.Equal(0, Row(await f.City.GetJson(url), townId).GetProperty("paidFen").GetInt64());

        var town = await f.Town.GetJson(url);
        Assert.Equal(townId, Assert.Single(town.EnumerateArray()).Str("townId"));
        // A town with nothing allocated has no rate rather than a division by zero.
        Assert.Equal(JsonValueKind.Null, Row(await f.City.GetJson($"/api/funds/wish-use/{year + 3}"), townId).GetProperty("useRatePercent").ValueKind);
    }

    private sealed class DemoFundsHost(Db db) : TestHost(db)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Demo:Funds", "true");
        }
    }

    // R-FD-01, R-FD-03 (002 §五(一)): the demo allocates the whole 1.05亿 for 微实事 — the ten pilot towns' 200万 each and the other 8,500万
    // (1亿 city budget + 500万 welfare lottery, less the pilot money) in one run — and the charity federation's 2,100万 for 微心愿.
    [Theory, BothDatabases]
    public async Task R_FD_01_R_FD_03_the_demo_allocates_all_of_the_city_money_to_the_towns(Db db)
    {
        using var host = new DemoFundsHost(db);
        var city = await host.SignIn("city.admin");
        var year = TestHost.Start.Year - 1;
        var runs = (await city.GetJson($"/api/funds/allocations/{year}")).EnumerateArray().ToDictionary(r => r.Str("programme"));
        var micro = runs["MicroProject"];
        Assert.Equal(85_000_000_00, micro.GetProperty("poolFen").GetInt64());
        Assert.Equal(new Dictionary<string, long> { ["CityBudget"] = 80_000_000_00, ["WelfareLottery"] = 5_000_000_00 },
            micro.GetProperty("sources").EnumerateArray().ToDictionary(s => s.Str("source"), s => s.GetProperty("poolFen").GetInt64()));
        Assert.Equal(85_000_000_00, micro.GetProperty("rows").EnumerateArray().Sum(r => r.GetProperty("formulaFen").GetInt64()));
        var pilots = (await city.GetJson("/api/funds/pilot-grants")).EnumerateArray().ToList();
        Assert.Equal(10, pilots.Count);
        Assert.Equal(105_000_000_00, micro.GetProperty("poolFen").GetInt64() + pilots.Sum(p => p.GetProperty("amountFen").GetInt64()));
        var wish = runs["MicroWish"];
        Assert.Equal(21_000_000_00, wish.GetProperty("poolFen").GetInt64());
        Assert.Equal("CharityFederation", Assert.Single(wish.GetProperty("sources").EnumerateArray()).Str("source"));
        // Everything the city received went out except the pilot money deducted (the towns had it already, R-FD-02).
        var fund = (await city.GetJson("/api/funds/accounts?kind=CityProgramme")).EnumerateArray().Single();
        var deducted = micro.GetProperty("rows").EnumerateArray().Sum(r => r.GetProperty("pilotDeductedFen").GetInt64());
        Assert.True(deducted > 0);
        Assert.Equal(deducted, fund.GetProperty("balanceFen").GetInt64());
        // The towns' wish use rates are there for the city to read.
        Assert.NotEmpty((await city.GetJson($"/api/funds/wish-use/{year}")).EnumerateArray());
    }
}
