using Guanjia.App.Deadlines;
using Guanjia.App.Persistence;
using Guanjia.Domain.Accounts;
using Guanjia.Domain.Organizations;
using Guanjia.Web.Common;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.Web.Deadlines;

public static class DeadlineEndpoints
{
    public sealed record NotificationView(Guid Id, string Kind, string Text, Guid? DeadlineId, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);

    public static void MapDeadlines(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/deadlines").WithTags("Deadlines").RequireAuthorization();
        g.MapGet("/", (GuanjiaDb db, TimeProvider clock, DeadlineQueries.Due status = DeadlineQueries.Due.Open, Guid? responsibleOrgId = null,
                string? obligation = null, string? subjectType = null, Guid? subjectId = null, int page = 1, int pageSize = 50, CancellationToken ct = default) =>
            DeadlineQueries.ListAsync(db, clock, new DeadlineQueries.Filter(status, responsibleOrgId, obligation, subjectType, subjectId, page, pageSize), ct))
            .RequirePermission(Permissions.DeadlinesRead).WithSummary("What is due, due soon or overdue in your scope, earliest first (R-PL-08)");
        g.MapGet("/summary", (GuanjiaDb db, TimeProvider clock, CancellationToken ct) => DeadlineQueries.SummaryAsync(db, clock, ct))
            .RequirePermission(Permissions.DeadlinesRead).WithSummary("Per responsible unit: open, due soon, overdue, met on time, met late");

        var n = app.MapGroup("/api/notifications").WithTags("Deadlines").RequireAuthorization();
        n.MapGet("/", async (GuanjiaDb db, bool unreadOnly = false, CancellationToken ct = default) =>
        {
            var actor = db.Actor;
            var q = db.StaffNotifications.AsNoTracking();
            if (actor.SeesEverything)
            {
                var city = await db.Organizations.AsNoTracking().Where(o => o.Kind == OrganizationKind.City).Select(o => o.Id).FirstOrDefaultAsync(ct);
                q = q.Where(x => x.OrganizationId == city);
            }
            else q = q.Where(x => x.ScopePath == actor.ScopePath);
            if (unreadOnly) q = q.Where(x => x.ReadAt == null);
            var rows = await q.OrderByDescending(x => x.CreatedAt).Take(100).ToListAsync(ct);
            return rows.Select(x => new NotificationView(x.Id, x.Kind, x.Text, x.DeadlineId, x.CreatedAt, x.ReadAt)).ToList();
        }).RequirePermission(Permissions.DeadlinesRead).WithSummary("Your unit's warnings and reports, newest first");
        n.MapPost("/{id:guid}/read", async (Guid id, GuanjiaDb db, TimeProvider clock, CancellationToken ct) =>
        {
            var row = await db.StaffNotifications.SingleOrDefaultAsync(x => x.Id == id, ct)
                ?? throw new Domain.Common.NotFound("StaffNotification", "提醒不存在", "The notification does not exist");
            row.ReadAt ??= clock.GetUtcNow();
            await db.Audit("ReadNotification").SaveChangesAsync(ct);
            return TypedResults.NoContent();
        }).RequirePermission(Permissions.DeadlinesRead);
    }
}
