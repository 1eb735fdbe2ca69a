using System.Globalization;
using Guanjia.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Guanjia.E2E.Tests.Funds;

/// <summary>
/// Issue 17 point 1: the city allocates this year's money from the demo data through the console alone — the 试算 refused for
/// want of the towns' figures links to the page that takes them, last year's are the starting point, a tenfold change asks for
/// confirmation, amounts in 万元, and the money is recorded as received before the commit (R-FD-01, R-FD-03).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AllocationJourneyTests(HostFixture host)
{
    [BrowserFact]
    public async Task The_city_enters_this_years_town_factors_from_the_refused_preview_and_allocates_through_the_console()
    {
        var year = DateTime.UtcNow.AddHours(8).Year;
        var y = year.ToString(CultureInfo.InvariantCulture);
        var page = await host.NewPageAsync(1366, 900);
        await Pages.SignInAsync(page, "city.admin");
        await page.Locator("[data-test=menu-funds]").ClickAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "资金分配" }).ClickAsync();
        var form = page.Locator("[data-test=allocation-form]");
        // R-FD-01: the pool in 万元, like every other amount of the programme.
        await Forms.FillAsync(form, "市财政（万元）", "20000");
        await form.GetByRole(AriaRole.Button, new() { Name = "试算" }).ClickAsync();
        var refused = page.Locator("[data-test=allocation-refused]");
        await Expect(refused).ToContainTextAsync($"尚未填写{y}年度分配因素");
        await refused.GetByRole(AriaRole.Link, new() { Name = $"填写{y}年度分配因素" }).ClickAsync();

        // The page starts from last year's figures, each cell showing last year's.
        await page.WaitForURLAsync($"**/funds/factors?year={y}");
        await Expect(page.Locator("[data-test=factors-from-last-year]")).ToContainTextAsync($"{year - 1}年度的数据");
        var output = page.GetByLabel("东城街道 生产总值（万元）", new() { Exact = true });
        var last = await output.InputValueAsync();
        Assert.True(long.Parse(last, CultureInfo.InvariantCulture) > 0, "last year's output is the starting point");
        await Screens.SaveAsync(page, "funds-town-factors", key: true);

        // 元 typed for 万元: ten thousand times last year's asks first; going back saves nothing.
        await output.FillAsync(last + "0000");
        await page.Locator("[data-test=factors-save]").ClickAsync();
        var box = page.Locator(".el-message-box");
        await Expect(box).ToContainTextAsync("相差十倍以上");
        await Expect(box).ToContainTextAsync("东城街道 生产总值（万元）");
        await box.GetByRole(AriaRole.Button, new() { Name = "返回修改" }).ClickAsync();
        await using (var api = await Api.SignInAsync(host, "city.admin"))
            Assert.Equal(0, (await api.GetAsync($"/api/funds/town-factors/{y}")).GetArrayLength());

        var corrected = (long.Parse(last, CultureInfo.InvariantCulture) * 11 / 10).ToString(CultureInfo.InvariantCulture);
        await output.FillAsync(corrected);
        await page.Locator("[data-test=factors-save]").ClickAsync();
        await Expect(page.Locator(".el-message--success")).ToContainTextAsync($"已保存{y}年度");
        await Expect(box).ToHaveCountAsync(0);
        await using (var api = await Api.SignInAsync(host, "city.admin"))
        {
            var saved = await api.GetAsync($"/api/funds/town-factors/{y}");
            Assert.True(saved.GetArrayLength() > 30, "every town's figures are saved");
            var dongcheng = saved.EnumerateArray().Single(t => t.GetProperty("townName").GetString() == "东城街道");
            Assert.Equal(corrected, dongcheng.GetProperty("outputWan").GetInt64().ToString(CultureInfo.InvariantCulture));
        }

        // Back to the allocation: the preview now answers with the table.
        await page.GetByRole(AriaRole.Button, new() { Name = "返回资金分配" }).ClickAsync();
        await page.WaitForURLAsync("**/funds?tab=allocation*");
        await Forms.FillAsync(form, "市财政（万元）", "20000");
        await form.GetByRole(AriaRole.Button, new() { Name = "试算" }).ClickAsync();
        await Expect(page.Locator("[data-test=allocation-table]")).ToContainTextAsync("东城街道");
        await Expect(refused).ToHaveCountAsync(0);

        // The city's fund holds only last year's pilot deductions, far from 2亿: the commit says so and leads to recording the receipt.
        await form.GetByRole(AriaRole.Button, new() { Name = "确认分配" }).ClickAsync();
        await page.Locator(".el-message-box").GetByRole(AriaRole.Button, new() { Name = "确定" }).ClickAsync();
        await Expect(refused).ToContainTextAsync("余额不足");
        await Expect(form).ToContainTextAsync("不足拨付");
        await refused.GetByRole(AriaRole.Button, new() { Name = "登记资金到账" }).ClickAsync();
        var dialog = page.Locator("[data-test=receipt-dialog]");
        await Forms.FillAsync(dialog, "金额（万元）", "20000");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "登记到账" }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();

        await form.GetByRole(AriaRole.Button, new() { Name = "确认分配" }).ClickAsync();
        await page.Locator(".el-message-box").GetByRole(AriaRole.Button, new() { Name = "确定" }).ClickAsync();
        var run = page.Locator("[data-test=allocation-run]").Filter(new() { HasText = $"{y}年度“民生微实事”分配" });
        await Expect(run).ToContainTextAsync("20,000.00 万元");
        await Expect(run).ToContainTextAsync("东城街道");
    }
}
