using Microsoft.Playwright;

namespace Guanjia.E2E.Tests.Infrastructure;

public static class Pages
{
    public const string DemoPassword = "Demo@2026";

    /// <summary>Signs in through the form, the way a person does, and waits for the console.</summary>
    public static async Task SignInAsync(IPage page, string userName, string password = DemoPassword)
    {
        await page.GotoAsync("/sign-in");
        await page.GetByLabel("用户名").FillAsync(userName);
        await page.GetByLabel("密码", new PageGetByLabelOptions { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/sign-in", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("[data-test=user-menu]")).ToContainTextAsync(userName);
    }
}
