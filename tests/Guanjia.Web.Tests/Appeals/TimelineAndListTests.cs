using System.Net;
using System.Text.Json;
using Guanjia.Web.Tests.Infrastructure;
using static Guanjia.Web.Tests.Appeals.AppealKit;

namespace Guanjia.Web.Tests.Appeals;

/// <summary>The appeal's history in one list, and the appeal lists staff work from.</summary>
[Collection(ApiCollection.Name)]
public class TimelineAndListTests
{
    // R-PL-04 / R-PL-08: the timeline lists each step with who took it, each message, and each deadline met or missed, in time order.
    [Theory, BothDatabases]
    public async Task R_PL_04_the_timeline_shows_steps_messages_and_deadlines_in_order(Db db)
    {
        var f = await Flow.StartAsync(db);
        var a = await f.StaffAppealAsync();
        var id = a.Str("id");
        await f.AcknowledgeAsync(id);
        await f.AdvanceAsync(TimeSpan.FromDays(6));
        const string late = "村“两委”换届，会议延期召开";
        const string reason = "属于业主自治事项";
        await f.Village.PostJson($"/api/appeals/{id}/committee-decision",
            new { meetingAt = f.Now, outcome = "NotAccepted", note = reason, lateReason = late }, HttpStatusCode.OK);

        var timeline = (await f.Town.GetJson($"/api/appeals/{id}/timeline")).EnumerateArray().ToList();

        var at = timeline.Select(e => Time(e, "at")).ToList();
        Assert.Equal(at.OrderBy(x => x).ToList(), at);
        var steps = timeline.Where(e => e.Str("kind") == "step").ToList();
        Assert.Equal(["录入诉求并交派到村（社区）", "村（社区）接收并反馈接收情况", "“两委”联席会议初步确认"], steps.Select(s => s.Str("title")).ToList());
        Assert.All(steps, s => Assert.Equal("dongcheng.village", s.Str("actor")));
        Assert.Contains("Dispatched", steps[0].Str("detail"), StringComparison.Ordinal);
        Assert.Contains("Acknowledged", steps[1].Str("detail"), StringComparison.Ordinal);
        Assert.Contains("NotAccepted", steps[2].Str("detail"), StringComparison.Ordinal);
        Assert.Contains(reason, steps[2].Str("detail"), StringComparison.Ordinal);

        var messages = timeline.Where(e => e.Str("kind") == "message").ToList();
        Assert.Equal(2, messages.Count);
        Assert.Contains("Receipt", messages[0].Str("title"), StringComparison.Ordinal);
        Assert.Contains("NotAccepted", messages[1].Str("title"), StringComparison.Ordinal);
        Assert.Contains(reason, messages[1].Str("detail"), StringComparison.Ordinal);

        var deadlines = timeline.Where(e => e.Str("kind") == "deadline").ToDictionary(e => e.Str("ruleId"));
        Assert.False(deadlines["R-MS-02"].GetProperty("late").GetBoolean());
        Assert.True(deadlines["R-MS-03"].GetProperty("late").GetBoolean());
        Assert.Contains(late, deadlines["R-MS-03"].Str("detail"), StringComparison.Ordinal);
        // The receipt came before the committee meeting was late.
        Assert.True(Time(messages[0], "at") < Time(deadlines["R-MS-03"], "at"));

        // Outside the scope there is no timeline either.
        var changan = await f.Host.SignIn("changan.lead");
        await changan.GetJson($"/api/appeals/{id}/timeline", HttpStatusCode.NotFound);
    }

    // R-IN-04 / R-IN-01: the village works from its list: by state, by channel, by tracking number, a page at a time.
    [Theory, BothDatabases]
    public async Task R_IN_04_the_appeal_list_filters_by_state_channel_and_tracking_number(Db db)
    {
        var f = await Flow.StartAsync(db);
        var token = Http.Unique("列表");
        var grid = await f.Village.PostJson("/api/appeals", Appeal(f, $"{token}甲", "GridWorker"), HttpStatusCode.Created);
        var box1 = await f.Village.PostJson("/api/appeals", Appeal(f, $"{token}乙", "SuggestionBox"), HttpStatusCode.Created);
        var box2 = await f.Village.PostJson("/api/appeals", Appeal(f, $"{token}丙", "SuggestionBox"), HttpStatusCode.Created);
        await f.AcknowledgeAsync(box1.Str("id"));

        static List<string> Ids(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(i => i.Str("id")).ToList();

        Assert.Equal([box1.Str("id")], Ids(await f.Village.GetJson($"/api/appeals?state=Acknowledged&q={token}")));
        Assert.Equal(new[] { grid.Str("id"), box2.Str("id") }.Order().ToList(),
            Ids(await f.Village.GetJson($"/api/appeals?state=Dispatched&q={token}")).Order().ToList());
        Assert.Equal(new[] { box1.Str("id"), box2.Str("id") }.Order().ToList(),
            Ids(await f.Village.GetJson($"/api/appeals?channel=SuggestionBox&q={token}")).Order().ToList());
        var both = await f.Village.GetJson($"/api/appeals?state=Dispatched&channel=SuggestionBox&q={token}");
        Assert.Equal([box2.Str("id")], Ids(both));
        var row = both.GetProperty("items")[0];
        Assert.Equal("SuggestionBox", row.Str("channel"));
        Assert.Equal("Dispatched", row.Str("state"));
        Assert.Equal(f.VillageId, row.Str("villageId"));

        // By tracking number, as read out over the phone (any case): exactly that appeal.
        var byNumber = await f.Town.GetJson($"/api/appeals?q={grid.Str("trackingNumber").ToLowerInvariant()}");
        Assert.Equal([grid.Str("id")], Ids(byNumber));
        Assert.Equal(1, byNumber.GetProperty("total").GetInt32());

        // Paging: total counts all matches, pages do not overlap, and together they hold every match.
        var p1 = await f.Village.GetJson($"/api/appeals?q={token}&pageSize=2&page=1");
        var p2 = await f.Village.GetJson($"/api/appeals?q={token}&pageSize=2&page=2");
        Assert.Equal(3, p1.GetProperty("total").GetInt32());
        Assert.Equal(3, p2.GetProperty("total").GetInt32());
        Assert.Equal(2, Ids(p1).Count);
        Assert.Single(Ids(p2));
        Assert.Equal(new[] { grid, box1, box2 }.Select(x => x.Str("id")).Order().ToList(), Ids(p1).Concat(Ids(p2)).Order().ToList());
        Assert.Equal(2, p2.GetProperty("page").GetInt32());

        (await f.Village.GetJson($"/api/appeals?q={token}&pageSize=0", HttpStatusCode.BadRequest)).ShouldNameField("pageSize", "out_of_range");
        (await f.Village.GetJson($"/api/appeals?q={token}&pageSize=201", HttpStatusCode.BadRequest)).ShouldNameField("pageSize", "out_of_range");
        (await f.Village.GetJson($"/api/appeals?q={token}&page=0", HttpStatusCode.BadRequest)).ShouldNameField("page", "out_of_range");

        // R-PL-03: another town's village sees none of them.
        var changan = await f.Host.SignIn("changan.village");
        Assert.Equal(0, (await changan.GetJson($"/api/appeals?q={token}")).GetProperty("total").GetInt32());
    }
}
