using Guanjia.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Guanjia.E2E.Tests.Quality;

/// <summary>
/// Village staff work on a phone (issue 6, Quality: "works at phone width"): every console page they and the town
/// open fits 390 px without the page scrolling sideways (wide tables scroll inside themselves).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PhoneWidthTests(HostFixture host)
{
    private static async Task<string?> OverflowAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Expect(page.Locator(".el-loading-mask").Filter(new() { Visible = true })).ToHaveCountAsync(0);
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        if (widths[0] <= widths[1]) return null;
        // Name the widest element that sticks out, so the failure says where to look.
        var culprit = await page.EvaluateAsync<string>("""
            () => {
              let worst = null, right = window.innerWidth;
              for (const el of document.querySelectorAll('body *')) {
                const r = el.getBoundingClientRect();
                if (r.right > right + 1 && r.width > 0) { right = r.right; worst = el; }
              }
              if (!worst) return '?';
              const cls = typeof worst.className === 'string' ? worst.className.split(' ').slice(0, 3).join('.') : '';
              return `${worst.tagName.toLowerCase()}.${cls} right=${Math.round(right)}`;
            }
            """);
        return $"{path}: {widths[0]}px > {widths[1]}px ({culprit})";
    }

    private static async Task<string?> FirstDetailAsync(IPage page, string list, string linkPrefix)
    {
        await page.GotoAsync(list);
        var link = page.Locator($"a[href^='{linkPrefix}']").First;
        await Expect(link).ToBeVisibleAsync();
        return await link.GetAttributeAsync("href");
    }

    [BrowserFact]
    public async Task Every_console_page_a_village_and_a_town_open_fits_a_phone()
    {
        var problems = new List<string>();
        foreach (var (user, paths) in new[]
                 {
                     ("dongcheng.village", new[] { "/", "/appeals", "/projects", "/wishes", "/policies", "/policy-referrals", "/stations", "/dashboard" }),
                     ("dongcheng.lead", new[] { "/", "/projects", "/annual-plan", "/claim-items", "/funds", "/social-work-points" }),
                     ("dongcheng.worker", new[] { "/casework", "/casework/visits", "/casework/figures", "/casework/import", "/casework/problems", "/casework/screenings", "/casework/evaluations" }),
                 })
        {
            var page = await host.NewPageAsync(390, 844, mobile: true);
            await Pages.SignInAsync(page, user);
            var all = paths.ToList();
            foreach (var (list, prefix) in new[] { ("/appeals", "/appeals/"), ("/projects", "/projects/"), ("/wishes", "/wishes/") })
                if (user == "dongcheng.village" && await FirstDetailAsync(page, list, prefix) is { } href)
                    all.Add(href);
            foreach (var path in all)
                if (await OverflowAsync(page, path) is { } problem)
                    problems.Add($"{user} {problem}");
            await page.Context.CloseAsync();
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
