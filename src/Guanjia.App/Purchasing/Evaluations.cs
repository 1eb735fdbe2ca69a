using Guanjia.App.Persistence;
using Guanjia.Domain.Accounts;
using Guanjia.Domain.Common;
using Guanjia.Domain.Organizations;
using Guanjia.Domain.Purchasing;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Purchasing;

/// <summary>
/// R-PS-06 (004 九): the bureau commissions an independent third-party evaluation of a contract on an indicator set with weights
/// that add up to 100%, real effect and beneficiaries' satisfaction each weighing at least the jurisdiction's minimum; the evaluator
/// scores every indicator (and may refine the set under the same checks) and its findings; the satisfaction indicators score the
/// beneficiaries' survey it ran (<see cref="BeneficiarySurvey"/>, ADR 0036); the total is the weighted sum and gives the grade. When the bureau accepts the evaluation, each finding becomes a rectification.
/// </summary>
public static class Evaluations
{
    public sealed record Commission(Guid? EvaluatorId, IReadOnlyList<EvaluationIndicator>? Indicators, string? DueOn);

    public sealed record Score(IReadOnlyList<EvaluationIndicator>? Indicators, int? SurveyRespondents, decimal? SurveySatisfactionPercent, string? Summary,
        IReadOnlyList<Finding>? Findings, int? Version);

    public sealed record Accept(string? Note, int? Version);

    public static async Task<EvaluationView> CommissionAsync(GuanjiaDb db, PurchasingServices s, Guid contractId, Commission r, CancellationToken ct)
    {
        PurchasingSteps.RequireManage(db);
        var contract = await PurchasingSteps.ContractAsync(db, contractId, ct, tracking: false);
        var (version, rules) = await s.Rules.RequireAsync(db, contract.ScopePath, ct);
        var evaluator = r.EvaluatorId is { } eid
            ? await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == eid && o.Kind == OrganizationKind.Evaluator && o.IsActive, ct) : null;
        var c = new Check().When(evaluator is null, "evaluatorId", "not_an_evaluator", "请选择本管辖区登记的第三方评估机构（R-PS-06）",
            "Choose a registered third-party evaluator of your jurisdiction (R-PS-06)");
        var indicators = r.Indicators ?? [];
        EvaluationRules.CheckIndicators(c, indicators, rules.Purchasing);
        var due = PurchasingSteps.Date(c, "dueOn", r.DueOn, "评估完成期限", "dueOn", required: false);
        c.When(due is { } d && d < PurchasingSteps.Today(s.Clock), "dueOn", "in_past", "评估完成期限不能早于今天", "dueOn cannot be in the past");
        if (await db.ThirdPartyEvaluations.IgnoreQueryFilters().AnyAsync(e => e.ContractId == contract.Id, ct))
            throw new Conflict("该合同已委托第三方评估", "The contract's evaluation is already commissioned");
        c.ThrowIfFailed();
        var e = new ThirdPartyEvaluation
        {
            Id = Guid.CreateVersion7(), ContractId = contract.Id, ContractorId = contract.ContractorId, EvaluatorId = evaluator!.Id, ScopePath = evaluator.Path,
            IndicatorsJson = PurchasingSteps.Write(indicators.Select(x => x with { Name = x.Name!.Trim(), Score = null, Comment = null }).ToList()),
            DueOn = due, CommissionedAt = s.Clock.GetUtcNow(), RulesVersion = version,
        };
        db.ThirdPartyEvaluations.Add(e);
        await s.Workflow.FireAsync(db, PurchasingWorkflows.Evaluation, e, "Commission", null, s.Workflow.At(), ct);
        await db.Audit("CommissionEvaluation").SaveChangesAsync(ct);
        return await PurchasingQueries.EvaluationAsync(db, e.Id, ct);
    }

    public static async Task<EvaluationView> ScoreAsync(GuanjiaDb db, PurchasingServices s, Guid id, Score r, CancellationToken ct)
    {
        PurchasingSteps.Require(db, Permissions.PurchasingEvaluate, "只有受委托的第三方评估机构可以评分", "Only the commissioned evaluator scores");
        var e = await db.ThirdPartyEvaluations.SingleOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFound("ThirdPartyEvaluation", "评估任务不存在或不是委托给您的", "The evaluation does not exist or is not yours");
        if (!PurchasingWorkflows.Evaluation.Allows(e, "Score")) throw new Conflict("评估结果已被民政局确认，不能再修改", "The bureau has accepted the evaluation");
        if (r.Version is { } v && v != e.Version) throw new Conflict("评估已被他人修改，请刷新后重试", "The evaluation was changed by someone else; reload and retry");
        var rules = (await s.Rules.GetAsync(db, e.RulesVersion, ct)).Purchasing;
        var c = new Check();
        EvaluationRules.CheckIndicators(c, r.Indicators ?? [], rules);
        // ADR 0036: the satisfaction indicators score the beneficiaries' survey; the set is checked first, so its categories are known.
        var survey = await BeneficiarySurvey.ReportAsync(db, e.ContractId, rules.SurveyMinimumRespondents, ct);
        var fromSurvey = c.Ok && EvaluationRules.HasSatisfaction(r.Indicators ?? []);
        var indicators = fromSurvey ? EvaluationRules.FromSurvey(c, r.Indicators!, survey, r.SurveyRespondents, r.SurveySatisfactionPercent) : r.Indicators ?? [];
        EvaluationRules.CheckScores(c, indicators);
        c.When(r.SurveyRespondents is < 0, "surveyRespondents", "out_of_range", "受访人数不能为负", "must not be negative")
            .When(r.SurveySatisfactionPercent is < 0 or > 100, "surveySatisfactionPercent", "out_of_range", "满意率须在0到100之间", "must be between 0 and 100")
            .When(!fromSurvey && r.SurveySatisfactionPercent is not null && r.SurveyRespondents is null or 0, "surveyRespondents", "required",
                "请填写服务对象满意度测评的受访人数", "How many beneficiaries answered the survey")
            .Required("summary", r.Summary, "评估结论", "Summary").MaxLength("summary", r.Summary, 4000, "评估结论", "Summary");
        RecordInspection.CheckFindings(c, r.Findings ?? [], PurchasingSteps.Today(s.Clock));
        c.ThrowIfFailed();
        var total = EvaluationRules.Total(indicators);
        e.IndicatorsJson = PurchasingSteps.Write(indicators.Select(x => x with { Name = x.Name!.Trim() }).ToList());
        e.TotalScore = total;
        e.Grade = EvaluationRules.GradeOf(total, rules);
        e.SurveyRespondents = fromSurvey ? survey.Responses : r.SurveyRespondents;
        e.SurveySatisfactionPercent = fromSurvey ? survey.SatisfactionRate : r.SurveySatisfactionPercent;
        e.Summary = r.Summary!.Trim();
        e.FindingsJson = PurchasingSteps.Write((r.Findings ?? []).ToList());
        await s.Workflow.FireAsync(db, PurchasingWorkflows.Evaluation, e, "Score", null, s.Workflow.At(), ct);
        e.ScoredAt = s.Clock.GetUtcNow();
        await db.Audit("ScoreEvaluation").SaveChangesAsync(ct);
        return await PurchasingQueries.EvaluationAsync(db, e.Id, ct);
    }

    public static async Task<EvaluationView> AcceptAsync(GuanjiaDb db, PurchasingServices s, Guid id, Accept r, CancellationToken ct)
    {
        PurchasingSteps.RequireManage(db);
        var e = await db.ThirdPartyEvaluations.SingleOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFound("ThirdPartyEvaluation", "评估不存在或不在您的管辖范围内", "The evaluation does not exist or is outside your scope");
        if (r.Version is { } v && v != e.Version) throw new Conflict("评估已被他人修改，请刷新后重试", "The evaluation was changed by someone else; reload and retry");
        if (!PurchasingWorkflows.Evaluation.Allows(e, "Accept"))
            throw new Conflict(e.State == EvaluationState.Accepted ? "评估结果已确认" : "评估机构尚未评分", e.State == EvaluationState.Accepted
                ? "The evaluation is already accepted" : "The evaluator has not scored yet");
        var c = new Check().MaxLength("note", r.Note, 500, "确认意见", "Note");
        // ADR 0036: answers entered after the scoring would leave a satisfaction score the survey no longer gives; the evaluator scores again.
        var scored = PurchasingSteps.ReadList<EvaluationIndicator>(e.IndicatorsJson);
        if (EvaluationRules.HasSatisfaction(scored))
        {
            var rules = (await s.Rules.GetAsync(db, e.RulesVersion, ct)).Purchasing;
            var survey = await BeneficiarySurvey.ReportAsync(db, e.ContractId, rules.SurveyMinimumRespondents, ct);
            c.When(!survey.MinimumMet || e.SurveyRespondents != survey.Responses
                    || scored.Any(x => x.Category == IndicatorCategory.Satisfaction && x.Score != survey.Score), "survey", "contradicts_survey",
                $"满意度指标得分与服务对象满意度测评结果（{survey.Responses}份答卷，得分{survey.Score:0.#}）不一致，请评估机构重新评分后再确认（R-PS-06）",
                $"The satisfaction scores differ from the beneficiaries' survey ({survey.Responses} responses, score {survey.Score:0.#}); the evaluator scores again first (R-PS-06)");
        }
        c.ThrowIfFailed();
        var contract = await PurchasingSteps.ContractAsync(db, e.ContractId, ct, tracking: false);
        foreach (var f in PurchasingSteps.ReadList<Finding>(e.FindingsJson))
            await RecordInspection.RectifyAsync(db, s, contract, FindingSource.Evaluation, e.Id, f with { DueOn = f.DueOn < PurchasingSteps.Today(s.Clock)
                ? PurchasingSteps.Today(s.Clock) : f.DueOn }, ct);
        await s.Workflow.FireAsync(db, PurchasingWorkflows.Evaluation, e, "Accept", null, s.Workflow.At(reason: r.Note), ct);
        e.AcceptedAt = s.Clock.GetUtcNow();
        await db.Audit("AcceptEvaluation", r.Note).SaveChangesAsync(ct);
        return await PurchasingQueries.EvaluationAsync(db, e.Id, ct);
    }
}
