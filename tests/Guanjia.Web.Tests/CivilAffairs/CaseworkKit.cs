using System.Net;
using System.Text.Json;
using Guanjia.App.CivilAffairs;
using Guanjia.App.Common;
using Guanjia.Domain.CivilAffairs;
using Guanjia.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Guanjia.Web.Tests.CivilAffairs;

/// <summary>
/// Drives the casework through the HTTP API as its people do: the 东城 station's worker, the town (东城 lead department),
/// the village (岗贝社区 staff), the city, a deputy, and 长安's lead department as "another town".
/// </summary>
public sealed class CaseworkKit
{
    public static readonly TimeSpan China = TimeSpan.FromHours(8);
    public TestHost Host { get; }
    public HttpClient Worker { get; private set; } = null!;
    public HttpClient Worker2 { get; private set; } = null!;
    public HttpClient Town { get; private set; } = null!;
    public HttpClient Village { get; private set; } = null!;
    public HttpClient City { get; private set; } = null!;
    public HttpClient Deputy { get; private set; } = null!;
    public HttpClient OtherTown { get; private set; } = null!;
    public string VillageId { get; private set; } = "";
    public string WorkerId { get; private set; } = "";
    public string TownId { get; private set; } = "";

    private CaseworkKit(TestHost host) => Host = host;

    public static async Task<CaseworkKit> StartAsync(Db db)
    {
        var k = new CaseworkKit(TestHost.For(db));
        await k.SignInAllAsync();
        k.VillageId = (await k.Village.GetJson("/api/auth/me")).Str("organizationId");
        var me = await k.Worker.GetJson("/api/auth/me");
        k.WorkerId = me.Str("id");
        k.TownId = me.Str("organizationId");
        return k;
    }

    private async Task SignInAllAsync()
    {
        Worker = await Host.SignIn("dongcheng.worker");
        Worker2 = await Host.SignIn("dongcheng.worker2");
        Town = await Host.SignIn("dongcheng.lead");
        Village = await Host.SignIn("dongcheng.village");
        City = await Host.SignIn("city.admin");
        Deputy = await Host.SignIn("dongcheng.deputy");
        OtherTown = await Host.SignIn("changan.lead");
    }

    public DateTimeOffset Now => Host.Clock.GetUtcNow();

    public DateOnly Today => Guanjia.Domain.Calendar.ChinaTime.LocalDate(Now);

    /// <summary>Sets the clock (tests of particular dates restore it after); everyone signs in again.</summary>
    public async Task SetClockAsync(DateTimeOffset to)
    {
        Host.Clock.Set(to);
        await SignInAllAsync();
    }

    public async Task AdvanceAsync(TimeSpan by)
    {
        Host.Clock.Advance(by);
        await SignInAllAsync();
    }

    private static int _order = Random.Shared.Next(0, 900);

    /// <summary>A fresh valid ID number (demo area 990000, so nobody's), born on the given day.</summary>
    public static string NewId(DateOnly? birth = null)
    {
        var b = birth ?? new DateOnly(1940 + Random.Shared.Next(0, 40), 1 + Random.Shared.Next(0, 12), 1 + Random.Shared.Next(0, 28));
        var order = Interlocked.Increment(ref _order) % 1000;
        var first17 = $"990000{b:yyyyMMdd}{order:000}";
        return first17 + IdNumber.CheckDigitOf(first17);
    }

    public static string WithWrongCheckDigit(string id)
    {
        var wrong = id[17] == '0' ? '1' : '0';
        return id[..17] + wrong;
    }

    public object Person(string? id = null, string category = CaseworkSettings.ExtremelyPoorDispersed, DateOnly? registeredOn = null,
        string? villageId = null, string? health = "高血压，长期服药", object[]? categories = null, bool dynamic = false, string? name = null, bool assign = true) => new
    {
        villageId = villageId ?? VillageId, relation = "Head", name = name ?? $"测试{Random.Shared.Next(100, 999)}（演示）", documentKind = "ResidentId",
        documentNumber = id ?? NewId(), phone = "13900001234", localHukou = true, address = "岗贝社区演示路8号", health,
        underDynamicAdjustment = dynamic,
        categories = categories ?? [new { code = category, validFrom = (registeredOn ?? Today).ToString("yyyy-MM-dd") }],
        assignedWorkerId = assign ? WorkerId : null, registeredOn = (registeredOn ?? Today).ToString("yyyy-MM-dd"),
    };

    public async Task<JsonElement> RegisterAsync(object? person = null, HttpClient? by = null) =>
        await (by ?? Worker).PostJson("/api/civil-affairs/files", person ?? Person(), HttpStatusCode.Created);

    public static object Visit(string fileId, DateTimeOffset at, string mode = "Home", string? clientKey = null, string suddenChange = "None",
        object[]? problems = null) => new
    {
        caseFileId = fileId, mode, visitedAt = at, health = "精神尚可，血压偏高", mentalState = "Good", basicLiving = "Secure",
        hazards = new[] { "Slippery" }, careGiven = new[] { "Medicine", "Water" }, referrals = (string?)null, suddenChange,
        suddenChangeNote = suddenChange == "None" ? null : "在家中跌倒", notes = "测试探视", problems, clientKey,
    };

    public async Task<JsonElement> VisitAsync(string fileId, DateTimeOffset at, string mode = "Home", HttpClient? by = null, string suddenChange = "None") =>
        await (by ?? Worker).PostJson("/api/civil-affairs/visits", Visit(fileId, at, mode, suddenChange: suddenChange), HttpStatusCode.Created);

    public static object Items(bool eating = true, bool bathing = true, bool dressing = true, bool toileting = true, bool transfer = true, bool walking = true) =>
        new { eating, bathing, dressing, toileting, transfer, walking };

    /// <summary>The subject's casework deadlines (obligation, status, due), read as the town.</summary>
    public async Task<List<JsonElement>> DeadlinesAsync(string subjectId, string status = "All") =>
        (await Town.GetJson($"/api/deadlines?subjectId={subjectId}&status={status}&pageSize=200")).GetProperty("items").EnumerateArray().ToList();

    /// <summary>Opens the month's obligations as the background job would.</summary>
    public async Task<int> OpenPeriodAsync()
    {
        using var scope = Host.Services.CreateScope();
        var db = Host.NewDb(scope, Actor.System);
        return await CaseworkDeadlines.OpenPeriodAsync(db, scope.ServiceProvider.GetRequiredService<CaseworkServices>(), default);
    }
}
