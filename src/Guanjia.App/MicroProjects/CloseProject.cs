using System.Text.Json;
using Guanjia.App.Persistence;
using Guanjia.Domain.Common;
using Guanjia.Domain.Deadlines;
using Guanjia.Domain.Feedback;
using Guanjia.Domain.MicroProjects;
using Guanjia.Domain.Publicity;
using Guanjia.Domain.Surveys;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.MicroProjects;

/// <summary>
/// The town enters the survey result of a large project (R-MS-14); closing publishes the result with
/// the fund use on the linked platforms and tells the proposer (R-MS-15, third feedback).
/// </summary>
public static class CloseProject
{
    public sealed record Request(string? LateReason, int? Version);

    public static async Task<ProjectDetail> FinishSurveyAsync(GuanjiaDb db, ProjectServices s, Guid id, Request r, CancellationToken ct)
    {
        var (p, row) = await ProjectSteps.LoadForAsync(db, id, "FinishSurvey", r.Version, ct);
        var rules = await s.Rules.GetAsync(db, p.RulesVersion, ct);
        var responses = await db.SurveyResponses.AsNoTracking().CountAsync(x => x.ProjectId == p.Id, ct);
        new Check().When(responses < rules.SurveyMinimumResponses, "survey", "survey_minimum",
            $"参与测评人数不得少于{rules.SurveyMinimumResponses}人（现有{responses}份）",
            $"At least {rules.SurveyMinimumResponses} responses are needed ({responses} so far)").ThrowIfFailed();
        await s.Deadlines.MeetAsync(db, p.Id, row.Meets, r.LateReason, ct);
        await CloseAsync(db, s, p, ct);
        await db.Audit("FinishSurvey").SaveChangesAsync(ct);
        return await ProjectQueries.GetAsync(db, s, id, ct);
    }

    /// <summary>Publishes the result and tells the proposer; the caller has met the step's deadlines.</summary>
    internal static async Task CloseAsync(GuanjiaDb db, ProjectServices s, MicroProject p, CancellationToken ct)
    {
        var now = s.Clock.GetUtcNow();
        var rules = await s.Rules.GetAsync(db, p.RulesVersion, ct);
        var responses = await db.SurveyResponses.AsNoTracking().Where(x => x.ProjectId == p.Id).ToListAsync(ct);
        var summary = SurveySummary.From(responses, rules.SurveyMinimumResponses);
        p.State = ProjectState.Closed;
        p.ClosedAt = now;
        var (village, town) = await ProjectSteps.NamesAsync(db, p, ct);
        var appeal = await ProjectSteps.AppealOfAsync(db, p, ct);
        string?[] personal = [appeal.AppellantName, appeal.AppellantPhone, appeal.Address];
        Publicity.Publisher.Publish(db, new Publicity.Publisher.Draft(NoticeKind.ProjectResult, "MicroProject", p.Id, p.Number, p.TownId, p.VillageId,
            $"“{p.Name}”项目办理结果", new Dictionary<string, object?>
            {
                ["number"] = p.Number, ["name"] = p.Name, ["town"] = town, ["village"] = village, ["content"] = p.Content,
                ["budgetFen"] = p.BudgetFen, ["actualProgrammeFen"] = p.ActualProgrammeFen, ["actualVillageFen"] = p.ActualVillageFen,
                ["actualSocialFen"] = p.ActualSocialFen, ["completedAt"] = p.CompletedAt, ["implementingBody"] = p.ImplementingBody,
                ["surveyResponses"] = summary.Responses, ["satisfactionRate"] = summary.SatisfactionRate, ["score"] = summary.Score,
                ["photoIds"] = OutcomePhotos(p.CompletionFormJson),
            }, PublicNotice.LinkedPlatforms, now, null), now, personal);
        await s.Feedback.AddAsync(db, appeal, FeedbackKind.Result, new Dictionary<string, string?> { ["projectName"] = p.Name, ["town"] = town, ["village"] = village }, ct);
    }

    /// <summary>The completion form's outcome photos are the ones shown with the published result.</summary>
    private static List<Guid> OutcomePhotos(string? completionFormJson)
    {
        if (completionFormJson is null) return [];
        using var doc = JsonDocument.Parse(completionFormJson);
        return doc.RootElement.TryGetProperty("OutcomePhotoIds", out var ids) && ids.ValueKind == JsonValueKind.Array
            ? ids.EnumerateArray().Select(x => x.GetGuid()).ToList()
            : [];
    }
}
