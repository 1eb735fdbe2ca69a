using System.Net;
using System.Text;
using Guanjia.Web.Tests.Infrastructure;

namespace Guanjia.Web.Tests.Hardening;

/// <summary>
/// Issue 16 defect 9 (ADR 0033): absurd dates answer 400 naming the field, not 500; the framework's own 404, 405, 413 and
/// 415 answers are ProblemDetails with a stable code.
/// </summary>
[Collection(ApiCollection.Name)]
public class AbsurdInputTests
{
    [Theory, BothDatabases]
    public async Task Issue16_9_dates_outside_1900_to_2100_on_lists_answer_400_naming_the_field(Db db)
    {
        var host = TestHost.For(db);
        var city = await host.SignIn("city.admin");
        foreach (var (url, field) in new[]
                 {
                     ("/api/appeals?from=0001-01-01", "from"), ("/api/appeals?to=9999-12-31", "to"),
                     ("/api/audit?from=0001-01-01", "from"), ("/api/audit?to=9999-12-31", "to"),
                     ("/api/exports/appeals.xlsx?from=0001-01-01", "from"), ("/api/exports/appeals.xlsx?to=9999-12-31", "to"),
                     ("/api/appeals?from=1899-12-31", "from"), ("/api/appeals?to=2101-01-01", "to"),
                 })
            (await city.GetJson(url, HttpStatusCode.BadRequest)).ShouldNameField(field, "date_out_of_range");
        await city.GetJson("/api/appeals?from=1900-01-01&to=2100-12-31");
        await city.GetJson("/api/audit?from=2026-01-01&to=2026-12-31");
    }

    [Theory, BothDatabases]
    public async Task Issue16_9_a_token_expiring_in_9999_and_a_body_date_in_0001_are_refused_naming_the_field(Db db)
    {
        var host = TestHost.For(db);
        var city = await host.SignIn("city.admin");
        var hotline = (await city.GetJson("/api/organizations?q=政务服务数据管理局")).GetProperty("items")[0].Str("id");
        (await city.PostJson("/api/tokens", new { name = Http.Unique("远期"), organizationId = hotline, permissions = new[] { "appeals.read" },
            expiresAt = "9999-12-31T00:00:00+08:00" }, HttpStatusCode.BadRequest)).ShouldNameField("expiresAt", "date_out_of_range");
        var village = await host.SignIn("dongcheng.village");
        (await village.PostJson($"/api/appeals/{Guid.NewGuid()}/committee-decision", new
        {
            meetingAt = "0001-01-01T00:00:00+08:00", outcome = "MicroProject", includeInPlan = true, note = "同意",
        }, HttpStatusCode.BadRequest)).ShouldNameField("meetingAt", "date_out_of_range");
    }

    /// <summary>Found by the fuzzing test: a NUL in a query value answered 500 on PostgreSQL.</summary>
    [Theory, BothDatabases]
    public async Task Issue16_fuzz_a_nul_in_a_query_value_answers_400_naming_it(Db db)
    {
        var host = TestHost.For(db);
        (await host.Anonymous().GetJson("/api/calendar/years?jurisdiction=%E2%80%AE%00%EF%BF%BF", HttpStatusCode.BadRequest))
            .ShouldNameField("jurisdiction", "invalid_character");
        var city = await host.SignIn("city.admin");
        (await city.GetJson("/api/appeals?q=a%00b", HttpStatusCode.BadRequest)).ShouldNameField("q", "invalid_character");
    }

    [Theory, BothDatabases]
    public async Task Issue16_9_the_frameworks_404_405_and_415_are_problem_details_with_a_code(Db db)
    {
        var host = TestHost.For(db);
        var city = await host.SignIn("city.admin");
        async Task Expect(HttpResponseMessage res, HttpStatusCode status, string code)
        {
            Assert.Equal("application/problem+json", res.Content.Headers.ContentType?.MediaType);
            Assert.Equal(code, (await res.Json(status)).Str("code"));
        }
        await Expect(await city.GetAsync("/api/no-such-thing"), HttpStatusCode.NotFound, "not_found");
        await Expect(await city.DeleteAsync("/api/appeals"), HttpStatusCode.MethodNotAllowed, "method_not_allowed");
        await Expect(await city.PostAsync("/api/organizations", new StringContent("code=X", Encoding.UTF8, "text/plain")),
            HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
    }
}
