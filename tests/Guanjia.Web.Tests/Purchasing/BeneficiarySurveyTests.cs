using System.Net;
using System.Text.Json;
using Guanjia.Web.Tests.Infrastructure;

namespace Guanjia.Web.Tests.Purchasing;

/// <summary>
/// R-PS-06 (issue 14 §7, ADR 0036): the beneficiaries' satisfaction survey of a contract's third-party evaluation is the product's own
/// survey (R-MS-14's seven aspects on five levels, the same response rows and checks), its subject the contract; its score is the
/// satisfaction indicators' score, so the evaluation is neither scored without the survey's minimum nor accepted against it.
/// </summary>
[Collection(ApiCollection.Name)]
public class BeneficiarySurveyTests
{
    private static object[] Indicators(decimal? satisfaction) => new object[]
    {
        new { name = "困境老人建档与走访", category = "Effect", weightPercent = 40, score = (decimal?)90m },
        new { name = "服务对象满意度", category = "Satisfaction", weightPercent = 30, score = satisfaction },
        new { name = "台账与报告按时", category = "Process", weightPercent = 30, score = (decimal?)70.5m },
    };

    private static object Score(decimal? satisfaction, int? respondents = null, decimal? percent = null) => new
    {
        indicators = Indicators(satisfaction), surveyRespondents = respondents, surveySatisfactionPercent = percent, summary = "总体完成合同约定的服务内容",
    };

    [Theory, BothDatabases]
    public async Task R_PS_06_the_satisfaction_indicator_scores_the_beneficiaries_survey_and_cannot_contradict_it(Db db)
    {
        var k = await PurchasingKit.StartAsync(db);
        var (contract, _, contractor) = await k.SignedAsync();
        var evaluation = await k.Bureau.PostJson($"/api/purchasing/contracts/{contract.Str("id")}/evaluations", new
        {
            evaluatorId = k.EvaluatorId, indicators = Indicators(null), dueOn = k.Today.AddDays(30).ToString("yyyy-MM-dd"),
        }, HttpStatusCode.Created);
        var eid = evaluation.Str("id");
        var url = $"/api/purchasing/evaluations/{eid}";

        // The survey opens with the evaluation: none yet of the jurisdiction's 30, asked in the service's words.
        var survey = await k.Bureau.GetJson($"{url}/survey");
        Assert.True(survey.GetProperty("open").GetBoolean());
        Assert.True(survey.GetProperty("hasSatisfactionIndicator").GetBoolean());
        Assert.Equal(0, survey.GetProperty("report").GetProperty("responses").GetInt32());
        Assert.Equal(30, survey.GetProperty("report").GetProperty("minimum").GetInt32());
        Assert.Equal("服务总体评价", survey.GetProperty("report").GetProperty("aspects")[0].Str("zh"));
        Assert.Equal(JsonValueKind.Null, survey.GetProperty("satisfactionScore").ValueKind);

        // Only the commissioned evaluator enters questionnaires (the independent third party); a questionnaire missing an aspect saves nothing.
        await k.Bureau.PostJson($"{url}/survey/responses", PurchasingKit.Questionnaire("Satisfied"), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.NotFound, (await contractor.GetAsync($"{url}/survey")).StatusCode);
        (await k.Evaluator.PostJson($"{url}/survey/responses", new { quality = "Satisfied" }, HttpStatusCode.BadRequest)).ShouldNameField("overall", "required");
        Assert.Equal(0, (await k.Bureau.GetJson($"{url}/survey")).GetProperty("report").GetProperty("responses").GetInt32());

        // Scoring before the survey has its minimum is refused, and the evaluation stays as it was.
        await k.SurveyAsync(eid, ("VerySatisfied", 6), ("Satisfied", 23));
        var early = await k.Evaluator.PostJson($"{url}/scores", Score(80m), HttpStatusCode.BadRequest);
        early.ShouldNameField("survey", "survey_below_minimum");
        Assert.Contains("R-PS-06", early.GetProperty("fieldErrors")[0].Str("zh"), StringComparison.Ordinal);
        var unchanged = await k.Bureau.GetJson(url);
        Assert.Equal("Commissioned", unchanged.Str("state"));
        Assert.Equal(JsonValueKind.Null, unchanged.GetProperty("totalScore").ValueKind);

        // The 30th questionnaire: 6 非常满意 and 24 满意 give the score 80 and the rate 100%.
        survey = await k.SurveyAsync(eid, ("Satisfied", 1));
        Assert.True(survey.GetProperty("report").GetProperty("minimumMet").GetBoolean());
        Assert.Equal(80m, survey.GetProperty("satisfactionScore").GetDecimal());

        // A satisfaction score, a respondent count or a rate the survey does not give is refused; nothing is saved.
        (await k.Evaluator.PostJson($"{url}/scores", Score(95m), HttpStatusCode.BadRequest)).ShouldNameField("indicators[1].score", "contradicts_survey");
        (await k.Evaluator.PostJson($"{url}/scores", Score(null, respondents: 120), HttpStatusCode.BadRequest))
            .ShouldNameField("surveyRespondents", "contradicts_survey");
        (await k.Evaluator.PostJson($"{url}/scores", Score(null, percent: 92.5m), HttpStatusCode.BadRequest))
            .ShouldNameField("surveySatisfactionPercent", "contradicts_survey");
        Assert.Equal("Commissioned", (await k.Bureau.GetJson(url)).Str("state"));

        // Left empty, the satisfaction score is the survey's; the count and rate are the survey's.
        var scored = await k.Evaluator.PostJson($"{url}/scores", Score(null), HttpStatusCode.OK);
        Assert.Equal(80m, scored.GetProperty("indicators")[1].GetProperty("score").GetDecimal());
        Assert.Equal(30, scored.GetProperty("surveyRespondents").GetInt32());
        Assert.Equal(100m, scored.GetProperty("surveySatisfactionPercent").GetDecimal());
        Assert.Equal(81.15m, scored.GetProperty("totalScore").GetDecimal());

        // A questionnaire entered after the scoring changes the survey: the bureau cannot accept a score it contradicts.
        await k.SurveyAsync(eid, ("Dissatisfied", 1));
        (await k.Bureau.PostJson($"{url}/accept", new { note = "同意" }, HttpStatusCode.BadRequest)).ShouldNameField("survey", "contradicts_survey");
        Assert.Equal("Scored", (await k.Bureau.GetJson(url)).Str("state"));

        // Scored again, (6×100 + 24×75 + 25) / 31 = 78.2; then accepted, and the survey is closed.
        scored = await k.Evaluator.PostJson($"{url}/scores", Score(null), HttpStatusCode.OK);
        Assert.Equal(78.2m, scored.GetProperty("indicators")[1].GetProperty("score").GetDecimal());
        Assert.Equal(31, scored.GetProperty("surveyRespondents").GetInt32());
        await k.Bureau.PostJson($"{url}/accept", new { note = "同意" }, HttpStatusCode.OK);
        Assert.False((await k.Bureau.GetJson($"{url}/survey")).GetProperty("open").GetBoolean());
        await k.Evaluator.PostJson($"{url}/survey/responses", PurchasingKit.Questionnaire("Satisfied"), HttpStatusCode.Conflict);
        Assert.Equal(31, (await k.Bureau.GetJson($"{url}/survey")).GetProperty("report").GetProperty("responses").GetInt32());
    }
}
