using Guanjia.App.Appeals;
using Guanjia.App.Persistence;
using Guanjia.Domain.Accounts;
using Guanjia.Domain.Appeals;
using Guanjia.Domain.MicroProjects;
using Guanjia.Web.Common;
using Microsoft.AspNetCore.Mvc;

namespace Guanjia.Web.Appeals;

public static class AppealEndpoints
{
    public static void MapAppeals(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/appeals").WithTags("Appeals").RequireAuthorization();
        g.MapGet("/", (GuanjiaDb db, AppealState? state, Channel? channel, ProjectCategory? category, Guid? townId, Guid? villageId,
                CollectionKind? collection, DateOnly? from, DateOnly? to, string? q, int page = 1, int pageSize = 20, CancellationToken ct = default) =>
            AppealQueries.ListAsync(db, new AppealQueries.Filter(state, channel, category, townId, villageId, collection, from, to, q, page, pageSize), ct))
            .RequirePermission(Permissions.AppealsRead).AllowTokens().WithSummary("Appeals in your scope, filtered and paged in the database");
        g.MapPost("/", async (CreateAppeal.Request r, [FromHeader(Name = "Idempotency-Key")] string? key, GuanjiaDb db, AppealServices s,
                CancellationToken ct) =>
            {
                var res = await CreateAppeal.HandleAsync(db, s, r, key, ct);
                return res.Created
                    ? Results.Created($"/api/appeals/{res.Appeal.Id}", res.Appeal)
                    : Results.Ok(res.Appeal);
            })
            .RequirePermission(Permissions.AppealsCreate).AllowTokens()
            .WithSummary("Enter an appeal from any channel; it is dispatched to its village at once (R-IN-04). Idempotency-Key makes retries safe");
        g.MapGet("/workflow", () => TypedResults.Ok(AppealWorkflow.Rows))
            .WithSummary("The appeal's steps: from which state, to which, the permission, the deadlines each meets").RequireSignedIn();
        g.MapGet("/{id:guid}", (Guid id, GuanjiaDb db, TimeProvider clock, CancellationToken ct) => AppealQueries.GetAsync(db, clock, id, ct))
            .RequirePermission(Permissions.AppealsRead).AllowTokens();
        g.MapGet("/{id:guid}/timeline", (Guid id, GuanjiaDb db, TimeProvider clock, CancellationToken ct) => Timeline.ForAppealAsync(db, clock, id, ct))
            .RequirePermission(Permissions.AppealsRead).WithSummary("States, documents, messages and deadlines of the appeal and its project");
        g.MapPost("/{id:guid}/acknowledge", (Guid id, AcknowledgeAppeal.Request r, GuanjiaDb db, AppealServices s, CancellationToken ct) =>
            AcknowledgeAppeal.HandleAsync(db, s, id, r, ct)).WithSummary("The village acknowledges within 24 hours (R-MS-02); sends the receipt").RequirePermission(Permissions.ProjectsVillage);
        g.MapPost("/{id:guid}/committee-decision", (Guid id, RecordCommitteeDecision.Request r, GuanjiaDb db, AppealServices s, CancellationToken ct) =>
            RecordCommitteeDecision.HandleAsync(db, s, id, r, ct)).WithSummary("The two-committee meeting's decision within 5 days (R-MS-03)").RequirePermission(Permissions.ProjectsVillage);

        // Integrations authenticate with an API token holding appeals.create.
        var i = app.MapGroup("/api/integrations").WithTags("Integrations").RequireAuthorization();
        i.MapPost("/12345/work-orders", async (ReceiveWorkOrder.Request r, GuanjiaDb db, AppealServices s, CancellationToken ct) =>
            {
                var res = await ReceiveWorkOrder.HandleAsync(db, s, r, ct);
                return res.Created ? Results.Created($"/api/appeals/{res.Appeal.Id}", res.Appeal) : Results.Ok(res.Appeal);
            })
            .RequirePermission(Permissions.AppealsCreate).AllowTokens()
            .WithSummary("A 12345 / WeChat work order; the same work-order number twice is one appeal");
    }
}
