using Guanjia.App.Persistence;
using Guanjia.Domain.Accounts;
using Guanjia.Domain.Common;
using Guanjia.Domain.Deadlines;
using Guanjia.Domain.Purchasing;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Purchasing;

/// <summary>
/// R-PS-06 (004 九: 针对发现的问题，要及时组织整改): the contractor submits its evidence that a finding was put right (late only with a
/// reason), and the bureau closes the rectification (销号) or sends it back with a new due date.
/// </summary>
public static class Rectifications
{
    public sealed record Evidence(string? Text, IReadOnlyList<Guid>? AttachmentIds, string? LateReason, int? Version);

    public sealed record Review(bool? Accepted, string? Note, string? NewDueOn, int? Version);

    public static async Task<RectificationView> SubmitEvidenceAsync(GuanjiaDb db, PurchasingServices s, Guid id, Evidence r, CancellationToken ct)
    {
        PurchasingSteps.Require(db, Permissions.PurchasingReport, "只有承接方可以提交整改材料", "Only the contractor submits rectification evidence");
        var rect = await LoadAsync(db, id, r.Version, ct);
        if (!PurchasingWorkflows.Rectification.Allows(rect, "SubmitEvidence")) throw new Conflict("该整改已提交材料或已销号", "The rectification is not open");
        var contract = await PurchasingSteps.ContractAsync(db, rect.ContractId, ct, tracking: false);
        var c = new Check().Required("text", r.Text, "整改情况", "Evidence").MaxLength("text", r.Text, 2000, "整改情况", "Evidence")
            .When(r.AttachmentIds is { Count: > 10 }, "attachmentIds", "too_many", "佐证材料最多10份", "At most 10 files");
        for (var i = 0; i < (r.AttachmentIds?.Count ?? 0); i++)
            await FileReport.CheckAttachmentAsync(db, c, contract, r.AttachmentIds![i], required: true, ct, $"attachmentIds[{i}]");
        c.ThrowIfFailed();
        await s.Workflow.FireAsync(db, PurchasingWorkflows.Rectification, rect, "SubmitEvidence", null, s.Workflow.At(lateReason: r.LateReason), ct);
        rect.Evidence = r.Text!.Trim();
        rect.EvidenceAttachmentIds = r.AttachmentIds is { Count: > 0 } ids ? string.Join(',', ids) : null;
        rect.EvidenceAt = s.Clock.GetUtcNow();
        await db.Audit("SubmitRectificationEvidence", r.LateReason).SaveChangesAsync(ct);
        return await PurchasingQueries.RectificationAsync(db, s.Clock, rect.Id, ct);
    }

    public static async Task<RectificationView> ReviewAsync(GuanjiaDb db, PurchasingServices s, Guid id, Review r, CancellationToken ct)
    {
        PurchasingSteps.RequireManage(db);
        var rect = await LoadAsync(db, id, r.Version, ct);
        if (!PurchasingWorkflows.Rectification.Allows(rect, "Review")) throw new Conflict("承接方尚未提交整改材料", "The contractor has not submitted evidence");
        var c = new Check().When(r.Accepted is null, "accepted", "required", "请选择通过销号或退回重新整改", "accepted is required")
            .MaxLength("note", r.Note, 500, "审核意见", "Note")
            .When(r.Accepted == false && string.IsNullOrWhiteSpace(r.Note), "note", "required", "退回整改须说明原因", "Say why the evidence is not enough");
        var due = r.Accepted == false ? PurchasingSteps.Date(c, "newDueOn", r.NewDueOn, "新的整改期限", "newDueOn") : null;
        c.When(due is { } d && d < PurchasingSteps.Today(s.Clock), "newDueOn", "in_past", "整改期限不能早于今天", "newDueOn cannot be in the past");
        c.ThrowIfFailed();
        var now = s.Clock.GetUtcNow();
        if (r.Accepted == true)
        {
            await s.Workflow.FireAsync(db, PurchasingWorkflows.Rectification, rect, "Review", "Closed", s.Workflow.At(reason: r.Note), ct);
            rect.ClosedAt = now;
            rect.ClosedByName = db.Actor.Name;
            rect.ClosureNote = string.IsNullOrWhiteSpace(r.Note) ? null : r.Note.Trim();
        }
        else
        {
            await s.Workflow.FireAsync(db, PurchasingWorkflows.Rectification, rect, "Review", "Returned", s.Workflow.At(reason: r.Note), ct);
            rect.DueOn = due!.Value;
            rect.ClosureNote = r.Note!.Trim();
            var contract = await PurchasingSteps.ContractAsync(db, rect.ContractId, ct, tracking: false);
            RecordInspection.StartDeadline(db, s, contract, rect, now);
        }
        await db.Audit(r.Accepted == true ? "CloseRectification" : "ReturnRectification", r.Note).SaveChangesAsync(ct);
        return await PurchasingQueries.RectificationAsync(db, s.Clock, rect.Id, ct);
    }

    private static async Task<Rectification> LoadAsync(GuanjiaDb db, Guid id, int? version, CancellationToken ct)
    {
        var rect = await db.Rectifications.SingleOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFound("Rectification", "整改事项不存在或不在您的管辖范围内", "The rectification does not exist or is outside your scope");
        if (version is { } v && v != rect.Version) throw new Conflict("整改事项已被他人处理，请刷新后重试", "The rectification was changed by someone else; reload and retry");
        return rect;
    }
}
