using Guanjia.App.Deadlines;
using Guanjia.App.Persistence;
using Guanjia.Domain.Accounts;
using Guanjia.Domain.Claims;
using Guanjia.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Claims;

public sealed record ClaimView(Guid Id, ClaimantKind ClaimantKind, string ClaimantName, string? CreditCode, string ContactName, string Phone,
    long AmountFen, string? Note, DateTimeOffset ClaimedAt);

public sealed record ClaimItemDetail(
    Guid Id, string Number, string SubjectType, Guid SubjectId, string SubjectRef, Guid TownId, Guid VillageId, ClaimItemState State, string StateZh,
    string Title, string Summary, long AmountFen, bool AllowsShares, long? MinimumShareFen, long ClaimedFen, long RemainingFen, DateTimeOffset ConfirmedAt,
    DateTimeOffset? PublishedAt, DateTimeOffset? WindowFrom, DateTimeOffset? WindowTo, IReadOnlyList<string> Platforms, string? ExtraChannels,
    DateTimeOffset? ClaimedAt, DateTimeOffset? ConnectedAt, string? ConnectionNote, DateTimeOffset? StartedAt, DateTimeOffset? ReturnedAt,
    IReadOnlyList<ClaimView> Claims, IReadOnlyList<DeadlineView> Deadlines, IReadOnlyList<string> AllowedActions, int Version);

public sealed record ClaimItemRow(Guid Id, string Number, string SubjectType, Guid SubjectId, string SubjectRef, string Title, ClaimItemState State, long AmountFen,
    long ClaimedFen, Guid TownId, Guid VillageId, DateTimeOffset ConfirmedAt, DateTimeOffset? WindowTo);

public sealed record PublicClaim(string Claimant, long AmountFen, DateTimeOffset ClaimedAt);

/// <summary>What the board shows: masked at creation and publication, claimants by organisation name or as a masked donor.</summary>
public sealed record PublicClaimItem(Guid Id, string Number, string Kind, string Title, string Summary, string? Town, string? Village,
    long AmountFen, long ClaimedFen, long RemainingFen, bool AllowsShares, long? MinimumShareFen, ClaimItemState State, string StateZh, bool Claimable,
    DateTimeOffset? WindowFrom, DateTimeOffset? WindowTo, IReadOnlyList<string> Platforms, string? ExtraChannels, IReadOnlyList<PublicClaim> Claims);

public static class ClaimQueries
{
    /// <summary>The claimants' contacts are for the staff who connect them: the town and the city lead department.</summary>
    private static bool Handles(Common.Actor a) => a.Has(Permissions.ProjectsTown) || a.Has(Permissions.ClaimsPublish);

    public static async Task<ClaimItemDetail> GetAsync(GuanjiaDb db, TimeProvider clock, Guid id, CancellationToken ct)
    {
        var i = await db.ClaimItems.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFound("ClaimItem", "认领项目不存在或不在您的管辖范围内", "The claim item does not exist or is outside your scope");
        var clear = Handles(db.Actor);
        var claims = await db.Claims.AsNoTracking().Where(c => c.ItemId == id).OrderBy(c => c.ClaimedAt)
            .Join(db.Claimants.AsNoTracking(), c => c.ClaimantId, x => x.Id, (c, x) => new { c, x }).ToListAsync(ct);
        var deadlines = await db.Deadlines.AsNoTracking().Where(d => d.SubjectId == i.SubjectId
            && (d.Obligation == Domain.Deadlines.Obligations.DirectPublication || d.Obligation == Domain.Deadlines.Obligations.DirectStart))
            .OrderBy(d => d.StartsAt).ToListAsync(ct);
        var allowed = Common.WorkflowGate.Allowed(db, ClaimBoardWorkflow.Workflow, i).Select(x => x.Action).ToList();
        return new ClaimItemDetail(i.Id, i.Number, i.SubjectType, i.SubjectId, i.SubjectRef, i.TownId, i.VillageId, i.State, ClaimBoardWorkflow.Zh(i.State),
            i.Title, i.Summary, i.AmountFen, i.AllowsShares, i.MinimumShareFen, i.ClaimedFen, i.RemainingFen, i.ConfirmedAt, i.PublishedAt, i.WindowFrom,
            i.WindowTo, Split(i.Platforms), i.ExtraChannels, i.ClaimedAt, i.ConnectedAt, i.ConnectionNote, i.StartedAt, i.ReturnedAt,
            claims.Select(x => new ClaimView(x.c.Id, x.x.Kind, clear ? x.x.Name : Claimant.PublicName(x.x.Kind, x.x.Name), x.x.CreditCode,
                clear ? x.x.ContactName : Masking.Name(x.x.ContactName), clear ? x.x.Phone : Masking.Phone(x.x.Phone), x.c.AmountFen,
                clear ? x.c.Note : Masking.Numbers(x.c.Note),
                x.c.ClaimedAt)).ToList(),
            await DeadlineQueries.ViewsAsync(db, deadlines, clock.GetUtcNow(), ct), allowed, i.Version);
    }

    public static async Task<Paged<ClaimItemRow>> ListAsync(GuanjiaDb db, ClaimItemState? state, Guid? townId, Guid? subjectId, int page, int pageSize,
        CancellationToken ct)
    {
        new PageRequest(page, pageSize).Validate();
        var q = db.ClaimItems.AsNoTracking();
        if (subjectId is { } sid) q = q.Where(i => i.SubjectId == sid);
        if (state is { } s) q = q.Where(i => i.State == s);
        if (townId is { } t) q = q.Where(i => i.TownId == t);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(i => i.CreatedAt).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(i => new ClaimItemRow(i.Id, i.Number, i.SubjectType, i.SubjectId, i.SubjectRef, i.Title, i.State, i.AmountFen, i.ClaimedFen, i.TownId, i.VillageId,
                i.ConfirmedAt, i.WindowTo)).ToListAsync(ct);
        return new Paged<ClaimItemRow>(rows, page, pageSize, total);
    }

    /// <summary>The public board: published items only, open ones first unless asked for all.</summary>
    public static async Task<Paged<PublicClaimItem>> BoardAsync(GuanjiaDb db, TimeProvider clock, Guid? townId, bool openOnly, int page, int pageSize,
        CancellationToken ct)
    {
        new PageRequest(page, pageSize).Validate();
        var now = clock.GetUtcNow();
        // Published items are public wherever they are; only masked fields leave this method.
        var q = db.ClaimItems.IgnoreQueryFilters().AsNoTracking().Where(i => i.PublishedAt != null);
        if (openOnly) q = q.Where(i => i.State == ClaimItemState.Open && i.WindowTo >= now);
        if (townId is { } t) q = q.Where(i => i.TownId == t);
        var total = await q.CountAsync(ct);
        var items = await q.OrderByDescending(i => i.PublishedAt).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new Paged<PublicClaimItem>(await PublicAsync(db, items, now, ct), page, pageSize, total);
    }

    public static async Task<PublicClaimItem> PublicItemAsync(GuanjiaDb db, TimeProvider clock, Guid id, CancellationToken ct)
    {
        var item = await db.ClaimItems.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(i => i.Id == id && i.PublishedAt != null, ct)
            ?? throw new NotFound("ClaimItem", "认领项目不存在或尚未公布", "The item does not exist or is not published");
        return (await PublicAsync(db, [item], clock.GetUtcNow(), ct))[0];
    }

    private static async Task<List<PublicClaimItem>> PublicAsync(GuanjiaDb db, List<ClaimItem> items, DateTimeOffset now, CancellationToken ct)
    {
        var ids = items.Select(i => i.Id).ToList();
        var claims = await db.Claims.AsNoTracking().Where(c => ids.Contains(c.ItemId))
            .Join(db.Claimants.AsNoTracking(), c => c.ClaimantId, x => x.Id, (c, x) => new { c.ItemId, x.Kind, x.Name, c.AmountFen, c.ClaimedAt })
            .ToListAsync(ct);
        var orgIds = items.SelectMany(i => new[] { i.TownId, i.VillageId }).Distinct().ToList();
        var names = await db.Organizations.IgnoreQueryFilters().AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return items.Select(i => new PublicClaimItem(i.Id, i.Number, i.SubjectType == "MicroWish" ? "民生微心愿" : "民生微实事", i.Title, i.Summary,
            names.GetValueOrDefault(i.TownId), names.GetValueOrDefault(i.VillageId), i.AmountFen, i.ClaimedFen, i.RemainingFen, i.AllowsShares,
            i.MinimumShareFen, i.State, ClaimBoardWorkflow.Zh(i.State), i.State == ClaimItemState.Open && i.WindowFrom <= now && i.WindowTo >= now,
            i.WindowFrom, i.WindowTo, Split(i.Platforms).Select(p => Domain.Publicity.PublicNotice.PlatformNames.GetValueOrDefault(p, p)).ToList(),
            i.ExtraChannels,
            claims.Where(c => c.ItemId == i.Id).OrderBy(c => c.ClaimedAt).Select(c => new PublicClaim(Claimant.PublicName(c.Kind, c.Name), c.AmountFen, c.ClaimedAt))
                .ToList())).ToList();
    }

    private static string[] Split(string? s) => string.IsNullOrEmpty(s) ? [] : s.Split(',');
}
