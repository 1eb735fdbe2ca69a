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

    // R-MS-16 / R-PL-06: without an integration configured the outbox records the message as delivered by "recording", and keeps it.
    [Theory, BothDatabases]
    public async Task R_MS_16_the_outbox_delivers_by_recording_by_default(Db db)
    {
        var f = await Flow.StartAsync(db);
        await DrainOutboxAsync(f);
        var order = await f.HotlineOrderAsync();
        var staff = await f.StaffAppealAsync();
        await f.AcknowledgeAsync(order.Str("id"));
        await f.AcknowledgeAsync(staff.Str("id"));

        await f.DeliverAsync();

        foreach (var id in new[] { order.Str("id"), staff.Str("id") })
        {
            var m = Message(await f.Village.GetJson($"/api/appeals/{id}"), "Receipt");
            Assert.Equal("Sent", m.Str("state"));
            Assert.Equal("recording", m.Str("sender"));
            Assert.Equal(1, m.GetProperty("attempts").GetInt32());
            Assert.NotNull(m.GetProperty("sentAt").GetString());
            Assert.Equal(JsonValueKind.Null, m.GetProperty("lastError").ValueKind);
        }
        // Delivering again sends nothing twice.
        await f.DeliverAsync();
        Assert.Equal(1, Message(await f.Village.GetJson($"/api/appeals/{order.Str("id")}"), "Receipt").GetProperty("attempts").GetInt32());
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
            Assert.Equal("Pending", failed.Str("state"));
            Assert.Equal(1, failed.GetProperty("attempts").GetInt32());
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
            senders.Use(DeliveryChannel.Hotline12345, f.Host.Services.GetRequiredService<RecordingSender>());
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
                Assert.Equal(attempt < OutboxDispatcher.FailedAfterAttempts ? "Pending" : "Failed", m.Str("state"));
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
            senders.Use(DeliveryChannel.Hotline12345, f.Host.Services.GetRequiredService<RecordingSender>());
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
            senders.Use(DeliveryChannel.Sms, f.Host.Services.GetRequiredService<RecordingSender>());
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

        public static async Task<FlakyReceiver> StartAsync(int failures = 1)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            var app = builder.Build();
            var receiver = new FlakyReceiver(app, failures);
            app.Urls.Add("http://127.0.0.1:0");
            app.Run(async ctx =>
            {
                using var reader = new StreamReader(ctx.Request.Body, Encoding.UTF8);
                var body = await reader.ReadToEndAsync();
                var key = ctx.Request.Headers["Idempotency-Key"].ToString();
                receiver.Received.Enqueue((key, body, ctx.Request.Headers["X-Guanjia-Signature"].ToString()));
                ctx.Response.StatusCode = receiver._seen.AddOrUpdate(key, 1, (_, n) => n + 1) <= receiver._failures
                    ? StatusCodes.Status500InternalServerError
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
