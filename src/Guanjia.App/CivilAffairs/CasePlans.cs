using Guanjia.App.Persistence;
using Guanjia.Domain.Accounts;
using Guanjia.Domain.CivilAffairs;
using Guanjia.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.CivilAffairs;

public sealed record PlanEntryView(Guid Id, PlanEntryKind Kind, DateOnly On, string Text, string ByName, DateTimeOffset At);

public sealed record CasePlanView(Guid Id, Guid CaseFileId, PlanKind Kind, string Needs, string Goals, PlanState State, DateTimeOffset CreatedAt,
    string CreatedByName, DateTimeOffset? ClosedAt, string? ClosureNote, IReadOnlyList<PlanEntryView> Entries, int Version);

/// <summary>
/// One person, one plan (一人一策, R-CA-13): the needs assessment and goals of an individual, group or community service
/// plan; its actions and follow-ups, the person's own feedback and the evaluation as entries; closure.
/// </summary>
public static class CasePlans
{
    public sealed record Create(PlanKind? Kind, string? Needs, string? Goals);

    public sealed record Entry(PlanEntryKind? Kind, DateOnly? On, string? Text);

    public sealed record Close(string? Note, int? Version);

    public static async Task<CasePlanView> CreateAsync(GuanjiaDb db, CaseworkServices s, Guid fileId, Create r, CancellationToken ct)
    {
        Casework.Require(db, Permissions.CaseworkRecord);
        var f = await Casework.FileAsync(db, fileId, ct);
        new Check().Defined("kind", r.Kind, "服务方案类型")
            .Required("needs", r.Needs, "需求评估", "Needs").MaxLength("needs", r.Needs, 2000, "需求评估", "Needs")
            .Required("goals", r.Goals, "服务目标", "Goals").MaxLength("goals", r.Goals, 2000, "服务目标", "Goals")
            .When(f.Status != CaseStatus.InCare, "caseFileId", "not_in_care", "此人已不在救助中", "The person is no longer in care").ThrowIfFailed();
        var p = new CasePlan
        {
            Id = Guid.CreateVersion7(), CaseFileId = f.Id, ScopePath = f.ScopePath, Kind = r.Kind!.Value, Needs = r.Needs!.Trim(), Goals = r.Goals!.Trim(),
            CreatedAt = s.Now, CreatedByName = db.Actor.Name,
        };
        await s.FireAsync(db, CasePlanWorkflow.Workflow, p, "Make", null, ct);
        db.CasePlans.Add(p);
        await db.Audit("CreateCasePlan").SaveChangesAsync(ct);
        return await GetAsync(db, p.Id, ct);
    }

    public static async Task<CasePlanView> AddEntryAsync(GuanjiaDb db, CaseworkServices s, Guid planId, Entry r, CancellationToken ct)
    {
        Casework.Require(db, Permissions.CaseworkRecord);
        var p = await db.CasePlans.SingleOrDefaultAsync(x => x.Id == planId, ct)
            ?? throw new NotFound("CasePlan", "服务方案不存在或不在您的范围内", "The plan does not exist or is outside your scope");
        new Check().Defined("kind", r.Kind, "记录类型").When(r.On is null, "on", "required", "请填写日期", "on is required")
            .When(r.On > s.Today, "on", "in_future", "日期不能晚于今天", "on is in the future")
            .Required("text", r.Text, "内容", "Text").MaxLength("text", r.Text, 2000, "内容", "Text")
            .When(p.State == PlanState.Closed && r.Kind is not (PlanEntryKind.Feedback or PlanEntryKind.Evaluation), "kind", "closed",
                "方案已结案，只能补充服务对象反馈或评价", "The plan is closed; only feedback or evaluation may be added").ThrowIfFailed();
        db.CasePlanEntries.Add(new CasePlanEntry
        {
            Id = Guid.CreateVersion7(), PlanId = p.Id, ScopePath = p.ScopePath, Kind = r.Kind!.Value, On = r.On!.Value, Text = r.Text!.Trim(),
            ByName = db.Actor.Name, At = s.Now,
        });
        await db.Audit("AddCasePlanEntry").SaveChangesAsync(ct);
        return await GetAsync(db, p.Id, ct);
    }

    public static async Task<CasePlanView> CloseAsync(GuanjiaDb db, CaseworkServices s, Guid planId, Close r, CancellationToken ct)
    {
        Casework.Require(db, Permissions.CaseworkRecord);
        var p = await db.CasePlans.SingleOrDefaultAsync(x => x.Id == planId, ct)
            ?? throw new NotFound("CasePlan", "服务方案不存在或不在您的范围内", "The plan does not exist or is outside your scope");
        new Check().Required("note", r.Note, "结案说明", "Closing note").MaxLength("note", r.Note, 2000, "结案说明", "Closing note")
            .When(r.Version is null, "version", "required", "请提供读取时的版本号", "version is required")
            .When(p.State == PlanState.Closed, "state", "closed", "方案已结案", "The plan is already closed").ThrowIfFailed();
        if (p.Version != r.Version)
            throw new CaseworkConflict("stale", "方案已被他人修改，请刷新后重试", "Changed meanwhile; reload", new() { ["serverVersion"] = p.Version });
        await s.FireAsync(db, CasePlanWorkflow.Workflow, p, "Close", null, ct);
        p.ClosedAt = s.Now;
        p.ClosureNote = r.Note!.Trim();
        await db.Audit("CloseCasePlan").SaveChangesAsync(ct);
        return await GetAsync(db, p.Id, ct);
    }

    public static async Task<CasePlanView> GetAsync(GuanjiaDb db, Guid id, CancellationToken ct)
    {
        Casework.Require(db, Permissions.CaseworkRead);
        var p = await db.CasePlans.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFound("CasePlan", "服务方案不存在或不在您的范围内", "The plan does not exist or is outside your scope");
        var entries = await db.CasePlanEntries.AsNoTracking().Where(e => e.PlanId == id).OrderBy(e => e.On).ThenBy(e => e.At)
            .Select(e => new PlanEntryView(e.Id, e.Kind, e.On, e.Text, e.ByName, e.At)).ToListAsync(ct);
        return new CasePlanView(p.Id, p.CaseFileId, p.Kind, p.Needs, p.Goals, p.State, p.CreatedAt, p.CreatedByName, p.ClosedAt, p.ClosureNote, entries,
            p.Version);
    }

    public static async Task<IReadOnlyList<CasePlanView>> ForFileAsync(GuanjiaDb db, Guid fileId, CancellationToken ct)
    {
        Casework.Require(db, Permissions.CaseworkRead);
        var ids = await db.CasePlans.AsNoTracking().Where(p => p.CaseFileId == fileId).OrderByDescending(p => p.CreatedAt).Select(p => p.Id).ToListAsync(ct);
        var list = new List<CasePlanView>();
        foreach (var id in ids) list.Add(await GetAsync(db, id, ct));
        return list;
    }
}
