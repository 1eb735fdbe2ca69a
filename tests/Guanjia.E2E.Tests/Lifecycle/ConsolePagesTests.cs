using System.Text.RegularExpressions;
using Guanjia.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Guanjia.E2E.Tests.Lifecycle;

/// <summary>The lifecycle's other console pages: entering an appeal, what a read-only deputy sees, the plan, the configuration, the dashboard.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ConsolePagesTests(HostFixture host)
{
    private static bool Overflows(IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth").GetAwaiter().GetResult();

    [BrowserFact]
    public async Task Village_staff_enter_an_appeal_and_a_deputy_sees_it_masked_and_read_only()
    {
        var page = await host.NewPageAsync(1366, 900);
        await Pages.SignInAsync(page, "dongcheng.village");
        await page.Locator("[data-test=menu-appeals]").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/appeals$"));
        await page.Locator("[data-test=appeal-create]").ClickAsync();
        var dialog = Forms.Dialog(page, "登记诉求");
        // The server's rules, checked in the form first: the required fields are named under their inputs.
        await dialog.Locator("[data-test=step-submit]").ClickAsync();
        await Expect(dialog).ToContainTextAsync("请选择诉求来源渠道");
        await Expect(dialog).ToContainTextAsync("诉求标题不能为空");
        await Forms.ChooseAsync(page, dialog, "来源渠道", "入户走访");
        await Forms.FillAsync(dialog, "诉求标题", "长者饭堂希望增加周末送餐");
        await Forms.FillAsync(dialog, "诉求内容", "独居老人周末无人送餐，希望社区协调增加周末送餐服务。");
        // A village worker's place is fixed: 东城街道 · 岗贝社区 is chosen already.
        await Expect(dialog.Locator("[data-test=appeal-place-village]")).ToContainTextAsync("岗贝社区");
        await Forms.FillAsync(dialog, "诉求人", "黄伯");
        await Forms.FillAsync(dialog, "联系电话", "13922223333");
        await Screens.SaveAsync(page, "appeal-new", key: true);
        await dialog.Locator("[data-test=step-submit]").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/appeals/[0-9a-f-]{36}$"));
        await Expect(page.Locator("[data-test=appeal-state]")).ToHaveTextAsync("已交派，待接收");
        var appealUrl = page.Url;

        await page.GotoAsync("/appeals");
        await page.GetByLabel("编号或关键词").FillAsync("送餐");
        await page.GetByLabel("编号或关键词").PressAsync("Enter");
        await Expect(page.Locator("[data-test=appeals-table] .el-table__row")).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-test=appeals-table]")).ToContainTextAsync("入户走访");
        await Screens.SaveAsync(page, "appeals-list", key: true);

        // The same pages at phone width: nothing wider than the phone.
        var small = await host.NewPageAsync(390, 844, mobile: true);
        await Pages.SignInAsync(small, "dongcheng.village");
        await small.GotoAsync("/appeals");
        await Expect(small.Locator("[data-test=appeals-table]")).ToContainTextAsync("长者饭堂");
        Assert.False(Overflows(small), "the appeal list scrolls sideways at 390 px");
        await small.GotoAsync(appealUrl);
        await Expect(small.Locator("[data-test=action-Acknowledge]")).ToBeVisibleAsync();
        Assert.False(Overflows(small), "the appeal scrolls sideways at 390 px");
        await Screens.SaveAsync(small, "appeal-phone", key: true);

        // A deputy reads, masked, and may do nothing.
        var deputy = await host.NewPageAsync(1366, 900);
        await Pages.SignInAsync(deputy, "dongcheng.deputy");
        await deputy.GotoAsync(appealUrl);
        var contact = deputy.Locator("[data-test=appeal-contact]");
        await Expect(contact).ToContainTextAsync("139****3333");
        await Expect(contact).Not.ToContainTextAsync("13922223333");
        await Expect(deputy.Locator("[data-test=next-step]")).ToContainTextAsync("当前无需您办理的步骤");
        await Expect(deputy.Locator("[data-test=appeal-create]")).ToHaveCountAsync(0);
    }

    [BrowserFact]
    public async Task Town_lead_opens_the_collection_and_the_city_sets_the_allocation()
    {
        var year = DateTime.UtcNow.AddHours(8).Year + 1;
        var lead = await host.NewPageAsync(1366, 900);
        await Pages.SignInAsync(lead, "dongcheng.lead");
        await lead.Locator("[data-test=menu-annual-plan]").ClickAsync();
        await Expect(lead).ToHaveURLAsync(new Regex("/annual-plan$"));
        await Forms.ChooseAsync(lead, lead.Locator(".plan-page"), "计划年度", $"{year}");
        var campaign = lead.Locator("[data-test=campaign]");
        await Expect(campaign).ToContainTextAsync("本年度尚未开展集中征集");
        await campaign.GetByLabel("说明").FillAsync("浏览器测试开展的集中征集");
        await campaign.Locator("[data-test=campaign-open]").ClickAsync();
        await Expect(campaign).ToContainTextAsync("征集中，截止");
        // R-IN-02, R-MS-17: the town's yearly duties are deadlines on its year, shown here with their rules.
        var duties = lead.Locator("[data-test=year-duties]");
        await Expect(duties).ToContainTextAsync("完成年度集中征集");
        await Expect(duties).ToContainTextAsync("R-IN-02");
        await Expect(duties).ToContainTextAsync("报送年度项目实施计划");
        await Expect(lead.Locator("[data-test=pool]")).ToContainTextAsync("项目库暂无项目");
        await Screens.SaveAsync(lead, "annual-plan", key: true);

        var city = await host.NewPageAsync(1366, 900);
        await Pages.SignInAsync(city, "city.admin");
        await city.GotoAsync("/annual-plan");
        var alloc = city.Locator("[data-test=allocations]");
        await Forms.ChooseAsync(city, alloc, "镇街", "东城街道");
        await Forms.ChooseAsync(city, alloc, "计划年度", $"{year}");
        await alloc.GetByLabel("“民生微实事”额度（万元）").FillAsync("150");
        await alloc.GetByRole(AriaRole.Button, new() { Name = "保存额度" }).ClickAsync();
        await Expect(city.Locator(".el-message--success")).ToContainTextAsync($"已保存 东城街道 {year} 年度额度");
    }

    [BrowserFact]
    public async Task City_admin_edits_a_feedback_template_and_sees_the_rules_with_their_units()
    {
        var page = await host.NewPageAsync(1366, 900);
        await Pages.SignInAsync(page, "city.admin");
        await page.Locator("[data-test=menu-feedback-templates]").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/admin/feedback-templates$"));
        await Expect(page.Locator("[data-test=templates]")).ToContainTextAsync("认领结果");
        await page.Locator("[data-test=template-edit-ClaimResult]").ClickAsync();
        var dialog = Forms.Dialog(page, "编辑模板");
        var body = dialog.GetByLabel("模板内容");
        await body.FillAsync("您好！“{projectName}”项目已由{认领方}认领。");
        await dialog.Locator("[data-test=step-submit]").ClickAsync();
        // The server refuses an unknown placeholder; its message lands under the text.
        await Expect(dialog.Locator(".el-form-item__error")).ToContainTextAsync("未知的占位符：认领方");
        await body.FillAsync("您好！“{projectName}”项目（编号{trackingNumber}）已由");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "{claimant}" }).ClickAsync();
        await Expect(body).ToHaveValueAsync("您好！“{projectName}”项目（编号{trackingNumber}）已由{claimant}");
        await body.PressAsync("End");
        await body.PressSequentiallyAsync("认领，一个月内组织实施。");
        await Expect(dialog).ToContainTextAsync("东莞市暖莞社会工作服务中心认领");
        await Screens.SaveAsync(page, "feedback-template-edit", key: true);
        await dialog.Locator("[data-test=step-submit]").ClickAsync();
        await Expect(page.Locator("[data-test=templates]")).ToContainTextAsync("一个月内组织实施");

        await page.Locator("[data-test=menu-programme-rules]").ClickAsync();
        var current = page.Locator("[data-test=rules-current]");
        await Expect(current).ToContainTextAsync("直接实施金额上限（R-MS-07）");
        await Expect(current).ToContainTextAsync("5.00 万元");
        await Expect(current).ToContainTextAsync("24 小时");
        await Expect(current).ToContainTextAsync("5 个工作日");
        await Screens.SaveAsync(page, "programme-rules", key: true, fullPage: true);
        await page.Locator("[data-test=rules-edit]").ClickAsync();
        var rules = Forms.Dialog(page, "修改规则（保存为新版本）");
        await rules.Locator("[data-test=step-submit]").ClickAsync();
        await Expect(rules).ToContainTextAsync("修改原因不能为空");
        await rules.GetByRole(AriaRole.Button, new() { Name = "取消" }).ClickAsync();
        await Expect(page.Locator("[data-test=rules-history]")).ToContainTextAsync("v1");
    }

    [BrowserFact]
    public async Task The_dashboard_draws_its_charts()
    {
        // Some appeals of its own, so the charts have something to draw whatever ran before: residents on the
        // portal and the 12345 integration, as in life.
        await using (var api = await host.Playwright!.APIRequest.NewContextAsync(new() { BaseURL = host.BaseUrl }))
        {
            var places = System.Text.Json.JsonDocument.Parse(await (await api.GetAsync("/api/public/places")).TextAsync()).RootElement;
            var villages = places.EnumerateArray().SelectMany(t => t.GetProperty("villages").EnumerateArray()).Take(4).ToList();
            for (var i = 0; i < villages.Count; i++)
            {
                var res = await api.PostAsync("/api/public/appeals", new() { DataObject = new
                {
                    title = $"看板演示诉求{i + 1}", description = "路面破损", villageId = villages[i].GetProperty("id").GetString(), phone = $"1380000{i:D4}",
                } });
                Assert.Equal(201, res.Status);
            }
            Assert.Equal(4, villages.Count);
            // And one in 岗贝社区, for the drill-down into 东城街道 below.
            var gangbei = places.EnumerateArray().SelectMany(t => t.GetProperty("villages").EnumerateArray()).First(v => v.GetProperty("name").GetString() == "岗贝社区");
            Assert.Equal(201, (await api.PostAsync("/api/public/appeals", new() { DataObject = new
            {
                title = "看板下钻演示诉求", description = "路灯不亮", villageId = gangbei.GetProperty("id").GetString(), phone = "13800009999",
            } })).Status);
        }
        var page = await host.NewPageAsync(1366, 900);
        await Pages.SignInAsync(page, "city.admin");
        var probe = await page.Context.APIRequest.GetAsync("/api/statistics/appeals");
        Assert.Equal(200, probe.Status);
        await page.GotoAsync("/dashboard");
        var charts = page.Locator("[data-test=dashboard-charts]");
        foreach (var chart in new[] { "chart-channel", "chart-month", "chart-state", "chart-deadlines", "chart-money", "chart-satisfaction" })
            await Expect(charts.Locator($"[data-test={chart}]").Locator("canvas, svg").First).ToBeVisibleAsync();
        // ECharts animates its first draw for about a second; the screenshot shows the finished charts.
        await page.WaitForTimeoutAsync(1500);
        await Screens.SaveAsync(page, "dashboard", key: true, fullPage: true);

        // The city drills down from its towns to 东城街道: the same charts over that town's villages (from /api/statistics).
        var areas = page.Locator("[data-test=dashboard-areas]");
        await areas.Locator("[data-test='drill-东城街道']").ClickAsync();
        await Expect(areas).ToContainTextAsync("岗贝社区");
        await Expect(areas.Locator("[data-test^=drill-]")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-test=dashboard-up]")).ToBeVisibleAsync();
        await Expect(charts.Locator("[data-test=chart-channel] canvas").First).ToBeVisibleAsync();
        await Expect(charts.Locator("[data-test=chart-money] canvas").First).ToBeVisibleAsync();
        await page.WaitForTimeoutAsync(1500);
        await Screens.SaveAsync(page, "dashboard-town", key: true, fullPage: true);
        // And back up to the whole city.
        await page.Locator("[data-test=dashboard-up]").ClickAsync();
        await Expect(areas.Locator("[data-test='drill-东城街道']")).ToBeVisibleAsync();
    }
}
