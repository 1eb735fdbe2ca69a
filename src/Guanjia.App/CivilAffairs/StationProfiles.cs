using System.Text.Json;
using Guanjia.App.Appeals;
using Guanjia.App.Persistence;
using Guanjia.Domain.CivilAffairs;
using Guanjia.Domain.Common;
using Guanjia.Domain.Organizations;
using Guanjia.Domain.Purchasing;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.CivilAffairs;

/// <summary>R-PS-04: a workstation's workers against the jurisdiction's ratio; <c>Short</c> is shown red. Null need for a 001 station.</summary>
public sealed record StationStaffing(int Communities, decimal? CommunitiesPerWorker, int? WorkersNeeded, int WorkersInPost, int WorkersMayServe, bool Short,
    IReadOnlyList<PackageStaffing>? Packages = null);

/// <summary>R-PS-04 (004 八): a package covering the station's town today, with its project managers and supervisors in post; missing either is shown red.</summary>
public sealed record PackageStaffing(Guid PackageId, string PackageName, IReadOnlyList<string> Managers, IReadOnlyList<string> Supervisors);

public sealed record StationProfileView(Guid Id, StationKind Kind, Guid TownId, string TownName, string Name, Guid? ContractorId, string? ContractorName,
    string? Address, string? ContactName, string? Phone, string? Venue, string? VenueUse, IReadOnlyList<string> Services, string? ComplaintChannel,
    string? ServiceProcess, IReadOnlyList<Guid> CommunityIds, string? BrandProject, string? BrandIndicators, StationStaffing Staffing, bool IsActive,
    int Version);

public sealed record PublicStationSummary(Guid Id, StationKind Kind, string Name, string TownName, string? Address, string? Phone);

public sealed record PublicActivity(DateOnly On, string? Time, string Title, string? Place, string? Description);

/// <summary>
/// R-CA-01, R-CA-14: what a station shows the public. Staff by name and post only (never a worker's phone: the contact is the
/// station's own); contacts, services, venue use, complaint channel, service process, the brand project and this week's activities.
/// </summary>
public sealed record PublicStationView(Guid Id, StationKind Kind, string Name, string TownName, string? Address, string? ContactName, string? Phone,
    IReadOnlyList<string> Staff, string? Venue, string? VenueUse, IReadOnlyList<string> Services, string? ComplaintChannel, string? ServiceProcess,
    string? BrandProject, DateOnly WeekFrom, DateOnly WeekTo, IReadOnlyList<PublicActivity> ThisWeek);

/// <summary>A station's profile (ADR 0042): its contractor, venue, services, the communities it covers, complaint channel, process, brand project.</summary>
public static class StationProfiles
{
    public sealed record Update(int? Version, string? Name, Guid? ContractorId, string? Address, string? ContactName, string? Phone, string? Venue,
        string? VenueUse, IReadOnlyList<string>? Services, string? ComplaintChannel, string? ServiceProcess, IReadOnlyList<Guid>? CommunityIds,
        string? BrandProject, string? BrandIndicators);

    private static string[] Lines(string? text) =>
        string.IsNullOrEmpty(text) ? [] : text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    internal static IReadOnlyList<Guid> Communities(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<Guid>>(json) ?? [];

    public static async Task<StationProfileView> UpdateAsync(GuanjiaDb db, CaseworkServices s, Guid id, Update r, CancellationToken ct)
    {
        StaffRoster.RequireKeeper(db);
        var st = await db.CivilAffairsStations.SingleOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFound("CivilAffairsStation", "服务站不存在或不在您的范围内", "The station does not exist or is outside your scope");
        var town = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == st.TownId, ct);
        var phone = AppealSupport.NormalizePhone(r.Phone);
        var services = (r.Services ?? []).Select(x => x?.Trim() ?? "").ToList();
        var c = new Check().When(r.Version is null, "version", "required", "请提供读取时的版本号", "version is required")
            .MaxLength("address", r.Address, 200, "地址", "Address").MaxLength("contactName", r.ContactName, 64, "联系人", "Contact")
            .CheckPhone("phone", phone).MaxLength("venue", r.Venue, 200, "服务场所", "Venue").MaxLength("venueUse", r.VenueUse, 1000, "场所使用", "Venue use")
            .When(services.Any(x => x.Length is 0 or > 100 || x.Contains('\n')), "services", "invalid_value", "每项服务内容须为1至100字的一行", "Each service is one line of 1 to 100 characters")
            .When(string.Join('\n', services).Length > 2000, "services", "too_long", "服务内容过多", "Too many services")
            .MaxLength("complaintChannel", r.ComplaintChannel, 500, "投诉建议方式", "Complaint channel")
            .MaxLength("serviceProcess", r.ServiceProcess, 2000, "服务流程", "Service process")
            .MaxLength("brandProject", r.BrandProject, 200, "一站一品项目", "Brand project").MaxLength("brandIndicators", r.BrandIndicators, 2000, "品牌项目指标", "Brand indicators");
        StationNames.CheckName(c, r.Name, town.Name, st.Kind); // R-CA-01
        if (r.ContractorId is { } cid)
            c.When(!await db.Organizations.AnyAsync(o => o.Id == cid && o.Kind == OrganizationKind.Contractor, ct), "contractorId", "unknown_contractor",
                "承接方不存在或不在您的管辖区内", "The contractor does not exist or is outside your jurisdiction");
        var communities = (r.CommunityIds ?? []).Distinct().ToList();
        if (communities.Count > 0)
        {
            var ok = await db.Organizations.AsNoTracking().Where(o => communities.Contains(o.Id) && o.ParentId == st.TownId
                && (o.Kind == OrganizationKind.Community || o.Kind == OrganizationKind.Village)).Select(o => o.Id).ToListAsync(ct);
            for (var i = 0; i < communities.Count; i++)
                c.When(!ok.Contains(communities[i]), $"communityIds[{i}]", "not_a_community", "须为本镇（街道）的村（社区）", "Must be a community of the station's town");
        }
        c.ThrowIfFailed();
        if (st.Version != r.Version) throw new Conflict("服务站资料已被修改，请刷新后重试", "The station was changed meanwhile; reload and retry");
        st.ContractorId = r.ContractorId;
        st.Address = Trim(r.Address);
        st.ContactName = Trim(r.ContactName);
        st.Phone = phone;
        st.Venue = Trim(r.Venue);
        st.VenueUse = Trim(r.VenueUse);
        st.Services = services.Count == 0 ? null : string.Join('\n', services);
        st.ComplaintChannel = Trim(r.ComplaintChannel);
        st.ServiceProcess = Trim(r.ServiceProcess);
        st.CommunityIdsJson = communities.Count == 0 ? null : JsonSerializer.Serialize(communities);
        st.BrandProject = Trim(r.BrandProject);
        st.BrandIndicators = Trim(r.BrandIndicators);
        await db.Audit("UpdateStationProfile").SaveChangesAsync(ct);
        return await GetAsync(db, s, id, ct);
    }

    private static string? Trim(string? v) => string.IsNullOrWhiteSpace(v) ? null : v.Trim();

    public static async Task<StationProfileView> GetAsync(GuanjiaDb db, CaseworkServices s, Guid id, CancellationToken ct)
    {
        StaffRoster.RequireReader(db);
        var st = await db.CivilAffairsStations.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFound("CivilAffairsStation", "服务站不存在或不在您的范围内", "The station does not exist or is outside your scope");
        var town = await db.Organizations.IgnoreQueryFilters().AsNoTracking().Where(o => o.Id == st.TownId).Select(o => o.Name).SingleAsync(ct);
        var contractor = st.ContractorId is { } cid
            ? await db.Organizations.IgnoreQueryFilters().AsNoTracking().Where(o => o.Id == cid).Select(o => o.Name).SingleOrDefaultAsync(ct)
            : null;
        return new StationProfileView(st.Id, st.Kind, st.TownId, town, st.Name, st.ContractorId, contractor, st.Address, st.ContactName, st.Phone, st.Venue,
            st.VenueUse, Lines(st.Services), st.ComplaintChannel, st.ServiceProcess, Communities(st.CommunityIdsJson), st.BrandProject, st.BrandIndicators,
            await StaffingAsync(db, s, st, ct), st.IsActive, st.Version);
    }

    /// <summary>
    /// R-PS-04: the communities the station covers (those set on it, else every active community or village of its town) against the
    /// jurisdiction's ratio, for a 社会服务工作站; the workers in post and those who may serve (R-CA-03).
    /// </summary>
    public static async Task<StationStaffing> StaffingAsync(GuanjiaDb db, CaseworkServices s, CivilAffairsStation st, CancellationToken ct)
    {
        var set = Communities(st.CommunityIdsJson);
        var communities = set.Count > 0 ? set.Count
            : await db.Organizations.IgnoreQueryFilters().CountAsync(o => o.ParentId == st.TownId && o.IsActive
                && (o.Kind == OrganizationKind.Community || o.Kind == OrganizationKind.Village), ct);
        var workers = await StaffRoster.ViewsAsync(db, s, db.StaffMembers.IgnoreQueryFilters()
            .Where(m => m.StationId == st.Id && m.Role == StaffRole.Worker && m.Until == null), ct);
        if (st.Kind != StationKind.SocialServiceWorkstation)
            return new StationStaffing(communities, null, null, workers.Count, workers.Count(w => w.MayServe), false);
        var rules = (await s.Jurisdictions.RequireAsync(db, st.ScopePath, ct)).Rules.Purchasing;
        var needed = Staffing.WorkersNeeded(communities, rules.CommunitiesPerWorker);
        return new StationStaffing(communities, rules.CommunitiesPerWorker, needed, workers.Count, workers.Count(w => w.MayServe), workers.Count < needed,
            await PackagesAsync(db, s, st, ct));
    }

    /// <summary>R-PS-04: the packages of today that cover the station's town, each with its project managers and supervisors in post.</summary>
    private static async Task<IReadOnlyList<PackageStaffing>> PackagesAsync(GuanjiaDb db, CaseworkServices s, CivilAffairsStation st, CancellationToken ct)
    {
        var today = s.Today;
        var ids = await db.PackageCommunities.IgnoreQueryFilters().AsNoTracking()
            .Where(pc => pc.TownId == st.TownId && pc.PeriodStart <= today && today <= pc.PeriodEnd).Select(pc => pc.PackageId).Distinct().ToListAsync(ct);
        if (ids.Count == 0) return [];
        var packages = await db.ServicePackages.IgnoreQueryFilters().AsNoTracking().Where(p => ids.Contains(p.Id)).OrderBy(p => p.Name)
            .Select(p => new { p.Id, p.Name }).ToListAsync(ct);
        var people = await db.StaffMembers.IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.PackageId != null && ids.Contains(m.PackageId.Value) && m.Until == null && m.Role != StaffRole.Worker)
            .OrderBy(m => m.Since).Select(m => new { m.PackageId, m.Role, m.Name }).ToListAsync(ct);
        return packages.Select(p => new PackageStaffing(p.Id, p.Name,
            people.Where(m => m.PackageId == p.Id && m.Role == StaffRole.ProjectManager).Select(m => m.Name).ToList(),
            people.Where(m => m.PackageId == p.Id && m.Role == StaffRole.Supervisor).Select(m => m.Name).ToList())).ToList();
    }

    /// <summary>The public list of active stations of a jurisdiction (by its code), or of every jurisdiction.</summary>
    public static async Task<IReadOnlyList<PublicStationSummary>> PublicListAsync(GuanjiaDb db, string? jurisdiction, CancellationToken ct)
    {
        var q = db.CivilAffairsStations.IgnoreQueryFilters().AsNoTracking().Where(x => x.IsActive);
        if (!string.IsNullOrWhiteSpace(jurisdiction))
        {
            var root = $"/{jurisdiction.Trim()}/";
            q = q.Where(x => x.ScopePath.StartsWith(root));
        }
        var rows = await q.OrderBy(x => x.ScopePath).Take(500).ToListAsync(ct);
        var townIds = rows.Select(r => r.TownId).ToList();
        var towns = await db.Organizations.IgnoreQueryFilters().AsNoTracking().Where(o => townIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return rows.Select(r => new PublicStationSummary(r.Id, r.Kind, r.Name, towns.GetValueOrDefault(r.TownId, ""), r.Address, r.Phone)).ToList();
    }

    /// <summary>R-CA-01, R-CA-14: a station's public page. No sign-in; nothing personal beyond the staff's names and posts.</summary>
    public static async Task<PublicStationView> PublicAsync(GuanjiaDb db, TimeProvider clock, Guid id, CancellationToken ct)
    {
        var st = await db.CivilAffairsStations.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(x => x.Id == id && x.IsActive, ct)
            ?? throw new NotFound("CivilAffairsStation", "服务站不存在", "The station does not exist");
        var town = await db.Organizations.IgnoreQueryFilters().AsNoTracking().Where(o => o.Id == st.TownId).Select(o => o.Name).SingleAsync(ct);
        var staff = await db.StaffMembers.IgnoreQueryFilters().AsNoTracking().Where(m => m.StationId == st.Id && m.Until == null)
            .OrderBy(m => m.Role).ThenBy(m => m.Since).Select(m => m.Name).ToListAsync(ct);
        var (from, to) = StationWeek.Of(Domain.Calendar.ChinaTime.LocalDate(clock.GetUtcNow()));
        var week = await db.StationActivities.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.StationId == st.Id && a.Kind == ActivityKind.WeeklyActivity && a.On >= from && a.On <= to)
            .OrderBy(a => a.On).ThenBy(a => a.Time).Select(a => new PublicActivity(a.On, a.Time, a.Title, a.Place, a.Description)).ToListAsync(ct);
        return new PublicStationView(st.Id, st.Kind, st.Name, town, st.Address, st.ContactName, st.Phone, staff, st.Venue, st.VenueUse, Lines(st.Services),
            st.ComplaintChannel, st.ServiceProcess, st.BrandProject, from, to, week);
    }
}
