using System.Net;
using Guanjia.Web.Tests.Infrastructure;

namespace Guanjia.Web.Tests.PolicyCatalogue;

/// <summary>R-IN-05: the current livelihood policy list, the check against it, and referrals to departments.</summary>
[Collection(ApiCollection.Name)]
public class PolicyCatalogueTests
{
    private static async Task<System.Text.Json.JsonElement> NewPolicyAsync(Flow f, string? keywords = null) =>
        await f.City.PostJson("/api/policies", new
        {
            name = Http.Unique("政策"), department = "东城街道社会事务局", contact = "0769-22000000", covers = "测试用政策",
            keywords = keywords ?? Http.Unique("词"), reason = "新增",
        }, HttpStatusCode.Created);

    // R-IN-05
    [Theory, BothDatabases]
    public async Task R_IN_05_the_city_keeps_the_policy_list_and_everyone_else_reads_it(Db db)
    {
        var f = await Flow.StartAsync(db);
        var empty = await f.City.PostJson("/api/policies", new { }, HttpStatusCode.BadRequest);
        foreach (var field in new[] { "name", "department", "contact", "covers", "keywords" }) empty.ShouldNameField(field, "required");
        var policy = await NewPolicyAsync(f);
        var dup = await f.City.PostJson("/api/policies", new
        {
            name = policy.Str("name"), department = "x", contact = "x", covers = "x", keywords = "x",
        }, HttpStatusCode.BadRequest);
        dup.ShouldNameField("name", "duplicate");
        await f.Village.PostJson("/api/policies", new { name = "x", department = "x", contact = "x", covers = "x", keywords = "x" }, HttpStatusCode.Forbidden);

        var found = await f.Village.GetJson($"/api/policies?q={Uri.EscapeDataString(policy.Str("name"))}");
        Assert.Equal(1, found.GetProperty("total").GetInt32());
        var id = policy.Str("id");
        var noReason = await f.City.PutJson($"/api/policies/{id}", new
        {
            name = policy.Str("name"), department = "东城街道民政办", contact = "0769-1", covers = "x", keywords = "x", version = 0,
        }, HttpStatusCode.BadRequest);
        noReason.ShouldNameField("reason", "required");
        var updated = await f.City.PutJson($"/api/policies/{id}", new
        {
            name = policy.Str("name"), department = "东城街道民政办", contact = "0769-1", covers = "x", keywords = "x", isActive = false, version = 0,
            reason = "机构调整",
        }, HttpStatusCode.OK);
        Assert.Equal("东城街道民政办", updated.Str("department"));
        await f.City.PutJson($"/api/policies/{id}", new
        {
            name = policy.Str("name"), department = "y", contact = "y", covers = "y", keywords = "y", version = 0, reason = "过期版本",
        }, HttpStatusCode.Conflict);
        Assert.Equal(0, (await f.Village.GetJson($"/api/policies?q={Uri.EscapeDataString(policy.Str("name"))}")).GetProperty("total").GetInt32());
    }

    // R-IN-05: before an item is funded, it is checked against the list.
    [Theory, BothDatabases]
    public async Task R_IN_05_an_appeal_is_matched_against_the_policies_by_their_keywords(Db db)
    {
        var f = await Flow.StartAsync(db);
        var (a, b) = (Http.Unique("甲"), Http.Unique("乙"));
        var policy = await NewPolicyAsync(f, $"{a},{b},残疾");
        var appeal = await f.Village.PostJson("/api/appeals", new
        {
            channel = "HomeVisit", title = $"残疾老人需要{a}", description = $"家中残疾老人行动不便，{b}", villageId = f.VillageId, appellantPhone = Flow.Phone(),
        }, HttpStatusCode.Created);
        var matches = await f.Village.GetJson($"/api/appeals/{appeal.Str("id")}/policy-matches");
        var first = matches[0];
        Assert.Equal(policy.Str("id"), first.GetProperty("policy").Str("id"));
        Assert.Equal(3, first.GetProperty("score").GetInt32());
        // The demo list's disability allowance matches on 残疾 alone and ranks below.
        Assert.Contains(matches.EnumerateArray().Skip(1), m => m.GetProperty("policy").Str("name").Contains("残疾", StringComparison.Ordinal));
        await (await f.Host.SignIn("changan.village")).GetJson($"/api/appeals/{appeal.Str("id")}/policy-matches", HttpStatusCode.NotFound);
    }

    // R-IN-05, R-IN-06, R-PL-06: a referral is tracked to the department's result (the department handles it under its policy), which is fed back to the proposer.
    [Theory, BothDatabases]
    public async Task R_IN_06_a_referral_names_the_policy_and_the_departments_result_is_fed_back(Db db)
    {
        var f = await Flow.StartAsync(db);
        var policy = await NewPolicyAsync(f);
        var appeal = await f.StaffAppealAsync();
        await f.AcknowledgeAsync(appeal.Str("id"));
        var decided = await f.Village.PostJson($"/api/appeals/{appeal.Str("id")}/committee-decision", new
        {
            meetingAt = f.Now, outcome = "PolicyReferral", policyId = policy.Str("id"), note = "可由现行政策解决",
        }, HttpStatusCode.OK);
        Assert.Equal("东城街道社会事务局", decided.GetProperty("appeal").Str("policyDepartment"));
        var list = await f.Town.GetJson("/api/policy-referrals?state=Referred&pageSize=200");
        var referral = list.GetProperty("items").EnumerateArray().Single(r => r.Str("appealId") == appeal.Str("id"));
        Assert.Equal(policy.Str("name"), referral.Str("policyName"));
        var id = referral.Str("id");

        await (await f.Host.SignIn("changan.lead")).GetJson($"/api/policy-referrals/{id}", HttpStatusCode.NotFound);
        await f.Village.PostJson($"/api/policy-referrals/{id}/result", new { resolved = true, result = "x" }, HttpStatusCode.Forbidden);
        var noResult = await f.Finance.PostJson($"/api/policy-referrals/{id}/result", new { resolved = true }, HttpStatusCode.BadRequest);
        noResult.ShouldNameField("result", "required");
        await f.Finance.PostJson($"/api/policy-referrals/{id}/accept", new { handler = "李科员" }, HttpStatusCode.OK);
        var done = await f.Finance.PostJson($"/api/policy-referrals/{id}/result", new { resolved = true, result = "已纳入低保，按月发放" }, HttpStatusCode.OK);
        Assert.Equal("Resolved", done.Str("state"));
        await f.Finance.PostJson($"/api/policy-referrals/{id}/result", new { resolved = false, result = "again" }, HttpStatusCode.Conflict);

        var messages = (await f.Village.GetJson($"/api/appeals/{appeal.Str("id")}")).GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal(["Receipt", "CommitteePolicyReferral", "PolicyResult"], messages.Select(m => m.Str("kind")));
        Assert.Contains("已纳入低保", messages[^1].Str("body"));
    }

    // R-IN-05, R-MS-09: the town's policy decision makes a referral too; an unknown policy is refused.
    [Theory, BothDatabases]
    public async Task R_MS_09_the_towns_policy_decision_is_tracked_as_a_referral(Db db)
    {
        var f = await Flow.StartAsync(db);
        var policy = await NewPolicyAsync(f);
        var appeal = await f.StaffAppealAsync();
        await f.AcknowledgeAsync(appeal.Str("id"));
        var projectId = await f.CommitteeAsync(appeal.Str("id"));
        await f.ConsultAsync(projectId, 12_000_000);
        await f.RegisterAsync(projectId);
        await f.OpinionAsync(projectId, signedOff: true);
        var review = new
        {
            consultationCompliant = true, budgetReasonable = true, routeFeasible = true, resolvableByPolicy = true, decision = "PolicyReferral",
            opinion = "可由现行政策解决", policyId = Guid.NewGuid(), funding = "FinanceBudget",
        };
        var unknown = await f.Town.PostJson($"/api/micro-projects/{projectId}/review", review, HttpStatusCode.BadRequest);
        unknown.ShouldNameField("policyId", "unknown_policy");
        var referred = await f.Town.PostJson($"/api/micro-projects/{projectId}/review", review with { policyId = Guid.Parse(policy.Str("id")) }, HttpStatusCode.OK);
        Assert.Equal("PolicyReferred", referred.Str("state"));
        Assert.Equal("0769-22000000", referred.Str("policyContact"));
        var list = await f.Town.GetJson("/api/policy-referrals?pageSize=200");
        var referral = list.GetProperty("items").EnumerateArray().Single(r => r.Str("subjectId") == projectId);
        Assert.Equal("MicroProject", referral.Str("subjectType"));
        Assert.Equal(referred.Str("number"), referral.Str("subjectRef"));
    }
}
