using Guanjia.App.Persistence;
using Guanjia.Domain.Appeals;
using Guanjia.Domain.Common;
using Guanjia.Domain.Contacts;
using Guanjia.Domain.Feedback;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Feedback;

/// <summary>A message to an appellant that no real sender has accepted (yet), with why, for the console's list.</summary>
public sealed record UnsentMessageView(
    Guid Id, Guid AppealId, string TrackingNumber, FeedbackKind Kind, DeliveryChannel Channel, string? Recipient, MessageState State, string StateZh,
    int Attempts, DateTimeOffset? NextAttemptAt, string? LastError, string? Sender, DateTimeOffset CreatedAt, Guid VillageId, string? VillageName,
    bool CanRetry);

/// <summary>The delivery channels as configured now, and (for the city) how many verification texts went nowhere lately.</summary>
public sealed record MessageChannels(IReadOnlyList<ChannelStatus> Channels, int? UnsentTexts);

/// <summary>
/// The city and each town see, in their scope, the feedback that has not reached its appellant and why (R-PL-06):
/// no channel configured, refused, retrying (attempts, next try), simulated in development, no address.
/// </summary>
public static class UnsentMessages
{
    public sealed record Filter(MessageState? State = null, int Page = 1, int PageSize = 20);

    public static async Task<Paged<UnsentMessageView>> ListAsync(GuanjiaDb db, MessageSenders senders, Filter f, CancellationToken ct)
    {
        new PageRequest(f.Page, f.PageSize).Validate();
        new Check().When(f.State is { } s && (!Enum.IsDefined(s) || s == MessageState.Sent), "state", "invalid",
            "状态须为未送达的一种（Pending、Sending、Retrying、Failed、Refused、NoChannel、Simulated、Undeliverable）",
            "state must be one of the unsent states").ThrowIfFailed();
        var q = db.AppealMessages.AsNoTracking().Where(m => m.State != MessageState.Sent);
        if (f.State is { } state) q = q.Where(m => m.State == state);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Skip((f.Page - 1) * f.PageSize).Take(f.PageSize)
            .Join(db.Appeals, m => m.AppealId, a => a.Id, (m, a) => new { m, a.VillageId }).ToListAsync(ct);
        var names = await Organizations.OrganizationQueries.NamesAsync(db, rows.Select(r => r.VillageId), ct);
        return new Paged<UnsentMessageView>(rows.Select(r => View(r.m, r.VillageId, names.GetValueOrDefault(r.VillageId), senders)).ToList(),
            f.Page, f.PageSize, total);
    }

    internal static UnsentMessageView View(AppealMessage m, Guid villageId, string? villageName, MessageSenders senders) =>
        new(m.Id, m.AppealId, m.TrackingNumber, m.Kind, m.Channel, Recipient(m), m.State, MessageStates.Zh(m.State), m.Attempts,
            MessageStates.Automatic.Contains(m.State) ? m.NextAttemptAt : null, m.LastError, m.Sender, m.CreatedAt, villageId, villageName,
            MessageStates.Retryable.Contains(m.State) && senders.IsConfigured(m.Channel));

    /// <summary>A phone masked; a work-order number as it is (it identifies the case in the other system, not a person).</summary>
    private static string? Recipient(AppealMessage m) => m.Channel == DeliveryChannel.Sms ? Masking.Phone(m.Recipient) : m.Recipient;

    public static async Task<MessageChannels> ChannelsAsync(GuanjiaDb db, MessageSenders senders, TimeProvider clock, CancellationToken ct)
    {
        int? texts = null;
        if (db.Actor.SeesEverything || db.Actor.ScopePath == db.Actor.JurisdictionPath)
        {
            // Verification codes belong to no unit (nor jurisdiction: the portal is shared): only a jurisdiction's top sees that the
            // public's codes are not going out, as a count.
            var since = clock.GetUtcNow().AddDays(-7);
            texts = await db.ContactMessages.AsNoTracking().CountAsync(m => m.CreatedAt >= since && m.State != ContactMessageState.Sent, ct);
        }
        return new MessageChannels(senders.Status(), texts);
    }
}
