using Guanjia.App.Deadlines;
using Guanjia.App.Persistence;
using Guanjia.Domain.Accounts;
using Guanjia.Domain.Organizations;
using Guanjia.Web.Common;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.Web.Deadlines;

public static class DeadlineEndpoints
{
    /// <summary>With the deadline's subject, so the inbox links straight to the appeal, project or wish.</summary>
    public sealed record NotificationView(Guid Id, string Kind, string Text, Guid? DeadlineId, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt,
        string? SubjectType, Guid? SubjectId, string? SubjectRef);

    public static void MapDeadlines(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/deadlines").WithTags("Deadlines").RequireAuthorization();
        g.MapGet("/", (GuanjiaDb db, TimeProvider clock, DeadlineQueries.Due status = DeadlineQueries.Due.Open, Guid? responsibleOrgId = null,
                string? obligation = null, string? subjectType = null, Guid? subjectId = null, int page = 1, int pageSize = 50, CancellationToken ct = default) =>
            DeadlineQueries.ListAsync(db, clock, new DeadlineQueries.Filter(status, responsibleOrgId, obligation, subjectType, subjectId, page, pageSize), ct))
            .RequirePermission(Permissions.DeadlinesRead).WithSummary("What is due, due soon or overdue in your scope, earliest first (R-PL-08)");
        g.MapGet("/summary", (GuanjiaDb db, TimeProvider clock, CancellationToken ct) => DeadlineQueries.SummaryAsync(db, clock, ct))
            .RequirePermission(Permissions.DeadlinesRead).WithSummary("Per responsible unit: open, due soon, overdue, met on time, met late");
        g.MapGet("/mine", (GuanjiaDb db, TimeProvider clock, int take = 200, CancellationToken ct = default) => MyWork.MineAsync(db, clock, take, ct))
            .RequirePermission(Permissions.DeadlinesRead)
            .WithSummary("我的工作: your unit's own open deadlines, overdue and due today first, each with the item's title and the step (R-PL-08)");
        g.MapGet("/supervised", (GuanjiaDb db, TimeProvider clock, int perUnit = 20, CancellationToken ct = default) => MyWork.SupervisedAsync(db, clock, perUnit, ct))
            .RequirePermission(Permissions.DeadlinesRead)
            .WithSummary("What the units in your scope owe, grouped by unit, the most overdue first (R-PL-08)");

        var n = app.MapGroup("/api/notifications").WithTags("Deadlines").RequireAuthorization();
        n.MapGet("/", async (GuanjiaDb db, bool unreadOnly = false, CancellationToken ct = default) =>
        {
            // A unit's inbox: notifications addressed to the organisation at the root of the caller's scope.
            // (A town's report to the city is stored in the town's scope but addressed to the city.)
            var unit = await MyWork.UnitAsync(db, ct);
            var q = db.StaffNotifications.AsNoTracking().Where(x => x.OrganizationId == unit);
            if (unreadOnly) q = q.Where(x => x.ReadAt == null);
            var rows = await q.OrderByDescending(x => x.CreatedAt).Take(100).ToListAsync(ct);
            var deadlineIds = rows.Where(x => x.DeadlineId != null).Select(x => x.DeadlineId!.Value).Distinct().ToList();
            var subjects = await db.Deadlines.AsNoTracking().Where(d => deadlineIds.Contains(d.Id))
                .ToDictionaryAsync(d => d.Id, d => new { d.SubjectType, d.SubjectId, d.SubjectRef }, ct);
            return rows.Select(x =>
            {
                var subject = x.DeadlineId is { } did ? subjects.GetValueOrDefault(did) : null;
                return new NotificationView(x.Id, x.Kind, x.Text, x.DeadlineId, x.CreatedAt, x.ReadAt, subject?.SubjectType, subject?.SubjectId, subject?.SubjectRef);
            }).ToList();
        }).RequirePermission(Permissions.DeadlinesRead).WithSummary("Your unit's warnings and reports, newest first");
        n.MapPost("/{id:guid}/read", async (Guid id, GuanjiaDb db, TimeProvider clock, CancellationToken ct) =>
        {
            var unit = await MyWork.UnitAsync(db, ct);
            var row = await db.StaffNotifications.SingleOrDefaultAsync(x => x.Id == id && x.OrganizationId == unit, ct)
                ?? throw new Domain.Common.NotFound("StaffNotification", "提醒不存在", "The notification does not exist");
            row.ReadAt ??= clock.GetUtcNow();
            await db.Audit("ReadNotification").SaveChangesAsync(ct);
            return TypedResults.NoContent();
        }).RequirePermission(Permissions.DeadlinesRead);
    }
}
