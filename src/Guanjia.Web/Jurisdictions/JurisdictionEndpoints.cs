using Guanjia.App.Common;
using Guanjia.App.Deadlines;
using Guanjia.App.Jurisdictions;
using Guanjia.App.Persistence;
using Guanjia.Domain.Accounts;
using Guanjia.Domain.Jurisdictions;
using Guanjia.Web.Common;

namespace Guanjia.Web.Jurisdictions;

/// <summary>The caller's jurisdiction, its configuration by version, and the gate that keeps each programme to the jurisdictions running it (ADR 0040).</summary>
public static class JurisdictionEndpoints
{
    public static void MapJurisdiction(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/jurisdiction").WithTags("Jurisdictions").RequireAuthorization();
        g.MapGet("/", (GuanjiaDb db, JurisdictionRulesProvider p, CancellationToken ct) => JurisdictionSettings.CurrentAsync(db, p, ct))
            .WithSummary("Your jurisdiction: the programmes it runs and the numbers of its rules (staffing, training, age, reporting days, validity)").RequireSignedIn();
        g.MapGet("/rules", (GuanjiaDb db, CancellationToken ct) => JurisdictionSettings.VersionsAsync(db, ct))
            .RequirePermission(Permissions.RulesManage).WithSummary("Every saved version of your jurisdiction's configuration");
        g.MapPost("/rules", (JurisdictionSettings.Save body, GuanjiaDb db, JurisdictionRulesProvider p, DeadlineBook deadlines, TimeProvider clock,
                CancellationToken ct) => JurisdictionSettings.SaveAsync(db, p, deadlines, clock, body, ct))
            .RequirePermission(Permissions.RulesManage)
            .WithSummary("Save a new version for your own jurisdiction; records already running keep theirs; renewing the rules' validity restarts its warning (R-PS-07)");
    }

    /// <summary>
    /// Endpoints of a programme answer only callers whose jurisdiction runs it; the others get a 404 ProblemDetails with the
    /// code <c>programme_not_run</c>, before anything is read. The public and the system (bound to no jurisdiction) pass.
    /// </summary>
    public static TBuilder RequireProgramme<TBuilder>(this TBuilder builder, ProgrammeCode programme) where TBuilder : IEndpointConventionBuilder
    {
        builder.AddEndpointFilter(async (ctx, next) =>
        {
            var sp = ctx.HttpContext.RequestServices;
            var actor = sp.GetRequiredService<ICurrentActor>().Actor;
            if (actor.JurisdictionPath != Jurisdiction.All
                && !await sp.GetRequiredService<JurisdictionRulesProvider>().RunsAsync(sp.GetRequiredService<GuanjiaDb>(), actor.JurisdictionPath, programme,
                    ctx.HttpContext.RequestAborted))
                return Results.Problem(ProblemHandler.Make(StatusCodes.Status404NotFound, "programme_not_run",
                    $"您所在的管辖区未开展“{ProgrammeNames.Zh(programme)}”工作", $"Your jurisdiction does not run the {programme} programme"));
            return await next(ctx);
        });
        return builder;
    }
}
