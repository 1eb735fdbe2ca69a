using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Guanjia.App.Feedback;
using Guanjia.Domain.Appeals;
using Guanjia.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static Guanjia.Web.Tests.Appeals.AppealKit;

namespace Guanjia.Web.Tests.Appeals;

/// <summary>Feedback written from the city's templates and delivered by the outbox, which loses nothing.</summary>
[Collection(ApiCollection.Name)]
public class FeedbackTests
{
    private static async Task<JsonElement> ReceiptTemplateAsync(HttpClient c) =>
        (await c.GetJson("/api/feedback-templates")).EnumerateArray().Single(t => t.Str("kind") == "Receipt");

    // R-PL-06 / R-MS-16: the city edits the receipt template and the next receipt is written from it.
    [Theory, BothDatabases]
    public async Task R_PL_06_the_next_receipt_uses_the_template_the_city_edited(Db db)
    {
        var f = await Flow.StartAsync(db);
        var original = await ReceiptTemplateAsync(f.City);
        var text = original.Str("body");
        var earlier = await f.StaffAppealAsync();
        var earlierBody = Message(await f.AcknowledgeAsync(earlier.Str("id")), "Receipt").Str("body");
        try
        {
            var edited = await f.City.PutJson("/api/feedback-templates/Receipt", new
            {
                body = "【民生大莞家】您的诉求{trackingNumber}已由{village}接收，测试模板。", version = Version(original),
            }, HttpStatusCode.OK);
            Assert.False(edited.GetProperty("isDefault").GetBoolean());
            Assert.Equal("city.admin", edited.Str("updatedBy"));
            Assert.Contains("测试模板", (await ReceiptTemplateAsync(f.Village)).Str("body"), StringComparison.Ordinal);

            var a = await f.StaffAppealAsync();
            var acked = await f.AcknowledgeAsync(a.Str("id"));
            Assert.Equal($"【民生大莞家】您的诉求{a.Str("trackingNumber")}已由{a.Str("villageName")}接收，测试模板。", Message(acked, "Receipt").Str("body"));
            // A message already written keeps the words it was sent with.
            Assert.Equal(earlierBody, Message(await f.Village.GetJson($"/api/appeals/{earlier.Str("id")}"), "Receipt").Str("body"));
        }
        finally
        {
            var now = await ReceiptTemplateAsync(f.City);
            await f.City.PutJson("/api/feedback-templates/Receipt", new { body = text, version = Version(now) }, HttpStatusCode.OK);
        }
        Assert.Equal(text, (await ReceiptTemplateAsync(f.City)).Str("body"));
    }

    // R-PL-06: a placeholder the system does not know is refused, so a typo never reaches a resident.
    [Theory, BothDatabases]
    public async Task R_PL_06_a_template_with_an_unknown_placeholder_is_refused(Db db)
    {
        var f = await Flow.StartAsync(db);
        var before = await ReceiptTemplateAsync(f.City);

        var refused = await f.City.PutJson("/api/feedback-templates/Receipt",
            new { body = "您的诉求{trackingNumber}已由{vilage}接收，联系人{appellantPhone}", version = Version(before) }, HttpStatusCode.BadRequest);
        refused.ShouldNameField("body", "unknown_placeholder");
        Assert.Contains("vilage", refused.ToString(), StringComparison.Ordinal);

        var after = await ReceiptTemplateAsync(f.City);
        Assert.Equal(before.Str("body"), after.Str("body"));
        Assert.Equal(Version(before), Version(after));
    }

    // R-PL-06 / R-PL-03: only the city edits the templates.
    [Theory, BothDatabases]
    public async Task R_PL_06_a_village_user_cannot_edit_the_templates(Db db)
    {
        var f = await Flow.StartAsync(db);
        var before = await ReceiptTemplateAsync(f.City);
        foreach (var c in new[] { f.Village, f.Town })
        {
            await c.PutJson("/api/feedback-templates/Receipt", new { body = "村里改的模板{trackingNumber}", version = Version(before) },
                HttpStatusCode.Forbidden);
        }
        var after = await ReceiptTemplateAsync(f.City);
        Assert.Equal(before.Str("body"), after.Str("body"));
        Assert.Equal(Version(before), Version(after));
    }

    // R-PL-06 / R-MS-16: without a sender for its channel a message is never "sent": it stays NoChannel, says why, and waits
    // for a person; the city and the town see it in their lists of unsent messages, the village and another town do not.
    [Theory, BothDatabases]
    public async Task R_PL_06_without_a_configured_channel_a_message_stays_visibly_unsent_with_its_reason(Db db)
    {
        var f = await Flow.StartAsync(db);
        await DrainOutboxAsync(f);
        var order = await f.HotlineOrderAsync();
        var staff = await f.StaffAppealAsync();
        await f.AcknowledgeAsync(order.Str("id"));
        await f.AcknowledgeAsync(staff.Str("id"));

        await f.DeliverAsync();

        var reasons = new Dictionary<string, string> { [order.Str("id")] = "12345", [staff.Str("id")] = "短信" };
        foreach (var (id, what) in reasons)
        {
            var m = Message(await f.Village.GetJson($"/api/appeals/{id}"), "Receipt");
            Assert.Equal("NoChannel", m.Str("state"));
            Assert.Equal("未配置发送渠道，未发送", m.Str("stateZh"));
            Assert.Equal(JsonValueKind.Null, m.GetProperty("sender").ValueKind);
            Assert.Equal(JsonValueKind.Null, m.GetProperty("sentAt").ValueKind);
            Assert.Equal(0, m.GetProperty("attempts").GetInt32());
            Assert.Contains(what, m.Str("lastError"), StringComparison.Ordinal);
            Assert.True(m.GetProperty("retryable").GetBoolean());
        }
        // Nothing is tried again by itself, however long it waits.
        await f.AdvanceAsync(TimeSpan.FromHours(2));
        await f.DeliverAsync();
        Assert.Equal("NoChannel", Message(await f.Village.GetJson($"/api/appeals/{order.Str("id")}"), "Receipt").Str("state"));

        var ids = reasons.Keys.ToHashSet();
        foreach (var c in new[] { f.Town, f.City })
        {
            var list = await c.GetJson("/api/messages/unsent?state=NoChannel&pageSize=200");
            var mine = list.GetProperty("items").EnumerateArray().Where(m => ids.Contains(m.Str("appealId"))).ToList();
            Assert.Equal(2, mine.Count);
            Assert.All(mine, m => Assert.False(m.GetProperty("canRetry").GetBoolean())); // no channel yet, so no retry
            var sms = mine.Single(m => m.Str("channel") == "Sms");
            Assert.Matches(@"^\d{3}\*{4}\d{4}$", sms.Str("recipient"));
            Assert.False(string.IsNullOrEmpty(sms.Str("villageName")));
        }
        await f.Village.GetJson("/api/messages/unsent", HttpStatusCode.Forbidden);
        var changan = await f.Host.SignIn("changan.lead");
        var theirs = await changan.GetJson("/api/messages/unsent?pageSize=200");
        Assert.DoesNotContain(theirs.GetProperty("items").EnumerateArray(), m => ids.Contains(m.Str("appealId")));
        var channels = await f.City.GetJson("/api/messages/channels");
        Assert.All(channels.GetProperty("channels").EnumerateArray(), c => Assert.False(c.GetProperty("configured").GetBoolean()));
    }

    // R-PL-06: a retry needs a real sender; once one is configured the city or the town sends the message again and it is Sent.
    [Theory, BothDatabases]
    public async Task R_PL_06_an_unsent_message_is_retried_by_a_person_once_a_channel_is_configured(Db db)
    {
        var f = await Flow.StartAsync(db);
        await DrainOutboxAsync(f);
        var a = await f.StaffAppealAsync();
        var messageId = Message(await f.AcknowledgeAsync(a.Str("id")), "Receipt").Str("id");
        await f.DeliverAsync();

        var refused = await f.Town.PostJson($"/api/messages/{messageId}/retry", new { }, HttpStatusCode.Conflict);
        Assert.Contains("未配置短信发送渠道", refused.ToString(), StringComparison.Ordinal);
        Assert.Equal("NoChannel", Message(await f.Village.GetJson($"/api/appeals/{a.Str("id")}"), "Receipt").Str("state"));
        await f.Village.PostJson($"/api/messages/{messageId}/retry", new { }, HttpStatusCode.Forbidden);

        var counting = new CountingSender();
        var senders = f.Host.Services.GetRequiredService<MessageSenders>();
        senders.Use(DeliveryChannel.Sms, counting);
        try
        {
            var listed = (await f.Town.GetJson("/api/messages/unsent?pageSize=200")).GetProperty("items").EnumerateArray()
                .Single(m => m.Str("id") == messageId);
            Assert.True(listed.GetProperty("canRetry").GetBoolean());
            var retried = await f.Town.PostJson($"/api/messages/{messageId}/retry", new { }, HttpStatusCode.OK);
            Assert.Equal("Pending", retried.Str("state"));
            await f.DeliverAsync();
            var sent = Message(await f.Village.GetJson($"/api/appeals/{a.Str("id")}"), "Receipt");
            Assert.Equal("Sent", sent.Str("state"));
            Assert.Equal("counting", sent.Str("sender"));
            Assert.Equal(1, counting.Calls.GetValueOrDefault(messageId));
            // A sent message is not sent again, and leaves the list.
            await f.Town.PostJson($"/api/messages/{messageId}/retry", new { }, HttpStatusCode.Conflict);
            Assert.DoesNotContain((await f.Town.GetJson("/api/messages/unsent?pageSize=200")).GetProperty("items").EnumerateArray(),
                m => m.Str("id") == messageId);
        }
        finally
        {
            senders.Use(DeliveryChannel.Sms, null);
        }
        var trail = await f.City.GetJson("/api/audit?entityType=AppealMessage&pageSize=20");
        Assert.Contains(trail.GetProperty("items").EnumerateArray(), e => e.Str("action") == "RetryMessage" && e.Str("entityId") == messageId);
    }

    // R-PL-06: a receiver that refuses a message for good (4xx) leaves it Refused with the answer, not retried by itself.
    [Theory, BothDatabases]
    public async Task R_PL_06_a_refused_message_stays_refused_until_a_person_retries_it(Db db)
    {
        var f = await Flow.StartAsync(db);
        await DrainOutboxAsync(f);
        var order = await f.HotlineOrderAsync();
        var id = order.Str("id");
        var messageId = Message(await f.AcknowledgeAsync(id), "Receipt").Str("id");
        await using var receiver = await FlakyReceiver.StartAsync(failures: 1, failWith: StatusCodes.Status422UnprocessableEntity);
        var senders = f.Host.Services.GetRequiredService<MessageSenders>();
        using var http = new HttpClient();
        senders.Use(DeliveryChannel.Hotline12345, new WebhookSender(DeliveryChannel.Hotline12345, receiver.Url, null, http));
        try
        {
            await f.DeliverAsync();
            var m = Message(await f.Village.GetJson($"/api/appeals/{id}"), "Receipt");
            Assert.Equal("Refused", m.Str("state"));
            Assert.Equal("对方拒收，未送达", m.Str("stateZh"));
            Assert.Contains("422", m.Str("lastError"), StringComparison.Ordinal);
            Assert.Equal(JsonValueKind.Null, m.GetProperty("nextAttemptAt").ValueKind);
            await f.AdvanceAsync(TimeSpan.FromHours(2));
            await f.DeliverAsync();
            Assert.Single(receiver.Received, r => r.Key == messageId);

            await f.City.PostJson($"/api/messages/{messageId}/retry", new { }, HttpStatusCode.OK);
            await f.DeliverAsync();
            Assert.Equal("Sent", Message(await f.Village.GetJson($"/api/appeals/{id}"), "Receipt").Str("state"));
        }
        finally
        {
            senders.Use(DeliveryChannel.Hotline12345, null);
        }
    }

    // R-PL-06: the development sender is registered nowhere but Development, and what it takes is Simulated, never Sent.
    [Theory, BothDatabases]
    public async Task R_PL_06_a_simulated_delivery_says_so_and_is_never_sent(Db db)
    {
        var f = await Flow.StartAsync(db);
        Assert.Null(f.Host.Services.GetService<SimulatedSender>()); // this host runs as "Testing"
        await DrainOutboxAsync(f);
        var a = await f.StaffAppealAsync();
        await f.AcknowledgeAsync(a.Str("id"));
        var senders = f.Host.Services.GetRequiredService<MessageSenders>();
        senders.Use(DeliveryChannel.Sms, new SimulatedSender(f.Host.Services.GetRequiredService<ILogger<SimulatedSender>>()));
        try
        {
            await f.DeliverAsync();
        }
        finally
        {
            senders.Use(DeliveryChannel.Sms, null);
        }
        var m = Message(await f.Village.GetJson($"/api/appeals/{a.Str("id")}"), "Receipt");
        Assert.Equal("Simulated", m.Str("state"));
        Assert.Equal("开发环境模拟发送，未实际送达", m.Str("stateZh"));
        Assert.Equal("development-simulation", m.Str("sender"));
        Assert.Equal(JsonValueKind.Null, m.GetProperty("sentAt").ValueKind);
        Assert.Contains("开发环境模拟发送", m.Str("lastError"), StringComparison.Ordinal);
        Assert.Contains((await f.Town.GetJson("/api/messages/unsent?state=Simulated&pageSize=200")).GetProperty("items").EnumerateArray(),
            x => x.Str("appealId") == a.Str("id"));
    }

    // R-PL-06: a verification code follows the same rule: without an SMS channel it is not "sent", its code is not kept,
    // and the city sees that the public's codes are not going out.
    [Theory, BothDatabases]
    public async Task R_PL_06_a_verification_text_without_an_sms_channel_is_not_sent(Db db)
    {
        var f = await Flow.StartAsync(db);
        var phone = Flow.Phone();
        var sent = await f.Host.Anonymous().PostJson("/api/public/contact-verifications", new { phone, purpose = "Claim" }, HttpStatusCode.Accepted);
        Assert.Equal(JsonValueKind.Null, sent.GetProperty("developmentCode").ValueKind); // only Development echoes the code
        await f.DeliverAsync();
        using (var scope = f.Host.Services.CreateScope())
        {
            var row = await f.SystemDb(scope).ContactMessages.SingleAsync(m => m.Recipient == phone);
            Assert.Equal(Guanjia.Domain.Contacts.ContactMessageState.NoChannel, row.State);
            Assert.Null(row.SentAt);
            Assert.DoesNotMatch(@"\d{6}", row.Body);
        }
        Assert.True((await f.City.GetJson("/api/messages/channels")).GetProperty("unsentTexts").GetInt32() >= 1);
        Assert.Equal(JsonValueKind.Null, (await f.Town.GetJson("/api/messages/channels")).GetProperty("unsentTexts").ValueKind);
    }

    // R-PL-06: the upgrade (migration 0025) corrects what an older release stored: messages its "recording" sender marked
    // Sent become NoChannel, and a portal appeal stored as a WeChat one gets the portal back and its feedback goes by SMS.
    [Theory, BothDatabases]
    public async Task R_PL_06_the_upgrade_unmarks_messages_that_were_never_delivered_and_gives_portal_appeals_their_channel(Db db)
    {
        var f = await Flow.StartAsync(db);
        var staff = await f.StaffAppealAsync();
        var recorded = Guid.Parse(Message(await f.AcknowledgeAsync(staff.Str("id")), "Receipt").Str("id"));
        var receipt = await f.Host.Anonymous().PostJson("/api/public/appeals", new
        {
            title = "门户诉求", description = "门户诉求", villageId = f.VillageId, phone = Flow.Phone(),
        }, HttpStatusCode.Created);
        var portal = (await f.Village.GetJson($"/api/appeals?q={receipt.Str("trackingNumber")}")).GetProperty("items")[0].Str("id");
        var portalMessage = Guid.Parse(Message(await f.AcknowledgeAsync(portal), "Receipt").Str("id"));
        var portalId = Guid.Parse(portal);
        using (var scope = f.Host.Services.CreateScope())
        {
            // What the older release left behind.
            var sys = f.SystemDb(scope);
            await sys.AppealMessages.IgnoreQueryFilters().Where(m => m.Id == recorded).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.State, Guanjia.Domain.Feedback.MessageState.Sent).SetProperty(m => m.Sender, "recording")
                .SetProperty(m => m.SentAt, f.Now));
            await sys.Appeals.IgnoreQueryFilters().Where(a => a.Id == portalId)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Channel, Channel.WeChatAccount));
            await sys.AppealMessages.IgnoreQueryFilters().Where(m => m.Id == portalMessage)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Channel, DeliveryChannel.WeChat));
            var script = Guanjia.App.Persistence.Migrator.Scripts(db == Db.Postgres ? Guanjia.App.Persistence.DbProvider.Postgres
                : Guanjia.App.Persistence.DbProvider.Sqlite).Single(x => x.Version == "0025");
            await sys.Database.ExecuteSqlRawAsync(script.Sql);
        }
        var m1 = Message(await f.Village.GetJson($"/api/appeals/{staff.Str("id")}"), "Receipt");
        Assert.Equal("NoChannel", m1.Str("state"));
        Assert.Equal(JsonValueKind.Null, m1.GetProperty("sentAt").ValueKind);
        var p = await f.Village.GetJson($"/api/appeals/{portal}");
        Assert.Equal("Portal", p.Str("channel"));
        Assert.Equal("Sms", Message(p, "Receipt").Str("channel"));
    }

    // R-PL-06 / R-MS-16: a webhook that fails is retried after the back-off; the message waits until it is sent.
    [Theory, BothDatabases]
    public async Task R_PL_06_a_failed_webhook_delivery_is_retried_and_never_lost(Db db)
    {
        var f = await Flow.StartAsync(db);
        await DrainOutboxAsync(f);
        var number = Http.Unique("WO");
        var order = await f.HotlineOrderAsync(workOrder: number);
        var acked = await f.AcknowledgeAsync(order.Str("id"));
        var messageId = Message(acked, "Receipt").Str("id");

        const string secret = "test-webhook-secret";
        await using var receiver = await FlakyReceiver.StartAsync();
        var senders = f.Host.Services.GetRequiredService<MessageSenders>();
        using var http = new HttpClient();
        senders.Use(DeliveryChannel.Hotline12345, new WebhookSender(DeliveryChannel.Hotline12345, receiver.Url, secret, http));
        try
        {
            await f.DeliverAsync();
            var failed = Message(await f.Village.GetJson($"/api/appeals/{order.Str("id")}"), "Receipt");
            Assert.Equal("Retrying", failed.Str("state"));
            Assert.Equal(1, failed.GetProperty("attempts").GetInt32());
            Assert.Equal(f.Now.AddSeconds(30), failed.GetProperty("nextAttemptAt").GetDateTimeOffset(), TimeSpan.FromSeconds(1));
            Assert.Contains("500", failed.Str("lastError"), StringComparison.Ordinal);
            Assert.Equal(JsonValueKind.Null, failed.GetProperty("sentAt").ValueKind);

            // Not before the back-off has passed.
            await f.DeliverAsync();
            Assert.Equal(1, Message(await f.Village.GetJson($"/api/appeals/{order.Str("id")}"), "Receipt").GetProperty("attempts").GetInt32());
            Assert.Single(receiver.Received, r => r.Key == messageId);

            await f.AdvanceAsync(TimeSpan.FromSeconds(31));
            await f.DeliverAsync();
            var sent = Message(await f.Village.GetJson($"/api/appeals/{order.Str("id")}"), "Receipt");
            Assert.Equal("Sent", sent.Str("state"));
            Assert.Equal(2, sent.GetProperty("attempts").GetInt32());
            Assert.Equal("webhook:Hotline12345", sent.Str("sender"));
            Assert.Equal(JsonValueKind.Null, sent.GetProperty("lastError").ValueKind);
        }
        finally
        {
            senders.Use(DeliveryChannel.Hotline12345, null);
        }

        // Both attempts carried the same key (the message id), the work-order number and a valid signature.
        var calls = receiver.Received.Where(r => r.Key == messageId).ToList();
        Assert.Equal(2, calls.Count);
        foreach (var call in calls)
        {
            var body = JsonDocument.Parse(call.Body).RootElement;
            Assert.Equal(number, body.Str("workOrderNumber"));
            Assert.Equal(messageId, body.Str("messageId"));
            Assert.Equal(number, body.Str("recipient"));
            Assert.Equal("Receipt", body.Str("kind"));
            Assert.Equal(order.Str("trackingNumber"), body.Str("trackingNumber"));
            Assert.Equal("sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(call.Body))),
                call.Signature);
        }
    }

    // R-PL-06 / R-MS-16: a message that keeps failing is flagged Failed for staff, yet still retried until it is sent.
    [Theory, BothDatabases]
    public async Task R_PL_06_a_message_that_keeps_failing_is_flagged_but_retried_until_sent(Db db)
    {
        var f = await Flow.StartAsync(db);
        await DrainOutboxAsync(f);
        var order = await f.HotlineOrderAsync();
        var id = order.Str("id");
        var messageId = Message(await f.AcknowledgeAsync(id), "Receipt").Str("id");

        await using var receiver = await FlakyReceiver.StartAsync(failures: OutboxDispatcher.FailedAfterAttempts);
        var senders = f.Host.Services.GetRequiredService<MessageSenders>();
        using var http = new HttpClient();
        senders.Use(DeliveryChannel.Hotline12345, new WebhookSender(DeliveryChannel.Hotline12345, receiver.Url, null, http));
        try
        {
            for (var attempt = 1; attempt <= OutboxDispatcher.FailedAfterAttempts; attempt++)
            {
                await f.DeliverAsync();
                var m = Message(await f.Village.GetJson($"/api/appeals/{id}"), "Receipt");
                Assert.Equal(attempt, m.GetProperty("attempts").GetInt32());
                Assert.Equal(attempt < OutboxDispatcher.FailedAfterAttempts ? "Retrying" : "Failed", m.Str("state"));
                f.Host.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1)); // past the longest back-off
            }
            await f.DeliverAsync();
            var sent = Message(await f.Village.GetJson($"/api/appeals/{id}"), "Receipt");
            Assert.Equal("Sent", sent.Str("state"));
            Assert.Equal(OutboxDispatcher.FailedAfterAttempts + 1, sent.GetProperty("attempts").GetInt32());
            Assert.Equal(OutboxDispatcher.FailedAfterAttempts + 1, receiver.Received.Count(r => r.Key == messageId));
        }
        finally
        {
            senders.Use(DeliveryChannel.Hotline12345, null);
        }
    }

    // R-PL-06: two outbox runners at once (two instances of the app) send each message once.
    [Theory, BothDatabases]
    public async Task R_PL_06_two_outbox_runners_at_once_send_each_message_once(Db db)
    {
        var f = await Flow.StartAsync(db);
        await DrainOutboxAsync(f);
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var a = await f.StaffAppealAsync();
            ids.Add(Message(await f.AcknowledgeAsync(a.Str("id")), "Receipt").Str("id"));
        }

        var counting = new CountingSender();
        var senders = f.Host.Services.GetRequiredService<MessageSenders>();
        senders.Use(DeliveryChannel.Sms, counting);
        try
        {
            await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(f.DeliverAsync)));
            await f.DeliverAsync();
        }
        finally
        {
            senders.Use(DeliveryChannel.Sms, null);
        }
        foreach (var id in ids) Assert.Equal(1, counting.Calls.GetValueOrDefault(id));
    }

    private sealed class CountingSender : IMessageSender
    {
        public ConcurrentDictionary<string, int> Calls { get; } = new();
        public string Name => "counting";

        public async Task SendAsync(Guanjia.Domain.Feedback.AppealMessage message, CancellationToken ct)
        {
            Calls.AddOrUpdate(message.Id.ToString(), 1, (_, n) => n + 1);
            await Task.Delay(50, ct);
        }
    }

    /// <summary>A real HTTP endpoint that answers 500 to the first deliveries of each message and 200 after.</summary>
    private sealed class FlakyReceiver : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly ConcurrentDictionary<string, int> _seen = new();

        private readonly int _failures;

        private FlakyReceiver(WebApplication app, int failures) => (_app, _failures) = (app, failures);

        public ConcurrentQueue<(string Key, string Body, string? Signature)> Received { get; } = new();
        public Uri Url { get; private set; } = null!;

        private int _failWith = StatusCodes.Status500InternalServerError;

        public static async Task<FlakyReceiver> StartAsync(int failures = 1, int failWith = StatusCodes.Status500InternalServerError)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            var app = builder.Build();
            var receiver = new FlakyReceiver(app, failures) { _failWith = failWith };
            app.Urls.Add("http://127.0.0.1:0");
            app.Run(async ctx =>
            {
                using var reader = new StreamReader(ctx.Request.Body, Encoding.UTF8);
                var body = await reader.ReadToEndAsync();
                var key = ctx.Request.Headers["Idempotency-Key"].ToString();
                receiver.Received.Enqueue((key, body, ctx.Request.Headers["X-Guanjia-Signature"].ToString()));
                ctx.Response.StatusCode = receiver._seen.AddOrUpdate(key, 1, (_, n) => n + 1) <= receiver._failures
                    ? receiver._failWith
                    : StatusCodes.Status200OK;
            });
            await app.StartAsync();
            receiver.Url = new Uri(new Uri(app.Urls.First()), "/12345/feedback");
            return receiver;
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
