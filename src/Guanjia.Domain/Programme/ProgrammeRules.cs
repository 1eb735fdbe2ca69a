using Guanjia.Domain.Calendar;
using Guanjia.Domain.Common;

namespace Guanjia.Domain.Programme;

/// <summary>How a time limit counts: elapsed hours, calendar days (日/天), working days (工作日) or months.</summary>
public enum TimeUnit { Hours = 1, CalendarDays = 2, WorkingDays = 3, Months = 4 }

/// <summary>"24 hours", "5 working days", "1 month": the amount and how it is counted.</summary>
public sealed record TimeLimit(int Amount, TimeUnit Unit)
{
    public DateTimeOffset DueFrom(DateTimeOffset start, WorkingCalendar calendar) => Unit switch
    {
        TimeUnit.Hours => calendar.DueAfterHours(start, Amount),
        TimeUnit.CalendarDays => calendar.DueAfterCalendarDays(start, Amount),
        TimeUnit.WorkingDays => calendar.DueAfterWorkingDays(start, Amount),
        TimeUnit.Months => calendar.DueAfterMonths(start, Amount),
        _ => throw new InvalidOperationException($"Unknown time unit {Unit}"),
    };

    public string Zh => Unit switch
    {
        TimeUnit.Hours => $"{Amount}小时",
        TimeUnit.CalendarDays => $"{Amount}日",
        TimeUnit.WorkingDays => $"{Amount}个工作日",
        _ => $"{Amount}个月",
    };
}

/// <summary>
/// Every number the programme's rules use, as configuration. The defaults are Dongguan's (003 and 002);
/// a city running a programme like it saves its own values as a new version. Appeals and projects keep
/// the version they started under, so a change never moves a deadline already running.
/// </summary>
public sealed record ProgrammeRuleSet
{
    /// <summary>R-MS-07: projects under this budget skip the town's confirmation (5万元).</summary>
    public long DirectImplementationThresholdFen { get; init; } = 5_000_000;

    /// <summary>
    /// R-RT-02: 莞家直达 is for "涉及金额较大" items; the documents give no figure, so below this amount the direct route asks why
    /// (a hint with an override, not a wall; ADR 0019).
    /// </summary>
    public long DirectRouteHintFen { get; init; } = 5_000_000;

    /// <summary>R-MS-01: 便民工程 at most 50万元 in principle.</summary>
    public long ConvenienceWorksCapFen { get; init; } = 50_000_000;

    /// <summary>R-MS-01: 公益服务 at most 20万元 in principle.</summary>
    public long WelfareServiceCapFen { get; init; } = 20_000_000;

    /// <summary>R-MS-14: at least 30 respondents.</summary>
    public int SurveyMinimumResponses { get; init; } = 30;

    /// <summary>R-MS-11: publicity of confirmed projects lasts at least 5 days.</summary>
    public int PublicityMinimumDays { get; init; } = 5;

    /// <summary>R-MS-07: the village's own publicity of a small project; 003 sets no length, the programme's is used.</summary>
    public int VillagePublicityMinimumDays { get; init; } = 5;

    public TimeLimit Acknowledge { get; init; } = new(24, TimeUnit.Hours);                  // R-MS-02
    public TimeLimit CommitteeMeeting { get; init; } = new(5, TimeUnit.CalendarDays);        // R-MS-03
    public TimeLimit Consultation { get; init; } = new(10, TimeUnit.CalendarDays);           // R-MS-04
    public TimeLimit TownReview { get; init; } = new(5, TimeUnit.WorkingDays);               // R-MS-08
    public TimeLimit SmallWorksFinish { get; init; } = new(1, TimeUnit.Months);              // R-MS-12, from the consultation
    public TimeLimit SmallServiceStart { get; init; } = new(10, TimeUnit.CalendarDays);      // R-MS-12, from the consultation
    public TimeLimit ExpressWorksFinish { get; init; } = new(6, TimeUnit.Months);            // R-MS-12, from the end of publicity
    public TimeLimit ExpressServiceStart { get; init; } = new(15, TimeUnit.CalendarDays);    // R-MS-12, from the end of publicity
    public TimeLimit DirectStartAfterClaim { get; init; } = new(1, TimeUnit.Months);         // R-MS-12, R-RT-03, from the claim
    public TimeLimit DirectPublication { get; init; } = new(10, TimeUnit.WorkingDays);      // R-RT-02, from the town's confirmation

    /// <summary>R-RT-02 sets no length for the claim window; at least as long as a project's publicity.</summary>
    public int ClaimWindowMinimumDays { get; init; } = 5;
    public TimeLimit CompletionForm { get; init; } = new(5, TimeUnit.WorkingDays);           // R-MS-13
    public TimeLimit TownSurvey { get; init; } = new(5, TimeUnit.WorkingDays);               // R-MS-14
    public TimeLimit ResultFeedback { get; init; } = new(5, TimeUnit.WorkingDays);           // R-MS-15, from closing

    /// <summary>R-MS-19: 002 asks for the final accounts and audit "及时" (promptly) after completion; 3 months is our reading (ADR 0019).</summary>
    public TimeLimit FinalAccounts { get; init; } = new(3, TimeUnit.Months);
    /// <summary>003/002 set no limit for the town's verification of a wish; 5 working days, like the town's review.</summary>
    public TimeLimit WishVerification { get; init; } = new(5, TimeUnit.WorkingDays);         // R-MW-02
    public TimeLimit WishExpressHandling { get; init; } = new(5, TimeUnit.WorkingDays);      // R-MW-04
    public TimeLimit WishResultFeedback { get; init; } = new(5, TimeUnit.WorkingDays);       // R-MW-05

    /// <summary>R-IN-02: concentrated collection ends by this day of the plan year (month, day).</summary>
    public int CollectionEndMonth { get; init; } = 1;
    public int CollectionEndDay { get; init; } = 31;

    /// <summary>R-MS-17: the annual plan is filed by the end of this month of the plan year.</summary>
    public int AnnualPlanMonth { get; init; } = 2;

    /// <summary>R-PL-08: warn this many hours before a deadline, but never earlier than halfway through it.</summary>
    public int WarningLeadHours { get; init; } = 24;

    /// <summary>R-ST-03: packaged operation of a station when the village has more than this many items a year (1年超50宗).</summary>
    public int StationPackagedItemsPerYear { get; init; } = 50;

    public static ProgrammeRuleSet Dongguan { get; } = new();

    public long CapFor(MicroProjects.ProjectCategory category) =>
        category == MicroProjects.ProjectCategory.ConvenienceWorks ? ConvenienceWorksCapFen : WelfareServiceCapFen;

    public bool IsSmall(long budgetFen) => budgetFen < DirectImplementationThresholdFen;

    /// <summary>When the warning for a deadline is due: the lead time before it, or halfway, whichever is later.</summary>
    public DateTimeOffset WarnAt(DateTimeOffset start, DateTimeOffset due)
    {
        var lead = due.AddHours(-WarningLeadHours);
        var half = start + (due - start) / 2;
        return lead > half ? lead : half;
    }

    public IEnumerable<(string Field, TimeLimit Limit)> Limits()
    {
        yield return (nameof(Acknowledge), Acknowledge);
        yield return (nameof(CommitteeMeeting), CommitteeMeeting);
        yield return (nameof(Consultation), Consultation);
        yield return (nameof(TownReview), TownReview);
        yield return (nameof(SmallWorksFinish), SmallWorksFinish);
        yield return (nameof(SmallServiceStart), SmallServiceStart);
        yield return (nameof(ExpressWorksFinish), ExpressWorksFinish);
        yield return (nameof(ExpressServiceStart), ExpressServiceStart);
        yield return (nameof(DirectStartAfterClaim), DirectStartAfterClaim);
        yield return (nameof(DirectPublication), DirectPublication);
        yield return (nameof(CompletionForm), CompletionForm);
        yield return (nameof(TownSurvey), TownSurvey);
        yield return (nameof(ResultFeedback), ResultFeedback);
        yield return (nameof(FinalAccounts), FinalAccounts);
        yield return (nameof(WishVerification), WishVerification);
        yield return (nameof(WishExpressHandling), WishExpressHandling);
        yield return (nameof(WishResultFeedback), WishResultFeedback);
    }

    /// <summary>Refuses a rule set that could not run: non-positive amounts, unknown units, impossible dates.</summary>
    public void Validate()
    {
        var c = new Check()
            .When(DirectImplementationThresholdFen <= 0, "directImplementationThresholdFen", "out_of_range", "直接实施金额上限须大于0", "must be positive")
            .When(DirectRouteHintFen < 0, "directRouteHintFen", "out_of_range", "莞家直达提示金额不能为负", "must not be negative")
            .When(ConvenienceWorksCapFen <= 0, "convenienceWorksCapFen", "out_of_range", "便民工程上限须大于0", "must be positive")
            .When(WelfareServiceCapFen <= 0, "welfareServiceCapFen", "out_of_range", "公益服务上限须大于0", "must be positive")
            .When(SurveyMinimumResponses is < 1 or > 10_000, "surveyMinimumResponses", "out_of_range", "测评最少人数须在1到10000之间", "must be between 1 and 10000")
            .When(PublicityMinimumDays is < 1 or > 90, "publicityMinimumDays", "out_of_range", "公示天数须在1到90之间", "must be between 1 and 90")
            .When(VillagePublicityMinimumDays is < 0 or > 90, "villagePublicityMinimumDays", "out_of_range", "公示天数须在0到90之间", "must be between 0 and 90")
            .When(CollectionEndMonth is < 1 or > 12 || CollectionEndDay < 1 || CollectionEndDay > DateTime.DaysInMonth(2023, Math.Clamp(CollectionEndMonth, 1, 12)),
                "collectionEndDay", "invalid_date", "集中征集截止日期无效", "the collection end date is not a valid date")
            .When(AnnualPlanMonth is < 1 or > 12, "annualPlanMonth", "out_of_range", "月份须在1到12之间", "must be between 1 and 12")
            .When(WarningLeadHours is < 0 or > 24 * 60, "warningLeadHours", "out_of_range", "提醒提前量须在0到1440小时之间", "must be between 0 and 1440 hours")
            .When(StationPackagedItemsPerYear is < 0 or > 100_000, "stationPackagedItemsPerYear", "out_of_range", "驿站整体打包运作的年服务量须在0到100000之间",
                "must be between 0 and 100000")
            .When(ClaimWindowMinimumDays is < 1 or > 365, "claimWindowMinimumDays", "out_of_range", "认领期天数须在1到365之间", "must be between 1 and 365");
        foreach (var (field, limit) in Limits())
        {
            var name = char.ToLowerInvariant(field[0]) + field[1..];
            if (limit is null) { c.Add(name, "required", "时限不能为空", "the time limit is required"); continue; }
            c.When(limit.Amount is < 1 or > 1000, $"{name}.amount", "out_of_range", "时限须在1到1000之间", "must be between 1 and 1000")
                .When(!Enum.IsDefined(limit.Unit), $"{name}.unit", "invalid", "计时单位无效（Hours/CalendarDays/WorkingDays/Months）",
                    "unit must be Hours, CalendarDays, WorkingDays or Months");
        }
        c.ThrowIfFailed();
    }
}
