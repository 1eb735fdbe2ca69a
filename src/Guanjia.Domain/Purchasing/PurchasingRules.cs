using Guanjia.Domain.Calendar;
using Guanjia.Domain.Common;
using Guanjia.Domain.Jurisdictions;

namespace Guanjia.Domain.Purchasing;

/// <summary>A report a contract owes: its kind and period, when its window opens and when it is due.</summary>
public sealed record ScheduledReport(ReportKind Kind, string Period, DateTimeOffset Opens, DateTimeOffset Due);

/// <summary>
/// R-CA-12, R-PS-05: the reports a contract owes over its term. 001 and 004 say only 按时 / 定期; our reading (ADR 0041): a month's
/// brief is due on the configured working day of the next month, the mid-term report the configured working days after the
/// middle of the term, the final report the configured working days after its end, each at 23:59:59 Beijing time on the
/// jurisdiction's calendar.
/// </summary>
public static class ReportSchedule
{
    public static string MonthPeriod(DateOnly d) => $"{d.Year:D4}-{d.Month:D2}";

    public const string MidPeriod = "mid";
    public const string FinalPeriod = "final";

    public static DateOnly MidPoint(DateOnly termStart, DateOnly termEnd) => termStart.AddDays((termEnd.DayNumber - termStart.DayNumber) / 2);

    public static IReadOnlyList<ScheduledReport> For(DateOnly termStart, DateOnly termEnd, PurchasingRules rules, WorkingCalendar calendar)
    {
        var list = new List<ScheduledReport>();
        for (var month = new DateOnly(termStart.Year, termStart.Month, 1); month <= termEnd; month = month.AddMonths(1))
        {
            var next = month.AddMonths(1);
            var due = calendar.AddWorkingDays(next.AddDays(-1), rules.MonthlyBriefWorkingDay);
            list.Add(new ScheduledReport(ReportKind.MonthlyBrief, MonthPeriod(month), ChinaTime.StartOfDay(next), ChinaTime.EndOfDay(due)));
        }
        var mid = MidPoint(termStart, termEnd);
        list.Add(new ScheduledReport(ReportKind.MidTermReport, MidPeriod, ChinaTime.StartOfDay(mid),
            ChinaTime.EndOfDay(calendar.AddWorkingDays(mid, rules.MidTermReportWorkingDays))));
        list.Add(new ScheduledReport(ReportKind.FinalReport, FinalPeriod, ChinaTime.StartOfDay(termEnd),
            ChinaTime.EndOfDay(calendar.AddWorkingDays(termEnd, rules.FinalReportWorkingDays))));
        return list;
    }

    /// <summary>When the contractor is warned: the lead time before the due time, never before the window opens.</summary>
    public static DateTimeOffset WarnAt(ScheduledReport r, PurchasingRules rules)
    {
        var lead = r.Due.AddHours(-rules.ReportWarningLeadHours);
        return lead < r.Opens ? r.Opens : lead;
    }
}

/// <summary>
/// R-PS-06: an evaluation's indicator set is sound when its weights add up to 100% and real effect and beneficiaries'
/// satisfaction each weigh at least the jurisdiction's minimum; the total is the weighted sum of the scores (out of 100).
/// </summary>
public static class EvaluationRules
{
    public static void CheckIndicators(Check c, IReadOnlyList<EvaluationIndicator>? indicators, PurchasingRules rules, string field = "indicators")
    {
        if (indicators is null || indicators.Count == 0)
        {
            c.Add(field, "required", "请列出评估指标及其权重", "List the indicators and their weights (R-PS-06)");
            return;
        }
        for (var i = 0; i < indicators.Count; i++)
        {
            var x = indicators[i];
            var f = $"{field}[{i}]";
            c.Required($"{f}.name", x.Name, "指标名称", "Indicator name").MaxLength($"{f}.name", x.Name, 100, "指标名称", "Indicator name")
                .When(x.Category is null || !Enum.IsDefined(x.Category.Value), $"{f}.category", "required",
                    "请选择指标类别（实际效果、服务对象满意度、过程管理、资金管理、其他）", "category must be Effect, Satisfaction, Process, Finance or Other")
                .When(x.WeightPercent is null or < 1 or > 100, $"{f}.weightPercent", "out_of_range", "权重须为1到100之间的整数（%）",
                    "weightPercent must be a whole number from 1 to 100")
                .MaxLength($"{f}.criteria", x.Criteria, 500, "评分标准", "Criteria");
        }
        if (indicators.Any(x => x.WeightPercent is null or < 1 or > 100 || x.Category is null)) return;
        var total = indicators.Sum(x => x.WeightPercent!.Value);
        var effect = indicators.Where(x => x.Category == IndicatorCategory.Effect).Sum(x => x.WeightPercent!.Value);
        var satisfaction = indicators.Where(x => x.Category == IndicatorCategory.Satisfaction).Sum(x => x.WeightPercent!.Value);
        c.When(total != 100, field, "weights_not_100", $"各项指标权重之和须为100%，现为{total}%（R-PS-06）",
                $"The weights must add up to 100%; they add up to {total}% (R-PS-06)")
            .When(effect < rules.EffectMinimumWeightPercent, field, "effect_below_minimum",
                $"实际效果类指标的权重合计{effect}%，低于规定的{rules.EffectMinimumWeightPercent}%（R-PS-06：尤其要注重对活动的实际效果进行评估）",
                $"Real-effect indicators weigh {effect}%, less than the minimum {rules.EffectMinimumWeightPercent}% (R-PS-06)")
            .When(satisfaction < rules.SatisfactionMinimumWeightPercent, field, "satisfaction_below_minimum",
                $"服务对象满意度类指标的权重合计{satisfaction}%，低于规定的{rules.SatisfactionMinimumWeightPercent}%（R-PS-06：把服务对象满意度作为重要指导）",
                $"Satisfaction indicators weigh {satisfaction}%, less than the minimum {rules.SatisfactionMinimumWeightPercent}% (R-PS-06)");
    }

    /// <summary>Each indicator scored 0–100 (two decimals at most).</summary>
    public static void CheckScores(Check c, IReadOnlyList<EvaluationIndicator> indicators, string field = "indicators")
    {
        for (var i = 0; i < indicators.Count; i++)
        {
            var s = indicators[i].Score;
            c.When(s is null or < 0 or > 100 || (s is { } v && decimal.Round(v, 2) != v), $"{field}[{i}].score", "out_of_range",
                    "得分须在0到100之间（最多两位小数）", "score must be between 0 and 100 with at most two decimals")
                .MaxLength($"{field}[{i}].comment", indicators[i].Comment, 500, "评语", "Comment");
        }
    }

    /// <summary>
    /// R-PS-06 (ADR 0036): when the indicator set has beneficiaries'-satisfaction indicators, their scores are the beneficiaries' survey's
    /// score (the mean on 0–100, one decimal) and the survey needs its minimum of responses. A satisfaction score left empty takes the
    /// survey's; one that differs, or a respondent count or rate that differs from the survey's, is refused. Answers the indicators to save.
    /// </summary>
    public static List<EvaluationIndicator> FromSurvey(Check c, IReadOnlyList<EvaluationIndicator> indicators, Surveys.SurveyReport survey, int? respondents,
        decimal? percent, string field = "indicators")
    {
        var list = indicators.ToList();
        if (!HasSatisfaction(list)) return list;
        if (!survey.MinimumMet)
        {
            c.Add("survey", "survey_below_minimum",
                $"服务对象满意度测评仅有{survey.Responses}份答卷，不足{survey.Minimum}份，满意度指标无从得分（R-PS-06）",
                $"The beneficiaries' survey has {survey.Responses} of the {survey.Minimum} responses it needs to score the satisfaction indicators (R-PS-06)");
            return list;
        }
        for (var i = 0; i < list.Count; i++)
        {
            var x = list[i];
            if (x.Category != IndicatorCategory.Satisfaction) continue;
            if (x.Score is null) list[i] = x with { Score = survey.Score };
            else if (x.Score != survey.Score)
                c.Add($"{field}[{i}].score", "contradicts_survey",
                    $"满意度指标得分须为服务对象满意度测评的得分{survey.Score:0.#}，不能填{x.Score:0.##}（R-PS-06）",
                    $"A satisfaction indicator scores the survey's {survey.Score:0.#}, not {x.Score:0.##} (R-PS-06)");
        }
        c.When(respondents is not null && respondents != survey.Responses, "surveyRespondents", "contradicts_survey",
                $"受访人数以测评答卷为准：{survey.Responses}份", $"The respondents are the survey's {survey.Responses}")
            .When(percent is not null && percent != survey.SatisfactionRate, "surveySatisfactionPercent", "contradicts_survey",
                $"满意率以测评结果为准：{survey.SatisfactionRate:0.#}%", $"The satisfaction rate is the survey's {survey.SatisfactionRate:0.#}%");
        return list;
    }

    /// <summary>Whether the set has an indicator of beneficiaries' satisfaction (and so needs the survey, R-PS-06).</summary>
    public static bool HasSatisfaction(IEnumerable<EvaluationIndicator> indicators) => indicators.Any(x => x.Category == IndicatorCategory.Satisfaction);

    /// <summary>Σ weight × score / 100, rounded to two decimals.</summary>
    public static decimal Total(IReadOnlyList<EvaluationIndicator> indicators) =>
        decimal.Round(indicators.Sum(x => (x.WeightPercent ?? 0) * (x.Score ?? 0)) / 100m, 2, MidpointRounding.AwayFromZero);

    public static Grade GradeOf(decimal total, PurchasingRules rules) =>
        total >= rules.ExcellentFrom ? Grade.Excellent : total >= rules.GoodFrom ? Grade.Good : total >= rules.PassFrom ? Grade.Pass : Grade.Fail;
}

/// <summary>R-PS-04: what a workstation needs at the jurisdiction's ratio (1 worker per 1.5 communities in 004).</summary>
public static class Staffing
{
    public static int WorkersNeeded(int communities, decimal communitiesPerWorker) =>
        communities <= 0 ? 0 : (int)Math.Ceiling(communities / communitiesPerWorker);
}
