using Guanjia.Domain.MicroProjects;

namespace Guanjia.Domain.Surveys;

/// <summary>The results section of the completion form (R-MS-14): count, distribution per aspect, a rate and a score.</summary>
public sealed record SurveySummary(int Responses, int Minimum, bool MinimumMet, IReadOnlyDictionary<string, int[]> Distribution,
    decimal SatisfactionRate, decimal Score)
{
    /// <summary>Distribution arrays are ordered 非常满意, 满意, 基本满意, 不满意, 非常不满意.</summary>
    public static SurveySummary From(IReadOnlyList<SurveyResponse> responses, int minimum)
    {
        var dist = new Dictionary<string, int[]>();
        for (var a = 0; a < SurveyResponse.Aspects.Length; a++)
        {
            var counts = new int[5];
            foreach (var r in responses) counts[5 - (int)r.Ratings[a]]++;
            dist[SurveyResponse.Aspects[a]] = counts;
        }
        var all = responses.SelectMany(r => r.Ratings).ToList();
        return new SurveySummary(responses.Count, minimum, responses.Count >= minimum, dist, SurveyReport.RateOf(all), SurveyReport.ScoreOf(all));
    }
}
