using Guanjia.App.MicroProjects;
using Guanjia.App.Persistence;
using Guanjia.Domain.Accounts;
using Guanjia.Domain.Common;
using Guanjia.Domain.MicroProjects;
using Guanjia.Domain.Purchasing;
using Guanjia.Domain.Surveys;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Purchasing;

/// <summary>A contract's beneficiaries' survey as the evaluation sees it: open while the evaluation can be scored, the result, and the
/// score the satisfaction indicators take from it once the minimum is met (R-PS-06, ADR 0036).</summary>
public sealed record BeneficiarySurveyView(Guid EvaluationId, Guid ContractId, bool Open, bool HasSatisfactionIndicator, SurveyReport Report,
    decimal? SatisfactionScore, IReadOnlyList<string> Suggestions);

/// <summary>
/// R-PS-06 (004 九 把服务对象满意度作为重要指导; issue 14 §7; ADR 0036): the third-party evaluator surveys the contract's beneficiaries with
/// the product's own satisfaction questionnaire (R-MS-14's seven aspects on five levels, the same <see cref="SurveyResponse"/> rows and
/// the same checks as a project's paper responses), its subject the contract instead of a project. The survey's score becomes the
/// satisfaction indicators' score when the evaluator scores (<see cref="EvaluationRules.FromSurvey"/>).
/// </summary>
public static class BeneficiarySurvey
{
    public static async Task<BeneficiarySurveyView> GetAsync(GuanjiaDb db, PurchasingServices s, Guid evaluationId, CancellationToken ct)
    {
        var e = await db.ThirdPartyEvaluations.AsNoTracking().SingleOrDefaultAsync(x => x.Id == evaluationId, ct)
            ?? throw new NotFound("ThirdPartyEvaluation", "评估不存在或不在您的管辖范围内", "The evaluation does not exist or is outside your scope");
        var rules = (await s.Rules.GetAsync(db, e.RulesVersion, ct)).Purchasing;
        var responses = await ResponsesAsync(db, e.ContractId, ct);
        var report = SurveyReport.From(responses, rules.SurveyMinimumRespondents).ForService();
        var suggestions = responses.Where(r => !string.IsNullOrWhiteSpace(r.Suggestion)).Select(r => Masking.FreeText(r.Suggestion)!).ToList();
        var has = EvaluationRules.HasSatisfaction(PurchasingSteps.ReadList<EvaluationIndicator>(e.IndicatorsJson));
        return new BeneficiarySurveyView(e.Id, e.ContractId, PurchasingWorkflows.Evaluation.Allows(e, "Score"), has, report,
            report.MinimumMet ? report.Score : null, suggestions);
    }

    /// <summary>One paper questionnaire entered by the commissioned evaluator, while the evaluation is not yet accepted.</summary>
    public static async Task<BeneficiarySurveyView> RecordAsync(GuanjiaDb db, PurchasingServices s, Guid evaluationId, RecordSurveyResponse.Request r,
        CancellationToken ct)
    {
        PurchasingSteps.Require(db, Permissions.PurchasingEvaluate, "只有受委托的第三方评估机构可以录入满意度测评答卷",
            "Only the commissioned evaluator enters the beneficiaries' survey");
        var e = await db.ThirdPartyEvaluations.AsNoTracking().SingleOrDefaultAsync(x => x.Id == evaluationId, ct)
            ?? throw new NotFound("ThirdPartyEvaluation", "评估任务不存在或不是委托给您的", "The evaluation does not exist or is not yours");
        if (!PurchasingWorkflows.Evaluation.Allows(e, "Score"))
            throw new Conflict("评估结果已被民政局确认，满意度测评已结束", "The bureau has accepted the evaluation; its survey is closed");
        var c = RecordSurveyResponse.Aspects(new Check(), r.Overall, r.Quality, r.Effect, r.Attitude, r.Efficiency, r.Closeness, r.Openness);
        RecordSurveyResponse.OtherRow(c, r.Other, r.OtherAspect);
        c.MaxLength("suggestion", r.Suggestion, 2000, "意见建议", "Suggestion").MaxLength("signature", r.Signature, 50, "签名", "Signature").ThrowIfFailed();
        db.SurveyResponses.Add(new SurveyResponse
        {
            Id = Guid.CreateVersion7(), ContractId = e.ContractId, ScopePath = e.ScopePath, Overall = r.Overall!.Value, Quality = r.Quality!.Value,
            Effect = r.Effect!.Value, Attitude = r.Attitude!.Value, Efficiency = r.Efficiency!.Value, Closeness = r.Closeness!.Value,
            Openness = r.Openness!.Value, Other = r.Other, OtherAspect = r.Other is null ? null : r.OtherAspect?.Trim(),
            Suggestion = r.Suggestion?.Trim(), Signature = r.Signature?.Trim(), Online = false, At = s.Clock.GetUtcNow(), EnteredById = db.Actor.Id,
        });
        await db.Audit("RecordBeneficiarySurveyResponse").SaveChangesAsync(ct);
        return await GetAsync(db, s, evaluationId, ct);
    }

    /// <summary>The contract's survey result against the jurisdiction's minimum (the evaluation's rule set).</summary>
    internal static async Task<SurveyReport> ReportAsync(GuanjiaDb db, Guid contractId, int minimum, CancellationToken ct) =>
        SurveyReport.From(await ResponsesAsync(db, contractId, ct), minimum);

    // The evaluation was found in the caller's scope; its responses carry the evaluator's path, which the bureau's scope holds too.
    private static async Task<List<SurveyResponse>> ResponsesAsync(GuanjiaDb db, Guid contractId, CancellationToken ct) =>
        await db.SurveyResponses.IgnoreQueryFilters().AsNoTracking().Where(x => x.ContractId == contractId).OrderBy(x => x.At).ToListAsync(ct);
}
