using System.Net;
using System.Text.Json.Nodes;
using Guanjia.Web.Tests.Infrastructure;

namespace Guanjia.Web.Tests.Purchasing;

/// <summary>R-PS-07: 本办法有效期3年 — the bureau is warned before the rules lapse, signs nothing under lapsed rules, and renews them.</summary>
[Collection(ApiCollection.Name)]
public class ValidityTests
{
    private static DateTimeOffset Local(DateOnly d, int h = 10) => new(d.Year, d.Month, d.Day, h, 0, 0, TimeSpan.FromHours(8));

    [Theory, BothDatabases]
    public async Task R_PS_07_the_bureau_is_warned_before_the_rules_lapse_and_signs_nothing_after_until_they_are_renewed(Db db)
    {
        var k = await PurchasingKit.StartAsync(db);
        var before = await k.Bureau.GetJson("/api/jurisdiction");
        Assert.Contains(before.GetProperty("programmes").EnumerateArray(), p => p.Str("code") == "Purchasing");
        var original = JsonNode.Parse(before.GetProperty("rules").GetRawText())!;
        // Other tests move the shared fake clock years ahead and run warnings, which may already have taken
        // the seeded validity past due; a validity starting today gives this test a row nobody has warned.
        var fresh = original.DeepClone();
        fresh["validity"]!["validFrom"] = k.Today.ToString("yyyy-MM-dd");
        await k.Bureau.PostJson("/api/jurisdiction/rules", new { rules = fresh, reason = "测试开始：有效期自今日起" }, HttpStatusCode.OK);
        var current = await k.Bureau.GetJson("/api/jurisdiction");
        var lastDay = DateOnly.Parse(current.Str("rulesLastDay"), System.Globalization.CultureInfo.InvariantCulture);
        var validFrom = k.Today;
        Assert.Equal(validFrom.AddYears(3).AddDays(-1), lastDay);
        var open = await k.Bureau.GetJson("/api/deadlines?obligation=RulesRenewal");
        var row = Assert.Single(open.GetProperty("items").EnumerateArray());
        Assert.Equal("R-PS-07", row.Str("ruleId"));
        Assert.Equal(new DateTimeOffset(lastDay.Year, lastDay.Month, lastDay.Day, 23, 59, 59, TimeSpan.FromHours(8)), row.GetProperty("dueAt").GetDateTimeOffset());
        // Dongguan does not run the purchase programme: it has no such deadline.
        Assert.Equal(0, (await (await k.Host.SignIn("city.admin")).GetJson("/api/deadlines?obligation=RulesRenewal&status=All")).GetProperty("total").GetInt32());

        var saved = k.Host.Clock.GetUtcNow();
        try
        {
            // Eighty days before the last day: within the ninety days' warning, across three years of the fake clock.
            k.Host.Clock.Set(Local(lastDay.AddDays(-80)));
            await ReportTests.WarnAllAsync(k.Host, "/340102/");
            var bureau = await k.Host.SignIn("yaohai.admin");
            Assert.Contains(await k.BureauInboxAsync("DueSoon"), n => n.Contains("政府购买服务实施办法", StringComparison.Ordinal) && n.Contains("R-PS-07", StringComparison.Ordinal));
            Assert.Equal("DueSoon", (await bureau.GetJson("/api/deadlines?obligation=RulesRenewal")).GetProperty("items")[0].Str("status"));

            // The day after the last day: the rules have lapsed, so a contract cannot be signed.
            k.Host.Clock.Set(Local(lastDay.AddDays(1)));
            bureau = await k.Host.SignIn("yaohai.admin");
            var k2 = await PurchasingKit.StartAsync(db);
            var year = PurchasingKit.FreshYear();
            var (cid, _) = await k2.ContractorAsync();
            await k2.BudgetAsync(year);
            var package = await k2.PackageAsync($"{year}-01-01", $"{year}-12-31", await k2.CommunitiesAsync());
            await k2.TenderAsync(package.Str("id"), cid, 1_000_000_00);
            var refused = await bureau.PostJson("/api/purchasing/contracts", k2.Contract(package.Str("id"), $"{year}-01-01", $"{year}-12-31", 1_000_000_00),
                HttpStatusCode.BadRequest);
            refused.ShouldNameField("signedOn", "rules_not_in_force");
            await ReportTests.WarnAllAsync(k.Host, "/340102/");
            Assert.Contains(await k.BureauInboxAsync("Overdue"), n => n.Contains("政府购买服务实施办法", StringComparison.Ordinal));

            // Renewed from today: the lapsed deadline is met, late, with the reason; the next one runs three years.
            var renewed = original.DeepClone();
            renewed["validity"]!["validFrom"] = k2.Today.ToString("yyyy-MM-dd");
            var saved2 = await bureau.PostJson("/api/jurisdiction/rules", new { rules = renewed, reason = "实施办法修订后重新印发" }, HttpStatusCode.OK);
            Assert.Equal(k2.Today.AddYears(3).AddDays(-1).ToString("yyyy-MM-dd"), saved2.Str("rulesLastDay"));
            var met = (await bureau.GetJson("/api/deadlines?obligation=RulesRenewal&status=Met")).GetProperty("items").EnumerateArray().ToList();
            Assert.Contains(met, d => d.Str("status") == "MetLate" && d.Str("lateReason") == "实施办法修订后重新印发");
            Assert.Single((await bureau.GetJson("/api/deadlines?obligation=RulesRenewal")).GetProperty("items").EnumerateArray());
            await bureau.PostJson("/api/purchasing/contracts", k2.Contract(package.Str("id"), $"{year}-01-01", $"{year}-12-31", 1_000_000_00), HttpStatusCode.Created);
        }
        finally
        {
            k.Host.Clock.Set(saved);
            var bureau = await k.Host.SignIn("yaohai.admin");
            await bureau.PostJson("/api/jurisdiction/rules", new { rules = original, reason = "测试结束：恢复有效期" }, HttpStatusCode.OK);
        }
        Assert.Single((await (await k.Host.SignIn("yaohai.admin")).GetJson("/api/deadlines?obligation=RulesRenewal")).GetProperty("items").EnumerateArray());
    }
}
