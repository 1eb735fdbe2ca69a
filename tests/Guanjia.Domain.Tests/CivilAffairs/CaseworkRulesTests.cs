using Guanjia.Domain.CivilAffairs;

namespace Guanjia.Domain.Tests.CivilAffairs;

/// <summary>The casework's rules without I/O: the GB 11643 check digit, R-CA-07's classes, R-CA-05's income per head and flags.</summary>
public class CaseworkRulesTests
{
    [Theory]
    [InlineData("11010519491231002X", IdNumber.Problem.None)] // GB 11643-1999's own example
    [InlineData("110105194912310021", IdNumber.Problem.CheckDigit)]
    [InlineData("11010519491331002X", IdNumber.Problem.BirthDate)]
    [InlineData("1101051949123100", IdNumber.Problem.Format)]
    [InlineData("11010519491231002Y", IdNumber.Problem.Format)]
    public void The_id_number_is_checked_by_its_gb_11643_check_digit_and_birth_date(string id, IdNumber.Problem expected) =>
        Assert.Equal(expected, IdNumber.Validate(id));

    [Fact]
    public void Sex_and_birth_date_come_from_the_id_number_and_lists_show_it_masked()
    {
        Assert.Equal(new DateOnly(1949, 12, 31), IdNumber.BirthDateOf("11010519491231002X"));
        Assert.Equal(Sex.Female, IdNumber.SexOf("11010519491231002X")); // 17th digit 2: even
        Assert.Equal(Sex.Male, IdNumber.SexOf("110105194912310019"));
        Assert.Equal("110105********002X", IdNumber.Mask("11010519491231002x"));
        Assert.Equal('X', IdNumber.CheckDigitOf("11010519491231002"));
    }

    // R-CA-07 (as reworded): all six met = 具备; 1–3 not met = 部分丧失; 4 or more = 完全丧失.
    [Theory]
    [InlineData(0, SelfCareResult.Capable, CareLevel.SelfCare)]
    [InlineData(1, SelfCareResult.PartlyLost, CareLevel.PartialCare)]
    [InlineData(3, SelfCareResult.PartlyLost, CareLevel.PartialCare)]
    [InlineData(4, SelfCareResult.FullyLost, CareLevel.FullCare)]
    [InlineData(6, SelfCareResult.FullyLost, CareLevel.FullCare)]
    public void R_CA_07_the_result_follows_the_number_of_items_not_met(int notMet, SelfCareResult result, CareLevel level)
    {
        var met = Enumerable.Range(0, 6).Select(i => i >= notMet).ToArray();
        var items = new SelfCareItems(met[0], met[1], met[2], met[3], met[4], met[5]);
        Assert.Equal(notMet, items.NotMet);
        Assert.Equal(result, SelfCare.Classify(items));
        Assert.Equal(level, SelfCare.CareLevelOf(SelfCare.Classify(items)));
    }

    // R-CA-05
    [Theory]
    [InlineData(139_999, true, false, MeansFlag.None)]
    [InlineData(139_999, false, false, MeansFlag.MayQualifySubsistence)]
    [InlineData(140_000, true, false, MeansFlag.MayMoveToLowIncome)]
    [InlineData(209_999, false, false, MeansFlag.MayQualifyLowIncome)]
    [InlineData(209_999, false, true, MeansFlag.None)]
    [InlineData(210_000, false, true, MeansFlag.MayNoLongerQualify)]
    [InlineData(210_000, false, false, MeansFlag.None)]
    public void R_CA_05_income_per_head_against_the_standard_flags_a_change_for_the_town(long perHead, bool onSubsistence, bool onLowIncome, MeansFlag flag) =>
        Assert.Equal(flag, Means.Flag(Means.Band(perHead, 140_000, 150), onSubsistence, onLowIncome));

    [Fact]
    public void R_CA_05_income_per_head_is_in_fen_rounded_down_and_the_standard_is_the_years_or_the_last_before()
    {
        Assert.Equal(100_000, Means.IncomePerHead([200_001, 100_000], 3));
        Assert.Equal(0, Means.IncomePerHead([], 0));
        var s = new CaseworkSettings { SubsistenceStandards = [new(2025, 130_000), new(2027, 150_000)] };
        Assert.Equal(130_000, s.StandardFor(2026));
        Assert.Equal(150_000, s.StandardFor(2028));
        Assert.Null(s.StandardFor(2024));
    }

    [Fact]
    public void The_casework_obligations_join_the_deadline_catalogue_with_their_rules()
    {
        foreach (var key in CaseworkObligations.Keys)
            Assert.StartsWith("R-CA-", Deadlines.Obligations.All[key].RuleId);
        Assert.Equal("R-CA-08", Deadlines.Obligations.All[CaseworkObligations.MonthlyVisit].RuleId);
    }
}
