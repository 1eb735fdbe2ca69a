using Guanjia.App.Persistence;
using Guanjia.App.Reports;
using Guanjia.Domain.Accounts;
using Guanjia.Web.Common;

namespace Guanjia.Web.Reports;

public static class ReportEndpoints
{
    public static void MapReports(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/reports").WithTags("Reports").RequireAuthorization();
        g.MapGet("/overview", (GuanjiaDb db, TimeProvider clock, Guid? townId, int months = 12, CancellationToken ct = default) =>
                Overview.GetAsync(db, clock, townId, months, ct))
            .RequirePermission(Permissions.AppealsRead)
            .WithSummary("Dashboard figures in your scope (optionally one town): appeals by channel and month, projects by state and category, deadlines, per town");
    }
}
