using System.Net;
using Guanjia.Web.Tests.Claims;
using Guanjia.Web.Tests.Infrastructure;
using static Guanjia.Web.Tests.MicroProjects.ClosingPath;

namespace Guanjia.Web.Tests.MicroProjects;

/// <summary>The questionnaire answered on the portal (R-MS-14): only while the survey is open, once per verified phone.</summary>
[Collection(ApiCollection.Name)]
public class OnlineSurveyTests
{
    private static object Answers(string phone, string code, string level = "Satisfied") => new
    {
        overall = level, quality = level, effect = level, attitude = level, efficiency = level, closeness = level, openness = level,
        suggestion = "路灯很好，联系我13912345678", phone, code,
    };

    // R-MS-14
    [Theory, BothDatabases]
    public async Task R_MS_14_a_resident_answers_online_once_per_verified_phone_and_it_counts(Db db)
    {
        var f = await Flow.StartAsync(db);
        var p = await CompletedAsync(f, Small);
        var number = (await DetailAsync(f, p.ProjectId)).Str("number");
        var anon = f.Host.Anonymous();
        var survey = await anon.GetJson($"/api/public/surveys/{number}");
        Assert.True(survey.GetProperty("open").GetBoolean());
        Assert.Equal(30, survey.GetProperty("minimum").GetInt32());

        var phone = Flow.Phone();
        var code = await ClaimFlow.CodeAsync(f, anon, phone, "Survey");
        var url = $"/api/public/surveys/{number}/responses";
        (await anon.PostJson(url, new { phone, code }, HttpStatusCode.BadRequest)).ShouldNameField("overall", "required");
        // A code for claims does not answer a survey.
        var claimPhone = Flow.Phone();
        var claimCode = await ClaimFlow.CodeAsync(f, anon, claimPhone, "Claim");
        (await anon.PostJson(url, Answers(claimPhone, claimCode), HttpStatusCode.BadRequest)).ShouldNameField("code", "expired");

        var thanks = await anon.PostJson(url, Answers(phone, code), HttpStatusCode.Created);
        Assert.Equal(1, thanks.GetProperty("responses").GetInt32());
        await f.AdvanceAsync(TimeSpan.FromMinutes(2));
        var again = await ClaimFlow.CodeAsync(f, anon, phone, "Survey");
        // R-PL-07: without the right code nobody learns whether a phone has answered; a wrong code is only a wrong code.
        var probe = again == "000000" ? "111111" : "000000";
        (await anon.PostJson(url, Answers(phone, probe), HttpStatusCode.BadRequest)).ShouldNameField("code");
        await anon.PostJson(url, Answers(phone, again, "VeryDissatisfied"), HttpStatusCode.Conflict);

        var staff = await f.Village.GetJson($"/api/micro-projects/{p.ProjectId}/survey");
        Assert.Equal(1, staff.GetProperty("summary").GetProperty("responses").GetInt32());
        // The village's 29 paper answers and the one online make the 30 that close it.
        await f.SurveyAsync(p.ProjectId, f.Village, 29);
        var form = await f.CompletionAsync(p.ProjectId, p.Budget);
        Assert.Equal("Closed", (await f.Village.PostJson($"/api/micro-projects/{p.ProjectId}/completion", form, HttpStatusCode.OK)).Str("state"));
        Assert.False((await anon.GetJson($"/api/public/surveys/{number}")).GetProperty("open").GetBoolean());
        var late = Flow.Phone();
        await anon.PostJson(url, Answers(late, await ClaimFlow.CodeAsync(f, anon, late, "Survey")), HttpStatusCode.Conflict);
    }
}
