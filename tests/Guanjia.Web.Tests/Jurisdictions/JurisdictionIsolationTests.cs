using System.Net;
using System.Net.Http.Json;
using Guanjia.App.Common;
using Guanjia.Web.Tests.Infrastructure;
using Guanjia.Web.Tests.Purchasing;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Guanjia.Web.Tests.Jurisdictions;

/// <summary>
/// Several jurisdictions (ADR 0040): nobody in one sees anything of the other, and the administrator of one is not an administrator
/// of the other — users, tokens, organisations, calendar, rules, audit.
/// </summary>
[Collection(ApiCollection.Name)]
public class JurisdictionIsolationTests
{
    private static readonly string[] DongguanUsers = ["city.admin", "dongcheng.lead", "dongcheng.village", "contractor.demo", "evaluator.demo", "dongcheng.deputy"];
    private static readonly string[] YaohaiUsers = ["yaohai.admin", "yaohai.street", "yaohai.contractor", "yaohai.evaluator"];

    /// <summary>What gives a record of a jurisdiction away: its organisations' and users' ids and user names, its codes, paths and name.</summary>
    private static async Task<(List<string> Dongguan, List<string> Yaohai)> MarkersAsync(TestHost host)
    {
        using var scope = host.Services.CreateScope();
        var db = host.NewDb(scope, Actor.System);
        var orgs = await db.Organizations.IgnoreQueryFilters().AsNoTracking().Select(o => new { o.Id, o.Path }).ToListAsync();
        var users = await db.Users.IgnoreQueryFilters().AsNoTracking().Select(u => new { u.Id, u.UserName, u.ScopePath }).ToListAsync();
        List<string> Of(string root, params string[] words) =>
        [
            .. orgs.Where(o => o.Path.StartsWith(root, StringComparison.Ordinal)).Select(o => o.Id.ToString()),
            .. users.Where(u => u.ScopePath.StartsWith(root, StringComparison.Ordinal)).SelectMany(u => new[] { u.Id.ToString(), $"\"{u.UserName}\"" }),
            root, .. words,
        ];
        return (Of("/441900/", "东莞", "4419000", "D441900", "C441900", "E441900"), Of("/340102/", "瑶海", "340102-", "C340102", "E340102"));
    }

    /// <summary>Every GET under /api that takes no route value: the lists, the summaries, the caller's own views (the public portal aside).</summary>
    private static List<string> ListEndpoints(TestHost host) =>
        host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
            .Select(e => "/" + (e.RoutePattern.RawText ?? "").Trim('/'))
            .Where(p => p.StartsWith("/api/", StringComparison.Ordinal) && !p.Contains('{', StringComparison.Ordinal)
                && !p.StartsWith("/api/public", StringComparison.Ordinal))
            .Distinct().Order().ToList();

    [Theory, BothDatabases]
    public async Task Every_list_endpoint_shows_a_Yaohai_user_nothing_of_Dongguan_and_a_Dongguan_user_nothing_of_Yaohai(Db db)
    {
        // Records on both sides: a Dongguan appeal from the hotline; a Yaohai contract with a filed report and a major event.
        // The purchasing kit first: it may move a clock left early by another test forward to 瑶海区's rules, which would
        // expire sessions signed in before it.
        var k = await PurchasingKit.StartAsync(db);
        var f = await Flow.StartAsync(db);
        await f.HotlineOrderAsync();
        var (contract, _, contractor) = await k.SignedAsync();
        await contractor.PostJson($"/api/purchasing/contracts/{contract.Str("id")}/major-events",
            new { title = "暴雨致活动中心进水", occurredAt = k.Host.Clock.GetUtcNow(), placeId = (await k.CommunitiesAsync())[0], summary = PurchasingKit.Summary },
            HttpStatusCode.Created);

        var (dongguan, yaohai) = await MarkersAsync(f.Host);
        var endpoints = ListEndpoints(f.Host);
        Assert.Contains("/api/purchasing/contracts", endpoints);
        Assert.Contains("/api/appeals", endpoints);
        Assert.Contains("/api/organizations", endpoints);
        var checkedBodies = 0;
        async Task Walk(string user, List<string> foreign)
        {
            var c = await f.Host.SignIn(user);
            foreach (var e in endpoints)
            {
                var res = await c.GetAsync(e + "?pageSize=200");
                if (res.StatusCode == HttpStatusCode.BadRequest) res = await c.GetAsync(e);
                var body = await res.Content.ReadAsStringAsync();
                var leak = foreign.FirstOrDefault(m => body.Contains(m, StringComparison.Ordinal));
                Assert.True(leak is null, $"{user} GET {e} ({(int)res.StatusCode}) shows '{leak}' of the other jurisdiction");
                if (res.IsSuccessStatusCode) checkedBodies++;
            }
        }
        foreach (var u in YaohaiUsers) await Walk(u, dongguan);
        foreach (var u in DongguanUsers) await Walk(u, yaohai);
        Assert.True(checkedBodies > endpoints.Count, "the walk read real answers, not only refusals");
        // The public portal is 民生大莞家's: its place picker offers only the places of jurisdictions running it.
        var places = await (await f.Host.Anonymous().GetAsync("/api/public/places")).Content.ReadAsStringAsync();
        Assert.Contains(f.VillageId, places, StringComparison.Ordinal);
        Assert.DoesNotContain(yaohai.Where(m => Guid.TryParse(m, out _)), m => places.Contains(m, StringComparison.Ordinal));

        // Each programme answers only its own jurisdictions, cleanly.
        var yh = await f.Host.SignIn("yaohai.admin");
        Assert.Equal("programme_not_run", (await yh.GetJson("/api/appeals", HttpStatusCode.NotFound)).Str("code"));
        var city = await f.Host.SignIn("city.admin");
        Assert.Equal("programme_not_run", (await city.GetJson("/api/purchasing/contracts", HttpStatusCode.NotFound)).Str("code"));
        var yhMe = await yh.GetJson("/api/auth/me");
        Assert.Equal("/340102/", yhMe.Str("jurisdictionPath"));
        // The caller's permissions leave out the programmes its jurisdiction does not run, so the console hides them.
        var yhPermissions = yhMe.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()).ToList();
        Assert.Contains("purchasing.manage", yhPermissions);
        Assert.DoesNotContain("appeals.read", yhPermissions);
        var dgPermissions = (await city.GetJson("/api/auth/me")).GetProperty("permissions").EnumerateArray().Select(p => p.GetString()).ToList();
        Assert.Contains("appeals.read", dgPermissions);
        Assert.DoesNotContain("purchasing.manage", dgPermissions);
        Assert.Equal("/441900/", (await city.GetJson("/api/auth/me")).Str("scopePath"));
    }

    [Theory, BothDatabases]
    public async Task R_PL_03_the_administrator_of_one_jurisdiction_is_no_administrator_of_the_other(Db db)
    {
        var host = TestHost.For(db);
        var yh = await host.SignIn("yaohai.admin");
        var dg = await host.SignIn("city.admin");
        var dgUser = (await dg.GetJson("/api/users?q=dongcheng.lead")).GetProperty("items")[0];
        var dgTown = (await dg.GetJson("/api/organizations?q=东城街道&kind=Street")).GetProperty("items")[0];
        var dgBureau = (await dg.GetJson("/api/organizations?q=东莞市民政局")).GetProperty("items")[0].Str("id");
        var yhUser = (await yh.GetJson("/api/users?q=yaohai.street")).GetProperty("items")[0];

        // Users: another jurisdiction's account is not found; its organisations take no account from here.
        Assert.Equal(HttpStatusCode.NotFound, (await yh.GetAsync($"/api/users/{dgUser.Str("id")}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await yh.PutAsJsonAsync($"/api/users/{dgUser.Str("id")}", new
        {
            displayName = "越权", role = "TownLead", organizationId = dgUser.Str("organizationId"), isActive = false, version = dgUser.GetProperty("version").GetInt32(),
            reason = "越权",
        })).StatusCode);
        (await yh.PostJson("/api/users", new { userName = Http.Unique("x"), displayName = "越权", role = "CityCivilAffairs", organizationId = dgBureau, password = "Demo@2026" },
            HttpStatusCode.BadRequest)).ShouldNameField("organizationId", "unknown_organization");
        Assert.Equal(HttpStatusCode.NotFound, (await dg.GetAsync($"/api/users/{yhUser.Str("id")}")).StatusCode);
        // Tokens: none for another jurisdiction's organisation.
        (await yh.PostJson("/api/tokens", new { name = "越权令牌", organizationId = dgBureau, permissions = new[] { "appeals.read" } }, HttpStatusCode.BadRequest))
            .ShouldNameField("organizationId", "unknown_organization");
        // Organisations: nothing under another jurisdiction's node, no node of it changed, and no new jurisdiction.
        (await yh.PostJson("/api/organizations", new { code = Http.Unique("X"), name = "越权社区", kind = "Community", parentId = dgTown.Str("id") },
            HttpStatusCode.BadRequest)).ShouldNameField("parentId", "unknown_organization");
        Assert.Equal(HttpStatusCode.NotFound, (await yh.PutAsJsonAsync($"/api/organizations/{dgTown.Str("id")}", new
        {
            name = "越权改名", economicClass = 1, isPilot = true, isActive = true, version = dgTown.GetProperty("version").GetInt32(), reason = "越权",
        })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await yh.PostAsJsonAsync("/api/organizations", new { code = Http.Unique("R"), name = "另一个市", kind = "City" })).StatusCode);
        // Audit: another jurisdiction's history is not readable.
        Assert.Equal(0, (await yh.GetJson($"/api/audit?entityId={dgUser.Str("id")}")).GetProperty("total").GetInt32());
        Assert.True((await dg.GetJson($"/api/audit?entityId={dgUser.Str("id")}")).GetProperty("total").GetInt32() > 0);
        // Rules: 民生大莞家's rules are Dongguan's; each jurisdiction's configuration is its own.
        Assert.Equal("programme_not_run", (await yh.GetJson("/api/programme-rules", HttpStatusCode.NotFound)).Str("code"));
        var dgRules = await dg.GetJson("/api/jurisdiction");
        var yhRules = await yh.GetJson("/api/jurisdiction");
        Assert.Equal("441900", dgRules.Str("code"));
        Assert.Equal("340102", yhRules.Str("code"));
        Assert.DoesNotContain((await yh.GetJson("/api/jurisdiction/rules")).EnumerateArray(), v => v.GetProperty("version").GetInt32() == dgRules.GetProperty("version").GetInt32());

        // Calendar: a correction moves only the corrector's own jurisdiction.
        const string day = "2027-06-02";
        await yh.PutJson($"/api/calendar/days/{day}", new { kind = "Holiday", name = "瑶海测试休息日", reason = "测试" }, HttpStatusCode.OK);
        try
        {
            Assert.False((await yh.GetJson($"/api/calendar/days/{day}")).GetProperty("isWorkingDay").GetBoolean());
            Assert.True((await dg.GetJson($"/api/calendar/days/{day}")).GetProperty("isWorkingDay").GetBoolean());
            Assert.True((await host.Anonymous().GetJson($"/api/calendar/days/{day}")).GetProperty("isWorkingDay").GetBoolean()); // the portal's: Dongguan's
            Assert.False((await host.Anonymous().GetJson($"/api/calendar/days/{day}?jurisdiction=340102")).GetProperty("isWorkingDay").GetBoolean());
            Assert.Equal(HttpStatusCode.NotFound, (await dg.DeleteAsync($"/api/calendar/days/{day}?reason=越权")).StatusCode);
        }
        finally
        {
            Assert.Equal(HttpStatusCode.OK, (await yh.DeleteAsync($"/api/calendar/days/{day}?reason=测试结束")).StatusCode);
        }
    }
}
