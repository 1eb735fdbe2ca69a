using Guanjia.Domain.Appeals;
using Guanjia.Domain.Common;

namespace Guanjia.Domain.Feedback;

/// <summary>The messages an appellant gets (R-MS-16): receipt, the decision, the result, and a claim result.</summary>
public enum FeedbackKind
{
    Receipt = 1,
    CommitteePolicyReferral = 2,
    NotAccepted = 3,
    TownDecisionProgramme = 4,
    TownDecisionPolicy = 5,
    TownDecisionRejected = 6,
    Result = 7,
    ClaimResult = 8,
    PolicyResult = 9,
    WishRejected = 10,
    WishDecision = 11,
    WishResult = 12,
    ClaimReturned = 13,
    /// <summary>R-MS-16: a small project's decision is the village's filing of its registration form (no town confirmation).</summary>
    VillageDecisionProgramme = 14,
    /// <summary>R-MS-16, R-IN-05: the village's policy check at filing sends a small project to a department.</summary>
    VillageDecisionPolicy = 15,
    /// <summary>R-MW-06: a wish entered straight for the town's verification.</summary>
    WishReceipt = 16,
}

/// <summary>
/// Where a message stands (R-PL-06, ADR 0020). Only <see cref="Sent"/> means a real sender accepted it; every other
/// state is unsent and says why. Pending: waits for its first attempt. Sending: a sender holds it. Retrying: an attempt
/// failed and it is tried again at NextAttemptAt. Failed: it has failed many times and is still retried. Refused: the
/// receiving system refused it for good; a person may retry it. NoChannel: no sender is configured for its channel; a
/// person retries it once one is. Simulated: the development-only sender took it and nothing was delivered.
/// Undeliverable: there is no address for its channel (no phone given).
/// </summary>
public enum MessageState
{
    Pending = 1, Sending = 2, Sent = 3, Failed = 4, Undeliverable = 5, Retrying = 6, Refused = 7, NoChannel = 8, Simulated = 9,
}

/// <summary>What each state means for the people who read and retry messages.</summary>
public static class MessageStates
{
    /// <summary>The outbox tries these by itself when their next attempt is due.</summary>
    public static readonly IReadOnlySet<MessageState> Automatic = new HashSet<MessageState> { MessageState.Pending, MessageState.Retrying, MessageState.Failed };

    /// <summary>A person may send these again (once a real channel is configured); an undeliverable one has no address.</summary>
    public static readonly IReadOnlySet<MessageState> Retryable = new HashSet<MessageState>
    {
        MessageState.Retrying, MessageState.Failed, MessageState.Refused, MessageState.NoChannel, MessageState.Simulated,
    };

    public static bool IsUnsent(MessageState s) => s != MessageState.Sent;

    /// <summary>The state in the words a clerk reads (the console has its own, in both languages).</summary>
    public static string Zh(MessageState s) => s switch
    {
        MessageState.Pending => "待发送",
        MessageState.Sending => "发送中",
        MessageState.Sent => "已发送",
        MessageState.Retrying => "发送失败，等待重试",
        MessageState.Failed => "多次发送失败，仍在重试",
        MessageState.Refused => "对方拒收，未送达",
        MessageState.NoChannel => "未配置发送渠道，未发送",
        MessageState.Simulated => "开发环境模拟发送，未实际送达",
        MessageState.Undeliverable => "无法送达（未留联系方式）",
        _ => s.ToString(),
    };
}

/// <summary>An editable Chinese template; {placeholders} are filled from the appeal and project.</summary>
public sealed class FeedbackTemplate : IVersioned
{
    public FeedbackKind Kind { get; set; }
    public required string Body { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
    public int Version { get; set; }

    public static readonly IReadOnlyDictionary<FeedbackKind, string> Defaults = new Dictionary<FeedbackKind, string>
    {
        [FeedbackKind.Receipt] = "您好！您反映的诉求（编号{trackingNumber}）已由{village}接收，我们将在5日内召开“两委”联席会议研究办理，办理进度可凭编号查询。",
        [FeedbackKind.CommitteePolicyReferral] = "您好！您反映的诉求（编号{trackingNumber}）经{village}“两委”联席会议研究，可由现行政策解决，已转{department}办理，联系方式：{contact}。",
        [FeedbackKind.NotAccepted] = "您好！您反映的诉求（编号{trackingNumber}）经{village}研究，不属于“民生大莞家”服务范围，原因：{reason}。感谢您的支持！",
        [FeedbackKind.TownDecisionProgramme] = "您好！您提议的“{projectName}”项目（编号{trackingNumber}）经{town}审核，由“民生大莞家”服务机制解决，将通过{route}方式办理，公示后组织实施。",
        [FeedbackKind.TownDecisionPolicy] = "您好！您提议的“{projectName}”项目（编号{trackingNumber}）经{town}审核，可由现行政策解决，已转{department}办理，联系方式：{contact}。",
        [FeedbackKind.TownDecisionRejected] = "您好！您提议的“{projectName}”项目（编号{trackingNumber}）经{town}审核，不予立项，原因：{reason}。",
        [FeedbackKind.Result] = "您好！您提议的“{projectName}”项目（编号{trackingNumber}）已办结，办理结果已在“民生大莞家”关联平台公示，欢迎监督评价。",
        [FeedbackKind.PolicyResult] = "您好！您反映的诉求（编号{trackingNumber}）已由{department}按现行政策办理，办理结果：{reason}。",
        [FeedbackKind.WishRejected] = "您好！您反映的微心愿（编号{trackingNumber}）经{town}会同相关部门核查，不予受理，原因：{reason}。",
        [FeedbackKind.WishDecision] = "您好！您反映的微心愿（编号{trackingNumber}）经{town}研究，将通过{route}方式办理。",
        [FeedbackKind.WishResult] = "您好！您反映的微心愿（编号{trackingNumber}）已办理完成：{reason}。感谢您的支持！",
        [FeedbackKind.ClaimResult] = "您好！“{projectName}”项目（编号{trackingNumber}）已由{claimant}认领，将于认领后一个月内组织实施。",
        [FeedbackKind.VillageDecisionProgramme] = "您好！您提议的“{projectName}”项目（编号{trackingNumber}）经{village}城乡社区协商确定，由“民生大莞家”服务机制解决，将通过{route}方式办理，公示后组织实施。",
        [FeedbackKind.VillageDecisionPolicy] = "您好！您提议的“{projectName}”项目（编号{trackingNumber}）经{village}核对，可由现行政策解决，已转{department}办理，联系方式：{contact}。",
        [FeedbackKind.WishReceipt] = "您好！您反映的微心愿（编号{trackingNumber}）已转{town}核查，核查结果将及时反馈，办理进度可凭编号查询。",
        [FeedbackKind.ClaimReturned] = "您好！“{projectName}”项目（编号{trackingNumber}）在“莞家直达”公布期间无社会力量认领，已纳入“民生大莞家”专项资金按相关流程办理。",
    };

    public static readonly IReadOnlySet<string> Placeholders = new HashSet<string>(StringComparer.Ordinal)
    {
        "trackingNumber", "village", "town", "projectName", "department", "contact", "reason", "route", "claimant",
    };

    /// <summary>Fills {name} placeholders; an unknown one stays visible rather than silently vanishing.</summary>
    public static string Render(string body, IReadOnlyDictionary<string, string?> values)
    {
        var sb = new System.Text.StringBuilder(body.Length + 64);
        var i = 0;
        while (i < body.Length)
        {
            var open = body.IndexOf('{', i);
            if (open < 0) { sb.Append(body, i, body.Length - i); break; }
            var close = body.IndexOf('}', open + 1);
            if (close < 0) { sb.Append(body, i, body.Length - i); break; }
            sb.Append(body, i, open - i);
            var name = body[(open + 1)..close];
            sb.Append(values.TryGetValue(name, out var v) && v is not null ? v : body[open..(close + 1)]);
            i = close + 1;
        }
        return sb.ToString();
    }

    public static IEnumerable<string> UnknownPlaceholders(string body)
    {
        var i = 0;
        while ((i = body.IndexOf('{', i)) >= 0)
        {
            var close = body.IndexOf('}', i + 1);
            if (close < 0) yield break;
            var name = body[(i + 1)..close];
            if (!Placeholders.Contains(name)) yield return name;
            i = close + 1;
        }
    }
}

/// <summary>
/// A message to the appellant, kept on the appeal (R-PL-06) and, while Pending, the outbox entry a
/// sender delivers. It is never deleted; failed deliveries are retried with back-off.
/// </summary>
public sealed class AppealMessage : IScoped
{
    public Guid Id { get; set; }
    public Guid AppealId { get; set; }
    public required string TrackingNumber { get; set; }
    public string? ExternalRef { get; set; }
    public required string ScopePath { get; set; }
    public FeedbackKind Kind { get; set; }
    public required string Body { get; set; }
    public DeliveryChannel Channel { get; set; }

    /// <summary>The phone number, or the integration's work-order number.</summary>
    [Sensitive] public string? Recipient { get; set; }
    public MessageState State { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? Sender { get; set; }
    public string? LastError { get; set; }

    /// <summary>The claim a sender holds while delivering; another instance may take it over when it lapses.</summary>
    public DateTimeOffset? LockedUntil { get; set; }
}

/// <summary>A warning to a unit about a deadline (R-PL-08), shown in its inbox.</summary>
public sealed class StaffNotification : IScoped
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public required string ScopePath { get; set; }
    public Guid? DeadlineId { get; set; }
    public required string Kind { get; set; }
    public required string Text { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
}
