using Guanjia.App.Common;
using Guanjia.App.Persistence;
using Guanjia.Domain.Accounts;
using Guanjia.Domain.Common;
using Guanjia.Domain.MicroProjects;
using Guanjia.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.MicroProjects;

/// <summary>A project a town commissioned an evaluator for, as the evaluator sees it: nothing personal, nothing else of the town's.</summary>
public sealed record CommissionedProject(Guid ProjectId, string Number, string Name, string? Town, string? Village, ProjectState State, string StateZh,
    bool SurveyOpen, int Responses, int Minimum, DateTimeOffset CommissionedAt);

public sealed record CommissionView(Guid Id, Guid ProjectId, Guid EvaluatorId, string? EvaluatorName, string? Note, DateTimeOffset CommissionedAt,
    string? CommissionedBy, DateTimeOffset? WithdrawnAt, int Version);

/// <summary>
/// 002 §四(四)3: the town may commission a third-party evaluator to run a project's public satisfaction survey
/// (R-MS-14, R-MS-18). The town names the evaluator for a project at or above the threshold; the evaluator sees its
/// commissioned projects and enters their responses; withdrawing ends that. The evaluation fee is the town finance's,
/// not the programme's (R-FD-08).
/// </summary>
public static class SurveyCommissions
{
    public sealed record Commission(Guid? EvaluatorId, string? Note, int? Version);

    public sealed record Withdraw(int? Version);

    public static async Task<CommissionView> CommissionAsync(GuanjiaDb db, ProjectServices s, Guid projectId, Commission r, CancellationToken ct)
    {
        if (!db.Actor.Has(Permissions.ProjectsTown))
            throw new Forbidden("只有镇（街道）牵头部门可以委托第三方评估机构", "Only the town lead department commissions an evaluator");
        var p = await db.MicroProjects.SingleOrDefaultAsync(x => x.Id == projectId, ct)
            ?? throw new NotFound("MicroProject", "项目不存在或不在您的管辖范围内", "The project does not exist or is outside your scope");
        var evaluator = r.EvaluatorId is { } eid
            ? await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == eid && o.Kind == OrganizationKind.Evaluator && o.IsActive, ct) : null;
        var open = await db.SurveyCommissions.Where(c => c.ProjectId == projectId && c.WithdrawnAt == null).ToListAsync(ct);
        new Check()
            .When(p.IsSmall == true, "projectId", "small_project", "5万元以下项目由村（社区）自行组织满意度测评", "A small project's survey is the village's (R-MS-14)")
            .When(ProjectWorkflow.IsTerminal(p.State), "projectId", "closed", "项目已办结", "The project is closed")
            .When(r.EvaluatorId is null, "evaluatorId", "required", "请选择第三方评估机构", "evaluatorId is required")
            .When(r.EvaluatorId is not null && evaluator is null, "evaluatorId", "not_an_evaluator", "请选择已登记的第三方评估机构",
                "Choose a registered third-party evaluator")
            .When(open.Any(c => c.EvaluatorId == r.EvaluatorId), "evaluatorId", "already_commissioned", "已委托该机构", "That evaluator is already commissioned")
            .MaxLength("note", r.Note, 500, "委托说明", "Note")
            .ThrowIfFailed();
        var c = new SurveyCommission
        {
            Id = Guid.CreateVersion7(), ProjectId = p.Id, EvaluatorId = evaluator!.Id, ScopePath = p.ScopePath, Note = r.Note?.Trim(),
            CommissionedAt = s.Clock.GetUtcNow(), CommissionedBy = db.Actor.Name,
        };
        db.SurveyCommissions.Add(c);
        await db.Audit("CommissionSurvey", r.Note).SaveChangesAsync(ct);
        return View(c, evaluator.Name);
    }

    public static async Task<CommissionView> WithdrawAsync(GuanjiaDb db, ProjectServices s, Guid commissionId, Withdraw r, CancellationToken ct)
    {
        if (!db.Actor.Has(Permissions.ProjectsTown))
            throw new Forbidden("只有镇（街道）牵头部门可以撤回委托", "Only the town lead department withdraws a commission");
        var c = await db.SurveyCommissions.SingleOrDefaultAsync(x => x.Id == commissionId, ct)
            ?? throw new NotFound("SurveyCommission", "委托不存在或不在您的管辖范围内", "The commission does not exist or is outside your scope");
        if (c.WithdrawnAt is not null) throw new Conflict("委托已撤回", "The commission is already withdrawn");
        if (r.Version is { } v && v != c.Version) throw new Conflict("委托已被他人处理，请刷新后重试", "The commission changed; reload and try again");
        c.WithdrawnAt = s.Clock.GetUtcNow();
        await db.Audit("WithdrawSurveyCommission").SaveChangesAsync(ct);
        var name = await db.Organizations.AsNoTracking().Where(o => o.Id == c.EvaluatorId).Select(o => o.Name).SingleOrDefaultAsync(ct);
        return View(c, name);
    }

    public static async Task<IReadOnlyList<CommissionView>> OfProjectAsync(GuanjiaDb db, Guid projectId, CancellationToken ct)
    {
        var rows = await db.SurveyCommissions.AsNoTracking().Where(c => c.ProjectId == projectId).OrderBy(c => c.CommissionedAt).ToListAsync(ct);
        var names = await Organizations.OrganizationQueries.NamesAsync(db, rows.Select(r => r.EvaluatorId), ct);
        return rows.Select(c => View(c, names.GetValueOrDefault(c.EvaluatorId))).ToList();
    }

    /// <summary>The evaluator's own list: the projects towns commissioned it for and have not withdrawn.</summary>
    public static async Task<IReadOnlyList<CommissionedProject>> MineAsync(GuanjiaDb db, ProjectServices s, CancellationToken ct)
    {
        var org = RequireEvaluator(db);
        var rows = await db.SurveyCommissions.IgnoreQueryFilters().AsNoTracking().Where(c => c.EvaluatorId == org && c.WithdrawnAt == null)
            .Join(db.MicroProjects.IgnoreQueryFilters(), c => c.ProjectId, p => p.Id, (c, p) => new { c.CommissionedAt, Project = p })
            .OrderByDescending(x => x.CommissionedAt).Take(500).ToListAsync(ct);
        var ids = rows.Select(r => r.Project.Id).ToList();
        var counts = await db.SurveyResponses.IgnoreQueryFilters().Where(r => r.ProjectId != null && ids.Contains(r.ProjectId.Value)).GroupBy(r => r.ProjectId!.Value)
            .Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        var names = await db.Organizations.IgnoreQueryFilters().AsNoTracking()
            .Where(o => rows.Select(r => r.Project.TownId).Contains(o.Id) || rows.Select(r => r.Project.VillageId).Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var result = new List<CommissionedProject>();
        foreach (var x in rows)
        {
            var p = x.Project;
            var rules = await s.Rules.GetAsync(db, p.RulesVersion, ct);
            result.Add(new CommissionedProject(p.Id, p.Number, p.Name, names.GetValueOrDefault(p.TownId), names.GetValueOrDefault(p.VillageId), p.State,
                ProjectWorkflow.Zh(p.State), ProjectWorkflow.Workflow.Allows(p, "RecordSurveyResponse"), counts.GetValueOrDefault(p.Id),
                rules.SurveyMinimumResponses, x.CommissionedAt));
        }
        return result;
    }

    /// <summary>
    /// The evaluator acting on one commissioned project: its own identity with that project's scope and only the
    /// evaluator's permission, so the ordinary use case runs unchanged and nothing else of the village opens up.
    /// </summary>
    public static async Task<Actor> ActorForAsync(GuanjiaDb db, Guid projectId, CancellationToken ct)
    {
        var org = RequireEvaluator(db);
        var scope = await db.SurveyCommissions.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.ProjectId == projectId && c.EvaluatorId == org && c.WithdrawnAt == null).Select(c => c.ScopePath).FirstOrDefaultAsync(ct)
            ?? throw new NotFound("MicroProject", "项目不存在或未委托贵机构测评", "The project does not exist or was not commissioned to you");
        var a = db.Actor;
        return a with { ScopePath = scope, Permissions = new HashSet<string>(StringComparer.Ordinal) { Permissions.SurveysEvaluate } };
    }

    private static Guid RequireEvaluator(GuanjiaDb db) =>
        db.Actor.Has(Permissions.SurveysEvaluate) && db.Actor.OrganizationId is { } org
            ? org : throw new Forbidden("只有第三方评估机构可以查看受托测评项目", "Only a third-party evaluator has commissioned surveys");

    private static CommissionView View(SurveyCommission c, string? name) =>
        new(c.Id, c.ProjectId, c.EvaluatorId, name, c.Note, c.CommissionedAt, c.CommissionedBy, c.WithdrawnAt, c.Version);
}
