using Guanjia.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Guanjia.E2E.Tests.Quality;

/// <summary>
/// Issue 6, Quality: "keyboard-usable forms with labels". Every field a resident or staff member fills has an
/// accessible name (a label tied to it, aria-label or aria-labelledby), and the portal's appeal form can be
/// filled and sent with the keyboard alone.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FormLabelTests(HostFixture host)
{
    /// <summary>The visible fields in <paramref name="scope"/> that a screen reader could not name.</summary>
    private static Task<string[]> UnlabelledAsync(IPage page, string scope) => page.EvaluateAsync<string[]>("""
        scope => {
          const root = document.querySelector(scope) ?? document.body;
          const fields = root.querySelectorAll('input:not([type=hidden]):not([type=file]):not([type=radio]):not([type=checkbox]), textarea');
          const out = [];
          for (const el of fields) {
            const r = el.getBoundingClientRect();
            if (r.width === 0 && r.height === 0) continue;
            const byAria = (el.getAttribute('aria-label') ?? '').trim();
            const ids = (el.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean);
            const byIds = ids.map((id) => document.getElementById(id)?.textContent ?? '').join('').trim();
            const byFor = el.id ? (document.querySelector(`label[for="${CSS.escape(el.id)}"]`)?.textContent ?? '').trim() : '';
            const byWrap = (el.closest('label')?.textContent ?? '').trim();
            const byTitle = (el.getAttribute('title') ?? '').trim();
            if (!byAria && !byIds && !byFor && !byWrap && !byTitle)
              out.push(`${el.tagName.toLowerCase()}#${el.id || '-'} placeholder="${el.getAttribute('placeholder') ?? ''}" in ${el.closest('[class*=el-]:not(.el-input):not(.el-input__wrapper):not(.el-input__inner)')?.className ?? '?'}`);
          }
          return out;
        }
        """, scope);

    [BrowserFact]
    public async Task The_portals_and_the_consoles_main_forms_name_every_field()
    {
        var problems = new List<string>();
        var phone = await host.NewPageAsync(390, 844, mobile: true);
        foreach (var path in new[] { "/portal/submit", "/portal/track", "/portal/stations", "/portal/claims" })
        {
            await phone.GotoAsync(path);
            await phone.WaitForLoadStateAsync(LoadState.NetworkIdle);
            problems.AddRange((await UnlabelledAsync(phone, "main")).Select(x => $"{path}: {x}"));
        }

        var desk = await host.NewPageAsync(1366, 900);
        await Pages.SignInAsync(desk, "dongcheng.village");
        foreach (var path in new[] { "/appeals", "/projects", "/wishes", "/stations", "/policies" })
        {
            await desk.GotoAsync(path);
            await desk.WaitForLoadStateAsync(LoadState.NetworkIdle);
            problems.AddRange((await UnlabelledAsync(desk, "main")).Select(x => $"{path}: {x}"));
        }
        // The new-appeal form, as staff enter an appeal from any channel.
        await desk.GotoAsync("/appeals");
        await desk.Locator("[data-test=appeal-create]").ClickAsync();
        var dialog = desk.Locator(".el-dialog").Filter(new() { Visible = true });
        await Expect(dialog).ToBeVisibleAsync();
        problems.AddRange((await UnlabelledAsync(desk, ".el-dialog")).Select(x => $"new appeal: {x}"));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [BrowserFact]
    public async Task A_resident_fills_and_sends_the_appeal_form_with_the_keyboard_alone()
    {
        var page = await host.NewPageAsync(390, 844, mobile: true);
        await page.GotoAsync("/portal/submit");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.Locator("#p-title").FocusAsync();
        await page.Keyboard.TypeAsync("楼下垃圾桶破损");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("小区东门垃圾桶破损，异味严重。");
        // The category is optional and skipped; the town and the village are chosen by typing, the arrow and Enter.
        foreach (var (id, text) in new[] { ("#p-place-town", "东城"), ("#p-place-village", "岗贝") })
        {
            var input = page.Locator(id);
            await Expect(input).ToBeEnabledAsync();
            await input.FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            await page.Keyboard.TypeAsync(text);
            // The list has filtered down to the typed place before the arrow picks it.
            var list = page.Locator($"[id='{await input.GetAttributeAsync("aria-controls")}']");
            await Expect(list.Locator(".el-select-dropdown__item:visible")).ToHaveCountAsync(1);
            await page.Keyboard.PressAsync("ArrowDown");
            await page.Keyboard.PressAsync("Enter");
            await Expect(input).ToHaveAttributeAsync("aria-expanded", "false");
        }
        await Expect(page.Locator("[data-test=portal-submit]")).ToContainTextAsync("岗贝社区");
        await page.Locator("#p-phone").FocusAsync();
        await page.Keyboard.TypeAsync("13800138456");
        await page.Keyboard.PressAsync("Enter"); // Enter in a field sends the form
        await Expect(page.Locator("[data-test=tracking-number]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^GJ"));
    }
}
