using System.Net;
using System.Net.Http.Json;
using Guanjia.Web.Tests.Infrastructure;

namespace Guanjia.Web.Tests.Purchasing;

/// <summary>004 in 瑶海区: the contractor registry, the year's budget, packages of communities, tenders and contracts.</summary>
[Collection(ApiCollection.Name)]
public class RegistryAndPackageTests
{
    private static async Task<int> TotalAsync(HttpClient c, string url) => (await c.GetJson(url)).GetProperty("total").GetInt32();

    [Theory, BothDatabases]
    public async Task R_PS_01_a_contractor_is_registered_under_a_valid_credit_code_and_a_wrong_one_saves_nothing(Db db)
    {
        var k = await PurchasingKit.StartAsync(db);
        var before = await TotalAsync(k.Bureau, "/api/purchasing/contractors?pageSize=200");
        var orgsBefore = await TotalAsync(k.Bureau, "/api/organizations?kind=Contractor");
        var good = PurchasingKit.NewCreditCode();
        var wrong = good[..17] + (good[17] == '0' ? '1' : '0');

        var bad = await k.Bureau.PostJson("/api/purchasing/contractors", PurchasingKit.Contractor(wrong), HttpStatusCode.BadRequest);
        bad.ShouldNameField("creditCode", "check_character");
        Assert.Contains("R-PS-01", bad.GetProperty("fieldErrors")[0].Str("zh"), StringComparison.Ordinal);
        (await k.Bureau.PostJson("/api/purchasing/contractors", new { name = "无资质单位", kind = "Enterprise", creditCode = good }, HttpStatusCode.BadRequest))
            .ShouldNameField("qualifications", "required");
        Assert.Equal(before, await TotalAsync(k.Bureau, "/api/purchasing/contractors?pageSize=200"));
        Assert.Equal(orgsBefore, await TotalAsync(k.Bureau, "/api/organizations?kind=Contractor"));

        var created = await k.Bureau.PostJson("/api/purchasing/contractors", PurchasingKit.Contractor(good.ToLowerInvariant()), HttpStatusCode.Created);
        Assert.Equal(good, created.Str("creditCode"));
        Assert.Equal("民办非企业单位登记证书", created.GetProperty("qualifications")[0].Str("name"));
        Assert.Equal(0, created.GetProperty("contracts").GetArrayLength());
        (await k.Bureau.PostJson("/api/purchasing/contractors", PurchasingKit.Contractor(good), HttpStatusCode.BadRequest)).ShouldNameField("creditCode", "duplicate");
        // The contractor is a node of the jurisdiction's tree, so its own accounts can be made.
        var org = await k.Bureau.GetJson($"/api/organizations/{created.Str("id")}");
        Assert.StartsWith("/340102/", org.Str("path"), StringComparison.Ordinal);
        // Only the bureau registers contractors.
        Assert.Equal(HttpStatusCode.Forbidden, (await k.Street.PostAsJsonAsync("/api/purchasing/contractors", PurchasingKit.Contractor())).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task R_PS_02_R_PS_03_a_community_is_in_at_most_one_package_of_a_period(Db db)
    {
        var k = await PurchasingKit.StartAsync(db);
        var year = PurchasingKit.FreshYear();
        var later = PurchasingKit.FreshYear();
        var c = await k.CommunitiesAsync(count: 4);
        var first = await k.PackageAsync($"{year}-01-01", $"{year}-12-31", c.Take(3));
        var before = (await k.Bureau.GetJson("/api/purchasing/packages")).GetArrayLength();

        // The third community is already in the first package for an overlapping period (R-PS-03).
        var clash = await k.Bureau.PostJson("/api/purchasing/packages", PurchasingKit.Package($"{year}-07-01", $"{year}-12-31", [c[3], c[2]]),
            HttpStatusCode.BadRequest);
        clash.ShouldNameField("communityIds[1]", "in_another_package");
        Assert.Contains("R-PS-03", clash.GetProperty("fieldErrors")[0].Str("zh"), StringComparison.Ordinal);
        // R-PS-02: a package says what it buys.
        (await k.Bureau.PostJson("/api/purchasing/packages", PurchasingKit.Package($"{later}-01-01", $"{later}-12-31", [c[3]], contents: []),
            HttpStatusCode.BadRequest)).ShouldNameField("contents", "required");
        // A Dongguan community is no community of 瑶海区.
        var dongguan = await (await k.Host.SignIn("dongcheng.village")).GetJson("/api/auth/me");
        (await k.Bureau.PostJson("/api/purchasing/packages", PurchasingKit.Package($"{later}-01-01", $"{later}-12-31", [dongguan.Str("organizationId")]),
            HttpStatusCode.BadRequest)).ShouldNameField("communityIds[0]", "not_a_community");
        Assert.Equal(before, (await k.Bureau.GetJson("/api/purchasing/packages")).GetArrayLength());

        // The next period is free again; and moving the first package's communities is checked the same way.
        var next = await k.PackageAsync($"{later}-01-01", $"{later}-12-31", [c[2], c[3]]);
        Assert.Equal(2, next.GetProperty("communityCount").GetInt32());
        var edit = await k.Bureau.PutJson($"/api/purchasing/packages/{next.Str("id")}", new
        {
            name = next.Str("name"), periodStart = $"{year}-06-01", periodEnd = $"{later}-12-31", contents = new[] { "ElderlyCare" },
            communityIds = new[] { c[2], c[3] }, version = next.GetProperty("version").GetInt32(), reason = "调整服务期",
        }, HttpStatusCode.BadRequest);
        edit.ShouldNameField("communityIds[0]", "in_another_package");
        Assert.Equal($"{later}-01-01", (await k.Bureau.GetJson($"/api/purchasing/packages/{next.Str("id")}")).Str("periodStart"));
        Assert.Equal(3, first.GetProperty("communityCount").GetInt32());
    }

    [Theory, BothDatabases]
    public async Task R_PS_04_a_package_shows_each_streets_workstation_staffing_at_the_configured_ratio(Db db)
    {
        var k = await PurchasingKit.StartAsync(db);
        var year = PurchasingKit.FreshYear();
        var five = await k.CommunitiesAsync(count: 5); // 红光街道 has five communities
        var p = await k.PackageAsync($"{year}-01-01", $"{year}-12-31", five);
        var town = p.GetProperty("towns")[0];
        Assert.Equal(k.HongguangId, town.Str("townId"));
        Assert.Equal(4, town.GetProperty("workersNeeded").GetInt32()); // ⌈5 / 1.5⌉
        Assert.Equal(1, p.GetProperty("managersNeeded").GetInt32());
        Assert.Equal(1, p.GetProperty("supervisorsNeeded").GetInt32());

        // The ratio is the jurisdiction's configuration: a new version changes what is needed.
        var current = await k.Bureau.GetJson("/api/jurisdiction");
        var rules = System.Text.Json.Nodes.JsonNode.Parse(current.GetProperty("rules").GetRawText())!;
        try
        {
            rules["purchasing"]!["communitiesPerWorker"] = 2.5;
            await k.Bureau.PostJson("/api/jurisdiction/rules", new { rules, reason = "测试：调整配比" }, HttpStatusCode.OK);
            Assert.Equal(2, (await k.Bureau.GetJson($"/api/purchasing/packages/{p.Str("id")}")).GetProperty("towns")[0].GetProperty("workersNeeded").GetInt32());
        }
        finally
        {
            rules["purchasing"]!["communitiesPerWorker"] = 1.5;
            await k.Bureau.PostJson("/api/jurisdiction/rules", new { rules, reason = "测试结束：恢复配比" }, HttpStatusCode.OK);
        }
    }

    [Theory, BothDatabases]
    public async Task R_PS_08_a_contract_is_charged_to_the_years_budget_and_its_instalments_add_up_to_its_amount(Db db)
    {
        var k = await PurchasingKit.StartAsync(db);
        var year = PurchasingKit.FreshYear();
        var (cid, _) = await k.ContractorAsync();
        var package = await k.PackageAsync($"{year}-01-01", $"{year}-12-31", await k.CommunitiesAsync());
        var pid = package.Str("id");
        const long amount = 2_000_000_00;

        // A contract before its tender, a winner who did not bid, single source with two bidders.
        (await k.Bureau.PostJson("/api/purchasing/contracts", k.Contract(pid, $"{year}-01-01", $"{year}-12-31", amount), HttpStatusCode.BadRequest))
            .ShouldNameField("packageId", "not_tendered");
        var other = (await k.Bureau.PostJson("/api/purchasing/contractors", PurchasingKit.Contractor(), HttpStatusCode.Created)).Str("id");
        var tender = new
        {
            packageId = pid, method = "SingleSource", heldOn = k.Today.ToString("yyyy-MM-dd"),
            bidders = new object[] { new { contractorId = cid, bidFen = amount }, new { contractorId = other, bidFen = amount } }, winnerId = Guid.NewGuid(),
            amountFen = amount,
        };
        var badTender = await k.Bureau.PostJson("/api/purchasing/tenders", tender, HttpStatusCode.BadRequest);
        badTender.ShouldNameField("bidders", "single_source");
        badTender.ShouldNameField("winnerId", "not_a_bidder");
        await k.TenderAsync(pid, cid, amount, other);

        // No budget line for the year (R-PS-08).
        (await k.Bureau.PostJson("/api/purchasing/contracts", k.Contract(pid, $"{year}-01-01", $"{year}-12-31", amount), HttpStatusCode.BadRequest))
            .ShouldNameField("budgetYear", "no_budget");
        await k.BudgetAsync(year, 1_500_000_00);
        (await k.Bureau.PostJson("/api/purchasing/contracts", k.Contract(pid, $"{year}-01-01", $"{year}-12-31", amount), HttpStatusCode.BadRequest))
            .ShouldNameField("amountFen", "exceeds_budget");
        await k.BudgetAsync(year, 3_000_000_00);
        // Instalments that do not add up, and a last instalment paid before the evaluation.
        var wrongSum = await k.Bureau.PostJson("/api/purchasing/contracts", k.Contract(pid, $"{year}-01-01", $"{year}-12-31", amount,
        [
            new { name = "首期款", amountFen = 1_000_000_00L, milestone = "OnSigning" }, new { name = "尾款", amountFen = 900_000_00L, milestone = "FinalAcceptance" },
        ]), HttpStatusCode.BadRequest);
        wrongSum.ShouldNameField("instalments", "sum_mismatch");
        Assert.Contains("R-PS-08", wrongSum.GetProperty("fieldErrors")[0].Str("zh"), StringComparison.Ordinal);
        (await k.Bureau.PostJson("/api/purchasing/contracts", k.Contract(pid, $"{year}-01-01", $"{year}-12-31", amount,
        [
            new { name = "首期款", amountFen = 1_000_000_00L, milestone = "OnSigning" }, new { name = "二期款", amountFen = 1_000_000_00L, milestone = "MidTermAcceptance" },
        ]), HttpStatusCode.BadRequest)).ShouldNameField("instalments[1].milestone", "final_not_last");
        // A term beyond the package's period.
        (await k.Bureau.PostJson("/api/purchasing/contracts", k.Contract(pid, $"{year}-01-01", $"{year + 1}-03-31", amount), HttpStatusCode.BadRequest))
            .ShouldNameField("termStart", "outside_package_period");
        Assert.Equal(0, (await k.Bureau.GetJson($"/api/purchasing/contracts?contractorId={cid}")).GetProperty("total").GetInt32());

        var contract = await k.Bureau.PostJson("/api/purchasing/contracts", k.Contract(pid, $"{year}-01-01", $"{year}-12-31", amount), HttpStatusCode.Created);
        Assert.Matches(@"^GM\d{4}-\d{4}$", contract.Str("number"));
        Assert.Equal(amount, contract.GetProperty("instalments").EnumerateArray().Sum(i => i.GetProperty("amountFen").GetInt64()));
        Assert.Equal(12 + 2, contract.GetProperty("reports").GetArrayLength()); // twelve briefs, the mid-term and the final report
        var line = (await k.Bureau.GetJson("/api/purchasing/budget-lines")).EnumerateArray().Single(l => l.GetProperty("year").GetInt32() == year);
        Assert.Equal(amount, line.GetProperty("committedFen").GetInt64());
        // The year's budget cannot fall below what is signed.
        (await k.Bureau.PutJson($"/api/purchasing/budget-lines/{year}", new { amountFen = 1_000_000_00L, version = line.GetProperty("version").GetInt32(), reason = "压减" },
            HttpStatusCode.BadRequest)).ShouldNameField("amountFen", "below_committed");
        // The package is tendered and contracted: it no longer changes.
        Assert.Equal(HttpStatusCode.Conflict, (await k.Bureau.PutAsJsonAsync($"/api/purchasing/packages/{pid}", new
        {
            name = "改名", periodStart = $"{year}-01-01", periodEnd = $"{year}-12-31", contents = new[] { "ElderlyCare" }, communityIds = Array.Empty<string>(),
            version = package.GetProperty("version").GetInt32(), reason = "调整",
        })).StatusCode);
        // The contractor's history lists it.
        var history = await k.Bureau.GetJson($"/api/purchasing/contractors/{cid}");
        Assert.Equal(contract.Str("id"), history.GetProperty("contracts")[0].Str("id"));
    }
}
