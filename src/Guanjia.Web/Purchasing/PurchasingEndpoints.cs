using Guanjia.App.Attachments;
using Guanjia.App.Common;
using Guanjia.App.Documents;
using Guanjia.App.Jurisdictions;
using Guanjia.App.Persistence;
using Guanjia.App.Purchasing;
using Guanjia.Domain.Accounts;
using Guanjia.Domain.Attachments;
using Guanjia.Domain.Purchasing;
using Guanjia.Web.Common;
using Microsoft.AspNetCore.Mvc;

namespace Guanjia.Web.Purchasing;

/// <summary>
/// 政府购买社区服务 (004, R-PS-01..08, R-CA-12): contractors, the year's budget, packages, tenders, contracts and their instalments,
/// reports and major events, inspections, third-party evaluations, rectifications and penalties. Mapped only for jurisdictions that run
/// the programme (Program.cs).
/// </summary>
public static class PurchasingEndpoints
{
    public static void MapPurchasing(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/purchasing").WithTags("Purchasing").RequireAuthorization();

        g.MapGet("/contractors", (GuanjiaDb db, string? q, ServiceContent? content, int page = 1, int pageSize = 20, CancellationToken ct = default) =>
                ContractorQueries.ListAsync(db, q, content, page, pageSize, ct))
            .RequirePermission(Permissions.PurchasingRead).WithSummary("The contractor registry (R-PS-01)");
        g.MapGet("/contractors/{id:guid}", (Guid id, GuanjiaDb db, CancellationToken ct) => ContractorQueries.GetAsync(db, id, ct))
            .RequirePermission(Permissions.PurchasingRead).WithSummary("A contractor with its history of contracts, evaluations and penalties (R-PS-01)");
        g.MapPost("/contractors", async (SaveContractor.Create r, GuanjiaDb db, TimeProvider clock, CancellationToken ct) =>
            {
                var v = await SaveContractor.CreateAsync(db, clock, r, ct);
                return TypedResults.Created($"/api/purchasing/contractors/{v.Id}", v);
            })
            .RequirePermission(Permissions.PurchasingManage)
            .WithSummary("Register a contractor: unified social credit code checked by its GB 32100 check character, qualifications, contacts (R-PS-01)");
        g.MapPut("/contractors/{id:guid}", (Guid id, SaveContractor.Update r, GuanjiaDb db, TimeProvider clock, CancellationToken ct) =>
            SaveContractor.UpdateAsync(db, clock, id, r, ct)).RequirePermission(Permissions.PurchasingManage).WithSummary("Edit a contractor; version, reason");

        g.MapGet("/budget-lines", (GuanjiaDb db, CancellationToken ct) => SetBudgetLine.ListAsync(db, ct))
            .RequirePermission(Permissions.PurchasingManage).WithSummary("The bureau's budget lines by year, with what contracts commit (R-PS-08)");
        g.MapPut("/budget-lines/{year:int}", (int year, SetBudgetLine.Request r, GuanjiaDb db, TimeProvider clock, CancellationToken ct) =>
                SetBudgetLine.HandleAsync(db, clock, year, r, ct))
            .RequirePermission(Permissions.PurchasingManage).WithSummary("Set the year's budget line (年初预算); never below what is signed (R-PS-08)");

        g.MapGet("/packages", (GuanjiaDb db, JurisdictionRulesProvider rules, CancellationToken ct) => PurchasingQueries.PackagesAsync(db, rules, ct))
            .RequirePermission(Permissions.PurchasingManage).WithSummary("Packages of communities with each street's workstation staffing need (R-PS-03, R-PS-04)");
        g.MapGet("/packages/{id:guid}", (Guid id, GuanjiaDb db, JurisdictionRulesProvider rules, CancellationToken ct) =>
            PurchasingQueries.PackageAsync(db, rules, id, ct)).RequirePermission(Permissions.PurchasingManage);
        g.MapPost("/packages", async (SavePackage.Request r, GuanjiaDb db, PurchasingServices s, CancellationToken ct) =>
            {
                var v = await SavePackage.CreateAsync(db, s, r, ct);
                return TypedResults.Created($"/api/purchasing/packages/{v.Id}", v);
            })
            .RequirePermission(Permissions.PurchasingManage)
            .WithSummary("Make a package: name, period, content, communities — each in at most one package per period (R-PS-02, R-PS-03)");
        g.MapPut("/packages/{id:guid}", (Guid id, SavePackage.Request r, GuanjiaDb db, PurchasingServices s, CancellationToken ct) =>
            SavePackage.UpdateAsync(db, s, id, r, ct)).RequirePermission(Permissions.PurchasingManage).WithSummary("Change a package until it is tendered");

        g.MapGet("/tenders", (GuanjiaDb db, CancellationToken ct) => PurchasingQueries.TendersAsync(db, ct)).RequirePermission(Permissions.PurchasingManage);
        g.MapGet("/tenders/{id:guid}", (Guid id, GuanjiaDb db, CancellationToken ct) => PurchasingQueries.TenderAsync(db, id, ct))
            .RequirePermission(Permissions.PurchasingManage);
        g.MapPost("/tenders", async (RecordTender.Request r, GuanjiaDb db, PurchasingServices s, CancellationToken ct) =>
            {
                var v = await RecordTender.HandleAsync(db, s, r, ct);
                return TypedResults.Created($"/api/purchasing/tenders/{v.Id}", v);
            })
            .RequirePermission(Permissions.PurchasingManage).WithSummary("Record a package's tender: method, date, bidders, winner, amount (R-PS-03)");

        g.MapGet("/contracts", (GuanjiaDb db, ContractState? state, Guid? contractorId, int? budgetYear, int page = 1, int pageSize = 20,
                CancellationToken ct = default) =>
                PurchasingQueries.ContractsAsync(db, new PurchasingQueries.ContractFilter(state, contractorId, budgetYear, page, pageSize), ct))
            .RequirePermission(Permissions.PurchasingRead).WithSummary("Purchase contracts in your scope (a contractor sees its own)");
        g.MapGet("/contracts/{id:guid}", (Guid id, GuanjiaDb db, TimeProvider clock, CancellationToken ct) => PurchasingQueries.ContractAsync(db, clock, id, ct))
            .RequirePermission(Permissions.PurchasingRead)
            .WithSummary("A contract with instalments, reports, inspections, rectifications, penalties, evaluation, documents and deadlines");
        g.MapPost("/contracts", async (SignContract.Request r, GuanjiaDb db, PurchasingServices s, CancellationToken ct) =>
            {
                var v = await SignContract.HandleAsync(db, s, r, ct);
                return TypedResults.Created($"/api/purchasing/contracts/{v.Id}", v);
            })
            .RequirePermission(Permissions.PurchasingManage)
            .WithSummary("Sign the contract with the package's winner: term, amount, instalments adding up to it, indicators, inspection plan, penalty clauses (R-PS-06..08)");
        g.MapPost("/contracts/{id:guid}/attachments", async (Guid id, [FromForm] AttachmentKind? kind, IFormFile? file, GuanjiaDb db, TimeProvider clock,
                AttachmentLimits limits, CancellationToken ct) =>
            {
                await using var stream = file?.OpenReadStream() ?? Stream.Null;
                var v = await UploadContractDocument.HandleAsync(db, clock, limits, id,
                    new UploadAttachment.Request(kind, file?.FileName, file?.ContentType, file?.Length ?? 0, stream), ct);
                return TypedResults.Created($"/api/attachments/{v.Id}", v);
            })
            // Cookie callers already send the antiforgery header, checked for every unsafe /api request.
            .DisableAntiforgery()
            .WithSummary("Upload a contract document: the agreement (Contract), a report (Report), rectification evidence (multipart: kind, file)").RequirePermission(Permissions.PurchasingManage, Permissions.PurchasingReport);

        g.MapGet("/instalments", (GuanjiaDb db, Guid? contractId, bool payableOnly = false, CancellationToken ct = default) =>
                PurchasingQueries.InstalmentsAsync(db, contractId, payableOnly, ct))
            .RequirePermission(Permissions.PurchasingRead)
            .WithSummary("Instalments; payableOnly: accepted, with the amount due less penalties and payments (what the ledger may pay)");
        g.MapPost("/contracts/{id:guid}/instalments/{instalmentId:guid}/accept", (Guid id, Guid instalmentId, AcceptInstalment.Request r, GuanjiaDb db,
                PurchasingServices s, CancellationToken ct) => AcceptInstalment.HandleAsync(db, s, id, instalmentId, r, ct))
            .RequirePermission(Permissions.PurchasingManage).WithSummary("Accept an instalment's milestone, in order (R-PS-06)");
        g.MapGet("/accounts", (GuanjiaDb db, CancellationToken ct) => PurchasingFunds.AccountsAsync(db, ct))
            .RequirePermission(Permissions.PurchasingRead).WithSummary("The bureau's ring-fenced purchased-service accounts with their balances by source (R-FD-07)");
        g.MapPost("/accounts/receipts", (PurchasingFunds.Receipt r, GuanjiaDb db, TimeProvider clock, CancellationToken ct) =>
                PurchasingFunds.ReceiveAsync(db, clock, r, ct))
            .RequirePermission(Permissions.PurchasingManage)
            .WithSummary("Money received into the jurisdiction's purchased-service account (opened with the first receipt): source, amountFen, reference (R-FD-07)");
        g.MapGet("/contracts/{id:guid}/payments", (Guid id, GuanjiaDb db, CancellationToken ct) => PurchasingFunds.PaymentsAsync(db, id, ct))
            .RequirePermission(Permissions.PurchasingRead).WithSummary("The ledger's payments of the contract's instalments and their reversals");
        g.MapPost("/contracts/{id:guid}/payments/{entryId:guid}/reversal", (Guid id, Guid entryId, PurchasingFunds.Reversal r, GuanjiaDb db, TimeProvider clock,
                CancellationToken ct) => PurchasingFunds.ReverseAsync(db, clock, id, entryId, r, ct))
            .RequirePermission(Permissions.PurchasingManage).WithSummary("Correct a wrong instalment payment by the ledger's reversal; the instalment is due again (R-FD-06)");
        g.MapPost("/contracts/{id:guid}/instalments/{instalmentId:guid}/payments", (Guid id, Guid instalmentId, PayInstalment.Request r, GuanjiaDb db,
                TimeProvider clock, CancellationToken ct) => PayInstalment.HandleAsync(db, clock, id, instalmentId, r, ct))
            .RequirePermission(Permissions.PurchasingManage)
            .WithSummary("Pay an accepted instalment from the bureau's ring-fenced purchased-service account, up to the amount less penalties and earlier payments (R-FD-07, R-PS-06)");

        g.MapGet("/reports", (GuanjiaDb db, TimeProvider clock, Guid? contractId, ReportKind? kind, ReportState? state, bool? overdueOnly, int page = 1,
                int pageSize = 50, CancellationToken ct = default) =>
                PurchasingQueries.ReportsAsync(db, clock, new PurchasingQueries.ReportFilter(contractId, kind, state, overdueOnly, page, pageSize), ct))
            .RequirePermission(Permissions.PurchasingRead).WithSummary("Reports due and filed, with their deadlines met or missed (R-CA-12)");
        g.MapGet("/reports/{id:guid}", (Guid id, GuanjiaDb db, TimeProvider clock, CancellationToken ct) => PurchasingQueries.ReportAsync(db, clock, id, ct))
            .RequirePermission(Permissions.PurchasingRead);
        g.MapPost("/contracts/{id:guid}/reports", (Guid id, FileReport.Request r, GuanjiaDb db, PurchasingServices s, CancellationToken ct) =>
                FileReport.HandleAsync(db, s, id, r, ct))
            .RequirePermission(Permissions.PurchasingReport)
            .WithSummary("File the monthly brief, mid-term or final report: uploaded file and structured summary; late needs lateReason (R-CA-12, R-PS-05)");
        g.MapPost("/contracts/{id:guid}/major-events", async (Guid id, ReportMajorEvent.Request r, GuanjiaDb db, PurchasingServices s, IServiceProvider sp,
                ILogger<ReportMajorEvent.Request> log, CancellationToken ct) =>
            {
                var v = await ReportMajorEvent.HandleAsync(db, s, id, r, ct);
                try
                {
                    // Delivered at once to the street and the bureau; the background job retries if this fails.
                    await using var scope = sp.CreateAsyncScope();
                    var system = ActivatorUtilities.CreateInstance<GuanjiaDb>(scope.ServiceProvider, new FixedActor(Actor.System));
                    await ReportMajorEvent.DeliverAsync(system, s, v.Id, ct);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.LogWarning(e, "Major event {Id} not delivered at once; the background job retries", v.Id);
                }
                return TypedResults.Created($"/api/purchasing/reports/{v.Id}", await PurchasingQueries.ReportAsync(db, s.Clock, v.Id, ct));
            })
            .RequirePermission(Permissions.PurchasingReport)
            .WithSummary("Report a major event at once: it reaches the street and the bureau immediately and waits for both to acknowledge (R-CA-12)");
        g.MapGet("/major-events", (GuanjiaDb db, TimeProvider clock, bool awaitingOnly = false, CancellationToken ct = default) =>
                PurchasingQueries.MajorEventsAsync(db, clock, awaitingOnly, ct))
            .RequirePermission(Permissions.PurchasingRead).WithSummary("Major events: the bureau's all, a contractor's own, a street's those in it (R-CA-12)");
        g.MapPost("/reports/{id:guid}/acknowledge", (Guid id, AcknowledgeReport.Request r, GuanjiaDb db, PurchasingServices s, CancellationToken ct) =>
                AcknowledgeReport.HandleAsync(db, s, id, r, ct))
            .RequirePermission(Permissions.PurchasingRead)
            .WithSummary("The bureau acknowledges a report; a street acknowledges a major event in it (R-CA-12)");

        g.MapGet("/inspections", (GuanjiaDb db, Guid? contractId, CancellationToken ct) => PurchasingQueries.InspectionsAsync(db, contractId, ct))
            .RequirePermission(Permissions.PurchasingRead).WithSummary("Inspections by civil affairs, finance and audit (R-PS-05)");
        g.MapPost("/contracts/{id:guid}/inspections", async (Guid id, RecordInspection.Request r, GuanjiaDb db, PurchasingServices s, CancellationToken ct) =>
            {
                var v = await RecordInspection.HandleAsync(db, s, id, r, ct);
                return TypedResults.Created($"/api/purchasing/inspections/{v.Id}", v);
            })
            .RequirePermission(Permissions.PurchasingManage).WithSummary("Record an inspection and its findings; each finding becomes a rectification (R-PS-05, R-PS-06)");

        g.MapGet("/evaluations", (GuanjiaDb db, Guid? contractorId, CancellationToken ct) => PurchasingQueries.EvaluationsAsync(db, contractorId, ct))
            .RequirePermission(Permissions.PurchasingRead).WithSummary("Third-party evaluations: the bureau's all, an evaluator's own (R-PS-06)");
        g.MapGet("/evaluations/{id:guid}", (Guid id, GuanjiaDb db, CancellationToken ct) => PurchasingQueries.EvaluationAsync(db, id, ct))
            .RequirePermission(Permissions.PurchasingRead);
        g.MapPost("/contracts/{id:guid}/evaluations", async (Guid id, Evaluations.Commission r, GuanjiaDb db, PurchasingServices s, CancellationToken ct) =>
            {
                var v = await Evaluations.CommissionAsync(db, s, id, r, ct);
                return TypedResults.Created($"/api/purchasing/evaluations/{v.Id}", v);
            })
            .RequirePermission(Permissions.PurchasingManage)
            .WithSummary("Commission the evaluation: evaluator, indicators with weights adding up to 100%, effect and satisfaction at their minimum (R-PS-06)");
        g.MapPost("/evaluations/{id:guid}/scores", (Guid id, Evaluations.Score r, GuanjiaDb db, PurchasingServices s, CancellationToken ct) =>
                Evaluations.ScoreAsync(db, s, id, r, ct))
            .RequirePermission(Permissions.PurchasingEvaluate).WithSummary("The evaluator scores each indicator: total, grade, survey, findings (R-PS-06)");
        g.MapGet("/evaluations/{id:guid}/survey", (Guid id, GuanjiaDb db, PurchasingServices s, CancellationToken ct) =>
                BeneficiarySurvey.GetAsync(db, s, id, ct))
            .RequirePermission(Permissions.PurchasingRead)
            .WithSummary("The contract's beneficiaries' satisfaction survey: responses against the minimum, each aspect, the satisfaction score it gives (R-PS-06)");
        g.MapPost("/evaluations/{id:guid}/survey/responses", (Guid id, Guanjia.App.MicroProjects.RecordSurveyResponse.Request r, GuanjiaDb db,
                PurchasingServices s, CancellationToken ct) => BeneficiarySurvey.RecordAsync(db, s, id, r, ct))
            .RequirePermission(Permissions.PurchasingEvaluate)
            .WithSummary("The evaluator enters one beneficiary's paper questionnaire (the product's seven aspects, R-MS-14) for the contract's evaluation (R-PS-06)");
        g.MapPost("/evaluations/{id:guid}/accept", (Guid id, Evaluations.Accept r, GuanjiaDb db, PurchasingServices s, CancellationToken ct) =>
                Evaluations.AcceptAsync(db, s, id, r, ct))
            .RequirePermission(Permissions.PurchasingManage).WithSummary("The bureau accepts the evaluation; its findings become rectifications (R-PS-06)");

        g.MapGet("/rectifications", (GuanjiaDb db, TimeProvider clock, Guid? contractId, RectificationState? state, CancellationToken ct) =>
                PurchasingQueries.RectificationsAsync(db, clock, contractId, state, ct))
            .RequirePermission(Permissions.PurchasingRead).WithSummary("Findings tracked to rectification (R-PS-06)");
        g.MapGet("/rectifications/{id:guid}", (Guid id, GuanjiaDb db, TimeProvider clock, CancellationToken ct) =>
            PurchasingQueries.RectificationAsync(db, clock, id, ct)).RequirePermission(Permissions.PurchasingRead);
        g.MapPost("/rectifications/{id:guid}/evidence", (Guid id, Rectifications.Evidence r, GuanjiaDb db, PurchasingServices s, CancellationToken ct) =>
                Rectifications.SubmitEvidenceAsync(db, s, id, r, ct))
            .RequirePermission(Permissions.PurchasingReport).WithSummary("The contractor submits its evidence; late needs lateReason (R-PS-06)");
        g.MapPost("/rectifications/{id:guid}/review", (Guid id, Rectifications.Review r, GuanjiaDb db, PurchasingServices s, CancellationToken ct) =>
                Rectifications.ReviewAsync(db, s, id, r, ct))
            .RequirePermission(Permissions.PurchasingManage).WithSummary("The bureau closes the rectification or sends it back with a new due date (R-PS-06)");

        g.MapGet("/penalties", (GuanjiaDb db, Guid? contractId, Guid? contractorId, CancellationToken ct) =>
                PurchasingQueries.PenaltiesAsync(db, contractId, contractorId, ct))
            .RequirePermission(Permissions.PurchasingRead);
        g.MapPost("/contracts/{id:guid}/penalties", async (Guid id, RecordPenalty.Request r, GuanjiaDb db, TimeProvider clock, CancellationToken ct) =>
            {
                var v = await RecordPenalty.HandleAsync(db, clock, id, r, ct);
                return TypedResults.Created($"/api/purchasing/penalties/{v.Id}", v);
            })
            .RequirePermission(Permissions.PurchasingManage)
            .WithSummary("Record a penalty under a contract clause, against the next instalment not yet paid (R-PS-06)");

        // Documents and the bureau's figures (issue 14 §8).
        g.MapGet("/contracts/{id:guid}/summary.{format:regex(^(docx|pdf)$)}", async (Guid id, string format, GuanjiaDb db, TimeProvider clock, PdfConverter pdf,
                CancellationToken ct) => await Guanjia.Web.Documents.DocumentEndpoints.SendAsync(await PurchasingDocuments.ContractSummaryAsync(db, clock, id, ct), format, pdf, ct))
            .RequirePermission(Permissions.PurchasingRead).WithSummary("The contract's performance summary (合同履约概要) as Word or PDF");
        g.MapGet("/evaluations/{id:guid}/report.{format:regex(^(docx|pdf)$)}", async (Guid id, string format, GuanjiaDb db, TimeProvider clock, PdfConverter pdf,
                CancellationToken ct) => await Guanjia.Web.Documents.DocumentEndpoints.SendAsync(await PurchasingDocuments.EvaluationReportAsync(db, clock, id, ct), format, pdf, ct))
            .RequirePermission(Permissions.PurchasingRead).WithSummary("The third-party evaluation report (第三方评估报告) as Word or PDF");
        g.MapGet("/figures", (GuanjiaDb db, JurisdictionRulesProvider rules, TimeProvider clock, CancellationToken ct) =>
                PurchasingFigures.ByPackageAsync(db, rules, clock, ct))
            .RequirePermission(Permissions.PurchasingManage)
            .WithSummary("Per package and contract: staff needed, reports on time, late and missing, evaluation score, open rectifications, penalties, money paid (R-PS-04..06, R-CA-12)");
        g.MapGet("/figures.xlsx", async (GuanjiaDb db, JurisdictionRulesProvider rules, TimeProvider clock, CancellationToken ct) =>
            {
                var f = await PurchasingFigures.ExcelAsync(db, rules, clock, ct);
                return TypedResults.File(f.Bytes, f.ContentType, f.FileName);
            })
            .RequirePermission(Permissions.PurchasingManage).WithSummary("The bureau's supervision table (监管一览表) as Excel");
    }
}
