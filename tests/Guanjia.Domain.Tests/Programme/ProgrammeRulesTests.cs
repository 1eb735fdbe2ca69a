using System;
using System.Linq;
using Guanjia.Domain.Calendar;
using Guanjia.Domain.Common;
using Guanjia.Domain.Programme;
using Xunit;

namespace Guanjia.Domain.Tests.Programme;

/// <summary>The rule numbers as configuration, and how each kind of time limit counts (rules.md "time words").</summary>
public class ProgrammeRulesTests
{
    private static readonly WorkingCalendar Official = OfficialCalendar.Create();

    private static DateTimeOffset Local(int y, int m, int d, int h = 10, int min = 0) => new(y, m, d, h, min, 0, TimeSpan.FromHours(8));

    [Fact]
    public void R_MS_01_R_MS_07_R_MS_14_defaults_are_Dongguans_numbers()
    {
        var r = ProgrammeRuleSet.Dongguan;
        Assert.Equal(5_000_000, r.DirectImplementationThresholdFen);   // 5万元 (R-MS-07)
        Assert.Equal(50_000_000, r.ConvenienceWorksCapFen);            // 50万元 (R-MS-01)
        Assert.Equal(20_000_000, r.WelfareServiceCapFen);              // 20万元 (R-MS-01)
        Assert.Equal(30, r.SurveyMinimumResponses);                   // R-MS-14
        Assert.Equal(5, r.PublicityMinimumDays);                      // R-MS-11
        Assert.Equal(new TimeLimit(24, TimeUnit.Hours), r.Acknowledge);                 // R-MS-02
        Assert.Equal(new TimeLimit(5, TimeUnit.CalendarDays), r.CommitteeMeeting);      // R-MS-03
        Assert.Equal(new TimeLimit(10, TimeUnit.CalendarDays), r.Consultation);         // R-MS-04
        Assert.Equal(new TimeLimit(5, TimeUnit.WorkingDays), r.TownReview);             // R-MS-08
        Assert.Equal(new TimeLimit(1, TimeUnit.Months), r.SmallWorksFinish);            // R-MS-12
        Assert.Equal(new TimeLimit(10, TimeUnit.CalendarDays), r.SmallServiceStart);
        Assert.Equal(new TimeLimit(6, TimeUnit.Months), r.ExpressWorksFinish);
        Assert.Equal(new TimeLimit(15, TimeUnit.CalendarDays), r.ExpressServiceStart);
        Assert.Equal(new TimeLimit(1, TimeUnit.Months), r.DirectStartAfterClaim);
        Assert.Equal(new TimeLimit(5, TimeUnit.WorkingDays), r.CompletionForm);         // R-MS-13
        Assert.Equal(new TimeLimit(5, TimeUnit.WorkingDays), r.TownSurvey);             // R-MS-14
        Assert.Equal(new TimeLimit(5, TimeUnit.WorkingDays), r.ResultFeedback);         // R-MS-15
        Assert.Equal((1, 31), (r.CollectionEndMonth, r.CollectionEndDay));              // R-IN-02
        Assert.Equal(2, r.AnnualPlanMonth);                                             // R-MS-17
    }

    [Fact]
    public void R_MS_07_the_threshold_is_strict_under_5万元()
    {
        var r = ProgrammeRuleSet.Dongguan;
        Assert.True(r.IsSmall(4_999_999));
        Assert.False(r.IsSmall(5_000_000));
    }

    [Fact]
    public void R_PL_01_hours_run_through_holidays_working_days_skip_them_and_count_make_up_days()
    {
        var eve = Local(2026, 9, 30, 20);
        Assert.Equal(Local(2026, 10, 1, 20), new TimeLimit(24, TimeUnit.Hours).DueFrom(eve, Official));
        Assert.Equal(ChinaTime.EndOfDay(new DateOnly(2026, 10, 5)), new TimeLimit(5, TimeUnit.CalendarDays).DueFrom(eve, Official));
        // 10-01..10-07 holidays; 10-10 (Saturday) is a make-up working day.
        Assert.Equal(ChinaTime.EndOfDay(new DateOnly(2026, 10, 13)), new TimeLimit(5, TimeUnit.WorkingDays).DueFrom(eve, Official));
        // A Friday before a make-up Sunday (2026-09-20) counts that Sunday.
        Assert.Equal(ChinaTime.EndOfDay(new DateOnly(2026, 9, 24)), new TimeLimit(5, TimeUnit.WorkingDays).DueFrom(Local(2026, 9, 18), Official));
        // Spring Festival: Friday 02-13, make-up Saturday 02-14, holidays 02-15..02-23.
        Assert.Equal(ChinaTime.EndOfDay(new DateOnly(2026, 2, 27)), new TimeLimit(5, TimeUnit.WorkingDays).DueFrom(Local(2026, 2, 13), Official));
        // A plain weekend: Friday + 5 working days is the next Friday.
        Assert.Equal(ChinaTime.EndOfDay(new DateOnly(2026, 11, 27)), new TimeLimit(5, TimeUnit.WorkingDays).DueFrom(Local(2026, 11, 20), Official));
        Assert.Equal(ChinaTime.EndOfDay(new DateOnly(2026, 2, 28)), new TimeLimit(1, TimeUnit.Months).DueFrom(Local(2026, 1, 31), Official));
    }

    [Fact]
    public void R_PL_08_the_warning_comes_a_day_ahead_but_never_before_halfway()
    {
        var r = ProgrammeRuleSet.Dongguan;
        var start = Local(2026, 11, 23, 9);
        Assert.Equal(start.AddHours(12), r.WarnAt(start, start.AddHours(24)));
        Assert.Equal(start.AddDays(9), r.WarnAt(start, start.AddDays(10)));
    }

    [Fact]
    public void Rules_that_could_not_run_are_refused_with_the_field_named()
    {
        var bad = ProgrammeRuleSet.Dongguan with
        {
            DirectImplementationThresholdFen = -1,
            TownReview = new TimeLimit(0, TimeUnit.WorkingDays),
            Acknowledge = new TimeLimit(24, (TimeUnit)42),
            CollectionEndDay = 30,
            CollectionEndMonth = 2,
        };
        var e = Assert.Throws<ValidationFailed>(bad.Validate);
        var fields = e.Errors.Select(x => x.Field).ToHashSet();
        Assert.Contains("directImplementationThresholdFen", fields);
        Assert.Contains("townReview.amount", fields);
        Assert.Contains("acknowledge.unit", fields);
        Assert.Contains("collectionEndDay", fields);
        ProgrammeRuleSet.Dongguan.Validate();
    }
}
