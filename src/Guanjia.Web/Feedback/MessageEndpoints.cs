using Guanjia.App.Feedback;
using Guanjia.App.Persistence;
using Guanjia.Domain.Accounts;
using Guanjia.Domain.Feedback;
using Guanjia.Web.Common;

namespace Guanjia.Web.Feedback;

/// <summary>The feedback that has not reached its appellant, in the caller's scope, and sending one again (R-PL-06, ADR 0020).</summary>
public static class MessageEndpoints
{
    public static void MapMessages(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/messages").WithTags("Feedback").RequireAuthorization();
        g.MapGet("/unsent", (GuanjiaDb db, MessageSenders senders, MessageState? state, int page = 1, int pageSize = 20, CancellationToken ct = default) =>
                UnsentMessages.ListAsync(db, senders, new UnsentMessages.Filter(state, page, pageSize), ct))
            .RequirePermission(Permissions.MessagesManage)
            .WithSummary("Messages no real sender has accepted, newest first, with why: no channel, refused, retrying, simulated, no address");
        g.MapGet("/channels", (GuanjiaDb db, MessageSenders senders, TimeProvider clock, CancellationToken ct) =>
                UnsentMessages.ChannelsAsync(db, senders, clock, ct))
            .RequirePermission(Permissions.MessagesManage)
            .WithSummary("Which delivery channels have a real sender configured; for the city, verification texts not sent in 7 days");
        g.MapPost("/{id:guid}/retry", (Guid id, GuanjiaDb db, MessageSenders senders, TimeProvider clock, CancellationToken ct) =>
                RetryMessage.HandleAsync(db, senders, clock, id, ct))
            .RequirePermission(Permissions.MessagesManage)
            .WithSummary("Send an unsent message again once its channel has a real sender (409 while it has none)");
    }
}
