using System.Net;
using System.Text.Json;
using Guanjia.Web.Tests.Infrastructure;
using static Guanjia.Web.Tests.MicroProjects.ClosingPath;

namespace Guanjia.Web.Tests.MicroProjects;

/// <summary>The satisfaction survey of attachment 3 (R-MS-14): who runs it, when, its seven aspects, its 30 respondents, its result.</summary>
[Collection(ApiCollection.Name)]
public class SurveyTests
{
    private static async Task<int> CountAsync(Flow f, string projectId) =>
        (await f.Village.GetJson($"/api/micro-projects/{projectId}/survey")).GetProperty("summary").GetProperty("responses").GetInt32();

    // R-MS-14
    [Theory, BothDatabases]
    public async Task R_MS_14_a_large_project_is_surveyed_by_the_town_after_the_completion_form(Db db)
    {
        var f = await Flow.StartAsync(db);
        var p = await CompletedAsync(f, Large);
        var url = $"/api/micro-projects/{p.ProjectId}/survey-responses";

        var village = await f.Village.PostJson(url, Flow.Answers(), HttpStatusCode.Forbidden);
        Assert.Equal(403, village.GetProperty("status").GetInt32());
        var early = await f.Town.PostJson(url, Flow.Answers(), HttpStatusCode.Conflict);
        Assert.Equal(409, early.GetProperty("status").GetInt32());
        Assert.Equal(0, await CountAsync(f, p.ProjectId));

        var filed = await f.Village.PostJson($"/api/micro-projects/{p.ProjectId}/completion", await f.CompletionAsync(p.ProjectId, p.Budget),
            HttpStatusCode.OK);
        Assert.Equal("AwaitingSurvey", filed.Str("state"));
        await f.Village.PostJson(url, Flow.Answers(), HttpStatusCode.Forbidden);
        await f.Town.PostJson(url, Flow.Answers(), HttpStatusCode.OK);
        Assert.Equal(1, await CountAsync(f, p.ProjectId));
    }

    // R-MS-14
    [Theory, BothDatabases]
    public async Task R_MS_14_a_small_project_is_surveyed_by_the_village_not_the_town(Db db)
    {
        var f = await Flow.StartAsync(db);
        var p = await ImplementingAsync(f, Small);
        var url = $"/api/micro-projects/{p.ProjectId}/survey-responses";
        Assert.True(p.Small);

        // Not while the work is still going on.
        await f.Village.PostJson(url, Flow.Answers(), HttpStatusCode.Conflict);
        await f.CompleteAsync(p.ProjectId);
        var town = await f.Town.PostJson(url, Flow.Answers(), HttpStatusCode.Forbidden);
        Assert.Equal(403, town.GetProperty("status").GetInt32());
        Assert.Equal(0, await CountAsync(f, p.ProjectId));

        var entered = await f.Village.PostJson(url, Flow.Answers(), HttpStatusCode.OK);
        Assert.Equal(1, entered.GetProperty("summary").GetProperty("responses").GetInt32());
        Assert.Equal("Completed", (await DetailAsync(f, p.ProjectId)).Str("state"));
    }

    // R-MS-14
    [Theory, BothDatabases]
    public async Task R_MS_14_every_one_of_the_seven_aspects_is_required(Db db)
    {
        var f = await Flow.StartAsync(db);
        var p = await CompletedAsync(f, Small);
        var url = $"/api/micro-projects/{p.ProjectId}/survey-responses";

        var empty = await f.Village.PostJson(url, new { suggestion = "无" }, HttpStatusCode.BadRequest);
        foreach (var aspect in new[] { "overall", "quality", "effect", "attitude", "efficiency", "closeness", "openness" })
            empty.ShouldNameField(aspect, "required");

        var one = await f.Village.PostJson(url, new
        {
            overall = "Satisfied", quality = "Satisfied", effect = "Satisfied", attitude = "Satisfied", efficiency = "Satisfied", closeness = "Satisfied",
        }, HttpStatusCode.BadRequest);
        one.ShouldNameField("openness", "required");
        Assert.Single(one.GetProperty("fieldErrors").EnumerateArray());
        Assert.Equal(0, await CountAsync(f, p.ProjectId));
    }

    // R-MS-14
    [Theory, BothDatabases]
    public async Task R_MS_14_fewer_than_30_respondents_cannot_finish_the_survey(Db db)
    {
        var f = await Flow.StartAsync(db);
        var p = await CompletedAsync(f, Large);
        await f.Village.PostJson($"/api/micro-projects/{p.ProjectId}/completion", await f.CompletionAsync(p.ProjectId, p.Budget), HttpStatusCode.OK);
        await f.SurveyAsync(p.ProjectId, f.Town, 29);
        var before = await DetailAsync(f, p.ProjectId);
        Assert.False(before.GetProperty("survey").GetProperty("minimumMet").GetBoolean());

        var problem = await f.Town.PostJson($"/api/micro-projects/{p.ProjectId}/survey/finish", new { }, HttpStatusCode.BadRequest);

        problem.ShouldNameField("survey", "survey_minimum");
        var after = await DetailAsync(f, p.ProjectId);
        Assert.Equal("AwaitingSurvey", after.Str("state"));
        Assert.Equal(Version(before), Version(after));
        Assert.Equal("Open", Deadline(after, "TownSurvey").Str("status"));

        await f.SurveyAsync(p.ProjectId, f.Town, 1);
        var closed = await f.Town.PostJson($"/api/micro-projects/{p.ProjectId}/survey/finish", new { }, HttpStatusCode.OK);
        Assert.Equal("Closed", closed.Str("state"));
        Assert.True(closed.GetProperty("survey").GetProperty("minimumMet").GetBoolean());
        Assert.Equal("Met", Deadline(closed, "TownSurvey").Str("status"));
    }

    // R-MS-14: filed on Friday 2026-09-18; Sunday 09-20 is a make-up working day: 09-20, 21, 22, 23, 24.
    [Theory, BothDatabases]
    public async Task R_MS_14_the_town_survey_is_due_five_working_days_after_the_completion_form(Db db)
    {
        var f = await Flow.StartAsync(db);
        var saved = f.Now;
        try
        {
            await f.SetClockAsync(Local(2026, 9, 7));
            var p = await ImplementingAsync(f, Large);
            await f.SetClockAsync(Local(2026, 9, 18, 15));
            await f.CompleteAsync(p.ProjectId);

            var filed = await f.Village.PostJson($"/api/micro-projects/{p.ProjectId}/completion", await f.CompletionAsync(p.ProjectId, p.Budget),
                HttpStatusCode.OK);

            var survey = Deadline(filed, "TownSurvey");
            Assert.Equal("R-MS-14", survey.Str("ruleId"));
            Assert.Equal(filed.Str("townId"), survey.Str("responsibleOrgId"));
            Assert.Equal(Local(2026, 9, 18, 15), survey.GetProperty("startsAt").GetDateTimeOffset());
            Assert.Equal(EndOfDay(2026, 9, 24), Due(survey));
        }
        finally
        {
            await f.SetClockAsync(saved);
        }
    }

    // R-MS-14
    [Theory, BothDatabases]
    public async Task R_MS_14_the_result_gives_count_distribution_rate_and_score(Db db)
    {
        var f = await Flow.StartAsync(db);
        var p = await CompletedAsync(f, Small);
        var url = $"/api/micro-projects/{p.ProjectId}/survey-responses";
        var levels = new (string Level, int Count)[]
        {
            ("VerySatisfied", 10), ("Satisfied", 10), ("FairlySatisfied", 5), ("Dissatisfied", 3), ("VeryDissatisfied", 2),
        };
        foreach (var (level, count) in levels)
            for (var i = 0; i < count; i++)
                await f.Village.PostJson(url, Answers(level), HttpStatusCode.OK);

        var summary = (await f.Town.GetJson($"/api/micro-projects/{p.ProjectId}/survey")).GetProperty("summary");

        Assert.Equal(30, summary.GetProperty("responses").GetInt32());
        Assert.True(summary.GetProperty("minimumMet").GetBoolean());
        Assert.Equal(30, summary.GetProperty("minimum").GetInt32());
        var distribution = summary.GetProperty("distribution");
        foreach (var aspect in new[] { "overall", "quality", "effect", "attitude", "efficiency", "closeness", "openness" })
            Assert.Equal([10, 10, 5, 3, 2], distribution.GetProperty(aspect).EnumerateArray().Select(x => x.GetInt32()).ToArray());
        // 25 of 30 at 基本满意 or better; score = mean of 100/75/50/25/0.
        Assert.Equal(83.3m, summary.GetProperty("satisfactionRate").GetDecimal());
        Assert.Equal(69.2m, summary.GetProperty("score").GetDecimal());
    }

    // R-MS-14
    [Theory, BothDatabases]
    public async Task R_MS_14_a_small_project_closes_only_with_its_30_responses(Db db)
    {
        var f = await Flow.StartAsync(db);
        var p = await CompletedAsync(f, Small);
        var form = await f.CompletionAsync(p.ProjectId, p.Budget);
        await f.SurveyAsync(p.ProjectId, f.Village, 29);

        var problem = await f.Village.PostJson($"/api/micro-projects/{p.ProjectId}/completion", form, HttpStatusCode.BadRequest);

        problem.ShouldNameField("survey", "survey_minimum");
        var after = await DetailAsync(f, p.ProjectId);
        Assert.Equal("Completed", after.Str("state"));
        Assert.Equal(JsonValueKind.Null, after.GetProperty("completionFiledAt").ValueKind);
        await f.SurveyAsync(p.ProjectId, f.Village, 1);
        Assert.Equal("Closed", (await f.Village.PostJson($"/api/micro-projects/{p.ProjectId}/completion", form, HttpStatusCode.OK)).Str("state"));
    }
}
