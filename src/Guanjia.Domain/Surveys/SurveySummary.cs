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
        // The optional eighth row 其他, over those who rated it; the rate and score stay on the seven aspects every respondent rates.
        if (responses.Any(r => r.Other is not null))
        {
            var other = new int[5];
            foreach (var r in responses.Where(r => r.Other is not null)) other[5 - (int)r.Other!.Value]++;
            dist["other"] = other;
        }
        var levels = new int[5];
        foreach (var l in responses.SelectMany(r => r.Ratings)) levels[5 - (int)l]++;
        var (rate, score) = RateAndScore(levels);
        return new SurveySummary(responses.Count, minimum, responses.Count >= minimum, dist, rate, score);
    }

    /// <summary>
    /// From the count of ratings at each level (非常满意 … 非常不满意), over every aspect: the satisfaction rate, the
    /// share of 非常满意 + 满意 + 基本满意 in percent, and the score, the mean on 0–100 (非常不满意 0 … 非常满意 100);
    /// both to one decimal. Statistics per town use the same figures from counts made in the database.
    /// </summary>
    public static (decimal Rate, decimal Score) RateAndScore(IReadOnlyList<int> levels)
    {
        var all = levels.Sum();
        if (all == 0) return (0m, 0m);
        var points = 0m;
        for (var i = 0; i < 5; i++) points += levels[i] * (4 - i) * 25m;
        return (Math.Round(100m * (levels[0] + levels[1] + levels[2]) / all, 1), Math.Round(points / all, 1));
    }
}
