using Microsoft.Playwright;

namespace Guanjia.E2E.Tests.Infrastructure;

/// <summary>
/// Screenshots go to the test output folder (bin/…/screens). With GUANJIA_UPDATE_SCREENS=1 the key ones
/// are also copied into docs/screens/, which is how the pictures in the repository are refreshed.
/// </summary>
public static class Screens
{
    public static async Task SaveAsync(IPage page, string name, bool key = false, bool fullPage = false)
    {
        var file = Path.Combine(HostFixture.ScreensDir, name + ".png");
        // Loading masks and toasts gone, transitions finished: the picture shows the settled page.
        await Assertions.Expect(page.Locator(".el-loading-mask").Filter(new() { Visible = true })).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".el-message")).ToHaveCountAsync(0, new() { Timeout = 10_000 });
        // A full page is taken from the top, so sticky headers sit where they belong.
        if (fullPage) await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = fullPage, Animations = ScreenshotAnimations.Disabled });
        if (key && Environment.GetEnvironmentVariable("GUANJIA_UPDATE_SCREENS") == "1")
        {
            var docs = Path.Combine(HostFixture.RepoRoot, "docs", "screens");
            Directory.CreateDirectory(docs);
            File.Copy(file, Path.Combine(docs, name + ".png"), overwrite: true);
        }
    }
}
