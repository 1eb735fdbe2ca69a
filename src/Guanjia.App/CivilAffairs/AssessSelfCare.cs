using Guanjia.App.Persistence;
using Guanjia.Domain.Accounts;
using Guanjia.Domain.Calendar;
using Guanjia.Domain.CivilAffairs;
using Guanjia.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.CivilAffairs;

public sealed record AssessmentView(Guid Id, Guid CaseFileId, DateOnly AssessedOn, AssessmentReason Reason, Guid? TriggerVisitId, bool Eating,
    bool Bathing, bool Dressing, bool Toileting, bool Transfer, bool Walking, int NotMet, SelfCareResult Result, string ResultZh, CareLevel CareLevel,
    string CareLevelZh, string AssessorName, string? Notes, DateTimeOffset CreatedAt);

/// <summary>
/// A self-care assessment (R-CA-07): the six items, each answered; the result by the number not met (具备 / 部分丧失 /
/// 完全丧失) sets the care level. It meets the year's assessment and any re-assessment a sudden change opened before it.
/// Assessments are never edited: a new one is made and the history stays.
/// </summary>
public static class AssessSelfCare
{
    public sealed record Items(bool? Eating, bool? Bathing, bool? Dressing, bool? Toileting, bool? Transfer, bool? Walking);

    public sealed record Request(DateOnly? AssessedOn, AssessmentReason? Reason, Guid? TriggerVisitId, Items? Items, string? Notes);

    public static async Task<AssessmentView> HandleAsync(GuanjiaDb db, CaseworkServices s, Guid fileId, Request r, CancellationToken ct)
    {
        Casework.Require(db, Permissions.CaseworkRecord);
        var f = await Casework.FileAsync(db, fileId, ct);
        var i = r.Items ?? new Items(null, null, null, null, null, null);
        var given = new bool?[] { i.Eating, i.Bathing, i.Dressing, i.Toileting, i.Transfer, i.Walking };
        var c = new Check()
            .When(r.AssessedOn is null, "assessedOn", "required", "请填写评估日期", "assessedOn is required")
            .When(r.AssessedOn > s.Today, "assessedOn", "in_future", "评估日期不能晚于今天", "assessedOn is in the future")
            .When(r.AssessedOn < f.RegisteredOn, "assessedOn", "before_registration", "评估日期不能早于建档日期", "assessedOn is before the registration")
            .Defined("reason", r.Reason, "评估原因")
            .When(f.Status != CaseStatus.InCare, "caseFileId", "not_in_care", "此人已不在救助中", "The person is no longer in care")
            .MaxLength("notes", r.Notes, 2000, "备注", "Notes");
        for (var k = 0; k < 6; k++)
        {
            var (field, zh, en) = SelfCareItems.Names[k];
            c.When(given[k] is null, $"items.{field}", "required", $"请评估“{zh}”一项", $"The item '{en}' is missing");
        }
        if (r.TriggerVisitId is { } vid && !await db.Visits.AnyAsync(v => v.Id == vid && v.CaseFileId == f.Id, ct))
            c.Add("triggerVisitId", "unknown_visit", "触发评估的探视记录不存在", "The visit does not exist");
        c.ThrowIfFailed();

        var items = new SelfCareItems(i.Eating!.Value, i.Bathing!.Value, i.Dressing!.Value, i.Toileting!.Value, i.Transfer!.Value, i.Walking!.Value);
        var result = SelfCare.Classify(items);
        var a = new SelfCareAssessment
        {
            Id = Guid.CreateVersion7(), CaseFileId = f.Id, ScopePath = f.ScopePath, AssessedOn = r.AssessedOn!.Value, Reason = r.Reason!.Value,
            TriggerVisitId = r.TriggerVisitId, Eating = items.Eating, Bathing = items.Bathing, Dressing = items.Dressing, Toileting = items.Toileting,
            Transfer = items.Transfer, Walking = items.Walking, NotMet = items.NotMet, Result = result, CareLevel = SelfCare.CareLevelOf(result),
            AssessorName = db.Actor.Name, Notes = r.Notes?.Trim(), CreatedAt = s.Now,
        };
        db.SelfCareAssessments.Add(a);
        if (f.LastAssessedOn is null || f.LastAssessedOn <= a.AssessedOn)
        {
            f.LastAssessedOn = a.AssessedOn;
            f.SelfCare = a.Result;
            f.CareLevel = a.CareLevel;
        }
        var doneAt = a.AssessedOn == s.Today ? s.Now : ChinaTime.EndOfDay(a.AssessedOn);
        if (f.IsExtremelyPoor)
            await CaseworkDeadlines.MeetAsync(db, s, CaseworkObligations.YearlyAssessment, CaseworkDeadlines.Subject(f), f.VillageId,
                CaseworkDeadlines.YearStart(a.AssessedOn.Year), CaseworkDeadlines.YearEnd(a.AssessedOn.Year), doneAt, ct);
        var reassessments = await db.Deadlines.Where(d => d.SubjectId == f.Id && d.Obligation == CaseworkObligations.Reassessment && d.IsOpen
            && d.StartsAt <= doneAt).ToListAsync(ct);
        foreach (var d in reassessments) d.Meet(doneAt, doneAt > d.DueAt ? "重新评估超过规定工作日" : null);
        await db.Audit("AssessSelfCare").SaveChangesAsync(ct);
        return ViewOf(a);
    }

    public static AssessmentView ViewOf(SelfCareAssessment a) => new(a.Id, a.CaseFileId, a.AssessedOn, a.Reason, a.TriggerVisitId, a.Eating, a.Bathing,
        a.Dressing, a.Toileting, a.Transfer, a.Walking, a.NotMet, a.Result, SelfCare.Zh(a.Result), a.CareLevel, SelfCare.Zh(a.CareLevel), a.AssessorName,
        a.Notes, a.CreatedAt);

    /// <summary>A person's assessments, newest first: the history.</summary>
    public static async Task<IReadOnlyList<AssessmentView>> HistoryAsync(GuanjiaDb db, Guid fileId, CancellationToken ct)
    {
        Casework.Require(db, Permissions.CaseworkRead);
        await Casework.FileAsync(db, fileId, ct);
        var rows = await db.SelfCareAssessments.AsNoTracking().Where(a => a.CaseFileId == fileId).OrderByDescending(a => a.AssessedOn)
            .ThenByDescending(a => a.CreatedAt).ToListAsync(ct);
        return rows.Select(ViewOf).ToList();
    }
}
