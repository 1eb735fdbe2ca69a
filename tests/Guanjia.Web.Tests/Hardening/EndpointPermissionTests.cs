using System.Net;
using System.Text;
using System.Text.Json;
using Guanjia.Domain.Accounts;
using Guanjia.Web.Common;
using Guanjia.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Guanjia.Web.Tests.Hardening;

/// <summary>
/// Issue 16 defect 6 (ADR 0032): every endpoint declares the permission it needs, and every non-public endpoint
/// refuses an API token and a person without it. Walks the endpoint data source and the OpenAPI document.
/// </summary>
[Collection(ApiCollection.Name)]
public class EndpointPermissionTests
{
    /// <summary>The public endpoints, named one by one: anything else anonymous is a defect.</summary>
    public static readonly HashSet<string> PublicEndpoints = new(StringComparer.Ordinal)
    {
        "GET /healthz", "GET /openapi/{documentName}.json",
        "GET /api/auth/antiforgery", "POST /api/auth/sign-in", "POST /api/auth/sign-out",
        // The working-day calendar is the state's published calendar: the portal counts deadlines with it.
        "GET /api/calendar/years", "GET /api/calendar/years/{year:int}", "GET /api/calendar/days/{date}", "GET /api/calendar/add",
    };

    /// <summary>Public endpoints live under /api/public (portal, rate-limited) or are listed above.</summary>
    public static bool IsPublic(string key) => PublicEndpoints.Contains(key) || key.Split(' ')[1].StartsWith("/api/public/", StringComparison.Ordinal)
        || key.Split(' ')[1].StartsWith("/api-docs", StringComparison.Ordinal); // the API reference page (Scalar)

    /// <summary>What a 12345 token may call (ADR 0032): its own appeals, its work orders, and who it is.</summary>
    public static readonly HashSet<string> TokenEndpoints = new(StringComparer.Ordinal)
    {
        "GET /api/auth/me", "GET /api/appeals/", "POST /api/appeals/", "GET /api/appeals/{id:guid}", "POST /api/integrations/12345/work-orders",
    };

    internal static List<(string Key, string Method, string Route, EndpointMetadataCollection Meta)> Endpoints(TestHost host) =>
        host.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => ($"{m} {Normalise(e.RoutePattern.RawText!)}", m, Normalise(e.RoutePattern.RawText!), e.Metadata)))
            .Where(e => e.Item3.StartsWith("/api", StringComparison.Ordinal) || e.Item3.StartsWith("/healthz", StringComparison.Ordinal)
                || e.Item3.StartsWith("/openapi", StringComparison.Ordinal))
            .ToList();

    private static string Normalise(string route) => "/" + route.TrimStart('/');

    [Fact]
    public void Issue16_6_every_endpoint_declares_its_permission_or_is_on_the_public_list()
    {
        var host = TestHost.For(Db.Sqlite);
        var undeclared = new List<string>();
        var tokenWrong = new List<string>();
        foreach (var (key, _, _, meta) in Endpoints(host))
        {
            var anonymous = meta.GetMetadata<IAllowAnonymous>() is not null || meta.GetMetadata<IAuthorizeData>() is null;
            var declared = meta.GetOrderedMetadata<RequiredPermission>().Count > 0 || meta.GetMetadata<SignedInOnly>() is not null;
            if (anonymous ? !IsPublic(key) : !declared) undeclared.Add(key + (anonymous ? " (anonymous)" : ""));
            if (!anonymous && (meta.GetMetadata<TokensAllowed>() is not null) != TokenEndpoints.Contains(key)) tokenWrong.Add(key);
        }
        Assert.True(undeclared.Count == 0, "endpoints without a declared permission:\n" + string.Join("\n", undeclared));
        Assert.True(tokenWrong.Count == 0, "endpoints whose token access differs from the list:\n" + string.Join("\n", tokenWrong));
    }

    [Theory, BothDatabases]
    public async Task Issue16_6_a_12345_token_with_appeals_read_reaches_only_the_appeals(Db db)
    {
        var host = TestHost.For(db);
        var city = await host.SignIn("city.admin");
        var hotline = (await city.GetJson("/api/organizations?q=政务服务数据管理局")).GetProperty("items")[0].Str("id");
        var issued = await city.PostJson("/api/tokens", new { name = Http.Unique("12345只读"), organizationId = hotline, permissions = new[] { "appeals.read" } },
            HttpStatusCode.Created);
        var token = host.WithToken(issued.Str("secret"));

        // The reproduction of the issue: each of these answered 200 with city-wide data.
        foreach (var url in new[] { "/api/micro-projects", "/api/micro-wishes", "/api/claim-items", "/api/policy-referrals", "/api/exports/appeals.xlsx",
                     "/api/statistics/overview", "/api/deadlines", "/api/funds/accounts" })
        {
            var res = await token.GetAsync(url);
            Assert.True(res.StatusCode == HttpStatusCode.Forbidden, $"{url}: {(int)res.StatusCode}");
            Assert.Equal("forbidden", (await res.Json(HttpStatusCode.Forbidden)).Str("code"));
        }
        await token.GetJson("/api/appeals");

        var refused = 0;
        foreach (var op in await Operations(host))
        {
            if (IsPublic(op.Key)) continue;
            if (TokenEndpoints.Contains(op.Key) && op.Method != "POST") continue; // appeals.read: the reads it holds
            var res = await Send(token, op);
            var body = await res.Content.ReadAsStringAsync();
            var expected = TokenEndpoints.Contains(op.Key) ? HttpStatusCode.Forbidden /* appeals.create not held */ : HttpStatusCode.Forbidden;
            Assert.True(res.StatusCode == expected, $"{op.Key} ({op.Url}) answered a token with only appeals.read {(int)res.StatusCode}: {body}");
            Assert.Equal("forbidden", JsonDocument.Parse(body).RootElement.Str("code"));
            refused++;
        }
        Assert.True(refused > 100, $"only {refused} operations walked");
    }

    [Theory, BothDatabases]
    public async Task Issue16_6_every_endpoint_refuses_a_person_without_its_permission(Db db)
    {
        var host = TestHost.For(db);
        var users = new (string Name, Role Role)[]
        {
            ("dongcheng.deputy", Role.Deputy), ("evaluator.demo", Role.Evaluator), ("contractor.demo", Role.Contractor),
            ("dongcheng.supervisor", Role.SupervisoryCommittee), ("dongcheng.station", Role.StationHead), ("dongcheng.worker", Role.StationWorker),
            ("dongcheng.finance", Role.TownReviewer), ("dongcheng.village", Role.VillageStaff), ("dongcheng.lead", Role.TownLead),
            ("city.admin", Role.CityCivilAffairs),
        };
        var clients = new Dictionary<string, HttpClient>();
        var endpoints = Endpoints(host).ToDictionary(e => e.Key, e => e.Meta);
        var checkedOps = 0;
        foreach (var op in await Operations(host))
        {
            if (!endpoints.TryGetValue(op.Key, out var meta)) continue;
            var required = meta.GetOrderedMetadata<RequiredPermission>();
            if (required.Count == 0) continue;
            var lacking = users.FirstOrDefault(u => required.Any(r => !r.AnyOf.Any(RoleCatalog.Get(u.Role).Permissions.Contains)));
            if (lacking.Name is null) continue;
            if (!clients.TryGetValue(lacking.Name, out var client)) clients[lacking.Name] = client = await host.SignIn(lacking.Name);
            var res = await Send(client, op);
            var body = await res.Content.ReadAsStringAsync();
            Assert.True(res.StatusCode == HttpStatusCode.Forbidden, $"{op.Key} ({op.Url}) answered {lacking.Name} {(int)res.StatusCode}: {body}");
            Assert.Equal("forbidden", JsonDocument.Parse(body).RootElement.Str("code"));
            checkedOps++;
        }
        Assert.True(checkedOps > 100, $"only {checkedOps} operations checked");
    }

    public sealed record Operation(string Key, string Method, string Url, bool Multipart, JsonElement Spec = default);

    /// <summary>Every operation of the OpenAPI document, its route values filled with fresh ids.</summary>
    internal static async Task<List<Operation>> Operations(TestHost host)
    {
        var doc = await host.Anonymous().GetJson("/openapi/v1.json");
        var routes = Endpoints(host).Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        var ops = new List<Operation>();
        foreach (var path in doc.GetProperty("paths").EnumerateObject())
            foreach (var verb in path.Value.EnumerateObject())
            {
                var method = verb.Name.ToUpperInvariant();
                if (method is "PARAMETERS" or "SUMMARY" or "DESCRIPTION") continue;
                var key = KeyFor(routes, method, path.Name);
                var url = System.Text.RegularExpressions.Regex.Replace(path.Name, "{([^}]+)}", m =>
                    System.Text.RegularExpressions.Regex.Match(key, "{" + m.Groups[1].Value + @":regex\(\^\(([^|)]+)") is { Success: true } rx
                        ? rx.Groups[1].Value : PathValue(verb.Value, m.Groups[1].Value));
                var multipart = verb.Value.TryGetProperty("requestBody", out var rb) && rb.GetProperty("content").EnumerateObject().Any(c => c.Name.StartsWith("multipart", StringComparison.Ordinal));
                ops.Add(new Operation(key, method, url, multipart, verb.Value.Clone()));
            }
        return ops;
    }

    /// <summary>A value of the path parameter's type: a fresh id, a year, a date, a word.</summary>
    internal static string PathValue(JsonElement operation, string name)
    {
        var schema = operation.TryGetProperty("parameters", out var ps)
            ? ps.EnumerateArray().Where(p => p.TryGetProperty("name", out var n) && n.GetString() == name).Select(p => p.TryGetProperty("schema", out var sc) ? sc : default)
                .FirstOrDefault()
            : default;
        string? Prop(string k) => schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty(k, out var v) ? v.ToString() : null;
        var type = Prop("type") ?? "";
        return (Prop("format"), type) switch
        {
            ("uuid", _) => Guid.NewGuid().ToString(),
            ("date", _) => "2026-11-23",
            (_, var t) when t.Contains("integer", StringComparison.Ordinal) => "2026",
            _ when name.Contains("id", StringComparison.OrdinalIgnoreCase) => Guid.NewGuid().ToString(),
            _ when name is "date" => "2026-11-23",
            _ when name is "year" => "2026",
            _ => "docx",
        };
    }

    /// <summary>The OpenAPI path drops route constraints and trailing slashes: find the endpoint's own key.</summary>
    private static string KeyFor(HashSet<string> routes, string method, string openApiPath)
    {
        string Strip(string k) => System.Text.RegularExpressions.Regex.Replace(k, ":[^}]+}", "}").TrimEnd('/');
        return routes.FirstOrDefault(r => Strip(r) == Strip($"{method} {openApiPath}")) ?? $"{method} {openApiPath}";
    }

    internal static Task<HttpResponseMessage> Send(HttpClient c, Operation op)
    {
        var req = new HttpRequestMessage(new HttpMethod(op.Method), op.Url);
        if (op.Method is "POST" or "PUT" or "PATCH")
            req.Content = op.Multipart
                ? new MultipartFormDataContent { { new StringContent("{}"), "data" } }
                : new StringContent("{}", Encoding.UTF8, "application/json");
        return c.SendAsync(req);
    }
}
