using Guanjia.App.Appeals;
using Guanjia.App.Attachments;
using Guanjia.App.MicroProjects;
using Guanjia.App.Persistence;
using Guanjia.Domain.Accounts;
using Guanjia.Domain.Attachments;
using Guanjia.Domain.MicroProjects;
using Guanjia.Web.Common;
using Microsoft.AspNetCore.Mvc;
using Route = Guanjia.Domain.MicroProjects.Route;

namespace Guanjia.Web.MicroProjects;

public static class MicroProjectEndpoints
{
    public static void MapMicroProjects(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/micro-projects").WithTags("MicroProjects").RequireAuthorization();
        g.MapGet("/", (GuanjiaDb db, ProjectState? state, ProjectCategory? category, Route? route, Guid? townId, Guid? villageId, int? year,
                bool? inAnnualPool, string? q, int page = 1, int pageSize = 20, CancellationToken ct = default) =>
            ProjectQueries.ListAsync(db, new ProjectQueries.Filter(state, category, route, townId, villageId, year, inAnnualPool, q, page, pageSize), ct))
            .RequirePermission(Permissions.AppealsRead).WithSummary("Micro-projects in your scope, filtered and paged in the database");
        g.MapGet("/workflow", () => TypedResults.Ok(ProjectWorkflow.Rows))
            .WithSummary("The transition table every step fires: from, to, who, when, the deadlines it meets and starts, the feedback it sends").RequireSignedIn();
        g.MapGet("/{id:guid}", (Guid id, GuanjiaDb db, ProjectServices s, CancellationToken ct) => ProjectQueries.GetAsync(db, s, id, ct))
            .RequirePermission(Permissions.AppealsRead);
        g.MapGet("/{id:guid}/timeline", (Guid id, GuanjiaDb db, TimeProvider clock, CancellationToken ct) => Timeline.ForProjectAsync(db, clock, id, ct))
            .RequirePermission(Permissions.AppealsRead);
        g.MapGet("/{id:guid}/survey", (Guid id, GuanjiaDb db, ProjectServices s, CancellationToken ct) => ProjectQueries.SurveyAsync(db, s, id, ct))
            .RequirePermission(Permissions.AppealsRead).WithSummary("Survey results: count, distribution per aspect, rate and score (R-MS-14)");

        g.MapPost("/{id:guid}/attachments", async (Guid id, [FromForm] AttachmentKind? kind, IFormFile? file, GuanjiaDb db, TimeProvider clock,
                AttachmentLimits limits, CancellationToken ct) =>
            {
                await using var stream = file?.OpenReadStream() ?? Stream.Null;
                var view = await UploadAttachment.ToProjectAsync(db, clock, limits, id,
                    new UploadAttachment.Request(kind, file?.FileName, file?.ContentType, file?.Length ?? 0, stream), ct);
                return TypedResults.Created($"/api/attachments/{view.Id}", view);
            })
            // Cookie callers already send the antiforgery header, checked for every unsafe /api request.
            .DisableAntiforgery()
            .WithSummary("Upload minutes, contracts, invoices, photos … (multipart: kind, file) (R-PL-05)").RequirePermission(Permissions.ProjectsVillage, Permissions.ProjectsTown, Permissions.ProjectsOpinion);

        g.MapPost("/{id:guid}/consultations", (Guid id, RecordConsultation.Request r, GuanjiaDb db, ProjectServices s, CancellationToken ct) =>
            RecordConsultation.HandleAsync(db, s, id, ConsultationKind.Consultation, r, ct)).WithSummary("The community consultation (R-MS-04..06)").RequirePermission(Permissions.ProjectsVillage);
        g.MapPost("/{id:guid}/assembly-votes", (Guid id, RecordConsultation.Request r, GuanjiaDb db, ProjectServices s, CancellationToken ct) =>
            RecordConsultation.HandleAsync(db, s, id, ConsultationKind.AssemblyVote, r, ct)).WithSummary("The assembly vote after a failed consultation (R-MS-06)").RequirePermission(Permissions.ProjectsVillage);
        g.MapPost("/{id:guid}/registration", (Guid id, FileRegistration.Request r, GuanjiaDb db, ProjectServices s, CancellationToken ct) =>
            FileRegistration.HandleAsync(db, s, id, r, ct)).WithSummary("File the registration form (R-MS-07, R-MS-01)").RequirePermission(Permissions.ProjectsVillage);
        g.MapPost("/{id:guid}/department-opinions", (Guid id, RecordDepartmentOpinion.Request r, GuanjiaDb db, ProjectServices s, CancellationToken ct) =>
            RecordDepartmentOpinion.HandleAsync(db, s, id, r, ct)).WithSummary("A town department's opinion and sign-off (R-MS-08)").RequirePermission(Permissions.ProjectsOpinion);
        g.MapPost("/{id:guid}/review", (Guid id, ReviewProject.Request r, GuanjiaDb db, ProjectServices s, CancellationToken ct) =>
            ReviewProject.HandleAsync(db, s, id, r, ct)).WithSummary("The town's review with the four checks (R-MS-08..10)").RequirePermission(Permissions.ProjectsTown);
        g.MapPost("/{id:guid}/publicity", (Guid id, PublishProject.Request r, GuanjiaDb db, ProjectServices s, CancellationToken ct) =>
            PublishProject.HandleAsync(db, s, id, r, ct)).WithSummary("Publicity for at least 5 days (R-MS-11)").RequirePermission(Permissions.ProjectsVillage, Permissions.ProjectsTown);
        g.MapGet("/{id:guid}/publicity/preview", (Guid id, string? platforms, GuanjiaDb db, CancellationToken ct) =>
                PublishProject.PreviewAsync(db, id, platforms?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), ct))
            .RequirePermission(Permissions.AppealsRead)
            .WithSummary("The publicity notice as the public will read it, every person masked, before the town publishes (R-MS-11); saves nothing");
        g.MapPost("/{id:guid}/start", (Guid id, StartImplementation.Request r, GuanjiaDb db, ProjectServices s, CancellationToken ct) =>
            StartImplementation.HandleAsync(db, s, id, r, ct)).WithSummary("Start implementation after publicity (R-MS-11, R-MS-12)").RequirePermission(Permissions.ProjectsVillage);
        g.MapPost("/{id:guid}/progress", (Guid id, ReportProgress.Request r, [FromHeader(Name = "Idempotency-Key")] string? key, GuanjiaDb db,
            ProjectServices s, CancellationToken ct) => ReportProgress.HandleAsync(db, s, id, r, key, ct)).WithSummary("A progress update with photos").RequirePermission(Permissions.ProjectsVillage);
        g.MapPost("/{id:guid}/complete", (Guid id, CompleteProject.Request r, GuanjiaDb db, ProjectServices s, CancellationToken ct) =>
            CompleteProject.HandleAsync(db, s, id, r, ct)).WithSummary("The project is finished (R-MS-12)").RequirePermission(Permissions.ProjectsVillage);
        g.MapPost("/{id:guid}/survey-responses", (Guid id, RecordSurveyResponse.Request r, [FromHeader(Name = "Idempotency-Key")] string? key,
            GuanjiaDb db, ProjectServices s, CancellationToken ct) => RecordSurveyResponse.HandleAsync(db, s, id, r, key, ct))
            .WithSummary("Enter one questionnaire (R-MS-14)").RequirePermission(Permissions.ProjectsVillage, Permissions.ProjectsTown, Permissions.SurveysEvaluate);
        g.MapPost("/{id:guid}/completion", (Guid id, FileCompletion.Request r, GuanjiaDb db, ProjectServices s, CancellationToken ct) =>
            FileCompletion.HandleAsync(db, s, id, r, ct)).WithSummary("File the completion form (R-MS-13)").RequirePermission(Permissions.ProjectsVillage);
        g.MapPost("/{id:guid}/survey/finish", (Guid id, CloseProject.Request r, GuanjiaDb db, ProjectServices s, CancellationToken ct) =>
            CloseProject.FinishSurveyAsync(db, s, id, r, ct)).WithSummary("The town closes its survey; the project closes (R-MS-14, R-MS-15)").RequirePermission(Permissions.ProjectsTown);
        g.MapPost("/{id:guid}/final-accounts", (Guid id, RecordFinalAccounts.Request r, GuanjiaDb db, ProjectServices s, CancellationToken ct) =>
            RecordFinalAccounts.HandleAsync(db, s, id, r, ct))
            .WithSummary("The town's final accounts and audit of a closed project, published with fund use and effect (R-MS-19)").RequirePermission(Permissions.ProjectsTown);
        g.MapGet("/{id:guid}/survey-commissions", (Guid id, GuanjiaDb db, CancellationToken ct) => SurveyCommissions.OfProjectAsync(db, id, ct))
            .RequirePermission(Permissions.AppealsRead).WithSummary("The evaluators a town commissioned for this project's survey (R-MS-18)");
        g.MapPost("/{id:guid}/survey-commissions", (Guid id, SurveyCommissions.Commission r, GuanjiaDb db, ProjectServices s, CancellationToken ct) =>
            SurveyCommissions.CommissionAsync(db, s, id, r, ct)).RequirePermission(Permissions.ProjectsTown)
            .WithSummary("Commission a third-party evaluator to run the project's survey (R-MS-14, R-MS-18)");
        app.MapPost("/api/survey-commissions/{id:guid}/withdraw", (Guid id, SurveyCommissions.Withdraw r, GuanjiaDb db, ProjectServices s, CancellationToken ct) =>
            SurveyCommissions.WithdrawAsync(db, s, id, r, ct)).WithTags("MicroProjects").RequireAuthorization().RequirePermission(Permissions.ProjectsTown)
            .WithSummary("Withdraw a survey commission");

        var evaluations = app.MapGroup("/api/evaluations").WithTags("MicroProjects").RequireAuthorization();
        evaluations.MapGet("/projects", (GuanjiaDb db, ProjectServices s, CancellationToken ct) => SurveyCommissions.MineAsync(db, s, ct))
            .RequirePermission(Permissions.SurveysEvaluate).WithSummary("The projects towns commissioned you to survey, and nothing else (R-MS-18)");
        evaluations.MapGet("/projects/{id:guid}/survey", async (Guid id, GuanjiaDb db, IServiceProvider sp, ProjectServices s, CancellationToken ct) =>
            {
                var commissioned = ActivatorUtilities.CreateInstance<GuanjiaDb>(sp, new Guanjia.App.Common.FixedActor(await SurveyCommissions.ActorForAsync(db, id, ct)));
                return await ProjectQueries.SurveyAsync(commissioned, s, id, ct);
            }).RequirePermission(Permissions.SurveysEvaluate).WithSummary("A commissioned project's survey so far");
        evaluations.MapPost("/projects/{id:guid}/survey-responses", async (Guid id, RecordSurveyResponse.Request r,
                [FromHeader(Name = "Idempotency-Key")] string? key, GuanjiaDb db, IServiceProvider sp, ProjectServices s, CancellationToken ct) =>
            {
                var commissioned = ActivatorUtilities.CreateInstance<GuanjiaDb>(sp, new Guanjia.App.Common.FixedActor(await SurveyCommissions.ActorForAsync(db, id, ct)));
                return await RecordSurveyResponse.HandleAsync(commissioned, s, id, r, key, ct);
            }).RequirePermission(Permissions.SurveysEvaluate).WithSummary("Enter one questionnaire of a commissioned project's survey (R-MS-14, R-MS-18)");

        app.MapGet("/api/attachments/{id:guid}", async (Guid id, GuanjiaDb db, CancellationToken ct) =>
            {
                var (meta, bytes) = await UploadAttachment.DownloadAsync(db, id, ct);
                return TypedResults.File(bytes, meta.ContentType, meta.FileName);
            }).WithTags("MicroProjects").RequireAuthorization().WithSummary("Download an attachment in your scope").RequirePermission(Permissions.AppealsRead, Permissions.StationsRead, Permissions.SurveysEvaluate, Permissions.PurchasingRead);

        var plans = app.MapGroup("/api/annual-plans").WithTags("AnnualPlans").RequireAuthorization();
        plans.MapPost("/campaigns", (AnnualPlans.OpenCampaign r, GuanjiaDb db, ProjectServices s, Guanjia.App.Deadlines.AnnualObligations yearly,
                CancellationToken ct) => AnnualPlans.OpenCampaignAsync(db, s, yearly, r, ct)).WithSummary("Open the town's concentrated collection (R-IN-02)").RequirePermission(Permissions.ProjectsTown);
        plans.MapGet("/campaigns", (GuanjiaDb db, Guid? townId, int? year, CancellationToken ct) => AnnualPlans.CampaignsAsync(db, townId, year, ct))
            .RequirePermission(Permissions.AppealsRead).WithSummary("Concentrated collections in your scope");
        plans.MapPost("/campaigns/{id:guid}/close", (Guid id, AnnualPlans.CloseCampaign r, GuanjiaDb db, ProjectServices s, CancellationToken ct) =>
            AnnualPlans.CloseCampaignAsync(db, s, id, r, ct)).RequirePermission(Permissions.ProjectsTown);
        plans.MapGet("/pool", (Guid townId, int year, GuanjiaDb db, CancellationToken ct) => AnnualPlans.PoolAsync(db, townId, year, ct))
            .RequirePermission(Permissions.AppealsRead).WithSummary("The town's project pool for a year (R-MS-17)");
        plans.MapGet("/", (int? year, GuanjiaDb db, CancellationToken ct) => AnnualPlans.ListAsync(db, year, ct)).RequirePermission(Permissions.AppealsRead);
        plans.MapPost("/", (AnnualPlans.FilePlan r, GuanjiaDb db, ProjectServices s, CancellationToken ct) => AnnualPlans.FileAsync(db, s, r, ct))
            .WithSummary("File the annual implementation plan; its total must reach the city's allocation (R-MS-17)").RequirePermission(Permissions.ProjectsTown);
        plans.MapGet("/{id:guid}", (Guid id, GuanjiaDb db, CancellationToken ct) => AnnualPlans.GetAsync(db, id, ct)).RequirePermission(Permissions.AppealsRead);
        plans.MapPost("/{id:guid}/adjustments", (Guid id, AnnualPlans.Adjust r, GuanjiaDb db, ProjectServices s, CancellationToken ct) =>
            AnnualPlans.AdjustAsync(db, s, id, r, ct)).WithSummary("Add an item paid from matching funds, reported to the city (R-MS-17)").RequirePermission(Permissions.ProjectsTown);

        app.MapGet("/api/allocations/{year:int}/{townId:guid}", (int year, Guid townId, GuanjiaDb db, CancellationToken ct) =>
                AnnualPlans.AllocationAsync(db, townId, year, ct))
            .WithTags("AnnualPlans").RequirePermission(Permissions.AppealsRead).WithSummary("A town's allocation for a year, in your scope");
        app.MapPut("/api/allocations/{year:int}/{townId:guid}", (int year, Guid townId, AnnualPlans.SetAllocation r, GuanjiaDb db, TimeProvider clock,
                CancellationToken ct) => AnnualPlans.SetAllocationAsync(db, clock, townId, year, r, ct))
            .WithTags("AnnualPlans").RequirePermission(Permissions.AllocationsManage).WithSummary("The city's yearly 微实事 / 微心愿 money for a town (fen)");
    }
}
