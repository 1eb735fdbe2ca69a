using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Guanjia.App.Persistence;
using Guanjia.Domain.Contacts;
using Guanjia.Domain.Appeals;
using Guanjia.Domain.Common;
using Guanjia.Domain.Feedback;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Guanjia.App.Feedback;

/// <summary>Writes feedback from the editable templates onto the appeal; the outbox delivers it (R-PL-06, R-MS-16).</summary>
public sealed class FeedbackWriter(TimeProvider clock)
{
    public async Task<AppealMessage> AddAsync(GuanjiaDb db, Appeal appeal, FeedbackKind kind, IReadOnlyDictionary<string, string?> values,
        CancellationToken ct)
    {
        var template = await db.FeedbackTemplates.AsNoTracking().SingleOrDefaultAsync(t => t.Kind == kind, ct);
        var all = new Dictionary<string, string?>(values) { ["trackingNumber"] = appeal.TrackingNumber };
        var (channel, recipient) = Route(appeal);
        var now = clock.GetUtcNow();
        var m = new AppealMessage
        {
            Id = Guid.CreateVersion7(), AppealId = appeal.Id, TrackingNumber = appeal.TrackingNumber, ExternalRef = appeal.ExternalRef,
            ScopePath = appeal.ScopePath, Kind = kind, Body = FeedbackTemplate.Render(template?.Body ?? FeedbackTemplate.Defaults[kind], all),
            Channel = channel, Recipient = recipient,
            // No address, no sending: kept on the appeal as undeliverable rather than "sent" to nobody.
            State = recipient is null ? MessageState.Undeliverable : MessageState.Pending, CreatedAt = now, NextAttemptAt = now,
            LastError = recipient is null ? "诉求人未留联系方式 / no contact given" : null,
        };
        db.AppealMessages.Add(m);
        return m;
    }

    /// <summary>
    /// The way back is the way the appeal came (R-PL-06): an integration answers through its own work order; the
    /// portal and every offline channel by text message to the phone given. An integration's appeal entered by staff
    /// has no work order to answer through, so its phone is the way back too.
    /// </summary>
    public static (DeliveryChannel Channel, string? Recipient) Route(Appeal appeal)
    {
        var channel = Channels.DeliveryFor(appeal.Channel);
        if (channel != DeliveryChannel.Sms && appeal.ExternalRef is null) channel = DeliveryChannel.Sms;
        return (channel, channel == DeliveryChannel.Sms ? appeal.AppellantPhone : appeal.ExternalRef);
    }
}

/// <summary>The receiving system refused the message for good (a wrong number, a rejected request): not retried by itself.</summary>
public sealed class MessageRefused(string message) : Exception(message);

/// <summary>
/// Delivers one message or throws: <see cref="MessageRefused"/> when the receiver refused it for good, anything else
/// to be retried. Returning means a real receiver accepted it, unless the sender <see cref="Simulates"/>.
/// </summary>
public interface IMessageSender
{
    string Name { get; }

    /// <summary>True only for the development sender: what it "sends" is marked Simulated, never Sent.</summary>
    bool Simulates => false;

    Task SendAsync(AppealMessage message, CancellationToken ct);

    /// <summary>A text that belongs to no appeal (a verification code); senders that cannot send texts refuse.</summary>
    Task SendAsync(Domain.Contacts.ContactMessage message, CancellationToken ct) =>
        throw new NotSupportedException($"{Name} does not send contact messages");
}

/// <summary>
/// Development only (registered by the host in the Development environment, never elsewhere): takes every message
/// so the demo runs without gateways, and says so everywhere: its name, the Simulated state, the console's label
/// "开发环境模拟发送，未实际送达". Nothing leaves the machine.
/// </summary>
public sealed class SimulatedSender(ILogger<SimulatedSender> log) : IMessageSender
{
    public const string SenderName = "development-simulation";

    public string Name => SenderName;

    public bool Simulates => true;

    public Task SendAsync(AppealMessage message, CancellationToken ct)
    {
        log.LogInformation("Development: simulated {Kind} message {Id} for appeal {Tracking} ({Channel}); nothing was delivered",
            message.Kind, message.Id, message.TrackingNumber, message.Channel);
        return Task.CompletedTask;
    }

    public Task SendAsync(Domain.Contacts.ContactMessage message, CancellationToken ct)
    {
        // Neither the number nor the body (it holds the code) is logged.
        log.LogInformation("Development: simulated {Kind} text {Id}; nothing was delivered", message.Kind, message.Id);
        return Task.CompletedTask;
    }
}

/// <summary>POSTs the message to an integration (the 12345 system, the WeChat account's back end), signed with HMAC-SHA256.</summary>
public sealed class WebhookSender(DeliveryChannel channel, Uri url, string? secret, HttpClient http) : IMessageSender
{
    public string Name => $"webhook:{channel}";

    public async Task SendAsync(AppealMessage m, CancellationToken ct)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(new
        {
            messageId = m.Id, trackingNumber = m.TrackingNumber, workOrderNumber = m.ExternalRef, channel = m.Channel.ToString(),
            recipient = m.Recipient, kind = m.Kind.ToString(), body = m.Body, createdAt = m.CreatedAt,
        });
        await PostAsync(payload, m.Id, ct);
    }

    public Task SendAsync(Domain.Contacts.ContactMessage m, CancellationToken ct) =>
        PostAsync(JsonSerializer.SerializeToUtf8Bytes(new
        {
            messageId = m.Id, channel = channel.ToString(), recipient = m.Recipient, kind = m.Kind, body = m.Body, createdAt = m.CreatedAt,
        }), m.Id, ct);

    private async Task PostAsync(byte[] payload, Guid id, CancellationToken ct)
    {
        using var req = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(payload) };
        req.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        // The receiver deduplicates retries by message id.
        req.Headers.Add("Idempotency-Key", id.ToString());
        if (!string.IsNullOrEmpty(secret))
            req.Headers.Add("X-Guanjia-Signature", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), payload)));
        using var res = await http.SendAsync(req, ct);
        if (res.IsSuccessStatusCode) return;
        var status = (int)res.StatusCode;
        // 4xx is the receiver's final word on this request (a wrong number, a rejected body), except time-outs and throttling.
        if (status is >= 400 and < 500 and not 408 and not 429)
            throw new MessageRefused($"{url.Host} refused the message ({status})");
        throw new HttpRequestException($"{url.Host} answered {status}");
    }
}

/// <summary>One delivery channel as the console shows it: whether a real sender is configured, or only the development one.</summary>
public sealed record ChannelStatus(DeliveryChannel Channel, bool Configured, bool Simulated, string? Sender);

/// <summary>
/// Chooses the sender per delivery channel: a configured webhook (or a sender plugged in), else the development
/// simulation where the host registered it, else none: the message then stays NoChannel (ADR 0020).
/// </summary>
public sealed class MessageSenders
{
    private readonly Dictionary<DeliveryChannel, IMessageSender> _byChannel = [];
    private readonly SimulatedSender? _simulated;

    public MessageSenders(IConfiguration config, IHttpClientFactory http, SimulatedSender? simulated = null)
    {
        _simulated = simulated;
        // Notifications:Webhooks:Hotline12345:Url = https://…, :Secret = …
        foreach (var section in config.GetSection("Notifications:Webhooks").GetChildren())
        {
            if (!Enum.TryParse<DeliveryChannel>(section.Key, out var ch) || !Uri.TryCreate(section["Url"], UriKind.Absolute, out var url)) continue;
            _byChannel[ch] = new WebhookSender(ch, url, section["Secret"], http.CreateClient("webhooks"));
        }
    }

    /// <summary>The sender that takes this channel's messages now, or null when none is configured.</summary>
    public IMessageSender? For(DeliveryChannel channel) => _byChannel.GetValueOrDefault(channel) ?? _simulated;

    /// <summary>A sender that really delivers: what a person's retry needs.</summary>
    public bool IsConfigured(DeliveryChannel channel) => _byChannel.TryGetValue(channel, out var s) && !s.Simulates;

    public IReadOnlyList<ChannelStatus> Status() => Enum.GetValues<DeliveryChannel>().Select(c =>
    {
        var real = IsConfigured(c);
        var sender = For(c);
        return new ChannelStatus(c, real, !real && sender is { Simulates: true }, sender?.Name);
    }).ToList();

    /// <summary>Tests and other hosts can plug a sender in for a channel, or take it out again (null).</summary>
    public void Use(DeliveryChannel channel, IMessageSender? sender)
    {
        if (sender is null) _byChannel.Remove(channel);
        else _byChannel[channel] = sender;
    }
}

/// <summary>
/// Delivers due messages. A message is claimed before sending, so two instances never send it twice at once; a
/// failure is retried with back-off up to an hour apart, forever: nothing is lost. A message is Sent only when a
/// real sender accepted it; without a sender it stays NoChannel, refused it stays Refused, simulated it stays
/// Simulated (R-PL-06, ADR 0020).
/// </summary>
public sealed class OutboxDispatcher(MessageSenders senders, TimeProvider clock, ILogger<OutboxDispatcher> log)
{
    public const int FailedAfterAttempts = 8;

    public static string NoChannelText(DeliveryChannel c) => c switch
    {
        DeliveryChannel.Hotline12345 => "未配置12345热线回复渠道 / no 12345 integration configured",
        DeliveryChannel.WeChat => "未配置“莞家政务”公众号回复渠道 / no WeChat integration configured",
        _ => "未配置短信发送渠道 / no SMS gateway configured",
    };

    /// <summary>Runs due messages once; answers how many a real sender accepted.</summary>
    public async Task<int> RunOnceAsync(GuanjiaDb db, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var due = await db.AppealMessages.AsNoTracking()
            .Where(m => ((m.State == MessageState.Pending || m.State == MessageState.Retrying || m.State == MessageState.Failed) && m.NextAttemptAt <= now)
                || (m.State == MessageState.Sending && m.LockedUntil < now))
            .OrderBy(m => m.NextAttemptAt).Take(50).ToListAsync(ct);
        var sent = 0;
        foreach (var m in due)
        {
            var lockUntil = now.AddMinutes(2);
            var claimed = await db.AppealMessages.Where(x => x.Id == m.Id && x.State == m.State && x.Attempts == m.Attempts)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.State, MessageState.Sending).SetProperty(x => x.LockedUntil, lockUntil), ct);
            if (claimed == 0) continue;
            var sender = senders.For(m.Channel);
            if (sender is null)
            {
                // Nothing to send with: not an attempt, and not retried by itself; a person retries it once a channel is configured.
                await db.AppealMessages.Where(x => x.Id == m.Id).ExecuteUpdateAsync(s => s
                    .SetProperty(x => x.State, MessageState.NoChannel).SetProperty(x => x.LastError, NoChannelText(m.Channel))
                    .SetProperty(x => x.Sender, (string?)null).SetProperty(x => x.LockedUntil, (DateTimeOffset?)null), ct);
                continue;
            }
            try
            {
                await sender.SendAsync(m, ct);
                var simulated = sender.Simulates;
                await db.AppealMessages.Where(x => x.Id == m.Id).ExecuteUpdateAsync(s => s
                    .SetProperty(x => x.State, simulated ? MessageState.Simulated : MessageState.Sent)
                    .SetProperty(x => x.SentAt, simulated ? null : clock.GetUtcNow())
                    .SetProperty(x => x.Sender, sender.Name).SetProperty(x => x.Attempts, m.Attempts + 1)
                    .SetProperty(x => x.LastError, simulated ? "开发环境模拟发送，未实际送达 / simulated in development, not delivered" : null)
                    .SetProperty(x => x.LockedUntil, (DateTimeOffset?)null), ct);
                if (!simulated) sent++;
            }
            catch (MessageRefused e)
            {
                var error = Trim(e.Message);
                log.LogWarning("Message {Id} was refused by {Sender} (attempt {Attempts}): {Error}", m.Id, sender.Name, m.Attempts + 1, error);
                await db.AppealMessages.Where(x => x.Id == m.Id).ExecuteUpdateAsync(s => s
                    .SetProperty(x => x.State, MessageState.Refused).SetProperty(x => x.Attempts, m.Attempts + 1)
                    .SetProperty(x => x.LastError, error).SetProperty(x => x.Sender, sender.Name)
                    .SetProperty(x => x.LockedUntil, (DateTimeOffset?)null), ct);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                var attempts = m.Attempts + 1;
                var wait = TimeSpan.FromSeconds(Math.Min(3600, 30 * Math.Pow(2, attempts - 1)));
                var error = Trim(e.Message);
                log.LogWarning("Delivery of message {Id} via {Sender} failed (attempt {Attempts}): {Error}", m.Id, sender.Name, attempts, error);
                await db.AppealMessages.Where(x => x.Id == m.Id).ExecuteUpdateAsync(s => s
                    .SetProperty(x => x.State, attempts >= FailedAfterAttempts ? MessageState.Failed : MessageState.Retrying)
                    .SetProperty(x => x.Attempts, attempts).SetProperty(x => x.NextAttemptAt, clock.GetUtcNow() + wait)
                    .SetProperty(x => x.LastError, error).SetProperty(x => x.Sender, sender.Name)
                    .SetProperty(x => x.LockedUntil, (DateTimeOffset?)null), ct);
            }
        }
        return sent + await RunContactsOnceAsync(db, ct);
    }

    private static string Trim(string message) => message.Length > 400 ? message[..400] : message;

    /// <summary>
    /// The same claim, send and back-off for texts that belong to no appeal. A sent code's body is blanked; so is one
    /// that cannot be sent, since a code is of use for minutes only and the caller asks again.
    /// </summary>
    private async Task<int> RunContactsOnceAsync(GuanjiaDb db, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var due = await db.ContactMessages.AsNoTracking()
            .Where(m => (m.State == ContactMessageState.Pending && m.NextAttemptAt <= now) || (m.State == ContactMessageState.Sending && m.LockedUntil < now))
            .OrderBy(m => m.NextAttemptAt).Take(50).ToListAsync(ct);
        var sent = 0;
        var sender = senders.For(DeliveryChannel.Sms);
        foreach (var m in due)
        {
            var lockUntil = now.AddMinutes(2);
            var claimed = await db.ContactMessages.Where(x => x.Id == m.Id && x.State == m.State && x.Attempts == m.Attempts)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.State, ContactMessageState.Sending).SetProperty(x => x.LockedUntil, lockUntil), ct);
            if (claimed == 0) continue;
            if (sender is null)
            {
                await db.ContactMessages.Where(x => x.Id == m.Id).ExecuteUpdateAsync(s => s
                    .SetProperty(x => x.State, ContactMessageState.NoChannel).SetProperty(x => x.Body, "（未发送：未配置短信发送渠道）")
                    .SetProperty(x => x.LastError, NoChannelText(DeliveryChannel.Sms)).SetProperty(x => x.LockedUntil, (DateTimeOffset?)null), ct);
                continue;
            }
            try
            {
                await sender.SendAsync(m, ct);
                var simulated = sender.Simulates;
                await db.ContactMessages.Where(x => x.Id == m.Id).ExecuteUpdateAsync(s => s
                    .SetProperty(x => x.State, simulated ? ContactMessageState.Simulated : ContactMessageState.Sent)
                    .SetProperty(x => x.SentAt, simulated ? null : clock.GetUtcNow())
                    .SetProperty(x => x.Sender, sender.Name).SetProperty(x => x.Attempts, m.Attempts + 1)
                    .SetProperty(x => x.Body, simulated ? "（开发环境模拟发送，未实际送达）" : "（已发送）")
                    .SetProperty(x => x.LastError, (string?)null).SetProperty(x => x.LockedUntil, (DateTimeOffset?)null), ct);
                if (!simulated) sent++;
            }
            catch (MessageRefused e)
            {
                await db.ContactMessages.Where(x => x.Id == m.Id).ExecuteUpdateAsync(s => s
                    .SetProperty(x => x.State, ContactMessageState.Refused).SetProperty(x => x.Attempts, m.Attempts + 1)
                    .SetProperty(x => x.Body, "（未发送：对方拒收）").SetProperty(x => x.LastError, Trim(e.Message))
                    .SetProperty(x => x.Sender, sender.Name).SetProperty(x => x.LockedUntil, (DateTimeOffset?)null), ct);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                var attempts = m.Attempts + 1;
                var error = Trim(e.Message);
                log.LogWarning("Delivery of text {Id} via {Sender} failed (attempt {Attempts}): {Error}", m.Id, sender.Name, attempts, error);
                // A code is useful for ten minutes: after three tries it is marked failed and the caller asks again.
                await db.ContactMessages.Where(x => x.Id == m.Id).ExecuteUpdateAsync(s => s
                    .SetProperty(x => x.State, attempts >= 3 ? ContactMessageState.Failed : ContactMessageState.Pending)
                    .SetProperty(x => x.Attempts, attempts).SetProperty(x => x.NextAttemptAt, clock.GetUtcNow().AddSeconds(10 * attempts))
                    .SetProperty(x => x.LastError, error).SetProperty(x => x.Sender, sender.Name)
                    .SetProperty(x => x.LockedUntil, (DateTimeOffset?)null), ct);
            }
        }
        return sent;
    }
}

public sealed record TemplateView(FeedbackKind Kind, string Body, bool IsDefault, DateTimeOffset? UpdatedAt, string? UpdatedBy, int Version);

/// <summary>The city edits the Chinese feedback templates; placeholders are checked so a typo cannot reach a resident.</summary>
public static class FeedbackTemplates
{
    public sealed record Save(string? Body, int? Version);

    public static async Task<IReadOnlyList<TemplateView>> ListAsync(GuanjiaDb db, CancellationToken ct)
    {
        var rows = await db.FeedbackTemplates.AsNoTracking().ToDictionaryAsync(t => t.Kind, ct);
        return Enum.GetValues<FeedbackKind>().Select(k => rows.TryGetValue(k, out var t)
            ? new TemplateView(k, t.Body, false, t.UpdatedAt, t.UpdatedBy, t.Version)
            : new TemplateView(k, FeedbackTemplate.Defaults[k], true, null, null, 0)).ToList();
    }

    public static async Task<TemplateView> SaveAsync(GuanjiaDb db, TimeProvider clock, FeedbackKind kind, Save r, CancellationToken ct)
    {
        var unknown = r.Body is null ? [] : FeedbackTemplate.UnknownPlaceholders(r.Body).ToList();
        new Check().Required("body", r.Body, "模板内容", "Body").MaxLength("body", r.Body, 500, "模板内容", "Body")
            .When(unknown.Count > 0, "body", "unknown_placeholder", $"未知的占位符：{string.Join("、", unknown)}",
                $"Unknown placeholders: {string.Join(", ", unknown)}")
            .ThrowIfFailed();
        var row = await db.FeedbackTemplates.SingleOrDefaultAsync(t => t.Kind == kind, ct);
        if (row is null)
        {
            row = new FeedbackTemplate { Kind = kind, Body = r.Body!.Trim() };
            db.FeedbackTemplates.Add(row);
        }
        else
        {
            if (r.Version is { } v && v != row.Version)
                throw new Conflict("模板已被他人修改，请刷新后重试", "The template was changed by someone else; reload and try again");
            row.Body = r.Body!.Trim();
        }
        row.UpdatedAt = clock.GetUtcNow();
        row.UpdatedBy = db.Actor.Name;
        await db.Audit("SaveFeedbackTemplate").SaveChangesAsync(ct);
        return new TemplateView(row.Kind, row.Body, false, row.UpdatedAt, row.UpdatedBy, row.Version);
    }
}
