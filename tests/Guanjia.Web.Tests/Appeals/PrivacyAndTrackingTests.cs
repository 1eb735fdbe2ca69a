using System.Net;
using System.Text.Json;
using Guanjia.Web.Tests.Infrastructure;
using static Guanjia.Web.Tests.Appeals.AppealKit;

namespace Guanjia.Web.Tests.Appeals;

/// <summary>The appellant's contact details stay with those who handle the case; the appellant tracks the case with the number and four digits.</summary>
[Collection(ApiCollection.Name)]
public class PrivacyAndTrackingTests
{
    private const string Name = "欧阳秀英";

    // R-PL-07 / R-PL-03: a read-only deputy sees the appellant masked; the village that handles it sees them in clear.
    [Theory, BothDatabases]
    public async Task R_PL_07_a_read_only_deputy_sees_the_appellants_contact_masked(Db db)
    {
        var f = await Flow.StartAsync(db);
        var phone = Flow.Phone();
        var a = await f.Village.PostJson("/api/appeals", Appeal(f, Http.Unique("隐私"), phone: phone, name: Name), HttpStatusCode.Created);
        var id = a.Str("id");

        var deputy = await f.Host.SignIn("dongcheng.deputy");
        var res = await deputy.GetAsync($"/api/appeals/{id}");
        var raw = await res.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        var masked = JsonDocument.Parse(raw).RootElement;
        Assert.Equal("欧***", masked.Str("appellantName"));
        Assert.Equal($"{phone[..3]}****{phone[^4..]}", masked.Str("appellantPhone"));
        Assert.DoesNotContain("18号", masked.Str("address"), StringComparison.Ordinal);
        Assert.DoesNotContain(phone, raw, StringComparison.Ordinal);
        Assert.DoesNotContain(Name, raw, StringComparison.Ordinal);
        Assert.Empty(masked.GetProperty("allowedActions").EnumerateArray());

        var clear = await f.Village.GetJson($"/api/appeals/{id}");
        Assert.Equal(Name, clear.Str("appellantName"));
        Assert.Equal(phone, clear.Str("appellantPhone"));
        Assert.Equal("主山社区新村路18号", clear.Str("address"));
        Assert.Equal(phone, (await f.Town.GetJson($"/api/appeals/{id}")).Str("appellantPhone"));
    }

    // R-PL-07 with R-PL-04: the audit trail records the appeal and its messages, but never the phone or the name.
    [Theory, BothDatabases]
    public async Task R_PL_07_the_audit_trail_records_the_appeal_without_the_appellants_contact(Db db)
    {
        var f = await Flow.StartAsync(db);
        var phone = Flow.Phone();
        var a = await f.Village.PostJson("/api/appeals", Appeal(f, Http.Unique("审计"), phone: phone, name: Name), HttpStatusCode.Created);
        var id = a.Str("id");
        var acked = await f.AcknowledgeAsync(id);

        var entries = await f.City.GetJson($"/api/audit?entityType=Appeal&entityId={id}&pageSize=200");
        var created = entries.GetProperty("items").EnumerateArray().Single(e => e.Str("action") == "ReceiveAppeal");
        var after = JsonDocument.Parse(created.Str("after")).RootElement;
        Assert.Equal("***", after.Str("AppellantPhone"));
        Assert.Equal("***", after.Str("AppellantName"));
        Assert.Equal("***", after.Str("Address"));
        Assert.Equal("Dispatched", after.Str("State"));

        var message = Message(acked, "Receipt");
        var sent = (await f.City.GetJson($"/api/audit?entityType=AppealMessage&entityId={message.Str("id")}")).GetProperty("items")[0];
        Assert.Equal("***", JsonDocument.Parse(sent.Str("after")).RootElement.Str("Recipient"));

        // Nowhere in the recent trail, in any field of any entry.
        var trail = await (await f.City.GetAsync("/api/audit?pageSize=200")).Content.ReadAsStringAsync();
        Assert.Contains(id, trail, StringComparison.Ordinal);
        Assert.DoesNotContain(phone, trail, StringComparison.Ordinal);
        Assert.DoesNotContain(Name, trail, StringComparison.Ordinal);
    }

    // R-PL-07: the public tracking view carries neither the appellant's name nor the phone.
    [Theory, BothDatabases]
    public async Task R_PL_07_the_public_tracking_view_has_no_name_or_phone(Db db)
    {
        var f = await Flow.StartAsync(db);
        var phone = Flow.Phone();
        var a = await f.Village.PostJson("/api/appeals", Appeal(f, Http.Unique("查询"), phone: phone, name: Name), HttpStatusCode.Created);
        await f.AcknowledgeAsync(a.Str("id"));

        var res = await f.Host.Anonymous().GetAsync($"/api/public/tracking?number={a.Str("trackingNumber")}&phoneLast4={phone[^4..]}");
        var raw = await res.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        Assert.DoesNotContain(phone, raw, StringComparison.Ordinal);
        Assert.DoesNotContain(phone[3..7], raw, StringComparison.Ordinal);
        Assert.DoesNotContain(Name, raw, StringComparison.Ordinal);
        Assert.DoesNotContain("欧阳", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("18号", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("dongcheng.village", raw, StringComparison.Ordinal);
    }

    // R-PL-06: the appellant follows the appeal with the tracking number and the phone's last four digits.
    [Theory, BothDatabases]
    public async Task R_PL_06_tracking_with_the_number_and_last_four_digits_shows_stages_and_messages(Db db)
    {
        var f = await Flow.StartAsync(db);
        var phone = Flow.Phone();
        var order = await f.HotlineOrderAsync(phone: phone);
        await f.AcknowledgeAsync(order.Str("id"));
        // Decided in the same instant as the receipt (the clock stands still): the messages still read in the order written.
        await f.Village.PostJson($"/api/appeals/{order.Str("id")}/committee-decision",
            new { meetingAt = f.Now, outcome = "NotAccepted", note = "属于物业服务合同约定事项" }, HttpStatusCode.OK);

        // The number is not case-sensitive for the person reading it out.
        var track = await f.Host.Anonymous().GetJson(
            $"/api/public/tracking?number={order.Str("trackingNumber").ToLowerInvariant()}&phoneLast4={phone[^4..]}");
        Assert.Equal(order.Str("trackingNumber"), track.Str("trackingNumber"));
        var stages = track.GetProperty("stages").EnumerateArray().ToDictionary(s => s.Str("stage"), s => s.GetProperty("done").GetBoolean());
        Assert.True(stages["Received"]);
        Assert.True(stages["Acknowledged"]);
        Assert.True(stages["Decided"]);
        Assert.Equal("不属于受理范围", track.Str("stateZh"));
        var messages = track.GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal(["Receipt", "NotAccepted"], messages.Select(m => m.Str("kind")).ToList());
        Assert.Contains(order.Str("trackingNumber"), messages[0].Str("body"), StringComparison.Ordinal);
        Assert.Contains("物业服务合同", messages[1].Str("body"), StringComparison.Ordinal);
    }

    // R-PL-07: wrong digits and an unknown number answer alike, so the endpoint cannot be used to probe numbers.
    [Theory, BothDatabases]
    public async Task R_PL_07_wrong_digits_and_unknown_numbers_answer_the_same_404(Db db)
    {
        var f = await Flow.StartAsync(db);
        var phone = "13912340000";
        var a = await f.Village.PostJson("/api/appeals", Appeal(f, Http.Unique("追踪"), phone: phone), HttpStatusCode.Created);
        var anon = f.Host.Anonymous();

        var wrongDigits = await anon.GetJson($"/api/public/tracking?number={a.Str("trackingNumber")}&phoneLast4=0001", HttpStatusCode.NotFound);
        var unknown = await anon.GetJson("/api/public/tracking?number=GJ260101ZZZZZZ&phoneLast4=0000", HttpStatusCode.NotFound);
        Assert.Equal(unknown.Str("code"), wrongDigits.Str("code"));
        Assert.Equal(unknown.Str("title"), wrongDigits.Str("title"));
        Assert.DoesNotContain(a.Str("title"), wrongDigits.ToString(), StringComparison.Ordinal);
        await anon.GetJson($"/api/public/tracking?number={a.Str("trackingNumber")}&phoneLast4=0000");
    }

    // R-PL-07: the digits must be exactly four digits.
    [Theory, BothDatabases]
    public async Task R_PL_07_tracking_needs_exactly_four_digits(Db db)
    {
        var f = await Flow.StartAsync(db);
        var a = await f.Village.PostJson("/api/appeals", Appeal(f, Http.Unique("位数"), phone: "13912345678"), HttpStatusCode.Created);
        var anon = f.Host.Anonymous();
        foreach (var bad in new[] { "567", "45678", "56a8", "" })
        {
            var problem = await anon.GetJson($"/api/public/tracking?number={a.Str("trackingNumber")}&phoneLast4={bad}", HttpStatusCode.BadRequest);
            problem.ShouldNameField("phoneLast4", "invalid");
        }
        await anon.GetJson($"/api/public/tracking?number={a.Str("trackingNumber")}&phoneLast4=5678");
    }
}
