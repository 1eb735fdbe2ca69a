using Guanjia.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Guanjia.E2E.Tests.Funds;

/// <summary>The console's 资金 page on the demo funds (last year's receipts, allocations and matching, issue 5).</summary>
[Collection(BrowserCollection.Name)]
public sealed class FundsPagesTests(HostFixture host)
{
    // Issue 17 point 8: accounts named as people write them (no "东莞市市“…”", no "东城街道镇（街道）“…”"), a town's economic
    // class by its name (一类…四类, as 东府办〔2020〕22号 writes it), not a bare digit.
    [BrowserFact]
    public async Task Funds_name_accounts_as_people_write_them_and_economic_classes_by_name()
    {
        var page = await host.NewPageAsync(1366, 900);
        await Pages.SignInAsync(page, "city.admin");
        await page.Locator("[data-test=menu-funds]").ClickAsync();
        await page.WaitForURLAsync("**/funds");
        var accounts = page.Locator("[data-test=fund-accounts]");
        await Expect(accounts).ToContainTextAsync("东城街道", new() { Timeout = 15_000 });
        await Expect(accounts).Not.ToContainTextAsync("市市“");
        await Expect(accounts).Not.ToContainTextAsync("街道镇（街道）");
        await Expect(accounts).Not.ToContainTextAsync("社区村（社区）");
        await Expect(accounts).Not.ToContainTextAsync("镇镇（街道）");

        await page.GetByRole(AriaRole.Tab, new() { Name = "镇街配套" }).ClickAsync();
        var matching = page.Locator("[data-test=fund-matching]");
        await Expect(matching.Locator(".el-table__row").First).ToBeVisibleAsync();
        await Expect(matching).ToContainTextAsync(new System.Text.RegularExpressions.Regex("[一二三四]类"));
        var classes = await matching.Locator(".el-table__row td:nth-child(2)").AllInnerTextsAsync();
        Assert.DoesNotContain(classes, c => System.Text.RegularExpressions.Regex.IsMatch(c.Trim(), "^[0-9]$"));
    }

    [BrowserFact]
    public async Task The_city_reads_accounts_and_ledger_and_previews_an_allocation()
    {
        var page = await host.NewPageAsync(1366, 900);
        await Pages.SignInAsync(page, "city.admin");
        await page.Locator("[data-test=menu-funds]").ClickAsync();
        await page.WaitForURLAsync("**/funds");
        var accounts = page.Locator("[data-test=fund-accounts]");
        await Expect(accounts).ToContainTextAsync("东城街道");
        await Expect(accounts).ToContainTextAsync("市财政");
        await Screens.SaveAsync(page, "funds-accounts", key: true);

        await page.GetByRole(AriaRole.Tab, new() { Name = "资金台账" }).ClickAsync();
        await Expect(page.Locator("[data-test=fund-ledger]")).ToContainTextAsync("分配");

        var last = (DateTime.UtcNow.Year - 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await page.GetByRole(AriaRole.Tab, new() { Name = "资金分配" }).ClickAsync();
        var form = page.Locator("[data-test=allocation-form]");
        await form.Locator(".el-input-number input").First.FillAsync(last);
        await form.Locator(".el-input-number input").First.PressAsync("Tab");
        // R-FD-01, R-FD-03: one pool from two sources; the table shows what each town gets of each.
        await Forms.FillAsync(form, "市财政（万元）", "1000");
        await Forms.FillAsync(form, "福彩公益金（万元）", "50");
        await form.GetByRole(AriaRole.Button, new() { Name = "试算" }).ClickAsync();
        var table = page.Locator("[data-test=allocation-table]");
        await Expect(table).ToContainTextAsync("东城街道");
        await Expect(table).ToContainTextAsync("合计");
        await Expect(table).ToContainTextAsync("福彩公益金");
        // Last year's committed runs (the demo's) are listed with the 8,500万 of 微实事 from both sources, and can be adjusted.
        var run = page.Locator("[data-test=allocation-run]").First;
        await Expect(run).ToContainTextAsync("8,500.00 万元");
        await Expect(run.Locator("[data-test=allocation-adjust]").First).ToBeVisibleAsync();
        await Screens.SaveAsync(page, "funds-allocation-preview", key: true, fullPage: true);

        // R-MW-07: each town's 微心愿 use rate for the year.
        await page.GetByRole(AriaRole.Tab, new() { Name = "微心愿资金使用" }).ClickAsync();
        var use = page.Locator("[data-test=fund-wish-use]");
        await Expect(use).ToContainTextAsync("东城街道");
        await Expect(use).ToContainTextAsync("%");
    }
}
