using Guanjia.App.Accounts;
using Guanjia.App.Appeals;
using Guanjia.App.Attachments;
using Guanjia.App.Common;
using Guanjia.App.Deadlines;
using Guanjia.App.Feedback;
using Guanjia.App.MicroProjects;
using Guanjia.App.MicroWishes;
using Guanjia.App.Persistence;
using Guanjia.App.Programme;
using Guanjia.App.Stations;
using Guanjia.Domain.Appeals;
using Guanjia.Domain.Attachments;
using Guanjia.Domain.Calendar;
using Guanjia.Domain.MicroProjects;
using Guanjia.Domain.MicroWishes;
using Guanjia.Domain.Stations;
using Microsoft.EntityFrameworkCore;
using Route = Guanjia.Domain.MicroProjects.Route;

namespace Guanjia.Web.Common;

/// <summary>
/// Sample records for trying the system by clicking (Demo:Samples, on in Development): appeals, projects in
/// several states, wishes, a policy referral, stations with an item and a referral. Made through the same use
/// cases the API runs, as the demo accounts, so every record is one the rules allow. Runs once, on a database
/// without appeals; the same records every time (the dates follow the clock). All names and numbers are invented.
/// </summary>
public static class DemoSamples
{
    private static readonly byte[] Pdf = "%PDF-1.4\n% 演示文件（虚构）\n%%EOF\n"u8.ToArray();

    public static async Task SeedAsync(IServiceProvider sp, ILogger log, CancellationToken ct)
    {
        var system = ActivatorUtilities.CreateInstance<GuanjiaDb>(sp, new FixedActor(Actor.System));
        await Guanjia.App.CivilAffairs.DemoCasework.SeedPeopleAsync(
            (actor, clock) => ActivatorUtilities.CreateInstance<GuanjiaDb>(sp, new FixedActor(actor), clock),
            sp.GetRequiredService<Guanjia.App.CivilAffairs.CaseworkServices>(), log, ct);
        if (await system.Appeals.IgnoreQueryFilters().AnyAsync(ct)) return;
        var users = await system.Users.IgnoreQueryFilters().AsNoTracking().ToDictionaryAsync(u => u.UserName, ct);
        if (!users.TryGetValue("dongcheng.village", out var dcUser) || !users.TryGetValue("changan.village", out var caUser)) return;

        var realClock = sp.GetRequiredService<TimeProvider>();
        var clock = realClock;
        var a = sp.GetRequiredService<AppealServices>();
        var p = sp.GetRequiredService<ProjectServices>();
        // Some samples are made as of days ago (their publicity is over by now): the steps then run on a clock that far back.
        void Back(TimeSpan by)
        {
            clock = by == TimeSpan.Zero ? realClock : new ShiftedClock(realClock, -by);
            var deadlines = ActivatorUtilities.CreateInstance<DeadlineBook>(sp, clock);
            var feedback = new FeedbackWriter(clock);
            var workflow = ActivatorUtilities.CreateInstance<Guanjia.App.Common.WorkflowRunner>(sp, deadlines, feedback, clock);
            a = sp.GetRequiredService<AppealServices>() with { Clock = clock, Deadlines = deadlines, Feedback = feedback, Workflow = workflow };
            p = sp.GetRequiredService<ProjectServices>() with { Clock = clock, Deadlines = deadlines, Feedback = feedback, Workflow = workflow };
        }
        GuanjiaDb As(string user) => ActivatorUtilities.CreateInstance<GuanjiaDb>(sp, new FixedActor(ActorFactory.ForUser(users[user])), clock);
        var limits = sp.GetRequiredService<AttachmentLimits>();
        var rules = sp.GetRequiredService<ProgrammeRulesProvider>();
        var dcVillage = dcUser.OrganizationId;
        var caVillage = caUser.OrganizationId;

        async Task<AppealDetail> Appeal(string user, Guid village, Channel channel, string title, string text, string name, string phone,
            ProjectCategory? category = null, bool acknowledge = true)
        {
            var r = await CreateAppeal.HandleAsync(As(user), a, new CreateAppeal.Request(channel, title, text, category, village, null, name, phone,
                CollectionKind.Daily, false), null, ct);
            return acknowledge
                ? await AcknowledgeAppeal.HandleAsync(As(user), a, r.Appeal.Id, new AcknowledgeAppeal.Request("已接收（演示）", null, r.Appeal.Version), ct)
                : r.Appeal;
        }

        async Task<Guid> Project(string user, Guid village, string title, string text, string phone,
            ProjectCategory category = ProjectCategory.ConvenienceWorks)
        {
            var appeal = await Appeal(user, village, Channel.GridWorker, title, text, "陈演示", phone, category);
            var r = await RecordCommitteeDecision.HandleAsync(As(user), a, appeal.Id, new RecordCommitteeDecision.Request(clock.GetUtcNow(),
                CommitteeOutcome.MicroProject, true, "同意列入“民生微实事”（演示）", null, null, title, category, null,
                appeal.Version), ct);
            return r.ProjectId!.Value;
        }

        async Task<ProjectDetail> Consult(Guid id, long budgetFen, string content, string name, Route route = Route.Express, bool opinion = true,
            ProjectSubType subType = ProjectSubType.PublicFacilities)
        {
            var db = As("dongcheng.village");
            await using var minutes = new MemoryStream(Pdf);
            var m = await UploadAttachment.ToProjectAsync(db, clock, limits, id,
                new UploadAttachment.Request(AttachmentKind.Minutes, "协商记录（演示）.pdf", "application/pdf", Pdf.Length, minutes), ct);
            var v = (await ProjectQueries.GetAsync(db, p, id, ct)).Version;
            await RecordConsultation.HandleAsync(As("dongcheng.village"), p, id, ConsultationKind.Consultation, new RecordConsultation.Request(
                clock.GetUtcNow(), "岗贝社区党群服务中心", "张书记（演示）", "王干事（演示）", ConsultationForm.VillagersMeeting, null,
                [ParticipantType.VillagersCommittee, ParticipantType.SupervisoryCommittee, ParticipantType.VillagersRepresentatives, ParticipantType.Beneficiaries],
                21, true, content, "沿线居民约600人", route, budgetFen, [FundingSource.ProgrammeFund], "东莞市某演示工程有限公司",
                "公示结束后2个月内完工", null, null, m.Id, null, v), ct);
            var v2 = (await ProjectQueries.GetAsync(As("dongcheng.village"), p, id, ct)).Version;
            await FileRegistration.HandleAsync(As("dongcheng.village"), p, id, new FileRegistration.Request(name, subType, null,
                ProposalSource.Residents, "岗贝社区", "王干事（演示）", "社区专职工作人员", "0769-00000000", null, v2,
                new FileRegistration.PolicyCheck(false, null, null, null, "对照现行民生保障政策清单，无可解决的政策（演示）")), ct);
            if (!opinion) return await ProjectQueries.GetAsync(As("dongcheng.village"), p, id, ct);
            return await RecordDepartmentOpinion.HandleAsync(As("dongcheng.finance"), p, id,
                new RecordDepartmentOpinion.Request("预算安排合理，同意（演示）", true, true), ct);
        }

        async Task<ProjectDetail> ReviewAndPublish(Guid id)
        {
            var d = await ReviewProject.HandleAsync(As("dongcheng.lead"), p, id, new ReviewProject.Request(true, true, true, false,
                ReviewDecision.ProgrammeFunding, "属于“民生大莞家”服务范围，同意由专项资金资助（演示）", null, null, null,
                (await ProjectQueries.GetAsync(As("dongcheng.lead"), p, id, ct)).Version, null, FundingChannel.VillageProgrammeFund), ct);
            var today = DateOnly.FromDateTime(ChinaTime.ToLocal(clock.GetUtcNow()).DateTime);
            return await PublishProject.HandleAsync(As("dongcheng.lead"), p, id, new PublishProject.Request(today, today.AddDays(6), null, d.Version), ct);
        }

        // Appeals: one just received, one acknowledged, one referred to current policy.
        await Appeal("dongcheng.village", dcVillage, Channel.HomeVisit, "楼道声控灯损坏（演示）", "3号楼楼道声控灯损坏多日，夜间上下楼不便。", "黄演示",
            "13900000001", acknowledge: false);
        await Appeal("dongcheng.village", dcVillage, Channel.SuggestionBox, "希望开设长者书法班（演示）", "社区长者希望每周有一次书法兴趣班。", "李演示", "13900000002");
        var low = await Appeal("dongcheng.village", dcVillage, Channel.CallOrVisit, "家庭生活困难申请低保（演示）", "家中收入低，生活困难，咨询低保办理。",
            "周演示", "13900000003");
        var policy = await As("dongcheng.village").Policies.AsNoTracking().OrderBy(x => x.Name).FirstOrDefaultAsync(x => x.Name == "最低生活保障", ct);
        await RecordCommitteeDecision.HandleAsync(As("dongcheng.village"), a, low.Id, new RecordCommitteeDecision.Request(clock.GetUtcNow(),
            CommitteeOutcome.PolicyReferral, null, "属现行低保政策范围，转社会事务局办理（演示）", null, null, null, null, null, low.Version, policy?.Id), ct);
        await Appeal("changan.village", caVillage, Channel.GridWorker, "河堤护栏松动（演示）", "河堤步道护栏松动，存在安全隐患。", "吴演示", "13900000004");

        // Projects: awaiting consultation, in town review, in publicity, being implemented.
        await Project("dongcheng.village", dcVillage, "社区篮球场照明改造（演示）", "篮球场夜间照明不足。", "13900000011");
        var review = await Project("dongcheng.village", dcVillage, "长者饭堂增设无障碍坡道（演示）", "长者饭堂门口台阶较高，轮椅出入困难。", "13900000012");
        await Consult(review, 6_800_000, "饭堂入口增设无障碍坡道及扶手", "长者饭堂增设无障碍坡道（演示）");
        var publicity = await Project("dongcheng.village", dcVillage, "公园增设长者休息座椅（演示）", "公园缺少座椅，长者散步无处休息。", "13900000013");
        await Consult(publicity, 7_500_000, "公园步道旁增设休息座椅20张", "公园增设长者休息座椅（演示）");
        await ReviewAndPublish(publicity);
        Back(TimeSpan.FromDays(12));
        var works = await Project("dongcheng.village", dcVillage, "新村路太阳能路灯（演示）", "晚上路灯不亮，老人出行不便。", "13900000014");
        await Consult(works, 9_600_000, "新村路增设太阳能路灯12盏并修复旧灯", "新村路太阳能路灯（演示）");
        var published = await ReviewAndPublish(works);
        Back(TimeSpan.Zero);
        await StartImplementation.HandleAsync(As("dongcheng.village"), p, works, new StartImplementation.Request(null, "施工单位进场（演示）", null,
            published.Version), ct);
        await ReportProgress.HandleAsync(As("dongcheng.village"), p, works, new ReportProgress.Request("已完成路灯基座施工（演示）", 40, null), null, ct);

        // A small project finished two weeks ago: its result, with the outcome photo, is on the public board.
        Back(TimeSpan.FromDays(45));
        var done = await Project("dongcheng.village", dcVillage, "小游园增设晾衣架和路灯（演示）", "小游园晚上太暗，居民没有地方晾晒衣物。", "13900000016");
        var small = await Consult(done, 3_000_000, "小游园增设公共晾衣架4组、太阳能路灯2盏", "小游园增设晾衣架和路灯（演示）", opinion: false);
        var day0 = DateOnly.FromDateTime(ChinaTime.ToLocal(clock.GetUtcNow()).DateTime);
        small = await PublishProject.HandleAsync(As("dongcheng.village"), p, done, new PublishProject.Request(day0, day0.AddDays(6), null, small.Version), ct);
        Back(TimeSpan.FromDays(36));
        small = await StartImplementation.HandleAsync(As("dongcheng.village"), p, done, new StartImplementation.Request(null, "施工单位进场（演示）", null,
            small.Version), ct);
        Back(TimeSpan.FromDays(15));
        small = await CompleteProject.HandleAsync(As("dongcheng.village"), p, done, new CompleteProject.Request(clock.GetUtcNow(), "完工（演示）", null,
            small.Version), ct);
        async Task<Guid> Upload(AttachmentKind kind, string name, byte[] bytes)
        {
            await using var file = new MemoryStream(bytes);
            return (await UploadAttachment.ToProjectAsync(As("dongcheng.village"), clock, limits, done,
                new UploadAttachment.Request(kind, name, null, bytes.Length, file), ct)).Id;
        }
        var photo = await Upload(AttachmentKind.Photo, "完工照片（演示）.png", DemoPicture.StreetLamp());
        await Upload(AttachmentKind.StampedRegistrationForm, "登记备案表盖章件（演示）.pdf", Pdf);
        await Upload(AttachmentKind.Contract, "施工合同（演示）.pdf", Pdf);
        await Upload(AttachmentKind.Invoice, "发票（演示）.pdf", Pdf);
        SatisfactionLevel[] levels = [SatisfactionLevel.VerySatisfied, SatisfactionLevel.VerySatisfied, SatisfactionLevel.Satisfied, SatisfactionLevel.Satisfied,
            SatisfactionLevel.FairlySatisfied];
        for (var i = 0; i < 30; i++)
        {
            var l = levels[i % levels.Length];
            await RecordSurveyResponse.HandleAsync(As("dongcheng.village"), p, done, new RecordSurveyResponse.Request(l, l, l, l, l, l, l,
                i % 6 == 0 ? "希望定期检修路灯（演示）" : null, null), $"demo-survey-{i}", ct);
        }
        var periodTo = DateOnly.FromDateTime(ChinaTime.ToLocal(clock.GetUtcNow()).DateTime);
        await FileCompletion.HandleAsync(As("dongcheng.village"), p, done, new FileCompletion.Request(periodTo.AddDays(-20), periodTo, "小游园周边居民",
            300, new MoneySplit(2_800_000, 200_000, 0), new MoneySplit(2_650_000, 200_000, 0),
            new WorksSection("安装公共晾衣架4组、太阳能路灯2盏", "组/盏", 6, 6), null, [photo], false, null,
            (await ProjectQueries.GetAsync(As("dongcheng.village"), p, done, ct)).Version), ct);
        Back(TimeSpan.Zero);

        // 莞家直达: a larger project the town confirmed, published by the city on the claim board.
        var direct = await Project("dongcheng.village", dcVillage, "社区长者活动中心适老化改造（演示）", "活动中心地面湿滑、缺少扶手，长者活动不安全。",
            "13900000015");
        await Consult(direct, 18_000_000, "活动中心地面防滑处理、增设扶手和紧急呼叫装置", "社区长者活动中心适老化改造（演示）", Route.Direct);
        await ReviewProject.HandleAsync(As("dongcheng.lead"), p, direct, new ReviewProject.Request(true, true, true, false,
            ReviewDecision.ProgrammeFunding, "需社会力量参与，同意通过莞家直达公布认领（演示）", null, null, null,
            (await ProjectQueries.GetAsync(As("dongcheng.lead"), p, direct, ct)).Version, null, FundingChannel.SocialDonation), ct);
        var claimItem = await As("city.admin").ClaimItems.AsNoTracking().SingleAsync(i => i.SubjectId == direct, ct);
        var day = DateOnly.FromDateTime(ChinaTime.ToLocal(clock.GetUtcNow()).DateTime);
        await Guanjia.App.Claims.PublishClaimItem.HandleAsync(As("city.admin"), p, claimItem.Id, new Guanjia.App.Claims.PublishClaimItem.Request(
            day, day.AddDays(29), null, true, 1_000_000, null, claimItem.Version), ct);

        // A small service filed by the station route (R-RT-05): the station's paid items link to it (R-ST-09).
        var meals = await Project("dongcheng.village", dcVillage, "长者助餐配送服务（演示）", "高龄独居长者做饭困难，希望有人配送午餐。", "13900000017",
            ProjectCategory.WelfareService);
        await Consult(meals, 3_000_000, "为辖区高龄独居长者每日配送午餐，由驿站购买服务", "长者助餐配送服务（演示）", Route.Station, opinion: false,
            subType: ProjectSubType.ElderlyCare);

        // Wishes: two awaiting the town's verification, one decided by express.
        async Task<Guid> Wish(string title, string need, WishKind kind, TargetGroup? group, AssistanceType? type, InclusiveServiceType? service,
            string person, string id, long fen)
        {
            var appeal = await Appeal("dongcheng.village", dcVillage, Channel.HomeVisit, title, need, person, "13900000021");
            var r = await RecordCommitteeDecision.HandleAsync(As("dongcheng.village"), a, appeal.Id, new RecordCommitteeDecision.Request(
                clock.GetUtcNow(), CommitteeOutcome.MicroWish, null, "列为“民生微心愿”，报镇街核实（演示）", null, null, need, null, null, appeal.Version,
                null, kind, group, type, service, person, id, "独居，无固定收入（演示）", fen), ct);
            return r.WishId!.Value;
        }
        await Wish("独居长者需要助行器（演示）", "为独居长者配置助行器一台", WishKind.SpecialGroupAid, TargetGroup.LonelyElderly, AssistanceType.ElderlySupport,
            null, "林演示", "440000193001010000", 80_000);
        await Wish("单亲家庭孩子学习用品（演示）", "为困境儿童购置书桌和学习用品", WishKind.SpecialGroupAid, TargetGroup.ChildInDifficulty, AssistanceType.EducationAid,
            null, "何演示", "440000201501010000", 120_000);
        var express = await Wish("居家老人心理疏导（演示）", "为居家老人提供心理疏导服务", WishKind.InclusiveService, null, null, InclusiveServiceType.Counselling,
            "郑演示", "440000194501010000", 50_000);
        var w = await VerifyWish.HandleAsync(As("dongcheng.lead"), a, express, new VerifyWish.Request(true, true, true, "社会事务局、卫生健康局",
            VerifyWish.Outcome.Verified, "情况属实（演示）", null, null, null, null, null), ct);
        await DecideWish.HandleAsync(As("dongcheng.lead"), a, express, new DecideWish.Request("JointMeeting", ["陈委员（演示）", "刘社工（演示）"], Route.Express,
            50_000, ExpressForm.DirectImplementation, "由社工服务点上门疏导", null, w.Version), ct);

        // Stations: one in each demo village, a free item with its consultation published, a referral to a social-work point.
        var station = await SaveStation.CreateAsync(As("dongcheng.station"), clock, new SaveStation.Create("岗贝社区莞家驿站（演示）",
            HostPlatform.PartyMassServiceCenter, null, "东城街道岗贝社区党群服务中心一楼（演示地址）", "梁演示", "0769-00000001", "周一至周六 9:00-17:30",
            [ServiceForm.Venue, ServiceForm.ServiceTeam, ServiceForm.ResourceLinking], "长者活动、亲子课堂、政策咨询（演示）", null), ct);
        await SaveStation.CreateAsync(As("changan.village"), clock, new SaveStation.Create("长安镇演示社区驿站", HostPlatform.CommunityServiceCenter, null,
            "长安镇演示社区服务中心（演示地址）", "钟演示", "0769-00000002", "周一至周五 9:00-18:00", [ServiceForm.Venue, ServiceForm.ServiceTeam],
            null, null), ct);
        var year = ChinaTime.ToLocal(clock.GetUtcNow()).Year;
        var today2 = DateOnly.FromDateTime(ChinaTime.ToLocal(clock.GetUtcNow()).DateTime);
        var item = await SaveStationItem.CreateAsync(As("dongcheng.station"), clock, rules, station.Id, new SaveStationItem.Request("周末长者健康讲座（演示）",
            "每月两次健康讲座，由志愿医生授课", year, today2, Domain.Stations.DecisionBody.Consultation, OperatingMode.Free, [ServiceForm.Venue, ServiceForm.ServiceTeam],
            null, null, null, null, null, null, null, null, null, null, null, null), ct);
        await PublishStationResult.HandleAsync(As("dongcheng.station"), clock, item.Id, new PublishStationResult.Request(PublicationKind.Consultation, null,
            "经社区协商，确定每月第一、三个周六上午举办长者健康讲座，由驿站提供场地、志愿医生授课，无偿提供（演示）。",
            [PublicationPlatform.CommunityPlatform, PublicationPlatform.IntegrityPlatform, PublicationPlatform.VillageNoticeBoard], today2), ct);
        var point = await system.Organizations.AsNoTracking().Where(o => o.Kind == Domain.Organizations.OrganizationKind.SocialWorkPoint)
            .OrderBy(o => o.Code).FirstOrDefaultAsync(ct);
        if (point is not null && users.ContainsKey("city.admin"))
        {
            await SocialWorkPoints.SaveAsync(As("city.admin"), clock, point.Id, new SocialWorkPoints.Save(
                [InclusiveService.PsychologicalCounselling, InclusiveService.FamilyRelations, InclusiveService.RightsProtection], "周一至周五 9:00-17:30",
                "社工演示", "0769-00000003", null, "演示数据", 0), ct);
            await ReferResident.HandleAsync(As("dongcheng.station"), p.Workflow, new ReferResident.Request(station.Id, point.Id, "蔡演示", "13900000031",
                InclusiveService.FamilyRelations, "亲子沟通困难，希望社工介入（演示）", null), ct);
        }
        log.LogInformation("Demo samples ready: appeals, projects, wishes, stations");
    }
}

/// <summary>Another clock's time moved by a fixed offset (the demo samples made as of days ago).</summary>
internal sealed class ShiftedClock(TimeProvider inner, TimeSpan offset) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow() + offset;

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;
}
