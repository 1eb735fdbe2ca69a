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
    /// Loads the project in the caller's scope and checks the transition table: the action must exist for a project
    /// of this size (else 409), the caller must hold its permission (403), the project must be in one of its states
    /// (409) and, when given, at the version the caller saw (409).
    /// </summary>
    public static async Task<MicroProject> LoadForAsync(GuanjiaDb db, Guid id, string action, int? version, CancellationToken ct)
    {
        var p = await db.MicroProjects.SingleOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFound("MicroProject", "项目不存在或不在您的管辖范围内", "The project does not exist or is outside your scope");
        Common.WorkflowGate.Check(db, ProjectWorkflow.Workflow, p, action, ProjectWorkflow.Zh(p.State), version, p.Version, "项目", "project");
        return p;
    }

    /// <summary>Fires the row of this action (and outcome) that applies to the project now.</summary>
    public static Task FireAsync(GuanjiaDb db, ProjectServices s, MicroProject p, string action, string? outcome, Domain.Common.Firing firing,
        CancellationToken ct) => s.Workflow.FireAsync(db, ProjectWorkflow.Workflow, p, action, outcome, firing, ct);

    /// <summary>The names the feedback templates fill in for a project.</summary>
    public static async Task<Dictionary<string, string?>> ValuesAsync(GuanjiaDb db, MicroProject p, CancellationToken ct)
    {
        var (village, town) = await NamesAsync(db, p, ct);
        return new Dictionary<string, string?>
        {
            ["projectName"] = p.Name, ["village"] = village, ["town"] = town, ["route"] = p.Route is { } r ? ProjectTaxonomy.Zh(r) : "",
        };
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
    Feedback.FeedbackWriter Feedback, CalendarAccess Calendar, Common.WorkflowRunner Workflow);

public sealed class CalendarAccess(Calendar.CalendarProvider provider)
{
    public Task<Domain.Calendar.WorkingCalendar> GetAsync(GuanjiaDb db, CancellationToken ct) => provider.GetAsync(db, ct);
}
