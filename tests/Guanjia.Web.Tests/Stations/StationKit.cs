using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Guanjia.Web.Tests.Infrastructure;

namespace Guanjia.Web.Tests.Stations;

/// <summary>
/// The people of the 莞家驿站 guideline, signed in over HTTP: 岗贝社区's staff, station head and supervisory
/// committee, 东城街道's lead department and deputy, 长安镇's lead and a 长安 village, and the city.
/// </summary>
internal sealed class StationKit
{
    public required TestHost Host { get; init; }
    public required HttpClient Village { get; init; }
    public required HttpClient Head { get; init; }
    public required HttpClient Supervisor { get; init; }
    public required HttpClient Lead { get; init; }
    public required HttpClient Deputy { get; init; }
    public required HttpClient OtherLead { get; init; }
    public required HttpClient OtherVillage { get; init; }
    public required HttpClient City { get; init; }
    public required string VillageId { get; init; }
    public required string TownId { get; init; }

    private static int _year = 2030;

    /// <summary>A service year no other test uses, so counts per year (R-ST-03) start from zero.</summary>
    public static int FreshYear() => Interlocked.Increment(ref _year);

    public static async Task<StationKit> StartAsync(Db db)
    {
        var host = TestHost.For(db);
        var village = await host.SignIn("dongcheng.village");
        var me = await village.GetJson("/api/auth/me");
        var villageId = me.Str("organizationId");
        var org = await village.GetJson($"/api/organizations/{villageId}");
        return new StationKit
        {
            Host = host, Village = village, Head = await host.SignIn("dongcheng.station"), Supervisor = await host.SignIn("dongcheng.supervisor"),
            Lead = await host.SignIn("dongcheng.lead"), Deputy = await host.SignIn("dongcheng.deputy"), OtherLead = await host.SignIn("changan.lead"),
            OtherVillage = await host.SignIn("changan.village"), City = await host.SignIn("city.admin"), VillageId = villageId,
            TownId = org.Str("parentId"),
        };
    }

    public DateOnly Today => DateOnly.FromDateTime(Guanjia.Domain.Calendar.ChinaTime.ToLocal(Host.Clock.GetUtcNow()).DateTime);

    public string TodayText => Today.ToString("yyyy-MM-dd");

    public async Task<List<string>> OrganizationIdsAsync(string kind) =>
        (await City.GetJson($"/api/organizations?kind={kind}&pageSize=50")).GetProperty("items").EnumerateArray().Select(o => o.Str("id")).ToList();

    public static object Station(string? name = null, string? operatorId = null, string[]? forms = null, string platform = "PartyMassServiceCenter") => new
    {
        name = name ?? Http.Unique("岗贝莞家驿站"), hostPlatform = platform, address = "东城街道岗贝社区党群服务中心一楼", headName = "黄志强",
        headPhone = "0769-22334455", openingHours = "周一至周五 9:00-17:30", serviceForms = forms ?? ["Venue", "ServiceTeam", "ResourceLinking"],
        description = "依托社区党群服务中心加挂“莞家驿站”牌子", operatorId,
    };

    public async Task<JsonElement> StationAsync(HttpClient? by = null, string? operatorId = null, string[]? forms = null, string? name = null) =>
        await (by ?? Village).PostJson("/api/stations", Station(name, operatorId, forms), HttpStatusCode.Created);

    public object Item(string mode = "Free", int? year = null, long? amountFen = null, string[]? candidates = null, string? operatorId = null,
        bool? operatorInvited = null, string? operatorOverrideReason = null, int? years = null, int? teamSize = null, string? packagedOverrideReason = null,
        string[]? forms = null, string? microProjectId = null, string? title = null) => new
    {
        title = title ?? Http.Unique("长者助餐服务"), content = "为辖区长者提供午间助餐和送餐上门", year = year ?? Today.Year, consultedOn = TodayText,
        mode, serviceForms = forms ?? ["Venue", "ServiceTeam"], amountFen, candidateContractors = candidates, operatorId, operatorInvited,
        operatorOverrideReason, years, teamSize, packagedOverrideReason, microProjectId,
    };

    /// <summary>
    /// Registers the item; a paid one (purchased or packaged) with no project named gets a station-route project of its fee made first,
    /// as R-ST-09 asks: a station item that costs money goes through the 微实事 process.
    /// </summary>
    public async Task<JsonElement> ItemAsync(string stationId, object item, HttpClient? by = null)
    {
        var body = JsonSerializer.SerializeToElement(item, TestHost.Json);
        var paid = body.TryGetProperty("mode", out var mode) && mode.GetString() is "Purchased" or "Packaged";
        if (paid && (!body.TryGetProperty("microProjectId", out var pid) || pid.ValueKind == JsonValueKind.Null))
        {
            var fee = body.TryGetProperty("amountFen", out var a) && a.ValueKind == JsonValueKind.Number ? a.GetInt64() : 1_000_000;
            body = Claims.JsonMerge.Merge(body, JsonSerializer.SerializeToElement(new { microProjectId = await StationProjectAsync(fee + 1_000_000) }, TestHost.Json));
        }
        return await (by ?? Village).PostJson($"/api/stations/{stationId}/items", body, HttpStatusCode.Created);
    }

    private HttpClient? _finance;

    /// <summary>
    /// A public-welfare project of this village by the station route, its registration form filed and, at or above 5万元, reviewed by the
    /// town with the finance department's opinion (R-ST-09, R-MS-07); over the 20万 cap of a service with the village's reason (R-MS-01).
    /// </summary>
    public async Task<string> StationProjectAsync(long budgetFen)
    {
        var appeal = await Village.PostJson("/api/appeals", new
        {
            channel = "HomeVisit", title = "长者助餐服务", description = "辖区长者希望有午间助餐和送餐上门", villageId = VillageId,
            appellantName = "梁姨", appellantPhone = Flow.Phone(), category = "WelfareService",
        }, HttpStatusCode.Created);
        var appealId = appeal.Str("id");
        await Village.PostJson($"/api/appeals/{appealId}/acknowledge", new { note = "已接收" }, HttpStatusCode.OK);
        var projectId = (await Village.PostJson($"/api/appeals/{appealId}/committee-decision", new
        {
            meetingAt = Host.Clock.GetUtcNow(), outcome = "MicroProject", note = "列入实施计划", category = "WelfareService",
        }, HttpStatusCode.OK)).Str("projectId");
        var minutes = await UploadAsync($"/api/micro-projects/{projectId}/attachments", "Minutes");
        await Village.PostJson($"/api/micro-projects/{projectId}/consultations", new
        {
            heldAt = Host.Clock.GetUtcNow(), place = "岗贝社区党群服务中心", host = "张书记", recorder = "王干事", form = "VillagersMeeting",
            participantTypes = new[] { "VillagersCommittee", "Beneficiaries" }, headCount = 18, passed = true, content = "长者助餐及送餐上门服务",
            beneficiaries = "辖区长者约120人", route = "Station", budgetFen, fundingSources = new[] { "ProgrammeFund" },
            implementingBody = "东莞市暖莞社会工作服务中心", implementationPeriod = "一年", minutesAttachmentId = minutes,
        }, HttpStatusCode.OK);
        var registered = await Village.PostJson($"/api/micro-projects/{projectId}/registration", new
        {
            name = "长者助餐服务", subType = "ElderlyCare", source = "Residents", location = "岗贝社区", contactName = "王干事", contactTitle = "社区专职工作人员",
            contactPhone = "0769-22001234", capOverrideReason = budgetFen > 20_000_000 ? "整体打包运营驿站，服务量超过50宗" : null,
            policyCheck = new { resolvableByPolicy = false, note = "无对应政策" },
        }, HttpStatusCode.OK);
        if (!registered.GetProperty("isSmall").GetBoolean())
        {
            _finance ??= await Host.SignIn("dongcheng.finance");
            await _finance.PostJson($"/api/micro-projects/{projectId}/department-opinions", new { opinion = "预算合理，同意", agrees = true, signedOff = false },
                HttpStatusCode.OK);
            await Lead.PostJson($"/api/micro-projects/{projectId}/review", new
            {
                consultationCompliant = true, budgetReasonable = true, routeFeasible = true, resolvableByPolicy = false, decision = "ProgrammeFunding",
                opinion = "同意通过莞家驿站购买服务", funding = "VillageProgrammeFund",
            }, HttpStatusCode.OK);
        }
        return projectId;
    }

    public async Task<int> ItemCountAsync(string stationId) =>
        (await Village.GetJson($"/api/stations/items?stationId={stationId}")).GetProperty("total").GetInt32();

    public async Task<string> UploadAsync(string url, string kind, HttpClient? by = null, HttpStatusCode expected = HttpStatusCode.Created)
    {
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(kind), "kind");
        var file = new ByteArrayContent("%PDF-1.4\n% 购买服务协议\n"u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        content.Add(file, "file", "agreement.pdf");
        var res = await (by ?? Village).PostAsync(url, content);
        var body = await res.Json(expected);
        return expected == HttpStatusCode.Created ? body.Str("id") : "";
    }

    /// <summary>A purchased item with its signed agreement uploaded; answers the item and the agreement's id.</summary>
    public async Task<(JsonElement Item, string AgreementId)> PurchasedItemAsync(string stationId)
    {
        // The agreed fee is what the default filing names (R-ST-10: the amounts agree).
        var item = await ItemAsync(stationId, Item("Purchased", amountFen: 2_880_000, candidates: ["东莞市暖莞社会工作服务中心", "东莞市启航青少年社会工作服务中心"]));
        var agreement = await UploadAsync($"/api/stations/items/{item.Str("id")}/attachments", "Contract");
        return (item, agreement);
    }

    public object Filing(string agreementId, long amountFen = 2_880_000, string? supplierName = "东莞市暖莞社会工作服务中心", string? supplierId = null,
        int? version = null, string? differenceReason = null) => new
    {
        method = "CompetitiveConsultation", supplierName, supplierId, amountFen, agreementSignedOn = TodayText, agreementAttachmentId = agreementId, version,
        differenceReason,
    };

    public object Opinion() => new { reviewer = "陈监委", opinion = "采购程序规范，价格合理，同意报镇（街道）备案", reviewedOn = TodayText };

    public async Task<JsonElement> SocialWorkPointAsync() =>
        (await Host.Anonymous().GetJson("/api/public/social-work-points?pageSize=50")).GetProperty("items")[0];

    public object Referral(string pointId, string name, string phone, string service = "PsychologicalCounselling") => new
    {
        socialWorkPointId = pointId, residentName = name, residentPhone = phone, service, need = $"{name}近期情绪低落，需心理疏导",
    };
}
