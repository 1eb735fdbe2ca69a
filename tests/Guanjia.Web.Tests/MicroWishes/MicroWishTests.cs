using System.Net;
using System.Text.Json;
using Guanjia.Web.Tests.Infrastructure;

namespace Guanjia.Web.Tests.MicroWishes;

/// <summary>民生微心愿 (R-MW-01..05): from an appeal through the town's verification and decision to the result.</summary>
[Collection(ApiCollection.Name)]
public class MicroWishTests
{
    private const string IdNumber = "441900198001011234";

    private static async Task<(string AppealId, string WishId)> NewWishAsync(Flow f, string? phone = null)
    {
        var order = await f.HotlineOrderAsync(phone: phone, title: "残疾老人家中需要轮椅");
        await f.AcknowledgeAsync(order.Str("id"));
        var decided = await f.Village.PostJson($"/api/appeals/{order.Str("id")}/committee-decision", new
        {
            meetingAt = f.Now, outcome = "MicroWish", note = "个人诉求，报镇街核查", wishKind = "SpecialGroupAid", targetGroup = "Disabled",
            assistanceType = "LivingAid", projectName = "为残疾老人配置轮椅", beneficiaryName = "陈大文", beneficiaryIdNumber = IdNumber,
            household = "独居，低保边缘家庭", requestedFen = 300_000,
        }, HttpStatusCode.OK);
        Assert.Equal("BecameWish", decided.GetProperty("appeal").Str("state"));
        return (order.Str("id"), decided.Str("wishId"));
    }

    private static object Verified(string outcome = "Verified", bool authentic = true, string? note = null) => new
    {
        authentic, reasonable = true, budgetSound = true, departments = "东城街道社会事务局、残联", outcome, note,
    };

    private static object Decision(long amount = 200_000, string route = "Express") => new
    {
        decisionBody = "JointMeeting", participants = new[] { "张主任", "李科长", "王社工" }, route, amountFen = amount,
        expressForm = route == "Express" ? "DirectGrant" : null, assistanceForm = "直接资助购买轮椅",
    };

    private static string Status(JsonElement wish, string obligation) =>
        wish.GetProperty("deadlines").EnumerateArray().Single(d => d.Str("obligation") == obligation).Str("status");

    // R-MW-01
    [Theory, BothDatabases]
    public async Task R_MW_01_a_wish_needs_its_kind_with_a_target_group_and_assistance_type_or_a_service_type(Db db)
    {
        var f = await Flow.StartAsync(db);
        var order = await f.HotlineOrderAsync();
        await f.AcknowledgeAsync(order.Str("id"));
        var url = $"/api/appeals/{order.Str("id")}/committee-decision";
        var aid = await f.Village.PostJson(url, new { meetingAt = f.Now, outcome = "MicroWish", wishKind = "SpecialGroupAid" }, HttpStatusCode.BadRequest);
        aid.ShouldNameField("targetGroup", "required");
        aid.ShouldNameField("assistanceType", "required");
        var service = await f.Village.PostJson(url, new { meetingAt = f.Now, outcome = "MicroWish", wishKind = "InclusiveService" }, HttpStatusCode.BadRequest);
        service.ShouldNameField("serviceType", "required");
        (await f.Village.PostJson(url, new { meetingAt = f.Now, outcome = "MicroWish" }, HttpStatusCode.BadRequest)).ShouldNameField("wishKind", "required");
        var badId = await f.Village.PostJson(url, new
        {
            meetingAt = f.Now, outcome = "MicroWish", wishKind = "InclusiveService", serviceType = "Counselling", beneficiaryIdNumber = "12345",
        }, HttpStatusCode.BadRequest);
        badId.ShouldNameField("beneficiaryIdNumber", "invalid");
        Assert.Equal("Acknowledged", (await f.Village.GetJson($"/api/appeals/{order.Str("id")}")).Str("state"));
        var ok = await f.Village.PostJson(url, new { meetingAt = f.Now, outcome = "MicroWish", wishKind = "InclusiveService", serviceType = "Counselling" }, HttpStatusCode.OK);
        var wish = await f.Town.GetJson($"/api/micro-wishes/{ok.Str("wishId")}");
        Assert.Equal("InclusiveService", wish.Str("kind"));
        Assert.Equal("Counselling", wish.Str("serviceType"));
    }

    // R-MW-02..05, R-MS-16: the whole express path through the HTTP API.
    [Theory, BothDatabases]
    public async Task R_MW_04_a_wish_walks_from_a_hotline_appeal_through_verification_and_decision_to_express_payment_and_feedback(Db db)
    {
        var f = await Flow.StartAsync(db);
        var (appealId, wishId) = await NewWishAsync(f);
        var url = $"/api/micro-wishes/{wishId}";
        await f.Village.PostJson($"{url}/verify", Verified(), HttpStatusCode.Forbidden); // the town verifies, not the village
        var verified = await f.Town.PostJson($"{url}/verify", Verified(), HttpStatusCode.OK);
        Assert.Equal("AwaitingDecision", verified.Str("state"));
        Assert.Equal("Met", Status(verified, "WishVerification"));
        var decided = await f.Town.PostJson($"{url}/decide", Decision(), HttpStatusCode.OK);
        Assert.Equal("Handling", decided.Str("state"));
        Assert.Equal(["张主任", "李科长", "王社工"], decided.GetProperty("participants").EnumerateArray().Select(p => p.GetString()));
        await f.AdvanceAsync(TimeSpan.FromDays(2));
        var over = await f.Town.PostJson($"{url}/complete", new { paidFen = 200_001, outcome = "已发放" }, HttpStatusCode.BadRequest);
        over.ShouldNameField("paidFen", "over_decided");
        var done = await f.Town.PostJson($"{url}/complete", new { paidFen = 200_000, outcome = "已资助购买轮椅并送达" }, HttpStatusCode.OK);
        Assert.Equal("Met", Status(done, "WishExpressHandling"));
        var closed = await f.Town.PostJson($"{url}/close", new { }, HttpStatusCode.OK);
        Assert.Equal("Closed", closed.Str("state"));
        Assert.All(closed.GetProperty("deadlines").EnumerateArray(), d => Assert.Equal("Met", d.Str("status")));
        var appeal = await f.Village.GetJson($"/api/appeals/{appealId}");
        Assert.Equal(["Receipt", "WishDecision", "WishResult"], appeal.GetProperty("messages").EnumerateArray().Select(m => m.Str("kind")));
        Assert.Contains("已资助购买轮椅并送达", appeal.GetProperty("messages")[2].Str("body"));
    }

    // R-MW-02: false or out-of-scope items are rejected with the reason sent; true items go to policy first.
    [Theory, BothDatabases]
    public async Task R_MW_02_verification_rejects_with_the_reason_or_refers_to_policy(Db db)
    {
        var f = await Flow.StartAsync(db);
        var (appealId, wishId) = await NewWishAsync(f);
        var url = $"/api/micro-wishes/{wishId}/verify";
        var empty = await f.Town.PostJson(url, new { }, HttpStatusCode.BadRequest);
        foreach (var field in new[] { "authentic", "reasonable", "budgetSound", "departments", "outcome" }) empty.ShouldNameField(field, "required");
        (await f.Town.PostJson(url, Verified(authentic: false), HttpStatusCode.BadRequest)).ShouldNameField("outcome", "checks_failed");
        (await f.Town.PostJson(url, Verified("Reject"), HttpStatusCode.BadRequest)).ShouldNameField("note", "required");
        Assert.Equal("AwaitingVerification", (await f.Town.GetJson($"/api/micro-wishes/{wishId}")).Str("state"));
        var rejected = await f.Town.PostJson(url, Verified("Reject", authentic: false, note: "经核查家庭已享受同类资助"), HttpStatusCode.OK);
        Assert.Equal("Rejected", rejected.Str("state"));
        var last = (await f.Village.GetJson($"/api/appeals/{appealId}")).GetProperty("messages").EnumerateArray().Last();
        Assert.Equal("WishRejected", last.Str("kind"));
        Assert.Contains("经核查家庭已享受同类资助", last.Str("body"));

        var (_, other) = await NewWishAsync(f);
        var referred = await f.Town.PostJson($"/api/micro-wishes/{other}/verify", new
        {
            authentic = true, reasonable = true, budgetSound = true, departments = "残联", outcome = "PolicyReferral",
            policyDepartment = "东城街道残疾人联合会", policyContact = "0769-22000001",
        }, HttpStatusCode.OK);
        Assert.Equal("PolicyReferred", referred.Str("state"));
        var referrals = await f.Town.GetJson("/api/policy-referrals?pageSize=200");
        Assert.Contains(referrals.GetProperty("items").EnumerateArray(), r => r.Str("subjectId") == other && r.Str("subjectType") == "MicroWish");
    }

    // R-MW-03: the decision records who took part, the route, the amount and the form.
    [Theory, BothDatabases]
    public async Task R_MW_03_the_decision_needs_its_participants_route_amount_and_form(Db db)
    {
        var f = await Flow.StartAsync(db);
        var (_, wishId) = await NewWishAsync(f);
        var url = $"/api/micro-wishes/{wishId}";
        await f.Town.PostJson($"{url}/decide", Decision(), HttpStatusCode.Conflict); // not verified yet
        await f.Town.PostJson($"{url}/verify", Verified(), HttpStatusCode.OK);
        var empty = await f.Town.PostJson($"{url}/decide", new { route = "Express", amountFen = 1000, participants = new[] { "张主任" } }, HttpStatusCode.BadRequest);
        empty.ShouldNameField("decisionBody", "required");
        empty.ShouldNameField("participants", "required");
        empty.ShouldNameField("expressForm", "required");
        empty.ShouldNameField("assistanceForm", "required");
        (await f.Town.PostJson($"{url}/decide", Decision(amount: 0), HttpStatusCode.BadRequest)).ShouldNameField("amountFen", "out_of_range");
        var direct = await f.Town.PostJson($"{url}/decide", Decision(route: "Direct"), HttpStatusCode.OK);
        Assert.Equal("Routed", direct.Str("state"));
        Assert.DoesNotContain(direct.GetProperty("deadlines").EnumerateArray(), d => d.Str("obligation") == "WishExpressHandling");
    }

    // R-MW-04, R-MW-05: 5 working days each, across National Day and its make-up Saturday.
    [Theory, BothDatabases]
    public async Task R_MW_05_express_handling_and_result_feedback_are_due_in_five_working_days(Db db)
    {
        var f = await Flow.StartAsync(db);
        var saved = f.Now;
        try
        {
            await f.SetClockAsync(new DateTimeOffset(2026, 9, 30, 9, 0, 0, TimeSpan.FromHours(8)));
            var (_, wishId) = await NewWishAsync(f);
            var url = $"/api/micro-wishes/{wishId}";
            await f.Town.PostJson($"{url}/verify", Verified(), HttpStatusCode.OK);
            var decided = await f.Town.PostJson($"{url}/decide", Decision(), HttpStatusCode.OK);
            var due = decided.GetProperty("deadlines").EnumerateArray().Single(d => d.Str("obligation") == "WishExpressHandling").GetProperty("dueAt").GetDateTimeOffset();
            Assert.Equal(new DateTimeOffset(2026, 10, 13, 23, 59, 59, TimeSpan.FromHours(8)), due);

            await f.SetClockAsync(new DateTimeOffset(2026, 10, 14, 9, 0, 0, TimeSpan.FromHours(8)));
            var late = await f.Town.PostJson($"{url}/complete", new { paidFen = 100_000, outcome = "已资助" }, HttpStatusCode.BadRequest);
            late.ShouldNameField("lateReason", "late_reason_required");
            var done = await f.Town.PostJson($"{url}/complete", new { paidFen = 100_000, outcome = "已资助", lateReason = "节后供应商到货延迟" }, HttpStatusCode.OK);
            Assert.Equal("MetLate", Status(done, "WishExpressHandling"));
            var feedbackDue = done.GetProperty("deadlines").EnumerateArray().Single(d => d.Str("obligation") == "WishResultFeedback").GetProperty("dueAt").GetDateTimeOffset();
            Assert.Equal(new DateTimeOffset(2026, 10, 21, 23, 59, 59, TimeSpan.FromHours(8)), feedbackDue);
        }
        finally
        {
            await f.SetClockAsync(saved);
        }
    }

    // Issue 4: the person's household and identity are visible only to the staff handling the case.
    [Theory, BothDatabases]
    public async Task R_PL_07_the_beneficiarys_identity_is_masked_except_for_the_town_handling_it(Db db)
    {
        var f = await Flow.StartAsync(db);
        var (_, wishId) = await NewWishAsync(f);
        var town = await f.Town.GetJson($"/api/micro-wishes/{wishId}");
        Assert.Equal(IdNumber, town.Str("beneficiaryIdNumber"));
        Assert.Equal("陈大文", town.Str("beneficiaryName"));
        foreach (var other in new[] { f.Village, f.City, await f.Host.SignIn("dongcheng.deputy") })
        {
            var seen = await other.GetJson($"/api/micro-wishes/{wishId}");
            Assert.DoesNotContain(IdNumber, seen.ToString());
            Assert.DoesNotContain("陈大文", seen.ToString());
            Assert.DoesNotContain("独居", seen.ToString());
        }
        var audit = await f.City.GetJson($"/api/audit?entityType=MicroWish&entityId={wishId}&pageSize=50");
        Assert.DoesNotContain(IdNumber, audit.ToString());
        await (await f.Host.SignIn("changan.lead")).GetJson($"/api/micro-wishes/{wishId}", HttpStatusCode.NotFound);
    }

    // The wish list filters by village and names each row's village, as the appeal list does.
    [Theory, BothDatabases]
    public async Task The_wish_list_filters_by_village_and_names_the_village(Db db)
    {
        var f = await Flow.StartAsync(db);
        var (_, wishId) = await NewWishAsync(f);
        var page = await f.Town.GetJson($"/api/micro-wishes?villageId={f.VillageId}&pageSize=100");
        var row = page.GetProperty("items").EnumerateArray().Single(r => r.Str("id") == wishId);
        Assert.Equal((await f.City.GetJson($"/api/organizations/{f.VillageId}")).Str("name"), row.Str("villageName"));
        Assert.All(page.GetProperty("items").EnumerateArray(), r => Assert.Equal(f.VillageId, r.Str("villageId")));
        var other = await f.Town.GetJson($"/api/micro-wishes?villageId={Guid.NewGuid()}");
        Assert.Equal(0, other.GetProperty("total").GetInt32());
    }
}
