using Guanjia.App.Appeals;
using Guanjia.App.Feedback;
using Guanjia.App.Persistence;
using Guanjia.App.Programme;
using Guanjia.App.Publicity;
using Guanjia.Domain.Accounts;
using Guanjia.Domain.Feedback;
using Guanjia.Domain.Publicity;
using Guanjia.Web.Common;

namespace Guanjia.Web.Feedback;

public static class ProgrammeEndpoints
{
    public static void MapProgramme(this IEndpointRouteBuilder app)
    {
        var t = app.MapGroup("/api/feedback-templates").WithTags("Feedback").RequireAuthorization();
        t.MapGet("/", (GuanjiaDb db, CancellationToken ct) => FeedbackTemplates.ListAsync(db, ct)).RequireSignedIn();
        t.MapPut("/{kind}", (FeedbackKind kind, FeedbackTemplates.Save r, GuanjiaDb db, TimeProvider clock, CancellationToken ct) =>
            FeedbackTemplates.SaveAsync(db, clock, kind, r, ct)).RequirePermission(Permissions.TemplatesManage)
            .WithSummary("Edit a Chinese feedback template; placeholders are checked (R-PL-06)");

        var r = app.MapGroup("/api/programme-rules").WithTags("Programme").RequireAuthorization();
        r.MapGet("/", (GuanjiaDb db, CancellationToken ct) => ProgrammeRulesUseCases.ListAsync(db, ct)).WithSummary("Every saved version of the rules").RequireSignedIn();
        r.MapGet("/current", (GuanjiaDb db, CancellationToken ct) => ProgrammeRulesUseCases.CurrentAsync(db, ct))
            .WithSummary("The numbers new items start under: thresholds, caps, time limits and how they count").RequireSignedIn();
        r.MapPost("/", (ProgrammeRulesUseCases.Save body, GuanjiaDb db, ProgrammeRulesProvider p, TimeProvider clock, CancellationToken ct) =>
            ProgrammeRulesUseCases.SaveAsync(db, p, clock, body, ct)).RequirePermission(Permissions.RulesManage)
            .WithSummary("Save a new version; items already running keep theirs");

        // The public portal: no account. Rate-limited so numbers cannot be probed.
        var pub = app.MapGroup("/api/public").WithTags("Public").AllowAnonymous().RequireRateLimiting(RateLimits.Public);
        pub.MapPost("/appeals", async (HttpRequest http, IServiceProvider sp, AppealServices s, Guanjia.App.Attachments.AttachmentLimits limits,
                CancellationToken ct) =>
            {
                var (body, photos) = await Guanjia.Web.Appeals.PortalAppealRequest.ReadAsync(http, ct);
                await using var scope = sp.CreateAsyncScope();
                var db = ActivatorUtilities.CreateInstance<GuanjiaDb>(scope.ServiceProvider, new Guanjia.App.Common.FixedActor(SubmitPublicAppeal.Portal));
                var receipt = await SubmitPublicAppeal.HandleAsync(db, s, body, photos, limits, ct);
                return TypedResults.Created($"/api/public/tracking?number={receipt.TrackingNumber}", receipt);
            })
            // Anonymous: no cookie, so no antiforgery token to check; the rate limit guards it.
            .DisableAntiforgery()
            .Accepts<SubmitPublicAppeal.Request>("application/json", "multipart/form-data")
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(64L * 1024 * 1024))
            .WithSummary("A resident raises an appeal on the portal (莞家政务 self-service), optionally with photos; answers the tracking number");
        pub.MapGet("/places", async (GuanjiaDb db, Guanjia.App.Jurisdictions.JurisdictionRulesProvider rules, CancellationToken ct) =>
                await SubmitPublicAppeal.PlacesAsync(db, await rules.RootsRunningAsync(db, Guanjia.Domain.Jurisdictions.ProgrammeCode.Livelihood, ct), ct))
            .WithSummary("Towns and their villages/communities, names only, for choosing where an appeal is");
        pub.MapGet("/tracking", async (string? number, string? phoneLast4, GuanjiaDb db, TrackingGuesses guesses, CancellationToken ct) =>
            {
                guesses.Admit(number);
                try
                {
                    return await TrackAppeal.HandleAsync(db, number, phoneLast4, ct);
                }
                catch (Guanjia.Domain.Common.NotFound)
                {
                    guesses.Wrong(number);
                    throw;
                }
            }).WithSummary("An appellant's own appeal by tracking number + last four phone digits");
        pub.MapGet("/notices", (GuanjiaDb db, TimeProvider clock, NoticeKind? kind, Guid? townId, bool currentOnly = false, int page = 1, int pageSize = 20,
            CancellationToken ct = default) => NoticeQueries.ListAsync(db, clock, kind, townId, currentOnly, page, pageSize, ct))
            .WithSummary("Publicity notices and results, masked at publication (R-MS-11, R-MS-15, R-PL-07)");
        pub.MapGet("/notices/{id:guid}/photos/{photoId:guid}", async (Guid id, Guid photoId, GuanjiaDb db, HttpResponse response, CancellationToken ct) =>
            {
                var (type, bytes) = await NoticeQueries.PhotoAsync(db, id, photoId, ct);
                response.Headers.CacheControl = "public, max-age=86400";
                return TypedResults.File(bytes, type);
            })
            .WithSummary("A photo published with a result notice, without its camera metadata (R-MS-15, R-PL-07)");
    }
}
