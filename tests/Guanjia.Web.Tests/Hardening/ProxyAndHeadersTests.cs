using System.Net;
using System.Net.Http.Json;
using Guanjia.Web.Tests.Documents;
using Guanjia.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Guanjia.Web.Tests.Hardening;

/// <summary>
/// Issue 16, defects 3 and 4: forwarded headers only from trusted proxies, limits on the real client, Secure cookies
/// and HSTS under HTTPS, and the security headers on every page, API answer, error and download.
/// </summary>
[Collection(ApiCollection.Name)]
public class ProxyAndHeadersTests
{
    private static HttpRequestMessage SignIn(string from, string? forwardedFor, string userName, string password, bool https = false)
    {
        var req = new HttpRequestMessage(HttpMethod.Post, "/api/auth/sign-in") { Content = JsonContent.Create(new { userName, password }) };
        req.Headers.Add(TestClientAddress.Header, from);
        if (forwardedFor is not null) req.Headers.Add("X-Forwarded-For", forwardedFor);
        if (https) req.Headers.Add("X-Forwarded-Proto", "https");
        return req;
    }

    private static HttpClient Cookieless(TestHost host) => host.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });

    [Theory, BothDatabases]
    public async Task Behind_the_trusted_proxy_the_lockout_is_keyed_on_the_real_client(Db db)
    {
        var host = TestHost.For(db);
        var c = Cookieless(host);
        var a = SignInHardeningTests.NewAddress();
        for (var i = 1; i <= 5; i++) await c.SendAsync(SignIn(TestHost.TrustedProxy, a, "evaluator.demo", "wrong" + i));
        await (await c.SendAsync(SignIn(TestHost.TrustedProxy, a, "evaluator.demo", "Demo@2026"))).Json(HttpStatusCode.Locked);
        // Another resident behind the same proxy is another client.
        await (await c.SendAsync(SignIn(TestHost.TrustedProxy, SignInHardeningTests.NewAddress(), "evaluator.demo", "Demo@2026"))).Json(HttpStatusCode.OK);
    }

    [Theory, BothDatabases]
    public async Task A_client_that_is_not_a_trusted_proxy_cannot_choose_its_address(Db db)
    {
        var host = TestHost.For(db);
        var c = Cookieless(host);
        var direct = SignInHardeningTests.NewAddress();
        for (var i = 1; i <= 5; i++)
            await c.SendAsync(SignIn(direct, SignInHardeningTests.NewAddress(), "evaluator.demo", "wrong" + i));
        // Five different forged X-Forwarded-For values still count as one client: it is paused.
        await (await c.SendAsync(SignIn(direct, SignInHardeningTests.NewAddress(), "evaluator.demo", "Demo@2026"))).Json(HttpStatusCode.Locked);
        await (await c.SendAsync(SignIn(direct, SignInHardeningTests.NewAddress(), "evaluator.demo", "Demo@2026", https: true))).Json(HttpStatusCode.Locked);
    }

    [Theory, BothDatabases]
    public async Task Under_https_cookies_are_secure_and_hsts_is_sent(Db db)
    {
        var host = TestHost.For(db);
        var c = Cookieless(host);
        var https = await c.SendAsync(SignIn(TestHost.TrustedProxy, SignInHardeningTests.NewAddress(), "evaluator.demo", "Demo@2026", https: true));
        Assert.Equal(HttpStatusCode.OK, https.StatusCode);
        var cookie = Assert.Single(https.Headers.GetValues("Set-Cookie"), v => v.StartsWith("guanjia.auth=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("max-age=", https.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);

        // Plain HTTP (a developer's machine): no Secure, no HSTS.
        var plain = await c.SendAsync(SignIn(TestHost.TrustedProxy, SignInHardeningTests.NewAddress(), "evaluator.demo", "Demo@2026"));
        Assert.DoesNotContain("secure", plain.Headers.GetValues("Set-Cookie").Single(v => v.StartsWith("guanjia.auth=", StringComparison.Ordinal)),
            StringComparison.OrdinalIgnoreCase);
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
        // An https claim from a client that is not a trusted proxy is not believed.
        var forged = await c.SendAsync(SignIn(SignInHardeningTests.NewAddress(), null, "evaluator.demo", "Demo@2026", https: true));
        Assert.False(forged.Headers.Contains("Strict-Transport-Security"));
    }

    [Theory, BothDatabases]
    public async Task Every_page_answer_error_and_download_carries_the_security_headers(Db db)
    {
        var f = await Flow.StartAsync(db);
        var anon = f.Host.Anonymous();
        var answers = new List<(string What, HttpResponseMessage Res)>
        {
            ("page", await anon.GetAsync("/portal/track")),
            ("api", await anon.GetAsync("/api/public/places")),
            ("error", await anon.GetAsync("/api/no-such-thing")),
            ("unauthenticated", await anon.GetAsync("/api/users")),
            ("openapi", await anon.GetAsync("/openapi/v1.json")),
            ("export", await f.Village.GetAsync("/api/exports/appeals.xlsx")),
        };
        foreach (var (what, res) in answers)
        {
            var csp = string.Join(";", res.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
            Assert.Equal("nosniff", res.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("DENY", res.Headers.GetValues("X-Frame-Options").Single());
            Assert.Equal("no-referrer", res.Headers.GetValues("Referrer-Policy").Single());
            Assert.True(res.Headers.Contains("Content-Security-Policy"), what);
        }
        var export = answers.Single(x => x.What == "export").Res;
        Assert.Equal("attachment", export.Content.Headers.ContentDisposition!.DispositionType);
    }

    [Fact]
    public async Task The_public_limit_counts_each_client_behind_the_proxy_on_its_own()
    {
        using var host = new LimitedHost();
        var c = Cookieless(host);
        async Task<HttpStatusCode> Track(string client)
        {
            var req = new HttpRequestMessage(HttpMethod.Get, "/api/public/tracking?number=GJ000000AAAAAA&phoneLast4=1234");
            req.Headers.Add(TestClientAddress.Header, TestHost.TrustedProxy);
            req.Headers.Add("X-Forwarded-For", client);
            return (await c.SendAsync(req)).StatusCode;
        }
        var first = SignInHardeningTests.NewAddress();
        for (var i = 0; i < 3; i++) Assert.NotEqual(HttpStatusCode.TooManyRequests, await Track(first));
        Assert.Equal(HttpStatusCode.TooManyRequests, await Track(first));
        // Before issue 16 every resident behind the proxy shared one bucket.
        Assert.NotEqual(HttpStatusCode.TooManyRequests, await Track(SignInHardeningTests.NewAddress()));
    }

    private sealed class LimitedHost() : TestHost(Db.Sqlite)
    {
        protected override int RateLimitPerMinute => 3;
    }
}
