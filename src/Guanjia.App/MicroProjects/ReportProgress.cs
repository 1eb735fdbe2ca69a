using Guanjia.App.Persistence;
using Guanjia.Domain.Attachments;
using Guanjia.Domain.Common;
using Guanjia.Domain.MicroProjects;

namespace Guanjia.App.MicroProjects;

/// <summary>Progress during implementation with photos, for the supervision of R-MS-18.</summary>
public static class ReportProgress
{
    public sealed record Request(string? Text, int? PercentDone, IReadOnlyList<Guid>? PhotoIds);

    public static async Task<ProjectDetail> HandleAsync(GuanjiaDb db, ProjectServices s, Guid id, Request r, string? idempotencyKey, CancellationToken ct)
    {
        var hash = Common.Idempotency.Hash(new { id, r });
        if (await Common.Idempotency.FindAsync(db, idempotencyKey, "ReportProgress", hash, ct) is not null)
            return await ProjectQueries.GetAsync(db, s, id, ct);
        var p = await ProjectSteps.LoadForAsync(db, id, "ReportProgress", null, ct);
        new Check().Required("text", r.Text, "进度说明", "Text").MaxLength("text", r.Text, 2000, "进度说明", "Text")
            .When(r.PercentDone is < 0 or > 100, "percentDone", "out_of_range", "完成比例须在0到100之间", "percentDone must be 0 to 100")
            .ThrowIfFailed();
        var photos = r.PhotoIds ?? [];
        await ProjectSteps.RequireAttachmentsAsync(db, p, "photoIds", photos, AttachmentKind.Photo, ct);
        var report = new ProgressReport
        {
            Id = Guid.CreateVersion7(), ProjectId = p.Id, ScopePath = p.ScopePath, Text = r.Text!.Trim(), PercentDone = r.PercentDone,
            PhotoIds = photos.Count == 0 ? null : string.Join(',', photos), At = s.Clock.GetUtcNow(), ById = db.Actor.Id, ByName = db.Actor.Name,
        };
        db.ProgressReports.Add(report);
        Common.Idempotency.Remember(db, idempotencyKey, "ReportProgress", hash, report.Id, report.At);
        await ProjectSteps.FireAsync(db, s, p, "ReportProgress", null, s.Workflow.At(), ct);
        await db.SaveChangesAsync(ct);
        return await ProjectQueries.GetAsync(db, s, id, ct);
    }
}
