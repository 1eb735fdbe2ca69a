using System.Net;
using Guanjia.Web.Tests.Infrastructure;
using static Guanjia.Web.Tests.Funds.FundKit;

namespace Guanjia.Web.Tests.MicroWishes;

/// <summary>A wish from a 12345 call to the appellant's answer, through the HTTP API only, paid from the ledger.</summary>
[Collection(ApiCollection.Name)]
public class WishWalkthroughTests
{
    // R-MW-02..05, R-RT-01, R-FD-05, R-FD-06: verification, expert decision, express payment by grant, feedback.
    [Theory, BothDatabases]
    public async Task R_MW_04_a_hotline_wish_walks_through_verification_decision_and_express_payment_to_feedback(Db db)
    {
        var f = await Flow.StartAsync(db);
        var phone = Flow.Phone();
        var order = await f.HotlineOrderAsync(phone: phone, title: "独居老人家中需要轮椅");
        var appealId = order.Str("id");
        await f.AcknowledgeAsync(appealId);
        var wishId = (await f.Village.PostJson($"/api/appeals/{appealId}/committee-decision", new
        {
            meetingAt = f.Now, outcome = "MicroWish", note = "个人诉求，报镇街核查", wishKind = "SpecialGroupAid", targetGroup = "LonelyElderly",
            assistanceType = "LivingAid", projectName = "为独居老人配置轮椅", beneficiaryName = "陈大文", beneficiaryIdNumber = "441900193801011234",
            household = "独居", requestedFen = 300_000,
        }, HttpStatusCode.OK)).Str("wishId");

        await f.Town.PostJson($"/api/micro-wishes/{wishId}/verify", new
        {
            authentic = true, reasonable = true, budgetSound = true, departments = "东城街道社会事务局、残联", outcome = "Verified",
        }, HttpStatusCode.OK);
        var decided = await f.Town.PostJson($"/api/micro-wishes/{wishId}/decide", new
        {
            decisionBody = "ExpertReview", participants = new[] { "张主任", "李科长", "王社工" }, route = "Express", amountFen = 250_000L,
            expressForm = "DirectGrant", assistanceForm = "直接资助购买轮椅",
        }, HttpStatusCode.OK);
        Assert.Equal("Handling", decided.Str("state"));
        Assert.Equal("DirectGrant", decided.Str("expressForm"));

        // The grant is paid from the town's 微心愿 fund and recorded in the ledger against the wish.
        var fund = await TownAccountAsync(f, "TownWishFund");
        await ReceiveAsync(f.Town, fund, "CharityFederation", 1_000_000);
        (await PayAsync(f.Finance, fund, "CharityFederation", 250_001, wishId, HttpStatusCode.BadRequest, "Wish")).ShouldNameField("amountFen", "over_budget");
        await PayAsync(f.Finance, fund, "CharityFederation", 250_000, wishId, targetKind: "Wish", payee: "陈大文");
        var budget = await f.Town.GetJson($"/api/funds/wishes/{wishId}/budget");
        Assert.Equal(0, budget.GetProperty("remainingFen").GetInt64());

        await f.AdvanceAsync(TimeSpan.FromDays(2));
        await f.Town.PostJson($"/api/micro-wishes/{wishId}/complete", new { paidFen = 250_000, outcome = "已购置轮椅并送到老人家中" }, HttpStatusCode.OK);
        var closed = await f.Town.PostJson($"/api/micro-wishes/{wishId}/close", new { }, HttpStatusCode.OK);
        Assert.Equal("Closed", closed.Str("state"));
        Assert.All(closed.GetProperty("deadlines").EnumerateArray(), d => Assert.Equal("Met", d.Str("status")));

        var appeal = await f.Village.GetJson($"/api/appeals/{appealId}");
        Assert.Equal(["Receipt", "WishDecision", "WishResult"], appeal.GetProperty("messages").EnumerateArray().Select(m => m.Str("kind")).ToArray());
        var track = await f.Host.Anonymous().GetJson($"/api/public/tracking?number={order.Str("trackingNumber")}&phoneLast4={phone[^4..]}");
        Assert.Contains(track.GetProperty("messages").EnumerateArray(), m => m.Str("body").Contains("已办理完成", StringComparison.Ordinal));
    }
}
