using Guanjia.App.Funds;
using Guanjia.App.Persistence;
using Guanjia.Domain.Accounts;
using Guanjia.Domain.Common;
using Guanjia.Domain.Deadlines;
using Guanjia.Domain.Funds;
using Guanjia.Domain.MicroWishes;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Appeals;

/// <summary>
/// One line of a history. A deadline carries its <see cref="Status"/> and, while open, the seconds left (negative once
/// overdue); a payment its amount in fen.
/// </summary>
public sealed record TimelineEntry(DateTimeOffset At, string Kind, string Title, string? Detail, string? Actor, string? RuleId, bool? Late, Guid? RefId,
    DeadlineStatus? Status = null, long? SecondsLeft = null, long? AmountFen = null);

/// <summary>
/// The whole history of an appeal and its project or wish: every state change from the audit trail, the
/// documents, the messages, each deadline with whether it was met (issue 3 §7), and the ledger's payments.
/// The appeal's, the project's and the wish's timelines are the same list, built here once.
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

    /// <summary>The wish's history with the appeal it came from (R-MW-02..05): scope as the wish's own read, 404 outside it.</summary>
    public static async Task<IReadOnlyList<TimelineEntry>> ForWishAsync(GuanjiaDb db, TimeProvider clock, Guid wishId, CancellationToken ct)
    {
        var w = await db.MicroWishes.AsNoTracking().SingleOrDefaultAsync(x => x.Id == wishId, ct)
            ?? throw new NotFound("MicroWish", "微心愿不存在或不在您的管辖范围内", "The wish does not exist or is outside your scope");
        return await BuildAsync(db, clock, w.AppealId, w.Id, ct);
    }

    /// <param name="subjectId">The project or wish the appeal became, if any.</param>
    private static async Task<IReadOnlyList<TimelineEntry>> BuildAsync(GuanjiaDb db, TimeProvider clock, Guid appealId, Guid? subjectId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var ids = new List<string> { appealId.ToString() };
        var subjects = new List<Guid> { appealId };
        if (subjectId is { } sid) { ids.Add(sid.ToString()); subjects.Add(sid); }
        var entries = new List<TimelineEntry>();

        var audit = await db.AuditEntries.AsNoTracking()
            .Where(a => (a.EntityType == "Appeal" || a.EntityType == "MicroProject" || a.EntityType == "MicroWish") && ids.Contains(a.EntityId))
            .OrderBy(a => a.Seq).ToListAsync(ct);
        // A payment's audit entry only moves the running paid amount; the ledger's own entry below says what was paid.
        foreach (var a in audit.Where(a => a.Action is not ("MakeFundPayment" or "ReverseLedgerEntry")))
        {
            var state = StateOf(a.After);
            // One meeting writes two entries, the appeal's and the record it creates: the second says what was made.
            var row = WorkflowCatalog.Describe(a.EntityType, a.Action, state);
            var title = (a.Action, a.EntityType) switch
            {
                ("RecordCommitteeDecision", "MicroProject") => "建立“民生微实事”项目",
                ("RecordCommitteeDecision", "MicroWish") => "登记“民生微心愿”，报镇（街道）核实",
                _ => row?.Zh ?? ActionZh(a.Action),
            };
            entries.Add(new TimelineEntry(a.At, "step", title, state is null ? a.Reason : $"→ {state}{(a.Reason is null ? "" : $"：{a.Reason}")}",
                a.ActorName, row?.Rule ?? StepRule(a.Action), null, null));
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
            }, null, d.RuleId, status is DeadlineStatus.MetLate or DeadlineStatus.Overdue, d.Id, status,
                d.IsOpen ? (long)(d.DueAt - now).TotalSeconds : null));
        }
        if (subjectId is { } p)
        {
            foreach (var at in await db.Attachments.AsNoTracking()
                         .Where(x => (x.OwnerType == "MicroProject" || x.OwnerType == "MicroWish") && x.OwnerId == p).ToListAsync(ct))
                entries.Add(new TimelineEntry(at.UploadedAt, "document", $"上传：{MicroProjects.FileCompletion.KindZh(at.Kind)}", at.FileName, at.UploadedByName, null, null, at.Id));
            entries.AddRange(await PaymentsAsync(db, p, ct));
        }
        // At one instant the step comes first, then what it produced: documents, messages, payments, the deadline it met.
        static int Rank(string kind) => kind switch { "step" => 0, "document" => 1, "message" => 2, "payment" => 3, _ => 4 };
        return entries.OrderBy(e => e.At).ThenBy(e => Rank(e.Kind)).ToList();
    }

    /// <summary>
    /// The ledger's payments to the project or wish and their reversals, as far as the caller sees the ledger (R-FD-06). The payee
    /// of a wish may be the person helped: only the town staff handling it read the name in clear, as with the wish's beneficiary.
    /// </summary>
    private static async Task<IEnumerable<TimelineEntry>> PaymentsAsync(GuanjiaDb db, Guid targetId, CancellationToken ct)
    {
        var handles = db.Actor.Has(Permissions.ProjectsTown);
        var entries = await LedgerQueries.AllAsync(db, new LedgerQueries.Filter(TargetId: targetId), ct);
        return entries.Where(e => e.Kind is EntryKind.Payment or EntryKind.Reversal).Select(e =>
        {
            var sources = string.Join("、", e.Lines.Select(l => l.SourceZh).Distinct());
            var payee = string.IsNullOrEmpty(e.Payee) ? null : handles || e.TargetKind != PaymentTarget.Wish ? e.Payee : Masking.Name(e.Payee);
            var detail = string.Join(" · ", new[] { $"{e.AmountFen / 100m:0.00}元", sources, e.Description, payee }.Where(x => !string.IsNullOrEmpty(x)));
            var reversal = e.Kind == EntryKind.Reversal;
            return new TimelineEntry(e.At, "payment", reversal ? "台账冲正" : "资金支付", detail, e.ByName, "R-FD-06", null, e.Id,
                AmountFen: reversal ? -e.AmountFen : e.AmountFen);
        });
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
        "SubmitPublicAppeal" => "群众在门户提交诉求，交派到村（社区）",
        "RecordSurveyResponse" => "录入满意度测评表",
        "ClosePartlyClaimed" => "认领期结束，已认领份额保留",
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
        "VerifyWishVerified" => "镇（街道）核查微心愿：通过",
        "VerifyWishPolicyReferral" => "镇（街道）核查微心愿：转现行政策办理",
        "VerifyWishReject" => "镇（街道）核查微心愿：不予受理",
        "DecideWish" => "专家评审或联席会议确定办理方式",
        "CompleteWish" => "微心愿办理完成",
        "CloseWish" => "反馈微心愿办理结果，办结",
        "ConnectClaim" => "对接认领方与受助方，启动办理",
        "ReturnUnclaimed" => "无人认领，纳入专项资金办理",
        _ => action,
    };

    /// <summary>The rule a wish's step follows, from the wish's transition table (its first rule ID); other steps name none yet.</summary>
    private static string? StepRule(string action)
    {
        var step = action switch
        {
            _ when action.StartsWith("VerifyWish", StringComparison.Ordinal) => "Verify",
            "DecideWish" => "Decide",
            "CompleteWish" => "Complete",
            "CloseWish" => "Close",
            "ConnectClaim" or "ReturnUnclaimed" => action,
            _ => null,
        };
        return step is null ? null : WishWorkflow.Table.FirstOrDefault(t => t.Action == step)?.Rule.Split(',')[0].Trim();
    }
}
