using Guanjia.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Guanjia.E2E.Tests.Services;

/// <summary>
/// A village's staff registers a purchased station item through the console's form (R-ST-03), sees it listed, and
/// drafts its procurement filing with the signed agreement uploaded from the filing form (R-ST-05).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class StationItemJourneyTests(HostFixture host)
{
    private const string SelectOf = "xpath=ancestor::div[contains(concat(' ', normalize-space(@class), ' '), ' el-select ')][1]";

    private static string Today() => DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd");

    private static async Task DateAsync(ILocator scope, string label, string date)
    {
        var input = scope.GetByLabel(label, new() { Exact = true });
        await input.FillAsync(date);
        await input.PressAsync("Enter");
        await Expect(input).ToHaveValueAsync(date);
    }

    [BrowserFact]
    public async Task A_village_registers_a_purchased_item_and_drafts_its_procurement_filing()
    {
        const string title = "长者助餐配送服务（演示旅程）";
        var page = await host.NewPageAsync(1366, 900);
        await Pages.SignInAsync(page, "dongcheng.village");
        await page.GotoAsync("/stations?tab=items");
        await Expect(page.Locator("[data-test=station-items-table]")).ToContainTextAsync("周末长者健康讲座（演示）");

        // R-ST-03: the form checks before sending, as the API does; a purchase names its candidates and its fee.
        await page.Locator("[data-test=item-create]").ClickAsync();
        var form = Forms.Dialog(page, "新建服务项目");
        await Expect(form.Locator("#item-station").Locator(SelectOf))
            .ToContainTextAsync("岗贝社区莞家驿站（演示）");
        await form.Locator("[data-test=step-submit]").ClickAsync();
        await Expect(form).ToContainTextAsync("服务项目名称不能为空");
        await Expect(form).ToContainTextAsync("请选择驿站运作模式");
        await Forms.FillAsync(form, "服务项目名称", title);
        await Forms.FillAsync(form, "服务内容", "为辖区高龄独居长者每日配送午餐");
        await DateAsync(form, "协商日期", Today());
        await Forms.CheckAsync(form.Locator("[data-test=item-mode]"), "购买服务项目");
        await Forms.CheckAsync(form.Locator("[data-test=item-forms]"), "组建服务队伍");
        await form.Locator("[data-test=step-submit]").ClickAsync();
        await Expect(form).ToContainTextAsync("请填写购买服务费用（元）");
        await Expect(form).ToContainTextAsync("应在协商时提出承接服务方建议名单");
        // R-ST-09: a paid item is a 微实事 by the station route; only the village's filed station projects are offered.
        await Expect(form).ToContainTextAsync("请关联已填报登记备案表的项目");
        await Forms.ChooseAsync(page, form, "对应民生微实事项目", "长者助餐配送服务（演示）");
        await Forms.FillAsync(form, "服务费用（元）", "8800.5");
        await Forms.FillAsync(form, "承接服务方建议名单", "东城长者服务社（演示）\n岗贝义工服务队（演示）");
        await Screens.SaveAsync(page, "station-item-form", key: true);
        await form.Locator("[data-test=step-submit]").ClickAsync();
        await Expect(form).ToHaveCountAsync(0);

        // Saved: the item opens, with its amount in 元 (sent as fen), and it is in the list.
        var detail = page.Locator("[data-test=station-item]");
        await Expect(detail).ToContainTextAsync("购买服务项目");
        await Expect(detail).ToContainTextAsync("8,800.50");
        await Expect(detail).ToContainTextAsync("东城长者服务社（演示）、岗贝义工服务队（演示）");
        await Expect(page.Locator("[data-test=station-items-table]")).ToContainTextAsync(title);

        // R-ST-05: the filing form takes the item's amount and the agreement uploaded from it.
        await page.Locator("[data-test=item-draft-filing]").ClickAsync();
        var filing = Forms.Dialog(page, "起草采购备案");
        await Expect(filing.GetByLabel("采购金额（元）", new() { Exact = true })).ToHaveValueAsync("8800.5");
        await filing.Locator("[data-test=step-submit]").ClickAsync();
        await Expect(filing).ToContainTextAsync("请选择采购方式");
        await Expect(filing).ToContainTextAsync("请上传并选择已签订的购买服务协议");
        await Forms.ChooseAsync(page, filing, "采购方式", "询价");
        await Forms.FillAsync(filing, "承接服务方名称", "东城长者服务社（演示）");
        await DateAsync(filing, "协议签订日期", Today());
        await filing.Locator("[data-test=filing-upload-agreement] input[type=file]").SetInputFilesAsync(Forms.Pdf("购买服务协议.pdf"));
        await Expect(filing.Locator("#filing-agreement").Locator(SelectOf))
            .ToContainTextAsync("购买服务协议.pdf");
        await Screens.SaveAsync(page, "station-filing-form", key: true);
        await filing.Locator("[data-test=step-submit]").ClickAsync();
        await Expect(filing).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-test=item-filing]")).ToContainTextAsync("草稿（待监委会审核）");
        await Expect(page.Locator("[data-test=item-filing]")).ToContainTextAsync("东城长者服务社（演示）");
        await Expect(page.Locator("[data-test=item-draft-filing]")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-test=item-edit-filing]")).ToBeVisibleAsync();

        // While the filing is a draft the item can still change: the edit sends the version it read.
        await page.Locator("[data-test=item-edit]").ClickAsync();
        var edit = Forms.Dialog(page, "编辑服务项目");
        await Expect(edit.GetByLabel("服务费用（元）", new() { Exact = true })).ToHaveValueAsync("8800.5");
        await Forms.FillAsync(edit, "服务内容", "为辖区高龄独居长者每日配送午餐，周末除外");
        await Forms.FillAsync(edit, "修改原因", "补充服务时间");
        await edit.Locator("[data-test=step-submit]").ClickAsync();
        await Expect(edit).ToHaveCountAsync(0);
        await Expect(detail).ToContainTextAsync("周末除外");

        // The filing is listed, the village may still edit its draft, and the form downloads.
        await page.GotoAsync("/stations?tab=filings");
        var row = page.Locator("[data-test=filings-table] .el-table__row").Filter(new() { HasText = title });
        await Expect(row).ToContainTextAsync("询价");
        await Expect(row).ToContainTextAsync("8,800.50");
        await Expect(row.Locator("[data-test=filing-edit]")).ToBeVisibleAsync();
        await Screens.SaveAsync(page, "station-filings", key: true);
        var download = await page.RunAndWaitForDownloadAsync(() => row.Locator("[data-test=filing-document] button").First.ClickAsync());
        Assert.EndsWith(".docx", download.SuggestedFilename);
    }
}
