using Guanjia.Domain.Common;

namespace Guanjia.Domain.Jurisdictions;

/// <summary>
/// A jurisdiction (管辖区) is a city or district that runs its own programmes on the product: 东莞市, 合肥市瑶海区.
/// It is a root of the organisation tree, so every scope path starts with it ("/441900/…", "/340102/…") and a
/// user belongs to exactly one (ADR 0040).
/// </summary>
public static class Jurisdiction
{
    /// <summary>The path of everything: only the system sees it. No jurisdiction has it.</summary>
    public const string All = "/";

    /// <summary>"/441900/441900003/441900003901/" → "/441900/"; "/" (the system) stays "/"; anything else without a code is "/".</summary>
    public static string RootOf(string? path)
    {
        if (string.IsNullOrEmpty(path) || path[0] != '/') return All;
        var end = path.IndexOf('/', 1);
        return end <= 1 ? All : path[..(end + 1)];
    }

    /// <summary>The code of the jurisdiction a path lies in ("441900"), or null for "/".</summary>
    public static string? CodeOf(string? path)
    {
        var root = RootOf(path);
        return root == All ? null : root[1..^1];
    }

    public static bool Contains(string jurisdictionPath, string? path) =>
        jurisdictionPath == All || (path is not null && path.StartsWith(jurisdictionPath, StringComparison.Ordinal));
}

/// <summary>
/// Reference data kept per jurisdiction and read by everyone in it (the working calendar, the rule sets): the row
/// carries its jurisdiction's root path, and one query filter shows a user only the rows of their own jurisdiction.
/// </summary>
public interface IJurisdictional
{
    string JurisdictionPath { get; }
}

/// <summary>
/// What a jurisdiction may run on the product. 民生大莞家 is one programme (appeals, micro-projects and wishes, routes
/// and claims, 莞家驿站, funds, the policy catalogue, statistics); casework of the civil-affairs service stations (001)
/// and the government purchase of community services (004) are the others.
/// </summary>
public enum ProgrammeCode
{
    /// <summary>民生大莞家 (002, 003, 000).</summary>
    Livelihood = 1,

    /// <summary>民政服务站 casework (001).</summary>
    CivilAffairs = 2,

    /// <summary>政府购买社区服务 (004).</summary>
    Purchasing = 3,
}

public static class ProgrammeNames
{
    /// <summary>The programme a permission belongs to; null for the platform's own (accounts, calendar, audit, rules, deadlines).</summary>
    public static ProgrammeCode? Of(string permission) => permission.Split('.')[0] switch
    {
        "appeals" or "projects" or "stations" or "claims" or "funds" or "policies" or "referrals" or "templates" or "allocations"
            or "messages" or "surveys" => ProgrammeCode.Livelihood,
        "casework" => ProgrammeCode.CivilAffairs,
        "purchasing" => ProgrammeCode.Purchasing,
        _ => null,
    };

    public static string Zh(ProgrammeCode p) => p switch
    {
        ProgrammeCode.Livelihood => "民生大莞家",
        ProgrammeCode.CivilAffairs => "民政服务站",
        ProgrammeCode.Purchasing => "政府购买社区服务",
        _ => p.ToString(),
    };
}

/// <summary>R-PS-07: the purchase rules are valid for a number of years from a date; the bureau is warned before they lapse.</summary>
public sealed record RulesValidity
{
    /// <summary>The first day the rules apply (Beijing date).</summary>
    public DateOnly ValidFrom { get; init; }

    /// <summary>004 十: 本办法有效期3年.</summary>
    public int Years { get; init; } = 3;

    /// <summary>Our reading (004 is silent): the bureau is warned this many days before the rules lapse.</summary>
    public int WarningDays { get; init; } = 90;

    /// <summary>The last day the rules apply.</summary>
    public DateOnly LastDay => ValidFrom.AddYears(Years).AddDays(-1);
}

/// <summary>The numbers of 004 (government purchase of community services) a jurisdiction runs under.</summary>
public sealed record PurchasingRules
{
    /// <summary>R-PS-04: 原则上每个站按1.5个社区配置1名工作人员.</summary>
    public decimal CommunitiesPerWorker { get; init; } = 1.5m;

    /// <summary>R-PS-04: each package has one project manager.</summary>
    public int ManagersPerPackage { get; init; } = 1;

    /// <summary>R-PS-04: one supervisor from the governance academy per package.</summary>
    public int SupervisorsPerPackage { get; init; } = 1;

    /// <summary>R-CA-12, R-PS-05 (our reading, ADR 0041): a month's brief is due on this working day of the next month.</summary>
    public int MonthlyBriefWorkingDay { get; init; } = 5;

    /// <summary>R-CA-12 (our reading): the mid-term report is due this many working days after the middle of the term.</summary>
    public int MidTermReportWorkingDays { get; init; } = 10;

    /// <summary>R-CA-12 (our reading): the final report is due this many working days after the term ends.</summary>
    public int FinalReportWorkingDays { get; init; } = 10;

    /// <summary>R-CA-12 (our reading): a major event reported at once is acknowledged by the town and the bureau within this many hours.</summary>
    public int MajorEventAcknowledgeHours { get; init; } = 24;

    /// <summary>Warn the contractor this many hours before a report is due (never earlier than the reporting window opens).</summary>
    public int ReportWarningLeadHours { get; init; } = 72;

    /// <summary>R-PS-06 (our reading of 尤其要注重对活动的实际效果进行评估): indicators of real effect weigh at least this much (%).</summary>
    public int EffectMinimumWeightPercent { get; init; } = 30;

    /// <summary>R-PS-06 (our reading of 把服务对象满意度作为重要指导): beneficiaries' satisfaction weighs at least this much (%).</summary>
    public int SatisfactionMinimumWeightPercent { get; init; } = 20;

    /// <summary>
    /// R-PS-06 (our reading, ADR 0036; 004 is silent): the beneficiaries' satisfaction survey behind the satisfaction indicators needs
    /// at least this many responses before the evaluation is scored — the product's own floor of R-MS-14 unless the jurisdiction sets another.
    /// </summary>
    public int SurveyMinimumRespondents { get; init; } = 30;

    /// <summary>Grades of a total score: 优秀 from this score, 良好, 合格; below the pass mark 不合格.</summary>
    public int ExcellentFrom { get; init; } = 90;

    public int GoodFrom { get; init; } = 80;

    public int PassFrom { get; init; } = 60;
}

/// <summary>The numbers of 001 (the township civil-affairs service station) a jurisdiction runs under.</summary>
public sealed record CivilAffairsRules
{
    /// <summary>R-CA-03: 不少于40学时的岗前培训.</summary>
    public int PreJobTrainingHours { get; init; } = 40;

    /// <summary>R-CA-03: 每年度接受继续教育累计不得少于60学时.</summary>
    public int ContinuingEducationHoursPerYear { get; init; } = 60;

    /// <summary>R-CA-02: 一般要求年龄45岁以下 (a general requirement: an exception needs a recorded reason).</summary>
    public int WorkerAgeLimit { get; init; } = 45;

    /// <summary>R-CA-11: 每年至少要有3次民政相关政策宣传或救助故事新闻宣传报道 (the monthly policy publicity is a deadline row per month).</summary>
    public int NewsReportsPerYear { get; init; } = 3;
}

/// <summary>
/// A jurisdiction's configuration, versioned like <c>ProgrammeRuleSet</c> (ADR 0009): the programmes it runs and the numbers
/// of their rules. Records keep the version they started under, so a later change never moves what is already running.
/// </summary>
public sealed record JurisdictionRuleSet
{
    public IReadOnlyList<ProgrammeCode> Programmes { get; init; } = [ProgrammeCode.Livelihood, ProgrammeCode.CivilAffairs];

    public PurchasingRules Purchasing { get; init; } = new();

    public CivilAffairsRules CivilAffairs { get; init; } = new();

    /// <summary>R-PS-07; null when the jurisdiction does not run Purchasing.</summary>
    public RulesValidity? Validity { get; init; }

    public bool Runs(ProgrammeCode p) => Programmes.Contains(p);

    public static JurisdictionRuleSet For(IEnumerable<ProgrammeCode> programmes, DateOnly validFrom)
    {
        var list = programmes.Distinct().Order().ToList();
        return new JurisdictionRuleSet
        {
            Programmes = list,
            Validity = list.Contains(ProgrammeCode.Purchasing) ? new RulesValidity { ValidFrom = validFrom } : null,
        };
    }

    public void Validate()
    {
        var c = new Check()
            .When(Programmes is null || Programmes.Count == 0, "programmes", "required", "请至少选择一项开展的工作", "Choose at least one programme")
            .When(Programmes is not null && Programmes.Any(p => !Enum.IsDefined(p)), "programmes", "invalid",
                "工作项目无效（Livelihood/CivilAffairs/Purchasing）", "programmes must be Livelihood, CivilAffairs or Purchasing")
            .When(Programmes is not null && Programmes.Distinct().Count() != Programmes.Count, "programmes", "duplicate", "工作项目重复", "A programme is listed twice")
            .When(Purchasing is null, "purchasing", "required", "请提供购买服务规则", "purchasing is required")
            .When(CivilAffairs is null, "civilAffairs", "required", "请提供民政服务站规则", "civilAffairs is required");
        if (Purchasing is { } p)
        {
            c.When(p.CommunitiesPerWorker is <= 0 or > 50, "purchasing.communitiesPerWorker", "out_of_range", "每名工作人员对应社区数须大于0且不超过50",
                    "must be more than 0 and at most 50 (R-PS-04)")
                .When(p.ManagersPerPackage is < 0 or > 20, "purchasing.managersPerPackage", "out_of_range", "项目主管人数须在0到20之间", "must be between 0 and 20")
                .When(p.SupervisorsPerPackage is < 0 or > 20, "purchasing.supervisorsPerPackage", "out_of_range", "项目督导人数须在0到20之间", "must be between 0 and 20")
                .When(p.MonthlyBriefWorkingDay is < 1 or > 20, "purchasing.monthlyBriefWorkingDay", "out_of_range", "月度简报报送日须为次月第1到第20个工作日",
                    "must be the 1st to the 20th working day of the next month (R-CA-12)")
                .When(p.MidTermReportWorkingDays is < 0 or > 60, "purchasing.midTermReportWorkingDays", "out_of_range", "中期报告时限须在0到60个工作日之间",
                    "must be between 0 and 60 working days")
                .When(p.FinalReportWorkingDays is < 0 or > 60, "purchasing.finalReportWorkingDays", "out_of_range", "末期报告时限须在0到60个工作日之间",
                    "must be between 0 and 60 working days")
                .When(p.MajorEventAcknowledgeHours is < 1 or > 168, "purchasing.majorEventAcknowledgeHours", "out_of_range", "重大事件确认时限须在1到168小时之间",
                    "must be between 1 and 168 hours")
                .When(p.ReportWarningLeadHours is < 0 or > 720, "purchasing.reportWarningLeadHours", "out_of_range", "报告提醒提前量须在0到720小时之间",
                    "must be between 0 and 720 hours")
                .When(p.EffectMinimumWeightPercent is < 0 or > 100, "purchasing.effectMinimumWeightPercent", "out_of_range", "实际效果最低权重须在0到100之间",
                    "must be between 0 and 100 (R-PS-06)")
                .When(p.SatisfactionMinimumWeightPercent is < 0 or > 100, "purchasing.satisfactionMinimumWeightPercent", "out_of_range",
                    "服务对象满意度最低权重须在0到100之间", "must be between 0 and 100 (R-PS-06)")
                .When(p.SurveyMinimumRespondents is < 1 or > 10000, "purchasing.surveyMinimumRespondents", "out_of_range",
                    "满意度测评最少受访人数须在1到10000之间", "must be between 1 and 10000 (R-PS-06)")
                .When(p.EffectMinimumWeightPercent + p.SatisfactionMinimumWeightPercent > 100, "purchasing.satisfactionMinimumWeightPercent", "over_100",
                    "实际效果与满意度的最低权重之和不能超过100%", "The two minimum weights together cannot exceed 100%")
                .When(!(p.PassFrom is > 0 and <= 100 && p.GoodFrom > p.PassFrom && p.ExcellentFrom > p.GoodFrom && p.ExcellentFrom <= 100),
                    "purchasing.excellentFrom", "invalid_grades", "等级分数线须满足 0 < 合格 < 良好 < 优秀 ≤ 100", "Grades must satisfy 0 < pass < good < excellent <= 100");
        }
        if (CivilAffairs is { } ca)
            c.When(ca.PreJobTrainingHours is < 0 or > 1000, "civilAffairs.preJobTrainingHours", "out_of_range", "岗前培训学时须在0到1000之间", "must be between 0 and 1000 (R-CA-03)")
                .When(ca.ContinuingEducationHoursPerYear is < 0 or > 1000, "civilAffairs.continuingEducationHoursPerYear", "out_of_range",
                    "继续教育学时须在0到1000之间", "must be between 0 and 1000 (R-CA-03)")
                .When(ca.WorkerAgeLimit is < 18 or > 70, "civilAffairs.workerAgeLimit", "out_of_range", "年龄上限须在18到70之间", "must be between 18 and 70 (R-CA-02)");
        var purchasing = Programmes?.Contains(ProgrammeCode.Purchasing) == true;
        c.When(purchasing && Validity is null, "validity", "required", "开展政府购买服务的，须写明实施办法的有效期（R-PS-07）",
            "A jurisdiction running Purchasing needs the rules' validity (R-PS-07)");
        if (Validity is { } v)
            c.When(v.Years is < 1 or > 10, "validity.years", "out_of_range", "有效期须在1到10年之间", "must be between 1 and 10 years (R-PS-07)")
                .When(v.WarningDays is < 1 or > 365, "validity.warningDays", "out_of_range", "提前提醒天数须在1到365之间", "must be between 1 and 365 days")
                .When(v.ValidFrom.Year is < 2000 or > 2100, "validity.validFrom", "out_of_range", "生效日期无效", "validFrom is not a valid date");
        c.ThrowIfFailed();
    }
}
