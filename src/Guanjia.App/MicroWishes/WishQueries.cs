using Guanjia.App.Deadlines;
using Guanjia.App.Persistence;
using Guanjia.Domain.Accounts;
using Guanjia.Domain.Common;
using Guanjia.Domain.MicroProjects;
using Guanjia.Domain.MicroWishes;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.MicroWishes;

public sealed record WishDetail(
    Guid Id, string Number, Guid AppealId, Guid VillageId, Guid TownId, WishState State, WishKind Kind, TargetGroup? TargetGroup,
    AssistanceType? AssistanceType, InclusiveServiceType? ServiceType, string Need, long? RequestedFen, string? BeneficiaryName,
    string? BeneficiaryIdNumber, string? Household, DateTimeOffset? VerifiedAt, bool? CheckAuthentic, bool? CheckReasonable, bool? CheckBudget,
    string? VerificationNote, string? Departments, DateTimeOffset? DecidedAt, string? DecisionBody, IReadOnlyList<string> Participants,
    Route? Route, long? AmountFen, ExpressForm? ExpressForm, string? PairedUnit, string? AssistanceForm, DateTimeOffset? CompletedAt, long? PaidFen, string? Outcome,
    DateTimeOffset? ClosedAt, int Version, IReadOnlyList<DeadlineView> Deadlines, IReadOnlyList<string> AllowedActions);

public sealed record WishRow(Guid Id, string Number, WishKind Kind, string Need, WishState State, Route? Route, long? AmountFen, Guid VillageId,
    DateTimeOffset CreatedAt, string? VillageName);

public static class WishQueries
{
    /// <summary>Household and identity details of the person helped: only the town staff handling the case see them.</summary>
    private static bool Handles(Guanjia.App.Common.Actor a) => a.Has(Permissions.ProjectsTown);

    private static string? IdMask(string? id) => string.IsNullOrEmpty(id) ? id : id.Length <= 8 ? "********" : $"{id[..4]}**********{id[^4..]}";

    public static async Task<WishDetail> GetAsync(GuanjiaDb db, TimeProvider clock, Guid id, CancellationToken ct)
    {
        var w = await db.MicroWishes.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFound("MicroWish", "微心愿不存在或不在您的管辖范围内", "The wish does not exist or is outside your scope");
        var clear = Handles(db.Actor);
        var deadlines = await db.Deadlines.AsNoTracking().Where(d => d.SubjectId == id).OrderBy(d => d.StartsAt).ToListAsync(ct);
        var allowed = Common.WorkflowGate.Allowed(db, WishWorkflow.Workflow, w).Select(x => x.Action).ToList();
        return new WishDetail(w.Id, w.Number, w.AppealId, w.VillageId, w.TownId, w.State, w.Kind, w.TargetGroup, w.AssistanceType, w.ServiceType,
            w.Need, w.RequestedFen, clear ? w.BeneficiaryName : Masking.Name(w.BeneficiaryName), clear ? w.BeneficiaryIdNumber : IdMask(w.BeneficiaryIdNumber),
            clear ? w.Household : (string.IsNullOrEmpty(w.Household) ? w.Household : "***"), w.VerifiedAt, w.CheckAuthentic, w.CheckReasonable,
            w.CheckBudget, w.VerificationNote, w.Departments, w.DecidedAt, w.DecisionBody, w.Participants?.Split('、') ?? [], w.Route, w.AmountFen,
            w.ExpressForm, w.PairedUnit, w.AssistanceForm, w.CompletedAt, w.PaidFen, w.Outcome, w.ClosedAt, w.Version,
            await DeadlineQueries.ViewsAsync(db, deadlines, clock.GetUtcNow(), ct), allowed);
    }

    public static async Task<Paged<WishRow>> ListAsync(GuanjiaDb db, WishState? state, WishKind? kind, Guid? townId, int page, int pageSize, CancellationToken ct,
        Guid? villageId = null)
    {
        new PageRequest(page, pageSize).Validate();
        var q = Filtered(db, state, kind, townId, villageId);
        var total = await q.CountAsync(ct);
        return new Paged<WishRow>(await RowsAsync(db, q, (page - 1) * pageSize, pageSize, ct), page, pageSize, total);
    }

    /// <summary>The list's filters over the caller's scope; the list pages it, the export (Documents) takes it whole up to a cap.</summary>
    public static IQueryable<MicroWish> Filtered(GuanjiaDb db, WishState? state, WishKind? kind, Guid? townId, Guid? villageId = null)
    {
        var q = db.MicroWishes.AsNoTracking();
        if (state is { } s) q = q.Where(w => w.State == s);
        if (kind is { } k) q = q.Where(w => w.Kind == k);
        if (townId is { } t) q = q.Where(w => w.TownId == t);
        if (villageId is { } v) q = q.Where(w => w.VillageId == v);
        return q;
    }

    /// <summary>A page of rows with the village's name, as the appeal list has it.</summary>
    public static async Task<IReadOnlyList<WishRow>> RowsAsync(GuanjiaDb db, IQueryable<MicroWish> q, int skip, int take, CancellationToken ct)
    {
        var rows = await q.OrderByDescending(w => w.CreatedAt).Skip(skip).Take(take)
            .Select(w => new WishRow(w.Id, w.Number, w.Kind, w.Need, w.State, w.Route, w.AmountFen, w.VillageId, w.CreatedAt, null)).ToListAsync(ct);
        var names = await Organizations.OrganizationQueries.NamesAsync(db, rows.Select(r => r.VillageId), ct);
        return rows.Select(r => r with { VillageName = names.GetValueOrDefault(r.VillageId) }).ToList();
    }
}
