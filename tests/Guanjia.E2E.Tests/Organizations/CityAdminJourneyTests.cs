using Guanjia.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Guanjia.E2E.Tests.Organizations;

[Collection(BrowserCollection.Name)]
public sealed class CityAdminJourneyTests(HostFixture host)
{
    [BrowserFact]
    public async Task City_admin_sees_the_whole_tree_and_the_national_day_holidays()
    {
        var page = await host.NewPageAsync();
        await Pages.SignInAsync(page, "city.admin");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "我的工作" })).ToBeVisibleAsync();
        await Expect(page.Locator("[data-test=today]")).ToContainTextAsync("年");
        await Screens.SaveAsync(page, "console-home", key: true);

        // The organisation tree: 东莞市 with its 34 towns, streets and parks.
        await page.Locator("[data-test=menu-organizations]").ClickAsync();
        await page.WaitForURLAsync("**/admin/organizations");
        await Expect(page.Locator("[data-test=org-summary]")).ToContainTextAsync("34 个镇街");
        var tree = page.Locator("[data-test=org-tree]");
        await Expect(tree.Locator(".el-tree-node").First).ToContainTextAsync("东莞市");
        await Expect(tree.Locator(".el-tree-node > .el-tree-node__children > .el-tree-node").Filter(new() { Visible = true })).ToHaveCountAsync(34);
        await Expect(tree).ToContainTextAsync("东城街道");
        await Expect(tree).ToContainTextAsync("长安镇");
        // The city may edit it: the detail shows the edit button.
        await tree.GetByText("东城街道", new() { Exact = true }).ClickAsync();
        await Expect(page.Locator("[data-test=org-detail]")).ToContainTextAsync("441900");
        await Expect(page.Locator("[data-test=org-edit]")).ToBeVisibleAsync();
        await Screens.SaveAsync(page, "organizations-city", key: true);

        // The calendar, year 2026: 国庆节 in October, holidays in red, make-up days marked 班.
        await page.Locator("[data-test=menu-calendar]").ClickAsync();
        await page.GotoAsync("/admin/calendar/2026");
        var october = page.Locator("[data-month='10']");
        await Expect(october.Locator(".runs")).ToContainTextAsync("国庆");
        await Expect(october.Locator("[data-date='2026-10-01']")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("holiday"));
        await Expect(page.Locator("[data-test=calendar-notice]")).ToContainTextAsync("国办发明电");
        var makeUp = page.Locator(".day.makeup");
        await Expect(makeUp.First).ToContainTextAsync("班");
        await Screens.SaveAsync(page, "calendar-2026", key: true, fullPage: true);
    }

    [BrowserFact]
    public async Task City_admin_verifies_the_audit_chain_and_sees_the_users()
    {
        var page = await host.NewPageAsync();
        await Pages.SignInAsync(page, "city.admin");
        await page.GotoAsync("/admin/audit");
        await Expect(page.Locator("[data-test=audit-table] .el-table__row").First).ToBeVisibleAsync();
        await page.Locator("[data-test=audit-verify]").ClickAsync();
        await Expect(page.Locator("[data-test=audit-report]")).ToContainTextAsync("审计链完整");
        await Screens.SaveAsync(page, "audit-verified");

        await page.GotoAsync("/admin/users");
        await Expect(page.Locator("[data-test=users-table]")).ToContainTextAsync("dongcheng.village");
        await Expect(page.Locator("[data-test=user-create]")).ToBeVisibleAsync();
        await Screens.SaveAsync(page, "users-city", key: true);
    }
}
