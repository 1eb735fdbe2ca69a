using System.Net;
using Guanjia.Web.Tests.Infrastructure;

namespace Guanjia.Web.Tests.MicroProjects;

/// <summary>Who proposes (R-IN-03) and who watches (R-MS-18).</summary>
[Collection(ApiCollection.Name)]
public class SupervisionTests
{
    private static async Task<string> ConsultedProjectAsync(Flow f)
    {
        var appeal = await f.StaffAppealAsync();
        await f.AcknowledgeAsync(appeal.Str("id"));
        var projectId = await f.CommitteeAsync(appeal.Str("id"));
        await f.ConsultAsync(projectId, 3_000_000);
        return projectId;
    }

    // R-IN-03: the registration form's seven source types, each stored and read back as filed, and nothing else accepted.
    [Theory, BothDatabases]
    public async Task R_IN_03_the_registration_records_each_of_the_seven_proposal_sources(Db db)
    {
        var f = await Flow.StartAsync(db);
        object Body(string source) => new
        {
            name = "长者座椅", subType = "PublicFacilities", source, location = "公园", contactName = "王", contactTitle = "干事", contactPhone = "0769-1",
            policyCheck = new { resolvableByPolicy = false, note = "无对应政策" },
        };
        var first = await ConsultedProjectAsync(f);
        var bad = await f.Village.PostJson($"/api/micro-projects/{first}/registration", Body("Petition"), HttpStatusCode.BadRequest);
        bad.ShouldNameField("source", "invalid_value"); // not one of the form's source types
        Assert.Equal("Consulted", (await f.Village.GetJson($"/api/micro-projects/{first}")).Str("state"));

        // 网络及热线征集; 村(社区)"两委"提议; 群众提议; "两代表一委员"提议; 驻点领导干部收集; 驻村企事业单位、社会组织提议; 其他.
        string[] sources = ["OnlineAndHotline", "VillageCommittees", "Residents", "Deputies", "StationedCadres", "UnitsAndOrganizations", "Other"];
        foreach (var source in sources)
        {
            var projectId = source == sources[0] ? first : await ConsultedProjectAsync(f);
            var filed = await f.Village.PostJson($"/api/micro-projects/{projectId}/registration", Body(source), HttpStatusCode.OK);
            Assert.Equal(source, filed.Str("source"));
            Assert.Equal(source, (await f.Town.GetJson($"/api/micro-projects/{projectId}")).Str("source"));
        }
    }

    // R-MS-18: deputies (两代表一委员) follow implementation throughout, read-only; the public sees the result and its rating.
    [Theory, BothDatabases]
    public async Task R_MS_18_deputies_follow_the_project_but_cannot_act_and_the_public_sees_the_rating(Db db)
    {
        var f = await Flow.StartAsync(db);
        var deputy = await f.Host.SignIn("dongcheng.deputy");
        var projectId = await ConsultedProjectAsync(f);
        await f.RegisterAsync(projectId);
        await f.PublishAsync(projectId, f.Village);
        await f.AdvanceAsync(TimeSpan.FromDays(5));
        deputy = await f.Host.SignIn("dongcheng.deputy");
        await f.StartAsync(projectId);
        var photo = await f.UploadAsync(projectId, "Photo", fileName: "p.jpg", bytes: Flow.Jpeg);
        await f.Village.PostJson($"/api/micro-projects/{projectId}/progress", new { text = "座椅已安装一半", percentDone = 50, photoIds = new[] { photo } }, HttpStatusCode.OK);

        var seen = await deputy.GetJson($"/api/micro-projects/{projectId}");
        Assert.Equal("座椅已安装一半", seen.GetProperty("progress")[0].Str("text"));
        Assert.Empty(seen.GetProperty("allowedActions").EnumerateArray());
        Assert.NotEmpty((await deputy.GetJson($"/api/micro-projects/{projectId}/timeline")).EnumerateArray());
        var refused = await deputy.PostJson($"/api/micro-projects/{projectId}/complete", new { }, HttpStatusCode.Forbidden);
        Assert.Equal("forbidden", refused.Str("code"));
        Assert.Equal("Implementation", (await f.Village.GetJson($"/api/micro-projects/{projectId}")).Str("state"));

        await f.CompleteAsync(projectId);
        var form = await f.CompletionAsync(projectId, 3_000_000);
        await f.SurveyAsync(projectId, f.Village, 30);
        var closed = await f.Village.PostJson($"/api/micro-projects/{projectId}/completion", form, HttpStatusCode.OK);
        var notices = await f.Host.Anonymous().GetJson("/api/public/notices?kind=ProjectResult&pageSize=200");
        var result = notices.GetProperty("items").EnumerateArray().Single(n => n.Str("subjectRef") == closed.Str("number")).GetProperty("body");
        Assert.Equal(30, result.GetProperty("surveyResponses").GetInt32());
        Assert.True(result.GetProperty("satisfactionRate").GetDecimal() > 90);
    }
}
