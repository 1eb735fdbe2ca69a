using System.Net;
using System.Text.Json;
using Guanjia.Web.Tests.Infrastructure;
using Guanjia.Web.Tests.Stations;

namespace Guanjia.Web.Tests.MicroWishes;

/// <summary>Issue 12's wish corrections: wishes from every channel, policy only for true wishes, the station route closing its wishes.</summary>
[Collection(ApiCollection.Name)]
public class WishRoutesTests
{
    private static object Wish(string kind = "InclusiveService") => kind == "InclusiveService"
        ? new { wishKind = kind, serviceType = "FamilyRelations", need = "亲子关系紧张，希望获得家庭关系调适服务" }
        : new { wishKind = kind, targetGroup = "Disabled", assistanceType = "LivingAid", need = "为残疾老人配置轮椅", beneficiaryName = "陈大文", requestedFen = 300_000L };

    // R-MW-06: a wish entered by staff or sent by 12345 goes straight to its town for verification; the village committee is one way in.
    [Theory, BothDatabases]
    public async Task R_MW_06_a_wish_from_any_channel_goes_straight_to_the_towns_verification(Db db)
    {
        var f = await Flow.StartAsync(db);
        var phone = Flow.Phone();
        var staff = await f.Town.PostJson("/api/appeals", new
        {
            channel = "StationedCadre", title = "残疾老人需要轮椅", description = "驻点干部走访发现残疾老人出行困难", villageId = f.VillageId,
            appellantName = "陈大文", appellantPhone = phone, wish = Wish("SpecialGroupAid"),
        }, HttpStatusCode.Created);
        Assert.Equal("BecameWish", staff.Str("state"));
        var wishId = staff.Str("microWishId");
        var wish = await f.Town.GetJson($"/api/micro-wishes/{wishId}");
        Assert.Equal("AwaitingVerification", wish.Str("state"));
        var verify = wish.GetProperty("deadlines").EnumerateArray().Single(d => d.Str("obligation") == "WishVerification");
        Assert.Equal("R-MW-02", verify.Str("ruleId"));
        Assert.Equal(await TownAsync(f), verify.Str("responsibleOrgId"));
        // No village receipt or committee meeting is owed for it, and the appellant hears it went to the town.
        Assert.DoesNotContain(staff.GetProperty("deadlines").EnumerateArray(), d => d.Str("obligation") is "Acknowledge" or "CommitteeMeeting");
        Assert.Contains(staff.GetProperty("messages").EnumerateArray(), m => m.Str("kind") == "WishReceipt");

        var order = await f.Hotline.PostJson("/api/integrations/12345/work-orders", new
        {
            workOrderNumber = Http.Unique("WO"), channel = "Hotline12345", villageCode = f.VillageCode, title = "家庭关系调适",
            description = "希望获得家庭关系调适服务", appellantName = "梁淑芬", appellantPhone = Flow.Phone(), wish = Wish(),
        }, HttpStatusCode.Created);
        Assert.Equal("BecameWish", order.Str("state"));
        Assert.Equal("AwaitingVerification", (await f.Town.GetJson($"/api/micro-wishes/{order.Str("microWishId")}")).Str("state"));

        // A wish's details are checked as the committee's are, and a bad one changes nothing.
        var bad = await f.Town.PostJson("/api/appeals", new
        {
            channel = "StationedCadre", title = "x", description = "y", villageId = f.VillageId, wish = new { wishKind = "SpecialGroupAid" },
        }, HttpStatusCode.BadRequest);
        bad.ShouldNameField("wish.targetGroup", "required");
        bad.ShouldNameField("wish.assistanceType", "required");
    }

    // R-MW-02, R-IN-05: what is verified as true goes first to current policy; what is not true is rejected, not referred.
    [Theory, BothDatabases]
    public async Task R_MW_02_only_a_wish_verified_as_true_is_referred_to_current_policy(Db db)
    {
        var f = await Flow.StartAsync(db);
        var appeal = await f.Town.PostJson("/api/appeals", new
        {
            channel = "TownServiceCentre", title = "申请低保", description = "家中生活困难", villageId = f.VillageId, appellantName = "周某",
            appellantPhone = Flow.Phone(), wish = Wish("SpecialGroupAid"),
        }, HttpStatusCode.Created);
        var url = $"/api/micro-wishes/{appeal.Str("microWishId")}/verify";
        var untrue = await f.Town.PostJson(url, new
        {
            authentic = false, reasonable = true, budgetSound = true, departments = "社会事务局", outcome = "PolicyReferral",
            policyDepartment = "社会事务局", policyContact = "0769-1",
        }, HttpStatusCode.BadRequest);
        untrue.ShouldNameField("outcome", "policy_needs_true");
        Assert.Equal("AwaitingVerification", (await f.Town.GetJson($"/api/micro-wishes/{appeal.Str("microWishId")}")).Str("state"));
        var referred = await f.Town.PostJson(url, new
        {
            authentic = true, reasonable = true, budgetSound = true, departments = "社会事务局", outcome = "PolicyReferral",
            policyDepartment = "东城街道社会事务局", policyContact = "0769-22000000",
        }, HttpStatusCode.OK);
        Assert.Equal("PolicyReferred", referred.Str("state"));
    }

    // R-MW-05, R-RT-05, R-ST-08: a wish the town sends to the station stays there only until the social-work point's service record
    // completes it; its result is then due within 5 working days, and the town closes it with the result feedback.
    [Theory, BothDatabases]
    public async Task R_MW_05_the_service_record_of_the_station_completes_a_wish_sent_there(Db db)
    {
        var f = await Flow.StartAsync(db);
        var k = await StationKit.StartAsync(db);
        var appeal = await f.Town.PostJson("/api/appeals", new
        {
            channel = "StationedCadre", title = "家庭关系调适", description = "希望获得家庭关系调适服务", villageId = f.VillageId,
            appellantName = "梁淑芬", appellantPhone = Flow.Phone(), wish = Wish(),
        }, HttpStatusCode.Created);
        var wishUrl = $"/api/micro-wishes/{appeal.Str("microWishId")}";
        await f.Town.PostJson($"{wishUrl}/verify", new { authentic = true, reasonable = true, budgetSound = true, departments = "社会事务局", outcome = "Verified" },
            HttpStatusCode.OK);
        var routed = await f.Town.PostJson($"{wishUrl}/decide", new
        {
            decisionBody = "JointMeeting", participants = new[] { "张主任", "李社工" }, route = "Station", amountFen = 0L, assistanceForm = "转介社工服务点无偿服务",
        }, HttpStatusCode.OK);
        Assert.Equal("Routed", routed.Str("state"));

        var station = await k.StationAsync();
        var point = await k.SocialWorkPointAsync();
        var referral = await k.Head.PostJson("/api/stations/referrals", new
        {
            stationId = station.Str("id"), socialWorkPointId = point.Str("id"), residentName = "梁淑芬", residentPhone = Flow.Phone(),
            service = "FamilyRelations", need = "家庭关系调适", appealId = appeal.Str("id"),
        }, HttpStatusCode.Created);
        await k.Head.PostJson($"/api/stations/referrals/{referral.Str("id")}/served", new
        {
            servedFrom = k.TodayText, servedTo = k.TodayText, summary = "开展三次家庭辅导，亲子沟通改善", freeOfCharge = true,
        }, HttpStatusCode.OK);

        var done = await f.Town.GetJson(wishUrl);
        Assert.Equal("Completed", done.Str("state"));
        var result = done.GetProperty("deadlines").EnumerateArray().Single(d => d.Str("obligation") == "WishResultFeedback");
        Assert.Equal("R-MW-05", result.Str("ruleId"));
        Assert.Equal("Open", result.Str("status"));
        var closed = await f.Town.PostJson($"{wishUrl}/close", new { }, HttpStatusCode.OK);
        Assert.Equal("Closed", closed.Str("state"));
        Assert.Contains((await f.Town.GetJson($"/api/appeals/{appeal.Str("id")}")).GetProperty("messages").EnumerateArray(), m => m.Str("kind") == "WishResult");
    }

    // R-RT-05: the station route serves public-welfare services; a convenience work may not take it.
    [Theory, BothDatabases]
    public async Task R_RT_05_a_convenience_work_cannot_take_the_station_route(Db db)
    {
        var f = await Flow.StartAsync(db);
        var appeal = await f.StaffAppealAsync(category: "ConvenienceWorks");
        await f.AcknowledgeAsync(appeal.Str("id"));
        var projectId = await f.CommitteeAsync(appeal.Str("id"));
        var minutes = await f.UploadAsync(projectId, "Minutes");
        var refused = await f.Village.PostJson($"/api/micro-projects/{projectId}/consultations", f.Consultation(minutes, 3_000_000, "Station"),
            HttpStatusCode.BadRequest);
        refused.ShouldNameField("route", "station_services_only");
        Assert.Equal("AwaitingConsultation", (await f.Village.GetJson($"/api/micro-projects/{projectId}")).Str("state"));
    }

    private static async Task<string> TownAsync(Flow f) => (await f.City.GetJson($"/api/organizations/{f.VillageId}")).Str("parentId");
}
