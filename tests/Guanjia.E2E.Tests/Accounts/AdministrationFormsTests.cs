using Guanjia.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Guanjia.E2E.Tests.Accounts;

/// <summary>Forms end to end: the server's ProblemDetails land under the right inputs, and saves show.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AdministrationFormsTests(HostFixture host)
{
    [BrowserFact]
    public async Task City_admin_issues_a_token_shown_once()
    {
        var page = await host.NewPageAsync();
        await Pages.SignInAsync(page, "city.admin");
        await page.GotoAsync("/admin/tokens");
        await Expect(page.Locator("[data-test=tokens-table]")).ToContainTextAsync("12345热线");

        await page.Locator("[data-test=token-create]").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "新增令牌" });
        // Nothing filled in: the server's field errors appear under the inputs.
        await dialog.Locator("[data-test=token-save]").ClickAsync();
        await Expect(dialog.Locator(".el-form-item__error").First).ToBeVisibleAsync();
        await Expect(dialog).ToContainTextAsync("名称不能为空");
        await Expect(dialog).ToContainTextAsync("所属组织不存在");

        await dialog.GetByLabel("名称").FillAsync("E2E 测试接口");
        await dialog.GetByLabel("所属组织").ClickAsync();
        await page.Keyboard.TypeAsync("民政局");
        await page.Locator(".el-select-dropdown__item").Filter(new() { HasText = "东莞市民政局" }).First.ClickAsync();
        await dialog.Locator("[data-test=token-save]").ClickAsync();

        var secret = page.Locator("input[data-test=token-secret]");
        await Expect(secret).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^gj_"));
        await Screens.SaveAsync(page, "token-issued");
        await page.GetByRole(AriaRole.Dialog, new() { Name = "令牌已创建" }).GetByRole(AriaRole.Button, new() { Name = "关闭" }).Last.ClickAsync();
        await Expect(page.Locator("[data-test=tokens-table]")).ToContainTextAsync("E2E 测试接口");
        await Expect(page.Locator("[data-test=token-secret]")).ToHaveCountAsync(0);
    }

    [BrowserFact]
    public async Task City_admin_corrects_a_calendar_day_with_a_reason()
    {
        var page = await host.NewPageAsync();
        await Pages.SignInAsync(page, "city.admin");
        await page.GotoAsync("/admin/calendar/2026");
        var day = page.Locator("button[data-date='2026-11-27']");
        await Expect(day).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("workday"));

        await day.ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByText("节假日（放假）").ClickAsync();
        await dialog.GetByLabel("名称").FillAsync("测试调整");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Expect(dialog).ToContainTextAsync("修改原因不能为空");

        await dialog.GetByLabel("修改原因").FillAsync("浏览器测试");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Expect(day).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("holiday"));
        await Expect(page.Locator("[data-month='11'] .runs")).ToContainTextAsync("测试调整");

        // And back to an ordinary day.
        await day.ClickAsync();
        await dialog.GetByText("普通日（按周一至周五）").ClickAsync();
        await dialog.GetByLabel("修改原因").FillAsync("撤销浏览器测试");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Expect(day).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("workday"));
    }
}
