using Guanjia.App.Persistence;
using Guanjia.Domain.Accounts;
using Guanjia.Domain.CivilAffairs;
using Guanjia.Domain.Common;
using Guanjia.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.CivilAffairs;

public sealed record StationWorkerView(Guid Id, Guid UserId, string DisplayName, DateOnly Since, DateOnly? Until);

public sealed record CivilAffairsStationView(Guid Id, Guid TownId, string TownName, string Name, string? Address, string? Phone, bool IsActive,
    IReadOnlyList<StationWorkerView> Workers, int Version, StationKind Kind = StationKind.CivilAffairsStation);

/// <summary>
/// A 民政服务站 (R-CA-01) or a 社会服务工作站 (004): one per town, named after it in the required form, and its resident workers'
/// accounts. Issue 14 adds its profile (<see cref="StationProfiles"/>), the roster and training (<see cref="StaffRoster"/>) and its
/// activities (<see cref="StationActivities"/>).
/// </summary>
public static class CivilAffairsStations
{
    public sealed record Create(Guid? TownId, string? Address, string? Phone, StationKind? Kind = null, string? Name = null);

    public sealed record AddWorker(Guid? UserId, DateOnly? Since);

    public sealed record EndWorker(DateOnly? Until);

    /// <summary>R-CA-01: "××乡镇(街道)民政服务站".</summary>
    public static string NameFor(Organization town, StationKind kind = StationKind.CivilAffairsStation) => StationNames.For(town.Name, kind);

    private static void RequireKeeper(GuanjiaDb db)
    {
        if (!db.Actor.Has(Permissions.CaseworkConfigure) && !db.Actor.Has(Permissions.CaseworkTown))
            throw new Forbidden("只有市民政局或镇街可以设立民政服务站", "Only the city or the town keeps civil-affairs stations");
    }

    public static async Task<CivilAffairsStationView> CreateAsync(GuanjiaDb db, CaseworkServices s, Create r, CancellationToken ct)
    {
        var clock = s.Clock;
        RequireKeeper(db);
        var c = new Check().MaxLength("address", r.Address, 200, "地址", "Address").MaxLength("phone", r.Phone, 40, "电话", "Phone")
            .When(r.Kind is { } k0 && !Enum.IsDefined(k0), "kind", "invalid_value", "站点类型不正确", "kind is not valid");
        var kind = r.Kind ?? StationKind.CivilAffairsStation;
        var town = r.TownId is { } tid ? await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == tid, ct) : null;
        if (town is null || !Organization.IsTownKind(town.Kind) || !db.Actor.Sees(town.Path))
            c.Add("townId", "unknown_town", "请选择您范围内的镇（街道）", "Choose a town in your scope");
        else if (await db.CivilAffairsStations.AnyAsync(x => x.TownId == town.Id, ct))
            c.Add("townId", "exists", "该镇（街道）已设立民政服务站", "The town already has a civil-affairs station");
        if (town is not null) StationNames.CheckName(c, r.Name, town.Name, kind); // R-CA-01
        c.ThrowIfFailed();
        var station = new CivilAffairsStation
        {
            Id = Guid.CreateVersion7(), TownId = town!.Id, ScopePath = town.Path, Name = NameFor(town, kind), Kind = kind, Address = r.Address?.Trim(),
            Phone = r.Phone?.Trim(), CreatedAt = clock.GetUtcNow(),
        };
        db.CivilAffairsStations.Add(station);
        await StationActivities.OpenPublicityAsync(db, s, station, ct); // R-CA-11: this month's publicity and this year's news reports
        await db.Audit("CreateCivilAffairsStation").SaveChangesAsync(ct);
        return await GetAsync(db, station.Id, ct);
    }

    public static async Task<CivilAffairsStationView> AddWorkerAsync(GuanjiaDb db, TimeProvider clock, Guid stationId, AddWorker r, CancellationToken ct)
    {
        RequireKeeper(db);
        var station = await db.CivilAffairsStations.SingleOrDefaultAsync(x => x.Id == stationId, ct)
            ?? throw new NotFound("CivilAffairsStation", "民政服务站不存在", "The station does not exist");
        var c = new Check();
        var user = r.UserId is { } uid ? await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == uid, ct) : null;
        if (user is null) c.Add("userId", "unknown_user", "用户不存在或不在您的范围内", "The user does not exist or is outside your scope");
        else if (user.Role != Role.StationWorker || user.OrganizationId != station.TownId)
            c.Add("userId", "not_a_station_worker", "该用户须为本镇（街道）的“驻站人员”账号", "The user must be a station worker of the station's town");
        else if (await db.StationWorkers.AnyAsync(w => w.UserId == user.Id, ct))
            c.Add("userId", "exists", "该驻站人员已关联民政服务站", "The worker is already linked to a station");
        c.ThrowIfFailed();
        db.StationWorkers.Add(new StationWorker
        {
            Id = Guid.CreateVersion7(), StationId = station.Id, UserId = user!.Id, DisplayName = user.DisplayName, ScopePath = station.ScopePath,
            Since = r.Since ?? Domain.Calendar.ChinaTime.LocalDate(clock.GetUtcNow()),
        });
        await db.Audit("AddStationWorker").SaveChangesAsync(ct);
        return await GetAsync(db, station.Id, ct);
    }

    public static async Task<CivilAffairsStationView> EndWorkerAsync(GuanjiaDb db, TimeProvider clock, Guid stationId, Guid workerId, EndWorker r,
        CancellationToken ct)
    {
        RequireKeeper(db);
        var w = await db.StationWorkers.SingleOrDefaultAsync(x => x.Id == workerId && x.StationId == stationId, ct)
            ?? throw new NotFound("StationWorker", "驻站人员不存在", "The worker does not exist");
        var until = r.Until ?? Domain.Calendar.ChinaTime.LocalDate(clock.GetUtcNow());
        new Check().When(until < w.Since, "until", "before_since", "离站日期不能早于驻站日期", "until is before since").ThrowIfFailed();
        w.Until = until;
        await db.Audit("EndStationWorker").SaveChangesAsync(ct);
        return await GetAsync(db, stationId, ct);
    }

    public static async Task<IReadOnlyList<CivilAffairsStationView>> ListAsync(GuanjiaDb db, CancellationToken ct)
    {
        var ids = await db.CivilAffairsStations.AsNoTracking().OrderBy(x => x.ScopePath).Select(x => x.Id).ToListAsync(ct);
        var list = new List<CivilAffairsStationView>();
        foreach (var id in ids) list.Add(await GetAsync(db, id, ct));
        return list;
    }

    public static async Task<CivilAffairsStationView> GetAsync(GuanjiaDb db, Guid id, CancellationToken ct)
    {
        var s = await db.CivilAffairsStations.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFound("CivilAffairsStation", "民政服务站不存在", "The station does not exist");
        var town = await db.Organizations.AsNoTracking().Where(o => o.Id == s.TownId).Select(o => o.Name).SingleAsync(ct);
        var workers = await db.StationWorkers.AsNoTracking().Where(w => w.StationId == id).OrderBy(w => w.Since)
            .Select(w => new StationWorkerView(w.Id, w.UserId, w.DisplayName, w.Since, w.Until)).ToListAsync(ct);
        return new CivilAffairsStationView(s.Id, s.TownId, town, s.Name, s.Address, s.Phone, s.IsActive, workers, s.Version, s.Kind);
    }
}
