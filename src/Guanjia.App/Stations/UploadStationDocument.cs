using Guanjia.App.Attachments;
using Guanjia.App.MicroProjects;
using Guanjia.App.Persistence;
using Guanjia.Domain.Common;
using Guanjia.Domain.Stations;

namespace Guanjia.App.Stations;

/// <summary>
/// Files kept with a station item (the service agreement, the stamped procurement filing form, photos) and
/// with a referral (the social-work service point's service records, R-ST-08), typed and size-limited (R-PL-05).
/// </summary>
public static class UploadStationDocument
{
    public static async Task<AttachmentView> ToItemAsync(GuanjiaDb db, TimeProvider clock, AttachmentLimits limits, Guid itemId,
        UploadAttachment.Request r, CancellationToken ct)
    {
        var item = await StationSteps.ItemAsync(db, itemId, ct, tracking: false);
        StationSteps.RequireManage(db);
        var a = await UploadAttachment.StoreAsync(db, clock, limits, nameof(StationItem), item.Id, item.ScopePath, r, ct);
        return ProjectQueries.ToView(a);
    }

    public static async Task<AttachmentView> ToReferralAsync(GuanjiaDb db, TimeProvider clock, AttachmentLimits limits, Guid referralId,
        UploadAttachment.Request r, CancellationToken ct)
    {
        var referral = await StationSteps.ReferralAsync(db, referralId, ct);
        StationSteps.RequireManage(db);
        if (referral.State == ReferralState.Filed)
            throw new Conflict("服务档案已报镇（街道）备案，不能再上传", "The records are filed with the town; nothing more can be added");
        var a = await UploadAttachment.StoreAsync(db, clock, limits, nameof(InclusiveServiceReferral), referral.Id, referral.ScopePath, r, ct);
        return ProjectQueries.ToView(a);
    }
}
