using System.Text.RegularExpressions;
using Guanjia.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Guanjia.E2E.Tests.Claims;

/// <summary>
/// 莞家直达 in the browser (issue 6): a resident's wish, decided on the direct route by 东城街道 and published by the city
/// through the API, is claimed on the portal's 认领大厅 by a donor at phone width, who verifies the phone with a code
/// (the Development host shows it as a hint); the console's 直达认领 page then shows the claim with its contact.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ClaimBoardJourneyTests(HostFixture host)
{
    private const string WishName = "为岗贝社区独居老人配置助行轮椅";

    private async Task<(string Id, string Number)> PublishedWishItemAsync()
    {
        var item = await DirectWish.AwaitingPublicationAsync(host, WishName, "陈伯", "13800139001", 300_000, "爱心认领购置轮椅");
        await using var city = await Api.SignInAsync(host, "city.admin");
        await city.PostAsync($"/api/claim-items/{item.Id}/publish", new
        {
            from = DirectWish.Today(), to = DirectWish.Today(29), platforms = new[] { "WeChatAccount", "CharityFederationWebsite" },
        });
        return (item.Id, item.Number);
    }

    [BrowserFact]
    public async Task A_donor_claims_a_published_item_on_the_portal()
    {
        var (itemId, number) = await PublishedWishItemAsync();

        var phone = await host.NewPageAsync(390, 844, mobile: true);
        await phone.GotoAsync("/portal/claims");
        var board = phone.Locator("[data-test=portal-claim-board]");
        await Expect(board).ToContainTextAsync("认领大厅");
        var card = board.Locator($"a[href='/portal/claims/{itemId}']");
        await Expect(card).ToContainTextAsync("认领中");
        Assert.False(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth"), "the board scrolls sideways at 390 px");
        await Screens.SaveAsync(phone, "portal-claim-board", key: true);
        await card.ClickAsync();

        var page = phone.Locator("[data-test=portal-claim-item]");
        await Expect(page.Locator("[data-test=claim-item-state]")).ToHaveTextAsync("认领中");
        var form = page.Locator("[data-test=claim-form]");
        // Nothing filled: each field says what it needs, nothing is sent.
        await form.Locator("[data-test=claim-submit]").ClickAsync();
        await Expect(form).ToContainTextAsync("请选择认领方类型");
        await Expect(form).ToContainTextAsync("请填写11位手机号码");

        await form.GetByText("爱心人士", new() { Exact = true }).ClickAsync();
        await Forms.FillAsync(form, "单位名称 / 姓名", "林志强");
        await Forms.FillAsync(form, "联系人", "林志强");
        await Forms.FillAsync(form, "手机号码", "13912340066");
        await form.Locator("[data-test=send-code]").ClickAsync();
        await Expect(form.Locator("[data-test=send-code]")).ToContainTextAsync(new Regex("\\d+ 秒后重发"));
        await Expect(form.Locator("[data-test=send-code]")).ToBeDisabledAsync();
        var hint = form.Locator("[data-test=dev-code]");
        await Expect(hint).ToContainTextAsync(new Regex("\\d{6}"));
        var code = Regex.Match(await hint.InnerTextAsync(), "\\d{6}").Value;

        // A wrong code is the API's field error, shown under the code.
        await form.Locator("#c-code").FillAsync(code == "000000" ? "111111" : "000000");
        await form.Locator("[data-test=claim-submit]").ClickAsync();
        var codeError = form.Locator(".el-form-item__error").Filter(new() { HasText = "验证码不正确" });
        await Expect(codeError).ToBeVisibleAsync();
        await form.Locator("#c-code").FillAsync(code);
        // The message goes as soon as the code is changed.
        await Expect(codeError).ToHaveCountAsync(0);
        await Screens.SaveAsync(phone, "portal-claim-form", key: true, fullPage: true);
        await form.Locator("[data-test=claim-submit]").ClickAsync();

        var receipt = page.Locator("[data-test=claim-receipt]");
        await Expect(receipt).ToContainTextAsync("认领成功");
        await Expect(page.Locator("[data-test=claim-item-state]")).ToHaveTextAsync("已认领");
        // The public list names the donor masked, never the phone.
        await Expect(page.Locator("[data-test=claim-list]")).Not.ToContainTextAsync("13912340066");
        await Screens.SaveAsync(phone, "portal-claim-receipt", key: true);

        // The town sees the claim with its contact on the console.
        var staff = await host.NewPageAsync(1366, 900);
        await Pages.SignInAsync(staff, "dongcheng.lead");
        await staff.GotoAsync("/claim-items");
        await staff.Locator("[data-test=claim-items-table]").GetByText(number).First.ClickAsync();
        await Expect(staff.Locator("[data-test=claim-state]")).ToHaveTextAsync("已认领");
        await Expect(staff.Locator("[data-test=claim-claims]")).ToContainTextAsync("13912340066");
        await Expect(staff.Locator("[data-test=action-Connect]")).ToBeVisibleAsync();
        await Screens.SaveAsync(staff, "claim-item-detail", key: true, fullPage: true);
    }
}
