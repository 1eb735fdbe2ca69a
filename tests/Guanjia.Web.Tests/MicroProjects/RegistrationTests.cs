using System.Net;
using Guanjia.Web.Tests.Infrastructure;

namespace Guanjia.Web.Tests.MicroProjects;

/// <summary>Filing the registration form: category caps, the direct-implementation threshold, the small project's limits (R-MS-01, R-MS-07, R-MS-12).</summary>
[Collection(ApiCollection.Name)]
public class RegistrationTests
{
    private static string Url(string projectId) => $"/api/micro-projects/{projectId}/registration";

    // R-MS-01
    [Theory, BothDatabases]
    public async Task R_MS_01_works_of_exactly_fifty_wan_yuan_need_no_override(Db db)
    {
        var f = await Flow.StartAsync(db);
        var projectId = await DecisionToStart.ConsultedAsync(f, 50_000_000);
        var ok = await f.Village.PostJson(Url(projectId), Flow.Registration("LivingEnvironment"), HttpStatusCode.OK);
        Assert.Equal("TownReview", ok.Str("state"));
        Assert.Equal("ConvenienceWorks", ok.Str("category"));
        Assert.Equal(JsonValueKindNull, ok.GetProperty("capOverrideReason").ValueKind);
    }

    // R-MS-01
    [Theory, BothDatabases]
    public async Task R_MS_01_works_over_the_cap_need_a_recorded_reason(Db db)
    {
        var f = await Flow.StartAsync(db);
        var projectId = await DecisionToStart.ConsultedAsync(f, 50_000_001);
        var before = await DecisionToStart.GetAsync(f, projectId);

        var refused = await f.Village.PostJson(Url(projectId), Flow.Registration("PublicFacilities"), HttpStatusCode.BadRequest);
        refused.ShouldNameField("capOverrideReason", "over_cap");
        var blank = await f.Village.PostJson(Url(projectId), Flow.Registration("SafetyShelters", capOverrideReason: "  "), HttpStatusCode.BadRequest);
        blank.ShouldNameField("capOverrideReason", "over_cap");
        var unchanged = await DecisionToStart.AssertUnchangedAsync(f, projectId, before);
        Assert.Equal("Consulted", unchanged.Str("state"));
        Assert.Equal(JsonValueKindNull, unchanged.GetProperty("registeredAt").ValueKind);
        Assert.Empty(DecisionToStart.Deadlines(unchanged, "TownReview"));

        const string reason = "含应急避难场所改造，经村民代表会议同意超出部分由村集体自筹";
        var ok = await f.Village.PostJson(Url(projectId), Flow.Registration("PublicFacilities", capOverrideReason: reason), HttpStatusCode.OK);
        Assert.Equal("TownReview", ok.Str("state"));
        Assert.Equal(reason, ok.Str("capOverrideReason"));
        // The town reviewing it sees the reason.
        Assert.Equal(reason, (await DecisionToStart.GetAsync(f, projectId, f.Town)).Str("capOverrideReason"));
    }

    // R-MS-01
    [Theory, BothDatabases]
    public async Task R_MS_01_services_are_capped_at_twenty_wan_yuan(Db db)
    {
        var f = await Flow.StartAsync(db);
        var atCap = await DecisionToStart.ConsultedAsync(f, 20_000_000);
        var ok = await f.Village.PostJson(Url(atCap), Flow.Registration("ElderlyCare"), HttpStatusCode.OK);
        Assert.Equal("WelfareService", ok.Str("category"));
        Assert.Equal(JsonValueKindNull, ok.GetProperty("capOverrideReason").ValueKind);

        var over = await DecisionToStart.ConsultedAsync(f, 20_000_001);
        var before = await DecisionToStart.GetAsync(f, over);
        var refused = await f.Village.PostJson(Url(over), Flow.Registration("ElderlyCare"), HttpStatusCode.BadRequest);
        refused.ShouldNameField("capOverrideReason", "over_cap");
        var unchanged = await DecisionToStart.AssertUnchangedAsync(f, over, before);
        Assert.Equal("Consulted", unchanged.Str("state"));
        Assert.Equal(JsonValueKindNull, unchanged.GetProperty("subType").ValueKind);

        var accepted = await f.Village.PostJson(Url(over), Flow.Registration("ElderlyCare", capOverrideReason: "服务对象增至300名长者"), HttpStatusCode.OK);
        Assert.Equal("TownReview", accepted.Str("state"));
        Assert.Equal("服务对象增至300名长者", accepted.Str("capOverrideReason"));
    }

    // R-MS-07
    [Theory, BothDatabases]
    public async Task R_MS_07_one_fen_under_five_wan_yuan_is_small_and_five_wan_yuan_is_not(Db db)
    {
        var f = await Flow.StartAsync(db);
        var small = await DecisionToStart.ConsultedAsync(f, 4_999_999);
        var s = await f.Village.PostJson(Url(small), Flow.Registration(), HttpStatusCode.OK);
        Assert.Equal("AwaitingPublicity", s.Str("state"));
        Assert.True(s.GetProperty("isSmall").GetBoolean());
        Assert.Empty(DecisionToStart.Deadlines(s, "TownReview"));
        Assert.Contains("Publish", DecisionToStart.Allowed(s));

        var large = await DecisionToStart.ConsultedAsync(f, 5_000_000);
        var l = await f.Village.PostJson(Url(large), Flow.Registration(), HttpStatusCode.OK);
        Assert.Equal("TownReview", l.Str("state"));
        Assert.False(l.GetProperty("isSmall").GetBoolean());
        var review = DecisionToStart.Deadline(l, "TownReview");
        Assert.Equal("Open", review.Str("status"));
        Assert.Equal(l.Str("townId"), review.Str("responsibleOrgId"));
        Assert.Empty(DecisionToStart.Deadlines(l, "WorksFinish"));
    }

    // R-MS-07: the registration form's own fields.
    [Theory, BothDatabases]
    public async Task R_MS_07_the_registration_form_names_each_missing_field(Db db)
    {
        var f = await Flow.StartAsync(db);
        var projectId = await DecisionToStart.ConsultedAsync(f, 3_000_000);
        var before = await DecisionToStart.GetAsync(f, projectId);
        var empty = await f.Village.PostJson(Url(projectId), new { }, HttpStatusCode.BadRequest);
        foreach (var field in new[] { "name", "subType", "source", "location", "contactName", "contactTitle", "contactPhone" })
            empty.ShouldNameField(field);
        var unchanged = await DecisionToStart.AssertUnchangedAsync(f, projectId, before);
        Assert.Equal("Consulted", unchanged.Str("state"));
    }

    // R-MS-07: the form is filed after a passed consultation, not before.
    [Theory, BothDatabases]
    public async Task R_MS_07_registration_before_the_consultation_is_a_conflict(Db db)
    {
        var f = await Flow.StartAsync(db);
        var (_, projectId) = await DecisionToStart.NewProjectAsync(f);
        var before = await DecisionToStart.GetAsync(f, projectId);
        Assert.DoesNotContain("FileRegistration", DecisionToStart.Allowed(before));
        var res = await f.Village.PostJson(Url(projectId), Flow.Registration(), HttpStatusCode.Conflict);
        Assert.Equal("conflict", res.Str("code"));
        var unchanged = await DecisionToStart.AssertUnchangedAsync(f, projectId, before);
        Assert.Equal("AwaitingConsultation", unchanged.Str("state"));
    }

    // R-MS-12
    [Theory, BothDatabases]
    public async Task R_MS_12_small_works_finish_within_one_month_of_the_consultation(Db db)
    {
        var f = await Flow.StartAsync(db);
        var projectId = await DecisionToStart.ConsultedAsync(f, 3_000_000);
        var p = await f.Village.PostJson(Url(projectId), Flow.Registration("LivingEnvironment"), HttpStatusCode.OK);
        var consulted = p.GetProperty("consultedAt").GetDateTimeOffset();
        var d = DecisionToStart.Deadline(p, "WorksFinish");
        Assert.Equal("R-MS-12", d.Str("ruleId"));
        Assert.Equal(f.VillageId, d.Str("responsibleOrgId"));
        Assert.Equal(DecisionToStart.EndOfLocalDay(consulted, months: 1), DecisionToStart.DueAt(d));
        Assert.Empty(DecisionToStart.Deadlines(p, "ServiceStart"));
    }

    // R-MS-12
    [Theory, BothDatabases]
    public async Task R_MS_12_a_small_service_starts_within_ten_days_of_the_consultation(Db db)
    {
        var f = await Flow.StartAsync(db);
        var projectId = await DecisionToStart.ConsultedAsync(f, 3_000_000);
        var p = await f.Village.PostJson(Url(projectId), Flow.Registration("ElderlyCare"), HttpStatusCode.OK);
        var consulted = p.GetProperty("consultedAt").GetDateTimeOffset();
        var d = DecisionToStart.Deadline(p, "ServiceStart");
        Assert.Equal(f.VillageId, d.Str("responsibleOrgId"));
        Assert.Equal(DecisionToStart.EndOfLocalDay(consulted, days: 10), DecisionToStart.DueAt(d));
        Assert.Empty(DecisionToStart.Deadlines(p, "WorksFinish"));
    }

    // R-MS-12
    [Theory, BothDatabases]
    public async Task R_MS_12_a_service_started_after_its_due_time_needs_a_late_reason(Db db)
    {
        var f = await Flow.StartAsync(db);
        var projectId = await DecisionToStart.ConsultedAsync(f, 3_000_000);
        var p = await f.Village.PostJson(Url(projectId), Flow.Registration("ElderlyCare"), HttpStatusCode.OK);
        var due = DecisionToStart.DueAt(DecisionToStart.Deadline(p, "ServiceStart"));
        await f.PublishAsync(projectId, f.Village);

        await DecisionToStart.WithClockAsync(f, due.AddSeconds(1), async () =>
        {
            var before = await DecisionToStart.GetAsync(f, projectId);
            Assert.Equal("Publicity", before.Str("state"));
            var res = await f.Village.PostJson($"/api/micro-projects/{projectId}/start", new { note = "服务开展" }, HttpStatusCode.BadRequest);
            res.ShouldNameField("lateReason", "late_reason_required");
            var unchanged = await DecisionToStart.AssertUnchangedAsync(f, projectId, before);
            Assert.Equal(JsonValueKindNull, unchanged.GetProperty("implementationStartedAt").ValueKind);

            var started = await f.StartAsync(projectId, lateReason: "承接社工机构更换");
            Assert.Equal("Implementation", started.Str("state"));
            var d = DecisionToStart.Deadline(started, "ServiceStart");
            Assert.Equal("MetLate", d.Str("status"));
            Assert.Equal("承接社工机构更换", d.Str("lateReason"));
        });
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;
}
