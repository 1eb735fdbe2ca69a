using Guanjia.App.Contacts;
using Guanjia.App.Persistence;
using Guanjia.Domain.Common;
using Guanjia.Domain.Contacts;
using Guanjia.Domain.MicroProjects;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.MicroProjects;

/// <summary>
/// A resident answers the satisfaction questionnaire (003 attachment 3) on the portal while the project's
/// survey is open (R-MS-14): one response per project per verified phone, kept only as the phone's hash.
/// Online answers count with the paper ones towards the minimum of 30.
/// </summary>
public static class SubmitOnlineSurvey
{
    public sealed record Request(
        SatisfactionLevel? Overall, SatisfactionLevel? Quality, SatisfactionLevel? Effect, SatisfactionLevel? Attitude,
        SatisfactionLevel? Efficiency, SatisfactionLevel? Closeness, SatisfactionLevel? Openness, string? Suggestion, string? Phone, string? Code,
        SatisfactionLevel? Other = null, string? OtherAspect = null);

    public sealed record PublicSurvey(string Number, string Name, string? Village, string? Town, bool Open, int Responses, int Minimum,
        IReadOnlyList<string> Aspects);

    public sealed record Thanks(string Number, int Responses);

    private static async Task<MicroProject> FindAsync(GuanjiaDb db, string number, CancellationToken ct) =>
        await db.MicroProjects.IgnoreQueryFilters().SingleOrDefaultAsync(p => p.Number == number, ct)
        ?? throw new NotFound("MicroProject", "项目不存在", "No such project");

    private static bool IsOpen(MicroProject p) => ProjectWorkflow.Workflow.Allows(p, "RecordSurveyResponse");

    public static async Task<PublicSurvey> GetAsync(GuanjiaDb db, ProjectServices s, string number, CancellationToken ct)
    {
        var p = await FindAsync(db, number, ct);
        var appeal = await db.Appeals.IgnoreQueryFilters().AsNoTracking().SingleAsync(a => a.Id == p.AppealId, ct);
        var names = await db.Organizations.IgnoreQueryFilters().AsNoTracking().Where(o => o.Id == p.TownId || o.Id == p.VillageId)
            .ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var rules = await s.Rules.GetAsync(db, p.RulesVersion, ct);
        var count = await db.SurveyResponses.IgnoreQueryFilters().CountAsync(r => r.ProjectId == p.Id, ct);
        return new PublicSurvey(p.Number, Masking.Published(p.Name, appeal.AppellantName, appeal.AppellantPhone, appeal.Address),
            names.GetValueOrDefault(p.VillageId), names.GetValueOrDefault(p.TownId), IsOpen(p), count, rules.SurveyMinimumResponses, SurveyResponse.Aspects);
    }

    public static async Task<Thanks> HandleAsync(GuanjiaDb db, ProjectServices s, string number, Request r, CancellationToken ct)
    {
        var p = await FindAsync(db, number, ct);
        if (!IsOpen(p)) throw new Conflict("该项目当前未开展满意度测评", "The project's satisfaction survey is not open");
        var c = RecordSurveyResponse.Aspects(new Check(), r.Overall, r.Quality, r.Effect, r.Attitude, r.Efficiency, r.Closeness, r.Openness);
        RecordSurveyResponse.OtherRow(c, r.Other, r.OtherAspect);
        c.MaxLength("suggestion", r.Suggestion, 2000, "意见建议", "Suggestion").MobilePhone("phone", r.Phone)
            .Required("code", r.Code, "短信验证码", "Verification code").ThrowIfFailed();
        var key = ContactVerifications.PhoneHash(r.Phone!);
        // The code first: without it, nobody may learn whether a phone has answered (R-PL-07).
        await ContactVerifications.ConsumeAsync(db, s.Clock, r.Phone!, VerificationPurpose.Survey, r.Code, ct);
        if (await db.SurveyResponses.IgnoreQueryFilters().AnyAsync(x => x.ProjectId == p.Id && x.RespondentKeyHash == key, ct))
            throw new Conflict("该手机号已参与本项目的满意度测评", "This phone has already answered this project's survey");
        db.SurveyResponses.Add(new SurveyResponse
        {
            Id = Guid.CreateVersion7(), ProjectId = p.Id, ScopePath = p.ScopePath, Overall = r.Overall!.Value, Quality = r.Quality!.Value,
            Effect = r.Effect!.Value, Attitude = r.Attitude!.Value, Efficiency = r.Efficiency!.Value, Closeness = r.Closeness!.Value,
            Openness = r.Openness!.Value, Other = r.Other, OtherAspect = r.Other is null ? null : Masking.FreeText(r.OtherAspect?.Trim()),
            Suggestion = Masking.FreeText(r.Suggestion?.Trim()), Online = true, RespondentKeyHash = key,
            At = s.Clock.GetUtcNow(),
        });
        // The unique (project, phone hash) index answers 409 to a second answer sent at the same moment.
        await db.Audit("SubmitOnlineSurvey").SaveChangesAsync(ct);
        return new Thanks(p.Number, await db.SurveyResponses.IgnoreQueryFilters().CountAsync(x => x.ProjectId == p.Id, ct));
    }
}
