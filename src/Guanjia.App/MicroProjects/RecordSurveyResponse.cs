using Guanjia.App.Persistence;
using Guanjia.Domain.Common;
using Guanjia.Domain.MicroProjects;

namespace Guanjia.App.MicroProjects;

/// <summary>
/// One questionnaire of attachment 3 entered by the party the rules name: the village for a small project before it
/// files completion, the town for a large one after, or the third-party evaluator the town commissioned (R-MS-14,
/// R-MS-18). The eighth row 其他 is optional: a level for an aspect the respondent names.
/// </summary>
public static class RecordSurveyResponse
{
    public sealed record Request(
        SatisfactionLevel? Overall, SatisfactionLevel? Quality, SatisfactionLevel? Effect, SatisfactionLevel? Attitude,
        SatisfactionLevel? Efficiency, SatisfactionLevel? Closeness, SatisfactionLevel? Openness, string? Suggestion, string? Signature,
        SatisfactionLevel? Other = null, string? OtherAspect = null);

    /// <summary>The optional 其他 row: a level when given must be one of the five, and names what it rates.</summary>
    internal static Check OtherRow(Check c, SatisfactionLevel? other, string? aspect) => c
        .When(other is { } o && !Enum.IsDefined(o), "other", "invalid", "“其他”一项的评价无效", "other must be one of the five levels")
        .When(other is null && !string.IsNullOrWhiteSpace(aspect), "other", "required", "填写了“其他”评价事项，请同时选择满意程度",
            "otherAspect needs a level in other")
        .MaxLength("otherAspect", aspect, 50, "其他评价事项", "Other aspect");

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
        var p = await ProjectSteps.LoadForAsync(db, id, "RecordSurveyResponse", null, ct);
        var c = Aspects(new Check(), r.Overall, r.Quality, r.Effect, r.Attitude, r.Efficiency, r.Closeness, r.Openness);
        OtherRow(c, r.Other, r.OtherAspect);
        c.MaxLength("suggestion", r.Suggestion, 2000, "意见建议", "Suggestion").MaxLength("signature", r.Signature, 50, "签名", "Signature").ThrowIfFailed();
        var response = new SurveyResponse
        {
            Id = Guid.CreateVersion7(), ProjectId = p.Id, ScopePath = p.ScopePath, Overall = r.Overall!.Value, Quality = r.Quality!.Value,
            Effect = r.Effect!.Value, Attitude = r.Attitude!.Value, Efficiency = r.Efficiency!.Value, Closeness = r.Closeness!.Value,
            Openness = r.Openness!.Value, Other = r.Other, OtherAspect = r.Other is null ? null : r.OtherAspect?.Trim(),
            Suggestion = r.Suggestion?.Trim(), Signature = r.Signature?.Trim(), Online = false,
            At = s.Clock.GetUtcNow(), EnteredById = db.Actor.Id,
        };
        db.SurveyResponses.Add(response);
        Common.Idempotency.Remember(db, idempotencyKey, "RecordSurveyResponse", hash, response.Id, response.At);
        // Who enters it says which row: the village (small), the town (large, or a small station item's service, R-ST-11), a commissioned evaluator.
        var outcome = db.Actor.Has(Domain.Accounts.Permissions.ProjectsVillage) ? null
            : db.Actor.Has(Domain.Accounts.Permissions.ProjectsTown) ? p.IsSmall == true ? "StationService" : null
            : "Commissioned";
        await ProjectSteps.FireAsync(db, s, p, "RecordSurveyResponse", outcome, s.Workflow.At(), ct);
        await db.Audit("RecordSurveyResponse").SaveChangesAsync(ct);
        return await ProjectQueries.SurveyAsync(db, s, id, ct);
    }
}
