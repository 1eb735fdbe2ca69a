namespace Guanjia.Domain.Stations;

/// <summary>R-ST-01: the existing platforms a station is built on by adding its sign (加挂牌子), plus 其他.</summary>
public enum HostPlatform
{
    PartyMassServiceCenter = 1,
    CommunityServiceCenter = 2,
    CulturalServiceCenter = 3,
    FamilyServiceCenter = 4,
    YouthActivityCenter = 5,
    WorkersActivityCenter = 6,
    SocialWorkStation = 7,
    VolunteerServiceStation = 8,
    HomeCareServiceCenter = 9,
    DisabilityRehabilitationStation = 10,
    WomensHome = 11,
    Other = 99,
}

/// <summary>R-ST-06: the three forms a station's service takes.</summary>
public enum ServiceForm { Venue = 1, ServiceTeam = 2, ResourceLinking = 3 }

/// <summary>R-ST-06: what linking social resources brings (资金资助、物资捐赠、场地共享).</summary>
public enum LinkedResource { Funding = 1, DonatedGoods = 2, SharedVenue = 3 }

/// <summary>R-ST-03: how a station item is operated, chosen at its consultation.</summary>
public enum OperatingMode { Free = 1, Purchased = 2, Packaged = 3 }

/// <summary>R-ST-03: who decided a packaged operation (社区协商会议 or 村（居）民代表会议).</summary>
public enum DecisionBody { Consultation = 1, RepresentativesMeeting = 2 }

/// <summary>R-ST-05: how the village procured the service. 000's attachment 1 is not among the seeds; these are the usual methods.</summary>
public enum ProcurementMethod
{
    PublicTender = 1,
    InvitedTender = 2,
    CompetitiveNegotiation = 3,
    CompetitiveConsultation = 4,
    PriceInquiry = 5,
    SingleSource = 6,
    VillageSelection = 7,
    Other = 99,
}

/// <summary>R-ST-05: the filing is drafted by the village, filed with the town once the supervisory committee has reviewed it, and recorded by the town.</summary>
public enum ProcurementState
{
    /// <summary>Being drafted: never saved in this state.</summary>
    New = 0,
    Draft = 1,
    Filed = 2,
    Recorded = 3,
}

/// <summary>R-ST-07: the three results a station-route item publishes (三公开).</summary>
public enum PublicationKind { Consultation = 1, Implementation = 2, Evaluation = 3 }

/// <summary>R-ST-07: the three channels the village publishes through.</summary>
public enum PublicationPlatform { CommunityPlatform = 1, IntegrityPlatform = 2, VillageNoticeBoard = 3 }

/// <summary>000 §一(二): the inclusive personal services a social-work service point provides.</summary>
public enum InclusiveService
{
    PsychologicalCounselling = 1,
    RightsProtection = 2,
    YouthBehaviourCorrection = 3,
    MaritalRepair = 4,
    FamilyRelations = 5,
    EmploymentAid = 6,
    MedicalPolicyConsultation = 7,
    ResourceLinkingAndReferral = 8,
    HospiceCare = 9,
    Other = 99,
}

/// <summary>R-ST-08: referred by the station head, served by the point, records filed with the town.</summary>
public enum ReferralState
{
    /// <summary>Being made: never saved in this state.</summary>
    New = 0,
    Referred = 1,
    Served = 2,
    Filed = 3,
}

public static class StationTerms
{
    public static string Zh(HostPlatform p) => p switch
    {
        HostPlatform.PartyMassServiceCenter => "“阳光雨”党群服务中心",
        HostPlatform.CommunityServiceCenter => "社区综合服务中心",
        HostPlatform.CulturalServiceCenter => "基层综合性文化服务中心",
        HostPlatform.FamilyServiceCenter => "“白玉兰”家庭服务中心",
        HostPlatform.YouthActivityCenter => "莞香花青少年活动中心",
        HostPlatform.WorkersActivityCenter => "先锋号工人活动中心",
        HostPlatform.SocialWorkStation => "社工服务站",
        HostPlatform.VolunteerServiceStation => "志愿服务站",
        HostPlatform.HomeCareServiceCenter => "居家养老服务中心（站）",
        HostPlatform.DisabilityRehabilitationStation => "残疾人康复站",
        HostPlatform.WomensHome => "妇女之家",
        _ => "其他平台载体",
    };

    public static string Zh(ServiceForm f) => f switch
    {
        ServiceForm.Venue => "提供场地支持",
        ServiceForm.ServiceTeam => "组建服务队伍",
        _ => "链接社会资源",
    };

    public static string Zh(OperatingMode m) => m switch
    {
        OperatingMode.Free => "无偿提供服务",
        OperatingMode.Purchased => "购买服务项目",
        _ => "整体打包运作",
    };

    public static string Zh(PublicationKind k) => k switch
    {
        PublicationKind.Consultation => "协商结果",
        PublicationKind.Implementation => "实施结果",
        _ => "评议结果",
    };

    public static string Zh(PublicationPlatform p) => p switch
    {
        PublicationPlatform.CommunityPlatform => "社区公共服务综合信息平台",
        PublicationPlatform.IntegrityPlatform => "农村党风廉政信息公开平台",
        _ => "党务村（居）务公开栏",
    };

    /// <summary>Enum sets are stored as comma-separated names, like the registration form's lists.</summary>
    public static string Join<T>(IEnumerable<T> values) where T : struct, Enum =>
        string.Join(',', values.Distinct().OrderBy(v => Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture)));

    public static List<T> Split<T>(string? csv) where T : struct, Enum =>
        string.IsNullOrEmpty(csv) ? [] : csv.Split(',').Select(Enum.Parse<T>).ToList();
}
