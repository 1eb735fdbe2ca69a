using Guanjia.App.Attachments;
using Guanjia.App.Persistence;
using Guanjia.App.Programme;
using Guanjia.App.Stations;
using Guanjia.Domain.Accounts;
using Guanjia.Domain.Attachments;
using Guanjia.Domain.Stations;
using Guanjia.Web.Common;
using Microsoft.AspNetCore.Mvc;

namespace Guanjia.Web.Stations;

/// <summary>莞家驿站 (R-ST-01..08): stations, their items, procurement filings, publications, referrals, the social-work point directory.</summary>
public static class StationEndpoints
{
    public static void MapStations(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/stations").WithTags("Stations").RequireAuthorization();
        g.MapGet("/", (GuanjiaDb db, Guid? townId, Guid? villageId, bool? active, string? q, int page = 1, int pageSize = 20, CancellationToken ct = default) =>
                StationQueries.ListStationsAsync(db, new StationQueries.StationFilter(townId, villageId, active, q, page, pageSize), ct))
            .RequirePermission(Permissions.StationsRead).WithSummary("Stations in your scope, paged");
        g.MapGet("/coverage", (GuanjiaDb db, Guid? townId, CancellationToken ct) => StationCoverage.GetAsync(db, townId, ct))
            .RequirePermission(Permissions.StationsRead)
            .WithSummary("Active stations per village and the villages with none, for a town or all you see (R-ST-01)");
        g.MapGet("/{id:guid}", (Guid id, GuanjiaDb db, CancellationToken ct) => StationQueries.GetStationAsync(db, id, ct))
            .RequirePermission(Permissions.StationsRead);
        g.MapPost("/", async (SaveStation.Create r, GuanjiaDb db, TimeProvider clock, CancellationToken ct) =>
            {
                var view = await SaveStation.CreateAsync(db, clock, r, ct);
                return TypedResults.Created($"/api/stations/{view.Id}", view);
            })
            .WithSummary("Register a station of your village: host platform, place, head, hours, service forms, operator (R-ST-01, R-ST-04, R-ST-06)").RequirePermission(Permissions.StationsManage);
        g.MapPut("/{id:guid}", (Guid id, SaveStation.Update r, GuanjiaDb db, TimeProvider clock, CancellationToken ct) =>
            SaveStation.UpdateAsync(db, clock, id, r, ct)).WithSummary("Edit a station; isActive, version, reason").RequirePermission(Permissions.StationsManage);

        g.MapGet("/items", (GuanjiaDb db, Guid? stationId, Guid? villageId, int? year, OperatingMode? mode, int page = 1, int pageSize = 20,
                CancellationToken ct = default) =>
                StationQueries.ListItemsAsync(db, new StationQueries.ItemFilter(stationId, villageId, year, mode, page, pageSize), ct))
            .RequirePermission(Permissions.StationsRead).WithSummary("Station items in your scope, paged");
        g.MapGet("/items/{id:guid}", (Guid id, GuanjiaDb db, CancellationToken ct) => StationQueries.GetItemAsync(db, id, ct))
            .RequirePermission(Permissions.StationsRead).WithSummary("An item with its documents, publications and procurement filing");
        g.MapPost("/{stationId:guid}/items", async (Guid stationId, SaveStationItem.Request r, GuanjiaDb db, TimeProvider clock, ProgrammeRulesProvider rules,
                CancellationToken ct) =>
            {
                var view = await SaveStationItem.CreateAsync(db, clock, rules, stationId, r, ct);
                return TypedResults.Created($"/api/stations/items/{view.Id}", view);
            })
            .WithSummary("Register a station item with the operating mode its consultation chose (R-ST-03, R-ST-04, R-ST-06)").RequirePermission(Permissions.StationsManage);
        g.MapPut("/items/{id:guid}", (Guid id, SaveStationItem.Request r, GuanjiaDb db, TimeProvider clock, ProgrammeRulesProvider rules,
            CancellationToken ct) => SaveStationItem.UpdateAsync(db, clock, rules, id, r, ct)).WithSummary("Edit an item (until its filing is with the town)").RequirePermission(Permissions.StationsManage);
        g.MapPost("/items/{id:guid}/attachments", async (Guid id, [FromForm] AttachmentKind? kind, IFormFile? file, GuanjiaDb db, TimeProvider clock,
                AttachmentLimits limits, CancellationToken ct) =>
            {
                await using var stream = file?.OpenReadStream() ?? Stream.Null;
                var view = await UploadStationDocument.ToItemAsync(db, clock, limits, id,
                    new UploadAttachment.Request(kind, file?.FileName, file?.ContentType, file?.Length ?? 0, stream), ct);
                return TypedResults.Created($"/api/attachments/{view.Id}", view);
            })
            // Cookie callers already send the antiforgery header, checked for every unsafe /api request.
            .DisableAntiforgery()
            .WithSummary("Upload the agreement (Contract), the stamped filing form, photos … (multipart: kind, file) (R-PL-05)").RequirePermission(Permissions.StationsManage);
        g.MapPost("/items/{id:guid}/publications", (Guid id, PublishStationResult.Request r, GuanjiaDb db, TimeProvider clock, CancellationToken ct) =>
            PublishStationResult.HandleAsync(db, clock, id, r, ct)).WithSummary("Record the consultation, implementation or evaluation result as published (R-ST-07)").RequirePermission(Permissions.StationsManage);

        g.MapPost("/items/{id:guid}/procurement-filing", async (Guid id, DraftProcurementFiling.Request r, GuanjiaDb db, Guanjia.App.Common.WorkflowRunner workflow,
                CancellationToken ct) =>
            {
                var view = await DraftProcurementFiling.CreateAsync(db, workflow, id, r, ct);
                return TypedResults.Created($"/api/stations/procurement-filings/{view.Id}", view);
            })
            .WithSummary("Fill in the 采购备案表 of a purchased or packaged item (R-ST-05)").RequirePermission(Permissions.StationsManage);
        g.MapGet("/procurement-filings", (GuanjiaDb db, ProcurementState? state, Guid? townId, Guid? villageId, int page = 1, int pageSize = 20,
                CancellationToken ct = default) =>
                StationQueries.ListFilingsAsync(db, new StationQueries.FilingFilter(state, townId, villageId, page, pageSize), ct))
            .RequirePermission(Permissions.StationsRead).WithSummary("Procurement filings in your scope, paged");
        g.MapGet("/procurement-filings/{id:guid}", (Guid id, GuanjiaDb db, CancellationToken ct) => StationQueries.GetFilingAsync(db, id, ct))
            .RequirePermission(Permissions.StationsRead);
        g.MapPut("/procurement-filings/{id:guid}", (Guid id, DraftProcurementFiling.Request r, GuanjiaDb db, Guanjia.App.Common.WorkflowRunner workflow, CancellationToken ct) =>
            DraftProcurementFiling.UpdateAsync(db, workflow, id, r, ct)).WithSummary("Edit a draft filing; a reviewed draft needs the committee's opinion again").RequirePermission(Permissions.StationsManage);
        g.MapPost("/procurement-filings/{id:guid}/supervisory-opinion", (Guid id, GiveSupervisoryOpinion.Request r, GuanjiaDb db, Guanjia.App.Common.WorkflowRunner workflow,
            CancellationToken ct) => GiveSupervisoryOpinion.HandleAsync(db, workflow, id, r, ct))
            .WithSummary("The village affairs supervisory committee's review opinion: reviewer, opinion, reviewedOn (R-ST-05)").RequirePermission(Permissions.StationsSupervise);
        g.MapPost("/procurement-filings/{id:guid}/file", (Guid id, FileProcurementFiling.Request r, GuanjiaDb db, Guanjia.App.Common.WorkflowRunner workflow, CancellationToken ct) =>
            FileProcurementFiling.HandleAsync(db, workflow, id, r, ct)).WithSummary("File it with the town; refused without the committee's opinion (R-ST-05)").RequirePermission(Permissions.StationsManage);
        g.MapPost("/procurement-filings/{id:guid}/record", (Guid id, RecordProcurementFiling.Request r, GuanjiaDb db, Guanjia.App.Common.WorkflowRunner workflow,
            CancellationToken ct) => RecordProcurementFiling.HandleAsync(db, workflow, id, r, ct)).WithSummary("The town lead department records the filing (R-ST-05)").RequirePermission(Permissions.StationsRecord);

        g.MapGet("/referrals", (GuanjiaDb db, ReferralState? state, Guid? villageId, Guid? socialWorkPointId, int page = 1, int pageSize = 20,
                CancellationToken ct = default) =>
                StationQueries.ListReferralsAsync(db, new StationQueries.ReferralFilter(state, villageId, socialWorkPointId, page, pageSize), ct))
            .RequirePermission(Permissions.StationsRead).WithSummary("Inclusive-service referrals in your scope; residents masked outside the handling village");
        g.MapGet("/referrals/{id:guid}", (Guid id, GuanjiaDb db, CancellationToken ct) => StationQueries.GetReferralAsync(db, id, ct))
            .RequirePermission(Permissions.StationsRead);
        g.MapPost("/referrals", async (ReferResident.Request r, GuanjiaDb db, Guanjia.App.Common.WorkflowRunner workflow, CancellationToken ct) =>
            {
                var view = await ReferResident.HandleAsync(db, workflow, r, ct);
                return TypedResults.Created($"/api/stations/referrals/{view.Id}", view);
            })
            .WithSummary("Refer a resident to a social-work service point for an inclusive service (R-ST-08)").RequirePermission(Permissions.StationsManage);
        g.MapPost("/referrals/{id:guid}/served", (Guid id, RecordReferralService.Request r, GuanjiaDb db, Guanjia.App.Common.WorkflowRunner workflow, CancellationToken ct) =>
            RecordReferralService.HandleAsync(db, workflow, id, r, ct)).WithSummary("The point has served the resident, free of charge (R-ST-08)").RequirePermission(Permissions.StationsManage);
        g.MapPost("/referrals/{id:guid}/attachments", async (Guid id, [FromForm] AttachmentKind? kind, IFormFile? file, GuanjiaDb db, TimeProvider clock,
                AttachmentLimits limits, CancellationToken ct) =>
            {
                await using var stream = file?.OpenReadStream() ?? Stream.Null;
                var view = await UploadStationDocument.ToReferralAsync(db, clock, limits, id,
                    new UploadAttachment.Request(kind, file?.FileName, file?.ContentType, file?.Length ?? 0, stream), ct);
                return TypedResults.Created($"/api/attachments/{view.Id}", view);
            })
            .DisableAntiforgery()
            .WithSummary("Upload the point's service records (kind ServiceRecord) (R-ST-08)").RequirePermission(Permissions.StationsManage);
        g.MapPost("/referrals/{id:guid}/file", (Guid id, FileReferralRecords.Request r, GuanjiaDb db, Guanjia.App.Common.WorkflowRunner workflow, CancellationToken ct) =>
            FileReferralRecords.HandleAsync(db, workflow, id, r, ct)).WithSummary("File the service records with the town (R-ST-08)").RequirePermission(Permissions.StationsManage);

        var swp = app.MapGroup("/api/social-work-points").WithTags("Stations").RequireAuthorization();
        swp.MapGet("/", (GuanjiaDb db, Guid? townId, InclusiveService? service, string? q, bool activeOnly = false, int page = 1, int pageSize = 50,
                CancellationToken ct = default) => SocialWorkPoints.ListAsync(db, townId, service, q, activeOnly, page, pageSize, ct))
            .WithSummary("The city's directory of social-work service points, with the version to edit").RequireSignedIn();
        swp.MapGet("/{id:guid}", (Guid id, GuanjiaDb db, CancellationToken ct) => SocialWorkPoints.GetAsync(db, id, ct)).RequireSignedIn();
        swp.MapPut("/{id:guid}", (Guid id, SocialWorkPoints.Save r, GuanjiaDb db, TimeProvider clock, CancellationToken ct) =>
                SocialWorkPoints.SaveAsync(db, clock, id, r, ct))
            .RequirePermission(Permissions.StationsDirectory)
            .WithSummary("The city keeps a point's services, hours, contact and address (000 attachment 2)");

        // The public portal: no account, rate-limited like the other /api/public endpoints.
        var pub = app.MapGroup("/api/public").WithTags("Public").AllowAnonymous().RequireRateLimiting(RateLimits.Public);
        pub.MapGet("/stations", (GuanjiaDb db, Guid? townId, Guid? villageId, string? q, int page = 1, int pageSize = 50, CancellationToken ct = default) =>
                PublicStations.ListAsync(db, townId, villageId, q, page, pageSize, ct))
            .WithSummary("The citywide directory of active stations: place, head and contact, hours, services (R-ST-02)");
        pub.MapGet("/station-publications", (GuanjiaDb db, Guid? townId, Guid? villageId, Guid? stationId, PublicationKind? kind, int page = 1,
                int pageSize = 20, CancellationToken ct = default) =>
                PublicStations.PublicationsAsync(db, townId, villageId, stationId, kind, page, pageSize, ct))
            .WithSummary("Consultation, implementation and evaluation results of station items, masked (R-ST-07, R-PL-07)");
        pub.MapGet("/social-work-points", (GuanjiaDb db, Guid? townId, InclusiveService? service, string? q, int page = 1, int pageSize = 50,
                CancellationToken ct = default) => SocialWorkPoints.ListAsync(db, townId, service, q, activeOnly: true, page, pageSize, ct))
            .WithSummary("Social-work service points: services, hours, contact, address (000 attachment 2)");
    }
}
