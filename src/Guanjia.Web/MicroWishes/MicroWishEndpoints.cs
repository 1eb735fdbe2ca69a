using Guanjia.App.Appeals;
using Guanjia.App.MicroWishes;
using Guanjia.App.Persistence;
using Guanjia.Domain.Accounts;
using Guanjia.Domain.MicroWishes;
using Guanjia.Web.Common;

namespace Guanjia.Web.MicroWishes;

public static class MicroWishEndpoints
{
    public static void MapMicroWishes(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/micro-wishes").WithTags("MicroWishes").RequireAuthorization();
        g.MapGet("/", (GuanjiaDb db, WishState? state, WishKind? kind, Guid? townId, Guid? villageId, int page = 1, int pageSize = 20,
                CancellationToken ct = default) =>
            WishQueries.ListAsync(db, state, kind, townId, page, pageSize, ct, villageId)).RequirePermission(Permissions.AppealsRead)
            .WithSummary("Micro-wishes in your scope, by state, kind, town and village; each row with its village's name");
        g.MapGet("/workflow", () => TypedResults.Ok(WishWorkflow.Rows)).WithSummary("The wish's transition table").RequireSignedIn();
        g.MapGet("/{id:guid}", (Guid id, GuanjiaDb db, TimeProvider clock, CancellationToken ct) => WishQueries.GetAsync(db, clock, id, ct))
            .RequirePermission(Permissions.AppealsRead).WithSummary("A wish; the person's identity and household are masked unless you handle it");
        g.MapGet("/{id:guid}/timeline", (Guid id, GuanjiaDb db, TimeProvider clock, CancellationToken ct) => Timeline.ForWishAsync(db, clock, id, ct))
            .RequirePermission(Permissions.AppealsRead)
            .WithSummary("The wish's history with its appeal's: states, messages, documents, payments and deadlines with their status");
        g.MapPost("/{id:guid}/verify", (Guid id, VerifyWish.Request r, GuanjiaDb db, AppealServices s, CancellationToken ct) =>
            VerifyWish.HandleAsync(db, s, id, r, ct)).WithSummary("Town verification with the departments (R-MW-02)").RequirePermission(Permissions.ProjectsTown);
        g.MapPost("/{id:guid}/decide", (Guid id, DecideWish.Request r, GuanjiaDb db, AppealServices s, CancellationToken ct) =>
            DecideWish.HandleAsync(db, s, id, r, ct)).WithSummary("Expert review or joint meeting: route, amount, form, participants (R-MW-03)").RequirePermission(Permissions.ProjectsTown);
        g.MapPost("/{id:guid}/complete", (Guid id, CompleteWish.Request r, GuanjiaDb db, AppealServices s, CancellationToken ct) =>
            CompleteWish.CompleteAsync(db, s, id, r, ct)).WithSummary("Handled within 5 working days by express (R-MW-04)").RequirePermission(Permissions.ProjectsTown);
        g.MapPost("/{id:guid}/close", (Guid id, CompleteWish.Close r, GuanjiaDb db, AppealServices s, CancellationToken ct) =>
            CompleteWish.CloseAsync(db, s, id, r, ct)).WithSummary("Feed back the result within 5 working days of completion (R-MW-05)").RequirePermission(Permissions.ProjectsTown);
    }
}
