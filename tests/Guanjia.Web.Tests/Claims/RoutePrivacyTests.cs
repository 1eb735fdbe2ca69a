using System.Net;
using System.Text.Json;
using Guanjia.Web.Tests.Infrastructure;
using static Guanjia.Web.Tests.Claims.ClaimFlow;

namespace Guanjia.Web.Tests.Claims;

/// <summary>The express forms (R-RT-01), the direct route for wishes, and what the public may never read (R-PL-07).</summary>
[Collection(ApiCollection.Name)]
public class RoutePrivacyTests
{
    private const string Name = "欧阳明华";
    private const string IdNumber = "441900198507154321";
    private const string HouseNumber = "光明路88号3栋502室";

    // R-RT-01
    [Theory, BothDatabases]
    public async Task R_RT_01_an_express_project_is_done_directly_by_a_grant_or_by_pairing_with_a_named_unit(Db db)
    {
        var f = await Flow.StartAsync(db);
        var order = await f.HotlineOrderAsync();
        await f.AcknowledgeAsync(order.Str("id"));
        var projectId = await f.CommitteeAsync(order.Str("id"));
        var minutes = await f.UploadAsync(projectId, "Minutes");
        var url = $"/api/micro-projects/{projectId}/consultations";
        JsonElement With(object extra) => JsonSerializer.SerializeToElement(f.Consultation(minutes, 3_000_000), TestHost.Json)
            .Merge(JsonSerializer.SerializeToElement(extra, TestHost.Json));
        (await f.Village.PostJson(url, With(new { expressForm = "Pairing" }), HttpStatusCode.BadRequest)).ShouldNameField("pairedUnit", "required");
        (await f.Village.PostJson(url, With(new { expressForm = "Teleport" }), HttpStatusCode.BadRequest)).ShouldNameField("expressForm");
        var direct = JsonSerializer.SerializeToElement(f.Consultation(minutes, Budget, "Direct"), TestHost.Json)
            .Merge(JsonSerializer.SerializeToElement(new { expressForm = "DirectGrant" }, TestHost.Json));
        (await f.Village.PostJson(url, direct, HttpStatusCode.BadRequest)).ShouldNameField("expressForm", "not_express");
        Assert.Equal("AwaitingConsultation", (await f.Village.GetJson($"/api/micro-projects/{projectId}")).Str("state"));

        var paired = await f.Village.PostJson(url, With(new { expressForm = "Pairing", pairedUnit = "东城街道社区卫生服务中心" }), HttpStatusCode.OK);
        Assert.Equal("Pairing", paired.Str("expressForm"));
        Assert.Equal("东城街道社区卫生服务中心", paired.Str("pairedUnit"));
        await f.RegisterAsync(projectId);
        await f.PublishAsync(projectId, f.Village);
        var notices = await f.Host.Anonymous().GetJson("/api/public/notices?kind=ProjectPublicity&pageSize=200");
        var body = notices.GetProperty("items").EnumerateArray().Single(n => n.Str("subjectRef") == paired.Str("number")).GetProperty("body");
        Assert.Equal("结对帮扶", body.Str("expressForm"));
        Assert.Equal("东城街道社区卫生服务中心", body.Str("pairedUnit"));

        // Without a choice an express project is implemented directly.
        var other = await f.CommitteeAsync((await f.AcknowledgeAsync((await f.HotlineOrderAsync()).Str("id"))).Str("id"));
        var plain = await f.ConsultAsync(other, 3_000_000);
        Assert.Equal("DirectImplementation", plain.Str("expressForm"));
    }

    private static async Task<(string AppealId, string WishId)> WishAsync(Flow f, string phone)
    {
        var order = await f.Hotline.PostJson("/api/integrations/12345/work-orders", new
        {
            workOrderNumber = Http.Unique("WO"), channel = "Hotline12345", villageCode = f.VillageCode, title = $"{Name}家需要改造无障碍设施",
            description = $"{Name}（身份证{IdNumber}，电话{phone}）住{HouseNumber}，腿脚不便需要改造", appellantName = Name, appellantPhone = phone,
            address = $"主山社区{HouseNumber}",
        }, HttpStatusCode.Created);
        await f.AcknowledgeAsync(order.Str("id"));
        var decided = await f.Village.PostJson($"/api/appeals/{order.Str("id")}/committee-decision", new
        {
            meetingAt = f.Now, outcome = "MicroWish", wishKind = "SpecialGroupAid", targetGroup = "Disabled", assistanceType = "Housing",
            projectName = $"为{Name}（{HouseNumber}）改造无障碍设施", beneficiaryName = Name, beneficiaryIdNumber = IdNumber,
            household = $"独居，住{HouseNumber}", requestedFen = 8_000_000,
        }, HttpStatusCode.OK);
        var wishId = decided.Str("wishId");
        await f.Town.PostJson($"/api/micro-wishes/{wishId}/verify", new
        {
            authentic = true, reasonable = true, budgetSound = true, departments = "东城街道社会事务局、残联", outcome = "Verified",
        }, HttpStatusCode.OK);
        return (order.Str("id"), wishId);
    }

    // R-RT-02, R-RT-03: a wish on the direct route: published, claimed, connected, handled and fed back.
    [Theory, BothDatabases]
    public async Task R_RT_03_a_direct_route_wish_is_claimed_connected_and_handled(Db db)
    {
        var f = await Flow.StartAsync(db);
        var (appealId, wishId) = await WishAsync(f, Flow.Phone());
        var decided = await f.Town.PostJson($"/api/micro-wishes/{wishId}/decide", new
        {
            decisionBody = "ExpertReview", participants = new[] { "张主任", "李科长", "王社工" }, route = "Direct", amountFen = 6_000_000,
            assistanceForm = "社会力量出资改造",
        }, HttpStatusCode.OK);
        Assert.Equal("Routed", decided.Str("state"));
        var itemId = await ItemOfAsync(f, wishId);
        var published = await PublishAsync(f, itemId);
        Assert.Equal(6_000_000, published.GetProperty("amountFen").GetInt64());
        await ClaimAsync(f, f.Host.Anonymous(), itemId, kind: "SocialOrganization", name: "东莞市助残公益协会");
        var connected = await f.Town.PostJson($"/api/claim-items/{itemId}/connect", new { note = "协会与受助人家属对接" }, HttpStatusCode.OK);
        Assert.Equal("Started", connected.Str("state"));
        var wish = await f.Town.GetJson($"/api/micro-wishes/{wishId}");
        Assert.Equal("Handling", wish.Str("state"));
        Assert.Equal("Met", Status(wish, "DirectStart"));
        await f.Town.PostJson($"/api/micro-wishes/{wishId}/complete", new { paidFen = 6_000_000, outcome = "已完成无障碍改造" }, HttpStatusCode.OK);
        await f.Town.PostJson($"/api/micro-wishes/{wishId}/close", new { }, HttpStatusCode.OK);
        await f.DeliverAsync();
        var kinds = (await f.Village.GetJson($"/api/appeals/{appealId}")).GetProperty("messages").EnumerateArray().Select(m => m.Str("kind")).ToList();
        Assert.Contains("ClaimResult", kinds);
        Assert.Contains("WishResult", kinds);
    }

    // R-RT-05: the station route serves a wish's inclusive services; special-group aid goes by express or direct.
    [Theory, BothDatabases]
    public async Task R_RT_05_the_station_route_takes_inclusive_service_wishes_only(Db db)
    {
        var f = await Flow.StartAsync(db);
        var (_, aidWish) = await WishAsync(f, Flow.Phone());
        var station = new
        {
            decisionBody = "JointMeeting", participants = new[] { "张主任", "李科长" }, route = "Station", amountFen = 0, assistanceForm = "驿站链接社工服务",
        };
        (await f.Town.PostJson($"/api/micro-wishes/{aidWish}/decide", station, HttpStatusCode.BadRequest)).ShouldNameField("route", "station_inclusive_only");
        Assert.Equal("AwaitingDecision", (await f.Town.GetJson($"/api/micro-wishes/{aidWish}")).Str("state"));

        var order = await f.HotlineOrderAsync(title: "孩子沉迷网络，希望有心理辅导");
        await f.AcknowledgeAsync(order.Str("id"));
        var decided = await f.Village.PostJson($"/api/appeals/{order.Str("id")}/committee-decision", new
        {
            meetingAt = f.Now, outcome = "MicroWish", wishKind = "InclusiveService", serviceType = "YouthBehaviour", projectName = "青少年心理辅导",
        }, HttpStatusCode.OK);
        var wishId = decided.Str("wishId");
        await f.Town.PostJson($"/api/micro-wishes/{wishId}/verify", new
        {
            authentic = true, reasonable = true, budgetSound = true, departments = "东城街道社会事务局", outcome = "Verified",
        }, HttpStatusCode.OK);
        var routed = await f.Town.PostJson($"/api/micro-wishes/{wishId}/decide", station, HttpStatusCode.OK);
        Assert.Equal("Routed", routed.Str("state"));
        Assert.Equal("Station", routed.Str("route"));
        // Not a claim-board item, and no express clock: the station's referral carries it (R-ST-08).
        Assert.Empty((await f.Town.GetJson($"/api/claim-items?subjectId={wishId}")).GetProperty("items").EnumerateArray());
        Assert.DoesNotContain(routed.GetProperty("deadlines").EnumerateArray(), d => d.Str("obligation") == "WishExpressHandling");
    }

    // R-PL-07, R-RT-02: the claim board and every public notice never show a name, phone, ID number or house number.
    [Theory, BothDatabases]
    public async Task R_PL_07_the_claim_board_and_publicity_never_show_name_phone_id_or_house_number(Db db)
    {
        var f = await Flow.StartAsync(db);
        var phone = Flow.Phone();

        // A project whose staff-typed texts repeat the appellant's details.
        var order = await f.Hotline.PostJson("/api/integrations/12345/work-orders", new
        {
            workOrderNumber = Http.Unique("WO"), channel = "Hotline12345", villageCode = f.VillageCode, title = "楼道照明损坏",
            description = "楼道照明损坏", appellantName = Name, appellantPhone = phone, address = $"主山社区{HouseNumber}",
        }, HttpStatusCode.Created);
        await f.AcknowledgeAsync(order.Str("id"));
        var projectId = await f.CommitteeAsync(order.Str("id"));
        var minutes = await f.UploadAsync(projectId, "Minutes");
        var leaky = JsonSerializer.SerializeToElement(f.Consultation(minutes, Budget, "Direct"), TestHost.Json).Merge(JsonSerializer.SerializeToElement(new
        {
            content = $"应{Name}（电话{phone}，身份证{IdNumber}）反映，改造{HouseNumber}及周边楼道照明",
            beneficiaries = $"{Name}等{HouseNumber}周边住户",
        }, TestHost.Json));
        await f.Village.PostJson($"/api/micro-projects/{projectId}/consultations", leaky, HttpStatusCode.OK);
        await f.Village.PostJson($"/api/micro-projects/{projectId}/registration", new
        {
            name = $"{Name}家楼道照明改造", subType = "LivingEnvironment", source = "OnlineAndHotline", location = $"主山社区{HouseNumber}",
            contactName = "王干事", contactTitle = "社区专职工作人员", contactPhone = "0769-22001234",
        }, HttpStatusCode.OK);
        await f.OpinionAsync(projectId);
        await f.ReviewAsync(projectId);
        var projectItem = await ItemOfAsync(f, projectId);
        await PublishAsync(f, projectItem);
        await ClaimAsync(f, f.Host.Anonymous(), projectItem, kind: "Donor", name: "李善人");
        await f.Town.PostJson($"/api/claim-items/{projectItem}/connect", new { note = "已对接" }, HttpStatusCode.OK);
        await f.PublishAsync(projectId);

        // A wish whose need names the beneficiary, with ID and household.
        var (_, wishId) = await WishAsync(f, Flow.Phone());
        await f.Town.PostJson($"/api/micro-wishes/{wishId}/decide", new
        {
            decisionBody = "JointMeeting", participants = new[] { "张主任", "李科长" }, route = "Direct", amountFen = 5_000_000,
            assistanceForm = $"为{Name}改造住房",
        }, HttpStatusCode.OK);
        await PublishAsync(f, await ItemOfAsync(f, wishId));

        var anon = f.Host.Anonymous();
        var board = await anon.GetJson("/api/public/claim-board?pageSize=100");
        var texts = new List<string> { board.GetRawText() };
        foreach (var i in board.GetProperty("items").EnumerateArray())
            texts.Add((await anon.GetJson($"/api/public/claim-board/{i.Str("id")}")).GetRawText());
        texts.Add((await anon.GetJson("/api/public/notices?pageSize=100")).GetRawText());
        Assert.Contains(texts, t => t.Contains("楼道照明改造", StringComparison.Ordinal));
        foreach (var raw in texts)
        {
            var text = JsonDocument.Parse(raw).RootElement.ToString(); // unescaped
            var decoded = System.Text.RegularExpressions.Regex.Unescape(raw);
            foreach (var t in new[] { text, decoded })
            {
                Assert.DoesNotContain(Name, t);
                Assert.DoesNotContain(phone, t);
                Assert.DoesNotContain(IdNumber, t);
                Assert.DoesNotContain("88号", t);
                Assert.DoesNotContain("502室", t);
                Assert.DoesNotContain("李善人", t);
            }
        }
    }

    // R-PL-07: another person the text names and an individual as implementing body are masked on 公示 like the appellant,
    // the registration form's contact too; building counts, lengths and amounts stay as typed ("3栋" was "**栋").
    [Theory, BothDatabases]
    public async Task R_PL_07_every_person_named_is_masked_on_publicity_and_quantities_are_kept(Db db)
    {
        var f = await Flow.StartAsync(db);
        var order = await f.HotlineOrderAsync();
        await f.AcknowledgeAsync(order.Str("id"));
        var projectId = await f.CommitteeAsync(order.Str("id"));
        var minutes = await f.UploadAsync(projectId, "Minutes");
        var consultation = JsonSerializer.SerializeToElement(f.Consultation(minutes, 3_000_000), TestHost.Json).Merge(JsonSerializer.SerializeToElement(new
        {
            content = "应村民梁志强、郑美玲提议，新建3栋连廊并铺设200米步道，预算3万元",
            beneficiaries = "3栋及周边住户约120人",
            implementingBody = "张建华",
        }, TestHost.Json));
        var consulted = await f.Village.PostJson($"/api/micro-projects/{projectId}/consultations", consultation, HttpStatusCode.OK);
        await f.RegisterAsync(projectId);
        await f.PublishAsync(projectId, f.Village);

        var notices = await f.Host.Anonymous().GetJson("/api/public/notices?kind=ProjectPublicity&pageSize=200");
        var notice = notices.GetProperty("items").EnumerateArray().Single(n => n.Str("subjectRef") == consulted.Str("number"));
        var body = notice.GetProperty("body");
        var text = notice.ToString();
        foreach (var person in new[] { "梁志强", "郑美玲", "张建华", "王干事", "陈大文", "22001234" })
            Assert.DoesNotContain(person, text, StringComparison.Ordinal);
        Assert.Contains("新建3栋连廊并铺设200米步道，预算3万元", body.Str("content"), StringComparison.Ordinal);
        Assert.Equal("3栋及周边住户约120人", body.Str("beneficiaries"));
        Assert.Equal("***", body.Str("implementingBody")); // a person the record names goes entirely
        // An organisation as implementing body is published by name.
        Assert.Contains(notices.GetProperty("items").EnumerateArray(), n => n.GetProperty("body").TryGetProperty("implementingBody", out var b)
            && b.GetString() == "东莞市某照明工程有限公司");
    }
}
