using Guanjia.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Guanjia.E2E.Tests.Portal;

[Collection(BrowserCollection.Name)]
public sealed class PortalTests(HostFixture host)
{
    [BrowserFact]
    public async Task The_portal_works_at_phone_width_without_an_account()
    {
        var page = await host.NewPageAsync(390, 844, mobile: true);
        await page.GotoAsync("/portal");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "民生大莞家", Exact = true })).ToBeVisibleAsync();
        var tabs = page.Locator("[data-test=portal-tabs]");
        await Expect(tabs).ToBeVisibleAsync();
        foreach (var label in new[] { "提交诉求", "查询进度", "公示", "驿站" })
            await Expect(tabs.GetByText(label, new() { Exact = true })).ToBeVisibleAsync();
        // Nothing is wider than the phone.
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, "the portal scrolls sideways at 390 px");
        await Screens.SaveAsync(page, "portal-phone", key: true);

        // 驿站: the public station directory.
        await tabs.GetByText("驿站", new() { Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/portal/stations");
        await Expect(page.Locator("[data-test=portal-stations]")).ToContainTextAsync("莞家驿站");

        // A reload on a deep link is served by the host's fallback, not a 404.
        await tabs.GetByText("提交诉求", new() { Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/portal/submit");
        var reloaded = await page.ReloadAsync();
        Assert.Equal(200, reloaded!.Status);
        await Expect(page.Locator("[data-test=portal-submit]")).ToContainTextAsync("无需注册");
    }

    [BrowserFact]
    public async Task The_staff_console_menu_is_a_drawer_at_phone_width()
    {
        var page = await host.NewPageAsync(390, 844, mobile: true);
        await Pages.SignInAsync(page, "dongcheng.lead");
        await Expect(page.Locator(".staff-aside")).ToHaveCountAsync(0);
        await page.Locator("[data-test=menu-toggle]").ClickAsync();
        var drawer = page.Locator(".staff-drawer");
        await Expect(drawer.Locator("[data-test=menu-users]")).ToBeVisibleAsync();
        await Screens.SaveAsync(page, "console-phone-menu", key: true);
        await drawer.Locator("[data-test=menu-users]").ClickAsync();
        await page.WaitForURLAsync("**/admin/users");
        await Expect(page.Locator("[data-test=users-table]")).ToContainTextAsync("dongcheng.village");
    }
}
