using Guanjia.App.Appeals;
using Guanjia.App.Deadlines;
using Guanjia.App.Persistence;
using Guanjia.Domain.Attachments;
using Guanjia.Domain.Common;
using Guanjia.Domain.MicroProjects;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.MicroProjects;

internal static class ProjectSteps
{
    /// <summary>
    /// Loads the project in the caller's scope and checks the transition table: the action must exist for
    /// a project of this size (else 409), the caller must hold its permission (403), the project must be in
    /// one of its states (409) and, when given, at the version the caller saw (409).
    /// </summary>
    public static async Task<(MicroProject Project, ProjectWorkflow.Transition Row)> LoadForAsync(GuanjiaDb db, Guid id, string action,
        int? version, CancellationToken ct)
    {
        var p = await db.MicroProjects.SingleOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFound("MicroProject", "项目不存在或不在您的管辖范围内", "The project does not exist or is outside your scope");
        var rows = ProjectWorkflow.Table.Where(t => t.Action == action && ProjectWorkflow.Fits(t.Size, p.IsSmall)).ToList();
        if (rows.Count == 0)
            throw new Conflict(p.IsSmall == true ? "5万元以下项目无须执行此步骤" : "该项目不适用此步骤",
                $"{action} does not apply to this project");
        if (!db.Actor.Has(rows[0].Permission))
            throw new Forbidden($"您的角色不能执行“{rows[0].Zh}”", $"Your role may not perform {action}");
        var row = rows.FirstOrDefault(t => t.From.Contains(p.State))
            ?? throw new Conflict($"项目当前状态为“{ProjectWorkflow.Zh(p.State)}”，不能执行“{rows[0].Zh}”",
                $"The project is {p.State}; {action} needs {string.Join(" or ", rows.SelectMany(t => t.From).Distinct())}");
        if (version is { } v && v != p.Version)
            throw new Conflict("项目已被他人处理，请刷新后重试", "The project was changed by someone else; reload and try again");
        return (p, row);
    }

    public static DeadlineBook.Subject Subject(MicroProject p) => new("MicroProject", p.Id, p.Number, p.ScopePath);

    /// <summary>Checks that the given ids are this project's attachments of the kind asked for.</summary>
    public static async Task RequireAttachmentsAsync(GuanjiaDb db, MicroProject p, string field, IReadOnlyCollection<Guid> ids, AttachmentKind kind,
        CancellationToken ct)
    {
        var found = await db.Attachments.AsNoTracking()
            .Where(a => ids.Contains(a.Id) && a.OwnerType == "MicroProject" && a.OwnerId == p.Id && a.Kind == kind).CountAsync(ct);
        if (found != ids.Distinct().Count())
            throw new ValidationFailed(field, "unknown_attachment", $"附件不存在、不属于本项目或类型不是{kind}",
                $"An attachment does not exist, belongs to another record, or is not of kind {kind}");
    }

    public static async Task<Domain.Appeals.Appeal> AppealOfAsync(GuanjiaDb db, MicroProject p, CancellationToken ct) =>
        await db.Appeals.SingleAsync(a => a.Id == p.AppealId, ct);

    public static async Task<(string Village, string Town)> NamesAsync(GuanjiaDb db, MicroProject p, CancellationToken ct)
    {
        var names = await Organizations.OrganizationQueries.NamesAsync(db, [p.VillageId, p.TownId], ct);
        return (names.GetValueOrDefault(p.VillageId, ""), names.GetValueOrDefault(p.TownId, ""));
    }
}

/// <summary>What the project use cases share, injected once.</summary>
public sealed record ProjectServices(TimeProvider Clock, Programme.ProgrammeRulesProvider Rules, DeadlineBook Deadlines,
    Feedback.FeedbackWriter Feedback, CalendarAccess Calendar);

public sealed class CalendarAccess(Calendar.CalendarProvider provider)
{
    public Task<Domain.Calendar.WorkingCalendar> GetAsync(GuanjiaDb db, CancellationToken ct) => provider.GetAsync(db, ct);
}
