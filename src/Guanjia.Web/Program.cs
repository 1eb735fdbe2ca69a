using System.Text.Json.Serialization;
using Guanjia.App;
using Guanjia.App.Accounts;
using Guanjia.App.Common;
using Guanjia.App.Organizations;
using Guanjia.App.Persistence;
using Guanjia.Web.Accounts;
using Guanjia.Web.Appeals;
using Guanjia.Web.Deadlines;
using Guanjia.Web.Funds;
using Guanjia.Web.Feedback;
using Guanjia.Web.MicroProjects;
using Guanjia.Web.Reports;
using Guanjia.Web.PolicyCatalogue;
using Guanjia.Web.MicroWishes;
using Guanjia.Web.Stations;
using Guanjia.Web.Claims;
using Guanjia.Web.Documents;
using Guanjia.Web.Statistics;
using Guanjia.Web.Auditing;
using Guanjia.Web.Calendar;
using Guanjia.Web.CivilAffairs;
using Guanjia.Web.Common;
using Guanjia.Web.Organizations;
using Guanjia.Web.Jurisdictions;
using Guanjia.Web.Purchasing;
using Guanjia.Domain.Jurisdictions;
using Microsoft.AspNetCore.Http.Json;
using Scalar.AspNetCore;

if (args.Length == 2 && args[0] == "--print-schema")
{
    // Developer aid for writing migrations: prints the DDL of the current model (see docs/operations.md).
    Console.WriteLine(Guanjia.App.Persistence.SchemaScript.For(Enum.Parse<Guanjia.App.Persistence.DbProvider>(args[1], true)));
    return;
}

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddGuanjiaApp();
// Messages are "sent" by a simulation only in Development; anywhere else, no gateway means NoChannel (ADR 0020).
if (builder.Environment.IsDevelopment()) builder.Services.AddDevelopmentSender();
builder.Services.AddGuanjiaAuth();
builder.Services.AddProblemDetails();
builder.Services.AddGuanjiaRateLimits(builder.Configuration);
builder.Services.AddGuanjiaHardening(builder.Configuration);
builder.Services.AddExceptionHandler<ProblemHandler>();
builder.Services.Configure<JsonOptions>(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
{
    doc.Info.Title = "Guanjia 莞家 API";
    doc.Info.Description = "民生大莞家 livelihood programme: appeals, micro-projects, micro-wishes, funds. Errors are RFC 9457 ProblemDetails in Chinese and English.";
    return Task.CompletedTask;
}));

var app = builder.Build();

await Guanjia.Web.Startup.PrepareDatabaseAsync(app);

app.UseGuanjiaHardening();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseWebAppFiles();
app.UseAuthentication();
app.UseGuanjiaAntiforgery();
app.UseAuthorization();
app.UseGuanjiaPermissions();
app.UseGuanjiaDateBounds();
app.UseRateLimiter();

app.MapOpenApi();
app.MapScalarApiReference("/api-docs", o => o.WithTitle("Guanjia 莞家 API"));
app.MapHealth();
app.MapAccounts();
app.MapOrganizations();
app.MapCalendar();
app.MapAuditing();
app.MapDeadlines();
app.MapJurisdiction();
// 民生大莞家: its endpoints answer only jurisdictions that run it (ADR 0040).
var livelihood = app.MapGroup("").RequireProgramme(ProgrammeCode.Livelihood);
livelihood.MapAppeals();
livelihood.MapMicroProjects();
livelihood.MapProgramme();
livelihood.MapMessages();
livelihood.MapReports();
livelihood.MapPolicyCatalogue();
livelihood.MapMicroWishes();
livelihood.MapStations();
livelihood.MapClaims();
livelihood.MapFunds();
livelihood.MapDocuments();
livelihood.MapStatistics();
// 民政服务站 casework (001).
app.MapGroup("").RequireProgramme(ProgrammeCode.CivilAffairs).MapCivilAffairs();
app.MapGroup("").RequireProgramme(ProgrammeCode.CivilAffairs).MapStationStaff();
// 政府购买社区服务 (004).
app.MapGroup("").RequireProgramme(ProgrammeCode.Purchasing).MapPurchasing();
app.MapGroup("").RequireProgramme(ProgrammeCode.Purchasing).MapVenture();
app.MapWebAppFallback();

app.Run();

public partial class Program;
