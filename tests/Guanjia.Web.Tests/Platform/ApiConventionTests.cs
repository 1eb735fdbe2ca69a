using System.Net;
using System.Text;
using Guanjia.Web.Tests.Infrastructure;

namespace Guanjia.Web.Tests.Platform;

/// <summary>The API's conventions: OpenAPI, health, paging, and ProblemDetails for every kind of bad input.</summary>
[Collection(ApiCollection.Name)]
public class ApiConventionTests
{
    [Theory, BothDatabases]
    public async Task Health_checks_the_database_and_openapi_describes_the_endpoints(Db db)
    {
        var host = TestHost.For(db);
        var anon = host.Anonymous();
        var health = await anon.GetJson("/healthz");
        Assert.Equal("healthy", health.Str("status"));
        Assert.Equal(db == Db.Postgres ? "postgres" : "sqlite", health.Str("database"));
        var doc = await anon.GetJson("/openapi/v1.json");
        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        foreach (var p in new[] { "/api/users", "/api/organizations", "/api/calendar/add", "/api/audit/verify", "/api/tokens", "/api/auth/sign-in" })
            Assert.Contains(p, paths);
        Assert.Equal(HttpStatusCode.OK, (await anon.GetAsync("/api-docs/v1")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task Lists_page_in_the_database_and_reject_bad_paging(Db db)
    {
        var host = TestHost.For(db);
        var c = await host.SignIn("city.admin");
        var p1 = await c.GetJson("/api/organizations?kind=Community&page=1&pageSize=5");
        var p2 = await c.GetJson("/api/organizations?kind=Community&page=2&pageSize=5");
        Assert.Equal(5, p1.GetProperty("items").GetArrayLength());
        Assert.Equal(p1.GetProperty("total").GetInt32(), p2.GetProperty("total").GetInt32());
        Assert.True(p1.GetProperty("total").GetInt32() > 10);
        Assert.Empty(p1.GetProperty("items").EnumerateArray().Select(i => i.Str("id")).Intersect(p2.GetProperty("items").EnumerateArray().Select(i => i.Str("id"))));
        (await c.GetJson("/api/users?page=0", HttpStatusCode.BadRequest)).ShouldNameField("page");
        (await c.GetJson("/api/users?pageSize=500", HttpStatusCode.BadRequest)).ShouldNameField("pageSize");
        (await c.GetJson("/api/audit?from=2026-13-01", HttpStatusCode.BadRequest)).ShouldNameField("from", "invalid_date");
        (await c.GetJson("/api/users?role=Emperor", HttpStatusCode.BadRequest)).ShouldNameField("role");
    }

    [Theory, BothDatabases]
    public async Task Malformed_bodies_get_problem_details_naming_the_field(Db db)
    {
        var host = TestHost.For(db);
        var c = await host.SignIn("city.admin");
        var broken = await (await c.PostAsync("/api/organizations", new StringContent("{\"code\": \"X\", \"parentId\": \"not-a-guid\"}", Encoding.UTF8, "application/json")))
            .Json(HttpStatusCode.BadRequest);
        broken.ShouldNameField("parentId", "invalid_value");
        var notJson = await (await c.PostAsync("/api/organizations", new StringContent("{nope", Encoding.UTF8, "application/json"))).Json(HttpStatusCode.BadRequest);
        Assert.Equal("validation", notJson.Str("code"));
        Assert.Equal(HttpStatusCode.NotFound, (await c.GetAsync($"/api/users/{Guid.NewGuid()}")).StatusCode);
    }
}
