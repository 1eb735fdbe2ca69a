using System.Net;
using System.Text.Json;
using Guanjia.Web.Tests.Infrastructure;
using static Guanjia.Web.Tests.Funds.FundKit;

namespace Guanjia.Web.Tests.MicroWishes;

/// <summary>The wish's history from the server (GET /api/micro-wishes/{id}/timeline), built as the appeal's is.</summary>
[Collection(ApiCollection.Name)]
public class WishTimelineTests
{
    private static DateTimeOffset Time(JsonElement e, string name) => e.GetProperty(name).GetDateTimeOffset();

    /// <summary>The audit trail keeps microseconds (as PostgreSQL does).</summary>
    private static DateTimeOffset Us(DateTimeOffset t) => t.AddTicks(-(t.Ticks % 10));

    private static async Task<List<JsonElement>> TimelineAsync(HttpClient by, string wishId) =>
        (await by.GetJson($"/api/micro-wishes/{wishId}/timeline")).EnumerateArray().ToList();

    private static JsonElement Deadline(List<JsonElement> timeline, string ruleId) =>
        timeline.Single(e => e.Str("kind") == "deadline" && e.Str("ruleId") == ruleId);

    private static DateTimeOffset DueAt(JsonElement wish, string obligation) =>
        wish.GetProperty("deadlines").EnumerateArray().Single(d => d.Str("obligation") == obligation).GetProperty("dueAt").GetDateTimeOffset();

    // R-PL-04, R-MW-02, R-MW-03, R-MW-04, R-MW-05: each step of the wish with who took it and when, in order, with the rule it follows;
    // the messages to the appellant; the ledger's payment (R-FD-06); each deadline Met, MetLate, Open with time left, or Overdue (R-PL-08)
    // under the fake clock.
    [Theory, BothDatabases]
    public async Task R_MW_04_the_wish_timeline_shows_its_steps_payments_messages_and_deadlines_in_order(Db db)
    {
        var f = await Flow.StartAsync(db);
        var made = DateTimeOffset.MinValue;
        // The village's committee makes the wish; three hours later the town verifies it and the joint meeting decides.
        var wishId = await DecidedWishAsync(f, 250_000, async _ =>
        {
            made = f.Now;
            await f.AdvanceAsync(TimeSpan.FromHours(3));
        });
        var url = $"/api/micro-wishes/{wishId}";
        var decided = await f.Town.GetJson(url);
        var appealId = decided.Str("appealId");
        var fund = await TownAccountAsync(f, "TownWishFund");
        await ReceiveAsync(f.Town, fund, "CharityFederation", 1_000_000);
        await f.AdvanceAsync(TimeSpan.FromHours(1));
        await PayAsync(f.Finance, fund, "CharityFederation", 250_000, wishId, targetKind: "Wish", payee: "陈大文");

        // Completed an hour after the 5 working days (R-MW-04): met late, with the reason.
        const string late = "轮椅厂家缺货，到货延迟";
        await f.AdvanceAsync(DueAt(decided, "WishExpressHandling") - f.Now + TimeSpan.FromHours(1));
        var done = await f.Town.PostJson($"{url}/complete", new { paidFen = 250_000, outcome = "已购置轮椅并送到老人家中", lateReason = late }, HttpStatusCode.OK);

        var timeline = await TimelineAsync(f.Town, wishId);
        var at = timeline.Select(e => Time(e, "at")).ToList();
        Assert.Equal(at.Order().ToList(), at);

        var steps = timeline.Where(e => e.Str("kind") == "step").ToList();
        // The appeal's own steps name their rules too (the receipt, R-MS-02); the wish's are those of R-MW.
        var wishSteps = steps.Where(s => s.TryGetProperty("ruleId", out var r) && r.ValueKind == JsonValueKind.String
            && r.GetString()!.StartsWith("R-MW", StringComparison.Ordinal)).ToList();
        Assert.Equal(["R-MW-02", "R-MW-03", "R-MW-04"], wishSteps.Select(s => s.Str("ruleId")).ToList());
        Assert.Equal(["镇（街道）核查微心愿：通过", "专家评审或联席会议确定办理方式", "微心愿办理完成"], wishSteps.Select(s => s.Str("title")).ToList());
        Assert.All(wishSteps, s => Assert.Equal("dongcheng.lead", s.Str("actor")));
        Assert.Equal("→ AwaitingDecision", wishSteps[0].Str("detail"));
        Assert.Equal("→ Handling", wishSteps[1].Str("detail"));
        Assert.Equal("→ Completed", wishSteps[2].Str("detail"));
        Assert.Equal(Us(made + TimeSpan.FromHours(3)), Time(wishSteps[0], "at"));
        Assert.Equal(Us(made + TimeSpan.FromHours(3)), Time(wishSteps[1], "at"));
        Assert.Equal(Us(f.Now), Time(wishSteps[2], "at"));
        // Before the wish: the appeal it came from, received and acknowledged, then the committee that made it a wish (village steps).
        Assert.Equal("村（社区）接收并反馈接收情况", steps[1].Str("title"));
        var committee = steps.Single(s => s.GetProperty("detail").GetString()?.StartsWith("→ AwaitingVerification", StringComparison.Ordinal) == true);
        Assert.Equal(("dongcheng.village", Us(made)), (committee.Str("actor"), Time(committee, "at")));
        // The meeting's two entries say what each is: the appeal's decision, and the wish it registered (R-MW-01).
        Assert.Equal("登记“民生微心愿”，报镇（街道）核实", committee.Str("title"));
        Assert.Single(steps, s => s.Str("title") == "“两委”联席会议初步确认");

        // The payment from the ledger, once (not also as a step), between the decision and the completion (R-FD-06).
        var payment = Assert.Single(timeline, e => e.Str("kind") == "payment");
        Assert.Equal(250_000, payment.GetProperty("amountFen").GetInt64());
        Assert.Equal("dongcheng.finance", payment.Str("actor"));
        Assert.Contains("2500.00元", payment.Str("detail"), StringComparison.Ordinal);
        Assert.Contains("陈大文", payment.Str("detail"), StringComparison.Ordinal); // the town handling the wish reads the payee
        Assert.DoesNotContain(steps, s => s.Str("title") == "MakeFundPayment");
        Assert.InRange(Time(payment, "at"), Time(wishSteps[1], "at"), Time(wishSteps[2], "at"));

        Assert.Equal(["Receipt", "WishDecision"], timeline.Where(e => e.Str("kind") == "message").Select(m => m.Str("title")["反馈：".Length..]).ToList());

        var verification = Deadline(timeline, "R-MW-02");
        Assert.Equal("Met", verification.Str("status"));
        Assert.False(verification.GetProperty("late").GetBoolean());
        var handling = Deadline(timeline, "R-MW-04");
        Assert.Equal("MetLate", handling.Str("status"));
        Assert.True(handling.GetProperty("late").GetBoolean());
        Assert.Contains(late, handling.Str("detail"), StringComparison.Ordinal);
        var feedback = Deadline(timeline, "R-MW-05");
        Assert.Equal("Open", feedback.Str("status"));
        var feedbackDue = DueAt(done, "WishResultFeedback");
        Assert.Equal((long)(feedbackDue - f.Now).TotalSeconds, feedback.GetProperty("secondsLeft").GetInt64());
        Assert.Equal(feedbackDue, Time(feedback, "at"));
        Assert.Equal(JsonValueKind.Null, verification.GetProperty("secondsLeft").ValueKind);

        // The feedback is not sent in time: overdue with negative time left, then met late when the town closes the wish (R-MW-05).
        await f.AdvanceAsync(feedbackDue - f.Now + TimeSpan.FromDays(1));
        feedback = Deadline(await TimelineAsync(f.Town, wishId), "R-MW-05");
        Assert.Equal("Overdue", feedback.Str("status"));
        Assert.True(feedback.GetProperty("late").GetBoolean());
        Assert.True(feedback.GetProperty("secondsLeft").GetInt64() < -86_000);
        await f.Town.PostJson($"{url}/close", new { lateReason = "经办人休假，反馈延误" }, HttpStatusCode.OK);
        timeline = await TimelineAsync(f.Town, wishId);
        Assert.Equal("MetLate", Deadline(timeline, "R-MW-05").Str("status"));
        var close = timeline.Last(e => e.Str("kind") == "step");
        Assert.Equal(("R-MW-05", "dongcheng.lead"), (close.Str("ruleId"), close.Str("actor")));
        Assert.Contains("Closed", close.Str("detail"), StringComparison.Ordinal);
        Assert.Equal("反馈：WishResult", timeline.Last(e => e.Str("kind") == "message").Str("title"));

        // The appeal's timeline is the same list: one builder for both.
        Assert.Equal(JsonSerializer.Serialize(timeline), JsonSerializer.Serialize((await f.Town.GetJson($"/api/appeals/{appealId}/timeline")).EnumerateArray().ToList()));
    }

    // R-PL-07: a supervisor in scope sees the history but not the person helped; outside the scope there is no timeline (404).
    [Theory, BothDatabases]
    public async Task R_PL_07_the_wish_timeline_masks_the_person_helped_and_is_404_outside_the_scope(Db db)
    {
        var f = await Flow.StartAsync(db);
        var wishId = await DecidedWishAsync(f, 120_000);
        var fund = await TownAccountAsync(f, "TownWishFund");
        await ReceiveAsync(f.Town, fund, "CharityFederation", 500_000);
        await PayAsync(f.Finance, fund, "CharityFederation", 120_000, wishId, targetKind: "Wish", payee: "陈大文");

        var deputy = await TimelineAsync(await f.Host.SignIn("dongcheng.deputy"), wishId);
        var payment = Assert.Single(deputy, e => e.Str("kind") == "payment");
        Assert.Contains("陈**", payment.Str("detail"), StringComparison.Ordinal);
        Assert.DoesNotContain("陈大文", JsonSerializer.Serialize(deputy), StringComparison.Ordinal);
        Assert.Contains(deputy, e => e.Str("ruleId") == "R-MW-03");

        await (await f.Host.SignIn("changan.lead")).GetJson($"/api/micro-wishes/{wishId}/timeline", HttpStatusCode.NotFound);
        await f.Town.GetJson($"/api/micro-wishes/{Guid.NewGuid()}/timeline", HttpStatusCode.NotFound);
    }
}
