using Guanjia.App.Persistence;
using Guanjia.Domain.Accounts;
using Guanjia.Domain.Common;
using Guanjia.Domain.Organizations;
using Guanjia.Domain.Stations;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Stations;

/// <summary>
/// What the station use cases share. Every step checks in the same order as the micro-project steps: the
/// record must be in the caller's scope (404), the caller must hold the step's permission (403), the record
/// must be in a state the step accepts (409) and, when the client sends <c>version</c>, at that version (409);
/// only then are the fields checked (400), all at once, before anything is saved.
/// </summary>
internal static class StationSteps
{
    public static void Require(GuanjiaDb db, string permission, string zh, string en)
    {
        if (!db.Actor.Has(permission)) throw new Forbidden(zh, en);
    }

    /// <summary>An edit (PUT) must say which version it edits, as every PUT of the API does.</summary>
    public static void RequireEditOf(int? sent, int current)
    {
        if (sent is null) throw new ValidationFailed("version", "required", "请提交所修改记录的版本号", "version is required");
        RequireVersion(sent, current);
    }

    public static void RequireVersion(int? sent, int current)
    {
        if (sent is { } v && v != current)
            throw new Conflict("记录已被他人修改，请刷新后重试", "The record was changed by someone else; reload and try again");
    }

    /// <summary>The caller's own village: only a village's staff and station head do the village's station steps.</summary>
    public static async Task<Organization> ActorVillageAsync(GuanjiaDb db, CancellationToken ct)
    {
        var org = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == db.Actor.OrganizationId, ct);
        if (org is null || !org.IsVillageLevel || org.ParentId is null)
            throw new Forbidden("只有村（社区）可以登记驿站", "Only a village or community registers its stations");
        return org;
    }

    public static async Task<Station> StationAsync(GuanjiaDb db, Guid id, CancellationToken ct, bool tracking = true)
    {
        var q = tracking ? db.Stations : db.Stations.AsNoTracking();
        return await q.SingleOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFound("Station", "驿站不存在或不在您的管辖范围内", "The station does not exist or is outside your scope");
    }

    public static async Task<StationItem> ItemAsync(GuanjiaDb db, Guid id, CancellationToken ct, bool tracking = true)
    {
        var q = tracking ? db.StationItems : db.StationItems.AsNoTracking();
        return await q.SingleOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFound("StationItem", "驿站服务项目不存在或不在您的管辖范围内", "The station item does not exist or is outside your scope");
    }

    public static async Task<ProcurementFiling> FilingAsync(GuanjiaDb db, Guid id, CancellationToken ct)
        => await db.ProcurementFilings.SingleOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFound("ProcurementFiling", "采购备案表不存在或不在您的管辖范围内", "The procurement filing does not exist or is outside your scope");

    public static async Task<InclusiveServiceReferral> ReferralAsync(GuanjiaDb db, Guid id, CancellationToken ct)
        => await db.InclusiveServiceReferrals.SingleOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFound("InclusiveServiceReferral", "转介记录不存在或不在您的管辖范围内", "The referral does not exist or is outside your scope");

    public static void RequireManage(GuanjiaDb db) =>
        Require(db, Permissions.StationsManage, "只有本村（社区）工作人员或驿站负责人可以办理", "Only the village's staff or station head may do this");

    /// <summary>An operator is a social organisation in the tree: a contractor or a social-work service point.</summary>
    public static async Task<Organization?> OperatorAsync(GuanjiaDb db, Guid? id, CancellationToken ct) =>
        id is null ? null : await db.Organizations.AsNoTracking()
            .SingleOrDefaultAsync(o => o.Id == id && o.IsActive && (o.Kind == OrganizationKind.Contractor || o.Kind == OrganizationKind.SocialWorkPoint), ct);

    /// <summary>Checks that the given ids are the record's attachments of the kind asked for.</summary>
    public static async Task<bool> HasAttachmentsAsync(GuanjiaDb db, string ownerType, Guid ownerId, IReadOnlyCollection<Guid> ids,
        Domain.Attachments.AttachmentKind kind, CancellationToken ct)
    {
        var distinct = ids.Distinct().ToList();
        var found = await db.Attachments.AsNoTracking()
            .CountAsync(a => distinct.Contains(a.Id) && a.OwnerType == ownerType && a.OwnerId == ownerId && a.Kind == kind, ct);
        return found == distinct.Count;
    }

    public static bool AllDefined<T>(IEnumerable<T>? values) where T : struct, Enum => values is null || values.All(v => Enum.IsDefined(v));
}
