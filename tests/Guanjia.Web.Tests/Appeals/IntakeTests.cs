using System.Net;
using System.Net.Http.Json;
using Guanjia.Web.Tests.Infrastructure;
using static Guanjia.Web.Tests.Appeals.AppealKit;

namespace Guanjia.Web.Tests.Appeals;

/// <summary>Intake: channels of every level, dispatch to the village, petition items refused, one appeal per submission.</summary>
[Collection(ApiCollection.Name)]
public class IntakeTests
{
    // R-IN-01: city, town and village channels are all accepted, and the channel is stored and returned.
    [Theory, BothDatabases]
    public async Task R_IN_01_appeals_from_city_town_and_village_channels_keep_their_channel(Db db)
    {
        var f = await Flow.StartAsync(db);
        var token = Http.Unique("渠道");
        var entered = new List<(string Id, string Channel)>();
        foreach (var (by, channel) in new[]
                 {
                     (f.Village, "CitizenServiceCentre"), (f.Town, "TownServiceCentre"), (f.Town, "StationedCadre"),
                     (f.Village, "GridWorker"), (f.Village, "SuggestionBox"), (f.Village, "HomeVisit"),
                 })
        {
            var a = await by.PostJson("/api/appeals", Appeal(f, $"{token}{channel}", channel), HttpStatusCode.Created);
            Assert.Equal(channel, a.Str("channel"));
            Assert.False(string.IsNullOrWhiteSpace(a.Str("channelZh")));
            entered.Add((a.Str("id"), channel));
        }
        foreach (var channel in new[] { "Hotline12345", "HotlinePortal", "WeChatAccount" })
        {
            var a = await f.Hotline.PostJson("/api/integrations/12345/work-orders", WorkOrder(f, Http.Unique("WO"), $"{token}{channel}", channel: channel),
                HttpStatusCode.Created);
            Assert.Equal(channel, a.Str("channel"));
            entered.Add((a.Str("id"), channel));
        }

        // Stored, not just echoed: read back, and filterable by channel.
        foreach (var (id, channel) in entered)
            Assert.Equal(channel, (await f.Village.GetJson($"/api/appeals/{id}")).Str("channel"));
        var bySuggestion = await f.Village.GetJson($"/api/appeals?channel=SuggestionBox&q={token}");
        var only = Assert.Single(bySuggestion.GetProperty("items").EnumerateArray());
        Assert.Equal(entered.Single(e => e.Channel == "SuggestionBox").Id, only.Str("id"));
        Assert.Equal("CitizenServiceCentre", (await f.City.GetJson($"/api/appeals?channel=CitizenServiceCentre&q={token}"))
            .GetProperty("items")[0].Str("channel"));
    }

    // R-IN-04: town staff enter an appeal for a village of its town; it is dispatched there at once.
    [Theory, BothDatabases]
    public async Task R_IN_04_town_staff_enter_an_appeal_that_is_dispatched_to_the_village_at_once(Db db)
    {
        var f = await Flow.StartAsync(db);
        var title = Http.Unique("镇录入");
        var a = await f.Town.PostJson("/api/appeals", Appeal(f, title, "StationedCadre"), HttpStatusCode.Created);

        Assert.Equal("Dispatched", a.Str("state"));
        Assert.Equal(f.VillageId, a.Str("villageId"));
        foreach (var obligation in new[] { "Acknowledge", "CommitteeMeeting" })
        {
            var d = Deadline(a, obligation);
            Assert.Equal(f.VillageId, d.Str("responsibleOrgId"));
            Assert.Equal("Open", d.Str("status"));
            Assert.True(Time(d, "dueAt") > Time(a, "receivedAt"));
        }
        // The village has it in its list at once; the village may act on it, the town may not.
        var inVillage = await f.Village.GetJson($"/api/appeals?q={title}");
        Assert.Equal(a.Str("id"), Assert.Single(inVillage.GetProperty("items").EnumerateArray()).Str("id"));
        var asVillage = await f.Village.GetJson($"/api/appeals/{a.Str("id")}");
        Assert.Contains("Acknowledge", asVillage.GetProperty("allowedActions").EnumerateArray().Select(x => x.GetString()));
        // Another town's village staff does not see it.
        var changanVillage = await f.Host.SignIn("changan.village");
        await changanVillage.GetJson($"/api/appeals/{a.Str("id")}", HttpStatusCode.NotFound);
    }

    // R-IN-04 with R-PL-03: nobody dispatches into a village outside their scope, and nothing is saved.
    [Theory, BothDatabases]
    public async Task R_IN_04_an_appeal_for_a_village_outside_the_callers_scope_is_refused(Db db)
    {
        var f = await Flow.StartAsync(db);
        var other = await OtherVillageOfTownAsync(f);
        var title = Http.Unique("越权");

        var byVillage = await (await Post(f.Village, "/api/appeals", Appeal(f, title, villageId: other))).Json(HttpStatusCode.BadRequest);
        byVillage.ShouldNameField("villageId", "not_in_scope");
        var changan = await f.Host.SignIn("changan.lead");
        var byOtherTown = await (await Post(changan, "/api/appeals", Appeal(f, title))).Json(HttpStatusCode.BadRequest);
        byOtherTown.ShouldNameField("villageId", "not_in_scope");
        // The town itself may dispatch to that other village of its town.
        var ok = await f.Town.PostJson("/api/appeals", Appeal(f, title + "镇", villageId: other), HttpStatusCode.Created);
        Assert.Equal(other, ok.Str("villageId"));

        Assert.Equal(0, await CountByTitleAsync(f, title));
    }

    // R-PL-09: petition (信访) items are not accepted, from staff or from the 12345 integration; nothing is created.
    [Theory, BothDatabases]
    public async Task R_PL_09_petition_items_are_refused_from_staff_and_from_12345(Db db)
    {
        var f = await Flow.StartAsync(db);
        var title = Http.Unique("信访");

        var byChannel = await (await Post(f.Village, "/api/appeals", Appeal(f, title, "Petition"))).Json(HttpStatusCode.BadRequest);
        byChannel.ShouldNameField("channel", "petition");
        var byFlag = await (await Post(f.Town, "/api/appeals", Appeal(f, title, isPetitionMatter: true))).Json(HttpStatusCode.BadRequest);
        byFlag.ShouldNameField("isPetitionMatter", "petition");

        var number = Http.Unique("WO");
        var fromHotline = await (await Post(f.Hotline, "/api/integrations/12345/work-orders", WorkOrder(f, number, title, isPetitionMatter: true)))
            .Json(HttpStatusCode.BadRequest);
        fromHotline.ShouldNameField("isPetitionMatter", "petition");
        var petitionChannel = await (await Post(f.Hotline, "/api/integrations/12345/work-orders", WorkOrder(f, number, title, channel: "Petition")))
            .Json(HttpStatusCode.BadRequest);
        petitionChannel.ShouldNameField("channel", "petition");

        Assert.Equal(0, await CountByTitleAsync(f, title));
        Assert.Equal(0, await CountByWorkOrderAsync(f, number));
        // The same order without the flag is an ordinary appeal: the refusal was for the petition, not the order.
        await f.Hotline.PostJson("/api/integrations/12345/work-orders", WorkOrder(f, number, title), HttpStatusCode.Created);
    }

    // R-IN-01 / R-IN-04: a 12345 work order sent twice is one appeal with one tracking number.
    [Theory, BothDatabases]
    public async Task R_IN_01_the_same_12345_work_order_twice_is_one_appeal(Db db)
    {
        var f = await Flow.StartAsync(db);
        var number = Http.Unique("WO");
        var phone = Flow.Phone();
        var first = await f.Hotline.PostJson("/api/integrations/12345/work-orders", WorkOrder(f, number, "重复工单", phone), HttpStatusCode.Created);
        var again = await f.Hotline.PostJson("/api/integrations/12345/work-orders", WorkOrder(f, number, "重复工单", phone), HttpStatusCode.OK);

        Assert.Equal(first.Str("id"), again.Str("id"));
        Assert.Equal(first.Str("trackingNumber"), again.Str("trackingNumber"));
        Assert.Equal(number, again.Str("externalRef"));
        Assert.Equal(1, await CountByWorkOrderAsync(f, number));
        // One set of deadlines, not two.
        Assert.Single(again.GetProperty("deadlines").EnumerateArray(), d => d.Str("obligation") == "Acknowledge");
    }

    // R-IN-01 / R-IN-04: the same work order submitted twice at once still makes one appeal.
    [Theory, BothDatabases]
    public async Task R_IN_01_a_concurrent_double_12345_submission_makes_one_appeal(Db db)
    {
        var f = await Flow.StartAsync(db);
        var number = Http.Unique("WO");
        var body = WorkOrder(f, number, "并发工单");
        var responses = await Task.WhenAll(
            Post(f.Hotline, "/api/integrations/12345/work-orders", body), Post(f.Hotline, "/api/integrations/12345/work-orders", body));

        var codes = responses.Select(r => r.StatusCode).OrderBy(c => c).ToArray();
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Created], codes);
        var a = await responses[0].Json(responses[0].StatusCode);
        var b = await responses[1].Json(responses[1].StatusCode);
        Assert.Equal(a.Str("id"), b.Str("id"));
        Assert.Equal(a.Str("trackingNumber"), b.Str("trackingNumber"));
        Assert.Equal(1, await CountByWorkOrderAsync(f, number));
    }

    // R-IN-04: a staff retry with the same Idempotency-Key returns the appeal made the first time and creates nothing.
    [Theory, BothDatabases]
    public async Task R_IN_04_an_idempotency_key_retry_returns_the_same_appeal(Db db)
    {
        var f = await Flow.StartAsync(db);
        var title = Http.Unique("幂等");
        var key = Guid.NewGuid().ToString();
        var body = Appeal(f, title, phone: "13800001234");

        async Task<HttpResponseMessage> Send(object b)
        {
            using var req = new HttpRequestMessage(HttpMethod.Post, "/api/appeals") { Content = JsonContent.Create(b, options: TestHost.Json) };
            req.Headers.Add("Idempotency-Key", key);
            return await f.Village.SendAsync(req);
        }

        var first = await (await Send(body)).Json(HttpStatusCode.Created);
        var retry = await (await Send(body)).Json(HttpStatusCode.OK);
        Assert.Equal(first.Str("id"), retry.Str("id"));
        Assert.Equal(first.Str("trackingNumber"), retry.Str("trackingNumber"));
        Assert.Equal(1, await CountByTitleAsync(f, title));

        // The same key for a different request is a client error, not a second appeal.
        var different = await (await Send(Appeal(f, title + "改", phone: "13800001234"))).Json(HttpStatusCode.Conflict);
        Assert.Equal(409, different.GetProperty("status").GetInt32());
        Assert.Equal(0, await CountByTitleAsync(f, title + "改"));
        Assert.Equal(1, await CountByTitleAsync(f, title));
    }

    // R-IN-04: the same Idempotency-Key sent twice at once still makes one appeal.
    [Theory, BothDatabases]
    public async Task R_IN_04_a_concurrent_retry_with_the_same_idempotency_key_makes_one_appeal(Db db)
    {
        var f = await Flow.StartAsync(db);
        var title = Http.Unique("并发幂等");
        var key = Guid.NewGuid().ToString();
        var body = Appeal(f, title, phone: "13800005678");

        async Task<HttpResponseMessage> Send()
        {
            using var req = new HttpRequestMessage(HttpMethod.Post, "/api/appeals") { Content = JsonContent.Create(body, options: TestHost.Json) };
            req.Headers.Add("Idempotency-Key", key);
            return await f.Village.SendAsync(req);
        }

        var responses = await Task.WhenAll(Send(), Send());
        var created = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        var other = responses.Single(r => r != created);
        var first = await created.Json(HttpStatusCode.Created);
        // The loser either answers with the same appeal or says the request is already being handled; never a second appeal.
        Assert.True(other.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, other.StatusCode.ToString());
        if (other.StatusCode == HttpStatusCode.OK) Assert.Equal(first.Str("id"), (await other.Json(HttpStatusCode.OK)).Str("id"));
        Assert.Equal(1, await CountByTitleAsync(f, title));
        // And a later retry gets the appeal.
        Assert.Equal(first.Str("id"), (await (await Send()).Json(HttpStatusCode.OK)).Str("id"));
    }
}
