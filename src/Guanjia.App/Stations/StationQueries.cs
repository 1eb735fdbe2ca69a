using Guanjia.App.MicroProjects;
using Guanjia.App.Persistence;
using Guanjia.Domain.Accounts;
using Guanjia.Domain.Common;
using Guanjia.Domain.Stations;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Stations;

public sealed record StationView(Guid Id, Guid VillageId, string VillageName, Guid TownId, string TownName, string Name, HostPlatform HostPlatform,
    string HostPlatformZh, string? HostPlatformOther, string Address, string HeadName, string HeadPhone, string? OpeningHours,
    IReadOnlyList<ServiceForm> ServiceForms, string? Description, Guid? OperatorId, string? OperatorName, bool IsActive, DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt, int Version);

public sealed record PublicationView(Guid Id, PublicationKind Kind, string KindZh, string Title, string Text, IReadOnlyList<PublicationPlatform> Platforms,
    DateOnly PublishedOn, DateTimeOffset RecordedAt, string? RecordedByName);

public sealed record OpinionView(string Text, string By, DateOnly On, DateTimeOffset At);

public sealed record FilingView(Guid Id, Guid ItemId, string ItemTitle, Guid StationId, Guid VillageId, string VillageName, Guid TownId, string TownName,
    ProcurementState State, ProcurementMethod Method, string? MethodOther, Guid? SupplierId, string SupplierName, long AmountFen,
    DateOnly AgreementSignedOn, Guid AgreementAttachmentId, OpinionView? SupervisoryOpinion, DateTimeOffset? FiledAt, DateTimeOffset? RecordedAt,
    string? RecordedByName, string? RecordNote, DateTimeOffset CreatedAt, int Version, IReadOnlyList<string> AllowedActions,
    long? ItemAmountFen, long DifferenceFen, string? DifferenceReason, DateTimeOffset? DifferenceConfirmedAt, string? DifferenceConfirmedByName);

public sealed record ItemView(Guid Id, Guid StationId, string StationName, Guid VillageId, string VillageName, Guid TownId, string TownName, int Year,
    string Title, string? Content, Guid? MicroProjectId, string? MicroProjectNumber, DateOnly ConsultedOn, DecisionBody DecidedBy, OperatingMode Mode,
    string ModeZh, IReadOnlyList<ServiceForm> ServiceForms, IReadOnlyList<LinkedResource> LinkedResources, IReadOnlyList<string> CandidateContractors,
    bool OperatorInvited, Guid? OperatorId, string? OperatorName, string? OperatorOverrideReason, long? AmountFen, int? Years, int? TeamSize,
    string? PackagedOverrideReason, int RulesVersion, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, int Version,
    IReadOnlyList<AttachmentView> Attachments, IReadOnlyList<PublicationView> Publications, FilingView? Procurement,
    long? AgreedFeeFen, long PaidFen);

/// <summary>A row of the item list; <c>AgreedFeeFen</c> and <c>PaidFen</c> are the fee and what the ledger paid for it (R-ST-11).</summary>
public sealed record ItemRow(Guid Id, Guid StationId, string StationName, Guid VillageId, string VillageName, int Year, string Title, OperatingMode Mode,
    long? AmountFen, ProcurementState? ProcurementState, int Publications, DateTimeOffset CreatedAt, long PaidFen);

public sealed record ReferralView(Guid Id, Guid? StationId, string? StationName, Guid VillageId, string VillageName, Guid TownId, string TownName,
    Guid SocialWorkPointId, string SocialWorkPointName, Guid? AppealId, string ResidentName, string ResidentPhone, bool ContactsMasked,
    InclusiveService Service, string Need, ReferralState State, DateTimeOffset ReferredAt, string? ReferredByName, DateOnly? ServedFrom,
    DateOnly? ServedTo, string? ServiceSummary, DateTimeOffset? ServedRecordedAt, DateTimeOffset? FiledAt, int Version,
    IReadOnlyList<AttachmentView> Attachments);

/// <summary>Reads of the station records in the caller's scope; the global scope filter answers 404 for anything else.</summary>
public static class StationQueries
{
    public sealed record StationFilter(Guid? TownId, Guid? VillageId, bool? Active, string? Q, int Page = 1, int PageSize = 20);

    public sealed record ItemFilter(Guid? StationId, Guid? VillageId, int? Year, OperatingMode? Mode, int Page = 1, int PageSize = 20);

    public sealed record FilingFilter(ProcurementState? State, Guid? TownId, Guid? VillageId, int Page = 1, int PageSize = 20);

    public sealed record ReferralFilter(ReferralState? State, Guid? VillageId, Guid? SocialWorkPointId, int Page = 1, int PageSize = 20);

    private static Task<Dictionary<Guid, string>> NamesAsync(GuanjiaDb db, IEnumerable<Guid?> ids, CancellationToken ct) =>
        Organizations.OrganizationQueries.NamesAsync(db, ids.Where(i => i is not null).Select(i => i!.Value), ct);

    internal static StationView ToView(Station s, IReadOnlyDictionary<Guid, string> names) => new(s.Id, s.VillageId,
        names.GetValueOrDefault(s.VillageId, ""), s.TownId, names.GetValueOrDefault(s.TownId, ""), s.Name, s.HostPlatform, StationTerms.Zh(s.HostPlatform),
        s.HostPlatformOther, s.Address, s.HeadName, s.HeadPhone, s.OpeningHours, StationTerms.Split<ServiceForm>(s.ServiceForms), s.Description,
        s.OperatorId, s.OperatorId is { } o ? names.GetValueOrDefault(o) : null, s.IsActive, s.CreatedAt, s.UpdatedAt, s.Version);

    public static async Task<StationView> GetStationAsync(GuanjiaDb db, Guid id, CancellationToken ct)
    {
        var s = await StationSteps.StationAsync(db, id, ct, tracking: false);
        return ToView(s, await NamesAsync(db, [s.VillageId, s.TownId, s.OperatorId], ct));
    }

    public static async Task<Paged<StationView>> ListStationsAsync(GuanjiaDb db, StationFilter f, CancellationToken ct)
    {
        new PageRequest(f.Page, f.PageSize).Validate();
        var q = db.Stations.AsNoTracking();
        if (f.TownId is { } t) q = q.Where(s => s.TownId == t);
        if (f.VillageId is { } v) q = q.Where(s => s.VillageId == v);
        if (f.Active is { } a) q = q.Where(s => s.IsActive == a);
        if (!string.IsNullOrWhiteSpace(f.Q)) q = q.Where(s => s.Name.Contains(f.Q.Trim()) || s.Address.Contains(f.Q.Trim()));
        var total = await q.CountAsync(ct);
        var rows = await q.OrderBy(s => s.ScopePath).ThenBy(s => s.Name).Skip((f.Page - 1) * f.PageSize).Take(f.PageSize).ToListAsync(ct);
        var names = await NamesAsync(db, rows.SelectMany(s => new Guid?[] { s.VillageId, s.TownId, s.OperatorId }), ct);
        return new Paged<StationView>(rows.Select(s => ToView(s, names)).ToList(), f.Page, f.PageSize, total);
    }

    internal static PublicationView ToView(StationPublication p) => new(p.Id, p.Kind, StationTerms.Zh(p.Kind), p.Title, p.Text,
        StationTerms.Split<PublicationPlatform>(p.Platforms), p.PublishedOn, p.RecordedAt, p.RecordedByName);

    /// <summary>What the caller may do with the filing now, from its table.</summary>
    internal static IReadOnlyList<string> FilingActions(GuanjiaDb db, ProcurementFiling f) =>
        Common.WorkflowGate.Allowed(db, ProcurementWorkflow.Workflow, f).Select(x => x.Action).ToList();

    /// <summary>The filing with the item's agreed fee and the difference (R-ST-10: explained by the village, confirmed by the town).</summary>
    internal static FilingView ToView(GuanjiaDb db, ProcurementFiling f, string itemTitle, long? itemAmountFen, IReadOnlyDictionary<Guid, string> names) =>
        new(f.Id, f.ItemId, itemTitle, f.StationId, f.VillageId, names.GetValueOrDefault(f.VillageId, ""), f.TownId, names.GetValueOrDefault(f.TownId, ""),
            f.State, f.Method, f.MethodOther, f.SupplierId, f.SupplierName, f.AmountFen, f.AgreementSignedOn, f.AgreementAttachmentId,
            f.OpinionText is null ? null : new OpinionView(f.OpinionText, f.OpinionBy!, f.OpinionOn!.Value, f.OpinionAt!.Value), f.FiledAt, f.RecordedAt,
            f.RecordedByName, f.RecordNote, f.CreatedAt, f.Version, FilingActions(db, f), itemAmountFen, f.AmountFen - (itemAmountFen ?? 0),
            f.DifferenceReason, f.DifferenceConfirmedAt, f.DifferenceConfirmedByName);

    public static async Task<ItemView> GetItemAsync(GuanjiaDb db, Guid id, CancellationToken ct)
    {
        var i = await StationSteps.ItemAsync(db, id, ct, tracking: false);
        var station = await db.Stations.AsNoTracking().Where(s => s.Id == i.StationId).Select(s => s.Name).SingleAsync(ct);
        var names = await NamesAsync(db, [i.VillageId, i.TownId, i.OperatorId], ct);
        var project = i.MicroProjectId is { } pid
            ? await db.MicroProjects.AsNoTracking().Where(p => p.Id == pid).Select(p => p.Number).SingleOrDefaultAsync(ct) : null;
        var attachments = await db.Attachments.AsNoTracking().Where(a => a.OwnerType == nameof(StationItem) && a.OwnerId == id)
            .OrderBy(a => a.UploadedAt).ToListAsync(ct);
        // Kinds are stored by name; the order of the process is the enum's.
        var publications = (await db.StationPublications.AsNoTracking().Where(p => p.ItemId == id).ToListAsync(ct)).OrderBy(p => p.Kind).ToList();
        var filing = await db.ProcurementFilings.AsNoTracking().SingleOrDefaultAsync(f => f.ItemId == id, ct);
        return new ItemView(i.Id, i.StationId, station, i.VillageId, names.GetValueOrDefault(i.VillageId, ""), i.TownId,
            names.GetValueOrDefault(i.TownId, ""), i.Year, i.Title, i.Content, i.MicroProjectId, project, i.ConsultedOn, i.DecidedBy, i.Mode,
            StationTerms.Zh(i.Mode), StationTerms.Split<ServiceForm>(i.ServiceForms), StationTerms.Split<LinkedResource>(i.LinkedResources),
            i.CandidateContractors?.Split('\n') ?? [], i.OperatorInvited, i.OperatorId, i.OperatorId is { } o ? names.GetValueOrDefault(o) : null,
            i.OperatorOverrideReason, i.AmountFen, i.Years, i.TeamSize, i.PackagedOverrideReason, i.RulesVersion, i.CreatedAt, i.UpdatedAt, i.Version,
            attachments.Select(ProjectQueries.ToView).ToList(), publications.Select(ToView).ToList(),
            filing is null ? null : ToView(db, filing, i.Title, i.AmountFen, names), i.AmountFen, i.LedgerPaidFen);
    }

    public static async Task<Paged<ItemRow>> ListItemsAsync(GuanjiaDb db, ItemFilter f, CancellationToken ct)
    {
        new PageRequest(f.Page, f.PageSize).Validate();
        var q = db.StationItems.AsNoTracking();
        if (f.StationId is { } s) q = q.Where(i => i.StationId == s);
        if (f.VillageId is { } v) q = q.Where(i => i.VillageId == v);
        if (f.Year is { } y) q = q.Where(i => i.Year == y);
        if (f.Mode is { } m) q = q.Where(i => i.Mode == m);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(i => i.CreatedAt).Skip((f.Page - 1) * f.PageSize).Take(f.PageSize).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var stationIds = rows.Select(r => r.StationId).Distinct().ToList();
        var stations = await db.Stations.AsNoTracking().Where(x => stationIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Name, ct);
        var filings = await db.ProcurementFilings.AsNoTracking().Where(x => ids.Contains(x.ItemId)).ToDictionaryAsync(x => x.ItemId, x => x.State, ct);
        var pubs = await db.StationPublications.AsNoTracking().Where(x => ids.Contains(x.ItemId)).GroupBy(x => x.ItemId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var names = await NamesAsync(db, rows.Select(r => (Guid?)r.VillageId), ct);
        return new Paged<ItemRow>(rows.Select(i => new ItemRow(i.Id, i.StationId, stations.GetValueOrDefault(i.StationId, ""), i.VillageId,
            names.GetValueOrDefault(i.VillageId, ""), i.Year, i.Title, i.Mode, i.AmountFen, filings.TryGetValue(i.Id, out var st) ? st : null,
            pubs.GetValueOrDefault(i.Id), i.CreatedAt, i.LedgerPaidFen)).ToList(), f.Page, f.PageSize, total);
    }

    public static async Task<FilingView> GetFilingAsync(GuanjiaDb db, Guid id, CancellationToken ct)
    {
        var f = await db.ProcurementFilings.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFound("ProcurementFiling", "采购备案表不存在或不在您的管辖范围内", "The procurement filing does not exist or is outside your scope");
        var item = await db.StationItems.AsNoTracking().Where(i => i.Id == f.ItemId).Select(i => new { i.Title, i.AmountFen }).SingleAsync(ct);
        return ToView(db, f, item.Title, item.AmountFen, await NamesAsync(db, [f.VillageId, f.TownId], ct));
    }

    public static async Task<Paged<FilingView>> ListFilingsAsync(GuanjiaDb db, FilingFilter f, CancellationToken ct)
    {
        new PageRequest(f.Page, f.PageSize).Validate();
        var q = db.ProcurementFilings.AsNoTracking();
        if (f.State is { } s) q = q.Where(x => x.State == s);
        if (f.TownId is { } t) q = q.Where(x => x.TownId == t);
        if (f.VillageId is { } v) q = q.Where(x => x.VillageId == v);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(x => x.CreatedAt).Skip((f.Page - 1) * f.PageSize).Take(f.PageSize).ToListAsync(ct);
        var itemIds = rows.Select(r => r.ItemId).ToList();
        var items = await db.StationItems.AsNoTracking().Where(i => itemIds.Contains(i.Id)).Select(i => new { i.Id, i.Title, i.AmountFen })
            .ToDictionaryAsync(i => i.Id, ct);
        var names = await NamesAsync(db, rows.SelectMany(r => new Guid?[] { r.VillageId, r.TownId }), ct);
        return new Paged<FilingView>(rows.Select(r => ToView(db, r, items.GetValueOrDefault(r.ItemId)?.Title ?? "", items.GetValueOrDefault(r.ItemId)?.AmountFen,
            names)).ToList(), f.Page, f.PageSize, total);
    }

    /// <summary>
    /// The resident's name and phone are personal data: in clear only for those who handle the referral (the
    /// village's staff and station head); masked for the town, the city, the supervisory committee and deputies.
    /// </summary>
    public static bool SeesResident(Common.Actor a) => a.Has(Permissions.StationsManage);

    internal static ReferralView ToView(GuanjiaDb db, InclusiveServiceReferral r, IReadOnlyDictionary<Guid, string> names, string? station,
        IReadOnlyList<AttachmentView> attachments)
    {
        var clear = SeesResident(db.Actor);
        string Text(string? t) => clear ? t ?? "" : Masking.Published(t, r.ResidentName, r.ResidentPhone);
        return new ReferralView(r.Id, r.StationId, station, r.VillageId, names.GetValueOrDefault(r.VillageId, ""), r.TownId,
            names.GetValueOrDefault(r.TownId, ""), r.SocialWorkPointId, names.GetValueOrDefault(r.SocialWorkPointId, ""), r.AppealId,
            clear ? r.ResidentName : Masking.Name(r.ResidentName), clear ? r.ResidentPhone : Masking.Phone(r.ResidentPhone), !clear, r.Service,
            Text(r.Need), r.State, r.ReferredAt, r.ReferredByName, r.ServedFrom, r.ServedTo, r.ServiceSummary is null ? null : Text(r.ServiceSummary),
            r.ServedRecordedAt, r.FiledAt, r.Version, attachments);
    }

    public static async Task<ReferralView> GetReferralAsync(GuanjiaDb db, Guid id, CancellationToken ct)
    {
        var r = await db.InclusiveServiceReferrals.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFound("InclusiveServiceReferral", "转介记录不存在或不在您的管辖范围内", "The referral does not exist or is outside your scope");
        var station = r.StationId is { } sid ? await db.Stations.AsNoTracking().Where(s => s.Id == sid).Select(s => s.Name).SingleOrDefaultAsync(ct) : null;
        var attachments = await db.Attachments.AsNoTracking().Where(a => a.OwnerType == nameof(InclusiveServiceReferral) && a.OwnerId == id)
            .OrderBy(a => a.UploadedAt).ToListAsync(ct);
        return ToView(db, r, await NamesAsync(db, [r.VillageId, r.TownId, r.SocialWorkPointId], ct), station,
            attachments.Select(ProjectQueries.ToView).ToList());
    }

    public static async Task<Paged<ReferralView>> ListReferralsAsync(GuanjiaDb db, ReferralFilter f, CancellationToken ct)
    {
        new PageRequest(f.Page, f.PageSize).Validate();
        var q = db.InclusiveServiceReferrals.AsNoTracking();
        if (f.State is { } s) q = q.Where(x => x.State == s);
        if (f.VillageId is { } v) q = q.Where(x => x.VillageId == v);
        if (f.SocialWorkPointId is { } p) q = q.Where(x => x.SocialWorkPointId == p);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(x => x.ReferredAt).Skip((f.Page - 1) * f.PageSize).Take(f.PageSize).ToListAsync(ct);
        var names = await NamesAsync(db, rows.SelectMany(r => new Guid?[] { r.VillageId, r.TownId, r.SocialWorkPointId }), ct);
        var stationIds = rows.Where(r => r.StationId != null).Select(r => r.StationId!.Value).Distinct().ToList();
        var stations = await db.Stations.AsNoTracking().Where(x => stationIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Name, ct);
        return new Paged<ReferralView>(rows.Select(r => ToView(db, r, names, r.StationId is { } sid ? stations.GetValueOrDefault(sid) : null, [])).ToList(),
            f.Page, f.PageSize, total);
    }
}
