using Guanjia.App.Persistence;
using Guanjia.Domain.Attachments;
using Guanjia.Domain.Calendar;
using Guanjia.Domain.Common;
using Guanjia.Domain.Stations;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Stations;

/// <summary>
/// The village fills in the 采购备案表 of a purchased or packaged item once it has procured the service and
/// signed the agreement (R-ST-05): the procurement method, the supplier (the item's operator when it has one,
/// R-ST-04), the amount — the item's agreed fee, or another with the reason for the difference (R-ST-10) — and the signed agreement. An edit of a draft the supervisory committee has already
/// reviewed clears that opinion: the committee reviews what is filed.
/// </summary>
public static class DraftProcurementFiling
{
    public sealed record Request(ProcurementMethod? Method, string? MethodOther, Guid? SupplierId, string? SupplierName, long? AmountFen,
        DateOnly? AgreementSignedOn, Guid? AgreementAttachmentId, int? Version, string? DifferenceReason = null);

    public static async Task<FilingView> CreateAsync(GuanjiaDb db, Common.WorkflowRunner workflow, Guid itemId, Request r, CancellationToken ct)
    {
        var item = await StationSteps.ItemAsync(db, itemId, ct, tracking: false);
        StationSteps.RequireManage(db);
        if (!item.NeedsProcurement)
            throw new Conflict("无偿提供服务的项目无须采购备案", "A free-service item is not procured and needs no procurement filing");
        if (await db.ProcurementFilings.AnyAsync(f => f.ItemId == itemId, ct))
            throw new Conflict("该项目已填写采购备案表", "The item already has a procurement filing");
        var now = workflow.Now;
        var f = new ProcurementFiling
        {
            Id = Guid.CreateVersion7(), ItemId = item.Id, StationId = item.StationId, VillageId = item.VillageId, TownId = item.TownId,
            ScopePath = item.ScopePath, SupplierName = "", CreatedAt = now,
        };
        await ValidateAndApplyAsync(db, workflow, item, f, r, ct);
        db.ProcurementFilings.Add(f);
        await workflow.FireAsync(db, ProcurementWorkflow.Workflow, f, "Draft", null, workflow.At(), ct);
        await db.Audit("DraftProcurementFiling").SaveChangesAsync(ct);
        return await StationQueries.GetFilingAsync(db, f.Id, ct);
    }

    public static async Task<FilingView> UpdateAsync(GuanjiaDb db, Common.WorkflowRunner workflow, Guid id, Request r, CancellationToken ct)
    {
        var f = await StationSteps.FilingAsync(db, id, ct);
        Common.WorkflowGate.Check(db, ProcurementWorkflow.Workflow, f, "Edit", ProcurementWorkflow.Zh(f.State), null, f.Version, "采购备案表", "filing");
        StationSteps.RequireEditOf(r.Version, f.Version);
        var item = await StationSteps.ItemAsync(db, f.ItemId, ct, tracking: false);
        await ValidateAndApplyAsync(db, workflow, item, f, r, ct);
        var reviewed = f.OpinionText is not null;
        if (reviewed && db.Entry(f).Properties.Any(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)))
        {
            f.OpinionText = f.OpinionBy = null;
            f.OpinionOn = null;
            f.OpinionById = null;
            f.OpinionAt = null;
        }
        await workflow.FireAsync(db, ProcurementWorkflow.Workflow, f, "Edit", null, workflow.At(), ct);
        await db.Audit("UpdateProcurementFiling").SaveChangesAsync(ct);
        return await StationQueries.GetFilingAsync(db, f.Id, ct);
    }

    private static async Task ValidateAndApplyAsync(GuanjiaDb db, Common.WorkflowRunner workflow, StationItem item, ProcurementFiling f, Request r,
        CancellationToken ct)
    {
        var today = ChinaTime.LocalDate(workflow.Now);
        var c = new Check()
            .When(r.Method is null || !Enum.IsDefined(r.Method.Value), "method", "required", "请选择采购方式", "method is required")
            .When(r.Method == ProcurementMethod.Other && string.IsNullOrWhiteSpace(r.MethodOther), "methodOther", "required", "请写明采购方式",
                "Name the procurement method when it is Other")
            .MaxLength("methodOther", r.MethodOther, 100, "采购方式", "Method")
            .MaxLength("supplierName", r.SupplierName, 100, "承接服务方", "Supplier")
            .When(r.AmountFen is null or <= 0, "amountFen", "required", "请填写采购金额（单位：分）", "amountFen must be a positive amount in fen")
            .When(r.AgreementSignedOn is null, "agreementSignedOn", "required", "请填写购买服务协议签订日期", "agreementSignedOn is required")
            .When(r.AgreementSignedOn > today, "agreementSignedOn", "in_future", "协议签订日期不能晚于今天", "agreementSignedOn cannot be in the future")
            .When(r.AgreementAttachmentId is null, "agreementAttachmentId", "required", "请上传并选择已签订的购买服务协议", "agreementAttachmentId is required")
            .MaxLength("differenceReason", r.DifferenceReason, 500, "差额说明", "Difference reason");
        // R-ST-10: the procured amount agrees with the fee the consultation agreed, or the difference is explained (and the town confirms it).
        var differs = r.AmountFen is > 0 && r.AmountFen != item.AmountFen;
        c.When(differs && string.IsNullOrWhiteSpace(r.DifferenceReason), "differenceReason", "amount_differs",
            $"采购金额{r.AmountFen / 100m:0.00}元与协商确定的服务费用{(item.AmountFen ?? 0) / 100m:0.00}元不一致，请说明差额原因（报镇（街道）备案时确认）",
            $"The amount ({r.AmountFen} fen) differs from the item's agreed fee ({item.AmountFen} fen): explain the difference, which the town confirms when it records the filing (R-ST-10)");
        if (r.AgreementAttachmentId is { } aid
            && !await StationSteps.HasAttachmentsAsync(db, nameof(StationItem), item.Id, [aid], AttachmentKind.Contract, ct))
            c.Add("agreementAttachmentId", "unknown_attachment", "协议附件不存在、不属于本项目或类型不是合同（服务协议）",
                "The agreement must be a Contract attachment of this item");

        // R-ST-04: an item that goes to an operator is procured from that operator.
        string? supplierName = r.SupplierName?.Trim();
        var supplierId = r.SupplierId;
        if (item.OperatorId is { } op)
        {
            c.When(supplierId is not null && supplierId != op, "supplierId", "not_item_operator",
                "承接服务方应为协商确定的承接方", "The supplier must be the operator the consultation chose for the item");
            supplierId = op;
            supplierName = await db.Organizations.AsNoTracking().Where(o => o.Id == op).Select(o => o.Name).SingleAsync(ct);
        }
        else if (supplierId is not null)
        {
            var org = await StationSteps.OperatorAsync(db, supplierId, ct);
            c.When(org is null, "supplierId", "not_an_operator", "承接服务方须为在册的社会组织", "The supplier must be a registered contractor or social-work service point");
            supplierName = org?.Name;
        }
        else c.Required("supplierName", supplierName, "承接服务方", "Supplier");
        c.ThrowIfFailed();

        f.Method = r.Method!.Value;
        f.MethodOther = r.Method == ProcurementMethod.Other ? r.MethodOther!.Trim() : null;
        f.SupplierId = supplierId;
        f.SupplierName = supplierName!;
        f.AmountFen = r.AmountFen!.Value;
        f.AgreementSignedOn = r.AgreementSignedOn!.Value;
        f.AgreementAttachmentId = r.AgreementAttachmentId!.Value;
        f.DifferenceReason = differs ? r.DifferenceReason!.Trim() : null;
    }

    /// <summary>R-ST-10: the filing's amount differs from the item's agreed fee.</summary>
    internal static bool Differs(ProcurementFiling f, StationItem item) => f.AmountFen != item.AmountFen;
}
