using Guanjia.Domain.Common;
using Guanjia.Domain.Jurisdictions;

namespace Guanjia.Domain.Purchasing;

/// <summary>The highest education a worker completed (R-CA-02: 大专及以上学历 is the general requirement).</summary>
public enum EducationLevel { BelowCollege = 1, College = 2, Bachelor = 3, Postgraduate = 4 }

/// <summary>
/// R-CA-02 (001 三(二)): resident staff are generally aged 45 or under, hold a college (大专) degree or above, with local hukou
/// preferred. These are general requirements, not bars: a worker who misses one is hired with the reason recorded (issue 14:
/// "an exception needs a recorded reason, not a refusal"). The age limit is the jurisdiction's configuration.
/// </summary>
public static class StaffRequirements
{
    public const string OverAge = "over_age";
    public const string BelowCollege = "below_college";
    public const string NotLocalHukou = "not_local_hukou";

    /// <summary>The general requirements a worker misses on a day, as codes; empty when none.</summary>
    public static IReadOnlyList<string> Exceptions(DateOnly birthDate, EducationLevel education, bool localHukou, DateOnly on, CivilAffairsRules rules)
    {
        var list = new List<string>();
        if (AgeOn(birthDate, on) > rules.WorkerAgeLimit) list.Add(OverAge);
        if (education < EducationLevel.College) list.Add(BelowCollege);
        if (!localHukou) list.Add(NotLocalHukou);
        return list;
    }

    /// <summary>Full years of age on a day (born on 29 February, a year older on 1 March of other years).</summary>
    public static int AgeOn(DateOnly birthDate, DateOnly on)
    {
        var age = on.Year - birthDate.Year;
        if (on.Month < birthDate.Month || (on.Month == birthDate.Month && on.Day < birthDate.Day)) age--;
        return age;
    }

    /// <summary>A missed requirement without its reason is a 400 naming the field and the rule; with one, the worker is hired.</summary>
    public static Check CheckExceptions(Check c, IReadOnlyList<string> exceptions, string? exceptionReason, CivilAffairsRules rules) =>
        c.When(exceptions.Count > 0 && string.IsNullOrWhiteSpace(exceptionReason), "exceptionReason", "exception_reason_required",
                $"该人员不符合一般要求（{string.Join("、", exceptions.Select(e => Zh(e, rules)))}），请记录例外原因（R-CA-02）",
                $"The worker misses the general requirements ({string.Join(", ", exceptions)}); record the reason for the exception (R-CA-02)")
            .MaxLength("exceptionReason", exceptionReason, 500, "例外原因", "Exception reason");

    public static string Zh(string exception, CivilAffairsRules rules) => exception switch
    {
        OverAge => $"年龄超过{rules.WorkerAgeLimit}岁",
        BelowCollege => "学历低于大专",
        NotLocalHukou => "非本地户籍",
        _ => exception,
    };
}

/// <summary>
/// R-CA-03 (001 三(二)): at least 40 hours of pre-job training before a worker serves anyone, and at least 60 hours of continuing
/// education each year, shown per worker and warned in the year's last quarter (issue 14). The hours are the jurisdiction's.
/// </summary>
public static class TrainingLedger
{
    /// <summary>Whether the worker may be assigned to serve anyone: the pre-job hours are complete.</summary>
    public static bool MayServe(decimal preJobHours, CivilAffairsRules rules) => preJobHours >= rules.PreJobTrainingHours;

    /// <summary>The year's continuing education: required, done, still short, and whether to warn now (the last quarter, still short).</summary>
    public sealed record ContinuingStatus(int Year, int RequiredHours, decimal DoneHours, decimal ShortHours, bool Warn);

    public static ContinuingStatus Continuing(decimal hoursThisYear, DateOnly today, CivilAffairsRules rules)
    {
        var required = rules.ContinuingEducationHoursPerYear;
        var shortBy = Math.Max(0, required - hoursThisYear);
        return new ContinuingStatus(today.Year, required, hoursThisYear, shortBy, shortBy > 0 && today.Month >= 10);
    }

    /// <summary>An untrained worker assigned to serve: a 400 naming the field and the rule.</summary>
    public static Check CheckMayServe(Check c, string field, decimal preJobHours, CivilAffairsRules rules) =>
        c.When(!MayServe(preJobHours, rules), field, "pre_job_training_incomplete",
            $"该人员岗前培训{preJobHours:0.#}学时，不足{rules.PreJobTrainingHours}学时，不能安排服务对象（R-CA-03）",
            $"The worker has {preJobHours:0.#} of the {rules.PreJobTrainingHours} hours of pre-job training and cannot serve anyone yet (R-CA-03)");
}
