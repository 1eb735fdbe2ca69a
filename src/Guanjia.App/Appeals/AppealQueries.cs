using Guanjia.App.Common;
using Guanjia.App.Deadlines;
using Guanjia.App.Persistence;
using Guanjia.Domain.Accounts;
using Guanjia.Domain.Appeals;
using Guanjia.Domain.Common;
using Guanjia.Domain.Feedback;
using Guanjia.Domain.MicroProjects;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Appeals;

/// <summary>A message on the appeal with its real state (R-PL-06): Sent only when a real sender accepted it; otherwise why not.</summary>
public sealed record MessageView(Guid Id, FeedbackKind Kind, string Body, DeliveryChannel Channel, MessageState State, int Attempts,
    DateTimeOffset CreatedAt, DateTimeOffset? SentAt, string? Sender, string? LastError, string StateZh = "", DateTimeOffset? NextAttemptAt = null,
    bool Retryable = false);

public sealed record AppealDetail(
    Guid Id, string TrackingNumber, Channel Channel, string ChannelZh, string? ExternalRef, CollectionKind Collection, int? CollectionYear,
    string Title, string Description, ProjectCategory? Category, string? Address, string? AppellantName, string? AppellantPhone,
    Guid VillageId, string VillageName, Guid TownId, string TownName, AppealState State, DateTimeOffset ReceivedAt,
    DateTimeOffset? AcknowledgedAt, DateTimeOffset? DecidedAt, CommitteeOutcome? Outcome, string? DecisionNote, string? PolicyDepartment,
    string? PolicyContact, Guid? MicroProjectId, int RulesVersion, int Version, IReadOnlyList<DeadlineView> Deadlines,
    IReadOnlyList<MessageView> Messages, IReadOnlyList<string> AllowedActions, Guid? MicroWishId = null,
    IReadOnlyList<MicroProjects.AttachmentView>? Photos = null);

public sealed record AppealRow(Guid Id, string TrackingNumber, Channel Channel, string Title, ProjectCategory? Category, AppealState State,
    Guid VillageId, string? VillageName, DateTimeOffset ReceivedAt, Guid? MicroProjectId);

public static class AppealQueries
{
    public sealed record Filter(
        AppealState? State = null, Channel? Channel = null, ProjectCategory? Category = null, Guid? TownId = null, Guid? VillageId = null,
        CollectionKind? Collection = null, DateOnly? From = null, DateOnly? To = null, string? Q = null, int Page = 1, int PageSize = 20);

    /// <summary>Those who handle the case see the appellant's contact; supervisors and read-only roles see it masked.</summary>
    internal static bool SeesContacts(Actor a) =>
        !a.ReadOnly && (a.Has(Permissions.AppealsCreate) || a.Has(Permissions.ProjectsVillage) || a.Has(Permissions.ProjectsTown));

    public static async Task<AppealDetail> GetAsync(GuanjiaDb db, TimeProvider clock, Guid id, CancellationToken ct)
    {
        var a = await db.Appeals.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFound("Appeal", "诉求不存在或不在您的管辖范围内", "The appeal does not exist or is outside your scope");
        var names = await Organizations.OrganizationQueries.NamesAsync(db, [a.VillageId, a.TownId], ct);
        var deadlines = await db.Deadlines.AsNoTracking().Where(d => d.SubjectId == a.Id).OrderBy(d => d.StartsAt).ToListAsync(ct);
        var messages = await db.AppealMessages.AsNoTracking().Where(m => m.AppealId == a.Id)
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).ToListAsync(ct); // ids are version-7: creation order within one instant
        var photos = await db.Attachments.AsNoTracking().Where(x => x.OwnerType == "Appeal" && x.OwnerId == a.Id).OrderBy(x => x.UploadedAt)
            .ThenBy(x => x.FileName).ToListAsync(ct); // photos sent together share their instant
        var clear = SeesContacts(db.Actor);
        var allowed = Common.WorkflowGate.Allowed(db, AppealWorkflow.Workflow, a).Select(x => x.Action).ToList();
        return new AppealDetail(a.Id, a.TrackingNumber, a.Channel, Channels.Zh(a.Channel), a.ExternalRef, a.Collection, a.CollectionYear,
            clear ? a.Title : Masking.Numbers(a.Title), clear ? a.Description : Masking.Numbers(a.Description), a.Category, clear ? a.Address : Masking.Address(a.Address), clear ? a.AppellantName : Masking.Name(a.AppellantName),
            clear ? a.AppellantPhone : Masking.Phone(a.AppellantPhone), a.VillageId, names.GetValueOrDefault(a.VillageId, ""), a.TownId,
            names.GetValueOrDefault(a.TownId, ""), a.State, a.ReceivedAt, a.AcknowledgedAt, a.DecidedAt, a.Outcome,
            clear ? a.DecisionNote : Masking.Numbers(a.DecisionNote),
            a.PolicyDepartment, a.PolicyContact, a.MicroProjectId, a.RulesVersion, a.Version,
            await DeadlineQueries.ViewsAsync(db, deadlines, clock.GetUtcNow(), ct), messages.Select(ToView).ToList(), allowed, a.MicroWishId,
            photos.Select(MicroProjects.ProjectQueries.ToView).ToList());
    }

    internal static MessageView ToView(AppealMessage m) =>
        new(m.Id, m.Kind, m.Body, m.Channel, m.State, m.Attempts, m.CreatedAt, m.SentAt, m.Sender, m.LastError, MessageStates.Zh(m.State),
            MessageStates.Automatic.Contains(m.State) ? m.NextAttemptAt : null, MessageStates.Retryable.Contains(m.State));

    public static async Task<Paged<AppealRow>> ListAsync(GuanjiaDb db, Filter f, CancellationToken ct)
    {
        new PageRequest(f.Page, f.PageSize).Validate();
        var q = Filtered(db, f);
        var total = await q.CountAsync(ct);
        return new Paged<AppealRow>(await RowsAsync(db, q, (f.Page - 1) * f.PageSize, f.PageSize, ct), f.Page, f.PageSize, total);
    }

    /// <summary>The list's filters over the caller's scope; the list pages it, the export (Documents) takes it whole up to a cap.</summary>
    public static IQueryable<Appeal> Filtered(GuanjiaDb db, Filter f)
    {
        new Check().When(f.From > f.To, "from", "invalid_range", "开始日期不能晚于结束日期", "from must not be after to").ThrowIfFailed();
        var q = db.Appeals.AsNoTracking();
        if (f.State is { } st) q = q.Where(a => a.State == st);
        if (f.Channel is { } ch) q = q.Where(a => a.Channel == ch);
        if (f.Category is { } c) q = q.Where(a => a.Category == c);
        if (f.TownId is { } t) q = q.Where(a => a.TownId == t);
        if (f.VillageId is { } v) q = q.Where(a => a.VillageId == v);
        if (f.Collection is { } col) q = q.Where(a => a.Collection == col);
        if (f.From is { } from)
        {
            var start = Domain.Calendar.ChinaTime.StartOfDay(from);
            q = q.Where(a => a.ReceivedAt >= start);
        }
        if (f.To is { } to)
        {
            var end = Domain.Calendar.ChinaTime.StartOfDay(to.AddDays(1));
            q = q.Where(a => a.ReceivedAt < end);
        }
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var term = f.Q.Trim();
            var upper = term.ToUpperInvariant();
            q = upper.StartsWith("GJ", StringComparison.Ordinal) && term.Length >= 8
                ? q.Where(a => a.TrackingNumber == upper)
                : q.Where(a => a.Title.Contains(term) || a.Description.Contains(term) || a.ExternalRef == term);
        }
        return q;
    }

    public static async Task<IReadOnlyList<AppealRow>> RowsAsync(GuanjiaDb db, IQueryable<Appeal> q, int skip, int take, CancellationToken ct)
    {
        var rows = await q.OrderByDescending(a => a.ReceivedAt).Skip(skip).Take(take)
            .Select(a => new { a.Id, a.TrackingNumber, a.Channel, a.Title, a.Category, a.State, a.VillageId, a.ReceivedAt, a.MicroProjectId })
            .ToListAsync(ct);
        var names = await Organizations.OrganizationQueries.NamesAsync(db, rows.Select(r => r.VillageId), ct);
        var clear = SeesContacts(db.Actor);
        return rows.Select(r => new AppealRow(r.Id, r.TrackingNumber, r.Channel, clear ? r.Title : Masking.Numbers(r.Title), r.Category, r.State, r.VillageId,
            names.GetValueOrDefault(r.VillageId), r.ReceivedAt, r.MicroProjectId)).ToList();
    }
}
