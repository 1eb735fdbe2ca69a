using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Guanjia.Web.Tests.Infrastructure;

namespace Guanjia.Web.Tests.MicroProjects;

/// <summary>The town's review within 5 working days with its four checks and four outcomes (R-MS-08..10).</summary>
[Collection(ApiCollection.Name)]
public class ReviewTests
{
    private static string Url(string projectId) => $"/api/micro-projects/{projectId}/review";

    /// <summary>Files a 12万元 project at a Beijing wall-clock time and returns the TownReview deadline's due time.</summary>
    private static async Task<(string ProjectId, DateTimeOffset Due, JsonElement Project)> FileAtAsync(Flow f, DateTimeOffset at)
    {
        string projectId = "";
        DateTimeOffset due = default;
        JsonElement project = default;
        await DecisionToStart.WithClockAsync(f, at, async () =>
        {
            projectId = await DecisionToStart.InTownReviewAsync(f);
            project = await DecisionToStart.GetAsync(f, projectId);
            due = DecisionToStart.DueAt(DecisionToStart.Deadline(project, "TownReview"));
        });
        return (projectId, due, project);
    }

    // R-MS-08, R-PL-01: 国庆 10-01..10-07 are holidays and Saturday 10-10 is a make-up working day.
    [Theory, BothDatabases]
    public async Task R_MS_08_filed_on_the_eve_of_national_day_the_review_is_due_on_october_13(Db db)
    {
        var f = await Flow.StartAsync(db);
        var (_, due, project) = await FileAtAsync(f, DecisionToStart.At(2026, 9, 30));
        Assert.Equal(new DateTimeOffset(2026, 10, 13, 23, 59, 59, DecisionToStart.Beijing), due);
        var d = DecisionToStart.Deadline(project, "TownReview");
        Assert.Equal("R-MS-08", d.Str("ruleId"));
        Assert.Equal(project.Str("townId"), d.Str("responsibleOrgId"));
    }

    // R-MS-08, R-PL-01: Sunday 09-20 is a make-up working day; 中秋 09-25..09-27 is not reached.
    [Theory, BothDatabases]
    public async Task R_MS_08_filed_on_a_friday_the_make_up_sunday_counts_as_a_working_day(Db db)
    {
        var f = await Flow.StartAsync(db);
        var (_, due, _) = await FileAtAsync(f, DecisionToStart.At(2026, 9, 18, hour: 16));
        Assert.Equal(new DateTimeOffset(2026, 9, 24, 23, 59, 59, DecisionToStart.Beijing), due);
    }

    // R-MS-08
    [Theory, BothDatabases]
    public async Task R_MS_08_the_four_checks_the_decision_and_the_opinion_are_required(Db db)
    {
        var f = await Flow.StartAsync(db);
        var projectId = await DecisionToStart.InTownReviewAsync(f);
        await f.OpinionAsync(projectId);
        var before = await DecisionToStart.GetAsync(f, projectId);

        var empty = await f.Town.PostJson(Url(projectId), new { }, HttpStatusCode.BadRequest);
        foreach (var field in new[] { "consultationCompliant", "budgetReasonable", "routeFeasible", "resolvableByPolicy", "decision", "opinion" })
            empty.ShouldNameField(field);
        var unchanged = await DecisionToStart.AssertUnchangedAsync(f, projectId, before);
        Assert.Equal("TownReview", unchanged.Str("state"));
        Assert.Equal(JsonValueKind.Null, unchanged.GetProperty("reviewedAt").ValueKind);
        Assert.Equal("Open", DecisionToStart.Deadline(unchanged, "TownReview").Str("status"));
    }

    // R-MS-08
    [Theory, BothDatabases]
    public async Task R_MS_08_programme_funding_needs_every_check_passed(Db db)
    {
        var f = await Flow.StartAsync(db);
        var projectId = await DecisionToStart.InTownReviewAsync(f);
        await f.OpinionAsync(projectId);
        var before = await DecisionToStart.GetAsync(f, projectId);

        foreach (var check in new[] { "consultationCompliant", "budgetReasonable", "routeFeasible" })
        {
            var res = await f.Town.PostJson(Url(projectId), DecisionToStart.With(Flow.Review(), (check, false)), HttpStatusCode.BadRequest);
            res.ShouldNameField("decision", "checks_failed");
        }
        // Resolvable by current policy is the fourth check: then it is not the programme's to fund (R-IN-05).
        var policy = await f.Town.PostJson(Url(projectId), DecisionToStart.With(Flow.Review(), ("resolvableByPolicy", true)), HttpStatusCode.BadRequest);
        policy.ShouldNameField("resolvableByPolicy", "contradiction");

        var unchanged = await DecisionToStart.AssertUnchangedAsync(f, projectId, before);
        Assert.Equal("TownReview", unchanged.Str("state"));
        var appeal = await f.Village.GetJson($"/api/appeals/{unchanged.Str("appealId")}");
        Assert.DoesNotContain("TownDecisionProgramme", DecisionToStart.Kinds(appeal));
    }

    // R-MS-08: the town reviews together with the relevant departments.
    [Theory, BothDatabases]
    public async Task R_MS_08_programme_funding_needs_a_department_opinion(Db db)
    {
        var f = await Flow.StartAsync(db);
        var projectId = await DecisionToStart.InTownReviewAsync(f);
        var before = await DecisionToStart.GetAsync(f, projectId);

        var res = await f.Town.PostJson(Url(projectId), Flow.Review(), HttpStatusCode.BadRequest);
        res.ShouldNameField("departmentOpinions", "required");
        var unchanged = await DecisionToStart.AssertUnchangedAsync(f, projectId, before);
        Assert.Equal("TownReview", unchanged.Str("state"));
        Assert.Equal(0, unchanged.GetProperty("departmentOpinions").GetArrayLength());

        await f.OpinionAsync(projectId);
        Assert.Equal("AwaitingPublicity", (await f.ReviewAsync(projectId)).Str("state"));
    }

    // R-MS-08, R-PL-03
    [Theory, BothDatabases]
    public async Task R_MS_08_only_the_projects_own_town_reviews_and_gives_opinions(Db db)
    {
        var f = await Flow.StartAsync(db);
        var projectId = await DecisionToStart.InTownReviewAsync(f);
        var before = await DecisionToStart.GetAsync(f, projectId);
        var opinion = new { opinion = "同意", agrees = true, signedOff = true };

        var village = await f.Village.PostJson(Url(projectId), Flow.Review(), HttpStatusCode.Forbidden);
        Assert.Equal(403, village.GetProperty("status").GetInt32());
        await f.Finance.PostJson(Url(projectId), Flow.Review(), HttpStatusCode.Forbidden);
        await f.Village.PostJson($"/api/micro-projects/{projectId}/department-opinions", opinion, HttpStatusCode.Forbidden);

        var changanLead = await f.Host.SignIn("changan.lead");
        await changanLead.GetJson($"/api/micro-projects/{projectId}", HttpStatusCode.NotFound);
        await changanLead.PostJson(Url(projectId), Flow.Review(), HttpStatusCode.NotFound);

        var changanFinance = await ChanganFinanceAsync(f);
        await changanFinance.PostJson($"/api/micro-projects/{projectId}/department-opinions", opinion, HttpStatusCode.NotFound);
        await changanFinance.GetJson($"/api/micro-projects/{projectId}", HttpStatusCode.NotFound);

        var unchanged = await DecisionToStart.AssertUnchangedAsync(f, projectId, before);
        Assert.Equal("TownReview", unchanged.Str("state"));
        Assert.Equal(0, unchanged.GetProperty("departmentOpinions").GetArrayLength());
    }

    /// <summary>A finance reviewer of Changan (another town), created by the city for this test.</summary>
    private static async Task<HttpClient> ChanganFinanceAsync(Flow f)
    {
        var lead = await f.Host.SignIn("changan.lead");
        var leadOrg = await f.City.GetJson($"/api/organizations/{(await lead.GetJson("/api/auth/me")).Str("organizationId")}");
        var depts = await f.City.GetJson($"/api/organizations?kind=TownDepartment&parentId={leadOrg.Str("parentId")}&pageSize=200");
        var finance = depts.GetProperty("items").EnumerateArray().First(o => o.GetProperty("function").GetString() == "Finance");
        var userName = Http.Unique("cafin").ToLowerInvariant();
        await f.City.PostJson("/api/users", new
        {
            userName, displayName = "长安财政审核员", role = "TownReviewer", organizationId = finance.Str("id"), password = "Review2026ok",
        }, HttpStatusCode.Created);
        return await f.Host.SignIn(userName, "Review2026ok");
    }

    // R-MS-08
    [Theory, BothDatabases]
    public async Task R_MS_08_a_review_after_the_due_time_needs_a_late_reason(Db db)
    {
        var f = await Flow.StartAsync(db);
        var projectId = await DecisionToStart.InTownReviewAsync(f);
        await f.OpinionAsync(projectId);
        var due = DecisionToStart.DueAt(DecisionToStart.Deadline(await DecisionToStart.GetAsync(f, projectId), "TownReview"));

        await DecisionToStart.WithClockAsync(f, due.AddSeconds(1), async () =>
        {
            var before = await DecisionToStart.GetAsync(f, projectId);
            Assert.Equal("Overdue", DecisionToStart.Deadline(before, "TownReview").Str("status"));
            var res = await f.Town.PostJson(Url(projectId), Flow.Review(), HttpStatusCode.BadRequest);
            res.ShouldNameField("lateReason", "late_reason_required");
            var unchanged = await DecisionToStart.AssertUnchangedAsync(f, projectId, before);
            Assert.Equal("TownReview", unchanged.Str("state"));
            Assert.Equal(JsonValueKind.Null, unchanged.GetProperty("reviewDecision").ValueKind);
            var appeal = await f.Village.GetJson($"/api/appeals/{unchanged.Str("appealId")}");
            Assert.Equal(["Receipt"], DecisionToStart.Kinds(appeal));

            var ok = await f.Town.PostJson(Url(projectId), DecisionToStart.With(Flow.Review(), ("lateReason", "等待住建部门现场勘查")), HttpStatusCode.OK);
            Assert.Equal("AwaitingPublicity", ok.Str("state"));
            var d = DecisionToStart.Deadline(ok, "TownReview");
            Assert.Equal("MetLate", d.Str("status"));
            Assert.Equal("等待住建部门现场勘查", d.Str("lateReason"));
        });
    }

    // R-MS-09
    [Theory, BothDatabases]
    public async Task R_MS_09_a_policy_referral_needs_the_department_its_contact_and_a_signed_off_opinion(Db db)
    {
        var f = await Flow.StartAsync(db);
        var projectId = await DecisionToStart.InTownReviewAsync(f);
        await f.OpinionAsync(projectId, signedOff: false);
        var before = await DecisionToStart.GetAsync(f, projectId);

        var notSigned = await f.Town.PostJson(Url(projectId), Flow.Review("PolicyReferral", policy: true), HttpStatusCode.BadRequest);
        notSigned.ShouldNameField("departmentOpinions", "not_signed");
        var noDepartment = await f.Town.PostJson(Url(projectId),
            DecisionToStart.With(Flow.Review("PolicyReferral", policy: true), ("policyDepartment", null), ("policyContact", " ")), HttpStatusCode.BadRequest);
        noDepartment.ShouldNameField("policyDepartment", "required");
        noDepartment.ShouldNameField("policyContact", "required");
        var notPolicy = await f.Town.PostJson(Url(projectId),
            DecisionToStart.With(Flow.Review("PolicyReferral", policy: true), ("resolvableByPolicy", false)), HttpStatusCode.BadRequest);
        notPolicy.ShouldNameField("resolvableByPolicy", "contradiction");

        var unchanged = await DecisionToStart.AssertUnchangedAsync(f, projectId, before);
        Assert.Equal("TownReview", unchanged.Str("state"));
        Assert.Equal(JsonValueKind.Null, unchanged.GetProperty("policyDepartment").ValueKind);
        var appeal = await f.Village.GetJson($"/api/appeals/{unchanged.Str("appealId")}");
        Assert.DoesNotContain("TownDecisionPolicy", DecisionToStart.Kinds(appeal));
    }

    // R-MS-09
    [Theory, BothDatabases]
    public async Task R_MS_09_a_policy_referral_records_the_department_and_tells_the_appellant(Db db)
    {
        var f = await Flow.StartAsync(db);
        var (appealId, projectId) = await DecisionToStart.NewProjectAsync(f, hotline: true);
        await f.ConsultAsync(projectId, 12_000_000);
        await f.RegisterAsync(projectId);
        await f.OpinionAsync(projectId, signedOff: true);

        var referred = await f.Town.PostJson(Url(projectId), Flow.Review("PolicyReferral", policy: true), HttpStatusCode.OK);
        Assert.Equal("PolicyReferred", referred.Str("state"));
        Assert.Equal("PolicyReferral", referred.Str("reviewDecision"));
        Assert.Equal("东城街道城市管理和综合执法局", referred.Str("policyDepartment"));
        Assert.Equal("0769-22112233", referred.Str("policyContact"));
        Assert.True(referred.GetProperty("checkResolvableByPolicy").GetBoolean());
        Assert.Empty(DecisionToStart.Allowed(referred));
        // Nothing is left running; the town's own review was met, not cancelled.
        Assert.DoesNotContain(referred.GetProperty("deadlines").EnumerateArray(), d => d.Str("status") is "Open" or "DueSoon" or "Overdue");
        Assert.Equal("Met", DecisionToStart.Deadline(referred, "TownReview").Str("status"));
        var open = await f.Town.GetJson($"/api/deadlines?status=Open&subjectId={projectId}");
        Assert.Equal(0, open.GetProperty("total").GetInt32());

        var appeal = await f.Village.GetJson($"/api/appeals/{appealId}");
        Assert.Equal(["Receipt", "TownDecisionPolicy"], DecisionToStart.Kinds(appeal));
        var message = appeal.GetProperty("messages").EnumerateArray().Last();
        Assert.Contains("东城街道城市管理和综合执法局", message.Str("body"));
        Assert.Contains("0769-22112233", message.Str("body"));
        Assert.Equal("Hotline12345", message.Str("channel"));
    }

    // R-MS-10
    [Theory, BothDatabases]
    public async Task R_MS_10_programme_funding_records_the_opinion_and_tells_the_appellant_at_once(Db db)
    {
        var f = await Flow.StartAsync(db);
        var projectId = await DecisionToStart.InTownReviewAsync(f);
        await f.OpinionAsync(projectId);

        var reviewed = await f.ReviewAsync(projectId);
        Assert.Equal("AwaitingPublicity", reviewed.Str("state"));
        Assert.Equal("ProgrammeFunding", reviewed.Str("reviewDecision"));
        Assert.StartsWith("经财政等部门审核，该项目属于“民生大莞家”服务范围", reviewed.Str("reviewOpinion"));
        foreach (var check in new[] { "checkConsultationCompliant", "checkBudgetReasonable", "checkRouteFeasible" })
            Assert.True(reviewed.GetProperty(check).GetBoolean(), check);
        Assert.False(reviewed.GetProperty("checkResolvableByPolicy").GetBoolean());
        Assert.Equal("Met", DecisionToStart.Deadline(reviewed, "TownReview").Str("status"));
        Assert.Equal(1, reviewed.GetProperty("departmentOpinions").GetArrayLength());

        // At once: the message is on the appeal when the review returns, before any delivery run.
        var appeal = await f.Village.GetJson($"/api/appeals/{reviewed.Str("appealId")}");
        Assert.Equal(["Receipt", "TownDecisionProgramme"], DecisionToStart.Kinds(appeal));
        var message = appeal.GetProperty("messages").EnumerateArray().Last();
        Assert.Contains("新村路路灯改造", message.Str("body"));
        Assert.Contains("莞家速递", message.Str("body"));
        Assert.True(Math.Abs((message.GetProperty("createdAt").GetDateTimeOffset() - reviewed.GetProperty("reviewedAt").GetDateTimeOffset()).TotalSeconds) < 1);
    }

    // R-MS-08: returned to the village, which corrects and files again; the town's 5 working days start again.
    [Theory, BothDatabases]
    public async Task R_MS_08_a_project_returned_to_the_village_is_filed_again_with_a_new_review_deadline(Db db)
    {
        var f = await Flow.StartAsync(db);
        var projectId = await DecisionToStart.InTownReviewAsync(f);
        var returned = await f.ReviewAsync(projectId, "ReturnToVillage");
        Assert.Equal("Consulted", returned.Str("state"));
        Assert.Equal("ReturnToVillage", returned.Str("reviewDecision"));
        Assert.Equal("Met", DecisionToStart.Deadline(returned, "TownReview").Str("status"));
        Assert.Contains("FileRegistration", DecisionToStart.Allowed(await DecisionToStart.GetAsync(f, projectId)));

        await f.AdvanceAsync(TimeSpan.FromHours(2));
        var filed = await f.RegisterAsync(projectId);
        Assert.Equal("TownReview", filed.Str("state"));
        var reviews = DecisionToStart.Deadlines(filed, "TownReview");
        Assert.Equal(2, reviews.Count);
        Assert.Contains(reviews, d => d.Str("status") == "Met");
        var fresh = Assert.Single(reviews, d => d.Str("status") == "Open");
        Assert.True(Math.Abs((fresh.GetProperty("startsAt").GetDateTimeOffset() - filed.GetProperty("registeredAt").GetDateTimeOffset()).TotalSeconds) < 1);
        Assert.True(DecisionToStart.DueAt(fresh) > f.Now.AddDays(5));
        var appeal = await f.Village.GetJson($"/api/appeals/{filed.Str("appealId")}");
        Assert.Equal(["Receipt"], DecisionToStart.Kinds(appeal));
    }

    // R-MS-06, R-MS-08: a project returned because the budget was not reasonable is consulted again with a new budget.
    [Theory, BothDatabases]
    public async Task R_MS_08_a_returned_project_may_be_consulted_again_before_it_is_filed(Db db)
    {
        var f = await Flow.StartAsync(db);
        var projectId = await DecisionToStart.InTownReviewAsync(f);
        await f.Town.PostJson($"/api/micro-projects/{projectId}/review", new
        {
            consultationCompliant = true, budgetReasonable = false, routeFeasible = true, resolvableByPolicy = false,
            decision = "ReturnToVillage", opinion = "预算偏高，请重新协商",
        }, HttpStatusCode.OK);
        var minutes = await f.UploadAsync(projectId, "Minutes");
        var again = await f.Village.PostJson($"/api/micro-projects/{projectId}/consultations", f.Consultation(minutes, 9_000_000), HttpStatusCode.OK);
        Assert.Equal("Consulted", again.Str("state"));
        Assert.Equal(9_000_000, again.GetProperty("budgetFen").GetInt64());
        Assert.Equal(2, again.GetProperty("consultations").GetArrayLength());
        Assert.Equal("TownReview", (await f.RegisterAsync(projectId)).Str("state"));
    }

    // R-MS-08, R-MS-16: a rejection closes the project and tells the appellant why.
    [Theory, BothDatabases]
    public async Task R_MS_08_a_rejected_project_is_closed_and_the_appellant_told_why(Db db)
    {
        var f = await Flow.StartAsync(db);
        var projectId = await DecisionToStart.InTownReviewAsync(f);
        var body = DecisionToStart.With(Flow.Review("Reject"), ("consultationCompliant", false), ("opinion", "协商参与人数不足，程序不规范，不予立项"));
        var rejected = await f.Town.PostJson(Url(projectId), body, HttpStatusCode.OK);
        Assert.Equal("Rejected", rejected.Str("state"));
        Assert.Empty(DecisionToStart.Allowed(rejected));
        Assert.DoesNotContain(rejected.GetProperty("deadlines").EnumerateArray(), d => d.Str("status") is "Open" or "DueSoon" or "Overdue");
        Assert.Equal("Met", DecisionToStart.Deadline(rejected, "TownReview").Str("status"));

        var appeal = await f.Village.GetJson($"/api/appeals/{rejected.Str("appealId")}");
        Assert.Equal(["Receipt", "TownDecisionRejected"], DecisionToStart.Kinds(appeal));
        Assert.Contains("协商参与人数不足", appeal.GetProperty("messages").EnumerateArray().Last().Str("body"));
        await f.Town.PostJson(Url(projectId), Flow.Review(), HttpStatusCode.Conflict);
    }

    // R-MS-08: the detail says what the caller may do now, from the transition table and the caller's role.
    [Theory, BothDatabases]
    public async Task R_MS_08_allowed_actions_follow_the_state_and_the_callers_role(Db db)
    {
        var f = await Flow.StartAsync(db);
        var (_, projectId) = await DecisionToStart.NewProjectAsync(f);
        Assert.Equal(["RecordConsultation"], DecisionToStart.Allowed(await DecisionToStart.GetAsync(f, projectId)));
        Assert.Empty(DecisionToStart.Allowed(await DecisionToStart.GetAsync(f, projectId, f.Town)));

        await f.ConsultAsync(projectId, 12_000_000);
        // Before filing, the village may still consult again (e.g. after the town returned the project).
        Assert.Equal(["RecordConsultation", "FileRegistration"], DecisionToStart.Allowed(await DecisionToStart.GetAsync(f, projectId)));
        await f.RegisterAsync(projectId);
        Assert.Equal(["Review"], DecisionToStart.Allowed(await DecisionToStart.GetAsync(f, projectId, f.Town)));
        Assert.Empty(DecisionToStart.Allowed(await DecisionToStart.GetAsync(f, projectId)));
        Assert.Equal(["RecordDepartmentOpinion"], DecisionToStart.Allowed(await DecisionToStart.GetAsync(f, projectId, f.Finance)));
        var deputy = await f.Host.SignIn("dongcheng.deputy");
        Assert.Empty(DecisionToStart.Allowed(await DecisionToStart.GetAsync(f, projectId, deputy)));
    }

    // R-MS-08: a reviewer who saw an older version (a department opinion came in since) is told to reload.
    [Theory, BothDatabases]
    public async Task R_MS_08_a_review_of_a_stale_version_is_a_conflict(Db db)
    {
        var f = await Flow.StartAsync(db);
        var projectId = await DecisionToStart.InTownReviewAsync(f);
        await f.OpinionAsync(projectId);
        var seen = await DecisionToStart.GetAsync(f, projectId, f.Town);
        var version = seen.GetProperty("version").GetInt32();

        var stale = await f.Town.PostJson(Url(projectId), DecisionToStart.With(Flow.Review(), ("version", version - 1)), HttpStatusCode.Conflict);
        Assert.Equal("conflict", stale.Str("code"));
        var unchanged = await DecisionToStart.AssertUnchangedAsync(f, projectId, seen);
        Assert.Equal("TownReview", unchanged.Str("state"));

        var ok = await f.Town.PostJson(Url(projectId), DecisionToStart.With(Flow.Review(), ("version", version)), HttpStatusCode.OK);
        Assert.Equal("AwaitingPublicity", ok.Str("state"));
        Assert.Equal(version + 1, ok.GetProperty("version").GetInt32());
    }

    // R-MS-08: two reviewers at once — one decides, the other is told the project changed.
    [Theory, BothDatabases]
    public async Task R_MS_08_two_simultaneous_reviews_one_succeeds_one_conflicts(Db db)
    {
        var f = await Flow.StartAsync(db);
        var projectId = await DecisionToStart.InTownReviewAsync(f);
        await f.OpinionAsync(projectId);
        var other = await f.Host.SignIn("dongcheng.lead");

        var a = f.Town.PostAsJsonAsync(Url(projectId), Flow.Review(), TestHost.Json);
        var b = other.PostAsJsonAsync(Url(projectId), DecisionToStart.With(Flow.Review("Reject"), ("opinion", "不予立项")), TestHost.Json);
        var results = await Task.WhenAll(a, b);
        var codes = results.Select(r => r.StatusCode).OrderBy(c => c).ToArray();
        Assert.True(codes is [HttpStatusCode.OK, HttpStatusCode.Conflict],
            $"expected one 200 and one 409, got {string.Join(", ", codes)}: {string.Join(" | ", await Task.WhenAll(results.Select(r => r.Content.ReadAsStringAsync())))}");

        var winner = results.Single(r => r.StatusCode == HttpStatusCode.OK);
        var won = await winner.Json(HttpStatusCode.OK);
        var p = await DecisionToStart.GetAsync(f, projectId);
        Assert.Equal(won.Str("state"), p.Str("state"));
        Assert.Equal(won.GetProperty("version").GetInt32(), p.GetProperty("version").GetInt32());
        var appeal = await f.Village.GetJson($"/api/appeals/{p.Str("appealId")}");
        Assert.Equal(2, DecisionToStart.Kinds(appeal).Count);
    }
}
