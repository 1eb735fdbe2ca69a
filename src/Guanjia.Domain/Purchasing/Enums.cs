namespace Guanjia.Domain.Purchasing;

/// <summary>R-PS-01: the kinds of contractor 004 三 names — 具备相应资质的各类机构、企业和社会组织.</summary>
public enum ContractorKind { Institution = 1, Enterprise = 2, SocialOrganisation = 3 }

/// <summary>R-PS-02: what 004 四 buys.</summary>
public enum ServiceContent
{
    /// <summary>社区公共养老服务.</summary>
    ElderlyCare = 1,
    /// <summary>社区青少年服务.</summary>
    YouthServices = 2,
    /// <summary>社会救助服务.</summary>
    SocialAssistance = 3,
    /// <summary>困难老职工家访服务.</summary>
    RetiredWorkerVisits = 4,
    /// <summary>小区居民活动中心和居家养老服务站运营.</summary>
    CentreOperation = 5,
    /// <summary>孵化社区治理组织.</summary>
    OrganisationIncubation = 6,
    /// <summary>微公益创投.</summary>
    VentureRounds = 7,
    /// <summary>其他公益性社会服务.</summary>
    OtherPublicWelfare = 8,
}

/// <summary>How a package was bought (004 五: 按符合政府购买服务规定的方式组织招标).</summary>
public enum TenderMethod
{
    PublicTender = 1,
    InvitedTender = 2,
    CompetitiveNegotiation = 3,
    CompetitiveConsultation = 4,
    Inquiry = 5,
    SingleSource = 6,
}

/// <summary>What an instalment waits for before the bureau may accept it (and the ledger pay it).</summary>
public enum InstalmentMilestone
{
    /// <summary>The contract is signed.</summary>
    OnSigning = 1,
    /// <summary>The mid-term report is filed and acknowledged.</summary>
    MidTermAcceptance = 2,
    /// <summary>The final report is acknowledged, the third-party evaluation accepted and every rectification closed.</summary>
    FinalAcceptance = 3,
}

/// <summary>Moved only by <see cref="PurchasingWorkflows"/>; New is never saved.</summary>
public enum InstalmentState { New = 0, Pending = 1, Accepted = 2 }

/// <summary>Moved only by <see cref="PurchasingWorkflows"/>; New is never saved.</summary>
public enum ContractState { New = 0, Active = 1, Completed = 2 }

/// <summary>R-CA-12, R-PS-05: the contractor's reports.</summary>
public enum ReportKind { MonthlyBrief = 1, MidTermReport = 2, FinalReport = 3, MajorEvent = 4 }

/// <summary>Moved only by <see cref="PurchasingWorkflows"/>; New is never saved.</summary>
public enum ReportState { New = 0, Due = 1, Filed = 2 }

/// <summary>Who acknowledges a report: the bureau always; the town (street) too for a major event.</summary>
public enum AcknowledgingParty { Bureau = 1, Town = 2 }

/// <summary>R-PS-05: 接受民政、财政、审计等部门的监督检查.</summary>
public enum InspectionBody { CivilAffairs = 1, Finance = 2, Audit = 3 }

/// <summary>R-PS-06: what an indicator measures; real effect and beneficiaries' satisfaction carry a minimum weight.</summary>
public enum IndicatorCategory { Effect = 1, Satisfaction = 2, Process = 3, Finance = 4, Other = 9 }

/// <summary>Moved only by <see cref="PurchasingWorkflows"/>; New is never saved.</summary>
public enum EvaluationState { New = 0, Commissioned = 1, Scored = 2, Accepted = 3 }

public enum Grade { Excellent = 1, Good = 2, Pass = 3, Fail = 4 }

public enum FindingSource { Inspection = 1, Evaluation = 2 }

/// <summary>Moved only by <see cref="PurchasingWorkflows"/>; New is never saved.</summary>
public enum RectificationState { New = 0, Open = 1, EvidenceSubmitted = 2, Closed = 3 }

/// <summary>The Chinese words of the purchase's terms, for views and messages.</summary>
public static class PurchasingTerms
{
    public static string Zh(ContractorKind k) => k switch
    {
        ContractorKind.Institution => "机构", ContractorKind.Enterprise => "企业", ContractorKind.SocialOrganisation => "社会组织", _ => k.ToString(),
    };

    public static string Zh(ServiceContent c) => c switch
    {
        ServiceContent.ElderlyCare => "社区公共养老服务",
        ServiceContent.YouthServices => "社区青少年服务",
        ServiceContent.SocialAssistance => "社会救助服务",
        ServiceContent.RetiredWorkerVisits => "困难老职工家访服务",
        ServiceContent.CentreOperation => "小区居民活动中心和居家养老服务站运营",
        ServiceContent.OrganisationIncubation => "孵化社区治理组织",
        ServiceContent.VentureRounds => "微公益创投",
        ServiceContent.OtherPublicWelfare => "其他公益性社会服务",
        _ => c.ToString(),
    };

    public static string Zh(TenderMethod m) => m switch
    {
        TenderMethod.PublicTender => "公开招标",
        TenderMethod.InvitedTender => "邀请招标",
        TenderMethod.CompetitiveNegotiation => "竞争性谈判",
        TenderMethod.CompetitiveConsultation => "竞争性磋商",
        TenderMethod.Inquiry => "询价",
        TenderMethod.SingleSource => "单一来源采购",
        _ => m.ToString(),
    };

    public static string Zh(InstalmentMilestone m) => m switch
    {
        InstalmentMilestone.OnSigning => "合同签订后",
        InstalmentMilestone.MidTermAcceptance => "中期验收后",
        InstalmentMilestone.FinalAcceptance => "末期验收后",
        _ => m.ToString(),
    };

    public static string Zh(ReportKind k) => k switch
    {
        ReportKind.MonthlyBrief => "月度工作简报",
        ReportKind.MidTermReport => "中期工作报告",
        ReportKind.FinalReport => "末期工作报告",
        ReportKind.MajorEvent => "重大事件报告",
        _ => k.ToString(),
    };

    public static string Zh(InspectionBody b) => b switch
    {
        InspectionBody.CivilAffairs => "民政部门", InspectionBody.Finance => "财政部门", InspectionBody.Audit => "审计部门", _ => b.ToString(),
    };

    public static string Zh(IndicatorCategory c) => c switch
    {
        IndicatorCategory.Effect => "实际效果",
        IndicatorCategory.Satisfaction => "服务对象满意度",
        IndicatorCategory.Process => "过程管理",
        IndicatorCategory.Finance => "资金管理",
        _ => "其他",
    };

    public static string Zh(Grade g) => g switch
    {
        Grade.Excellent => "优秀", Grade.Good => "良好", Grade.Pass => "合格", _ => "不合格",
    };

    public static string Zh(ContractState s) => s switch
    {
        ContractState.Active => "履行中", ContractState.Completed => "已履行完毕", _ => "新建",
    };

    public static string Zh(InstalmentState s) => s switch
    {
        InstalmentState.Pending => "待验收", InstalmentState.Accepted => "已验收", _ => "新建",
    };

    public static string Zh(ReportState s) => s switch
    {
        ReportState.Due => "待报送", ReportState.Filed => "已报送", _ => "新建",
    };

    public static string Zh(EvaluationState s) => s switch
    {
        EvaluationState.Commissioned => "已委托", EvaluationState.Scored => "已评分", EvaluationState.Accepted => "已确认", _ => "新建",
    };

    public static string Zh(RectificationState s) => s switch
    {
        RectificationState.Open => "待整改", RectificationState.EvidenceSubmitted => "已提交整改材料", RectificationState.Closed => "已销号", _ => "新建",
    };

    public static string Join<T>(IEnumerable<T> values) where T : struct, Enum =>
        string.Join(',', values.Distinct().OrderBy(v => Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture)));

    public static IReadOnlyList<T> Split<T>(string? joined) where T : struct, Enum =>
        string.IsNullOrEmpty(joined) ? [] : joined.Split(',').Select(Enum.Parse<T>).ToList();
}
