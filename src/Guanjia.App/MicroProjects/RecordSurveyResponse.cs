using Guanjia.App.Persistence;
using Guanjia.Domain.Common;
using Guanjia.Domain.MicroProjects;

namespace Guanjia.App.MicroProjects;

/// <summary>
/// One questionnaire of attachment 3 entered by the party the rules name: the village for a small
/// project before it files completion, the town for a large one after (R-MS-14).
/// </summary>
public static class RecordSurveyResponse
{
    public sealed record Request(
        SatisfactionLevel? Overall, SatisfactionLevel? Quality, SatisfactionLevel? Effect, SatisfactionLevel? Attitude,
        SatisfactionLevel? Efficiency, SatisfactionLevel? Closeness, SatisfactionLevel? Openness, string? Suggestion, string? Signature);

    /// <summary>Each of the seven aspects needs one of the five levels, in the questionnaire's order.</summary>
    internal static Check Aspects(Check c, params SatisfactionLevel?[] values)
    {
        for (var i = 0; i < values.Length; i++)
            c.When(values[i] is null || !Enum.IsDefined(values[i]!.Value), SurveyResponse.Aspects[i], "required",
                "每一项评价都须选择（非常满意/满意/基本满意/不满意/非常不满意）", "Every aspect needs one of the five levels");
        return c;
    }

    public static async Task<SurveyResult> HandleAsync(GuanjiaDb db, ProjectServices s, Guid id, Request r, string? idempotencyKey, CancellationToken ct)
    {
        var hash = Common.Idempotency.Hash(new { id, r });
        if (await Common.Idempotency.FindAsync(db, idempotencyKey, "RecordSurveyResponse", hash, ct) is not null)
            return await ProjectQueries.SurveyAsync(db, s, id, ct);
        var (p, _) = await ProjectSteps.LoadForAsync(db, id, "RecordSurveyResponse", null, ct);
        var c = Aspects(new Check(), r.Overall, r.Quality, r.Effect, r.Attitude, r.Efficiency, r.Closeness, r.Openness);
        c.MaxLength("suggestion", r.Suggestion, 2000, "意见建议", "Suggestion").MaxLength("signature", r.Signature, 50, "签名", "Signature").ThrowIfFailed();
        var response = new SurveyResponse
        {
            Id = Guid.CreateVersion7(), ProjectId = p.Id, ScopePath = p.ScopePath, Overall = r.Overall!.Value, Quality = r.Quality!.Value,
            Effect = r.Effect!.Value, Attitude = r.Attitude!.Value, Efficiency = r.Efficiency!.Value, Closeness = r.Closeness!.Value,
            Openness = r.Openness!.Value, Suggestion = r.Suggestion?.Trim(), Signature = r.Signature?.Trim(), Online = false,
            At = s.Clock.GetUtcNow(), EnteredById = db.Actor.Id,
        };
        db.SurveyResponses.Add(response);
        Common.Idempotency.Remember(db, idempotencyKey, "RecordSurveyResponse", hash, response.Id, response.At);
        await db.Audit("RecordSurveyResponse").SaveChangesAsync(ct);
        return await ProjectQueries.SurveyAsync(db, s, id, ct);
    }
}
