using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Guanjia.Domain.Purchasing;
using Guanjia.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Guanjia.Web.Tests.Purchasing;

/// <summary>
/// The people of 004 in 合肥市瑶海区, signed in over HTTP: the district bureau (区民政局), 红光街道's workstation lead, the demo
/// evaluator; each test registers its own contractor (with an account) and buys in a service year no other test uses, so packages
/// never meet another test's communities.
/// </summary>
internal sealed class PurchasingKit
{
    public required TestHost Host { get; init; }
    public required HttpClient Bureau { get; init; }
    public required HttpClient Street { get; init; }
    public required HttpClient Evaluator { get; init; }
    public required string EvaluatorId { get; init; }
    public required string HongguangId { get; init; }

    private static int _year = 2040;
    private static int _code = Random.Shared.Next(100_000, 900_000);

    /// <summary>A service year no other test uses.</summary>
    public static int FreshYear() => Interlocked.Increment(ref _year);

    public static async Task<PurchasingKit> StartAsync(Db db)
    {
        var host = TestHost.For(db);
        // 瑶海区's rules are in force from the day the hosts were set up (R-PS-07); a test elsewhere may have left the shared
        // clock earlier, when no contract could be signed.
        if (host.Clock.GetUtcNow() < TestHost.Start) host.Clock.Set(TestHost.Start);
        var bureau = await host.SignIn("yaohai.admin");
        var evaluator = await host.SignIn("yaohai.evaluator");
        var street = await host.SignIn("yaohai.street");
        var hongguang = (await bureau.GetJson("/api/organizations?q=红光街道&kind=Street")).GetProperty("items")[0].Str("id");
        return new PurchasingKit
        {
            Host = host, Bureau = bureau, Street = street, Evaluator = evaluator, EvaluatorId = (await evaluator.GetJson("/api/auth/me")).Str("organizationId"),
            HongguangId = hongguang,
        };
    }

    public DateOnly Today => DateOnly.FromDateTime(Guanjia.Domain.Calendar.ChinaTime.ToLocal(Host.Clock.GetUtcNow()).DateTime);

    /// <summary>A valid unified social credit code (a 民政 social organisation, 瑶海区) no other test has used.</summary>
    public static string NewCreditCode()
    {
        var body = $"52340102MJ{Interlocked.Increment(ref _code):D7}";
        return body + CreditCode.CheckCharacter(body);
    }

    public static object Contractor(string? code = null, string? name = null) => new
    {
        name = name ?? Http.Unique("瑶海测试社工服务中心"), kind = "SocialOrganisation", creditCode = code ?? NewCreditCode(), legalRepresentative = "张测试",
        address = "瑶海区测试路1号", phone = "0551-62345678", serviceContents = new[] { "ElderlyCare", "YouthServices" },
        qualifications = new[] { new { name = "民办非企业单位登记证书", number = "民证字第001号", issuer = "瑶海区民政局" } },
        contacts = new[] { new { name = "李主管", title = "项目主管", phone = "13900001111" } },
    };

    /// <summary>Registers a contractor and an account for it; returns the contractor's id and its signed-in client.</summary>
    public async Task<(string Id, HttpClient Client)> ContractorAsync()
    {
        var c = await Bureau.PostJson("/api/purchasing/contractors", Contractor(), HttpStatusCode.Created);
        var user = Http.Unique("yh.c");
        await Bureau.PostJson("/api/users", new { userName = user, displayName = "承接方测试账号", role = "Contractor", organizationId = c.Str("id"), password = "Demo@2026" },
            HttpStatusCode.Created);
        return (c.Str("id"), await Host.SignIn(user));
    }

    public async Task<List<string>> CommunitiesAsync(string? townId = null, int count = 3)
    {
        var town = townId ?? HongguangId;
        return (await Bureau.GetJson($"/api/organizations?parentId={town}&kind=Community&pageSize=50")).GetProperty("items").EnumerateArray()
            .Select(o => o.Str("id")).Take(count).ToList();
    }

    public async Task BudgetAsync(int year, long amountFen = 100_000_000_00)
    {
        var lines = await Bureau.GetJson("/api/purchasing/budget-lines");
        var line = lines.EnumerateArray().FirstOrDefault(l => l.GetProperty("year").GetInt32() == year);
        await Bureau.PutJson($"/api/purchasing/budget-lines/{year}", new
        {
            amountFen, documentNumber = "瑶财预测试", version = line.ValueKind == JsonValueKind.Object ? line.GetProperty("version").GetInt32() : (int?)null,
            reason = line.ValueKind == JsonValueKind.Object ? "测试调整" : null,
        }, HttpStatusCode.OK);
    }

    public static object Package(string start, string end, IEnumerable<string> communities, string? name = null, string[]? contents = null) => new
    {
        name = name ?? Http.Unique("测试包"), periodStart = start, periodEnd = end, contents = contents ?? ["ElderlyCare", "YouthServices", "SocialAssistance"],
        communityIds = communities,
    };

    public async Task<JsonElement> PackageAsync(string start, string end, IEnumerable<string> communities) =>
        await Bureau.PostJson("/api/purchasing/packages", Package(start, end, communities), HttpStatusCode.Created);

    public async Task<JsonElement> TenderAsync(string packageId, string winnerId, long amountFen, string? otherId = null)
    {
        otherId ??= (await Bureau.PostJson("/api/purchasing/contractors", Contractor(), HttpStatusCode.Created)).Str("id");
        return await Bureau.PostJson("/api/purchasing/tenders", new
        {
            packageId, method = "PublicTender", heldOn = Today.ToString("yyyy-MM-dd"), agency = "测试采购代理",
            bidders = new object[] { new { contractorId = winnerId, bidFen = amountFen }, new { contractorId = otherId, bidFen = amountFen + 10_000_00 } },
            winnerId, amountFen,
        }, HttpStatusCode.Created);
    }

    public static object[] Instalments(long amount) =>
    [
        new { name = "首期款", amountFen = amount * 4 / 10, milestone = "OnSigning" },
        new { name = "中期款", amountFen = amount * 3 / 10, milestone = "MidTermAcceptance" },
        new { name = "尾款", amountFen = amount - amount * 4 / 10 - amount * 3 / 10, milestone = "FinalAcceptance" },
    ];

    public object Contract(string packageId, string start, string end, long amount, object[]? instalments = null, int? budgetYear = null) => new
    {
        packageId, agreementNumber = Http.Unique("瑶民购"), signedOn = Today.ToString("yyyy-MM-dd"), termStart = start, termEnd = end, amountFen = amount,
        budgetYear, instalments = instalments ?? Instalments(amount),
        indicators = new[]
        {
            new { name = "困境老人建档率", category = "Effect", target = "100%" }, new { name = "服务对象满意度", category = "Satisfaction", target = "≥90%" },
        },
        inspectionPlan = new[] { new { body = "CivilAffairs", subject = "服务台账" }, new { body = "Finance", subject = "资金专项核算" }, new { body = "Audit", subject = "年度审计" } },
        penaltyClauses = new[]
        {
            new { code = "第十条", description = "未按时报送工作报告", maxFen = (long?)5_000_00 }, new { code = "第十一条", description = "整改不到位", maxFen = (long?)null },
        },
    };

    /// <summary>A signed contract with a fresh contractor, in a fresh year (or the given term), over three 红光街道 communities.</summary>
    public async Task<(JsonElement Contract, string ContractorId, HttpClient Contractor)> SignedAsync(long amount = 1_000_000_00, string? start = null,
        string? end = null, string? townId = null)
    {
        var year = FreshYear();
        start ??= $"{year}-01-01";
        end ??= $"{year}-12-31";
        var (cid, client) = await ContractorAsync();
        await BudgetAsync(int.Parse(start[..4], System.Globalization.CultureInfo.InvariantCulture));
        var package = await PackageAsync(start, end, await CommunitiesAsync(townId));
        await TenderAsync(package.Str("id"), cid, amount);
        var contract = await Bureau.PostJson("/api/purchasing/contracts", Contract(package.Str("id"), start, end, amount), HttpStatusCode.Created);
        return (contract, cid, client);
    }

    public async Task<string> UploadAsync(HttpClient by, string contractId, string kind = "Report")
    {
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(kind), "kind");
        var file = new ByteArrayContent("%PDF-1.4\n% 月度工作简报\n"u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        content.Add(file, "file", "report.pdf");
        return (await (await by.PostAsync($"/api/purchasing/contracts/{contractId}/attachments", content)).Json(HttpStatusCode.Created)).Str("id");
    }

    public static object Summary => new
    {
        peopleServed = 320, serviceSessions = 45, activities = 6, homeVisits = 38, highlights = "完成困境老人建档更新，开展青少年课业辅导", problems = "志愿者不足",
        nextPlan = "开展重阳节敬老活动",
    };

    public async Task<List<JsonElement>> NotificationsAsync(HttpClient c) => (await c.GetJson("/api/notifications")).EnumerateArray().ToList();

    /// <summary>
    /// A unit's whole inbox, read below the HTTP surface: the API shows the newest hundred, and tests elsewhere that move the
    /// shared clock years ahead leave notices dated in the future at the top of the bureau's.
    /// </summary>
    public async Task<List<string>> InboxAsync(string organizationId, string? kind = null)
    {
        using var scope = Host.Services.CreateScope();
        var db = Host.NewDb(scope, Guanjia.App.Common.Actor.System);
        var id = Guid.Parse(organizationId);
        return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.StaffNotifications.Where(n => n.OrganizationId == id && (kind == null || n.Kind == kind)).Select(n => n.Text));
    }

    /// <summary>The bureau's inbox: the jurisdiction's root (ADR 0040).</summary>
    public async Task<List<string>> BureauInboxAsync(string? kind = null)
    {
        using var scope = Host.Services.CreateScope();
        var db = Host.NewDb(scope, Guanjia.App.Common.Actor.System);
        var root = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.IgnoreQueryFilters(db.Organizations), o => o.Path == "/340102/");
        return await InboxAsync(root.Id.ToString(), kind);
    }

    public async Task<string> PathOfAsync(string organizationId) => (await Bureau.GetJson($"/api/organizations/{organizationId}")).Str("path");

    /// <summary>One beneficiary's paper questionnaire with every aspect at one level, entered by the evaluator (R-PS-06, ADR 0036).</summary>
    public static object Questionnaire(string level) => new
    {
        overall = level, quality = level, effect = level, attitude = level, efficiency = level, closeness = level, openness = level,
        suggestion = "希望增加上门服务次数", signature = "张*",
    };

    /// <summary>The evaluator enters so many questionnaires at each level; answers the survey as it stands after.</summary>
    public async Task<JsonElement> SurveyAsync(string evaluationId, params (string Level, int Count)[] answers)
    {
        JsonElement last = default;
        foreach (var (level, count) in answers)
            for (var i = 0; i < count; i++)
                last = await Evaluator.PostJson($"/api/purchasing/evaluations/{evaluationId}/survey/responses", Questionnaire(level), HttpStatusCode.OK);
        return last;
    }
}
