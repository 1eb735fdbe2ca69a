using Guanjia.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Guanjia.E2E.Tests.Claims;

/// <summary>
/// 莞家直达 on the staff console (issue 6): the town's direct-route wish waits on 直达认领; the city publishes it with the
/// publish form (R-RT-02), it shows on the portal's 认领大厅, an enterprise claims it (through the API, as the portal
/// does), and the town connects claimant and beneficiary with the connect form (R-RT-03); the item's state says so.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ClaimConsoleJourneyTests(HostFixture host)
{
    private const string WishName = "为石井社区高龄长者购置护理床";

    // R-RT-02, R-RT-03
    [BrowserFact]
    public async Task The_city_publishes_an_item_and_the_town_connects_its_claimant()
    {
        var item = await DirectWish.AwaitingPublicationAsync(host, WishName, "何婆婆", "13800139002", 500_000, "爱心认领购置护理床");

        // The city finds the item waiting on 直达认领 and publishes it.
        var city = await host.NewPageAsync(1366, 900);
        await Pages.SignInAsync(city, "city.admin");
        await city.GotoAsync("/claim-items");
        await city.Locator("[data-test=claim-items-table]").GetByText(item.Number).First.ClickAsync();
        await Expect(city.Locator("[data-test=claim-state]")).ToHaveTextAsync("待公布");
        await Expect(city.Locator("[data-test=action-Connect]")).ToHaveCountAsync(0);
        await city.Locator("[data-test=action-Publish]").ClickAsync();
        var dialog = Forms.Dialog(city, "公布认领");
        var form = dialog.Locator("[data-test=publish-form]");

        // A window shorter than the rules allow is the API's message under 截止日期; nothing is published.
        await SetDateAsync(form, "截止日期", DirectWish.Today(1));
        await dialog.Locator("[data-test=publish-submit]").ClickAsync();
        await Expect(form.Locator(".el-form-item__error").Filter(new() { HasText = "认领期不少于5日" })).ToBeVisibleAsync();
        await SetDateAsync(form, "截止日期", DirectWish.Today(20));
        await Forms.CheckAsync(form, "允许分份认领");
        await Forms.FillAsync(form, "最低认领额（元）", "1000");
        await Screens.SaveAsync(city, "claim-publish-form", key: true);
        await dialog.Locator("[data-test=publish-submit]").ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        await Expect(city.Locator("[data-test=claim-state]")).ToHaveTextAsync("认领中");
        var detail = city.Locator("[data-test=claim-item-detail]");
        await Expect(detail).ToContainTextAsync("1,000.00 元");
        var to = DateOnly.Parse(DirectWish.Today(20));
        await Expect(detail).ToContainTextAsync($"{to.Year}年{to.Month}月{to.Day}日 23:59");
        // Publishing is the city's; connecting is not yet possible.
        await Expect(city.Locator("[data-test=action-Publish]")).ToHaveCountAsync(0);

        // The portal's board shows it, open for claims.
        var phone = await host.NewPageAsync(390, 844, mobile: true);
        await phone.GotoAsync("/portal/claims");
        var card = phone.Locator($"[data-test=portal-claim-board] a[href='/portal/claims/{item.Id}']");
        await Expect(card).ToContainTextAsync("认领中");
        await Expect(card).ToContainTextAsync(WishName);

        // An enterprise claims the whole amount, with its phone verified, the way the portal's form sends it.
        await using (var anon = await Api.AnonymousAsync(host))
        {
            var sent = await anon.PostAsync("/api/public/contact-verifications", new { phone = "13912340077", purpose = "Claim" });
            await anon.PostAsync($"/api/public/claim-board/{item.Id}/claims", new
            {
                claimantKind = "Enterprise", name = "东莞市爱心护理用品有限公司", creditCode = "91441900MA4W123456", contactName = "叶经理",
                phone = "13912340077", code = sent.GetProperty("developmentCode").GetString(), amountFen = 500_000, note = "可送货上门",
            });
        }

        // The town connects the claimant with the beneficiary.
        var town = await host.NewPageAsync(1366, 900);
        await Pages.SignInAsync(town, "dongcheng.lead");
        await town.GotoAsync("/claim-items");
        // The item's number is a link: focused and opened with the keyboard.
        await town.Locator("[data-test=claim-items-table] [data-test=claim-item-link]").Filter(new() { HasText = item.Number }).FocusAsync();
        await town.Keyboard.PressAsync("Enter");
        await Expect(town.Locator("[data-test=claim-state]")).ToHaveTextAsync("已认领");
        await Expect(town.Locator("[data-test=claim-claims]")).ToContainTextAsync("东莞市爱心护理用品有限公司");
        await Expect(town.Locator("[data-test=claim-claims]")).ToContainTextAsync("叶经理 13912340077");
        await town.Locator("[data-test=action-Connect]").ClickAsync();
        var connect = Forms.Dialog(town, "对接");
        // Nothing written: the API names the field, the dialog stays.
        await connect.Locator("[data-test=connect-submit]").ClickAsync();
        await Expect(connect.Locator(".el-form-item__error")).ToContainTextAsync("对接情况");
        await Forms.FillAsync(connect, "对接情况", "已联系叶经理与何婆婆家属，约定本周六送货并上门安装护理床");
        await Screens.SaveAsync(town, "claim-connect-form", key: true);
        await connect.Locator("[data-test=connect-submit]").ClickAsync();
        await Expect(connect).ToBeHiddenAsync();
        // A wish starts as soon as it is connected.
        await Expect(town.Locator("[data-test=claim-state]")).ToHaveTextAsync("已启动");
        await Expect(town.Locator("[data-test=claim-item-detail]")).ToContainTextAsync("约定本周六送货并上门安装护理床");
        await Expect(town.Locator("[data-test=action-Connect]")).ToHaveCountAsync(0);
        await Screens.SaveAsync(town, "claim-item-connected", key: true, fullPage: true);
        // Back to the wish it came from.
        await town.GetByRole(AriaRole.Link, new() { Name = "查看来源" }).ClickAsync();
        await Expect(town).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/wishes/[0-9a-f-]{36}$"));

        // The portal says it too.
        await phone.GotoAsync($"/portal/claims/{item.Id}");
        await Expect(phone.Locator("[data-test=claim-item-state]")).ToHaveTextAsync("已启动");
    }

    /// <summary>Types a date into the picker labelled <paramref name="label"/>, as a keyboard user does.</summary>
    private static async Task SetDateAsync(Microsoft.Playwright.ILocator form, string label, string date)
    {
        var input = form.GetByLabel(label, new() { Exact = true });
        await input.FillAsync(date);
        await input.PressAsync("Enter");
        await Expect(input).ToHaveValueAsync(date);
    }
}
