using System.Net;
using System.Net.Http.Json;
using Guanjia.Web.Tests.Infrastructure;

namespace Guanjia.Web.Tests.Appeals;

/// <summary>A resident raises an appeal on the portal without an account (R-IN-01 self-service channel) and tracks it.</summary>
[Collection(ApiCollection.Name)]
public class PublicAppealTests
{
    [Theory, BothDatabases]
    public async Task R_IN_01_a_resident_raises_an_appeal_on_the_portal_and_tracks_it(Db db)
    {
        var f = await Flow.StartAsync(db);
        var anon = f.Host.Anonymous();
        var places = await anon.GetJson("/api/public/places");
        Assert.Contains(places.EnumerateArray().SelectMany(t => t.GetProperty("villages").EnumerateArray()), v => v.Str("id") == f.VillageId);
        var phone = Flow.Phone();
        var receipt = await anon.PostJson("/api/public/appeals", new
        {
            title = "小区门口积水", description = "下雨天门口积水严重", villageId = f.VillageId, name = "黄小明", phone, address = "新村路3号",
        }, HttpStatusCode.Created);
        var number = receipt.Str("trackingNumber");
        Assert.Equal(4, receipt.EnumerateObject().Count()); // number, time, village, town: nothing else comes back

        var found = await f.Village.GetJson($"/api/appeals?q={number}");
        var appeal = found.GetProperty("items")[0];
        Assert.Equal("Portal", appeal.Str("channel"));
        Assert.Equal("Dispatched", appeal.Str("state"));
        var track = await anon.GetJson($"/api/public/tracking?number={number}&phoneLast4={phone[^4..]}");
        Assert.Equal(number, track.Str("trackingNumber"));
        Assert.DoesNotContain(phone, track.ToString());
        Assert.DoesNotContain("黄小明", track.ToString());
    }

    // R-PL-06: feedback goes back the way the appeal came: a portal appeal keeps the portal as its channel (not the WeChat
    // account's) and its messages go by text message to the phone the resident gave. Staff cannot claim the portal's channel.
    [Theory, BothDatabases]
    public async Task R_PL_06_a_portal_appeal_keeps_the_portal_channel_and_is_answered_by_sms_to_its_phone(Db db)
    {
        var f = await Flow.StartAsync(db);
        var phone = Flow.Phone();
        var receipt = await f.Host.Anonymous().PostJson("/api/public/appeals", new
        {
            title = "路口缺少减速带", description = "学校路口车速快", villageId = f.VillageId, name = "黄小明", phone,
        }, HttpStatusCode.Created);
        var id = (await f.Village.GetJson($"/api/appeals?q={receipt.Str("trackingNumber")}")).GetProperty("items")[0].Str("id");
        var appeal = await f.Village.GetJson($"/api/appeals/{id}");
        Assert.Equal("Portal", appeal.Str("channel"));
        Assert.Equal("民生大莞家公众门户（网上自助提交）", appeal.Str("channelZh"));
        var receiptMessage = AppealKit.Message(await f.AcknowledgeAsync(id), "Receipt");
        Assert.Equal("Sms", receiptMessage.Str("channel"));
        Assert.Equal(phone, await AppealKit.RecipientOfAsync(f, Guid.Parse(receiptMessage.Str("id"))));

        var refused = await f.Village.PostJson("/api/appeals", new
        {
            channel = "Portal", title = "代居民登记", description = "代居民登记", villageId = f.VillageId, appellantPhone = phone,
        }, HttpStatusCode.BadRequest);
        refused.ShouldNameField("channel", "portal_only");
    }

    [Theory, BothDatabases]
    public async Task R_PL_09_the_portal_refuses_petition_matters_and_needs_a_phone(Db db)
    {
        var f = await Flow.StartAsync(db);
        var anon = f.Host.Anonymous();
        var before = (await f.Village.GetJson("/api/appeals?pageSize=1")).GetProperty("total").GetInt32();
        var problem = await anon.PostJson("/api/public/appeals", new
        {
            title = "信访", description = "要求处理历史遗留问题", villageId = f.VillageId, isPetitionMatter = true,
        }, HttpStatusCode.BadRequest);
        problem.ShouldNameField("isPetitionMatter", "petition");
        problem.ShouldNameField("phone", "required");
        Assert.Equal(before, (await f.Village.GetJson("/api/appeals?pageSize=1")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task The_public_api_is_rate_limited()
    {
        using var host = new LimitedHost();
        var anon = host.Anonymous();
        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
            codes.Add((await anon.GetAsync("/api/public/tracking?number=GJ000000AAAAAA&phoneLast4=1234")).StatusCode);
        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound], codes.Take(3));
        Assert.Equal(HttpStatusCode.TooManyRequests, codes[^1]);
        var body = await (await anon.GetAsync("/api/public/notices")).Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Equal("rate_limited", body.Str("code"));
    }

    private sealed class LimitedHost() : TestHost(Db.Sqlite)
    {
        protected override int RateLimitPerMinute => 3;
    }
}

/// <summary>Contact handling at the edges: a country code, no phone at all (R-PL-06).</summary>
[Collection(ApiCollection.Name)]
public class ContactEdgeTests
{
    [Theory, BothDatabases]
    public async Task R_PL_06_a_message_with_no_address_is_kept_as_undeliverable_not_sent(Db db)
    {
        var f = await Flow.StartAsync(db);
        var appeal = await f.Village.PostJson("/api/appeals", new
        {
            channel = "SuggestionBox", title = "意见箱：垃圾站异味", description = "垃圾收集站夏天异味大", villageId = f.VillageId,
        }, HttpStatusCode.Created);
        await f.AcknowledgeAsync(appeal.Str("id"));
        await f.DeliverAsync();
        var message = (await f.Village.GetJson($"/api/appeals/{appeal.Str("id")}")).GetProperty("messages")[0];
        Assert.Equal("Undeliverable", message.Str("state"));
        Assert.Equal(0, message.GetProperty("attempts").GetInt32());
        Assert.True(message.GetProperty("sender").ValueKind == System.Text.Json.JsonValueKind.Null);
    }

    [Theory, BothDatabases]
    public async Task R_IN_04_a_phone_with_the_country_code_is_accepted_and_tracks_by_its_last_digits(Db db)
    {
        var f = await Flow.StartAsync(db);
        var local = Flow.Phone();
        var appeal = await f.StaffAppealAsync(phone: $"+86 {local}");
        Assert.Equal(local, appeal.Str("appellantPhone"));
        await f.Host.Anonymous().GetJson($"/api/public/tracking?number={appeal.Str("trackingNumber")}&phoneLast4={local[^4..]}");
    }
}
