using System.Reflection;
using System.Text.RegularExpressions;
using Guanjia.Domain.Common;

namespace Guanjia.App.Auditing;

/// <summary>A name in the two languages of the console.</summary>
public sealed record Label(string Zh, string En);

/// <summary>
/// What the audit trail's codes mean to an official (issue 17 point 5, ADR 0028): every action the code base writes, every kind of
/// record, and the fields a change shows. A workflow's steps are named by their own table rows (the row's Chinese text), so a new
/// row is labelled where it is written; every other action is in <see cref="Written"/>, and <c>AuditLabelTests</c> fails when an
/// action written with <c>Audit("…")</c> is missing from it.
/// </summary>
public static partial class AuditLabels
{
    /// <summary>Actions written by name (not workflow rows). The save's defaults are Create, Update and Delete.</summary>
    private static readonly Dictionary<string, Label> Written = new()
    {
        ["Create"] = new("新增", "Create"),
        ["Update"] = new("修改", "Update"),
        ["Delete"] = new("删除", "Delete"),
        ["SignIn"] = new("登录", "Sign in"),
        ["SignInFailed"] = new("登录失败（密码错误）", "Sign-in failed (wrong password)"),
        ["LockedOut"] = new("账号被锁定", "Account locked"),
        ["Unlock"] = new("解锁账号", "Unlock account"),
        ["ResetPassword"] = new("重置密码", "Reset password"),
        ["CreateUser"] = new("新建用户", "Create user"),
        ["UpdateUser"] = new("修改用户", "Update user"),
        ["CreateApiToken"] = new("新建接口令牌", "Create API token"),
        ["RevokeApiToken"] = new("吊销接口令牌", "Revoke API token"),
        ["CreateOrganization"] = new("新建组织", "Create organisation"),
        ["UpdateOrganization"] = new("修改组织", "Update organisation"),
        ["Bootstrap"] = new("系统初始化", "Bootstrap"),
        ["SeedDemo"] = new("载入演示数据", "Load demo data"),
        ["ApplyOfficialCalendar"] = new("导入国务院节假日安排", "Apply the official calendar"),
        ["ClearCalendarDay"] = new("清除日历调整", "Clear a calendar day"),
        ["SetCalendarDay"] = new("设置日历日", "Set a calendar day"),
        ["ReplaceCalendarYear"] = new("替换全年日历", "Replace a calendar year"),
        ["RestoreOfficialCalendarYear"] = new("恢复官方全年日历", "Restore the official calendar year"),
        ["SaveJurisdictionRules"] = new("保存管辖区规则", "Save jurisdiction rules"),
        ["SeedJurisdictionRules"] = new("初始化管辖区规则", "Seed jurisdiction rules"),
        ["TrackRulesValidity"] = new("跟踪规则有效期", "Track rules validity"),
        ["SaveProgrammeRules"] = new("保存办理规则", "Save programme rules"),
        ["SeedProgrammeRules"] = new("初始化办理规则", "Seed programme rules"),
        ["SaveFeedbackTemplate"] = new("保存反馈模板", "Save feedback template"),
        ["RetryMessage"] = new("重发消息", "Retry message"),
        ["ReadNotification"] = new("阅读通知", "Read notification"),
        ["RaiseDeadlineWarnings"] = new("发出时限预警", "Raise deadline warnings"),
        ["StartAnnualObligations"] = new("开始年度工作时限", "Start annual obligations"),
        ["UploadAttachment"] = new("上传附件", "Upload attachment"),
        // Appeals and projects
        ["ReceiveAppeal"] = new("登记诉求", "Receive appeal"),
        ["SubmitPublicAppeal"] = new("群众网上提交诉求", "Public appeal submitted"),
        ["ReceiveWorkOrder"] = new("接收12345工单", "Receive 12345 work order"),
        ["RecordCommitteeDecision"] = new("记录“两委”联席会议决定", "Record committee decision"),
        ["FileCompletion"] = new("报送完工材料", "File completion"),
        ["CommissionSurvey"] = new("委托满意度调查", "Commission survey"),
        ["WithdrawSurveyCommission"] = new("撤回调查委托", "Withdraw survey commission"),
        ["RecordSurveyResponse"] = new("录入满意度调查", "Record survey response"),
        ["SubmitOnlineSurvey"] = new("群众网上评价", "Online survey submitted"),
        ["FinishSurvey"] = new("完成满意度调查", "Finish survey"),
        ["OpenCollectionCampaign"] = new("开启集中征集", "Open collection campaign"),
        ["CloseCollectionCampaign"] = new("结束集中征集", "Close collection campaign"),
        ["FileAnnualPlan"] = new("报送年度计划", "File annual plan"),
        ["AdjustAnnualPlan"] = new("调整年度计划", "Adjust annual plan"),
        // Wishes, claims, policies
        ["VerifyWishVerified"] = new("核查微心愿：属实", "Verify wish: verified"),
        ["VerifyWishPolicyReferral"] = new("核查微心愿：转现行政策", "Verify wish: policy referral"),
        ["VerifyWishReject"] = new("核查微心愿：不予受理", "Verify wish: reject"),
        ["DecideWish"] = new("审定微心愿", "Decide wish"),
        ["CompleteWish"] = new("微心愿完成", "Complete wish"),
        ["CloseWish"] = new("微心愿结束", "Close wish"),
        ["PublishClaimItem"] = new("发布认领事项", "Publish claim item"),
        ["SubmitClaim"] = new("提交认领", "Submit claim"),
        ["ConnectClaim"] = new("对接认领", "Connect claim"),
        ["AddClaimChannels"] = new("增加认领渠道", "Add claim channels"),
        ["ReturnUnclaimed"] = new("无人认领退回", "Return unclaimed"),
        ["ClosePartlyClaimed"] = new("部分认领后结束", "Close partly claimed"),
        ["CreatePolicy"] = new("新增政策", "Create policy"),
        ["UpdatePolicy"] = new("修改政策", "Update policy"),
        ["AcceptPolicyReferral"] = new("接收政策转办", "Accept policy referral"),
        ["RecordPolicyReferralResult"] = new("记录政策办理结果", "Record policy referral result"),
        // Funds
        ["SetUpFundAccounts"] = new("建立资金账户", "Set up fund accounts"),
        ["OpenFundAccount"] = new("开设资金账户", "Open fund account"),
        ["RecordFundReceipt"] = new("登记资金到账", "Record fund receipt"),
        ["RecordMatchingReceipt"] = new("登记配套资金到账", "Record matching receipt"),
        ["TransferFunds"] = new("资金划拨", "Transfer funds"),
        ["MakeFundPayment"] = new("资金支付", "Make payment"),
        ["PayContractInstalment"] = new("支付购买服务合同分期款", "Pay a contract instalment"),
        ["ReverseLedgerEntry"] = new("冲销分录", "Reverse ledger entry"),
        ["GrantPilotMoney"] = new("拨付试点资金", "Grant pilot money"),
        ["SaveTownFactors"] = new("保存分配因素", "Save town factors"),
        ["CommitAllocation"] = new("确定资金分配", "Commit allocation"),
        ["AdjustAllocation"] = new("调整资金分配", "Adjust allocation"),
        ["SetTownAllocation"] = new("设置镇街分配额", "Set town allocation"),
        ["SetBudgetLine"] = new("设置预算科目", "Set budget line"),
        // Purchasing and stations
        ["RegisterContractor"] = new("登记承接主体", "Register contractor"),
        ["UpdateContractor"] = new("修改承接主体", "Update contractor"),
        ["CreateServicePackage"] = new("新建服务项目包", "Create service package"),
        ["UpdateServicePackage"] = new("修改服务项目包", "Update service package"),
        ["RecordTender"] = new("记录采购结果", "Record tender"),
        ["SignServiceContract"] = new("签订服务合同", "Sign service contract"),
        ["AcceptInstalment"] = new("验收分期款", "Accept instalment"),
        ["FileContractReport"] = new("报送履约报告", "File contract report"),
        ["AcknowledgeReport"] = new("确认履约报告", "Acknowledge report"),
        ["RecordInspection"] = new("记录检查", "Record inspection"),
        ["CommissionEvaluation"] = new("委托第三方评估", "Commission evaluation"),
        ["ScoreEvaluation"] = new("录入评估得分", "Score evaluation"),
        ["AcceptEvaluation"] = new("确认评估结果", "Accept evaluation"),
        ["RecordBeneficiarySurveyResponse"] = new("录入服务对象满意度测评答卷", "Record beneficiary survey response"),
        ["SubmitRectificationEvidence"] = new("提交整改材料", "Submit rectification evidence"),
        ["CloseRectification"] = new("整改通过", "Close rectification"),
        ["ReturnRectification"] = new("整改退回", "Return rectification"),
        ["RecordPenalty"] = new("记录违约处理", "Record penalty"),
        ["ReportMajorEvent"] = new("报告重大事项", "Report major event"),
        ["DeliverMajorEvent"] = new("送达重大事项报告", "Deliver major event"),
        ["RegisterIncubatedOrganisation"] = new("登记孵化组织", "Register incubated organisation"),
        ["StepIncubatedOrganisation"] = new("孵化组织出壳、备案或退出", "Incubated organisation graduates, is filed or withdraws"),
        ["RecordCapacityEvent"] = new("记录能力建设活动", "Record capacity-building event"),
        ["DraftVentureRound"] = new("拟定微公益创投", "Draft venture round"),
        ["OpenVentureRound"] = new("发布微公益创投", "Open venture round"),
        ["StartVentureReview"] = new("开始创投评审", "Start venture review"),
        ["CloseVentureRound"] = new("结束微公益创投", "Close venture round"),
        ["SubmitVentureApplication"] = new("申报创投项目", "Submit venture application"),
        ["ScoreVentureApplication"] = new("评审打分", "Score venture application"),
        ["DecideVentureRound"] = new("确定创投资助项目", "Decide venture funding"),
        ["RecordVentureProgress"] = new("记录创投项目进展", "Record venture progress"),
        ["CompleteVentureProject"] = new("创投项目结项", "Complete venture project"),
        ["OpenVentureYear"] = new("开启年度创投期限", "Open yearly venture deadlines"),
        ["RegisterStation"] = new("登记驿站", "Register station"),
        ["UpdateStation"] = new("修改驿站", "Update station"),
        ["RegisterStationItem"] = new("登记驿站服务事项", "Register station item"),
        ["UpdateStationItem"] = new("修改驿站服务事项", "Update station item"),
        ["PublishStationResult"] = new("公示驿站结果", "Publish station result"),
        ["DraftProcurementFiling"] = new("起草采购备案", "Draft procurement filing"),
        ["FileProcurementFiling"] = new("报送采购备案", "File procurement filing"),
        ["UpdateProcurementFiling"] = new("修改采购备案", "Update procurement filing"),
        ["RecordProcurementFiling"] = new("登记采购备案", "Record procurement filing"),
        ["ReferResident"] = new("转介居民", "Refer resident"),
        ["RecordReferralService"] = new("记录转介服务", "Record referral service"),
        ["FileReferralRecords"] = new("报送转介记录", "File referral records"),
        ["GiveSupervisoryOpinion"] = new("出具监督意见", "Give supervisory opinion"),
        ["SaveSocialWorkPoint"] = new("保存社工点信息", "Save social work point"),
        // Casework
        ["CreateCivilAffairsStation"] = new("新建民政服务站", "Create civil affairs station"),
        ["AddStationWorker"] = new("增加站点人员", "Add station worker"),
        ["UpdateStationProfile"] = new("修改站点信息", "Update station profile"),
        ["AddStaffMember"] = new("登记驻站人员", "Add staff member"),
        ["AddTrainingEntry"] = new("登记培训学时", "Record training hours"),
        ["RecordStationActivity"] = new("登记站点活动", "Record station activity"),
        ["OpenStationPublicity"] = new("开启政策宣传期限", "Open publicity deadlines"),
        ["EndStationWorker"] = new("站点人员离岗", "End station worker"),
        ["RegisterPerson"] = new("登记服务对象", "Register person"),
        ["ImportPeople"] = new("批量导入服务对象", "Import people"),
        ["EditCaseFile"] = new("修改个人档案", "Edit case file"),
        ["ViewCaseFile"] = new("查阅个人档案", "View case file"),
        ["EndCare"] = new("结束服务", "End care"),
        ["AddCategory"] = new("增加对象类别", "Add category"),
        ["EndCategory"] = new("结束对象类别", "End category"),
        ["CreateCasePlan"] = new("制定服务计划", "Create case plan"),
        ["AddCasePlanEntry"] = new("增加计划事项", "Add plan entry"),
        ["CloseCasePlan"] = new("结束服务计划", "Close case plan"),
        ["RecordVisit"] = new("记录走访", "Record visit"),
        ["EditVisit"] = new("修改走访记录", "Edit visit"),
        ["AnswerProblemVillage"] = new("村（社区）答复反映问题", "Village answers a problem"),
        ["AnswerProblemTown"] = new("镇（街道）答复反映问题", "Town answers a problem"),
        ["AssessSelfCare"] = new("自理能力评估", "Assess self-care"),
        ["InvestigateMeans"] = new("家庭经济状况调查", "Investigate means"),
        ["DecideMeansFlag"] = new("认定经济状况", "Decide means flag"),
        ["RecordScreening"] = new("记录对象排查", "Record screening"),
        ["LinkResource"] = new("链接资源", "Link resource"),
        ["RecordLinkOutcome"] = new("记录链接结果", "Record link outcome"),
        ["EvaluatePolicy"] = new("政策评估", "Evaluate policy"),
        ["RequestCaseTransfer"] = new("申请转移档案", "Request case transfer"),
        ["AnswerCaseTransfer"] = new("答复档案转移", "Answer case transfer"),
        ["OpenCaseworkPeriod"] = new("开启工作周期", "Open casework period"),
        ["SaveCaseworkSettings"] = new("保存民政服务设置", "Save casework settings"),
    };

    /// <summary>The kinds of record the trail names (the entity's type name), in the console's words.</summary>
    private static readonly Dictionary<string, Label> Kinds = new()
    {
        ["Appeal"] = new("诉求", "Appeal"),
        ["MicroProject"] = new("民生微实事项目", "Micro project"),
        ["MicroWish"] = new("民生微心愿", "Micro wish"),
        ["Consultation"] = new("协商议事", "Consultation"),
        ["DepartmentOpinion"] = new("部门意见", "Department opinion"),
        ["ProgressReport"] = new("进度报告", "Progress report"),
        ["SurveyResponse"] = new("满意度调查答卷", "Survey response"),
        ["SurveyCommission"] = new("满意度调查委托", "Survey commission"),
        ["Deadline"] = new("办理时限", "Deadline"),
        ["FeedbackTemplate"] = new("反馈模板", "Feedback template"),
        ["AppealMessage"] = new("群众消息", "Message to the appellant"),
        ["StaffNotification"] = new("工作通知", "Staff notification"),
        ["Attachment"] = new("附件", "Attachment"),
        ["AttachmentContent"] = new("附件内容", "Attachment content"),
        ["PublicNotice"] = new("公示", "Public notice"),
        ["CollectionCampaign"] = new("集中征集", "Collection campaign"),
        ["AnnualPlan"] = new("年度计划", "Annual plan"),
        ["AnnualPlanItem"] = new("年度计划项目", "Annual plan item"),
        ["TownAllocation"] = new("镇街分配额", "Town allocation"),
        ["Policy"] = new("政策", "Policy"),
        ["PolicyReferral"] = new("政策转办", "Policy referral"),
        ["ClaimItem"] = new("认领事项", "Claim item"),
        ["Claimant"] = new("认领人", "Claimant"),
        ["Claim"] = new("认领", "Claim"),
        ["ContactVerification"] = new("联系方式验证", "Contact verification"),
        ["ContactMessage"] = new("认领消息", "Claim message"),
        ["FundAccount"] = new("资金账户", "Fund account"),
        ["LedgerEntry"] = new("资金分录", "Ledger entry"),
        ["LedgerLine"] = new("分录明细", "Ledger line"),
        ["PilotGrant"] = new("试点资金", "Pilot grant"),
        ["TownFactors"] = new("分配因素", "Allocation factors"),
        ["AllocationRun"] = new("资金分配", "Allocation run"),
        ["AllocationAdjustment"] = new("分配调整", "Allocation adjustment"),
        ["JurisdictionRulesRecord"] = new("管辖区规则", "Jurisdiction rules"),
        ["ProgrammeRulesRecord"] = new("办理规则", "Programme rules"),
        ["ContractorProfile"] = new("承接主体", "Contractor"),
        ["BudgetLine"] = new("预算科目", "Budget line"),
        ["ServicePackage"] = new("服务项目包", "Service package"),
        ["PackageCommunity"] = new("项目包服务社区", "Package community"),
        ["TenderRecord"] = new("采购结果", "Tender"),
        ["ServiceContract"] = new("服务合同", "Service contract"),
        ["ContractInstalment"] = new("合同分期款", "Contract instalment"),
        ["ContractReport"] = new("履约报告", "Contract report"),
        ["ReportAcknowledgement"] = new("报告确认", "Report acknowledgement"),
        ["Inspection"] = new("检查", "Inspection"),
        ["ThirdPartyEvaluation"] = new("第三方评估", "Third-party evaluation"),
        ["Rectification"] = new("整改", "Rectification"),
        ["ContractPenalty"] = new("违约处理", "Contract penalty"),
        ["IncubatedOrganisation"] = new("孵化组织", "Incubated organisation"),
        ["CapacityEvent"] = new("能力建设活动", "Capacity-building event"),
        ["VentureRound"] = new("微公益创投", "Venture round"),
        ["VentureApplication"] = new("创投申报项目", "Venture application"),
        ["VentureScore"] = new("创投评分", "Venture score"),
        ["VentureProgress"] = new("创投项目进展", "Venture progress"),
        ["Station"] = new("莞家驿站", "Station"),
        ["StationItem"] = new("驿站服务事项", "Station item"),
        ["ProcurementFiling"] = new("采购备案", "Procurement filing"),
        ["StationPublication"] = new("驿站公示", "Station publication"),
        ["InclusiveServiceReferral"] = new("普惠服务转介", "Inclusive service referral"),
        ["SocialWorkPointProfile"] = new("社工点", "Social work point"),
        ["CivilAffairsStation"] = new("民政服务站", "Civil affairs station"),
        ["StationWorker"] = new("站点人员", "Station worker"),
        ["StaffMember"] = new("驻站人员", "Staff member"),
        ["TrainingEntry"] = new("培训记录", "Training entry"),
        ["StationActivity"] = new("站点活动", "Station activity"),
        ["CaseHousehold"] = new("家庭", "Household"),
        ["CaseFile"] = new("个人档案", "Case file"),
        ["CaseCategory"] = new("对象类别", "Case category"),
        ["CasePlan"] = new("服务计划", "Case plan"),
        ["CasePlanEntry"] = new("计划事项", "Plan entry"),
        ["Visit"] = new("走访", "Visit"),
        ["ReportedProblem"] = new("反映问题", "Reported problem"),
        ["SelfCareAssessment"] = new("自理能力评估", "Self-care assessment"),
        ["MeansInvestigation"] = new("经济状况调查", "Means investigation"),
        ["TargetScreening"] = new("对象排查", "Target screening"),
        ["ResourceLink"] = new("资源链接", "Resource link"),
        ["PolicyEvaluation"] = new("政策评估", "Policy evaluation"),
        ["PolicyEvaluationInterview"] = new("政策评估访谈", "Policy evaluation interview"),
        ["CaseFileAccess"] = new("档案查阅", "Case file access"),
        ["TransferRequest"] = new("档案转移", "Transfer request"),
        ["CaseworkSettingsRecord"] = new("民政服务设置", "Casework settings"),
        ["Organization"] = new("组织", "Organisation"),
        ["User"] = new("用户", "User"),
        ["ApiToken"] = new("接口令牌", "API token"),
        ["CalendarDayRecord"] = new("日历日", "Calendar day"),
        ["CalendarYearRecord"] = new("全年日历", "Calendar year"),
    };

    private static readonly Lazy<Dictionary<string, Label>> Actions = new(() =>
    {
        var all = new Dictionary<string, Label>(Written);
        foreach (var (code, zh) in WorkflowRows()) all.TryAdd(code, new(zh, Humanise(code)));
        return all;
    });

    /// <summary>Every workflow's rows, by the name the trail gives their firing, with the row's own Chinese text.</summary>
    public static IEnumerable<(string Action, string Zh)> WorkflowRows()
    {
        foreach (var type in typeof(IWorkflowSubject).Assembly.GetTypes())
        foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            if (!field.FieldType.IsGenericType || field.FieldType.GetGenericTypeDefinition() != typeof(Workflow<,>)) continue;
            var workflow = field.GetValue(null)!;
            var table = (System.Collections.IEnumerable)field.FieldType.GetProperty("Table")!.GetValue(workflow)!;
            foreach (var row in table)
            {
                var t = row.GetType();
                yield return ((string)t.GetProperty("AuditAction")!.GetValue(row)!, (string)t.GetProperty("Zh")!.GetValue(row)!);
            }
        }
    }

    public static IReadOnlyDictionary<string, Label> AllActions => Actions.Value;
    public static IReadOnlyDictionary<string, Label> AllKinds => Kinds;

    /// <summary>The action in words; an unknown code (an entry older than its label) shows as itself in both languages.</summary>
    public static Label Action(string code) => Actions.Value.TryGetValue(code, out var l) ? l : new(code, code);

    public static Label Kind(string type) => Kinds.TryGetValue(type, out var l) ? l : new(type, type);

    public static bool HasAction(string code) => Actions.Value.ContainsKey(code);
    public static bool HasKind(string type) => Kinds.ContainsKey(type);

    private static string Humanise(string code)
    {
        var words = SplitWords().Replace(code, " $1").Trim().ToLowerInvariant();
        return words.Length == 0 ? code : char.ToUpperInvariant(words[0]) + words[1..];
    }

    [GeneratedRegex("(?<!^)([A-Z])")]
    private static partial Regex SplitWords();
}
