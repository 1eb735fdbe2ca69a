using System;
using System.Collections.Generic;
using System.Linq;
using Guanjia.Domain.Calendar;
using Guanjia.Domain.Common;
using Guanjia.Domain.Jurisdictions;
using Guanjia.Domain.Purchasing;
using Xunit;

namespace Guanjia.Domain.Tests.Purchasing;

/// <summary>The rules of 004 and of 001's reports that need no database: credit codes, the report schedule, evaluation weights, staffing.</summary>
public class PurchasingRulesTests
{
    private static readonly WorkingCalendar Official = OfficialCalendar.Create();

    [Theory]
    [InlineData("914403001922038216")] // 华为技术有限公司 (a published code)
    [InlineData("91440300708461136T")] // 深圳市腾讯计算机系统有限公司 (a published code)
    [InlineData("52340102MJ50010018")] // invented for the demo, with its check character computed
    [InlineData("52340102mj5001002b")] // lower case and spaces are normalised
    public void R_PS_01_a_unified_social_credit_code_with_its_GB_32100_check_character_is_valid(string code) => Assert.True(CreditCode.IsValid(code));

    [Theory]
    [InlineData("914403001922038217", "check_character")]
    [InlineData("52340102MJ50010019", "check_character")]
    [InlineData("91440300708461136", "invalid_length")]
    [InlineData("9144030070846113OT", "invalid_character")] // O is not used
    [InlineData("", "invalid_length")]
    public void R_PS_01_a_wrong_code_is_refused_with_the_reason(string code, string reason) => Assert.Equal(reason, CreditCode.Problem(code)?.Code);

    [Fact]
    public void R_PS_01_the_check_character_is_the_one_GB_32100_computes() => Assert.Equal('8', CreditCode.CheckCharacter("52340102MJ5001001"));

    private static ScheduledReport Brief(IReadOnlyList<ScheduledReport> s, string month) => s.Single(r => r.Kind == ReportKind.MonthlyBrief && r.Period == month);

    [Fact]
    public void R_CA_12_a_months_brief_is_due_on_the_fifth_working_day_of_the_next_month_across_holidays_and_quarter_ends()
    {
        var rules = new PurchasingRules();
        var s = ReportSchedule.For(new DateOnly(2025, 12, 1), new DateOnly(2026, 12, 31), rules, Official);
        // December's brief: 1–3 January are 元旦, Sunday 4 January is a make-up working day.
        Assert.Equal(ChinaTime.EndOfDay(new DateOnly(2026, 1, 8)), Brief(s, "2025-12").Due);
        // The first quarter's last brief: 4–6 April are 清明.
        Assert.Equal(ChinaTime.EndOfDay(new DateOnly(2026, 4, 8)), Brief(s, "2026-03").Due);
        // The third quarter's last brief: 1–7 October are 国庆, Saturday 10 October is a make-up working day.
        Assert.Equal(ChinaTime.EndOfDay(new DateOnly(2026, 10, 13)), Brief(s, "2026-09").Due);
        // The window opens when the month ends; the warning comes three days before the due time, not before the window.
        Assert.Equal(ChinaTime.StartOfDay(new DateOnly(2026, 10, 1)), Brief(s, "2026-09").Opens);
        Assert.Equal(ChinaTime.EndOfDay(new DateOnly(2026, 10, 13)).AddHours(-72), ReportSchedule.WarnAt(Brief(s, "2026-09"), rules));
        Assert.Equal(13, s.Count(r => r.Kind == ReportKind.MonthlyBrief));
    }

    [Fact]
    public void R_CA_12_the_reporting_days_are_configuration()
    {
        var s = ReportSchedule.For(new DateOnly(2026, 9, 1), new DateOnly(2026, 9, 30), new PurchasingRules { MonthlyBriefWorkingDay = 1 }, Official);
        Assert.Equal(ChinaTime.EndOfDay(new DateOnly(2026, 10, 8)), Brief(s, "2026-09").Due);
    }

    [Fact]
    public void R_CA_12_mid_term_and_final_reports_follow_the_middle_and_the_end_of_the_term()
    {
        var s = ReportSchedule.For(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), new PurchasingRules(), Official);
        Assert.Equal(new DateOnly(2026, 7, 2), ReportSchedule.MidPoint(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)));
        Assert.Equal(ChinaTime.EndOfDay(new DateOnly(2026, 7, 16)), s.Single(r => r.Kind == ReportKind.MidTermReport).Due);
        Assert.Equal(ChinaTime.EndOfDay(new DateOnly(2027, 1, 14)), s.Single(r => r.Kind == ReportKind.FinalReport).Due);
    }

    private static EvaluationIndicator I(IndicatorCategory c, int w, decimal? score = null) => new($"指标{c}{w}", c, w, null, score, null);

    private static List<FieldError> Errors(IReadOnlyList<EvaluationIndicator> list, PurchasingRules rules)
    {
        try
        {
            var c = new Check();
            EvaluationRules.CheckIndicators(c, list, rules);
            c.ThrowIfFailed();
            return [];
        }
        catch (ValidationFailed e) { return e.Errors.ToList(); }
    }

    [Fact]
    public void R_PS_06_weights_add_up_to_100_and_effect_and_satisfaction_carry_their_minimum()
    {
        var rules = new PurchasingRules();
        Assert.Empty(Errors([I(IndicatorCategory.Effect, 40), I(IndicatorCategory.Satisfaction, 30), I(IndicatorCategory.Process, 30)], rules));
        Assert.Contains(Errors([I(IndicatorCategory.Effect, 40), I(IndicatorCategory.Satisfaction, 30), I(IndicatorCategory.Process, 20)], rules),
            e => e is { Field: "indicators", Code: "weights_not_100" });
        Assert.Contains(Errors([I(IndicatorCategory.Effect, 20), I(IndicatorCategory.Satisfaction, 30), I(IndicatorCategory.Process, 50)], rules),
            e => e is { Field: "indicators", Code: "effect_below_minimum" });
        Assert.Contains(Errors([I(IndicatorCategory.Effect, 50), I(IndicatorCategory.Satisfaction, 10), I(IndicatorCategory.Process, 40)], rules),
            e => e is { Field: "indicators", Code: "satisfaction_below_minimum" });
        // The minimums are the jurisdiction's configuration.
        Assert.Empty(Errors([I(IndicatorCategory.Effect, 20), I(IndicatorCategory.Satisfaction, 10), I(IndicatorCategory.Process, 70)],
            rules with { EffectMinimumWeightPercent = 20, SatisfactionMinimumWeightPercent = 10 }));
    }

    [Fact]
    public void R_PS_06_the_total_is_the_weighted_sum_and_gives_the_grade()
    {
        var rules = new PurchasingRules();
        var list = new[] { I(IndicatorCategory.Effect, 40, 90), I(IndicatorCategory.Satisfaction, 30, 80), I(IndicatorCategory.Process, 30, 70.5m) };
        Assert.Equal(81.15m, EvaluationRules.Total(list));
        Assert.Equal(Grade.Good, EvaluationRules.GradeOf(81.15m, rules));
        Assert.Equal(Grade.Excellent, EvaluationRules.GradeOf(90m, rules));
        Assert.Equal(Grade.Pass, EvaluationRules.GradeOf(60m, rules));
        Assert.Equal(Grade.Fail, EvaluationRules.GradeOf(59.99m, rules));
    }

    private static Guanjia.Domain.Surveys.SurveyReport Survey(int verySatisfied, int satisfied, int minimum = 30)
    {
        Guanjia.Domain.MicroProjects.SurveyResponse R(Guanjia.Domain.MicroProjects.SatisfactionLevel l) => new()
        {
            ScopePath = "/340102/", Overall = l, Quality = l, Effect = l, Attitude = l, Efficiency = l, Closeness = l, Openness = l,
        };
        var list = Enumerable.Range(0, verySatisfied).Select(_ => R(Guanjia.Domain.MicroProjects.SatisfactionLevel.VerySatisfied))
            .Concat(Enumerable.Range(0, satisfied).Select(_ => R(Guanjia.Domain.MicroProjects.SatisfactionLevel.Satisfied))).ToList();
        return Guanjia.Domain.Surveys.SurveyReport.From(list, minimum);
    }

    private static (List<EvaluationIndicator> List, List<FieldError> Errors) FromSurvey(IReadOnlyList<EvaluationIndicator> list, Guanjia.Domain.Surveys.SurveyReport survey,
        int? respondents = null, decimal? percent = null)
    {
        var c = new Check();
        var result = EvaluationRules.FromSurvey(c, list, survey, respondents, percent);
        try
        {
            c.ThrowIfFailed();
            return (result, []);
        }
        catch (ValidationFailed e) { return (result, e.Errors.ToList()); }
    }

    [Fact]
    public void R_PS_06_the_satisfaction_indicators_score_the_beneficiaries_survey_once_it_has_its_minimum()
    {
        // 6 非常满意 (100) and 24 满意 (75): the mean 80, everyone at 基本满意 or better.
        var survey = Survey(6, 24);
        Assert.Equal(80m, survey.Score);
        var (filled, none) = FromSurvey([I(IndicatorCategory.Effect, 40, 90), I(IndicatorCategory.Satisfaction, 30), I(IndicatorCategory.Process, 30, 70)], survey);
        Assert.Empty(none);
        Assert.Equal(80m, filled[1].Score);
        Assert.Equal(90m, filled[0].Score);
        Assert.Empty(FromSurvey([I(IndicatorCategory.Satisfaction, 30, 80)], survey, 30, 100m).Errors);
        Assert.Contains(FromSurvey([I(IndicatorCategory.Effect, 70, 90), I(IndicatorCategory.Satisfaction, 30, 85)], survey).Errors,
            e => e is { Field: "indicators[1].score", Code: "contradicts_survey" });
        Assert.Contains(FromSurvey([I(IndicatorCategory.Satisfaction, 30)], survey, respondents: 31).Errors, e => e is { Field: "surveyRespondents", Code: "contradicts_survey" });
        Assert.Contains(FromSurvey([I(IndicatorCategory.Satisfaction, 30)], survey, percent: 92.5m).Errors,
            e => e is { Field: "surveySatisfactionPercent", Code: "contradicts_survey" });
        // 29 answers are one short of the minimum: no score; a set without a satisfaction indicator does not need the survey.
        var (unchanged, errors) = FromSurvey([I(IndicatorCategory.Satisfaction, 30)], Survey(6, 23));
        Assert.Contains(errors, e => e is { Field: "survey", Code: "survey_below_minimum" });
        Assert.Null(unchanged[0].Score);
        Assert.Empty(FromSurvey([I(IndicatorCategory.Effect, 100, 90)], Survey(0, 0)).Errors);
    }

    [Theory]
    [InlineData(22, 1.5, 15)]
    [InlineData(6, 1.5, 4)]
    [InlineData(5, 1.5, 4)]
    [InlineData(3, 1.5, 2)]
    [InlineData(0, 1.5, 0)]
    [InlineData(6, 2.0, 3)]
    public void R_PS_04_a_workstation_needs_one_worker_per_one_and_a_half_communities(int communities, double ratio, int workers) =>
        Assert.Equal(workers, Staffing.WorkersNeeded(communities, (decimal)ratio));
}
