using System.Text.RegularExpressions;
using Guanjia.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Guanjia.E2E.Tests.Services;

/// <summary>
/// The pages of issue 4's capabilities on the demo samples the Development host loads: a town verifying and
/// deciding a wish, the policy catalogue, the stations in the console and on the portal.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ServicesPagesTests(HostFixture host)
{
    private static bool Overflows(IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth").GetAwaiter().GetResult();

    private static Task Radio(ILocator group, string text) =>
        group.Locator("label.el-radio").Filter(new() { HasText = text }).First.ClickAsync();

    [BrowserFact]
    public async Task A_town_lead_verifies_and_decides_a_wish()
    {
        var page = await host.NewPageAsync(1366, 900);
        await Pages.SignInAsync(page, "dongcheng.lead");
        await page.Locator("[data-test=menu-wishes]").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/wishes$"));
        var table = page.Locator("[data-test=wishes-table]");
        await Expect(table).ToContainTextAsync("为独居长者配置助行器一台");
        await Expect(table).ToContainTextAsync("待镇街核实");
        await Screens.SaveAsync(page, "wishes-list", key: true);
        await table.Locator(".el-table__row").Filter(new() { HasText = "为独居长者配置助行器一台" }).Locator("a").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/wishes/[0-9a-f-]{36}$"));
        await Expect(page.Locator("[data-test=wish-state]")).ToHaveTextAsync("待镇街核实");
        // The town handling it sees the person in clear; the labels are Chinese, not the enum names.
        await Expect(page.Locator("[data-test=wish-person]")).ToContainTextAsync("林演示");
        await Expect(page.Locator("[data-test=wish-person]")).ToContainTextAsync("孤寡老人");

        // Verification: the form checks before sending, then the three checks, the departments, the outcome.
        await page.Locator("[data-test=action-Verify]").ClickAsync();
        var verify = Forms.Dialog(page, "镇街核实");
        await verify.Locator("[data-test=step-submit]").ClickAsync();
        await Expect(verify).ToContainTextAsync("请核查诉求是否真实");
        await Expect(verify).ToContainTextAsync("会同核查的部门不能为空");
        foreach (var check in new[] { "authentic", "reasonable", "budgetSound" })
            await Radio(verify.Locator($"[data-test=wish-{check}]"), "是");
        await Forms.FillAsync(verify, "会同核查的部门", "社会事务局、残联");
        await Radio(verify.Locator("[data-test=wish-outcome]"), "核实通过，进入评审");
        await Screens.SaveAsync(page, "wish-verify", key: true);
        await verify.Locator("[data-test=step-submit]").ClickAsync();
        await Expect(page.Locator("[data-test=wish-state]")).ToHaveTextAsync("待评审");
        await Expect(page.Locator("[data-test=wish-verification]")).ToContainTextAsync("社会事务局、残联");

        // Decision: the amount is typed in 元 and shown back as 元 (sent as fen).
        await page.Locator("[data-test=action-Decide]").ClickAsync();
        var decide = Forms.Dialog(page, "评审决定");
        await Radio(decide.Locator("[data-test=wish-decision-body]"), "联席会议");
        await Forms.FillAsync(decide, "参与人员", "陈委员\n刘社工");
        await Radio(decide.Locator("[data-test=wish-route]"), "莞家速递");
        await Radio(decide.Locator("[data-test=wish-express-form]"), "直接资助");
        await Forms.FillAsync(decide, "资助金额（元）", "650.5");
        await Forms.FillAsync(decide, "资助方式", "购置助行器并送货上门");
        await Screens.SaveAsync(page, "wish-decide");
        await decide.Locator("[data-test=step-submit]").ClickAsync();
        await Expect(page.Locator("[data-test=wish-state]")).ToHaveTextAsync("办理中");
        var decision = page.Locator("[data-test=wish-decision]");
        await Expect(decision).ToContainTextAsync("650.50 元");
        await Expect(decision).ToContainTextAsync("陈委员、刘社工");
        await Expect(decision).ToContainTextAsync("直接资助");
        // Express starts 5 working days (R-MW-04): the deadline shows in the side panel.
        await Expect(page.Locator("[data-test=action-Complete]")).ToBeVisibleAsync();
        await Screens.SaveAsync(page, "wish-detail", key: true, fullPage: true);

        // A deputy sees the wish masked and may do nothing.
        var deputy = await host.NewPageAsync(1366, 900);
        await Pages.SignInAsync(deputy, "dongcheng.deputy");
        await deputy.GotoAsync(page.Url);
        await Expect(deputy.Locator("[data-test=wish-person]")).Not.ToContainTextAsync("林演示");
        await Expect(deputy.Locator("[data-test=wish-actions]")).ToContainTextAsync("当前无需您办理的步骤");
    }

    [BrowserFact]
    public async Task The_city_keeps_the_policy_catalogue_and_a_town_reads_it()
    {
        var page = await host.NewPageAsync(1366, 900);
        await Pages.SignInAsync(page, "city.admin");
        await page.Locator("[data-test=menu-policies]").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/policies$"));
        var table = page.Locator("[data-test=policies-table]");
        await Expect(table).ToContainTextAsync("最低生活保障");
        await page.GetByLabel("政策名称、保障范围、关键词或部门").FillAsync("护理补贴");
        await page.GetByLabel("政策名称、保障范围、关键词或部门").PressAsync("Enter");
        await Expect(table.Locator(".el-table__row")).ToHaveCountAsync(1);
        await Expect(table).ToContainTextAsync("护理补贴");

        await page.Locator("[data-test=policy-create]").ClickAsync();
        var dialog = Forms.Dialog(page, "新增政策");
        await dialog.Locator("[data-test=step-submit]").ClickAsync();
        await Expect(dialog).ToContainTextAsync("政策名称不能为空");
        await Forms.FillAsync(dialog, "政策名称", "困难群众取暖补贴（演示）");
        await Forms.FillAsync(dialog, "责任部门", "镇（街道）社会事务局");
        await Forms.FillAsync(dialog, "联系方式", "0769-12345-9");
        await Forms.FillAsync(dialog, "保障范围", "低保、特困家庭冬季取暖补贴（演示）");
        await Forms.FillAsync(dialog, "关键词", "取暖，冬季 补贴");
        await Screens.SaveAsync(page, "policy-new");
        await dialog.Locator("[data-test=step-submit]").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await page.GetByLabel("政策名称、保障范围、关键词或部门").FillAsync("取暖");
        await page.GetByLabel("政策名称、保障范围、关键词或部门").PressAsync("Enter");
        await Expect(table).ToContainTextAsync("困难群众取暖补贴（演示）");
        await Expect(table).ToContainTextAsync("冬季");
        await page.GetByLabel("政策名称、保障范围、关键词或部门").FillAsync("");
        await page.GetByLabel("政策名称、保障范围、关键词或部门").PressAsync("Enter");
        await Expect(table).ToContainTextAsync("最低生活保障");
        await Screens.SaveAsync(page, "policies", key: true);

        // A town reads the list but may not change it; the referral the samples made is in its list.
        var town = await host.NewPageAsync(1366, 900);
        await Pages.SignInAsync(town, "dongcheng.lead");
        await town.GotoAsync("/policies");
        await Expect(town.Locator("[data-test=policies-table]")).ToContainTextAsync("最低生活保障");
        await Expect(town.Locator("[data-test=policy-create]")).ToHaveCountAsync(0);
        await town.Locator("[data-test=menu-policy-referrals]").ClickAsync();
        await Expect(town.Locator("[data-test=referrals-table]")).ToContainTextAsync("镇（街道）社会事务局");
        await Expect(town.Locator("[data-test=referral-accept]")).ToHaveCountAsync(1);
        await Screens.SaveAsync(town, "policy-referrals");
    }

    [BrowserFact]
    public async Task The_portal_lists_the_stations_at_phone_width()
    {
        var page = await host.NewPageAsync(390, 844, mobile: true);
        await page.GotoAsync("/portal/stations");
        var directory = page.Locator("[data-test=portal-stations]");
        var card = directory.Locator("[data-test=station-card]").Filter(new() { HasText = "岗贝社区莞家驿站（演示）" });
        await Expect(card).ToBeVisibleAsync();
        await Expect(card).ToContainTextAsync("“阳光雨”党群服务中心");
        await Expect(card).ToContainTextAsync("提供场地支持");
        await Expect(card.Locator("a[href='tel:0769-00000001']")).ToBeVisibleAsync();
        Assert.False(Overflows(page), "the station directory scrolls sideways at 390 px");
        await Screens.SaveAsync(page, "portal-stations", key: true);

        await directory.GetByText("结果公开", new() { Exact = true }).ClickAsync();
        await Expect(directory.Locator("[data-test=publication-card]").First).ToContainTextAsync("协商结果");
        await directory.GetByText("社工站点", new() { Exact = true }).ClickAsync();
        await Expect(directory.Locator("[data-test=point-card]").First).ToBeVisibleAsync();
        Assert.False(Overflows(page), "the social-work points scroll sideways at 390 px");
        await Screens.SaveAsync(page, "portal-social-work-points");

        // By town: 长安镇 has its own station only.
        await directory.GetByText("驿站", new() { Exact = true }).ClickAsync();
        await Forms.ChooseAsync(page, directory, "镇街", "长安镇");
        await Expect(directory.Locator("[data-test=station-card]")).ToHaveCountAsync(1);
        await Expect(directory.Locator("[data-test=station-card]")).ToContainTextAsync("长安镇演示社区驿站");
    }

    [BrowserFact]
    public async Task The_console_shows_the_stations_and_the_villages_without_one()
    {
        var page = await host.NewPageAsync(1366, 900);
        await Pages.SignInAsync(page, "dongcheng.lead");
        await page.Locator("[data-test=menu-stations]").ClickAsync();
        await Expect(page.Locator("[data-test=stations-table]")).ToContainTextAsync("岗贝社区莞家驿站（演示）");
        // A town records filings; it registers no station itself.
        await Expect(page.Locator("[data-test=station-create]")).ToHaveCountAsync(0);
        await Screens.SaveAsync(page, "stations", key: true);
        await page.GetByRole(AriaRole.Tab, new() { Name = "覆盖情况" }).ClickAsync();
        await Expect(page.Locator("[data-test=villages-without-station]")).ToBeVisibleAsync();
        await Screens.SaveAsync(page, "stations-coverage");

        var head = await host.NewPageAsync(1366, 900);
        await Pages.SignInAsync(head, "dongcheng.station");
        await head.GotoAsync("/stations?tab=referrals");
        var referrals = head.Locator("[data-test=station-referrals-table]");
        await Expect(referrals).ToContainTextAsync("蔡演示");
        // 002's own words for the inclusive services (issue 12).
        await Expect(referrals).ToContainTextAsync("家庭和亲子关系调适");
        await head.GotoAsync("/stations?tab=items");
        await Expect(head.Locator("[data-test=station-items-table]")).ToContainTextAsync("无偿提供服务");
    }
}
