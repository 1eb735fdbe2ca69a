using Guanjia.Domain.Accounts;
using Guanjia.Domain.Common;
using Guanjia.Domain.Deadlines;
using Guanjia.Domain.Feedback;
using Guanjia.Domain.Programme;

namespace Guanjia.Domain.MicroProjects;

public enum ProjectState
{
    /// <summary>Being made by the committee's decision: never saved in this state, its Create row moves it on in the same save.</summary>
    New = 0,
    AwaitingConsultation = 1,
    ConsultationFailed = 2,
    Consulted = 3,
    TownReview = 4,
    AwaitingPublicity = 5,
    Publicity = 6,
    Implementation = 7,
    Completed = 8,
    AwaitingSurvey = 9,
    Closed = 10,
    PolicyReferred = 11,
    Rejected = 12,
    /// <summary>莞家直达: on the claim board until claimed and connected, or returned unclaimed (R-RT-02..04).</summary>
    AwaitingClaim = 13,
}

/// <summary>
/// The whole 民生微实事 process in one table (003 §二, R-MS-03..20): each row says from which state an action may be
/// taken, for which projects, by whom, to which state it leads, which deadlines it meets and starts, and which
/// feedback it sends. Firing a row is the only way a project's state changes; docs/workflow.md is generated from it.
/// </summary>
public static class ProjectWorkflow
{
    /// <summary>Rows the system fires itself, right after the step that makes them due; no user permission applies.</summary>
    public const string System = "system";

    private static ProjectState[] S(params ProjectState[] s) => s;
    private static string[] O(params string[] o) => o;

    public static readonly When<MicroProject> Small = new("5万元以下", "under the threshold", p => p.IsSmall == true);
    public static readonly When<MicroProject> Large = new("5万元及以上", "at or above the threshold", p => p.IsSmall != true);
    private static readonly When<MicroProject> Works = new("便民工程", "convenience works", p => p.Category == ProjectCategory.ConvenienceWorks);
    private static readonly When<MicroProject> Service = new("公益服务", "welfare service", p => p.Category != ProjectCategory.ConvenienceWorks);
    private static readonly When<MicroProject> Express = new("莞家速递", "express route", p => p.Route == Route.Express);
    private static readonly When<MicroProject> Direct = new("莞家直达", "direct route", p => p.Route == Route.Direct);
    private static readonly When<MicroProject> NotDirect = new("非莞家直达", "not the direct route", p => p.Route != Route.Direct);
    private static readonly When<MicroProject> Station = new("莞家驿站", "station route", p => p.Route == Route.Station);

    private static readonly Anchor<MicroProject> Consulted = Anchor<MicroProject>.Field("协商完成时", "the consultation", p => p.ConsultedAt);
    private static readonly Anchor<MicroProject> PublicityEnd = Anchor<MicroProject>.Field("公示期满时", "the end of publicity", p => p.PublicityTo);

    private static DeadlineStart<MicroProject> D(string obligation, Owner owner, string limit, Func<ProgrammeRuleSet, TimeLimit> l,
        Anchor<MicroProject> from, When<MicroProject>? when = null) => new(obligation, owner, limit, l, from, when);

    public static readonly IReadOnlyList<Transition<MicroProject, ProjectState>> Table =
    [
        new("Create", S(ProjectState.New), ProjectState.AwaitingConsultation, Permissions.ProjectsVillage, "R-MS-03, R-MS-04",
            "“两委”联席会议确定纳入民生微实事，10日内召开城乡社区协商会议")
        {
            Starts = [D(Obligations.Consultation, Owner.Village, nameof(ProgrammeRuleSet.Consultation), r => r.Consultation, Anchor<MicroProject>.Event)],
        },
        // From Consulted too: a project the town returned (budget, route) is settled again before it is filed again.
        new("RecordConsultation", S(ProjectState.AwaitingConsultation, ProjectState.ConsultationFailed, ProjectState.Consulted), ProjectState.Consulted,
            Permissions.ProjectsVillage, "R-MS-04, R-MS-05", "召开城乡社区协商会议并上传协商记录（协商通过）")
            { Outcome = "Passed", Meets = O(Obligations.Consultation) },
        new("RecordConsultation", S(ProjectState.AwaitingConsultation, ProjectState.ConsultationFailed, ProjectState.Consulted), ProjectState.ConsultationFailed,
            Permissions.ProjectsVillage, "R-MS-04, R-MS-06", "召开城乡社区协商会议并上传协商记录（协商未通过）")
            { Outcome = "Failed", Meets = O(Obligations.Consultation) },
        new("RecordAssemblyVote", S(ProjectState.ConsultationFailed), ProjectState.Consulted, Permissions.ProjectsVillage, "R-MS-06",
            "提交村（居）民（代表）会议表决（通过）") { Outcome = "Passed" },
        new("RecordAssemblyVote", S(ProjectState.ConsultationFailed), ProjectState.ConsultationFailed, Permissions.ProjectsVillage, "R-MS-06",
            "提交村（居）民（代表）会议表决（未通过）") { Outcome = "Failed" },
        // R-MS-07, R-MS-16, R-IN-05: a small project skips the town; the village's filing, with its policy check, is the decision feedback.
        new("FileRegistration", S(ProjectState.Consulted), ProjectState.AwaitingPublicity, Permissions.ProjectsVillage, "R-MS-07, R-MS-12, R-MS-16, R-IN-05",
            "填报登记备案表（5万元以下，无须镇街确认，直接组织实施）")
        {
            Outcome = "Programme", If = Small, Sends = FeedbackKind.VillageDecisionProgramme,
            Starts = [D(Obligations.WorksFinish, Owner.Village, nameof(ProgrammeRuleSet.SmallWorksFinish), r => r.SmallWorksFinish, Consulted, Works),
                D(Obligations.ServiceStart, Owner.Village, nameof(ProgrammeRuleSet.SmallServiceStart), r => r.SmallServiceStart, Consulted, Service)],
        },
        new("FileRegistration", S(ProjectState.Consulted), ProjectState.PolicyReferred, Permissions.ProjectsVillage, "R-IN-05, R-MS-16",
            "填报登记备案表时经政策核对可由现行政策解决，转相关部门办理")
            { Outcome = "PolicyReferral", If = Small, Sends = FeedbackKind.VillageDecisionPolicy, Ends = "转现行政策办理" },
        new("FileRegistration", S(ProjectState.Consulted), ProjectState.TownReview, Permissions.ProjectsVillage, "R-MS-07, R-MS-01",
            "填报登记备案表并提交镇（街道）")
        {
            Outcome = "Submitted", If = Large,
            Starts = [D(Obligations.TownReview, Owner.Town, nameof(ProgrammeRuleSet.TownReview), r => r.TownReview, Anchor<MicroProject>.Now)],
        },
        new("RecordDepartmentOpinion", S(ProjectState.TownReview), ProjectState.TownReview, Permissions.ProjectsOpinion, "R-MS-08",
            "相关职能部门出具审核意见") { When = Large },
        new("Review", S(ProjectState.TownReview), ProjectState.AwaitingPublicity, Permissions.ProjectsTown, "R-MS-08, R-MS-10, R-MS-20",
            "镇（街道）牵头部门审核：由“民生微实事”专项资金资助")
        { Outcome = "ProgrammeFunding", When = Large.And(NotDirect), Meets = O(Obligations.TownReview), Sends = FeedbackKind.TownDecisionProgramme },
        new("Review", S(ProjectState.TownReview), ProjectState.AwaitingClaim, Permissions.ProjectsTown, "R-MS-08, R-MS-10, R-RT-02",
            "镇（街道）牵头部门审核确认莞家直达项目，交市牵头部门公布认领")
            { Outcome = "ProgrammeFunding", When = Large.And(Direct), Meets = O(Obligations.TownReview), Sends = FeedbackKind.TownDecisionProgramme },
        new("Review", S(ProjectState.TownReview), ProjectState.PolicyReferred, Permissions.ProjectsTown, "R-MS-08, R-MS-09",
            "镇（街道）牵头部门审核：由现行政策解决，转相关部门办理")
            { Outcome = "PolicyReferral", When = Large, Meets = O(Obligations.TownReview), Sends = FeedbackKind.TownDecisionPolicy, Ends = "转现行政策办理" },
        new("Review", S(ProjectState.TownReview), ProjectState.Consulted, Permissions.ProjectsTown, "R-MS-08",
            "镇（街道）牵头部门审核：退回村（社区）修改后重新报送") { Outcome = "ReturnToVillage", When = Large, Meets = O(Obligations.TownReview) },
        new("Review", S(ProjectState.TownReview), ProjectState.Rejected, Permissions.ProjectsTown, "R-MS-08",
            "镇（街道）牵头部门审核：不予立项")
            { Outcome = "Rejected", When = Large, Meets = O(Obligations.TownReview), Sends = FeedbackKind.TownDecisionRejected, Ends = "不予立项" },
        new("ConnectClaim", S(ProjectState.AwaitingClaim), ProjectState.AwaitingPublicity, Permissions.ProjectsTown, "R-RT-03",
            "镇（街道）对接认领方与受助方") { When = Large },
        new("ReturnUnclaimed", S(ProjectState.AwaitingClaim), ProjectState.AwaitingPublicity, System, "R-RT-04",
            "无人认领，纳入专项资金按流程办理（莞家速递）") { When = Large, Sends = FeedbackKind.ClaimReturned },
        new("Publish", S(ProjectState.AwaitingPublicity), ProjectState.Publicity, Permissions.ProjectsVillage, "R-MS-07", "村（社区）自行公示")
            { When = Small },
        new("Publish", S(ProjectState.AwaitingPublicity), ProjectState.Publicity, Permissions.ProjectsTown, "R-MS-11, R-MS-12",
            "在关联平台公示不少于5日")
        {
            When = Large,
            Starts = [D(Obligations.WorksFinish, Owner.Village, nameof(ProgrammeRuleSet.ExpressWorksFinish), r => r.ExpressWorksFinish, PublicityEnd, Express.And(Works)),
                D(Obligations.ServiceStart, Owner.Village, nameof(ProgrammeRuleSet.ExpressServiceStart), r => r.ExpressServiceStart, PublicityEnd, Express.And(Service))],
        },
        new("StartImplementation", S(ProjectState.Publicity), ProjectState.Implementation, Permissions.ProjectsVillage, "R-MS-11, R-MS-12",
            "公示期满后组织实施") { Meets = O(Obligations.ServiceStart, Obligations.DirectStart) },
        new("ReportProgress", S(ProjectState.Implementation), ProjectState.Implementation, Permissions.ProjectsVillage, "R-MS-18", "上报实施进度和照片"),
        new("Complete", S(ProjectState.Implementation), ProjectState.Completed, Permissions.ProjectsVillage, "R-MS-12, R-MS-13", "项目完成")
        {
            Meets = O(Obligations.WorksFinish),
            Starts = [D(Obligations.CompletionForm, Owner.Village, nameof(ProgrammeRuleSet.CompletionForm), r => r.CompletionForm, Anchor<MicroProject>.Event)],
        },
        new("RecordSurveyResponse", S(ProjectState.Completed), ProjectState.Completed, Permissions.ProjectsVillage, "R-MS-14",
            "村（社区）组织满意度测评") { When = Small },
        // R-ST-11: the town organises the satisfaction survey of station services (000 §五(一)), a small station item's too.
        new("RecordSurveyResponse", S(ProjectState.Completed), ProjectState.Completed, Permissions.ProjectsTown, "R-ST-11, R-MS-14",
            "镇（街道）组织驿站服务满意度测评") { Outcome = "StationService", When = Small.And(Station) },
        // R-MS-15: closing (办结) starts the result's 5 working days; the system publishes and feeds back at once (PublishResult).
        new("FileCompletion", S(ProjectState.Completed), ProjectState.Closed, Permissions.ProjectsVillage, "R-MS-13, R-MS-14, R-MS-15",
            "填报结项表（含满意度测评），项目办结")
        {
            When = Small, Meets = O(Obligations.CompletionForm),
            Starts = [D(Obligations.ResultFeedback, Owner.Village, nameof(ProgrammeRuleSet.ResultFeedback), r => r.ResultFeedback, Anchor<MicroProject>.Now),
                D(Obligations.FinalAccounts, Owner.Town, nameof(ProgrammeRuleSet.FinalAccounts), r => r.FinalAccounts, Anchor<MicroProject>.Now)],
        },
        new("FileCompletion", S(ProjectState.Completed), ProjectState.AwaitingSurvey, Permissions.ProjectsVillage, "R-MS-13",
            "填报结项表，提交镇（街道）测评")
        {
            When = Large, Meets = O(Obligations.CompletionForm),
            Starts = [D(Obligations.TownSurvey, Owner.Town, nameof(ProgrammeRuleSet.TownSurvey), r => r.TownSurvey, Anchor<MicroProject>.Now)],
        },
        new("RecordSurveyResponse", S(ProjectState.AwaitingSurvey), ProjectState.AwaitingSurvey, Permissions.ProjectsTown, "R-MS-14",
            "镇（街道）组织满意度测评") { When = Large },
        new("RecordSurveyResponse", S(ProjectState.AwaitingSurvey), ProjectState.AwaitingSurvey, Permissions.SurveysEvaluate, "R-MS-14, R-MS-18",
            "受委托的第三方评估机构录入满意度测评") { Outcome = "Commissioned", When = Large },
        new("FinishSurvey", S(ProjectState.AwaitingSurvey), ProjectState.Closed, Permissions.ProjectsTown, "R-MS-14, R-MS-15",
            "录入测评结果，项目办结")
        {
            When = Large, Meets = O(Obligations.TownSurvey),
            Starts = [D(Obligations.ResultFeedback, Owner.Town, nameof(ProgrammeRuleSet.ResultFeedback), r => r.ResultFeedback, Anchor<MicroProject>.Now),
                D(Obligations.FinalAccounts, Owner.Town, nameof(ProgrammeRuleSet.FinalAccounts), r => r.FinalAccounts, Anchor<MicroProject>.Now)],
        },
        new("PublishResult", S(ProjectState.Closed), ProjectState.Closed, System, "R-MS-15, R-MS-16",
            "办结后系统在原关联平台公示办理结果并自动反馈提议人") { Meets = O(Obligations.ResultFeedback), Sends = FeedbackKind.Result },
        new("RecordFinalAccounts", S(ProjectState.Closed), ProjectState.Closed, Permissions.ProjectsTown, "R-MS-19",
            "镇（街道）完成项目决算和审计，公示审计结果、资金使用情况和实施效果")
            { When = new("尚未录入决算审计", "final accounts not yet recorded", p => p.FinalAccountsAt is null), Meets = O(Obligations.FinalAccounts) },
    ];

    public static readonly Workflow<MicroProject, ProjectState> Workflow = new("MicroProject", p => p.State, (p, s) => p.State = s, Table);

    public static bool IsTerminal(ProjectState s) => s is ProjectState.Closed or ProjectState.PolicyReferred or ProjectState.Rejected;

    public static string Zh(ProjectState s) => s switch
    {
        ProjectState.AwaitingConsultation => "待协商",
        ProjectState.ConsultationFailed => "协商未通过",
        ProjectState.Consulted => "协商通过，待备案",
        ProjectState.TownReview => "镇（街道）审核中",
        ProjectState.AwaitingPublicity => "待公示",
        ProjectState.Publicity => "公示中",
        ProjectState.Implementation => "实施中",
        ProjectState.Completed => "已完成，待结项",
        ProjectState.AwaitingSurvey => "待镇（街道）测评",
        ProjectState.Closed => "已办结",
        ProjectState.PolicyReferred => "转现行政策办理",
        ProjectState.Rejected => "不予立项",
        ProjectState.New => "新建",
        ProjectState.AwaitingClaim => "莞家直达认领中",
        _ => s.ToString(),
    };

    /// <summary>The rows as people read them: the docs, the API's /workflow and the console's step forms.</summary>
    public static IReadOnlyList<WorkflowRow> Rows => WorkflowDocs.RowsOf(Workflow);
}
