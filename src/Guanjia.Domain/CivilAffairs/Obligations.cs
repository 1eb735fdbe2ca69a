using Guanjia.Domain.Deadlines;

namespace Guanjia.Domain.CivilAffairs;

/// <summary>The casework's obligations (R-CA-04..08) as deadline rows, joined into <see cref="Obligations.All"/>.</summary>
public static class CaseworkObligations
{
    public const string MonthlyVisit = "CaseMonthlyVisit";
    public const string YearlyAssessment = "CaseYearlyAssessment";
    public const string Reassessment = "CaseReassessment";
    public const string MeansInvestigation = "CaseMeansInvestigation";
    public const string TargetScreening = "CaseTargetScreening";
    public const string PolicyEvaluation = "CasePolicyEvaluation";
    public const string PolicyPublicity = "StationPolicyPublicity";
    public const string NewsReports = "StationNewsReports";

    public static readonly IReadOnlyList<string> Keys =
        [MonthlyVisit, YearlyAssessment, Reassessment, MeansInvestigation, TargetScreening, PolicyEvaluation, PolicyPublicity, NewsReports];

    public static readonly Obligations.Info[] All =
    [
        new(MonthlyVisit, "R-CA-08", "分散特困人员每月探视巡访", "Visit the dispersed extremely poor person this month", false, Jurisdictions.ProgrammeCode.CivilAffairs),
        new(YearlyAssessment, "R-CA-07", "特困人员年度自理能力评估", "Yearly self-care assessment", false, Jurisdictions.ProgrammeCode.CivilAffairs),
        new(Reassessment, "R-CA-07", "突发情况后重新评估自理能力", "Re-assess self-care after a sudden change", false, Jurisdictions.ProgrammeCode.CivilAffairs),
        new(MeansInvestigation, "R-CA-05", "动态调整家庭每月家计调查", "Monthly means investigation of the household", false, Jurisdictions.ProgrammeCode.CivilAffairs),
        new(TargetScreening, "R-CA-04", "村（社区）每月对象排查", "Monthly target screening of the village", false, Jurisdictions.ProgrammeCode.CivilAffairs),
        new(PolicyEvaluation, "R-CA-06", "镇街每季度政策绩效评价", "Quarterly policy evaluation of the town", true, Jurisdictions.ProgrammeCode.CivilAffairs),
        new(PolicyPublicity, "R-CA-11", "服务站每月民政政策宣传", "The station's policy publicity this month", true, Jurisdictions.ProgrammeCode.CivilAffairs),
        new(NewsReports, "R-CA-11", "服务站每年至少3次新闻宣传报道", "The station's news reports of the year (at least 3)", true, Jurisdictions.ProgrammeCode.CivilAffairs),
    ];
}
