using System.Net;
using System.Text.Json;
using Guanjia.Web.Tests.Infrastructure;

namespace Guanjia.Web.Tests.MicroProjects;

/// <summary>Whole journeys through the HTTP API only: what the people of 003 do, in order.</summary>
[Collection(ApiCollection.Name)]
public class WalkthroughTests
{
    private static List<string> Kinds(JsonElement appeal) =>
        appeal.GetProperty("messages").EnumerateArray().Select(m => m.Str("kind")).ToList();

    [Theory, BothDatabases]
    public async Task R_MS_16_a_12345_appeal_walks_to_a_closed_surveyed_project(Db db)
    {
        var f = await Flow.StartAsync(db);
        const long budget = 12_000_000; // 12万元: the town reviews it
        var phone = Flow.Phone();
        var order = await f.HotlineOrderAsync(phone: phone);
        var appealId = order.Str("id");
        Assert.Equal("Dispatched", order.Str("state"));
        Assert.Equal(f.VillageId, order.Str("villageId"));

        await f.AcknowledgeAsync(appealId);
        var projectId = await f.CommitteeAsync(appealId);
        await f.ConsultAsync(projectId, budget);
        var registered = await f.RegisterAsync(projectId);
        Assert.Equal("TownReview", registered.Str("state"));
        Assert.False(registered.GetProperty("isSmall").GetBoolean());

        await f.OpinionAsync(projectId);
        var reviewed = await f.ReviewAsync(projectId);
        Assert.Equal("AwaitingPublicity", reviewed.Str("state"));
        await f.PublishAsync(projectId);
        await f.AdvanceAsync(TimeSpan.FromDays(5));
        await f.StartAsync(projectId);
        var photo = await f.UploadAsync(projectId, "Photo", fileName: "progress.jpg", bytes: Flow.Jpeg);
        await f.Village.PostJson($"/api/micro-projects/{projectId}/progress", new { text = "已安装6盏", percentDone = 50, photoIds = new[] { photo } }, HttpStatusCode.OK);
        await f.AdvanceAsync(TimeSpan.FromDays(20));
        await f.CompleteAsync(projectId);
        var form = await f.CompletionAsync(projectId, budget);
        var filed = await f.Village.PostJson($"/api/micro-projects/{projectId}/completion", form, HttpStatusCode.OK);
        Assert.Equal("AwaitingSurvey", filed.Str("state"));
        await f.SurveyAsync(projectId, f.Town, 30);
        var closed = await f.Town.PostJson($"/api/micro-projects/{projectId}/survey/finish", new { }, HttpStatusCode.OK);

        Assert.Equal("Closed", closed.Str("state"));
        Assert.Equal(30, closed.GetProperty("survey").GetProperty("responses").GetInt32());
        // R-MS-19: what is left after closing is the town's final accounts and audit, published with the fund use and effect.
        Assert.Equal("Open", closed.GetProperty("deadlines").EnumerateArray().Single(d => d.Str("obligation") == "FinalAccounts").Str("status"));
        var report = await f.UploadAsync(projectId, "AuditReport", f.Town);
        var audited = await f.Town.PostJson($"/api/micro-projects/{projectId}/final-accounts", new
        {
            finalAccountsFen = budget - 150_000, auditBody = "东城街道审计办", auditResult = "资金使用合规，无违规问题", effect = "沿线800名居民夜间出行安全", auditReportId = report,
        }, HttpStatusCode.OK);
        Assert.All(audited.GetProperty("deadlines").EnumerateArray(), d => Assert.Equal("Met", d.Str("status")));
        var appeal = await f.Village.GetJson($"/api/appeals/{appealId}");
        Assert.Equal(["Receipt", "TownDecisionProgramme", "Result"], Kinds(appeal));

        // The appellant follows it all with the number and the phone's last four digits.
        var anon = f.Host.Anonymous();
        var track = await anon.GetJson($"/api/public/tracking?number={order.Str("trackingNumber")}&phoneLast4={phone[^4..]}");
        Assert.All(track.GetProperty("stages").EnumerateArray(), s => Assert.True(s.GetProperty("done").GetBoolean(), s.ToString()));
        Assert.Equal(3, track.GetProperty("messages").GetArrayLength());
        var notices = await anon.GetJson("/api/public/notices?pageSize=200");
        Assert.Contains(notices.GetProperty("items").EnumerateArray(), n => n.Str("subjectRef") == closed.Str("number") && n.Str("kind") == "ProjectResult");
        Assert.Contains(notices.GetProperty("items").EnumerateArray(), n => n.Str("subjectRef") == closed.Str("number") && n.Str("kind") == "ProjectAudit");
    }

    [Theory, BothDatabases]
    public async Task R_MS_07_a_small_project_takes_the_shortened_path_without_the_town(Db db)
    {
        var f = await Flow.StartAsync(db);
        const long budget = 3_000_000; // 3万元
        var appeal = await f.StaffAppealAsync();
        var appealId = appeal.Str("id");
        await f.AcknowledgeAsync(appealId);
        var projectId = await f.CommitteeAsync(appealId);
        await f.ConsultAsync(projectId, budget);
        var registered = await f.RegisterAsync(projectId);
        Assert.Equal("AwaitingPublicity", registered.Str("state"));
        Assert.True(registered.GetProperty("isSmall").GetBoolean());
        Assert.DoesNotContain(registered.GetProperty("deadlines").EnumerateArray(), d => d.Str("obligation") == "TownReview");

        // The town has no step here: no review, and the village publicises it itself.
        var review = await f.Town.PostJson($"/api/micro-projects/{projectId}/review", Flow.Review(), HttpStatusCode.Conflict);
        Assert.Equal("conflict", review.Str("code"));
        var published = await f.PublishAsync(projectId, f.Village);
        Assert.Equal(["VillageNoticeBoard"], published.GetProperty("publicityPlatforms").EnumerateArray().Select(x => x.GetString()!).ToArray());
        await f.AdvanceAsync(TimeSpan.FromDays(5));
        await f.StartAsync(projectId);
        await f.AdvanceAsync(TimeSpan.FromDays(10));
        await f.CompleteAsync(projectId);

        // The village runs the survey before it files the completion form, and that closes the project.
        var form = await f.CompletionAsync(projectId, budget);
        var early = await f.Village.PostJson($"/api/micro-projects/{projectId}/completion", form, HttpStatusCode.BadRequest);
        early.ShouldNameField("survey", "survey_minimum");
        await f.SurveyAsync(projectId, f.Village, 30);
        var closed = await f.Village.PostJson($"/api/micro-projects/{projectId}/completion", form, HttpStatusCode.OK);
        Assert.Equal("Closed", closed.Str("state"));
        // R-MS-16: no town confirmation, so the village's filing is the decision feedback: receipt, decision, result.
        Assert.Equal(["Receipt", "VillageDecisionProgramme", "Result"], Kinds(await f.Village.GetJson($"/api/appeals/{appealId}")));
    }
}
