using Guanjia.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Guanjia.E2E.Tests.Accounts;

[Collection(BrowserCollection.Name)]
public sealed class ScopeAndSignInTests(HostFixture host)
{
    [BrowserFact]
    public async Task Village_user_sees_only_their_village()
    {
        var page = await host.NewPageAsync();
        await Pages.SignInAsync(page, "dongcheng.village");

        // Only what the role may open is in the menu.
        var menu = page.Locator(".staff-aside");
        await Expect(menu.Locator("[data-test=menu-organizations]")).ToBeVisibleAsync();
        await Expect(menu.Locator("[data-test=menu-users]")).ToBeVisibleAsync();
        await Expect(menu.Locator("[data-test=menu-tokens]")).ToHaveCountAsync(0);
        await Expect(menu.Locator("[data-test=menu-audit]")).ToHaveCountAsync(0);

        await page.Locator("[data-test=menu-organizations]").ClickAsync();
        var tree = page.Locator("[data-test=org-tree]");
        await Expect(tree.Locator(".el-tree-node")).ToHaveCountAsync(1);
        await Expect(tree).ToContainTextAsync("岗贝社区");
        await Expect(tree).Not.ToContainTextAsync("长安镇");
        await Expect(page.Locator("[data-test=org-ancestors]")).ToContainTextAsync("东城街道");
        await Expect(page.Locator("[data-test=org-edit]")).ToHaveCountAsync(0);
        await Screens.SaveAsync(page, "organizations-village", key: true);

        // Users: the village's own staff only, and no way to create one.
        await page.Locator("[data-test=menu-users]").ClickAsync();
        var rows = page.Locator("[data-test=users-table] .el-table__body-wrapper .el-table__row");
        await Expect(rows.First).ToBeVisibleAsync();
        foreach (var org in await rows.Locator("td:nth-child(4)").AllInnerTextsAsync())
            Assert.Equal("岗贝社区", org.Trim());
        await Expect(page.Locator("[data-test=user-create]")).ToHaveCountAsync(0);

        // A page outside the role is refused by the router too.
        await page.GotoAsync("/admin/audit");
        await page.WaitForURLAsync(url => url.EndsWith('/'));
    }

    [BrowserFact]
    public async Task A_wrong_password_is_shown_in_chinese_and_the_language_switches_to_english()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/admin/users");
        // The console sends the visitor to sign-in in the browser (history API): wait for the URL, not a page load.
        await page.WaitForURLAsync(url => url.Contains("/sign-in?redirect=", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });
        await page.GetByLabel("用户名").FillAsync("changan.lead");
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync("not-the-password");
        await page.GetByLabel("密码", new() { Exact = true }).PressAsync("Enter");
        await Expect(page.Locator("[data-test=sign-in-error]")).ToContainTextAsync("用户名或密码错误");
        await Screens.SaveAsync(page, "sign-in-error", key: true);

        await page.Locator("[data-test=lang-switch]").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Staff sign-in" })).ToBeVisibleAsync();
        await Expect(page.Locator("[data-test=sign-in-error]")).ToContainTextAsync("Wrong user name or password");

        // Signing in from there returns to the page asked for.
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Pages.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/admin/users");
        await Expect(page.Locator("[data-test=users-table]")).ToContainTextAsync("changan.village");
        await Expect(page.Locator("[data-test=users-table]")).Not.ToContainTextAsync("dongcheng.village");
    }
}
