using Guanjia.App.Persistence;
using Guanjia.Domain.Common;
using Guanjia.Domain.Deadlines;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Appeals;

public sealed record TimelineEntry(DateTimeOffset At, string Kind, string Title, string? Detail, string? Actor, string? RuleId, bool? Late, Guid? RefId);

/// <summary>
/// The whole history of an appeal and its project: every state change from the audit trail, the
/// documents, the messages, and each deadline with whether it was met (issue 3 §7).
/// </summary>
public static class Timeline
{
    public static async Task<IReadOnlyList<TimelineEntry>> ForAppealAsync(GuanjiaDb db, TimeProvider clock, Guid appealId, CancellationToken ct)
    {
        var appeal = await db.Appeals.AsNoTracking().SingleOrDefaultAsync(a => a.Id == appealId, ct)
            ?? throw new NotFound("Appeal", "诉求不存在或不在您的管辖范围内", "The appeal does not exist or is outside your scope");
        return await BuildAsync(db, clock, appeal.Id, appeal.MicroProjectId ?? appeal.MicroWishId, ct);
    }

    public static async Task<IReadOnlyList<TimelineEntry>> ForProjectAsync(GuanjiaDb db, TimeProvider clock, Guid projectId, CancellationToken ct)
    {
        var p = await db.MicroProjects.AsNoTracking().SingleOrDefaultAsync(x => x.Id == projectId, ct)
            ?? throw new NotFound("MicroProject", "项目不存在或不在您的管辖范围内", "The project does not exist or is outside your scope");
        return await BuildAsync(db, clock, p.AppealId, p.Id, ct);
    }

    private static async Task<IReadOnlyList<TimelineEntry>> BuildAsync(GuanjiaDb db, TimeProvider clock, Guid appealId, Guid? projectId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var ids = new List<string> { appealId.ToString() };
        var subjects = new List<Guid> { appealId };
        if (projectId is { } pid) { ids.Add(pid.ToString()); subjects.Add(pid); }
        var entries = new List<TimelineEntry>();

        var audit = await db.AuditEntries.AsNoTracking()
            .Where(a => (a.EntityType == "Appeal" || a.EntityType == "MicroProject" || a.EntityType == "MicroWish") && ids.Contains(a.EntityId))
            .OrderBy(a => a.Seq).ToListAsync(ct);
        foreach (var a in audit)
        {
            var state = StateOf(a.After);
            entries.Add(new TimelineEntry(a.At, "step", ActionZh(a.Action), state is null ? a.Reason : $"→ {state}{(a.Reason is null ? "" : $"：{a.Reason}")}",
                a.ActorName, null, null, null));
        }
        foreach (var m in await db.AppealMessages.AsNoTracking().Where(m => m.AppealId == appealId)
                     .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).ToListAsync(ct))
            entries.Add(new TimelineEntry(m.CreatedAt, "message", $"反馈：{m.Kind}", m.Body, "system", null, null, m.Id));
        foreach (var d in await db.Deadlines.AsNoTracking().Where(d => subjects.Contains(d.SubjectId)).ToListAsync(ct))
        {
            var info = Obligations.All[d.Obligation];
            var status = d.StatusAt(now);
            entries.Add(new TimelineEntry(d.MetAt ?? d.CancelledAt ?? d.DueAt, "deadline", info.Zh, status switch
            {
                DeadlineStatus.Met => "按时完成",
                DeadlineStatus.MetLate => $"超期完成：{d.LateReason}",
                DeadlineStatus.Cancelled => $"已取消：{d.CancelReason}",
                DeadlineStatus.Overdue => "已超期，尚未完成",
                _ => $"截止 {Domain.Calendar.ChinaTime.ToLocal(d.DueAt):yyyy-MM-dd HH:mm}",
            }, null, d.RuleId, status is DeadlineStatus.MetLate or DeadlineStatus.Overdue, d.Id));
        }
        if (projectId is { } p)
            foreach (var at in await db.Attachments.AsNoTracking().Where(x => x.OwnerType == "MicroProject" && x.OwnerId == p).ToListAsync(ct))
                entries.Add(new TimelineEntry(at.UploadedAt, "document", $"上传：{MicroProjects.FileCompletion.KindZh(at.Kind)}", at.FileName, at.UploadedByName, null, null, at.Id));
        // At one instant the step comes first, then what it produced: documents, messages, the deadline it met.
        static int Rank(string kind) => kind switch { "step" => 0, "document" => 1, "message" => 2, _ => 3 };
        return entries.OrderBy(e => e.At).ThenBy(e => Rank(e.Kind)).ToList();
    }

    private static string? StateOf(string? json)
    {
        if (json is null) return null;
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        return doc.RootElement.TryGetProperty("State", out var s) ? s.ToString() : null;
    }

    private static string ActionZh(string action) => action switch
    {
        "ReceiveAppeal" => "录入诉求并交派到村（社区）",
        "ReceiveWorkOrder" => "接收12345工单并交派到村（社区）",
        "AcknowledgeAppeal" => "村（社区）接收诉求",
        "RecordCommitteeDecision" => "“两委”联席会议初步确认",
        "RecordConsultation" => "城乡社区协商会议",
        "RecordAssemblyVote" => "村（居）民（代表）会议表决",
        "FileRegistration" => "填报登记备案表",
        "ReviewProgrammeFunding" => "镇（街道）审核：由专项资金资助",
        "ReviewPolicyReferral" => "镇（街道）审核：转现行政策办理",
        "ReviewReturnToVillage" => "镇（街道）审核：退回村（社区）",
        "ReviewReject" => "镇（街道）审核：不予立项",
        "Publish" => "项目公示",
        "StartImplementation" => "组织实施",
        "Complete" => "项目完成",
        "FileCompletion" => "填报结项表",
        "FinishSurvey" => "录入满意度测评结果，项目办结",
        _ => action,
    };
}
