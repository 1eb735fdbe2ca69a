using Guanjia.App.Persistence;
using Guanjia.Domain.Calendar;
using Guanjia.Domain.Common;
using Guanjia.Domain.Deadlines;
using Guanjia.Domain.Purchasing;

namespace Guanjia.App.Purchasing;

/// <summary>
/// R-PS-05: the contractor accepts inspection by civil affairs, finance and audit; the bureau records each inspection with its findings.
/// R-PS-06: each finding becomes a rectification owed by the contractor by its due date.
/// </summary>
public static class RecordInspection
{
    public sealed record Request(InspectionBody? Body, string? InspectedOn, string? Inspectors, string? Summary, IReadOnlyList<Finding>? Findings);

    public static async Task<InspectionView> HandleAsync(GuanjiaDb db, PurchasingServices s, Guid contractId, Request r, CancellationToken ct)
    {
        PurchasingSteps.RequireManage(db);
        var contract = await PurchasingSteps.ContractAsync(db, contractId, ct, tracking: false);
        var today = PurchasingSteps.Today(s.Clock);
        var c = new Check()
            .When(r.Body is null || !Enum.IsDefined(r.Body.Value), "body", "required", "请选择检查部门（民政、财政、审计）（R-PS-05）",
                "body must be CivilAffairs, Finance or Audit (R-PS-05)")
            .MaxLength("inspectors", r.Inspectors, 200, "检查人员", "Inspectors")
            .Required("summary", r.Summary, "检查情况", "Summary").MaxLength("summary", r.Summary, 2000, "检查情况", "Summary");
        var on = PurchasingSteps.Date(c, "inspectedOn", r.InspectedOn, "检查日期", "inspectedOn");
        c.When(on is { } d && d > today, "inspectedOn", "in_future", "检查日期不能晚于今天", "inspectedOn cannot be in the future");
        CheckFindings(c, r.Findings ?? [], today);
        c.ThrowIfFailed();
        var inspection = new Inspection
        {
            Id = Guid.CreateVersion7(), ContractId = contract.Id, ScopePath = contract.ScopePath, Body = r.Body!.Value, InspectedOn = on!.Value,
            Inspectors = string.IsNullOrWhiteSpace(r.Inspectors) ? null : r.Inspectors.Trim(), Summary = r.Summary!.Trim(), FindingCount = r.Findings?.Count ?? 0,
            RecordedAt = s.Clock.GetUtcNow(), RecordedByName = db.Actor.Name,
        };
        db.Inspections.Add(inspection);
        foreach (var f in r.Findings ?? []) await RectifyAsync(db, s, contract, FindingSource.Inspection, inspection.Id, f, ct);
        await db.Audit("RecordInspection").SaveChangesAsync(ct);
        return await PurchasingQueries.InspectionAsync(db, inspection.Id, ct);
    }

    internal static void CheckFindings(Check c, IReadOnlyList<Finding> findings, DateOnly today, string field = "findings")
    {
        c.When(findings.Count > 50, field, "too_many", "问题最多50项", "At most 50 findings");
        for (var i = 0; i < findings.Count; i++)
            c.Required($"{field}[{i}].description", findings[i].Description, "发现的问题", "Finding")
                .MaxLength($"{field}[{i}].description", findings[i].Description, 1000, "发现的问题", "Finding")
                .When(findings[i].DueOn is null, $"{field}[{i}].dueOn", "required", "请填写整改期限（R-PS-06）", "dueOn is required (R-PS-06)")
                .When(findings[i].DueOn is { } d && d < today, $"{field}[{i}].dueOn", "in_past", "整改期限不能早于今天", "dueOn cannot be in the past")
                .MaxLength($"{field}[{i}].penaltyClause", findings[i].PenaltyClause, 20, "违约条款", "Penalty clause");
    }

    /// <summary>A finding tracked to its correction: the rectification row and the contractor's deadline, due at the end of its day.</summary>
    internal static async Task<Rectification> RectifyAsync(GuanjiaDb db, PurchasingServices s, ServiceContract contract, FindingSource source, Guid sourceId,
        Finding f, CancellationToken ct)
    {
        var now = s.Clock.GetUtcNow();
        var rect = new Rectification
        {
            Id = Guid.CreateVersion7(), ContractId = contract.Id, ScopePath = contract.ScopePath, Source = source, SourceId = sourceId,
            Finding = f.Description!.Trim(), DueOn = f.DueOn!.Value, CreatedAt = now,
        };
        db.Rectifications.Add(rect);
        await s.Workflow.FireAsync(db, PurchasingWorkflows.Rectification, rect, "Open", null, s.Workflow.At(), ct);
        StartDeadline(db, s, contract, rect, now);
        return rect;
    }

    internal static void StartDeadline(GuanjiaDb db, PurchasingServices s, ServiceContract contract, Rectification rect, DateTimeOffset now)
    {
        var due = ChinaTime.EndOfDay(rect.DueOn);
        var text = rect.Finding.Length > 40 ? rect.Finding[..40] + "…" : rect.Finding;
        s.Deadlines.StartAt(db, Obligations.Rectification, new Deadlines.DeadlineBook.Subject(nameof(Rectification), rect.Id, $"{contract.Number}·整改：{text}",
            contract.ScopePath), contract.ContractorId, now, due, now + (due - now) / 2);
    }
}
