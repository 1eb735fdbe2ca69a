using Guanjia.App.Persistence;
using Guanjia.Domain.Attachments;
using Guanjia.Domain.Common;
using Guanjia.Domain.Feedback;
using Guanjia.Domain.Stations;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Stations;

/// <summary>
/// After the service the station head collects the service point's records, uploads them and files them with
/// the town lead department (R-ST-08). Without an uploaded service record it is refused.
/// </summary>
public static class FileReferralRecords
{
    public sealed record Request(int? Version);

    public static async Task<ReferralView> HandleAsync(GuanjiaDb db, Common.WorkflowRunner workflow, Guid id, Request r, CancellationToken ct)
    {
        var referral = await StationSteps.ReferralAsync(db, id, ct);
        Common.WorkflowGate.Check(db, InclusiveReferralWorkflow.Workflow, referral, "FileRecords", InclusiveReferralWorkflow.Zh(referral.State), r.Version,
            referral.Version, "转介记录", "referral");
        var records = await db.Attachments.AsNoTracking().CountAsync(a => a.OwnerType == nameof(InclusiveServiceReferral) && a.OwnerId == id
            && a.Kind == AttachmentKind.ServiceRecord, ct);
        new Check().When(records == 0, "attachments", "required", "请先上传社工服务点在服务过程中形成的档案记录",
            "Upload the service point's service records (kind ServiceRecord) first (R-ST-08)").ThrowIfFailed();
        var now = workflow.Now;
        await workflow.FireAsync(db, InclusiveReferralWorkflow.Workflow, referral, "FileRecords", null, workflow.At(), ct);
        referral.FiledAt = now;
        var village = await db.Organizations.AsNoTracking().Where(o => o.Id == referral.VillageId).Select(o => o.Name).SingleAsync(ct);
        db.StaffNotifications.Add(new StaffNotification
        {
            Id = Guid.CreateVersion7(), OrganizationId = referral.TownId, ScopePath = referral.ScopePath, Kind = "InclusiveServiceRecords", CreatedAt = now,
            Text = $"{village}“莞家驿站”报送普惠型个人服务档案（{records}份），请备案。",
        });
        await db.Audit("FileReferralRecords").SaveChangesAsync(ct);
        return await StationQueries.GetReferralAsync(db, referral.Id, ct);
    }
}
