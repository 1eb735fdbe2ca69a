using Guanjia.Domain.Common;
using Guanjia.Domain.Purchasing;

namespace Guanjia.Domain.Tests.Purchasing;

/// <summary>R-PS-02 (ADR 0035): the review's criteria, the weighted totals, the panel's mean and the budget; the round's table.</summary>
public class VentureRulesTests
{
    private static readonly VentureCriterion[] Criteria = [new("需求分析", 30, null), new("项目设计", 40, null), new("可行性与预算", 30, null)];

    [Fact]
    public void R_PS_02_criteria_weights_must_add_up_to_100()
    {
        var c = new Check();
        VentureRules.CheckCriteria(c, [new("需求分析", 30, null), new("项目设计", 40, null)]);
        Assert.Contains(Assert.Throws<ValidationFailed>(c.ThrowIfFailed).Errors, e => e.Code == "weights_not_100");
        var ok = new Check();
        VentureRules.CheckCriteria(ok, Criteria);
        Assert.True(ok.Ok);
    }

    [Fact]
    public void R_PS_02_a_sheet_total_is_the_weighted_sum_and_the_application_keeps_the_panel_mean()
    {
        var zhang = VentureRules.Total(Criteria, [new("需求分析", 90), new("项目设计", 80), new("可行性与预算", 70)]);
        var li = VentureRules.Total(Criteria, [new("需求分析", 85.5m), new("项目设计", 95), new("可行性与预算", 75)]);
        Assert.Equal(80m, zhang);
        Assert.Equal(86.15m, li);
        Assert.Equal(83.08m, VentureRules.Mean([zhang, li])); // 83.075 rounds away from zero
        Assert.Null(VentureRules.Mean([]));
    }

    [Fact]
    public void R_PS_02_funding_fits_the_budget_exactly_or_is_refused()
    {
        Assert.True(VentureRules.WithinBudget(50_000_00, [30_000_00, 20_000_00]));
        Assert.False(VentureRules.WithinBudget(50_000_00, [30_000_00, 20_000_01]));
    }

    [Fact]
    public void R_PS_02_a_round_moves_only_draft_open_reviewing_decided_closed()
    {
        var r = new VentureRound { ScopePath = "/340102/", Title = "t", CriteriaJson = "[]", PanelJson = "[]" };
        Assert.True(VentureWorkflows.Round.Allows(r, "Draft"));
        Assert.False(VentureWorkflows.Round.Allows(r, "Open"));
        foreach (var (action, next) in new[] { ("Draft", "Open"), ("Open", "StartReview"), ("StartReview", "Decide"), ("Decide", "Close") })
        {
            var row = VentureWorkflows.Round.Find(r, action)!;
            VentureWorkflows.RoundTable.Single(t => t == row);
            r.State = row.To;
            Assert.True(VentureWorkflows.Round.Allows(r, next));
            Assert.False(VentureWorkflows.Round.Allows(r, action));
        }
        Assert.Equal(VentureRoundState.Decided, r.State);
    }
}
