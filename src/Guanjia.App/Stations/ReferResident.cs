using Guanjia.App.Persistence;
using Guanjia.Domain.Common;
using Guanjia.Domain.Organizations;
using Guanjia.Domain.Stations;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Stations;

/// <summary>
/// An inclusive personal service (R-ST-08): the station head connects the resident with a social-work service
/// point from the city's directory, which serves free of charge. The resident's name and phone are personal
/// data: shown only to the village's handling staff and masked in the audit trail.
/// </summary>
public static class ReferResident
{
    public sealed record Request(Guid? StationId, Guid? SocialWorkPointId, string? ResidentName, string? ResidentPhone, InclusiveService? Service,
        string? Need, Guid? AppealId);

    public static async Task<ReferralView> HandleAsync(GuanjiaDb db, Common.WorkflowRunner workflow, Request r, CancellationToken ct)
    {
        StationSteps.RequireManage(db);
        var village = await StationSteps.ActorVillageAsync(db, ct);
        var c = new Check()
            .When(r.SocialWorkPointId is null, "socialWorkPointId", "required", "请选择对接的社工服务点", "socialWorkPointId is required")
            .Required("residentName", r.ResidentName, "服务对象姓名", "Resident's name").MaxLength("residentName", r.ResidentName, 50, "姓名", "Name")
            .Required("residentPhone", r.ResidentPhone, "服务对象联系电话", "Resident's phone").MaxLength("residentPhone", r.ResidentPhone, 40, "联系电话", "Phone")
            .When(!string.IsNullOrWhiteSpace(r.ResidentPhone) && !SaveStation.LooksLikePhone(r.ResidentPhone), "residentPhone", "invalid",
                "联系电话格式不正确", "The phone number is not valid")
            .When(r.Service is null || !Enum.IsDefined(r.Service.Value), "service", "required", "请选择服务类型", "service is required")
            .Required("need", r.Need, "服务需求", "Need").MaxLength("need", r.Need, 2000, "服务需求", "Need");
        if (r.StationId is { } sid && !await db.Stations.AnyAsync(s => s.Id == sid && s.VillageId == village.Id && s.IsActive, ct))
            c.Add("stationId", "unknown_station", "驿站不存在或不属于本村（社区）", "The station does not exist or is not this village's");
        if (r.SocialWorkPointId is { } pid)
        {
            var point = await db.Organizations.AsNoTracking()
                .SingleOrDefaultAsync(o => o.Id == pid && o.Kind == OrganizationKind.SocialWorkPoint && o.IsActive, ct);
            if (point is null)
                c.Add("socialWorkPointId", "not_a_social_work_point", "请从全市社工服务点名录中选择", "Choose a social-work service point of the city's directory");
            var services = await db.SocialWorkPointProfiles.AsNoTracking().Where(p => p.OrganizationId == pid).Select(p => p.Services)
                .SingleOrDefaultAsync(ct);
            if (point is not null && services is not null && r.Service is { } svc && svc != InclusiveService.Other
                && !StationTerms.Split<InclusiveService>(services).Contains(svc))
                c.Add("service", "not_offered", $"{point.Name}不提供该服务，请选择其他社工服务点", "That service point does not offer this service");
        }
        if (r.AppealId is { } aid && !await db.Appeals.AnyAsync(a => a.Id == aid && a.VillageId == village.Id, ct))
            c.Add("appealId", "unknown_appeal", "诉求不存在或不属于本村（社区）", "The appeal does not exist or is not this village's");
        c.ThrowIfFailed();
        var referral = new InclusiveServiceReferral
        {
            Id = Guid.CreateVersion7(), StationId = r.StationId, VillageId = village.Id, TownId = village.ParentId!.Value, ScopePath = village.Path,
            SocialWorkPointId = r.SocialWorkPointId!.Value, AppealId = r.AppealId, ResidentName = r.ResidentName!.Trim(),
            ResidentPhone = r.ResidentPhone!.Trim(), Service = r.Service!.Value, Need = r.Need!.Trim(),
            ReferredAt = workflow.Now, ReferredByName = db.Actor.Name,
        };
        db.InclusiveServiceReferrals.Add(referral);
        await workflow.FireAsync(db, InclusiveReferralWorkflow.Workflow, referral, "Refer", null, workflow.At(), ct);
        await db.Audit("ReferResident").SaveChangesAsync(ct);
        return await StationQueries.GetReferralAsync(db, referral.Id, ct);
    }
}
