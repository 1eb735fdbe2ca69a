namespace Guanjia.Domain.MicroProjects;

/// <summary>R-MS-01: the two categories of 民生微实事.</summary>
public enum ProjectCategory { ConvenienceWorks = 1, WelfareService = 2 }

/// <summary>The sub-types of 003 §一: three kinds of works, eight kinds of service.</summary>
public enum ProjectSubType
{
    LivingEnvironment = 11,
    PublicFacilities = 12,
    SafetyShelters = 13,
    ElderlyCare = 21,
    ChildrenAndYouth = 22,
    PovertyAid = 23,
    Disability = 24,
    ResidentIntegration = 25,
    SpecialPopulations = 26,
    PublicHealthEmergency = 27,
    FeatureServices = 28,
}

/// <summary>办理方式 (Route): 莞家速递, 莞家直达, 莞家驿站.</summary>
public enum Route { Express = 1, Direct = 2, Station = 3 }

/// <summary>R-RT-01: how an express item is done — directly, by a grant, or by pairing with a unit or village (结对帮扶).</summary>
public enum ExpressForm { DirectImplementation = 1, DirectGrant = 2, Pairing = 3 }

public static class RouteChecks
{
    /// <summary>An express form belongs only to the express route; a pairing names the unit or village paired.</summary>
    public static Common.Check ExpressForm(this Common.Check c, Route? route, ExpressForm? form, string? pairedUnit) => c
        .When(form is { } f && !Enum.IsDefined(f), "expressForm", "invalid", "速递方式无效：DirectImplementation、DirectGrant 或 Pairing",
            "expressForm must be DirectImplementation, DirectGrant or Pairing")
        .When(form is not null && route is not null && route != Route.Express, "expressForm", "not_express", "只有莞家速递需选择速递方式",
            "Only the express route has an express form")
        .When(form == MicroProjects.ExpressForm.Pairing && string.IsNullOrWhiteSpace(pairedUnit), "pairedUnit", "required",
            "结对帮扶须填写结对的机关事业单位或村（社区）", "A pairing needs the paired unit or village")
        .MaxLength("pairedUnit", pairedUnit, 100, "结对单位", "Paired unit");

    public static string Zh(ExpressForm f) => f switch
    {
        MicroProjects.ExpressForm.DirectImplementation => "直接组织实施",
        MicroProjects.ExpressForm.DirectGrant => "直接给予资金资助",
        MicroProjects.ExpressForm.Pairing => "结对帮扶",
        _ => f.ToString(),
    };
}

/// <summary>R-IN-03: the registration form's 来源渠道.</summary>
public enum ProposalSource
{
    OnlineAndHotline = 1,
    VillageCommittees = 2,
    Residents = 3,
    Deputies = 4,
    StationedCadres = 5,
    UnitsAndOrganizations = 6,
    Other = 99,
}

/// <summary>R-MS-05: 协商形式.</summary>
public enum ConsultationForm
{
    VillagersMeeting = 1,
    ShareholdersMeeting = 2,
    VillagersGroupMeeting = 3,
    TopicalCouncil = 4,
    PartyMassJointMeeting = 5,
    PropertyJointMeeting = 6,
    OwnersAssembly = 7,
    Online = 8,
    Other = 99,
}

/// <summary>R-MS-05: the sixteen 参与主体 of the registration form, plus 其他.</summary>
public enum ParticipantType
{
    GrassrootsGovernment = 1,
    PartyWorkingCommittee = 2,
    VillagersCommittee = 3,
    SupervisoryCommittee = 4,
    VillagersGroup = 5,
    ResidentUnits = 6,
    MassOrganizations = 7,
    CommunitySocialOrganizations = 8,
    OwnersCommittee = 9,
    CollectiveEconomicOrganization = 10,
    FarmersCooperative = 11,
    PropertyServiceCompany = 12,
    VillagersRepresentatives = 13,
    ShareholderRepresentatives = 14,
    NonRegisteredResidents = 15,
    Beneficiaries = 16,
    Other = 99,
}

/// <summary>R-MS-05: 项目经费来源.</summary>
public enum FundingSource { ProgrammeFund = 1, SocialDonation = 2, VillageSelfFunded = 3 }

/// <summary>A consultation, or the villagers' (representatives') assembly vote after a failed one (R-MS-06).</summary>
public enum ConsultationKind { Consultation = 1, AssemblyVote = 2 }

/// <summary>The four checks of the town's review (R-MS-08) lead to one of these.</summary>
public enum ReviewDecision { ProgrammeFunding = 1, PolicyReferral = 2, ReturnToVillage = 3, Reject = 4 }

/// <summary>
/// R-MS-20: the town's opinion on the registration form says where the money comes from: 从…财政预算中列支,
/// 从…村(社区)“民生大莞家”专项资金中列支, or 由社会捐赠解决 (003 attachment 1).
/// </summary>
public enum FundingChannel { FinanceBudget = 1, VillageProgrammeFund = 2, SocialDonation = 3 }

public enum SatisfactionLevel { VerySatisfied = 5, Satisfied = 4, FairlySatisfied = 3, Dissatisfied = 2, VeryDissatisfied = 1 }

public static class ProjectTaxonomy
{
    public static ProjectCategory CategoryOf(ProjectSubType t) =>
        (int)t < 20 ? ProjectCategory.ConvenienceWorks : ProjectCategory.WelfareService;

    public static string Zh(ProjectCategory c) => c == ProjectCategory.ConvenienceWorks ? "便民工程项目" : "公益服务项目";

    public static string Zh(Route r) => r switch
    {
        Route.Express => "莞家速递",
        Route.Direct => "莞家直达",
        _ => "莞家驿站",
    };
}
