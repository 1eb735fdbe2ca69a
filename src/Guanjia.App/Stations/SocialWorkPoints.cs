using Guanjia.App.Persistence;
using Guanjia.Domain.Accounts;
using Guanjia.Domain.Common;
using Guanjia.Domain.Organizations;
using Guanjia.Domain.Stations;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Stations;

public sealed record SocialWorkPointView(Guid Id, string Code, string Name, Guid? TownId, string? TownName, string? Address, string? Phone,
    string? ContactName, string? OpeningHours, IReadOnlyList<InclusiveService> Services, string? Note, bool IsActive, int Version);

/// <summary>
/// The city's directory of social-work service points (000 attachment 2, R-ST-08): the points are organisations
/// of the tree (kind SocialWorkPoint); the city keeps what each serves, its hours and whom to call. It is public:
/// the station heads refer residents to it and residents read it.
/// </summary>
public static class SocialWorkPoints
{
    public sealed record Save(IReadOnlyList<InclusiveService>? Services, string? OpeningHours, string? ContactName, string? ContactPhone,
        string? Address, string? Note, int? Version);

    public static async Task<Paged<SocialWorkPointView>> ListAsync(GuanjiaDb db, Guid? townId, InclusiveService? service, string? q, bool activeOnly,
        int page, int pageSize, CancellationToken ct)
    {
        new PageRequest(page, pageSize).Validate();
        var points = db.Organizations.AsNoTracking().Where(o => o.Kind == OrganizationKind.SocialWorkPoint);
        if (activeOnly) points = points.Where(o => o.IsActive);
        if (townId is { } t) points = points.Where(o => o.ParentId == t);
        if (!string.IsNullOrWhiteSpace(q)) points = points.Where(o => o.Name.Contains(q.Trim()));
        var joined = from o in points
                     join p in db.SocialWorkPointProfiles.AsNoTracking() on o.Id equals p.OrganizationId into ps
                     from p in ps.DefaultIfEmpty()
                     select new { o, p };
        if (service is { } s)
        {
            var name = s.ToString();
            joined = joined.Where(x => x.p != null && x.p.Services.Contains(name));
        }
        var total = await joined.CountAsync(ct);
        var rows = await joined.OrderBy(x => x.o.Code).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        var towns = await Organizations.OrganizationQueries.NamesAsync(db, rows.Where(x => x.o.ParentId != null).Select(x => x.o.ParentId!.Value), ct);
        return new Paged<SocialWorkPointView>(rows.Select(x => ToView(x.o, x.p, towns)).ToList(), page, pageSize, total);
    }

    public static async Task<SocialWorkPointView> GetAsync(GuanjiaDb db, Guid id, CancellationToken ct)
    {
        var o = await PointAsync(db, id, ct);
        var p = await db.SocialWorkPointProfiles.AsNoTracking().SingleOrDefaultAsync(x => x.OrganizationId == id, ct);
        var towns = await Organizations.OrganizationQueries.NamesAsync(db, o.ParentId is { } pid ? [pid] : [], ct);
        return ToView(o, p, towns);
    }

    public static async Task<SocialWorkPointView> SaveAsync(GuanjiaDb db, TimeProvider clock, Guid id, Save r, CancellationToken ct)
    {
        StationSteps.Require(db, Permissions.StationsDirectory, "只有市民政局维护社工服务点名录", "Only the city maintains the social-work point directory");
        await PointAsync(db, id, ct);
        var profile = await db.SocialWorkPointProfiles.SingleOrDefaultAsync(x => x.OrganizationId == id, ct);
        if (profile is null)
        {
            if (r.Version is > 0) throw new Conflict("记录已被他人修改，请刷新后重试", "The record was changed by someone else; reload and try again");
        }
        else StationSteps.RequireEditOf(r.Version, profile.Version);
        var services = r.Services ?? [];
        new Check()
            .When(services.Count == 0, "services", "required", "请选择社工服务点提供的服务", "services is required")
            .When(!StationSteps.AllDefined(services), "services", "invalid", "服务类型无效", "Unknown service")
            .MaxLength("openingHours", r.OpeningHours, 200, "服务时间", "Opening hours")
            .MaxLength("contactName", r.ContactName, 50, "联系人", "Contact")
            .MaxLength("contactPhone", r.ContactPhone, 40, "联系电话", "Phone")
            .When(!string.IsNullOrWhiteSpace(r.ContactPhone) && !SaveStation.LooksLikePhone(r.ContactPhone), "contactPhone", "invalid",
                "联系电话格式不正确", "The phone number is not valid")
            .MaxLength("address", r.Address, 200, "地址", "Address")
            .MaxLength("note", r.Note, 1000, "备注", "Note")
            .ThrowIfFailed();
        if (profile is null)
        {
            profile = new SocialWorkPointProfile { OrganizationId = id, Services = "", Version = 1 };
            db.SocialWorkPointProfiles.Add(profile);
        }
        profile.Services = StationTerms.Join(services);
        profile.OpeningHours = Clean(r.OpeningHours);
        profile.ContactName = Clean(r.ContactName);
        profile.ContactPhone = Clean(r.ContactPhone);
        profile.Address = Clean(r.Address);
        profile.Note = Clean(r.Note);
        profile.UpdatedAt = clock.GetUtcNow();
        await db.Audit("SaveSocialWorkPoint").SaveChangesAsync(ct);
        return await GetAsync(db, id, ct);
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static async Task<Organization> PointAsync(GuanjiaDb db, Guid id, CancellationToken ct) =>
        await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id && o.Kind == OrganizationKind.SocialWorkPoint, ct)
            ?? throw new NotFound("SocialWorkPoint", "社工服务点不存在", "The social-work service point does not exist");

    private static SocialWorkPointView ToView(Organization o, SocialWorkPointProfile? p, IReadOnlyDictionary<Guid, string> towns) => new(o.Id, o.Code,
        o.Name, o.ParentId, o.ParentId is { } t ? towns.GetValueOrDefault(t) : null, p?.Address ?? o.Address, p?.ContactPhone ?? o.Phone, p?.ContactName,
        p?.OpeningHours, StationTerms.Split<InclusiveService>(p?.Services), p?.Note, o.IsActive, p?.Version ?? 0);
}
