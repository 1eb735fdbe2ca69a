using Guanjia.Domain.MicroProjects;

namespace Guanjia.Domain.Surveys;

/// <summary>One aspect of attachment 3 with its counts (非常满意 … 非常不满意), its satisfaction rate and its score.</summary>
public sealed record AspectResult(string Aspect, string Zh, IReadOnlyList<int> Counts, decimal SatisfactionRate, decimal Score);

/// <summary>
/// The survey's result per project (R-MS-14, R-MS-18): the count against the minimum of 30, and per aspect
/// and overall the share of 非常满意 + 满意 + 基本满意 (percent) and a score from 0 (all 非常不满意) to 100 (all
/// 非常满意). Same arithmetic as <see cref="SurveySummary"/>, which the completion step and the detail use.
/// </summary>
public sealed record SurveyReport(int Responses, int Minimum, bool MinimumMet, IReadOnlyList<AspectResult> Aspects, decimal SatisfactionRate, decimal Score)
{
    /// <summary>The seven rated aspects in the order of the questionnaire, with its wording.</summary>
    public static readonly IReadOnlyList<(string Aspect, string Zh)> AspectNames =
    [
        ("overall", "项目总体评价"), ("quality", "项目质量评价"), ("effect", "项目效果评价"), ("attitude", "项目服务态度评价"),
        ("efficiency", "项目办理效率评价"), ("closeness", "项目与您的需求贴近程度"), ("openness", "信息公开程度"),
    ];

    /// <summary>
    /// The same seven aspects asked of a purchased service's beneficiaries (R-PS-06, ADR 0036): the questionnaire's wording with
    /// 服务 for 项目.
    /// </summary>
    public static readonly IReadOnlyList<string> ServiceAspectNames =
        ["服务总体评价", "服务质量评价", "服务效果评价", "服务态度评价", "服务办理效率评价", "服务与您的需求贴近程度", "服务信息公开程度"];

    /// <summary>The report with the service wording of the seven aspects (a contract's survey).</summary>
    public SurveyReport ForService() =>
        this with { Aspects = Aspects.Select((a, i) => i < ServiceAspectNames.Count ? a with { Zh = ServiceAspectNames[i] } : a).ToList() };

    /// <summary>The five levels, best first: the order of the distribution arrays.</summary>
    public static readonly IReadOnlyList<string> LevelNames = ["非常满意", "满意", "基本满意", "不满意", "非常不满意"];

    public static SurveyReport From(IReadOnlyList<SurveyResponse> responses, int minimum)
    {
        var aspects = new List<AspectResult>();
        for (var a = 0; a < SurveyResponse.Aspects.Length; a++)
        {
            var levels = responses.Select(r => r.Ratings[a]).ToList();
            var counts = new int[5];
            foreach (var l in levels) counts[5 - (int)l]++;
            aspects.Add(new AspectResult(SurveyResponse.Aspects[a], AspectNames[a].Zh, counts, RateOf(levels), ScoreOf(levels)));
        }
        // The optional 其他 row, counted over those who rated it; the overall rate and score stay on the seven aspects.
        var others = responses.Where(r => r.Other is not null).Select(r => r.Other!.Value).ToList();
        if (others.Count > 0)
        {
            var counts = new int[5];
            foreach (var l in others) counts[5 - (int)l]++;
            var named = responses.Where(r => r.Other is not null && !string.IsNullOrWhiteSpace(r.OtherAspect)).Select(r => r.OtherAspect!.Trim()).Distinct().Take(3);
            aspects.Add(new AspectResult("other", named.Any() ? $"其他（{string.Join("、", named)}）" : "其他", counts, RateOf(others), ScoreOf(others)));
        }
        var all = responses.SelectMany(r => r.Ratings).ToList();
        return new SurveyReport(responses.Count, minimum, responses.Count >= minimum, aspects, RateOf(all), ScoreOf(all));
    }

    /// <summary>Percent of ratings at 基本满意 or better, one decimal.</summary>
    public static decimal RateOf(IReadOnlyCollection<SatisfactionLevel> levels) =>
        levels.Count == 0 ? 0m : Math.Round(100m * levels.Count(l => l >= SatisfactionLevel.FairlySatisfied) / levels.Count, 1);

    /// <summary>非常满意 100, 满意 75, 基本满意 50, 不满意 25, 非常不满意 0, averaged, one decimal.</summary>
    public static decimal ScoreOf(IReadOnlyCollection<SatisfactionLevel> levels) =>
        levels.Count == 0 ? 0m : Math.Round(levels.Average(l => ((int)l - 1) * 25m), 1);
}
