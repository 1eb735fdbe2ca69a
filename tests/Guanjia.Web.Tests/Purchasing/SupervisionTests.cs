using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Guanjia.Web.Tests.Infrastructure;

namespace Guanjia.Web.Tests.Purchasing;

/// <summary>
/// R-PS-05, R-PS-06: inspections by civil affairs, finance and audit; the independent evaluation with its weights; findings tracked to
/// rectification; a penalty under a clause against the next instalment; instalments accepted in order, the last after all of it.
/// </summary>
[Collection(ApiCollection.Name)]
public class SupervisionTests
{
    private static object[] Indicators(int effect, int satisfaction, int process, decimal? score = null) => new object[]
    {
        new { name = "困境老人建档与走访", category = "Effect", weightPercent = effect, score },
        new { name = "服务对象满意度", category = "Satisfaction", weightPercent = satisfaction, score },
        new { name = "台账与报告按时", category = "Process", weightPercent = process, score },
    };

    private static JsonElement Instalment(JsonElement contract, int seq) => contract.GetProperty("instalments").EnumerateArray().Single(i => i.GetProperty("seq").GetInt32() == seq);

    [Theory, BothDatabases]
    public async Task R_PS_05_R_PS_06_inspection_evaluation_rectification_and_penalty_lead_to_the_final_acceptance(Db db)
    {
        var k = await PurchasingKit.StartAsync(db);
        const long amount = 1_000_000_00;
        var (contract, cid, contractor) = await k.SignedAsync(amount);
        var id = contract.Str("id");
        var url = $"/api/purchasing/contracts/{id}";
        string Today(int plus = 0) => k.Today.AddDays(plus).ToString("yyyy-MM-dd");

        // The first instalment is accepted at signing; the second waits for the mid-term report.
        var first = await k.Bureau.PostJson($"{url}/instalments/{Instalment(contract, 1).Str("id")}/accept", new { note = "合同已签订" }, HttpStatusCode.OK);
        Assert.True(first.GetProperty("payable").GetBoolean());
        Assert.Equal(400_000_00, first.GetProperty("amountDueFen").GetInt64());
        (await k.Bureau.PostJson($"{url}/instalments/{Instalment(contract, 2).Str("id")}/accept", new { }, HttpStatusCode.BadRequest))
            .ShouldNameField("instalmentId", "mid_term_not_accepted");

        // R-PS-05: a finance inspection with a finding; the finding is a rectification owed by the contractor.
        var inspection = await k.Bureau.PostJson($"{url}/inspections", new
        {
            body = "Finance", inspectedOn = Today(), inspectors = "区财政局 王检查", summary = "抽查资金专项核算",
            findings = new[] { new { description = "部分支出凭证未附活动签到表", dueOn = Today(10) } },
        }, HttpStatusCode.Created);
        Assert.Equal(1, inspection.GetProperty("findingCount").GetInt32());
        (await k.Bureau.PostJson($"{url}/inspections", new { body = "Police", inspectedOn = Today(), summary = "x" }, HttpStatusCode.BadRequest)).ShouldNameField("body");
        var rects = await contractor.GetJson($"/api/purchasing/rectifications?contractId={id}");
        var fromInspection = Assert.Single(rects.EnumerateArray());
        Assert.Equal("Open", fromInspection.Str("state"));

        // R-PS-06: the evaluation's weights add up to 100% and give effect and satisfaction their minimum; a wrong set saves nothing.
        var bad = await k.Bureau.PostJson($"{url}/evaluations", new { evaluatorId = k.EvaluatorId, indicators = Indicators(40, 30, 20) }, HttpStatusCode.BadRequest);
        bad.ShouldNameField("indicators", "weights_not_100");
        Assert.Contains("R-PS-06", bad.GetProperty("fieldErrors")[0].Str("zh"), StringComparison.Ordinal);
        (await k.Bureau.PostJson($"{url}/evaluations", new { evaluatorId = k.EvaluatorId, indicators = Indicators(20, 30, 50) }, HttpStatusCode.BadRequest))
            .ShouldNameField("indicators", "effect_below_minimum");
        (await k.Bureau.PostJson($"{url}/evaluations", new { evaluatorId = k.EvaluatorId, indicators = Indicators(50, 10, 40) }, HttpStatusCode.BadRequest))
            .ShouldNameField("indicators", "satisfaction_below_minimum");
        Assert.DoesNotContain((await k.Bureau.GetJson($"/api/purchasing/evaluations?contractorId={cid}")).EnumerateArray(), e => e.Str("contractId") == id);
        var evaluation = await k.Bureau.PostJson($"{url}/evaluations", new { evaluatorId = k.EvaluatorId, indicators = Indicators(40, 30, 30), dueOn = Today(30) },
            HttpStatusCode.Created);
        var eid = evaluation.Str("id");

        // The evaluator sees what it was commissioned for, with the contract's facts; the contractor does not see the evaluation.
        Assert.Contains((await k.Evaluator.GetJson("/api/purchasing/evaluations")).EnumerateArray(), e => e.Str("id") == eid);
        Assert.Equal(contract.Str("number"), (await k.Evaluator.GetJson($"/api/purchasing/evaluations/{eid}")).Str("contractNumber"));
        Assert.Equal(HttpStatusCode.NotFound, (await contractor.GetAsync($"/api/purchasing/evaluations/{eid}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await k.Evaluator.GetAsync(url)).StatusCode);
        (await k.Evaluator.PostJson($"/api/purchasing/evaluations/{eid}/scores", new { indicators = Indicators(40, 30, 30, 101), summary = "x" },
            HttpStatusCode.BadRequest)).ShouldNameField("indicators[0].score", "out_of_range");
        // The beneficiaries' survey gives the satisfaction score (ADR 0036): 6 very satisfied and 24 satisfied answer 80.
        await k.SurveyAsync(eid, ("VerySatisfied", 6), ("Satisfied", 24));
        var scored = await k.Evaluator.PostJson($"/api/purchasing/evaluations/{eid}/scores", new
        {
            indicators = new object[]
            {
                new { name = "困境老人建档与走访", category = "Effect", weightPercent = 40, score = 90m },
                new { name = "服务对象满意度", category = "Satisfaction", weightPercent = 30, score = 80m },
                new { name = "台账与报告按时", category = "Process", weightPercent = 30, score = 70.5m },
            },
            surveyRespondents = 30, surveySatisfactionPercent = 100m, summary = "总体完成合同约定的服务内容",
            findings = new[] { new { description = "青少年服务档案不完整", dueOn = Today(15), penaltyClause = "第十一条" } },
        }, HttpStatusCode.OK);
        Assert.Equal(81.15m, scored.GetProperty("totalScore").GetDecimal());
        Assert.Equal("Good", scored.Str("grade"));
        Assert.Equal("良好", scored.Str("gradeZh"));
        // The bureau accepts it: the finding becomes a rectification.
        await k.Bureau.PostJson($"/api/purchasing/evaluations/{eid}/accept", new { note = "同意评估结论" }, HttpStatusCode.OK);
        rects = await contractor.GetJson($"/api/purchasing/rectifications?contractId={id}");
        Assert.Equal(2, rects.GetArrayLength());

        // R-PS-06: a penalty under a clause, within its maximum, against the next instalment not yet paid in full.
        (await k.Bureau.PostJson($"{url}/penalties", new { clauseCode = "第九十九条", amountFen = 1_000_00L, reason = "x" }, HttpStatusCode.BadRequest))
            .ShouldNameField("clauseCode", "unknown_clause");
        (await k.Bureau.PostJson($"{url}/penalties", new { clauseCode = "第十条", amountFen = 6_000_00L, reason = "逾期报送" }, HttpStatusCode.BadRequest))
            .ShouldNameField("amountFen", "over_clause_maximum");
        (await k.Bureau.PostJson($"{url}/penalties", new { clauseCode = "第十一条", amountFen = 400_000_01L, reason = "整改不到位" }, HttpStatusCode.BadRequest))
            .ShouldNameField("amountFen", "exceeds_next_instalment");
        var penalty = await k.Bureau.PostJson($"{url}/penalties", new
        {
            clauseCode = "第十一条", amountFen = 3_000_00L, reason = "青少年服务档案不完整", rectificationId = rects[1].Str("id"),
        }, HttpStatusCode.Created);
        Assert.Equal(Instalment(contract, 1).Str("id"), penalty.Str("instalmentId"));
        var payable = await k.Bureau.GetJson($"/api/purchasing/instalments?contractId={id}&payableOnly=true");
        Assert.Equal(400_000_00 - 3_000_00, Assert.Single(payable.EnumerateArray()).GetProperty("amountDueFen").GetInt64());
        Assert.Equal(3_000_00, (await k.Bureau.GetJson($"/api/purchasing/contractors/{cid}")).GetProperty("penaltyTotalFen").GetInt64());

        // The reports of the middle and the end, acknowledged; the second instalment is accepted in its turn.
        foreach (var kind in new[] { "MidTermReport", "FinalReport" })
        {
            var filed = await contractor.PostJson($"{url}/reports", new { kind, summary = PurchasingKit.Summary, attachmentId = await k.UploadAsync(contractor, id) },
                HttpStatusCode.OK);
            await k.Bureau.PostJson($"/api/purchasing/reports/{filed.Str("id")}/acknowledge", new { note = "已阅" }, HttpStatusCode.OK);
        }
        // The last instalment before the second is refused; then the second.
        (await k.Bureau.PostJson($"{url}/instalments/{Instalment(contract, 3).Str("id")}/accept", new { }, HttpStatusCode.BadRequest))
            .ShouldNameField("instalmentId", "earlier_pending");
        await k.Bureau.PostJson($"{url}/instalments/{Instalment(contract, 2).Str("id")}/accept", new { note = "中期验收合格" }, HttpStatusCode.OK);
        // Open rectifications stop the final acceptance.
        (await k.Bureau.PostJson($"{url}/instalments/{Instalment(contract, 3).Str("id")}/accept", new { }, HttpStatusCode.BadRequest))
            .ShouldNameField("instalmentId", "rectifications_open");

        // The contractor puts both right with evidence; the bureau sends one back once, then closes both.
        var evidence = await k.UploadAsync(contractor, id, "RectificationEvidence");
        foreach (var r in rects.EnumerateArray())
            await contractor.PostJson($"/api/purchasing/rectifications/{r.Str("id")}/evidence", new { text = "已补齐材料", attachmentIds = new[] { evidence } },
                HttpStatusCode.OK);
        (await k.Bureau.PostJson($"/api/purchasing/rectifications/{rects[0].Str("id")}/review", new { accepted = false }, HttpStatusCode.BadRequest))
            .ShouldNameField("note", "required");
        var back = await k.Bureau.PostJson($"/api/purchasing/rectifications/{rects[0].Str("id")}/review",
            new { accepted = false, note = "签到表仍缺两场", newDueOn = Today(5) }, HttpStatusCode.OK);
        Assert.Equal("Open", back.Str("state"));
        await contractor.PostJson($"/api/purchasing/rectifications/{rects[0].Str("id")}/evidence", new { text = "已补齐全部签到表", attachmentIds = new[] { evidence } },
            HttpStatusCode.OK);
        foreach (var r in rects.EnumerateArray())
            Assert.Equal("Closed", (await k.Bureau.PostJson($"/api/purchasing/rectifications/{r.Str("id")}/review", new { accepted = true, note = "销号" }, HttpStatusCode.OK))
                .Str("state"));

        var last = await k.Bureau.PostJson($"{url}/instalments/{Instalment(contract, 3).Str("id")}/accept", new { note = "末期验收合格" }, HttpStatusCode.OK);
        Assert.True(last.GetProperty("payable").GetBoolean());
        var done = await k.Bureau.GetJson(url);
        Assert.Equal("Completed", done.Str("state"));
        Assert.Equal(amount - 3_000_00, done.GetProperty("instalments").EnumerateArray().Sum(i => i.GetProperty("amountDueFen").GetInt64()));
        Assert.Equal("Good", done.GetProperty("evaluation").Str("grade"));
        // The street sees none of this contract.
        Assert.Equal(HttpStatusCode.NotFound, (await k.Street.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await contractor.PostAsJsonAsync($"{url}/penalties", new { clauseCode = "第十条", amountFen = 100L, reason = "x" })).StatusCode);
    }
}
