using Guanjia.Domain.MicroProjects;
using Guanjia.Domain.Surveys;

namespace Guanjia.Domain.Tests.Surveys;

public class SurveyReportTests
{
    private static SurveyResponse Response(SatisfactionLevel all, SatisfactionLevel? openness = null) => new()
    {
        ScopePath = "/", Overall = all, Quality = all, Effect = all, Attitude = all, Efficiency = all, Closeness = all, Openness = openness ?? all,
    };

    // R-MS-14: at least 30 respondents; 29 is not enough.
    [Fact]
    public void R_MS_14_the_minimum_is_met_at_30_responses_not_29()
    {
        var responses = Enumerable.Range(0, 29).Select(_ => Response(SatisfactionLevel.Satisfied)).ToList();
        Assert.False(SurveyReport.From(responses, 30).MinimumMet);
        responses.Add(Response(SatisfactionLevel.Satisfied));
        var report = SurveyReport.From(responses, 30);
        Assert.True(report.MinimumMet);
        Assert.Equal(30, report.Responses);
    }

    // R-MS-14: the rate is the share of 非常满意 + 满意 + 基本满意; the score runs 0..100 by 25 per level.
    [Fact]
    public void R_MS_14_rate_counts_the_three_satisfied_levels_and_score_averages_the_levels()
    {
        SatisfactionLevel[] levels =
            [SatisfactionLevel.VerySatisfied, SatisfactionLevel.Satisfied, SatisfactionLevel.FairlySatisfied, SatisfactionLevel.Dissatisfied];
        var report = SurveyReport.From(levels.Select(l => Response(l, SatisfactionLevel.VeryDissatisfied)).ToList(), 30);

        var overall = report.Aspects[0];
        Assert.Equal("项目总体评价", overall.Zh);
        Assert.Equal([1, 1, 1, 1, 0], overall.Counts);
        Assert.Equal(75m, overall.SatisfactionRate);
        Assert.Equal(62.5m, overall.Score);          // (100 + 75 + 50 + 25) / 4
        var openness = report.Aspects[^1];
        Assert.Equal("信息公开程度", openness.Zh);
        Assert.Equal([0, 0, 0, 0, 4], openness.Counts);
        Assert.Equal(0m, openness.SatisfactionRate);
        Assert.Equal(0m, openness.Score);
        // All 28 ratings: 18 of them at 基本满意 or better.
        Assert.Equal(Math.Round(100m * 18 / 28, 1), report.SatisfactionRate);
        Assert.Equal(SurveySummary.From(levels.Select(l => Response(l, SatisfactionLevel.VeryDissatisfied)).ToList(), 30).Score, report.Score);
    }

    [Fact]
    public void An_empty_survey_has_zero_rate_and_score_and_misses_the_minimum()
    {
        var report = SurveyReport.From([], 30);
        Assert.Equal(0, report.Responses);
        Assert.Equal(0m, report.SatisfactionRate);
        Assert.Equal(0m, report.Score);
        Assert.False(report.MinimumMet);
        Assert.Equal(7, report.Aspects.Count);
    }
}
