using Guanjia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.Web.Common;

public static class Health
{
    /// <summary>200 when the database answers a query, 503 otherwise; load balancers and CI poll it.</summary>
    public static void MapHealth(this IEndpointRouteBuilder app) =>
        app.MapGet("/healthz", async (GuanjiaDb db, CancellationToken ct) =>
        {
            try
            {
                var years = await db.CalendarYears.CountAsync(ct);
                return Results.Ok(new { status = "healthy", database = db.IsPostgres ? "postgres" : "sqlite", calendarYears = years });
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return Results.Problem(ProblemHandler.Make(503, "unhealthy", "数据库不可用", "The database is unavailable"));
            }
        }).WithTags("Health").AllowAnonymous();
}
