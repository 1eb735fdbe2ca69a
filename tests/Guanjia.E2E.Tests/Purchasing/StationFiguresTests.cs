using Guanjia.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Guanjia.E2E.Tests.Purchasing;

/// <summary>
/// Issue 14 §8 in the browser (R-PS-04): the bureau's figures tab lists the stations next to the packages, and a workstation short of
/// workers at the jurisdiction's ratio shows in red, how many short.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class StationFiguresTests(HostFixture host)
{
    // R-PS-04, R-CA-03
    [BrowserFact]
    public async Task The_figures_tab_shows_a_workstation_short_of_workers_in_red()
    {
        // A workstation of a 瑶海区 street with none yet, covering three communities: 2 workers needed, none in post.
        string name;
        await using (var api = await Api.SignInAsync(host, "yaohai.admin"))
        {
            var taken = (await api.GetAsync("/api/civil-affairs/stations")).EnumerateArray().Select(s => s.GetProperty("townId").GetString()).ToHashSet();
            var town = (await api.GetAsync("/api/organizations?kind=Street&pageSize=50")).GetProperty("items").EnumerateArray()
                .First(o => !taken.Contains(o.GetProperty("id").GetString()));
            var townId = town.GetProperty("id").GetString()!;
            var station = await api.PostAsync("/api/civil-affairs/stations", new { townId, kind = "SocialServiceWorkstation" });
            var sid = station.GetProperty("id").GetString()!;
            name = station.GetProperty("name").GetString()!;
            var communities = (await api.GetAsync($"/api/organizations?parentId={townId}&kind=Community&pageSize=50")).GetProperty("items")
                .EnumerateArray().Select(o => o.GetProperty("id").GetString()!).Take(3).ToList();
            var profile = await api.GetAsync($"/api/civil-affairs/stations/{sid}/profile");
            await api.PutAsync($"/api/civil-affairs/stations/{sid}/profile", new { version = profile.GetProperty("version").GetInt32(), communityIds = communities });
        }

        var page = await host.NewPageAsync(1366, 900);
        await Pages.SignInAsync(page, "yaohai.admin");
        await page.Locator("[data-test=menu-purchasing]").ClickAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "监管一览" }).ClickAsync();
        var table = page.Locator("[data-test=station-figures-table]");
        await Expect(table).ToContainTextAsync(name);
        var staffing = page.Locator($"[data-test='station-staffing-{name}']");
        await Expect(staffing).ToContainTextAsync("3个社区，应配2人，在岗0人（缺2人）");
        await Expect(staffing).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bbad\b"));
        var color = await staffing.EvaluateAsync<string>("e => getComputedStyle(e).color");
        var danger = await page.EvaluateAsync<string>("() => { const d = document.createElement('span'); d.style.color = 'var(--el-color-danger)'; document.body.append(d); const c = getComputedStyle(d).color; d.remove(); return c }");
        Assert.Equal(danger, color);
    }
}
