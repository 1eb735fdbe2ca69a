using Guanjia.App.Attachments;
using Guanjia.App.Persistence;
using Guanjia.App.Purchasing;
using Guanjia.Domain.Accounts;
using Guanjia.Domain.Attachments;
using Guanjia.Domain.Purchasing;
using Guanjia.Web.Common;
using Microsoft.AspNetCore.Mvc;

namespace Guanjia.Web.Purchasing;

/// <summary>
/// Incubated community social organisations and their capacity building (R-CA-10), micro venture-philanthropy rounds with the panel's
/// scores, the funding decision, funded projects' progress, and each street's yearly round (R-PS-02). ADR 0035. Mapped with the purchase
/// programme (Program.cs): the bureau writes, the street reads its own.
/// </summary>
public static class VentureEndpoints
{
    public static void MapVenture(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/purchasing").WithTags("Purchasing: incubation and venture rounds").RequireAuthorization();

        g.MapGet("/incubated-organisations", (GuanjiaDb db, Guid? townId, IncubationState? state, CancellationToken ct) =>
                Incubation.ListAsync(db, townId, state, ct))
            .RequirePermission(Permissions.PurchasingRead).WithSummary("Community social organisations being incubated, with their capacity hours (R-CA-10)");
        g.MapGet("/incubated-organisations/{id:guid}", (Guid id, GuanjiaDb db, CancellationToken ct) => Incubation.GetAsync(db, id, ct))
            .RequirePermission(Permissions.PurchasingRead).WithSummary("An incubated organisation with its capacity-building events (R-CA-10)");
        g.MapPost("/incubated-organisations", async (Incubation.Register r, GuanjiaDb db, PurchasingServices s, CancellationToken ct) =>
            {
                var v = await Incubation.RegisterAsync(db, s, r, ct);
                return TypedResults.Created($"/api/purchasing/incubated-organisations/{v.Id}", v);
            })
            .RequirePermission(Permissions.PurchasingManage)
            .WithSummary("Register an organisation being incubated: name, kind, street and community, groups served, incubator (R-CA-10)");
        g.MapPost("/incubated-organisations/{id:guid}/steps", (Guid id, Incubation.Step r, GuanjiaDb db, PurchasingServices s, CancellationToken ct) =>
                Incubation.StepAsync(db, s, id, r, ct))
            .RequirePermission(Permissions.PurchasingManage).WithSummary("Graduate, File (备案) or Withdraw an incubated organisation (R-CA-10)");
        g.MapPost("/incubated-organisations/{id:guid}/events", async (Guid id, Incubation.Event r, GuanjiaDb db, PurchasingServices s, CancellationToken ct) =>
                TypedResults.Created($"/api/purchasing/incubated-organisations/{id}", await Incubation.RecordEventAsync(db, s, id, r, ct)))
            .RequirePermission(Permissions.PurchasingManage).WithSummary("Record a capacity-building event: date, topic, hours, attendees (R-CA-10)");

        g.MapGet("/venture-rounds", (GuanjiaDb db, Guid? townId, int? year, CancellationToken ct) => VentureRounds.ListAsync(db, townId, year, ct))
            .RequirePermission(Permissions.PurchasingRead).WithSummary("Micro venture-philanthropy rounds (微公益创投) by street and year (R-PS-02)");
        g.MapGet("/venture-rounds/{id:guid}", (Guid id, GuanjiaDb db, CancellationToken ct) => VentureRounds.GetAsync(db, id, ct))
            .RequirePermission(Permissions.PurchasingRead).WithSummary("A round with its applications, the panel's scores and the funded projects' progress");
        g.MapPost("/venture-rounds", async (VentureRounds.Create r, GuanjiaDb db, PurchasingServices s, CancellationToken ct) =>
            {
                var v = await VentureRounds.CreateAsync(db, s, r, ct);
                return TypedResults.Created($"/api/purchasing/venture-rounds/{v.Id}", v);
            })
            .RequirePermission(Permissions.PurchasingManage)
            .WithSummary("Draft a round's call: street, title, budget and per-project cap (fen), application window, criteria weighing 100 %, panel (R-PS-02)");
        g.MapPost("/venture-rounds/{id:guid}/steps", (Guid id, VentureRounds.Step r, GuanjiaDb db, PurchasingServices s, CancellationToken ct) =>
                VentureRounds.StepAsync(db, s, id, r, ct))
            .RequirePermission(Permissions.PurchasingManage)
            .WithSummary("Open (meets the street's yearly obligation), StartReview or Close a round (R-PS-02)");
        g.MapPost("/venture-rounds/{id:guid}/applications", async (Guid id, VentureRounds.Apply r, GuanjiaDb db, PurchasingServices s, CancellationToken ct) =>
            {
                var v = await VentureRounds.ApplyAsync(db, s, id, r, ct);
                return TypedResults.Created($"/api/purchasing/venture-applications/{v.Id}", v);
            })
            .RequirePermission(Permissions.PurchasingManage)
            .WithSummary("An application within the window, from an incubated organisation, a committee or a building team, at most the cap (R-PS-02, R-CA-10)");
        g.MapPost("/venture-rounds/{id:guid}/decision", (Guid id, VentureRounds.Decide r, GuanjiaDb db, PurchasingServices s, CancellationToken ct) =>
                VentureRounds.DecideAsync(db, s, id, r, ct))
            .RequirePermission(Permissions.PurchasingManage).WithSummary("Fund scored applications within the round's budget; the rest are not funded (R-PS-02)");

        g.MapGet("/venture-applications/{id:guid}", (Guid id, GuanjiaDb db, CancellationToken ct) => VentureRounds.ApplicationAsync(db, id, ct))
            .RequirePermission(Permissions.PurchasingRead).WithSummary("An application or funded project with its scores and progress");
        g.MapPost("/venture-applications/{id:guid}/scores", async (Guid id, VentureRounds.Score r, GuanjiaDb db, PurchasingServices s, CancellationToken ct) =>
                TypedResults.Created($"/api/purchasing/venture-applications/{id}", await VentureRounds.ScoreAsync(db, s, id, r, ct)))
            .RequirePermission(Permissions.PurchasingManage)
            .WithSummary("A panel member's score sheet: every criterion 0–100, once per member (409 on a second); the mean is kept");
        g.MapPost("/venture-applications/{id:guid}/progress", async (Guid id, VentureRounds.Progress r, GuanjiaDb db, PurchasingServices s, CancellationToken ct) =>
                TypedResults.Created($"/api/purchasing/venture-applications/{id}", await VentureRounds.ProgressAsync(db, s, id, r, ct)))
            .RequirePermission(Permissions.PurchasingManage).WithSummary("A funded project's progress entry: date, text, optional uploaded file");
        g.MapPost("/venture-applications/{id:guid}/attachments", async (Guid id, [FromForm] AttachmentKind? kind, IFormFile? file, GuanjiaDb db,
                TimeProvider clock, AttachmentLimits limits, CancellationToken ct) =>
            {
                await using var stream = file?.OpenReadStream() ?? Stream.Null;
                var v = await UploadVentureFile.HandleAsync(db, clock, limits, id,
                    new UploadAttachment.Request(kind, file?.FileName, file?.ContentType, file?.Length ?? 0, stream), ct);
                return TypedResults.Created($"/api/attachments/{v.Id}", v);
            })
            // Cookie callers already send the antiforgery header, checked for every unsafe /api request.
            .DisableAntiforgery()
            .RequirePermission(Permissions.PurchasingManage).WithSummary("Upload a funded project's photo or file (multipart: kind, file)");
        g.MapPost("/venture-applications/{id:guid}/completion", (Guid id, VentureRounds.Complete r, GuanjiaDb db, PurchasingServices s, CancellationToken ct) =>
                VentureRounds.CompleteAsync(db, s, id, r, ct))
            .RequirePermission(Permissions.PurchasingManage).WithSummary("Close a funded project with its result");

        g.MapGet("/venture-deadlines", (GuanjiaDb db, PurchasingServices s, int? year, CancellationToken ct) => VentureDeadlines.ListAsync(db, s, year, ct))
            .RequirePermission(Permissions.PurchasingRead)
            .WithSummary("Each street's yearly round obligation (R-PS-02): due at the year's end, warned from 1 October, met when a round is opened");
    }
}
