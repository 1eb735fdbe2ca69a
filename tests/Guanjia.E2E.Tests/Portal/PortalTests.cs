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

    [BrowserFact]
    public async Task The_public_board_shows_a_finished_projects_result_with_its_outcome_photo()
    {
        // The demo's small project closed two weeks ago (R-MS-15): its result notice carries the completion form's photo.
        var page = await host.NewPageAsync(390, 844, mobile: true);
        await page.GotoAsync("/portal/publicity");
        await page.GetByText("办理结果", new() { Exact = true }).ClickAsync();
        var notice = page.Locator("[data-test=notice]").Filter(new() { HasText = "小游园增设晾衣架和路灯" });
        await Expect(notice).ToContainTextAsync("满意率");
        var photo = notice.Locator("[data-test=notice-photos] img");
        await Expect(photo).ToHaveCountAsync(1);
        await photo.ScrollIntoViewIfNeededAsync();
        await Expect(photo).ToHaveJSPropertyAsync("complete", true);
        Assert.True(await photo.EvaluateAsync<int>("img => img.naturalWidth") > 0, "the outcome photo does not load");
        await Screens.SaveAsync(page, "portal-results", key: true);
        // Tapping it opens the larger view.
        await photo.ClickAsync();
        await Expect(page.Locator(".el-image-viewer__wrapper")).ToBeVisibleAsync();
    }
}
