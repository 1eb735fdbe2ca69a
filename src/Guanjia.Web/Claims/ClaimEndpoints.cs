using Guanjia.App.Claims;
using Guanjia.App.Contacts;
using Guanjia.App.MicroProjects;
using Guanjia.App.Persistence;
using Guanjia.Domain.Accounts;
using Guanjia.Domain.Claims;
using Guanjia.Web.Common;

namespace Guanjia.Web.Claims;

public static class ClaimEndpoints
{
    public static void MapClaims(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/claim-items").WithTags("Claims").RequireAuthorization();
        g.MapGet("/", (GuanjiaDb db, ClaimItemState? state, Guid? townId, Guid? subjectId, int page = 1, int pageSize = 20, CancellationToken ct = default) =>
            ClaimQueries.ListAsync(db, state, townId, subjectId, page, pageSize, ct)).RequirePermission(Permissions.AppealsRead)
            .WithSummary("Direct-route (莞家直达) items in your scope");
        g.MapGet("/workflow", () => TypedResults.Ok(ClaimBoardWorkflow.Rows)).WithSummary("The claim board's transition table").RequireSignedIn();
        g.MapGet("/{id:guid}", (Guid id, GuanjiaDb db, TimeProvider clock, CancellationToken ct) => ClaimQueries.GetAsync(db, clock, id, ct))
            .RequirePermission(Permissions.AppealsRead).WithSummary("An item with its claims; claimants' contacts are clear only for the staff who connect them");
        g.MapPost("/{id:guid}/publish", (Guid id, PublishClaimItem.Request r, GuanjiaDb db, ProjectServices s, CancellationToken ct) =>
            PublishClaimItem.HandleAsync(db, s, id, r, ct)).WithSummary("The city publishes the item for claims within 10 working days (R-RT-02)").RequirePermission(Permissions.ClaimsPublish);
        g.MapPut("/{id:guid}/channels", (Guid id, AddClaimChannels.Request r, GuanjiaDb db, ProjectServices s, CancellationToken ct) =>
            AddClaimChannels.HandleAsync(db, s, id, r, ct)).WithSummary("The town adds its own claim channels (R-RT-02)").RequirePermission(Permissions.ProjectsTown);
        g.MapPost("/{id:guid}/connect", (Guid id, ConnectClaim.Request r, GuanjiaDb db, ProjectServices s, CancellationToken ct) =>
            ConnectClaim.HandleAsync(db, s, id, r, ct)).WithSummary("The town connects claimant and beneficiary (R-RT-03)").RequirePermission(Permissions.ProjectsTown);

        // The public claim board: no account; claims need a phone verified by a one-time code.
        var pub = app.MapGroup("/api/public").WithTags("Public").AllowAnonymous().RequireRateLimiting(RateLimits.Public);
        pub.MapGet("/claim-board", (GuanjiaDb db, TimeProvider clock, Guid? townId, bool openOnly = false, int page = 1, int pageSize = 20,
            CancellationToken ct = default) => ClaimQueries.BoardAsync(db, clock, townId, openOnly, page, pageSize, ct))
            .WithSummary("Published 莞家直达 items, privacy-masked (R-RT-02, R-PL-07)");
        pub.MapGet("/claim-board/{id:guid}", (Guid id, GuanjiaDb db, TimeProvider clock, CancellationToken ct) => ClaimQueries.PublicItemAsync(db, clock, id, ct))
            .WithSummary("One published item with its claims");
        pub.MapPost("/contact-verifications", async (ContactVerifications.Request r, IServiceProvider sp, TimeProvider clock, IConfiguration config,
            IWebHostEnvironment env, CancellationToken ct) =>
            {
                await using var scope = sp.CreateAsyncScope();
                var db = ActivatorUtilities.CreateInstance<GuanjiaDb>(scope.ServiceProvider, new Guanjia.App.Common.FixedActor(ClaimBoard.Portal));
                // The code comes back as a hint in Development only, whatever the setting says elsewhere (ADR 0012, 0018).
                var echo = env.IsDevelopment() && config.GetValue("Verification:EchoCodes", false);
                var sent = await ContactVerifications.RequestAsync(db, clock, r, echo, ct);
                return TypedResults.Accepted((string?)null, sent);
            })
            .DisableAntiforgery()
            .WithSummary("Send a one-time code to a mobile phone (claims, surveys); at most one a minute and five an hour");
        pub.MapPost("/claim-board/{id:guid}/claims", async (Guid id, SubmitClaim.Request r, IServiceProvider sp, ProjectServices s, CancellationToken ct) =>
            {
                await using var scope = sp.CreateAsyncScope();
                var db = ActivatorUtilities.CreateInstance<GuanjiaDb>(scope.ServiceProvider, new Guanjia.App.Common.FixedActor(ClaimBoard.Portal));
                var receipt = await SubmitClaim.HandleAsync(db, s, id, r, ct);
                return TypedResults.Created($"/api/public/claim-board/{id}", receipt);
            })
            .DisableAntiforgery()
            .WithSummary("An enterprise, social organisation or donor claims an item, whole or a share (R-RT-03)");
        pub.MapGet("/surveys/{number}", (string number, GuanjiaDb db, ProjectServices s, CancellationToken ct) => SubmitOnlineSurvey.GetAsync(db, s, number, ct))
            .WithSummary("A project's online satisfaction survey: open or not, how many answered");
        pub.MapPost("/surveys/{number}/responses", async (string number, SubmitOnlineSurvey.Request r, IServiceProvider sp, ProjectServices s,
            CancellationToken ct) =>
            {
                await using var scope = sp.CreateAsyncScope();
                var db = ActivatorUtilities.CreateInstance<GuanjiaDb>(scope.ServiceProvider, new Guanjia.App.Common.FixedActor(ClaimBoard.Portal));
                return TypedResults.Created($"/api/public/surveys/{number}", await SubmitOnlineSurvey.HandleAsync(db, s, number, r, ct));
            })
            .DisableAntiforgery()
            .WithSummary("A resident answers the survey online: one response per verified phone (R-MS-14)");
    }
}
