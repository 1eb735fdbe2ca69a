using Guanjia.App.Appeals;
using Guanjia.App.Documents;
using Guanjia.App.MicroProjects;
using Guanjia.App.Persistence;
using Guanjia.App.Surveys;
using Guanjia.Domain.Accounts;
using Guanjia.Domain.Appeals;
using Guanjia.Domain.MicroProjects;
using Guanjia.Domain.MicroWishes;
using Guanjia.Web.Common;
using Route = Guanjia.Domain.MicroProjects.Route;

namespace Guanjia.Web.Documents;

/// <summary>
/// The official forms as files people print and stamp (Word/Excel, PDF through LibreOffice where installed), list
/// exports (CSV/Excel) and the survey results (R-MS-14). Reads only: each goes through the record's own query, so
/// scope answers 404 and permissions 403 exactly as the record's JSON endpoint does. ADR 0014.
/// </summary>
public static class DocumentEndpoints
{
    private const string Word = "{format:regex(^(docx|pdf)$)}";
    private const string Excel = "{format:regex(^(xlsx|pdf)$)}";
    private const string List = "{format:regex(^(csv|xlsx)$)}";

    public static void MapDocuments(this IEndpointRouteBuilder app)
    {
        var p = app.MapGroup("/api/micro-projects/{id:guid}").WithTags("Documents").RequireAuthorization().RequirePermission(Permissions.AppealsRead);
        p.MapGet($"/documents/registration-form.{Word}", async (Guid id, string format, GuanjiaDb db, ProjectServices s, PdfConverter pdf, CancellationToken ct) =>
                await SendAsync(await ProjectForms.RegistrationAsync(db, s, id, ct), format, pdf, ct))
            .WithSummary("The registration form (登记备案表, 003 attachment 1) filled from the project (R-MS-05, R-MS-07)");
        p.MapGet($"/documents/completion-form.{Word}", async (Guid id, string format, GuanjiaDb db, ProjectServices s, PdfConverter pdf, CancellationToken ct) =>
                await SendAsync(await ProjectForms.CompletionAsync(db, s, id, ct), format, pdf, ct))
            .WithSummary("The completion form (结项表, 003 attachment 2) with its survey section (R-MS-13, R-MS-14)");
        p.MapGet($"/documents/survey-questionnaire.{Word}", async (Guid id, string format, GuanjiaDb db, ProjectServices s, PdfConverter pdf, CancellationToken ct) =>
                await SendAsync(await ProjectForms.QuestionnaireAsync(db, s, id, ct), format, pdf, ct))
            .WithSummary("The questionnaire (满意度测评表, 003 attachment 3) for paper use, naming the project");
        p.MapGet($"/documents/survey-results.{Excel}", async (Guid id, string format, GuanjiaDb db, ProjectServices s, PdfConverter pdf, CancellationToken ct) =>
                await SendAsync(await SurveyResultsDocument.BuildAsync(db, s, id, ct), format, pdf, ct))
            .WithSummary("The survey's results as a table: counts per aspect and level, rate, score, suggestions masked (R-MS-14)");
        p.MapGet("/survey-results", (Guid id, GuanjiaDb db, ProjectServices s, CancellationToken ct) => SurveyResults.GetAsync(db, s, id, ct))
            .WithSummary("Survey results: count vs the 30 minimum, per aspect distribution, satisfaction rate and score (R-MS-14)");

        app.MapGet($"/api/documents/survey-questionnaire.{Word}", async (string format, PdfConverter pdf, CancellationToken ct) =>
                await SendAsync(ProjectForms.BlankQuestionnaire(), format, pdf, ct))
            .WithTags("Documents").RequireAuthorization().WithSummary("The blank questionnaire (满意度测评表) for paper use").RequireSignedIn();
        app.MapGet("/api/documents/capabilities", (PdfConverter pdf) => TypedResults.Ok(new { pdf = pdf.Available }))
            .WithTags("Documents").RequireAuthorization().WithSummary("Whether this server can make PDF (LibreOffice installed)").RequireSignedIn();

        app.MapGet($"/api/stations/procurement-filings/{{id:guid}}/document.{Word}", async (Guid id, string format, GuanjiaDb db, PdfConverter pdf,
                CancellationToken ct) => await SendAsync(await ProcurementFilingForm.BuildAsync(db, id, ct), format, pdf, ct))
            .WithTags("Documents").RequireAuthorization().RequirePermission(Permissions.StationsRead)
            .WithSummary("The procurement filing form (采购备案表, 000 attachment 1) with the committee's opinion (R-ST-05)");
        app.MapGet($"/api/annual-plans/{{id:guid}}/document.{Excel}", async (Guid id, string format, GuanjiaDb db, PdfConverter pdf, CancellationToken ct) =>
                await SendAsync(await AnnualPlanDocument.BuildAsync(db, id, ct), format, pdf, ct))
            .WithTags("Documents").RequireAuthorization().RequirePermission(Permissions.AppealsRead)
            .WithSummary("The annual implementation plan (年度“民生微实事”项目实施计划表) as a table (R-MS-17)");

        app.MapGet($"/api/funds/ledger/document.{Excel}", async (string format, string? year, Guid? townId, GuanjiaDb db, TimeProvider clock,
                PdfConverter pdf, CancellationToken ct) => await SendAsync(await LedgerDocument.BuildAsync(db, clock, year, townId, ct), format, pdf, ct))
            .WithTags("Documents").RequireAuthorization().RequirePermission(Permissions.FundsRead)
            .WithSummary("The disbursement ledger (资金发放台账) of your scope, a year and a town, with totals by source (R-FD-06)");

        var x = app.MapGroup("/api/exports").WithTags("Documents").RequireAuthorization().RequirePermission(Permissions.AppealsRead);
        x.MapGet($"/appeals.{List}", async (string format, GuanjiaDb db, TimeProvider clock, AppealState? state, Channel? channel, ProjectCategory? category,
                Guid? townId, Guid? villageId, CollectionKind? collection, DateOnly? from, DateOnly? to, string? q, CancellationToken ct) =>
                Send(await ListExports.AppealsAsync(db, clock, new AppealQueries.Filter(state, channel, category, townId, villageId, collection, from, to, q),
                    ListFormat(format), ct)))
            .WithSummary("The appeals list (same filters and scope as GET /api/appeals), unpaged up to 10,000 rows");
        x.MapGet($"/micro-projects.{List}", async (string format, GuanjiaDb db, TimeProvider clock, ProjectState? state, ProjectCategory? category, Route? route,
                Guid? townId, Guid? villageId, int? year, bool? inAnnualPool, string? q, CancellationToken ct) =>
                Send(await ListExports.ProjectsAsync(db, clock, new ProjectQueries.Filter(state, category, route, townId, villageId, year, inAnnualPool, q),
                    ListFormat(format), ct)))
            .WithSummary("The micro-project list (same filters and scope as GET /api/micro-projects), unpaged up to 10,000 rows");
        x.MapGet($"/micro-wishes.{List}", async (string format, GuanjiaDb db, TimeProvider clock, WishState? state, WishKind? kind, Guid? townId,
                Guid? villageId, CancellationToken ct) => Send(await ListExports.WishesAsync(db, clock, state, kind, townId, ListFormat(format), ct, villageId)))
            .WithSummary("The micro-wish list (same filters and scope as GET /api/micro-wishes), unpaged up to 10,000 rows");

        app.MapGet("/api/public/survey-results/{number}", (string number, GuanjiaDb db, ProjectServices s, CancellationToken ct) =>
                SurveyResults.PublicAsync(db, s, number, ct))
            .WithTags("Public").AllowAnonymous().RequireRateLimiting(RateLimits.Public)
            .WithSummary("A closed project's published survey result: counts, rate and score only, nothing personal (R-MS-18, R-PL-07)");
    }

    private static FileFormat ListFormat(string format) => format == "csv" ? FileFormat.Csv : FileFormat.Xlsx;

    private static Microsoft.AspNetCore.Http.HttpResults.FileContentHttpResult Send(DocumentFile f) => TypedResults.File(f.Bytes, f.ContentType, f.FileName);

    /// <summary>The file as generated, or its PDF; no LibreOffice is 501, a failed conversion 503, both as ProblemDetails.</summary>
    internal static async Task<IResult> SendAsync(DocumentFile f, string format, PdfConverter pdf, CancellationToken ct)
    {
        if (format != "pdf") return Send(f);
        try
        {
            return Send(await pdf.ConvertAsync(f, ct));
        }
        catch (PdfUnavailable u)
        {
            return TypedResults.Problem(ProblemHandler.Make(u.Installed ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status501NotImplemented,
                u.Installed ? "pdf_failed" : "pdf_unavailable", u.Zh, u.Message));
        }
    }
}
