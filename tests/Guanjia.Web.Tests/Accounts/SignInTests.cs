using System.Net;
using System.Net.Http.Json;
using Guanjia.App.Common;
using Guanjia.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Guanjia.Web.Tests.Accounts;

/// <summary>R-PL-03 accounts: hashed passwords, lockout with an audit trail, sessions that end on a role change.</summary>
[Collection(ApiCollection.Name)]
public class SignInTests
{
    private static async Task<(string Id, string UserName)> NewVillageUser(TestHost host, string password)
    {
        var city = await host.SignIn("city.admin");
        var org = (await city.GetJson("/api/organizations?q=岗贝社区")).GetProperty("items")[0].Str("id");
        var u = await city.PostJson("/api/users", new { userName = Http.Unique("lock"), displayName = "锁定测试", role = "VillageStaff", organizationId = org, password },
            HttpStatusCode.Created);
        return (u.Str("id"), u.Str("userName"));
    }

    [Theory, BothDatabases]
    public async Task R_PL_03_passwords_are_stored_hashed_with_the_framework_hasher(Db db)
    {
        var host = TestHost.For(db);
        var (id, name) = await NewVillageUser(host, "Secret123abc");
        using var scope = host.Services.CreateScope();
        var sys = host.NewDb(scope, Actor.System);
        var stored = await sys.Users.AsNoTracking().SingleAsync(u => u.Id == Guid.Parse(id));
        Assert.DoesNotContain("Secret123abc", stored.PasswordHash, StringComparison.Ordinal);
        Assert.StartsWith("AQAAAA", stored.PasswordHash, StringComparison.Ordinal); // PasswordHasher v3 format
        await host.SignIn(name, "Secret123abc");
        // nor does the audit trail hold it
        Assert.False(await sys.AuditEntries.AnyAsync(a => a.After!.Contains("Secret123abc")));
    }

    [Theory, BothDatabases]
    public async Task R_PL_03_five_wrong_passwords_lock_the_account_for_a_while_and_the_audit_trail_shows_it(Db db)
    {
        var host = TestHost.For(db);
        var (id, name) = await NewVillageUser(host, "Right1234pw");
        var anon = host.Anonymous();
        for (var i = 1; i <= 4; i++)
        {
            var p = await (await anon.PostAsJsonAsync("/api/auth/sign-in", new { userName = name, password = "wrong" + i })).Json(HttpStatusCode.Unauthorized);
            Assert.Equal("invalid_credentials", p.Str("code"));
            Assert.False(string.IsNullOrEmpty(p.Str("title")));
        }
        var locked = await (await anon.PostAsJsonAsync("/api/auth/sign-in", new { userName = name, password = "wrong5" })).Json(HttpStatusCode.Locked);
        Assert.Equal("locked", locked.Str("code"));
        // the right password does not help while locked
        await (await anon.PostAsJsonAsync("/api/auth/sign-in", new { userName = name, password = "Right1234pw" })).Json(HttpStatusCode.Locked);

        var city = await host.SignIn("city.admin");
        var trail = await city.GetJson($"/api/audit?entityType=User&entityId={id}&pageSize=50");
        var actions = trail.GetProperty("items").EnumerateArray().Select(a => a.Str("action")).ToList();
        Assert.Equal(4, actions.Count(a => a == "SignInFailed"));
        Assert.Contains("LockedOut", actions);
        // The lock is on this address and name, not on the account (issue 16, ADR 0031): see Hardening.SignInHardeningTests.
        host.Clock.Advance(TimeSpan.FromMinutes(16));
        await host.SignIn(name, "Right1234pw");
    }

    [Theory, BothDatabases]
    public async Task R_PL_03_an_unknown_user_and_a_wrong_password_get_the_same_answer(Db db)
    {
        var host = TestHost.For(db);
        var anon = host.Anonymous();
        var a = await (await anon.PostAsJsonAsync("/api/auth/sign-in", new { userName = "nobody-" + Guid.NewGuid().ToString("N")[..6], password = "x" })).Json(HttpStatusCode.Unauthorized);
        var b = await (await anon.PostAsJsonAsync("/api/auth/sign-in", new { userName = "evaluator.demo", password = "x" })).Json(HttpStatusCode.Unauthorized);
        Assert.Equal(a.Str("title"), b.Str("title"));
        (await anon.PostJson("/api/auth/sign-in", new { userName = "" }, HttpStatusCode.BadRequest)).ShouldNameField("password", "required");
        await host.SignIn("evaluator.demo"); // one failure does not lock
    }

    [Theory, BothDatabases]
    public async Task R_PL_03_cookie_changes_need_the_antiforgery_header(Db db)
    {
        var host = TestHost.For(db);
        var c = await host.SignIn("city.admin");
        c.DefaultRequestHeaders.Remove("X-XSRF-TOKEN");
        var res = await c.PostAsJsonAsync("/api/organizations", new { code = Http.Unique("A"), name = "无令牌", kind = "City" });
        var p = await res.Json(HttpStatusCode.BadRequest);
        Assert.Equal("antiforgery", p.Str("code"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Anonymous().GetAsync("/api/users")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task R_PL_03_a_role_change_ends_the_old_session(Db db)
    {
        var host = TestHost.For(db);
        var (id, name) = await NewVillageUser(host, "Session123x");
        var session = await host.SignIn(name, "Session123x");
        await session.GetJson("/api/users");
        var city = await host.SignIn("city.admin");
        var u = await city.GetJson($"/api/users/{id}");
        await city.PutJson($"/api/users/{id}", new
        {
            displayName = u.Str("displayName"), role = "StationHead", organizationId = u.Str("organizationId"), isActive = true,
            version = u.GetProperty("version").GetInt32(), reason = "调岗",
        }, HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.GetAsync("/api/users")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task R_PL_03_api_tokens_are_hashed_scoped_and_revocable(Db db)
    {
        var host = TestHost.For(db);
        var city = await host.SignIn("city.admin");
        var hotline = (await city.GetJson("/api/organizations?q=政务服务数据管理局")).GetProperty("items")[0].Str("id");
        (await city.PostJson("/api/tokens", new { name = "坏令牌", organizationId = hotline, permissions = new[] { "users.manage" } }, HttpStatusCode.BadRequest))
            .ShouldNameField("permissions", "not_grantable");
        (await city.PostJson("/api/tokens", new { name = "无组织", organizationId = Guid.NewGuid(), permissions = new[] { "appeals.create" } }, HttpStatusCode.BadRequest))
            .ShouldNameField("organizationId", "unknown_organization");

        var issued = await city.PostJson("/api/tokens", new { name = "12345热线测试", organizationId = hotline, permissions = new[] { "appeals.create", "appeals.read" } },
            HttpStatusCode.Created);
        var secret = issued.Str("secret");
        var tokenId = issued.GetProperty("token").Str("id");

        var client = host.WithToken(secret);
        var me = await client.GetJson("/api/auth/me");
        Assert.Equal("Integration", me.Str("kind"));
        Assert.Equal(new[] { "appeals.create", "appeals.read" }, me.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/users")).StatusCode); // no users.read

        using (var scope = host.Services.CreateScope())
        {
            var sys = host.NewDb(scope, Actor.System);
            var row = await sys.ApiTokens.AsNoTracking().SingleAsync(t => t.Id == Guid.Parse(tokenId));
            Assert.NotEqual(secret, row.TokenHash);
            Assert.DoesNotContain(secret[12..], row.Prefix, StringComparison.Ordinal);
            Assert.False(await sys.AuditEntries.AnyAsync(a => a.After!.Contains(secret)));
        }

        await city.PostJson($"/api/tokens/{tokenId}/revoke", new { text = "测试结束" }, HttpStatusCode.OK);
        var denied = await (await client.GetAsync("/api/auth/me")).Json(HttpStatusCode.Unauthorized);
        Assert.Equal("invalid_token", denied.Str("code"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.WithToken("gj_" + new string('x', 40)).GetAsync("/api/auth/me")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task R_PL_03_parallel_wrong_passwords_all_count_towards_the_lockout(Db db)
    {
        var host = TestHost.For(db);
        var (_, name) = await NewVillageUser(host, "Parallel123x");
        var anon = host.Anonymous();
        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => anon.PostAsJsonAsync("/api/auth/sign-in", new { userName = name, password = "bad" + i })));
        Assert.DoesNotContain(answers, a => a.StatusCode == HttpStatusCode.Conflict);
        Assert.Contains(answers, a => a.StatusCode == HttpStatusCode.Locked);
        await (await anon.PostAsJsonAsync("/api/auth/sign-in", new { userName = name, password = "Parallel123x" })).Json(HttpStatusCode.Locked);
        host.Clock.Advance(TimeSpan.FromMinutes(16));

        // Parallel correct sign-ins of one account all succeed.
        var ok = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => host.Anonymous().PostAsJsonAsync("/api/auth/sign-in", new { userName = name, password = "Parallel123x" })));
        Assert.All(ok, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
    }
}
