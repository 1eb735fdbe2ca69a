using Guanjia.App.Attachments;
using Guanjia.App.MicroProjects;
using Guanjia.App.Persistence;
using Guanjia.Domain.Accounts;
using Guanjia.Domain.Common;
using Guanjia.Domain.Purchasing;

namespace Guanjia.App.Purchasing;

/// <summary>Files kept with a contract: the signed agreement, the contractor's reports, rectification evidence (R-PL-05).</summary>
public static class UploadContractDocument
{
    public static async Task<AttachmentView> HandleAsync(GuanjiaDb db, TimeProvider clock, AttachmentLimits limits, Guid contractId, UploadAttachment.Request r,
        CancellationToken ct)
    {
        if (!db.Actor.Has(Permissions.PurchasingManage) && !db.Actor.Has(Permissions.PurchasingReport))
            throw new Forbidden("您的角色不能上传合同材料", "Your role may not upload contract documents");
        var contract = await PurchasingSteps.ContractAsync(db, contractId, ct, tracking: false);
        var a = await UploadAttachment.StoreAsync(db, clock, limits, nameof(ServiceContract), contract.Id, contract.ScopePath, r, ct);
        return ProjectQueries.ToView(a);
    }
}
