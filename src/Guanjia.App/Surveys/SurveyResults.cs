using Guanjia.App.MicroProjects;
using Guanjia.App.Persistence;
using Guanjia.Domain.Common;
using Guanjia.Domain.Publicity;
using Guanjia.Domain.Surveys;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Surveys;

public sealed record SurveyResultsView(Guid ProjectId, string Number, string Name, string TownName, string VillageName, SurveyReport Report,
    IReadOnlyList<string> Suggestions);

public sealed record PublicSurveyResults(string Number, string Name, string Town, string Village, SurveyReport Report);

/// <summary>
/// A project's satisfaction survey as a result (R-MS-14, R-MS-18): the count against the 30-response minimum,
/// each aspect's distribution, rate and score. Staff in scope also read the suggestions, masked (they are free
/// text a respondent wrote); signatures never leave the record. The public reads the numbers only, and only
/// for a project whose result has been published.
/// </summary>
public static class SurveyResults
{
    public static async Task<SurveyResultsView> GetAsync(GuanjiaDb db, ProjectServices s, Guid id, CancellationToken ct)
    {
        var p = await db.MicroProjects.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFound("MicroProject", "项目不存在或不在您的管辖范围内", "The project does not exist or is outside your scope");
        var rules = await s.Rules.GetAsync(db, p.RulesVersion, ct);
        var responses = await db.SurveyResponses.AsNoTracking().Where(r => r.ProjectId == id).OrderBy(r => r.At).ToListAsync(ct);
        var (village, town) = await ProjectSteps.NamesAsync(db, p, ct);
        var suggestions = responses.Where(r => !string.IsNullOrWhiteSpace(r.Suggestion)).Select(r => Masking.FreeText(r.Suggestion)).ToList();
        return new SurveyResultsView(p.Id, p.Number, p.Name, town, village, SurveyReport.From(responses, rules.SurveyMinimumResponses), suggestions);
    }

    /// <summary>By the public project number; only once the result notice is out (R-MS-15), with the name as published.</summary>
    public static async Task<PublicSurveyResults> PublicAsync(GuanjiaDb db, ProjectServices s, string? number, CancellationToken ct)
    {
        var key = number?.Trim().ToUpperInvariant() ?? "";
        var notice = await db.PublicNotices.AsNoTracking()
            .Where(n => n.Kind == NoticeKind.ProjectResult && n.SubjectType == "MicroProject" && n.SubjectRef == key)
            .OrderByDescending(n => n.PublishedAt).FirstOrDefaultAsync(ct)
            ?? throw new NotFound("MicroProject", "没有该项目已公开的测评结果", "No published survey result for that project");
        // The public has no scope: the notice says the result is public, and only the counts are read.
        var p = await db.MicroProjects.AsNoTracking().IgnoreQueryFilters().SingleAsync(x => x.Id == notice.SubjectId, ct);
        var rules = await s.Rules.GetAsync(db, p.RulesVersion, ct);
        var responses = await db.SurveyResponses.AsNoTracking().IgnoreQueryFilters().Where(r => r.ProjectId == p.Id).ToListAsync(ct);
        using var body = System.Text.Json.JsonDocument.Parse(notice.BodyJson);
        string Field(string name) => body.RootElement.TryGetProperty(name, out var v) && v.ValueKind == System.Text.Json.JsonValueKind.String ? v.GetString()! : "";
        return new PublicSurveyResults(p.Number, Field("name"), Field("town"), Field("village"), SurveyReport.From(responses, rules.SurveyMinimumResponses));
    }
}
