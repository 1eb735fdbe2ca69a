using Guanjia.App.Persistence;
using Guanjia.Domain.Common;
using Guanjia.Domain.MicroProjects;
using Guanjia.Domain.Publicity;
using Guanjia.Domain.Surveys;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.MicroProjects;

/// <summary>
/// The town enters the survey result of a large project and closes it (R-MS-14). Closing (办结) starts the result's
/// 5 working days; the system then publishes the result with the fund use on the linked platforms and tells the
/// proposer at once (R-MS-15, third feedback), which meets them.
/// </summary>
public static class CloseProject
{
    public sealed record Request(string? LateReason, int? Version);

    public static async Task<ProjectDetail> FinishSurveyAsync(GuanjiaDb db, ProjectServices s, Guid id, Request r, CancellationToken ct)
    {
        var p = await ProjectSteps.LoadForAsync(db, id, "FinishSurvey", r.Version, ct);
        var rules = await s.Rules.GetAsync(db, p.RulesVersion, ct);
        var responses = await db.SurveyResponses.AsNoTracking().CountAsync(x => x.ProjectId == p.Id, ct);
        new Check().When(responses < rules.SurveyMinimumResponses, "survey", "survey_minimum",
            $"参与测评人数不得少于{rules.SurveyMinimumResponses}人（现有{responses}份）",
            $"At least {rules.SurveyMinimumResponses} responses are needed ({responses} so far)").ThrowIfFailed();
        await ProjectSteps.FireAsync(db, s, p, "FinishSurvey", null, s.Workflow.At(lateReason: r.LateReason), ct);
        await ClosedAsync(db, s, p, ct);
        await db.Audit("FinishSurvey").SaveChangesAsync(ct);
        return await ProjectQueries.GetAsync(db, s, id, ct);
    }

    /// <summary>The project has just closed: the system publishes the result and tells the proposer (the PublishResult row).</summary>
    internal static async Task ClosedAsync(GuanjiaDb db, ProjectServices s, MicroProject p, CancellationToken ct)
    {
        var now = s.Clock.GetUtcNow();
        var rules = await s.Rules.GetAsync(db, p.RulesVersion, ct);
        var responses = await db.SurveyResponses.AsNoTracking().Where(x => x.ProjectId == p.Id).ToListAsync(ct);
        var summary = SurveySummary.From(responses, rules.SurveyMinimumResponses);
        p.ClosedAt = now;
        var values = await ProjectSteps.ValuesAsync(db, p, ct);
        var appeal = await ProjectSteps.AppealOfAsync(db, p, ct);
        string?[] personal = [appeal.AppellantName, appeal.AppellantPhone, appeal.Address, p.ContactName, p.ContactPhone];
        Publicity.Publisher.Publish(db, new Publicity.Publisher.Draft(NoticeKind.ProjectResult, "MicroProject", p.Id, p.Number, p.TownId, p.VillageId,
            $"“{p.Name}”项目办理结果", new Dictionary<string, object?>
            {
                ["number"] = p.Number, ["name"] = p.Name, ["town"] = values["town"], ["village"] = values["village"], ["content"] = p.Content,
                ["budgetFen"] = p.BudgetFen, ["actualProgrammeFen"] = p.ActualProgrammeFen, ["actualVillageFen"] = p.ActualVillageFen,
                ["actualSocialFen"] = p.ActualSocialFen, ["completedAt"] = p.CompletedAt, ["implementingBody"] = p.ImplementingBody,
                ["surveyResponses"] = summary.Responses, ["satisfactionRate"] = summary.SatisfactionRate, ["score"] = summary.Score,
                ["photoIds"] = CompletionForm.Parse(p.CompletionFormJson)?.OutcomePhotoIds ?? [],
            }, PublicNotice.LinkedPlatforms, now, null), now, personal);
        await ProjectSteps.FireAsync(db, s, p, "PublishResult", null, s.Workflow.At(values: values), ct);
    }
}
