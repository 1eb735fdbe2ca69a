using System;
using Guanjia.Domain.Common;
using Guanjia.Domain.Jurisdictions;
using Guanjia.Domain.Purchasing;
using Xunit;

namespace Guanjia.Domain.Tests.Purchasing;

/// <summary>R-CA-02 (general requirements with recorded exceptions) and R-CA-03 (40 hours before serving, 60 a year), on the jurisdiction's numbers.</summary>
public class StaffingRulesTests
{
    private static readonly CivilAffairsRules Rules = new();

    [Fact]
    public void R_CA_02_a_worker_of_45_with_a_college_degree_and_local_hukou_misses_nothing_and_one_day_past_46_is_over_age()
    {
        var birth = new DateOnly(1981, 3, 1);
        Assert.Empty(StaffRequirements.Exceptions(birth, EducationLevel.College, true, new DateOnly(2027, 2, 28), Rules)); // 45 until the day before 46
        Assert.Equal([StaffRequirements.OverAge], StaffRequirements.Exceptions(birth, EducationLevel.College, true, new DateOnly(2027, 3, 1), Rules));
        // A birthday on 29 February turns a year older on 1 March of other years.
        Assert.Equal(45, StaffRequirements.AgeOn(new DateOnly(1980, 2, 29), new DateOnly(2026, 2, 28)));
        Assert.Equal(46, StaffRequirements.AgeOn(new DateOnly(1980, 2, 29), new DateOnly(2026, 3, 1)));
    }

    [Fact]
    public void R_CA_02_each_general_requirement_missed_needs_a_recorded_reason_not_a_refusal()
    {
        var missed = StaffRequirements.Exceptions(new DateOnly(1970, 5, 1), EducationLevel.BelowCollege, false, new DateOnly(2026, 12, 3), Rules);
        Assert.Equal([StaffRequirements.OverAge, StaffRequirements.BelowCollege, StaffRequirements.NotLocalHukou], missed);
        var refused = Assert.Throws<ValidationFailed>(() => StaffRequirements.CheckExceptions(new Check(), missed, " ", Rules).ThrowIfFailed());
        var error = Assert.Single(refused.Errors);
        Assert.Equal(("exceptionReason", "exception_reason_required"), (error.Field, error.Code));
        Assert.Contains("R-CA-02", error.Zh);
        StaffRequirements.CheckExceptions(new Check(), missed, "社区推荐的资深社工，经民政局同意", Rules).ThrowIfFailed();
        // The limit is the jurisdiction's: at 50 the same worker of 46 misses nothing.
        Assert.Empty(StaffRequirements.Exceptions(new DateOnly(1980, 1, 1), EducationLevel.Bachelor, true, new DateOnly(2026, 12, 3), Rules with { WorkerAgeLimit = 50 }));
    }

    [Theory]
    [InlineData(39.5, false)]
    [InlineData(40, true)]
    [InlineData(56, true)]
    public void R_CA_03_a_worker_serves_only_after_40_hours_of_pre_job_training(double hours, bool mayServe)
    {
        Assert.Equal(mayServe, TrainingLedger.MayServe((decimal)hours, Rules));
        var c = TrainingLedger.CheckMayServe(new Check(), "assignedWorkerId", (decimal)hours, Rules);
        Assert.Equal(mayServe, c.Ok);
    }

    [Theory]
    [InlineData(9, 30, 20, false)] // short, but not yet the last quarter
    [InlineData(10, 1, 20, true)] // the last quarter begins: warned
    [InlineData(12, 31, 59.5, true)]
    [InlineData(12, 31, 60, false)] // done
    public void R_CA_03_continuing_education_against_60_hours_is_warned_in_the_last_quarter(int month, int day, double hours, bool warn)
    {
        var s = TrainingLedger.Continuing((decimal)hours, new DateOnly(2026, month, day), Rules);
        Assert.Equal(60, s.RequiredHours);
        Assert.Equal(Math.Max(0, 60 - (decimal)hours), s.ShortHours);
        Assert.Equal(warn, s.Warn);
    }
}
