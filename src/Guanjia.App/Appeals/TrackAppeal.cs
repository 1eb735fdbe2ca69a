using Guanjia.App.Persistence;
using Guanjia.Domain.Appeals;
using Guanjia.Domain.Common;
using Guanjia.Domain.Feedback;
using Guanjia.Domain.MicroProjects;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Appeals;

public sealed record TrackingStage(string Stage, string Zh, DateTimeOffset? At, bool Done);

public sealed record TrackingMessage(FeedbackKind Kind, string Body, DateTimeOffset At);

public sealed record TrackingView(string TrackingNumber, string Title, string ChannelZh, DateTimeOffset ReceivedAt, string StateZh,
    string? ProjectNumber, IReadOnlyList<TrackingStage> Stages, IReadOnlyList<TrackingMessage> Messages);

/// <summary>
/// The appellant's view: with the tracking number and the phone's last four digits, the stages, dates
/// and messages of their own appeal, and nothing else (no names, no staff, no other appeals).
/// </summary>
public static class TrackAppeal
{
    public static async Task<TrackingView> HandleAsync(GuanjiaDb db, string? number, string? phoneLast4, CancellationToken ct)
    {
        new Check().Required("number", number, "查询编号", "Tracking number")
            .When(phoneLast4 is null || phoneLast4.Length != 4 || !phoneLast4.All(char.IsDigit), "phoneLast4", "invalid",
                "请输入手机号码后四位", "phoneLast4 must be the last four digits of the phone number").ThrowIfFailed();
        var tracking = number!.Trim().ToUpperInvariant();
        var key = Appeal.TrackingKey(tracking, phoneLast4!);
        // Wrong number and wrong digits answer the same, so the endpoint cannot be used to probe numbers.
        var a = await db.Appeals.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(x => x.TrackingNumber == tracking && x.TrackingKeyHash == key, ct)
            ?? throw new NotFound("Appeal", "未找到该诉求，请核对查询编号和手机号码后四位", "No appeal matches that number and phone digits");
        var p = a.MicroProjectId is { } pid ? await db.MicroProjects.IgnoreQueryFilters().AsNoTracking().SingleAsync(x => x.Id == pid, ct) : null;
        var messages = await db.AppealMessages.IgnoreQueryFilters().AsNoTracking().Where(m => m.AppealId == a.Id).OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)
            .Select(m => new TrackingMessage(m.Kind, m.Body, m.CreatedAt)).ToListAsync(ct);
        var stages = new List<TrackingStage>
        {
            new("Received", "诉求已受理并交派", a.ReceivedAt, true),
            new("Acknowledged", "村（社区）已接收", a.AcknowledgedAt, a.AcknowledgedAt is not null),
            new("Decided", "“两委”联席会议研究", a.DecidedAt, a.DecidedAt is not null),
        };
        if (p is not null)
        {
            stages.Add(new("Consulted", "城乡社区协商", p.ConsultedAt, p.ConsultedAt is not null));
            if (p.IsSmall != true) stages.Add(new("Reviewed", "镇（街道）审核", p.ReviewedAt, p.ReviewedAt is not null));
            stages.Add(new("Publicity", "项目公示", p.PublicityFrom, p.PublicityFrom is not null));
            stages.Add(new("Implementation", "组织实施", p.ImplementationStartedAt, p.ImplementationStartedAt is not null));
            stages.Add(new("Completed", "项目完成", p.CompletedAt, p.CompletedAt is not null));
            stages.Add(new("Closed", "办结并公示结果", p.ClosedAt, p.ClosedAt is not null));
        }
        var stateZh = p is not null ? ProjectWorkflow.Zh(p.State) : AppealWorkflow.Zh(a.State);
        return new TrackingView(a.TrackingNumber, a.Title, Channels.Zh(a.Channel), a.ReceivedAt, stateZh, p?.Number, stages, messages);
    }
}
