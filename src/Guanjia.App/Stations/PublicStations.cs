using Guanjia.App.Persistence;
using Guanjia.Domain.Common;
using Guanjia.Domain.Stations;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Stations;

public sealed record PublicStationView(Guid Id, string Name, Guid TownId, string TownName, Guid VillageId, string VillageName, HostPlatform HostPlatform,
    string HostPlatformZh, string Address, string HeadName, string HeadPhone, string? OpeningHours, IReadOnlyList<ServiceForm> ServiceForms,
    string? Description, string? OperatorName);

public sealed record PublicPublicationView(Guid Id, PublicationKind Kind, string KindZh, string Title, string Text, IReadOnlyList<string> Platforms,
    DateOnly PublishedOn, Guid ItemId, string ItemTitle, Guid StationId, string StationName, Guid VillageId, string VillageName, Guid TownId,
    string TownName);

/// <summary>
/// What the public sees without an account: the citywide directory of stations with place, head and contact
/// (R-ST-02; the head is a community worker, so these are published in clear), and the three publications of
/// station items (R-ST-07), masked when they were recorded (R-PL-07). No resident data is part of either.
/// </summary>
public static class PublicStations
{
    public static async Task<Paged<PublicStationView>> ListAsync(GuanjiaDb db, Guid? townId, Guid? villageId, string? q, int page, int pageSize,
        CancellationToken ct)
    {
        new PageRequest(page, pageSize).Validate();
        var query = db.Stations.IgnoreQueryFilters().AsNoTracking().Where(s => s.IsActive);
        if (townId is { } t) query = query.Where(s => s.TownId == t);
        if (villageId is { } v) query = query.Where(s => s.VillageId == v);
        if (!string.IsNullOrWhiteSpace(q)) query = query.Where(s => s.Name.Contains(q.Trim()) || s.Address.Contains(q.Trim()));
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(s => s.ScopePath).ThenBy(s => s.Name).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        var names = await Organizations.OrganizationQueries.NamesAsync(db,
            rows.SelectMany(s => new[] { s.TownId, s.VillageId }).Concat(rows.Where(s => s.OperatorId != null).Select(s => s.OperatorId!.Value)), ct);
        return new Paged<PublicStationView>(rows.Select(s => new PublicStationView(s.Id, s.Name, s.TownId, names.GetValueOrDefault(s.TownId, ""),
            s.VillageId, names.GetValueOrDefault(s.VillageId, ""), s.HostPlatform, s.HostPlatform == HostPlatform.Other && s.HostPlatformOther is { } o
                ? o : StationTerms.Zh(s.HostPlatform), s.Address, s.HeadName, s.HeadPhone, s.OpeningHours, StationTerms.Split<ServiceForm>(s.ServiceForms),
            s.Description, s.OperatorId is { } op ? names.GetValueOrDefault(op) : null)).ToList(), page, pageSize, total);
    }

    public static async Task<Paged<PublicPublicationView>> PublicationsAsync(GuanjiaDb db, Guid? townId, Guid? villageId, Guid? stationId,
        PublicationKind? kind, int page, int pageSize, CancellationToken ct)
    {
        new PageRequest(page, pageSize).Validate();
        var query = db.StationPublications.IgnoreQueryFilters().AsNoTracking();
        if (townId is { } t) query = query.Where(p => p.TownId == t);
        if (villageId is { } v) query = query.Where(p => p.VillageId == v);
        if (stationId is { } s) query = query.Where(p => p.StationId == s);
        if (kind is { } k) query = query.Where(p => p.Kind == k);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(p => p.RecordedAt).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        var itemIds = rows.Select(r => r.ItemId).Distinct().ToList();
        var stationIds = rows.Select(r => r.StationId).Distinct().ToList();
        var items = await db.StationItems.IgnoreQueryFilters().AsNoTracking().Where(i => itemIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Title, ct);
        var stations = await db.Stations.IgnoreQueryFilters().AsNoTracking().Where(x => stationIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Name, ct);
        var names = await Organizations.OrganizationQueries.NamesAsync(db, rows.SelectMany(r => new[] { r.TownId, r.VillageId }), ct);
        return new Paged<PublicPublicationView>(rows.Select(p => new PublicPublicationView(p.Id, p.Kind, StationTerms.Zh(p.Kind), p.Title, p.Text,
            StationTerms.Split<PublicationPlatform>(p.Platforms).Select(StationTerms.Zh).ToList(), p.PublishedOn, p.ItemId,
            Masking.FreeText(items.GetValueOrDefault(p.ItemId, "")), p.StationId, stations.GetValueOrDefault(p.StationId, ""), p.VillageId,
            names.GetValueOrDefault(p.VillageId, ""), p.TownId, names.GetValueOrDefault(p.TownId, ""))).ToList(), page, pageSize, total);
    }
}
