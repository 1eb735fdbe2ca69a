using Guanjia.App.Persistence;
using Guanjia.App.Statistics;
using Guanjia.Domain.Accounts;
using Guanjia.Web.Common;

namespace Guanjia.Web.Statistics;

public static class StatisticsEndpoints
{
    private const string Params = " groupBy: comma-separated dimensions (at most three; default: one level down from the unit, city → town → village);" +
        " year, or from/to as yyyy-MM; townId; villageId. Scoped to the caller (R-PL-03).";

    public static void MapStatistics(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/statistics").WithTags("Statistics").RequireAuthorization().RequirePermission(Permissions.AppealsRead);
        g.MapGet("/appeals", (GuanjiaDb db, string? groupBy, string? year, string? from, string? to, string? townId, string? villageId,
                CancellationToken ct) => AppealStatistics.GetAsync(db, new StatisticsRequest(groupBy, year, from, to, townId, villageId), ct))
            .WithSummary("Appeals counted by town, village, channel, category, state, month (received)")
            .WithDescription("Dimensions: town, village, channel, category, state, month." + Params);
        g.MapGet("/micro-projects", (GuanjiaDb db, string? groupBy, string? year, string? from, string? to, string? townId, string? villageId,
                CancellationToken ct) => ProjectStatistics.GetAsync(db, new StatisticsRequest(groupBy, year, from, to, townId, villageId), ct))
            .WithSummary("Micro-projects counted, with budget, approved and actual money in fen")
            .WithDescription("Dimensions: town, village, category, route, state, month (made)." + Params);
        g.MapGet("/micro-wishes", (GuanjiaDb db, string? groupBy, string? year, string? from, string? to, string? townId, string? villageId,
                CancellationToken ct) => WishStatistics.GetAsync(db, new StatisticsRequest(groupBy, year, from, to, townId, villageId), ct))
            .WithSummary("Micro-wishes counted, with requested, decided and paid amounts in fen")
            .WithDescription("Dimensions: town, village, kind, route, state, month (made)." + Params);
        g.MapGet("/deadlines", (GuanjiaDb db, TimeProvider clock, string? groupBy, string? year, string? from, string? to, string? townId,
                string? villageId, CancellationToken ct) =>
                DeadlineStatistics.GetAsync(db, clock, new StatisticsRequest(groupBy, year, from, to, townId, villageId), ct))
            .WithSummary("Deadlines due in the period: met on time, met late, missed, open, per unit and obligation (R-PL-08)")
            .WithDescription("Dimensions: town, village, unit (the responsible unit), obligation." + Params);
        g.MapGet("/satisfaction", (GuanjiaDb db, string? groupBy, string? year, string? from, string? to, string? townId, string? villageId,
                CancellationToken ct) => SatisfactionStatistics.GetAsync(db, new StatisticsRequest(groupBy, year, from, to, townId, villageId), ct))
            .WithSummary("Survey satisfaction per town or village: responses, rate (非常满意+满意+基本满意), score (R-MS-14, R-MS-18)")
            .WithDescription("Dimensions: town, village. The period selects projects by the month they were made." + Params);
    }
}
