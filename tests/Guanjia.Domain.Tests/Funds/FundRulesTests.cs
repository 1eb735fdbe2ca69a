using System;
using System.Collections.Generic;
using System.Linq;
using Guanjia.Domain.Funds;
using Guanjia.Domain.MicroProjects;
using Guanjia.Domain.MicroWishes;
using Xunit;

namespace Guanjia.Domain.Tests.Funds;

/// <summary>The funds rules as pure functions: the allocation formula, pilot deduction, matching and entry balance.</summary>
public class FundRulesTests
{
    private static FormulaTown Town(string code, long villages, long area, long output, long pilotLeft = 0) =>
        new(Guid.NewGuid(), code, $"镇{code}", new Dictionary<AllocationFactor, long>
        {
            [AllocationFactor.Villages] = villages, [AllocationFactor.Area] = area, [AllocationFactor.Output] = output,
        }, pilotLeft);

    private static readonly Dictionary<AllocationFactor, int> W = new()
    {
        [AllocationFactor.Villages] = 40, [AllocationFactor.Area] = 30, [AllocationFactor.Output] = 30,
    };

    // R-FD-03
    [Fact]
    public void R_FD_03_amounts_follow_the_weighted_shares_and_sum_to_the_pool_exactly()
    {
        var towns = new[] { Town("A", 10, 100, 1000), Town("B", 20, 100, 3000), Town("C", 30, 200, 0) };
        var r = FundRules.Allocate(1_000_000, W, towns);
        // A: 0.4*10/60 + 0.3*100/400 + 0.3*1000/4000 = 0.066667 + 0.075 + 0.075 = 0.216667
        var a = r.Rows.Single(x => x.Code == "A");
        Assert.Equal(216_666, a.WeightedSharePpm);
        Assert.Equal(216_666, a.ExactFloorFen);
        Assert.Equal(1_000_000, r.Rows.Sum(x => x.FormulaFen));
        Assert.Equal(r.PoolFen, r.FormulaTotalFen);
        Assert.Equal(3, r.Rows.Count);
        Assert.All(r.Rows, x => Assert.InRange(x.RemainderFen, 0, 1));
        Assert.Equal(1_000_000 - r.Rows.Sum(x => x.ExactFloorFen), r.Rows.Sum(x => x.RemainderFen));
    }

    // R-FD-03: the rounding fen go to the largest remainders, ties by code, so the result is the same every time.
    [Fact]
    public void R_FD_03_the_rounding_remainder_is_distributed_deterministically()
    {
        var towns = new[] { Town("C", 1, 1, 1), Town("A", 1, 1, 1), Town("B", 1, 1, 1) };
        var r = FundRules.Allocate(100, W, towns);
        Assert.Equal(new long[] { 34, 33, 33 }, r.Rows.Select(x => x.FormulaFen).ToArray());
        Assert.Equal(new[] { "A", "B", "C" }, r.Rows.Select(x => x.Code).ToArray());
        var again = FundRules.Allocate(100, W, towns.Reverse().ToArray());
        Assert.Equal(r.Rows.Select(x => (x.Code, x.FormulaFen)), again.Rows.Select(x => (x.Code, x.FormulaFen)));
    }

    // R-FD-03: any pool, any inputs: the total is exact and nobody is off by more than one fen of the exact share.
    [Fact]
    public void R_FD_03_random_inputs_always_allocate_the_whole_pool()
    {
        var rng = new Random(5);
        for (var i = 0; i < 300; i++)
        {
            var n = rng.Next(1, 40);
            var towns = Enumerable.Range(0, n).Select(k => Town($"T{k:00}", rng.Next(1, 60), rng.Next(1, 50_000), rng.Next(0, 30_000_000))).ToList();
            var v = rng.Next(0, 101);
            var a = rng.Next(0, 101 - v);
            var weights = new Dictionary<AllocationFactor, int> { [AllocationFactor.Villages] = v, [AllocationFactor.Area] = a, [AllocationFactor.Output] = 100 - v - a };
            if (towns.Sum(t => t.Inputs[AllocationFactor.Output]) == 0) weights[AllocationFactor.Output] = 0;
            if (weights.Values.Sum() != 100) continue;
            var pool = rng.NextInt64(1, 20_000_000_000);
            var r = FundRules.Allocate(pool, weights, towns);
            Assert.Equal(pool, r.Rows.Sum(x => x.FormulaFen));
            Assert.All(r.Rows, x => Assert.True(x.FormulaFen >= 0 && x.RemainderFen is 0 or 1));
        }
    }

    // R-FD-03: the caller checks the weights; the formula refuses weights that do not sum to 100.
    [Fact]
    public void R_FD_03_weights_must_sum_to_100()
    {
        var w = new Dictionary<AllocationFactor, int> { [AllocationFactor.Villages] = 50, [AllocationFactor.Area] = 30 };
        Assert.Throws<ArgumentException>(() => FundRules.Allocate(100, w, [Town("A", 1, 1, 1)]));
    }

    // R-FD-02
    [Fact]
    public void R_FD_02_pilot_money_left_is_deducted_from_what_the_city_pays()
    {
        var towns = new[] { Town("A", 1, 1, 1, pilotLeft: 30_000_000), Town("B", 1, 1, 1), Town("C", 1, 1, 1, pilotLeft: 900_000_000) };
        var r = FundRules.Allocate(300_000_000, W, towns);
        var a = r.Rows.Single(x => x.Code == "A");
        Assert.Equal(100_000_000, a.FormulaFen);
        Assert.Equal(30_000_000, a.PilotDeductedFen);
        Assert.Equal(70_000_000, a.CityPaysFen);
        var c = r.Rows.Single(x => x.Code == "C");
        Assert.Equal(100_000_000, c.PilotDeductedFen);
        Assert.Equal(0, c.CityPaysFen);
        Assert.Equal(300_000_000 - 130_000_000, r.CityPaysTotalFen);
        Assert.Equal(200_000_000, FundRules.PilotGrantFen);
    }

    // R-FD-04
    [Theory]
    [InlineData(1, 1_000_000, 1_000_000)]
    [InlineData(2, 1_000_001, 1_000_001)]
    [InlineData(3, 1_000_000, 500_000)]
    [InlineData(4, 1_000_001, 500_001)]
    public void R_FD_04_class_1_2_match_100_percent_and_class_3_4_50_percent(int cls, long city, long obligation)
    {
        Assert.Equal(obligation, FundRules.MatchingObligationFen(city, cls));
    }

    [Fact]
    public void R_FD_04_a_town_without_a_class_has_no_computed_obligation() => Assert.Null(FundRules.MatchingObligationFen(100, null));

    // R-FD-06
    [Fact]
    public void R_FD_06_an_entry_balances_only_when_debits_equal_credits()
    {
        Assert.True(FundRules.Balances([100, -100]));
        Assert.True(FundRules.Balances([100, 50, -150]));
        Assert.False(FundRules.Balances([100, -99]));
        Assert.False(FundRules.Balances([100]));
        Assert.False(FundRules.Balances([0, 0]));
    }

    // R-FD-07, R-FD-05, R-FD-06: ring-fenced money pays purchased services only, and a purchased service is paid against what was
    // bought (a station item or a contract's instalment), never a bare payee.
    [Fact]
    public void R_FD_07_ring_fenced_money_pays_purchased_services_only_and_stays_ring_fenced()
    {
        Assert.Equal("ring_fenced", FundRules.PaymentRefusal(AccountKind.PurchasedService, PaymentTarget.Project));
        Assert.Equal("ring_fenced", FundRules.PaymentRefusal(AccountKind.PurchasedService, PaymentTarget.Wish));
        Assert.Null(FundRules.PaymentRefusal(AccountKind.PurchasedService, PaymentTarget.StationItem));
        // A purchase contract's instalment is paid from ring-fenced money and from nothing else.
        Assert.Null(FundRules.PaymentRefusal(AccountKind.PurchasedService, PaymentTarget.ContractInstalment));
        Assert.Equal("ring_fenced_required", FundRules.PaymentRefusal(AccountKind.CityProgramme, PaymentTarget.ContractInstalment));
        Assert.Equal("ring_fenced_required", FundRules.PaymentRefusal(AccountKind.VillageMicroProject, PaymentTarget.ContractInstalment));
        Assert.Equal("target_required", FundRules.PaymentRefusal(AccountKind.PurchasedService, PaymentTarget.PurchasedService));
        Assert.Equal("target_required", FundRules.PaymentRefusal(AccountKind.VillageMicroProject, PaymentTarget.PurchasedService));
        Assert.Null(FundRules.PaymentRefusal(AccountKind.VillageMicroProject, PaymentTarget.Project));
        Assert.Null(FundRules.PaymentRefusal(AccountKind.TownWishFund, PaymentTarget.Wish));
        Assert.Equal("wrong_account", FundRules.PaymentRefusal(AccountKind.TownWishFund, PaymentTarget.Project));
        Assert.False(FundRules.TransferAllowed(AccountKind.PurchasedService, AccountKind.VillageMicroProject));
        Assert.False(FundRules.TransferAllowed(AccountKind.TownMicroProject, AccountKind.PurchasedService));
        Assert.True(FundRules.TransferAllowed(AccountKind.PurchasedService, AccountKind.PurchasedService));
        Assert.True(FundRules.TransferAllowed(AccountKind.TownMicroProject, AccountKind.VillageMicroProject));
    }

    // R-FD-05, R-ST-10: projects and station items are paid from the village's dedicated money (its account or its pilot money), not the town's.
    [Fact]
    public void R_FD_05_projects_and_station_items_are_paid_from_the_villages_money()
    {
        foreach (var target in new[] { PaymentTarget.Project, PaymentTarget.StationItem })
        {
            Assert.Null(FundRules.PaymentRefusal(AccountKind.VillageMicroProject, target));
            Assert.Null(FundRules.PaymentRefusal(AccountKind.VillagePilot, target));
            Assert.Equal("village_account_required", FundRules.PaymentRefusal(AccountKind.TownMicroProject, target));
            Assert.Equal("village_account_required", FundRules.PaymentRefusal(AccountKind.TownPilot, target));
            Assert.Equal("wrong_account", FundRules.PaymentRefusal(AccountKind.TownWishFund, target));
        }
        Assert.Equal("wrong_account", FundRules.PaymentRefusal(AccountKind.VillageMicroProject, PaymentTarget.Wish));
    }

    // R-FD-09: earmarked money stays in its programme; a village's money does not move on; pilot money goes only to the villages.
    [Fact]
    public void R_FD_09_transfers_keep_money_in_its_programme_its_village_and_its_pilot()
    {
        Assert.Equal("cross_programme", FundRules.TransferRefusal(AccountKind.TownMicroProject, AccountKind.TownWishFund));
        Assert.Equal("cross_programme", FundRules.TransferRefusal(AccountKind.TownWishFund, AccountKind.TownMicroProject));
        Assert.Equal("cross_programme", FundRules.TransferRefusal(AccountKind.TownWishFund, AccountKind.VillageMicroProject));
        Assert.Equal("village_account_out", FundRules.TransferRefusal(AccountKind.VillageMicroProject, AccountKind.VillageMicroProject));
        Assert.Equal("village_account_out", FundRules.TransferRefusal(AccountKind.VillageMicroProject, AccountKind.TownMicroProject));
        Assert.Equal("village_account_out", FundRules.TransferRefusal(AccountKind.VillagePilot, AccountKind.VillageMicroProject));
        Assert.Equal("pilot_stays_pilot", FundRules.TransferRefusal(AccountKind.TownPilot, AccountKind.TownMicroProject));
        Assert.Null(FundRules.TransferRefusal(AccountKind.TownPilot, AccountKind.VillagePilot));
        Assert.Equal("wrong_account", FundRules.TransferRefusal(AccountKind.TownMicroProject, AccountKind.VillagePilot));
        Assert.Equal("wrong_account", FundRules.TransferRefusal(AccountKind.TownMicroProject, AccountKind.TownPilot));
        Assert.Null(FundRules.TransferRefusal(AccountKind.CityProgramme, AccountKind.TownWishFund));
        Assert.Null(FundRules.TransferRefusal(AccountKind.CityProgramme, AccountKind.TownMicroProject));
        Assert.Null(FundRules.TransferRefusal(AccountKind.TownMicroProject, AccountKind.VillageMicroProject));
    }

    // R-FD-08: expert-review and evaluation fees are not the programme's, declared or described as such.
    [Fact]
    public void R_FD_08_review_and_evaluation_fees_are_recognised()
    {
        Assert.True(FundRules.IsReviewOrEvaluationFee(PaymentPurpose.ExpertReview, null));
        Assert.True(FundRules.IsReviewOrEvaluationFee(PaymentPurpose.ThirdPartyEvaluation, "满意度测评"));
        Assert.True(FundRules.IsReviewOrEvaluationFee(null, "支付项目专家评审费"));
        Assert.True(FundRules.IsReviewOrEvaluationFee(PaymentPurpose.Delivery, "第三方评估费"));
        Assert.False(FundRules.IsReviewOrEvaluationFee(PaymentPurpose.Delivery, "路灯安装工程款"));
        Assert.False(FundRules.IsReviewOrEvaluationFee(null, null));
    }

    // R-FD-01, R-FD-03: one pool from several sources: each source allocated exactly by the same formula, a town's amount the sum.
    [Fact]
    public void R_FD_01_R_FD_03_a_pool_of_several_sources_allocates_each_source_exactly()
    {
        var towns = new[] { Town("C", 1, 1, 1), Town("A", 1, 1, 1), Town("B", 2, 5, 7) };
        var r = FundRules.Allocate([new(FundSource.CityBudget, 1_000_001), new(FundSource.WelfareLottery, 100)], W, towns);
        Assert.Equal(1_000_101, r.PoolFen);
        Assert.Equal(1_000_101, r.FormulaTotalFen);
        Assert.Equal([FundSource.CityBudget, FundSource.WelfareLottery], r.Sources.Select(s => s.Source));
        Assert.Equal(1_000_001, r.Sources[0].FormulaFen);
        Assert.Equal(100, r.Sources[1].FormulaFen);
        Assert.All(r.Rows, x => Assert.Equal(x.FormulaFen, x.BySource!.Sum(b => b.FormulaFen)));
        Assert.Equal(100, r.Rows.Sum(x => x.BySource!.Single(b => b.Source == FundSource.WelfareLottery).FormulaFen));
        // Each source alone gives the same shares as its column.
        var lottery = FundRules.Allocate([new(FundSource.WelfareLottery, 100)], W, towns);
        Assert.Equal(lottery.Rows.Select(x => x.FormulaFen), r.Rows.Select(x => x.BySource!.Single(b => b.Source == FundSource.WelfareLottery).FormulaFen));
    }

    // R-FD-02, R-FD-09: pilot money left is deducted from its own source first, then from the town's other sources.
    [Fact]
    public void R_FD_02_the_pilot_deduction_takes_the_pilot_moneys_own_source_first()
    {
        var left = new Dictionary<FundSource, long> { [FundSource.WelfareLottery] = 30 };
        var towns = new[]
        {
            new FormulaTown(Guid.NewGuid(), "A", "镇A", new Dictionary<AllocationFactor, long> { [AllocationFactor.Villages] = 1, [AllocationFactor.Area] = 1, [AllocationFactor.Output] = 1 }, 30, left),
            Town("B", 1, 1, 1),
        };
        var r = FundRules.Allocate([new(FundSource.CityBudget, 1_000), new(FundSource.WelfareLottery, 40)], W, towns);
        var a = r.Rows.Single(x => x.Code == "A");
        Assert.Equal(520, a.FormulaFen);
        Assert.Equal(30, a.PilotDeductedFen);
        Assert.Equal(20, a.BySource!.Single(b => b.Source == FundSource.WelfareLottery).FormulaFen);
        Assert.Equal(20, a.BySource!.Single(b => b.Source == FundSource.WelfareLottery).PilotDeductedFen);
        Assert.Equal(10, a.BySource!.Single(b => b.Source == FundSource.CityBudget).PilotDeductedFen);
        Assert.Equal(490, a.CityPaysFen);
        Assert.Equal(30, r.Sources.Sum(s => s.PilotDeductedFen));
    }

    [Fact]
    public void Only_approved_open_projects_and_decided_open_wishes_are_payable()
    {
        Assert.False(FundRules.ProjectPayable(ProjectState.Closed));
        Assert.False(FundRules.ProjectPayable(ProjectState.Rejected));
        Assert.False(FundRules.ProjectPayable(ProjectState.TownReview));
        Assert.True(FundRules.ProjectPayable(ProjectState.Implementation));
        Assert.False(FundRules.WishPayable(WishState.Closed));
        Assert.False(FundRules.WishPayable(WishState.Rejected));
        Assert.True(FundRules.WishPayable(WishState.Handling));
    }
}
