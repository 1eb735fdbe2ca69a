using Guanjia.App.Persistence;
using Guanjia.Domain.Common;
using Guanjia.Domain.Feedback;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Feedback;

/// <summary>
/// The city or the town sends an unsent message again (R-PL-06): one that had no channel, was refused, keeps failing
/// or was only simulated, once a real sender is configured for its channel. The outbox delivers it on its next run.
/// </summary>
public static class RetryMessage
{
    public static async Task<UnsentMessageView> HandleAsync(GuanjiaDb db, MessageSenders senders, TimeProvider clock, Guid id, CancellationToken ct)
    {
        var m = await db.AppealMessages.SingleOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFound("AppealMessage", "消息不存在或不在您的管辖范围内", "The message does not exist or is outside your scope");
        if (m.State == MessageState.Sent)
            throw new Conflict("该消息已发送，无需重发", "The message was sent already");
        if (!MessageStates.Retryable.Contains(m.State))
            throw new Conflict($"该消息当前状态为“{MessageStates.Zh(m.State)}”，不能重发", $"A message that is {m.State} cannot be retried");
        if (!senders.IsConfigured(m.Channel))
            throw new Conflict($"{OutboxDispatcher.NoChannelText(m.Channel).Split(" / ")[0]}，配置后才能重发",
                $"No real sender is configured for {m.Channel}; configure one, then retry");
        var from = m.State;
        m.State = MessageState.Pending;
        m.NextAttemptAt = clock.GetUtcNow();
        m.LastError = null;
        m.LockedUntil = null;
        await db.Audit("RetryMessage", $"重发（原状态：{MessageStates.Zh(from)}）").SaveChangesAsync(ct);
        var village = await db.Appeals.AsNoTracking().Where(a => a.Id == m.AppealId).Select(a => a.VillageId).SingleAsync(ct);
        var names = await Organizations.OrganizationQueries.NamesAsync(db, [village], ct);
        return UnsentMessages.View(m, village, names.GetValueOrDefault(village), senders);
    }
}
