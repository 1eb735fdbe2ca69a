using Guanjia.App.CivilAffairs;
using Guanjia.App.Common;
using Guanjia.App.Documents;
using Guanjia.App.Persistence;
using Guanjia.Domain.Accounts;
using Guanjia.Domain.CivilAffairs;
using Guanjia.Web.Common;
using Microsoft.AspNetCore.Mvc;

namespace Guanjia.Web.CivilAffairs;

/// <summary>
/// Casework of the township civil-affairs service stations (民政服务站, R-CA-04..09, 13; issue 13): stations and their
/// workers, one file per person, plans, visits (idempotent for the offline phone), assessments, means investigations,
/// screenings, resource links, policy evaluations, the month's figures and the documents. See docs/civil-affairs.md.
/// </summary>
public static class CivilAffairsEndpoints
{
    private const string Word = "{format:regex(^(docx|pdf)$)}";
    private const string Excel = "{format:regex(^(xlsx|pdf)$)}";

    public static void MapCivilAffairs(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/civil-affairs").WithTags("CivilAffairs").RequireAuthorization();

        // Stations and workers
        g.MapGet("/stations", (GuanjiaDb db, CancellationToken ct) => CivilAffairsStations.ListAsync(db, ct))
            .RequirePermission(Permissions.CaseworkRead).WithSummary("The civil-affairs stations in your scope with their workers (R-CA-01)");
        g.MapGet("/stations/{id:guid}", (Guid id, GuanjiaDb db, CancellationToken ct) => CivilAffairsStations.GetAsync(db, id, ct))
            .RequirePermission(Permissions.CaseworkRead).WithSummary("A station with its workers");
        g.MapPost("/stations", async (CivilAffairsStations.Create r, GuanjiaDb db, CaseworkServices s, CancellationToken ct) =>
            {
                var v = await CivilAffairsStations.CreateAsync(db, s, r, ct);
                return TypedResults.Created($"/api/civil-affairs/stations/{v.Id}", v);
            })
            .RequirePermission(Permissions.CaseworkRead)
            .WithSummary("Set up a town's station, named \"××镇(街道)民政服务站\" (city: casework.configure; town: casework.town)");
        g.MapPost("/stations/{id:guid}/workers", (Guid id, CivilAffairsStations.AddWorker r, GuanjiaDb db, TimeProvider clock, CancellationToken ct) =>
                CivilAffairsStations.AddWorkerAsync(db, clock, id, r, ct))
            .RequirePermission(Permissions.CaseworkRead).WithSummary("Link a user of role StationWorker at the station's town (city or town)");
        g.MapPost("/stations/{id:guid}/workers/{workerId:guid}/end", (Guid id, Guid workerId, CivilAffairsStations.EndWorker r, GuanjiaDb db,
                TimeProvider clock, CancellationToken ct) => CivilAffairsStations.EndWorkerAsync(db, clock, id, workerId, r, ct))
            .RequirePermission(Permissions.CaseworkRead).WithSummary("A worker leaves the station (city or town)");

        // Settings
        g.MapGet("/settings", (GuanjiaDb db, CancellationToken ct) => SaveCaseworkSettings.GetAsync(db, ct))
            .RequirePermission(Permissions.CaseworkRead).WithSummary("Categories, months without a home visit, re-assessment working days, 低保 standard per year");
        g.MapPut("/settings", (SaveCaseworkSettings.Request r, GuanjiaDb db, TimeProvider clock, CancellationToken ct) =>
                SaveCaseworkSettings.HandleAsync(db, clock, r, ct))
            .RequirePermission(Permissions.CaseworkConfigure).WithSummary("The city saves the casework settings (version, reason)");

        // Files (一人一档)
        g.MapGet("/files", (GuanjiaDb db, CaseworkServices s, Guid? villageId, string? category, CaseStatus? status, string? q, bool? dispersed,
                bool? noHomeVisit, Guid? workerId, int page = 1, int pageSize = 20, CancellationToken ct = default) =>
                CaseQueries.ListAsync(db, s, new CaseQueries.Filter(villageId, category, status, q, dispersed, noHomeVisit, workerId, page, pageSize), ct))
            .RequirePermission(Permissions.CaseworkRead).WithSummary("Files in your scope, paged; ID numbers masked; noHomeVisit flags R-CA-08's home-visit rule");
        g.MapPost("/files", async (RegisterPerson.Request r, GuanjiaDb db, CaseworkServices s, CancellationToken ct) =>
            {
                var v = await RegisterPerson.HandleAsync(db, s, r, ct);
                return TypedResults.Created($"/api/civil-affairs/files/{v.Id}", v);
            })
            .RequirePermission(Permissions.CaseworkRecord)
            .WithSummary("Register a person (R-CA-13): 409 already_registered with the link, or registered_elsewhere offering a transfer request");
        g.MapPost("/files/lookup", (LookupBody r, GuanjiaDb db, CaseworkServices s, CancellationToken ct) =>
                CaseQueries.LookupAsync(db, s, r.DocumentKind, r.DocumentNumber, ct))
            .RequirePermission(Permissions.CaseworkRecord).WithSummary("Find an open file by document number through the keyed hash (POST keeps the number out of URLs)");
        g.MapGet("/files/{id:guid}", (Guid id, GuanjiaDb db, CaseworkServices s, CancellationToken ct) => CaseQueries.GetAsync(db, s, id, audit: true, ct))
            .RequirePermission(Permissions.CaseworkRead)
            .WithSummary("A person's file; with casework.sensitive the full ID number and health, and the view is recorded in the audit trail");
        g.MapPut("/files/{id:guid}", (Guid id, EditCaseFile.Edit r, GuanjiaDb db, CaseworkServices s, CancellationToken ct) =>
                EditCaseFile.EditAsync(db, s, id, r, ct))
            .RequirePermission(Permissions.CaseworkRecord).WithSummary("Edit contact, address, health, worker, dynamic adjustment (version; stale is 409 with serverVersion)");
        g.MapGet("/files/{id:guid}/timeline", (Guid id, GuanjiaDb db, CaseworkServices s, CancellationToken ct) => CaseQueries.TimelineAsync(db, s, id, ct))
            .RequirePermission(Permissions.CaseworkRead).WithSummary("Everything about the person on one timeline, newest first");
        g.MapPost("/files/{id:guid}/categories", (Guid id, EditCaseFile.AddCategory r, GuanjiaDb db, CaseworkServices s, CancellationToken ct) =>
                EditCaseFile.AddCategoryAsync(db, s, id, r, ct))
            .RequirePermission(Permissions.CaseworkRecord).WithSummary("Add a category with its validity period");
        g.MapPost("/files/{id:guid}/categories/{categoryId:guid}/end", (Guid id, Guid categoryId, EditCaseFile.EndCategory r, GuanjiaDb db,
                CaseworkServices s, CancellationToken ct) => EditCaseFile.EndCategoryAsync(db, s, id, categoryId, r, ct))
            .RequirePermission(Permissions.CaseworkRecord).WithSummary("End a category (validTo)");
        g.MapPost("/files/{id:guid}/end-care", (Guid id, EditCaseFile.EndCare r, GuanjiaDb db, CaseworkServices s, CancellationToken ct) =>
                EditCaseFile.EndCareAsync(db, s, id, r, ct))
            .RequirePermission(Permissions.CaseworkRecord).WithSummary("The person died or left care: the file closes and open obligations are cancelled");
        g.MapGet("/files/{id:guid}/assessments", (Guid id, GuanjiaDb db, CancellationToken ct) => AssessSelfCare.HistoryAsync(db, id, ct))
            .RequirePermission(Permissions.CaseworkRead).WithSummary("The person's self-care assessments, newest first (R-CA-07)");
        g.MapPost("/files/{id:guid}/assessments", async (Guid id, AssessSelfCare.Request r, GuanjiaDb db, CaseworkServices s, CancellationToken ct) =>
            {
                var v = await AssessSelfCare.HandleAsync(db, s, id, r, ct);
                return TypedResults.Created($"/api/civil-affairs/assessments/{v.Id}/form.docx", v);
            })
            .RequirePermission(Permissions.CaseworkRecord).WithSummary("Assess self-care: six items, 具备 / 部分丧失 / 完全丧失 by the number not met (R-CA-07)");
        g.MapGet("/files/{id:guid}/plans", (Guid id, GuanjiaDb db, CancellationToken ct) => CasePlans.ForFileAsync(db, id, ct))
            .RequirePermission(Permissions.CaseworkRead).WithSummary("The person's plans (一人一策, R-CA-13)");
        g.MapPost("/files/{id:guid}/plans", async (Guid id, CasePlans.Create r, GuanjiaDb db, CaseworkServices s, CancellationToken ct) =>
            {
                var v = await CasePlans.CreateAsync(db, s, id, r, ct);
                return TypedResults.Created($"/api/civil-affairs/plans/{v.Id}", v);
            })
            .RequirePermission(Permissions.CaseworkRecord).WithSummary("Make a plan: kind (individual/group/community), needs, goals");
        g.MapPost("/files/{id:guid}/links", async (Guid id, LinkResource.Request r, GuanjiaDb db, CaseworkServices s, CancellationToken ct) =>
            {
                var v = await LinkResource.HandleAsync(db, s, id, r, ct);
                return TypedResults.Created($"/api/civil-affairs/links/{v.Id}", v);
            })
            .RequirePermission(Permissions.CaseworkRecord).WithSummary("Link the person to policy aid or charity (R-CA-09); claimantId for a claim-board donor");
        g.MapGet($"/files/{{id:guid}}/document.{Word}", async (Guid id, string format, GuanjiaDb db, CaseworkServices s, PdfConverter pdf, CancellationToken ct) =>
                await Guanjia.Web.Documents.DocumentEndpoints.SendAsync(await CaseworkDocuments.PersonFileAsync(db, s, id, ct), format, pdf, ct))
            .RequirePermission(Permissions.CaseworkRead).WithSummary("The person's file (一人一档) as Word or PDF; a full file is recorded as a view");

        // Bulk registration
        g.MapGet("/imports/template.csv", () => TypedResults.File(
                System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(string.Join(",", ImportPeople.Columns) + "\r\n")).ToArray(),
                "text/csv; charset=utf-8", "批量建档模板.csv"))
            .RequirePermission(Permissions.CaseworkRecord).WithSummary("The CSV template: the column headers the import reads");
        g.MapPost("/imports/preview", async (IFormFile? file, GuanjiaDb db, CaseworkServices s, CancellationToken ct) =>
            {
                await using var stream = file?.OpenReadStream() ?? Stream.Null;
                return await ImportPeople.PreviewAsync(db, s, file?.FileName ?? "", stream, ct);
            })
            .DisableAntiforgery().RequirePermission(Permissions.CaseworkRecord)
            .WithSummary("Check an export (multipart file: .csv UTF-8 or .xlsx) and list each row's errors; saves nothing");
        g.MapPost("/imports", async (IFormFile? file, GuanjiaDb db, CaseworkServices s, CancellationToken ct) =>
            {
                await using var stream = file?.OpenReadStream() ?? Stream.Null;
                return await ImportPeople.HandleAsync(db, s, file?.FileName ?? "", stream, ct);
            })
            .DisableAntiforgery().RequirePermission(Permissions.CaseworkRecord)
            .WithSummary("Import every row or none: any wrong row answers 400 naming rows[n].field");

        // Plans
        g.MapGet("/plans/{id:guid}", (Guid id, GuanjiaDb db, CancellationToken ct) => CasePlans.GetAsync(db, id, ct))
            .RequirePermission(Permissions.CaseworkRead).WithSummary("A plan with its entries");
        g.MapPost("/plans/{id:guid}/entries", (Guid id, CasePlans.Entry r, GuanjiaDb db, CaseworkServices s, CancellationToken ct) =>
                CasePlans.AddEntryAsync(db, s, id, r, ct))
            .RequirePermission(Permissions.CaseworkRecord).WithSummary("Add an action, follow-up, the person's feedback or the evaluation");
        g.MapPost("/plans/{id:guid}/close", (Guid id, CasePlans.Close r, GuanjiaDb db, CaseworkServices s, CancellationToken ct) =>
                CasePlans.CloseAsync(db, s, id, r, ct))
            .RequirePermission(Permissions.CaseworkRecord).WithSummary("Close the plan (note, version)");

        // Visits
        g.MapGet("/visits", (GuanjiaDb db, CaseworkServices s, int? month, Guid? villageId, Guid? caseFileId, Guid? workerId, VisitMode? mode,
                int page = 1, int pageSize = 20, CancellationToken ct = default) =>
                VisitQueries.ListAsync(db, s, new VisitQueries.Filter(month, villageId, caseFileId, workerId, mode, page, pageSize), ct))
            .RequirePermission(Permissions.CaseworkRead)
            .WithSummary("The month's visits (yyyyMM, default this month), newest first; total counted up to 10,000 (totalIsAtLeast)");
        g.MapPost("/visits", async (RecordVisit.Request r, [FromHeader(Name = "Idempotency-Key")] string? key, GuanjiaDb db, CaseworkServices s,
                CancellationToken ct) =>
            {
                var (v, replayed) = await RecordVisit.HandleAsync(db, s, r, key, ct);
                return replayed ? Results.Ok(v) : Results.Created($"/api/civil-affairs/visits/{v.Id}", v);
            })
            .RequirePermission(Permissions.CaseworkRecord)
            .WithSummary("Record a visit (R-CA-08); Idempotency-Key header or clientKey: a replay answers 200 with the same visit");
        g.MapGet("/visits/{id:guid}", (Guid id, GuanjiaDb db, CaseworkServices s, CancellationToken ct) => VisitQueries.GetAsync(db, s, id, ct))
            .RequirePermission(Permissions.CaseworkRead).WithSummary("A visit with its checklist and problems; health only with casework.sensitive");
        g.MapPut("/visits/{id:guid}", (Guid id, EditVisit.Request r, GuanjiaDb db, CaseworkServices s, CancellationToken ct) =>
                EditVisit.HandleAsync(db, s, id, r, ct))
            .RequirePermission(Permissions.CaseworkRecord).WithSummary("Correct a visit (version); stale answers 409 with serverVersion and the server's visit");
        g.MapGet($"/visits/ledger.{Excel}", async (string format, int? month, GuanjiaDb db, CaseworkServices s, PdfConverter pdf, CancellationToken ct) =>
                await Guanjia.Web.Documents.DocumentEndpoints.SendAsync(await CaseworkDocuments.VisitLedgerAsync(db, s, month, ct), format, pdf, ct))
            .RequirePermission(Permissions.CaseworkRead).WithSummary("The month's 探视巡访台账 with the people due and not visited");
        g.MapGet("/my-due", (GuanjiaDb db, CaseworkServices s, bool all = false, CancellationToken ct = default) => VisitQueries.MyDueAsync(db, s, all, ct))
            .RequirePermission(Permissions.CaseworkRecord)
            .WithSummary("This month's due list with the people on it, for the phone to keep offline (your files; all=true for the station's)");

        // Problems
        g.MapGet("/problems", (GuanjiaDb db, bool? open, Guid? villageId, ProblemSource? source, int page = 1, int pageSize = 20, CancellationToken ct = default) =>
                AnswerProblem.ListAsync(db, new AnswerProblem.Filter(open, villageId, source, page, pageSize), ct))
            .RequirePermission(Permissions.CaseworkRead).WithSummary("Problems reported from visits and screenings, tracked until answered");
        g.MapPost("/problems/{id:guid}/answer", (Guid id, AnswerProblem.Request r, GuanjiaDb db, CaseworkServices s, CancellationToken ct) =>
                AnswerProblem.HandleAsync(db, s, id, r, ct))
            .RequirePermission(Permissions.CaseworkRead).WithSummary("The village (casework.village-answer) or the town (casework.town) answers");

        // Assessments
        g.MapGet($"/assessments/{{id:guid}}/form.{Word}", async (Guid id, string format, GuanjiaDb db, CaseworkServices s, PdfConverter pdf, CancellationToken ct) =>
                await Guanjia.Web.Documents.DocumentEndpoints.SendAsync(await CaseworkDocuments.AssessmentFormAsync(db, s, id, ct), format, pdf, ct))
            .RequirePermission(Permissions.CaseworkRead).WithSummary("The self-care assessment form");
        g.MapGet($"/assessments/list.{Excel}", async (string format, int? year, GuanjiaDb db, CaseworkServices s, PdfConverter pdf, CancellationToken ct) =>
                await Guanjia.Web.Documents.DocumentEndpoints.SendAsync(await CaseworkDocuments.AssessmentListAsync(db, s, year, ct), format, pdf, ct))
            .RequirePermission(Permissions.CaseworkRead).WithSummary("The year's assessment list");

        // Means investigations
        g.MapGet("/investigations", (GuanjiaDb db, CaseworkServices s, Guid? householdId, int? month, TownDecision? decision, int page = 1, int pageSize = 20,
                CancellationToken ct = default) =>
                InvestigateMeans.ListAsync(db, s, new InvestigateMeans.Filter(householdId, month, decision, page, pageSize), ct))
            .RequirePermission(Permissions.CaseworkRead).WithSummary("Means investigations; decision=Pending lists the flags waiting for the town");
        g.MapGet("/investigations/{id:guid}", (Guid id, GuanjiaDb db, CaseworkServices s, CancellationToken ct) => InvestigateMeans.GetAsync(db, s, id, ct))
            .RequirePermission(Permissions.CaseworkRead).WithSummary("An investigation; members, income and health only with casework.sensitive");
        g.MapPost("/households/{id:guid}/investigations", async (Guid id, InvestigateMeans.Request r, GuanjiaDb db, CaseworkServices s, CancellationToken ct) =>
            {
                var v = await InvestigateMeans.HandleAsync(db, s, id, r, ct);
                return TypedResults.Created($"/api/civil-affairs/investigations/{v.Id}", v);
            })
            .RequirePermission(Permissions.CaseworkRecord).WithSummary("Investigate a household's means (R-CA-05): income per head against the year's 低保 standard, a flag for the town");
        g.MapPost("/investigations/{id:guid}/decision", (Guid id, InvestigateMeans.Decide r, GuanjiaDb db, CaseworkServices s, CancellationToken ct) =>
                InvestigateMeans.DecideAsync(db, s, id, r, ct))
            .RequirePermission(Permissions.CaseworkTown).WithSummary("The town's decision on a flag (StatusChangeStarted or NoChange); no status changes here");
        g.MapGet($"/investigations/{{id:guid}}/form.{Word}", async (Guid id, string format, GuanjiaDb db, CaseworkServices s, PdfConverter pdf, CancellationToken ct) =>
                await Guanjia.Web.Documents.DocumentEndpoints.SendAsync(await CaseworkDocuments.InvestigationFormAsync(db, s, id, ct), format, pdf, ct))
            .RequirePermission(Permissions.CaseworkRead).WithSummary("The investigation form");

        // Screenings
        g.MapGet("/screenings", (GuanjiaDb db, Guid? villageId, int? month, int page = 1, int pageSize = 20, CancellationToken ct = default) =>
                RecordScreening.ListAsync(db, new RecordScreening.Filter(villageId, month, page, pageSize), ct))
            .RequirePermission(Permissions.CaseworkRead).WithSummary("Monthly target screenings (R-CA-04)");
        g.MapGet("/screenings/{id:guid}", (Guid id, GuanjiaDb db, CancellationToken ct) => RecordScreening.GetAsync(db, id, ct))
            .RequirePermission(Permissions.CaseworkRead).WithSummary("A screening with its problems and the people registered from it");
        g.MapPost("/screenings", async (RecordScreening.Request r, GuanjiaDb db, CaseworkServices s, CancellationToken ct) =>
            {
                var v = await RecordScreening.HandleAsync(db, s, r, ct);
                return TypedResults.Created($"/api/civil-affairs/screenings/{v.Id}", v);
            })
            .RequirePermission(Permissions.CaseworkRecord).WithSummary("Record a village's monthly screening: methods, households checked, people found, problems for the town");

        // Resource links
        g.MapGet("/links", (GuanjiaDb db, Guid? caseFileId, LinkState? state, int page = 1, int pageSize = 20, CancellationToken ct = default) =>
                LinkResource.ListAsync(db, new LinkResource.Filter(caseFileId, state, page, pageSize), ct))
            .RequirePermission(Permissions.CaseworkRead).WithSummary("Resource links, tracked to the result (R-CA-09)");
        g.MapPost("/links/{id:guid}/outcome", (Guid id, LinkResource.Outcome r, GuanjiaDb db, CaseworkServices s, CancellationToken ct) =>
                LinkResource.RecordOutcomeAsync(db, s, id, r, ct))
            .RequirePermission(Permissions.CaseworkRecord).WithSummary("Record the result of a link (Succeeded / Failed, version)");
        g.MapGet("/donors", (GuanjiaDb db, string? q, CancellationToken ct) => KnownDonors.ListAsync(db, q, ct))
            .RequirePermission(Permissions.CaseworkRecord).WithSummary("Donors already known to the claim board (a person's name masked)");

        // Policy evaluations
        g.MapGet("/evaluations", (GuanjiaDb db, int? year, CancellationToken ct) => EvaluatePolicy.ListAsync(db, year, ct))
            .RequirePermission(Permissions.CaseworkRead).WithSummary("Quarterly policy evaluations with their computed rates (R-CA-06)");
        g.MapPost("/evaluations", async (EvaluatePolicy.Request r, GuanjiaDb db, CaseworkServices s, CancellationToken ct) =>
            {
                var v = await EvaluatePolicy.HandleAsync(db, s, r, ct);
                return TypedResults.Created($"/api/civil-affairs/evaluations/{v.Id}", v);
            })
            .RequirePermission(Permissions.CaseworkRecord).WithSummary("Record a town's quarterly evaluation from its interviews");

        // Obligations and figures
        g.MapGet("/figures", (GuanjiaDb db, CaseworkServices s, int? month, string? obligation, FiguresBy by = FiguresBy.Village, CancellationToken ct = default) =>
                CaseworkFigures.GetAsync(db, s, month, by, obligation, ct))
            .RequirePermission(Permissions.CaseworkRead)
            .WithSummary("The month's figures per village, station, worker or obligation: due, done on time, late, missing, open");
        g.MapPost("/obligations/open", async (GuanjiaDb db, CaseworkServices s, IServiceProvider sp, CancellationToken ct) =>
            {
                var system = ActivatorUtilities.CreateInstance<GuanjiaDb>(sp, new FixedActor(Actor.System));
                return TypedResults.Ok(new { added = await CaseworkDeadlines.OpenPeriodAsync(system, s, ct) });
            })
            .RequirePermission(Permissions.CaseworkConfigure).WithSummary("Open this month's (year's, quarter's) missing obligation rows now (the job does it each month)");

        // Transfers
        g.MapPost("/transfer-requests", async (TransferRequests.Create r, GuanjiaDb db, CaseworkServices s, IServiceProvider sp, CancellationToken ct) =>
            {
                var system = ActivatorUtilities.CreateInstance<GuanjiaDb>(sp, new FixedActor(Actor.System));
                var v = await TransferRequests.CreateAsync(db, system, s, r, ct);
                return TypedResults.Created($"/api/civil-affairs/transfer-requests/mine", v);
            })
            .RequirePermission(Permissions.CaseworkRecord).WithSummary("Ask the town holding a person's file to transfer it; you learn only the state and the answer");
        g.MapGet("/transfer-requests/mine", (GuanjiaDb db, CancellationToken ct) => TransferRequests.MineAsync(db, ct))
            .RequirePermission(Permissions.CaseworkRecord).WithSummary("Your transfer requests: state and answer");
        g.MapGet("/transfer-requests/incoming", (GuanjiaDb db, CancellationToken ct) => TransferRequests.IncomingAsync(db, ct))
            .RequirePermission(Permissions.CaseworkTown).WithSummary("Requests for files your town holds");
        g.MapPost("/transfer-requests/{id:guid}/answer", (Guid id, TransferRequests.Answer r, GuanjiaDb db, CaseworkServices s, CancellationToken ct) =>
                TransferRequests.AnswerAsync(db, s, id, r, ct))
            .RequirePermission(Permissions.CaseworkTown).WithSummary("Accept (the file closes as transferred) or refuse with a reason");
    }

    public sealed record LookupBody(DocumentKind? DocumentKind, string? DocumentNumber);
}
