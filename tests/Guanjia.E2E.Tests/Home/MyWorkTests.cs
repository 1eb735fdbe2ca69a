using System.Text.RegularExpressions;
using Guanjia.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Guanjia.E2E.Tests.Home;

/// <summary>
/// Issue 17 point 2: 我的工作 is my unit's work — each row what the item is, the step to take and one click to it — and what my unit
/// supervises is a second tab, grouped by unit (R-PL-08). A village clerk on a phone, a town reviewer at a desk.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MyWorkTests(HostFixture host)
{
    private const string Title = "菜市场旁公厕缺少无障碍扶手";

    [BrowserFact]
    public async Task My_work_lists_my_units_steps_with_the_items_title_and_the_units_below_on_a_second_tab()
    {
        await using (var api = await Api.SignInAsync(host, "dongcheng.village"))
        {
            var me = await api.GetAsync("/api/auth/me");
            await api.PostAsync("/api/appeals", new
            {
                channel = "GridWorker", title = Title, description = "公厕无扶手，长者和残疾人如厕不便", villageId = me.GetProperty("organizationId").GetString(),
                appellantName = "陈桂芳", appellantPhone = "13800138777", collection = "Daily", category = "ConvenienceWorks",
            });
        }

        // 岗贝社区 on a phone: the appeal by its title with the step to take; none of the town's duties on its projects.
        var village = await host.NewPageAsync(390, 844, mobile: true);
        await Pages.SignInAsync(village, "dongcheng.village");
        var mine = village.Locator("[data-test=work-mine]");
        var row = mine.Locator("[data-test=work-item]").Filter(new() { HasText = Title }).First;
        await Expect(row).ToContainTextAsync("待办：接收诉求并反馈接收情况");
        await Expect(mine).Not.ToContainTextAsync("镇（街道）审核确认");
        await Expect(mine).Not.ToContainTextAsync("R-MS-");
        // A village supervises no one: no second tab.
        await Expect(village.GetByRole(AriaRole.Tab, new() { Name = "督办下级" })).ToHaveCountAsync(0);
        await Screens.SaveAsync(village, "my-work-phone", key: true);
        await row.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(village).ToHaveURLAsync(new Regex("/appeals/[0-9a-f-]{36}$"));

        // The town: its own reviews, not its villages' receipts; those are on the second tab under 岗贝社区.
        var lead = await host.NewPageAsync(1366, 900);
        await Pages.SignInAsync(lead, "dongcheng.lead");
        var townMine = lead.Locator("[data-test=work-mine]");
        await Expect(townMine.Locator("[data-test=work-item]").First).ToBeVisibleAsync();
        await Expect(townMine).Not.ToContainTextAsync(Title);
        await Expect(townMine).Not.ToContainTextAsync("接收诉求并反馈接收情况");
        await lead.GetByRole(AriaRole.Tab, new() { Name = "督办下级" }).ClickAsync();
        var unit = lead.Locator("[data-test=work-unit]").Filter(new() { HasText = "岗贝社区" });
        await unit.Locator(".el-collapse-item__header").ClickAsync();
        await Expect(unit).ToContainTextAsync(Title);
        await Expect(unit).ToContainTextAsync("接收诉求并反馈接收情况");
        await Expect(lead.Locator("[data-test=work-unit] .unit-name").GetByText("东城街道", new() { Exact = true })).ToHaveCountAsync(0);
        await Screens.SaveAsync(lead, "my-work-supervised", key: true);
        await unit.GetByRole(AriaRole.Link, new() { Name = Title }).First.ClickAsync();
        await Expect(lead).ToHaveURLAsync(new Regex("/appeals/[0-9a-f-]{36}$"));
    }
}
