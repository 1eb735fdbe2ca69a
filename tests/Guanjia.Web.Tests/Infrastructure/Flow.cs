using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Guanjia.App.Common;
using Guanjia.App.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Guanjia.Web.Tests.Infrastructure;

/// <summary>
/// Drives appeals and projects through the HTTP API the way the people of the process do: the 12345
/// integration, a Dongcheng village worker, the Dongcheng lead department and its finance reviewer.
/// Each step asserts its status code; tests assert the rules.
/// </summary>
public sealed class Flow
{
    public TestHost Host { get; }
    public HttpClient Village { get; private set; } = null!;
    public HttpClient Town { get; private set; } = null!;
    public HttpClient Finance { get; private set; } = null!;
    public HttpClient City { get; private set; } = null!;
    public HttpClient Hotline { get; private set; } = null!;
    public string VillageId { get; private set; } = "";
    public string VillageCode { get; private set; } = "";

    private Flow(TestHost host) => Host = host;

    public static async Task<Flow> StartAsync(Db db)
    {
        var f = new Flow(TestHost.For(db));
        await f.SignInAllAsync();
        f.Hotline = f.Host.WithToken(Guanjia.App.Organizations.DemoData.DemoHotlineToken);
        var me = await f.Village.GetJson("/api/auth/me");
        f.VillageId = me.Str("organizationId");
        f.VillageCode = (await f.City.GetJson($"/api/organizations/{f.VillageId}")).Str("code");
        return f;
    }

    public DateTimeOffset Now => Host.Clock.GetUtcNow();

    private async Task SignInAllAsync()
    {
        Village = await Host.SignIn("dongcheng.village");
        Town = await Host.SignIn("dongcheng.lead");
        Finance = await Host.SignIn("dongcheng.finance");
        City = await Host.SignIn("city.admin");
    }

    /// <summary>Moves the clock; sessions expire over days, so everyone signs in again, as people would.</summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        Host.Clock.Advance(by);
        await SignInAllAsync();
    }

    /// <summary>Sets the clock (a test of particular dates restores it after); everyone signs in again.</summary>
    public async Task SetClockAsync(DateTimeOffset to)
    {
        Host.Clock.Set(to);
        await SignInAllAsync();
    }

    public static string Phone() => $"138{Random.Shared.Next(10_000_000, 99_999_999)}";

    public async Task<JsonElement> HotlineOrderAsync(string? workOrder = null, string? phone = null, string title = "小区路灯不亮") =>
        await Hotline.PostJson("/api/integrations/12345/work-orders", new
        {
            workOrderNumber = workOrder ?? Http.Unique("WO"), channel = "Hotline12345", villageCode = VillageCode, title,
            description = "晚上路灯不亮，老人出行不便，希望修复并增加路灯", appellantName = "陈大文", appellantPhone = phone ?? Phone(),
            address = "主山社区新村路18号",
        }, HttpStatusCode.Created);

    public async Task<JsonElement> StaffAppealAsync(HttpClient? by = null, string? phone = null, string collection = "Daily",
        string category = "ConvenienceWorks") =>
        await (by ?? Village).PostJson("/api/appeals", new
        {
            channel = "GridWorker", title = "公园增设长者休息座椅", description = "公园缺少座椅，长者散步无处休息",
            villageId = VillageId, appellantName = "李秀英", appellantPhone = phone ?? Phone(), collection, category,
        }, HttpStatusCode.Created);

    public async Task<JsonElement> AcknowledgeAsync(string appealId, object? extra = null) =>
        await Village.PostJson($"/api/appeals/{appealId}/acknowledge", extra ?? new { note = "已接收" }, HttpStatusCode.OK);

    /// <summary>Returns the new project's id.</summary>
    public async Task<string> CommitteeAsync(string appealId, string? lateReason = null)
    {
        var res = await Village.PostJson($"/api/appeals/{appealId}/committee-decision", new
        {
            meetingAt = Now, outcome = "MicroProject", includeInPlan = true, note = "同意列入实施计划，由“民生大莞家”机制跟进", lateReason,
        }, HttpStatusCode.OK);
        return res.Str("projectId");
    }

    public async Task<string> UploadAsync(string projectId, string kind, HttpClient? by = null, string fileName = "file.pdf", byte[]? bytes = null)
    {
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(kind), "kind");
        var file = new ByteArrayContent(bytes ?? "%PDF-1.4\n% 协商记录\n"u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".jpg", StringComparison.Ordinal) ? "image/jpeg" : "application/pdf");
        content.Add(file, "file", fileName);
        var res = await (by ?? Village).PostAsync($"/api/micro-projects/{projectId}/attachments", content);
        return (await res.Json(HttpStatusCode.Created)).Str("id");
    }

    public static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0];

    public object Consultation(string minutesId, long budgetFen, string route = "Express", bool passed = true, string? feasibility = null,
        string? lateReason = null) => new
    {
        heldAt = Now, place = "主山社区党群服务中心", host = "张书记", recorder = "王干事", form = "VillagersMeeting",
        participantTypes = new[] { "VillagersCommittee", "SupervisoryCommittee", "VillagersRepresentatives", "Beneficiaries" }, headCount = 23,
        passed, content = passed ? "新村路增设太阳能路灯12盏并修复旧灯" : null, beneficiaries = passed ? "新村路沿线居民约800人" : null,
        route = passed ? route : null, budgetFen = passed ? budgetFen : (long?)null,
        fundingSources = passed ? new[] { "ProgrammeFund", "VillageSelfFunded" } : null, implementingBody = passed ? "东莞市某照明工程有限公司" : null,
        implementationPeriod = passed ? "公示结束后3个月内完工" : null, failureNote = passed ? null : "预算与方案分歧较大，需进一步论证",
        feasibilityStudy = feasibility, minutesAttachmentId = minutesId, lateReason,
    };

    public async Task<JsonElement> ConsultAsync(string projectId, long budgetFen, string route = "Express")
    {
        var minutes = await UploadAsync(projectId, "Minutes");
        return await Village.PostJson($"/api/micro-projects/{projectId}/consultations", Consultation(minutes, budgetFen, route), HttpStatusCode.OK);
    }

    public static object Registration(string subType = "LivingEnvironment", string? capOverrideReason = null) => new
    {
        name = "新村路路灯改造", subType, source = "OnlineAndHotline", location = "主山社区新村路", contactName = "王干事", contactTitle = "社区专职工作人员",
        contactPhone = "0769-22001234", capOverrideReason,
        // R-IN-05: a small project's filing carries the village's policy check (the town's review does it for a large one).
        policyCheck = new { resolvableByPolicy = false, note = "对照现行民生保障政策清单，无可解决的政策" },
    };

    public async Task<JsonElement> RegisterAsync(string projectId, string subType = "LivingEnvironment") =>
        await Village.PostJson($"/api/micro-projects/{projectId}/registration", Registration(subType), HttpStatusCode.OK);

    public async Task<JsonElement> OpinionAsync(string projectId, bool signedOff = false) =>
        await Finance.PostJson($"/api/micro-projects/{projectId}/department-opinions", new
        {
            opinion = "预算安排合理，同意", agrees = true, signedOff,
        }, HttpStatusCode.OK);

    public static object Review(string decision = "ProgrammeFunding", bool policy = false) => new
    {
        consultationCompliant = true, budgetReasonable = true, routeFeasible = true, resolvableByPolicy = policy, decision,
        opinion = "经财政等部门审核，该项目属于“民生大莞家”服务范围，由“民生大莞家”服务机制解决，通过莞家速递途径办理",
        policyDepartment = policy ? "东城街道城市管理和综合执法局" : null, policyContact = policy ? "0769-22112233" : null,
        funding = decision == "PolicyReferral" ? "FinanceBudget" : decision == "ProgrammeFunding" ? "VillageProgrammeFund" : null,
    };

    public async Task<JsonElement> ReviewAsync(string projectId, string decision = "ProgrammeFunding") =>
        await Town.PostJson($"/api/micro-projects/{projectId}/review", Review(decision), HttpStatusCode.OK);

    public async Task<JsonElement> PublishAsync(string projectId, HttpClient? by = null, int days = 5)
    {
        var today = DateOnly.FromDateTime(Guanjia.Domain.Calendar.ChinaTime.ToLocal(Now).DateTime);
        return await (by ?? Town).PostJson($"/api/micro-projects/{projectId}/publicity", new
        {
            from = today.ToString("yyyy-MM-dd"), to = today.AddDays(days - 1).ToString("yyyy-MM-dd"),
        }, HttpStatusCode.OK);
    }

    public async Task<JsonElement> StartAsync(string projectId, string? lateReason = null) =>
        await Village.PostJson($"/api/micro-projects/{projectId}/start", new { note = "施工单位进场", lateReason }, HttpStatusCode.OK);

    public async Task<JsonElement> CompleteAsync(string projectId, string? lateReason = null) =>
        await Village.PostJson($"/api/micro-projects/{projectId}/complete", new { note = "已完工", lateReason }, HttpStatusCode.OK);

    public static object Answers(string level = "VerySatisfied") => new
    {
        overall = level, quality = level, effect = level, attitude = level, efficiency = level, closeness = level, openness = "Satisfied",
        suggestion = "希望加强日常维护",
    };

    public async Task SurveyAsync(string projectId, HttpClient by, int count)
    {
        for (var i = 0; i < count; i++)
            await by.PostJson($"/api/micro-projects/{projectId}/survey-responses", Answers(i % 5 == 0 ? "Satisfied" : "VerySatisfied"), HttpStatusCode.OK);
    }

    public async Task<object> CompletionAsync(string projectId, long budgetFen, bool works = true)
    {
        var photo = await UploadAsync(projectId, "Photo", fileName: "after.jpg", bytes: Jpeg);
        await UploadAsync(projectId, "StampedRegistrationForm");
        await UploadAsync(projectId, "Contract");
        await UploadAsync(projectId, "Invoice");
        return CompletionForm(budgetFen, photo, works);
    }

    public object CompletionForm(long budgetFen, string photoId, bool works = true, string? lateReason = null)
    {
        var today = DateOnly.FromDateTime(Guanjia.Domain.Calendar.ChinaTime.ToLocal(Now).DateTime);
        return new
        {
            periodFrom = today.AddDays(-20).ToString("yyyy-MM-dd"), periodTo = today.ToString("yyyy-MM-dd"), beneficiaries = "新村路沿线居民",
            beneficiaryCount = 800, budgeted = new { programmeFen = budgetFen - 100_000, villageFen = 100_000L, socialFen = 0L },
            actual = new { programmeFen = budgetFen - 150_000, villageFen = 100_000L, socialFen = 0L },
            works = works ? new { content = "安装太阳能路灯12盏", unit = "盏", plannedQuantity = 12, actualQuantity = 12 } : null,
            service = works ? null : new { time = "每周六上午", place = "社区长者饭堂", participants = 60 },
            outcomePhotoIds = new[] { photoId }, tendered = false, lateReason,
        };
    }

    /// <summary>Runs the outbox once, as the background job would.</summary>
    public async Task DeliverAsync()
    {
        using var scope = Host.Services.CreateScope();
        var db = Host.NewDb(scope, Actor.System);
        await scope.ServiceProvider.GetRequiredService<Guanjia.App.Feedback.OutboxDispatcher>().RunOnceAsync(db, default);
    }

    /// <summary>
    /// Runs the warning job inside 东莞市 until nothing is left: other tests' rows (stations' monthly publicity) fall due on the shared
    /// clock too, and 瑶海区's rows are its own tests' to warn at their own times.
    /// </summary>
    public async Task<int> WarnAsync()
    {
        var total = 0;
        for (var i = 0; i < 5000; i++)
        {
            using var scope = Host.Services.CreateScope();
            var db = Host.NewDb(scope, Actor.SystemIn("/441900/"));
            var n = await scope.ServiceProvider.GetRequiredService<Guanjia.App.Deadlines.DeadlineWarnings>().RunOnceAsync(db, default);
            total += n;
            if (n == 0) break;
        }
        return total;
    }

    public GuanjiaDb SystemDb(IServiceScope scope) => Host.NewDb(scope, Actor.System);
}
