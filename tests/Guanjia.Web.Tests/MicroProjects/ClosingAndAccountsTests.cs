using System.Net;
using System.Text.Json;
using Guanjia.Web.Tests.Claims;
using Guanjia.Web.Tests.Infrastructure;
using static Guanjia.Web.Tests.MicroProjects.ClosingPath;

namespace Guanjia.Web.Tests.MicroProjects;

/// <summary>Issue 12's project corrections: the result counted from closing, the village's decision feedback and policy check,
/// the commissioned evaluator, the questionnaire's 其他 row, the final accounts and where the money comes from.</summary>
[Collection(ApiCollection.Name)]
public class ClosingAndAccountsTests
{
    private static JsonElement Find(JsonElement detail, string obligation) =>
        detail.GetProperty("deadlines").EnumerateArray().Single(d => d.Str("obligation") == obligation);

    // R-MS-15: a town that surveys on time closes on time, however long after the works that is: the result's 5 working days start
    // at closing (办结), across the 2026 Spring Festival (02-14 a make-up Saturday, 02-15..02-23 holidays).
    [Theory, BothDatabases]
    public async Task R_MS_15_the_result_is_due_from_closing_not_from_the_end_of_the_works(Db db)
    {
        var f = await Flow.StartAsync(db);
        var saved = f.Now;
        try
        {
            await f.SetClockAsync(Local(2026, 1, 26));
            var p = await RegisteredAsync(f, Large);
            await PublishAsync(f, p);
            await f.SetClockAsync(Local(2026, 2, 2));
            await f.StartAsync(p.ProjectId);
            await f.SetClockAsync(Local(2026, 2, 6)); // Friday: the works finish
            await f.CompleteAsync(p.ProjectId);
            await f.SetClockAsync(Local(2026, 2, 13)); // 4 working days later: the completion form, on time
            var filed = await f.Village.PostJson($"/api/micro-projects/{p.ProjectId}/completion", await f.CompletionAsync(p.ProjectId, p.Budget), HttpStatusCode.OK);
            Assert.Equal(EndOfDay(2026, 2, 27), Due(Find(filed, "TownSurvey"))); // 02-14 (make-up), 24, 25, 26, 27

            // More than 5 working days after the works finish, the town is not told the result is overdue: it is not yet due.
            await f.SetClockAsync(Local(2026, 2, 26));
            await f.WarnAsync();
            var number = (await DetailAsync(f, p.ProjectId)).Str("number");
            Assert.DoesNotContain((await f.Town.GetJson("/api/notifications")).EnumerateArray(),
                n => n.Str("text").Contains(number, StringComparison.Ordinal) && n.Str("text").Contains("反馈办理结果", StringComparison.Ordinal));
            Assert.DoesNotContain((await DetailAsync(f, p.ProjectId)).GetProperty("deadlines").EnumerateArray(), d => d.Str("obligation") == "ResultFeedback");
            await f.SurveyAsync(p.ProjectId, f.Town, 30);
            var closed = await f.Town.PostJson($"/api/micro-projects/{p.ProjectId}/survey/finish", new { }, HttpStatusCode.OK);
            var result = Find(closed, "ResultFeedback");
            Assert.Equal("Met", result.Str("status"));
            Assert.Equal(f.Now, result.GetProperty("startsAt").GetDateTimeOffset());
            Assert.Equal(EndOfDay(2026, 3, 4), Due(result)); // 02-27, 02-28 (a make-up Saturday), 03-02, 03, 04 after the 02-26 closing
            Assert.Equal("Met", Find(closed, "TownSurvey").Str("status"));
        }
        finally
        {
            await f.SetClockAsync(saved);
        }
    }

    // R-IN-05, R-MS-16: a small project meets the policy check at the village's filing; what a policy resolves goes to its department,
    // and that referral is the proposer's decision feedback.
    [Theory, BothDatabases]
    public async Task R_IN_05_a_small_projects_filing_carries_the_villages_policy_check(Db db)
    {
        var f = await Flow.StartAsync(db);
        var appealId = (await AppealAsync(f)).Str("id");
        await f.AcknowledgeAsync(appealId);
        var projectId = await f.CommitteeAsync(appealId);
        await f.ConsultAsync(projectId, Small);
        var url = $"/api/micro-projects/{projectId}/registration";
        var body = JsonSerializer.SerializeToElement(Flow.Registration(), TestHost.Json);

        var noCheck = await f.Village.PostJson(url, body.Merge(JsonSerializer.SerializeToElement(new { policyCheck = (object?)null }, TestHost.Json)),
            HttpStatusCode.BadRequest);
        noCheck.ShouldNameField("policyCheck.resolvableByPolicy", "required");
        var noDepartment = await f.Village.PostJson(url, body.Merge(JsonSerializer.SerializeToElement(new { policyCheck = new { resolvableByPolicy = true } },
            TestHost.Json)), HttpStatusCode.BadRequest);
        noDepartment.ShouldNameField("policyCheck.policyDepartment", "required");
        Assert.Equal("Consulted", (await DetailAsync(f, projectId)).Str("state"));

        var referred = await f.Village.PostJson(url, body.Merge(JsonSerializer.SerializeToElement(new
        {
            policyCheck = new { resolvableByPolicy = true, policyDepartment = "东城街道城市管理和综合执法局", policyContact = "0769-22112233", note = "属市政路灯维护范围" },
        }, TestHost.Json)), HttpStatusCode.OK);
        Assert.Equal("PolicyReferred", referred.Str("state"));
        Assert.Equal("属市政路灯维护范围", referred.Str("policyCheckNote"));
        Assert.DoesNotContain(referred.GetProperty("deadlines").EnumerateArray(), d => d.Str("status") is "Open" or "DueSoon" or "Overdue");
        var appeal = await f.Village.GetJson($"/api/appeals/{appealId}");
        var decision = appeal.GetProperty("messages").EnumerateArray().Single(m => m.Str("kind") == "VillageDecisionPolicy");
        Assert.Contains("东城街道城市管理和综合执法局", decision.Str("body"), StringComparison.Ordinal);
        var referrals = await f.Town.GetJson("/api/policy-referrals?pageSize=200");
        Assert.Contains(referrals.GetProperty("items").EnumerateArray(), r => r.Str("subjectId") == projectId && r.Str("state") == "Referred");
    }

    // R-MS-18, R-MS-14: the town commissions a third-party evaluator, who sees and surveys that project only, with the 其他 row.
    [Theory, BothDatabases]
    public async Task R_MS_18_a_commissioned_evaluator_enters_the_survey_of_its_projects_and_sees_nothing_else(Db db)
    {
        var f = await Flow.StartAsync(db);
        var p = await CompletedAsync(f, Large);
        await f.Village.PostJson($"/api/micro-projects/{p.ProjectId}/completion", await f.CompletionAsync(p.ProjectId, p.Budget), HttpStatusCode.OK);
        var other = await CompletedAsync(f, Large);
        var evaluator = await f.Host.SignIn("evaluator.demo");
        var evaluatorOrg = (await evaluator.GetJson("/api/auth/me")).Str("organizationId");

        // Before a commission it sees nothing and may enter nothing.
        Assert.Empty((await evaluator.GetJson("/api/evaluations/projects")).EnumerateArray());
        await evaluator.PostJson($"/api/evaluations/projects/{p.ProjectId}/survey-responses", Flow.Answers(), HttpStatusCode.NotFound);
        await f.Village.PostJson($"/api/micro-projects/{p.ProjectId}/survey-commissions", new { evaluatorId = evaluatorOrg }, HttpStatusCode.Forbidden);
        var notEvaluator = await f.Town.PostJson($"/api/micro-projects/{p.ProjectId}/survey-commissions", new { evaluatorId = f.VillageId },
            HttpStatusCode.BadRequest);
        notEvaluator.ShouldNameField("evaluatorId", "not_an_evaluator");

        var commission = await f.Town.PostJson($"/api/micro-projects/{p.ProjectId}/survey-commissions",
            new { evaluatorId = evaluatorOrg, note = "委托开展公众满意度测评" }, HttpStatusCode.OK);
        var mine = Assert.Single((await evaluator.GetJson("/api/evaluations/projects")).EnumerateArray());
        Assert.Equal(p.ProjectId, mine.Str("projectId"));
        Assert.True(mine.GetProperty("surveyOpen").GetBoolean());

        var answers = JsonSerializer.SerializeToElement(Flow.Answers(), TestHost.Json)
            .Merge(JsonSerializer.SerializeToElement(new { other = "Satisfied", otherAspect = "施工期间交通疏导" }, TestHost.Json));
        var entered = await evaluator.PostJson($"/api/evaluations/projects/{p.ProjectId}/survey-responses", answers, HttpStatusCode.OK);
        Assert.Equal(1, entered.GetProperty("summary").GetProperty("responses").GetInt32());
        Assert.Equal([0, 1, 0, 0, 0], entered.GetProperty("summary").GetProperty("distribution").GetProperty("other").EnumerateArray().Select(x => x.GetInt32()));
        var badOther = JsonSerializer.SerializeToElement(Flow.Answers(), TestHost.Json)
            .Merge(JsonSerializer.SerializeToElement(new { otherAspect = "只写了事项" }, TestHost.Json));
        (await evaluator.PostJson($"/api/evaluations/projects/{p.ProjectId}/survey-responses", badOther, HttpStatusCode.BadRequest))
            .ShouldNameField("other", "required");

        // Nothing else of the town's: not the project itself, not the other project, not the lists.
        await evaluator.GetJson($"/api/micro-projects/{p.ProjectId}", HttpStatusCode.Forbidden);
        await evaluator.PostJson($"/api/evaluations/projects/{other.ProjectId}/survey-responses", Flow.Answers(), HttpStatusCode.NotFound);
        await evaluator.GetJson($"/api/evaluations/projects/{other.ProjectId}/survey", HttpStatusCode.NotFound);
        await evaluator.GetJson("/api/appeals", HttpStatusCode.Forbidden);

        var audit = await f.City.GetJson($"/api/audit?entityType=SurveyResponse&pageSize=200");
        Assert.Contains(audit.GetProperty("items").EnumerateArray(), a => a.Str("actorName") == "evaluator.demo" || a.Str("actorName").Contains("评估", StringComparison.Ordinal));

        // Withdrawn, the commission ends.
        await f.Town.PostJson($"/api/survey-commissions/{commission.Str("id")}/withdraw", new { }, HttpStatusCode.OK);
        Assert.Empty((await evaluator.GetJson("/api/evaluations/projects")).EnumerateArray());
        await evaluator.PostJson($"/api/evaluations/projects/{p.ProjectId}/survey-responses", Flow.Answers(), HttpStatusCode.NotFound);
    }

    // R-MS-19: the final accounts and audit of a closed project, with the audit report, published with the fund use and the effect.
    [Theory, BothDatabases]
    public async Task R_MS_19_the_final_accounts_and_audit_are_recorded_once_and_published(Db db)
    {
        var f = await Flow.StartAsync(db);
        var closed = await Documents.FormTests.ClosedSmallProjectAsync(f);
        var id = closed.ProjectId;
        var url = $"/api/micro-projects/{id}/final-accounts";
        var detail = await DetailAsync(f, id);
        Assert.Equal("Open", Find(detail, "FinalAccounts").Str("status"));
        Assert.Equal(await TownIdAsync(f), Find(detail, "FinalAccounts").Str("responsibleOrgId"));

        await f.Village.PostJson(url, new { finalAccountsFen = 1L }, HttpStatusCode.Forbidden);
        var empty = await f.Town.PostJson(url, new { }, HttpStatusCode.BadRequest);
        foreach (var field in new[] { "finalAccountsFen", "auditBody", "auditResult", "effect", "auditReportId" }) empty.ShouldNameField(field);
        // A closed project takes no photo any more; its outcome photo is not an audit report.
        var late = await f.Town.PostAsync($"/api/micro-projects/{id}/attachments", Upload("Photo"));
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        var photo = detail.GetProperty("attachments").EnumerateArray().First(a => a.Str("kind") == "Photo").Str("id");
        var report = await f.UploadAsync(id, "AuditReport", f.Town);
        var wrongKind = await f.Town.PostJson(url, new { finalAccountsFen = 2_800_000L, auditBody = "审计办", auditResult = "合规", effect = "居民满意", auditReportId = photo },
            HttpStatusCode.BadRequest);
        wrongKind.ShouldNameField("auditReportId", "unknown_attachment");
        Assert.Equal(JsonValueKind.Null, (await DetailAsync(f, id)).GetProperty("finalAccountsAt").ValueKind);

        var done = await f.Town.PostJson(url, new
        {
            finalAccountsFen = 2_820_000L, auditBody = "东城街道审计办（第三方：某会计师事务所）", auditResult = "资金使用合规，结余1.8万元按规定退回",
            effect = "小游园夜间照明改善，300名居民受益", auditReportId = report,
        }, HttpStatusCode.OK);
        Assert.Equal("Met", Find(done, "FinalAccounts").Str("status"));
        Assert.Equal(2_820_000, done.GetProperty("finalAccountsFen").GetInt64());
        // Once recorded, the step is no longer offered, and a second try changes nothing.
        Assert.DoesNotContain("RecordFinalAccounts", done.GetProperty("allowedActions").EnumerateArray().Select(x => x.GetString()));
        await f.Town.PostJson(url, new { finalAccountsFen = 1L, auditBody = "x", auditResult = "x", effect = "x", auditReportId = report }, HttpStatusCode.Conflict);
        Assert.Equal(2_820_000, (await DetailAsync(f, id)).GetProperty("finalAccountsFen").GetInt64());
        var notice = (await f.Host.Anonymous().GetJson("/api/public/notices?kind=ProjectAudit&pageSize=200")).GetProperty("items").EnumerateArray()
            .Single(n => n.Str("subjectRef") == done.Str("number"));
        Assert.Contains("资金使用合规", notice.ToString(), StringComparison.Ordinal);
        // After the audit, a closed project takes no more files.
        late = await f.Town.PostAsync($"/api/micro-projects/{id}/attachments", Upload("AuditReport"));
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
    }

    private static MultipartFormDataContent Upload(string kind)
    {
        var content = new MultipartFormDataContent { { new StringContent(kind), "kind" } };
        var file = new ByteArrayContent("%PDF-1.4\n% 审计报告\n"u8.ToArray());
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        content.Add(file, "file", "audit.pdf");
        return content;
    }
}
