using System.Text.Json;
using Guanjia.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Guanjia.E2E.Tests.Quality;

/// <summary>
/// No untranslated text reaches a page (issue 12, point 20): every console page as the city, a town lead and a village
/// user, and every portal page, in Chinese and in English, must show no i18n key ("enums.projectState.AwaitingClaim"),
/// log no missing key (web/src/i18n/index.ts reports them on the console), and on a Chinese page show no bare enum value
/// (PascalCase English) in a table cell, a tag or a description (what is English by design is marked data-raw: the audit
/// trail's recorded codes, an organisation's English name), nor a machine word or a template placeholder in running text (issue 17
/// point 6: "public-portal", "system", "recording", {trackingNumber}). One browser, one page per role; the pages are reached by the
/// router as a person clicking would, without reloading the app.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class UntranslatedTextTests(HostFixture host, ITestOutputHelper output)
{
    private static readonly string[] ConsolePages =
    [
        "/", "/appeals", "/projects", "/annual-plan", "/dashboard", "/wishes", "/policies", "/policy-referrals", "/stations",
        "/social-work-points", "/claim-items", "/funds", "/admin/organizations", "/admin/users", "/admin/tokens", "/admin/calendar",
        "/admin/audit", "/admin/feedback-templates", "/admin/programme-rules", "/casework", "/casework/visits", "/casework/figures",
        "/casework/import", "/casework/problems", "/casework/screenings", "/casework/evaluations", "/civil-affairs-stations",
        "/funds/factors", "/funds?tab=ledger",
    ];

    private static readonly string[] PortalPages = ["/portal", "/portal/submit", "/portal/track", "/portal/publicity", "/portal/stations", "/portal/claims", "/portal/civil-affairs-stations"];

    /// <summary>Counts the requests in flight, so a page is read once it has everything it asked for.</summary>
    private const string TrackFetches = """
        window.__pending = 0;
        const fetch0 = window.fetch;
        window.fetch = (...a) => { window.__pending++; return fetch0(...a).finally(() => { window.__pending--; }); };
        """;

    /// <summary>Keys, keys in attributes, and (on a Chinese page) enum values where labels belong.</summary>
    private const string Scan = """
        (zh) => {
          const key = /^[a-z]+(\.[A-Za-z0-9_]+)+$/;
          // Not keys: demo account names (city.admin) and file names (minutes.pdf).
          const benign = (t) => /^[a-z]+\.(admin|lead|finance|village|station|supervisor|deputy|demo|worker\d*)$/.test(t) || /\.(pdf|docx?|xlsx?|csv|jpe?g|png|webp)$/i.test(t);
          const out = [];
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          while (walker.nextNode()) {
            const el = walker.currentNode.parentElement;
            // data-raw marks data that is English by design (a user name such as dongcheng.worker2).
            if (!el || el.closest('script,style,noscript,[data-raw]') || !el.checkVisibility()) continue;
            for (const part of walker.currentNode.textContent.split(/[\s：:，,；;（）()·、]+/))
              if (key.test(part) && !benign(part)) out.push('key ' + part);
          }
          for (const e of document.querySelectorAll('[placeholder],[aria-label],[title]'))
            for (const a of ['placeholder', 'aria-label', 'title']) {
              const v = (e.getAttribute(a) || '').trim();
              if (key.test(v) && !benign(v)) out.push(`${a} ${v}`);
            }
          // Issue 17 point 6: on a Chinese page, no machine word in running text — a kebab-case code ("public-portal"), a bare
          // "system" or "recording", a sender's "webhook:Sms" — and no template {placeholder} without its Chinese name.
          if (zh) {
            const machine = /^(?:[a-z]+(?:-[a-z]+)+|system|recording|anonymous|webhook)$/;
            const w2 = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            while (w2.nextNode()) {
              const el = w2.currentNode.parentElement;
              if (!el || el.closest('script,style,noscript,[data-raw],textarea') || !el.checkVisibility()) continue;
              const text = w2.currentNode.textContent;
              for (const part of text.split(/[\s：:，,；;（）()·、。]+/))
                if (machine.test(part) && !benign(part)) out.push('code ' + part);
              for (const m of text.matchAll(/\{[A-Za-z]+\}/g)) out.push('placeholder ' + m[0]);
            }
          }
          if (zh)
            for (const e of document.querySelectorAll('.el-table__cell .cell, .el-tag, .el-descriptions__content, [data-test$=state]')) {
              // data-raw marks what is English by design: the audit trail's recorded codes, an organisation's English name.
              if (!e.checkVisibility() || e.closest('[data-raw]') || e.querySelector('[data-raw]')) continue;
              const t = e.innerText.trim();
              if (/^[A-Z][a-z]+(?:[A-Z][a-z0-9]+)+$/.test(t) || /^[A-Z][a-z]{2,}$/.test(t)) out.push('enum ' + t);
            }
          return out;
        }
        """;

    [BrowserFact]
    public async Task No_page_shows_an_untranslated_key_or_a_bare_enum_value_in_either_language()
    {
        var problems = new List<string>();
        foreach (var user in new[] { "city.admin", "dongcheng.lead", "dongcheng.village" })
        {
            var page = await NewTrackedPageAsync(problems);
            await Pages.SignInAsync(page, user);
            var details = await DetailPagesAsync(page);
            await WalkAsync(page, user, [.. ConsolePages, .. details], problems);
            await page.Context.CloseAsync();
        }
        var portal = await NewTrackedPageAsync(problems);
        await portal.GotoAsync("/portal");
        var claim = await FirstAsync(portal, "/api/public/claim-board?pageSize=1", "items", "id");
        var result = await FirstAsync(portal, "/api/public/notices?kind=ProjectResult&pageSize=1", "items", "subjectRef");
        var caStation = await FirstOfArrayAsync(portal, "/api/public/civil-affairs-stations");
        await WalkAsync(portal, "public", [.. PortalPages, .. claim is null ? [] : new[] { $"/portal/claims/{claim}" },
            .. caStation is null ? [] : new[] { $"/portal/civil-affairs-stations/{caStation}" },
            .. result is null ? [] : new[] { $"/portal/surveys/{result}" }], problems);
        await portal.Context.CloseAsync();

        foreach (var p in problems) output.WriteLine(p);
        Assert.True(problems.Count == 0, "Untranslated text on pages:\n" + string.Join("\n", problems.Distinct()));
    }

    private async Task<IPage> NewTrackedPageAsync(List<string> problems)
    {
        var page = await host.NewPageAsync(1366, 900);
        await page.Context.AddInitScriptAsync(TrackFetches);
        page.Console += (_, m) =>
        {
            if (m.Text.Contains("[i18n] missing", StringComparison.Ordinal) || m.Text.Contains("[intlify] Not found", StringComparison.Ordinal))
                lock (problems) problems.Add($"{page.Url}: console {m.Text}");
        };
        return page;
    }

    /// <summary>One appeal, project, wish and claim item the user may open, found as the pages find them.</summary>
    private static async Task<string[]> DetailPagesAsync(IPage page)
    {
        var list = new List<string>();
        foreach (var (api, path) in new[] { ("/api/appeals", "/appeals"), ("/api/micro-projects", "/projects"), ("/api/micro-wishes", "/wishes"), ("/api/claim-items", "/claim-items"),
                     ("/api/civil-affairs/files", "/casework/files") })
            if (await FirstAsync(page, $"{api}?pageSize=1", "items", "id") is { } id) list.Add($"{path}/{id}");
        if (await FirstOfArrayAsync(page, "/api/civil-affairs/stations") is { } station) list.Add($"/civil-affairs-stations/{station}");
        return [.. list];
    }

    /// <summary>The first id of an answer that is a plain array (the civil-affairs stations).</summary>
    private static async Task<string?> FirstOfArrayAsync(IPage page, string url)
    {
        var text = await page.EvaluateAsync<string>("async (u) => { const r = await fetch(u); return r.ok ? await r.text() : '' }", url);
        if (text.Length == 0) return null;
        var arr = JsonDocument.Parse(text).RootElement;
        return arr.GetArrayLength() == 0 ? null : arr[0].GetProperty("id").GetString();
    }

    private static async Task<string?> FirstAsync(IPage page, string url, string items, string field)
    {
        var text = await page.EvaluateAsync<string>("async (u) => { const r = await fetch(u); return r.ok ? await r.text() : '' }", url);
        if (text.Length == 0) return null;
        var arr = JsonDocument.Parse(text).RootElement.GetProperty(items);
        return arr.GetArrayLength() == 0 ? null : arr[0].GetProperty(field).GetString();
    }

    /// <summary>Each page in Chinese, then each in English: the language is switched the way the reader does (kept in localStorage).</summary>
    private async Task WalkAsync(IPage page, string who, IReadOnlyList<string> paths, List<string> problems)
    {
        foreach (var lang in new[] { "zh-CN", "en-US" })
        {
            await page.EvaluateAsync("l => localStorage.setItem('guanjia.lang', l)", lang);
            await page.GotoAsync(paths[0]);
            foreach (var path in paths)
            {
                // The router's own navigation: no reload, as a click in the menu.
                var watch = System.Diagnostics.Stopwatch.StartNew();
                await page.EvaluateAsync("p => { history.pushState({}, '', p); dispatchEvent(new PopStateEvent('popstate')) }", path);
                await SettleAsync(page);
                var settled = watch.ElapsedMilliseconds;
                var found = await page.EvaluateAsync<string[]>(Scan, lang == "zh-CN");
                output.WriteLine($"{who} {lang} {path}: settled {settled} ms, read {watch.ElapsedMilliseconds - settled} ms");
                lock (problems) problems.AddRange(found.Select(f => $"{who} {lang} {path}: {f}"));
            }
        }
    }

    /// <summary>Until no request is in flight and no loading mask shows, twice in a row.</summary>
    private static async Task SettleAsync(IPage page)
    {
        const string idle = "() => window.__pending === 0 && ![...document.querySelectorAll('.el-loading-mask')].some(e => e.checkVisibility())";
        for (var i = 0; i < 2; i++)
        {
            await page.WaitForTimeoutAsync(80);
            await page.WaitForFunctionAsync(idle, null, new() { Timeout = 15_000, PollingInterval = 50 });
        }
    }
}
