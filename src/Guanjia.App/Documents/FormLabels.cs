using Guanjia.Domain.Appeals;
using Guanjia.Domain.MicroProjects;
using Guanjia.Domain.MicroWishes;
using Guanjia.Domain.Stations;

namespace Guanjia.App.Documents;

/// <summary>The option lists of the forms in their printed order and wording (003 attachments 1–3, 000 attachment 1).</summary>
public static class FormLabels
{
    public static readonly (ProjectCategory, string)[] Categories =
        [(ProjectCategory.ConvenienceWorks, "便民工程项目"), (ProjectCategory.WelfareService, "公益服务项目")];

    public static readonly (ProjectSubType, string)[] SubTypes =
    [
        (ProjectSubType.LivingEnvironment, "人居环境改善"), (ProjectSubType.PublicFacilities, "公共设施完善"),
        (ProjectSubType.SafetyShelters, "安全防护与应急避护"), (ProjectSubType.ElderlyCare, "养老服务"),
        (ProjectSubType.ChildrenAndYouth, "儿童青少年服务"), (ProjectSubType.PovertyAid, "困难帮扶"), (ProjectSubType.Disability, "助残服务"),
        (ProjectSubType.ResidentIntegration, "居民融合"), (ProjectSubType.SpecialPopulations, "特殊人群服务"),
        (ProjectSubType.PublicHealthEmergency, "公共卫生与应急服务"), (ProjectSubType.FeatureServices, "特色服务"),
    ];

    public static readonly (ProposalSource, string)[] Sources =
    [
        (ProposalSource.OnlineAndHotline, "网络及热线征集"), (ProposalSource.VillageCommittees, "村（社区）“两委”提议"),
        (ProposalSource.Residents, "群众提议"), (ProposalSource.Deputies, "“两代表一委员”提议"), (ProposalSource.StationedCadres, "驻点领导干部收集"),
        (ProposalSource.UnitsAndOrganizations, "驻村（社区）企事业单位、社会组织提议"), (ProposalSource.Other, "其他"),
    ];

    public static readonly (ConsultationForm, string)[] Forms =
    [
        (ConsultationForm.VillagersMeeting, "村（居）民（代表）会议"), (ConsultationForm.ShareholdersMeeting, "股东（代表）会议"),
        (ConsultationForm.VillagersGroupMeeting, "村（居）民小组会议"), (ConsultationForm.TopicalCouncil, "专题议事会"),
        (ConsultationForm.PartyMassJointMeeting, "党群联席会议"), (ConsultationForm.PropertyJointMeeting, "物业联席会议"),
        (ConsultationForm.OwnersAssembly, "业主大会"), (ConsultationForm.Online, "网络协商"), (ConsultationForm.Other, "其他形式"),
    ];

    public static readonly (ParticipantType, string)[] Participants =
    [
        (ParticipantType.GrassrootsGovernment, "基层政府及其派出机关"), (ParticipantType.PartyWorkingCommittee, "村（社区）党工委"),
        (ParticipantType.VillagersCommittee, "村（居）民委员会"), (ParticipantType.SupervisoryCommittee, "村（居）务监督委员会"),
        (ParticipantType.VillagersGroup, "村（居）民小组"), (ParticipantType.ResidentUnits, "驻村（社区）单位"),
        (ParticipantType.MassOrganizations, "基层群团组织"), (ParticipantType.CommunitySocialOrganizations, "社区社会组织"),
        (ParticipantType.OwnersCommittee, "业主委员会"), (ParticipantType.CollectiveEconomicOrganization, "农村集体经济组织"),
        (ParticipantType.FarmersCooperative, "农民合作组织"), (ParticipantType.PropertyServiceCompany, "物业服务企业"),
        (ParticipantType.VillagersRepresentatives, "村（居）民代表"), (ParticipantType.ShareholderRepresentatives, "股东代表"),
        (ParticipantType.NonRegisteredResidents, "非户籍常住人口代表"), (ParticipantType.Beneficiaries, "受惠群体"), (ParticipantType.Other, "其他"),
    ];

    public static readonly (Route, string)[] Routes = [(Route.Express, "莞家速递"), (Route.Direct, "莞家直达"), (Route.Station, "莞家驿站")];

    public static readonly (FundingSource, string)[] Funding =
        [(FundingSource.ProgrammeFund, "“民生大莞家”资金"), (FundingSource.SocialDonation, "社会捐赠"), (FundingSource.VillageSelfFunded, "村（社区）自筹")];

    public static readonly (ProcurementMethod, string)[] Methods =
    [
        (ProcurementMethod.PublicTender, "公开招标"), (ProcurementMethod.InvitedTender, "邀请招标"), (ProcurementMethod.CompetitiveNegotiation, "竞争性谈判"),
        (ProcurementMethod.CompetitiveConsultation, "竞争性磋商"), (ProcurementMethod.PriceInquiry, "询价"), (ProcurementMethod.SingleSource, "单一来源"),
        (ProcurementMethod.VillageSelection, "村（社区）自行遴选"), (ProcurementMethod.Other, "其他"),
    ];

    public static readonly (OperatingMode, string)[] Modes =
        [(OperatingMode.Free, "无偿提供服务"), (OperatingMode.Purchased, "项目购买"), (OperatingMode.Packaged, "整体打包")];

    public static readonly (ServiceForm, string)[] ServiceForms =
        [(ServiceForm.Venue, "提供场地支持"), (ServiceForm.ServiceTeam, "组建服务队伍"), (ServiceForm.ResourceLinking, "链接社会资源")];

    public static readonly (DecisionBody, string)[] DecisionBodies =
        [(DecisionBody.Consultation, "城乡社区协商会议"), (DecisionBody.RepresentativesMeeting, "村（居）民代表会议")];

    public static string Of<T>((T, string)[] list, T? value) where T : struct, Enum =>
        value is { } v ? list.FirstOrDefault(x => x.Item1.Equals(v)).Item2 ?? v.ToString() : "";

    public static string Zh(AppealState s) => s switch
    {
        AppealState.Dispatched => "已交派，待接收",
        AppealState.Acknowledged => "已接收，待研究",
        AppealState.BecameProject => "已列为微实事项目",
        AppealState.ReferredToPolicy => "转现行政策办理",
        AppealState.NotAccepted => "不予受理",
        AppealState.BecameWish => "已列为微心愿",
        _ => s.ToString(),
    };

    public static string Zh(WishState s) => s switch
    {
        WishState.AwaitingVerification => "待核实",
        WishState.AwaitingDecision => "待评审",
        WishState.Handling => "办理中",
        WishState.Completed => "已完成",
        WishState.Closed => "已办结",
        WishState.PolicyReferred => "转现行政策办理",
        WishState.Rejected => "不予受理",
        WishState.Routed => "转直达/驿站办理",
        _ => s.ToString(),
    };

    public static string Zh(WishKind k) => k == WishKind.SpecialGroupAid ? "特殊群体帮扶" : "普惠型服务";
}
