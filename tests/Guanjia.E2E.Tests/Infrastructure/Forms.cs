using Microsoft.Playwright;

namespace Guanjia.E2E.Tests.Infrastructure;

/// <summary>Filling Element Plus forms the way a person does: by the visible labels.</summary>
public static class Forms
{
    /// <summary>
    /// Opens the select labelled <paramref name="label"/> inside <paramref name="scope"/> and picks the option with
    /// that text from its own list (the input's aria-controls), then checks it was taken; once more if a
    /// re-render swallowed the click.
    /// </summary>
    public static async Task ChooseAsync(IPage page, ILocator scope, string label, string option)
    {
        // A loading mask would take the (forced) click.
        await Assertions.Expect(page.Locator(".el-loading-mask").Filter(new() { Visible = true })).ToHaveCountAsync(0);
        var input = scope.GetByLabel(label, new() { Exact = true });
        // A select that waits on another (the village on its town) is enabled only once that choice has rendered.
        await Assertions.Expect(input).ToBeEnabledAsync();
        var select = input.Locator("xpath=ancestor::div[contains(concat(' ', normalize-space(@class), ' '), ' el-select ')][1]");
        for (var attempt = 1; ; attempt++)
        {
            // Read each time: a select re-created by a re-render (the village list after the town) has a new list id.
            var list = page.Locator($"[id='{await input.GetAttributeAsync("aria-controls")}']");
            if (await input.GetAttributeAsync("aria-expanded") != "true")
                // The placeholder of a non-filterable select lies over its input: a click there opens it all the same.
                await input.ClickAsync(new() { Force = true });
            try
            {
                await list.Locator(".el-select-dropdown__item").Filter(new() { HasText = option }).First.ClickAsync(new() { Timeout = 5_000 });
            }
            catch (TimeoutException) when (attempt < 3)
            {
                // The list did not open (a re-render closed it): open it again.
                await page.ScreenshotAsync(new() { Path = Path.Combine(HostFixture.ScreensDir, $"choose-retry-{attempt}.png") });
                continue;
            }
            try
            {
                await Assertions.Expect(select).ToContainTextAsync(option, new() { Timeout = attempt < 3 ? 2_000 : 5_000 });
                break;
            }
            catch (PlaywrightException) when (attempt < 3)
            {
            }
        }
        // Closed before the next input is touched.
        await Assertions.Expect(input).ToHaveAttributeAsync("aria-expanded", "false");
    }

    public static Task FillAsync(ILocator scope, string label, string value) =>
        scope.GetByLabel(label, new() { Exact = true }).FillAsync(value);

    /// <summary>A radio or checkbox by its text.</summary>
    public static Task CheckAsync(ILocator scope, string text) =>
        scope.Locator("label.el-radio, label.el-checkbox").Filter(new() { HasText = text }).First.ClickAsync();

    /// <summary>The open dialog with this title.</summary>
    public static ILocator Dialog(IPage page, string title) => page.GetByRole(AriaRole.Dialog, new() { Name = title });

    /// <summary>A tiny valid PDF (the host checks the first bytes against the extension).</summary>
    public static FilePayload Pdf(string name) => new()
    {
        Name = name,
        MimeType = "application/pdf",
        Buffer = System.Text.Encoding.ASCII.GetBytes(
            "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"),
    };

    /// <summary>The first bytes of a JPEG (enough for the host's check of the type against the extension).</summary>
    public static FilePayload Jpeg(string name) => new()
    {
        Name = name,
        MimeType = "image/jpeg",
        Buffer = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0],
    };
}
