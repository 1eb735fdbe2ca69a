using Guanjia.App.Appeals;
using Guanjia.App.Deadlines;
using Guanjia.App.Persistence;
using Guanjia.Domain.Attachments;
using Guanjia.Domain.Common;
using Guanjia.Domain.MicroProjects;
using Guanjia.Domain.Surveys;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.MicroProjects;

public sealed record AttachmentView(Guid Id, AttachmentKind Kind, string FileName, string ContentType, long Size, DateTimeOffset UploadedAt, string? UploadedByName);

public sealed record ConsultationView(Guid Id, ConsultationKind Kind, DateTimeOffset HeldAt, string Place, string Host, string Recorder,
    ConsultationForm Form, string? FormOther, IReadOnlyList<ParticipantType> ParticipantTypes, int HeadCount, bool Passed, string? Content,
    string? Beneficiaries, Route? Route, long? BudgetFen, IReadOnlyList<FundingSource> FundingSources, string? ImplementingBody,
    string? ImplementationPeriod, string? FailureNote, string? FeasibilityStudy, Guid MinutesAttachmentId);

public sealed record OpinionView(Guid Id, string DepartmentName, string Opinion, bool Agrees, bool SignedOff, DateTimeOffset At, string? ByName);

public sealed record ProgressView(Guid Id, string Text, int? PercentDone, IReadOnlyList<Guid> PhotoIds, DateTimeOffset At, string? ByName);

public sealed record ProjectDetail(
    Guid Id, string Number, Guid AppealId, string TrackingNumber, Guid VillageId, string VillageName, Guid TownId, string TownName,
    ProjectState State, string StateZh, bool? IsSmall, int RulesVersion, string Name, ProjectCategory? Category, ProjectSubType? SubType,
    string? Content, ProposalSource? Source, string? Location, string? ContactName, string? ContactTitle, string? ContactPhone,
    string? Beneficiaries, Route? Route, ExpressForm? ExpressForm, string? PairedUnit, long? BudgetFen, IReadOnlyList<FundingSource> FundingSources, string? ImplementingBody,
    string? ImplementationPeriod, string? CapOverrideReason, DateTimeOffset? CommitteeDecidedAt, DateTimeOffset? ConsultedAt,
    DateTimeOffset? RegisteredAt, DateTimeOffset? ReviewedAt, ReviewDecision? ReviewDecision, bool? CheckConsultationCompliant,
    bool? CheckBudgetReasonable, bool? CheckRouteFeasible, bool? CheckResolvableByPolicy, string? ReviewOpinion, string? PolicyDepartment,
    string? PolicyContact, DateTimeOffset? PublicityFrom, DateTimeOffset? PublicityTo, IReadOnlyList<string> PublicityPlatforms,
    DateTimeOffset? ImplementationStartedAt, DateTimeOffset? CompletedAt, DateTimeOffset? CompletionFiledAt, CompletionForm? CompletionForm,
    long? ActualProgrammeFen, long? ActualVillageFen, long? ActualSocialFen, DateTimeOffset? ClosedAt, bool InAnnualPool, int Year,
    int Version, IReadOnlyList<ConsultationView> Consultations, IReadOnlyList<OpinionView> DepartmentOpinions,
    IReadOnlyList<ProgressView> Progress, IReadOnlyList<AttachmentView> Attachments, IReadOnlyList<DeadlineView> Deadlines,
    SurveySummary Survey, IReadOnlyList<string> AllowedActions, IReadOnlyList<Common.AllowedStep> Steps, string? PolicyCheckNote,
    FundingChannel? Funding, string? FundingPayer, string? PlatformOverrideReason, long? FinalAccountsFen, string? AuditBody, string? AuditResult,
    string? Effect, DateTimeOffset? FinalAccountsAt, long LedgerPaidFen, string? DirectRouteReason);

public sealed record ProjectRow(Guid Id, string Number, string Name, ProjectCategory? Category, Route? Route, ProjectState State, long? BudgetFen,
    Guid TownId, Guid VillageId, string? VillageName, DateTimeOffset CreatedAt, int Year);

public sealed record SurveyResult(Guid ProjectId, SurveySummary Summary);

public static class ProjectQueries
{
    public sealed record Filter(
        ProjectState? State = null, ProjectCategory? Category = null, Route? Route = null, Guid? TownId = null, Guid? VillageId = null,
        int? Year = null, bool? InAnnualPool = null, string? Q = null, int Page = 1, int PageSize = 20);

    private static List<T> Split<T>(string? csv) where T : struct, Enum =>
        string.IsNullOrEmpty(csv) ? [] : csv.Split(',').Select(x => Enum.Parse<T>(x)).ToList();

    public static async Task<ProjectDetail> GetAsync(GuanjiaDb db, ProjectServices s, Guid id, CancellationToken ct)
    {
        var p = await db.MicroProjects.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFound("MicroProject", "项目不存在或不在您的管辖范围内", "The project does not exist or is outside your scope");
        var (village, town) = await ProjectSteps.NamesAsync(db, p, ct);
        var tracking = await db.Appeals.AsNoTracking().Where(a => a.Id == p.AppealId).Select(a => a.TrackingNumber).SingleAsync(ct);
        var consultations = await db.Consultations.AsNoTracking().Where(c => c.ProjectId == id).OrderBy(c => c.HeldAt).ToListAsync(ct);
        var opinions = await db.DepartmentOpinions.AsNoTracking().Where(o => o.ProjectId == id).OrderBy(o => o.At).ToListAsync(ct);
        var progress = await db.ProgressReports.AsNoTracking().Where(o => o.ProjectId == id).OrderBy(o => o.At).ToListAsync(ct);
        var attachments = await db.Attachments.AsNoTracking().Where(a => a.OwnerType == "MicroProject" && a.OwnerId == id).OrderBy(a => a.UploadedAt).ToListAsync(ct);
        var deadlines = await db.Deadlines.AsNoTracking().Where(d => d.SubjectId == id).OrderBy(d => d.StartsAt).ToListAsync(ct);
        var rules = await s.Rules.GetAsync(db, p.RulesVersion, ct);
        var responses = await db.SurveyResponses.AsNoTracking().Where(r => r.ProjectId == id).ToListAsync(ct);
        var steps = Common.WorkflowGate.Allowed(db, ProjectWorkflow.Workflow, p);
        return new ProjectDetail(p.Id, p.Number, p.AppealId, tracking, p.VillageId, village, p.TownId, town, p.State, ProjectWorkflow.Zh(p.State),
            p.IsSmall, p.RulesVersion, p.Name, p.Category, p.SubType, p.Content, p.Source, p.Location, p.ContactName, p.ContactTitle, p.ContactPhone,
            p.Beneficiaries, p.Route, p.ExpressForm, p.PairedUnit, p.BudgetFen, Split<FundingSource>(p.FundingSources), p.ImplementingBody, p.ImplementationPeriod,
            p.CapOverrideReason, p.CommitteeDecidedAt, p.ConsultedAt, p.RegisteredAt, p.ReviewedAt, p.ReviewDecision, p.CheckConsultationCompliant,
            p.CheckBudgetReasonable, p.CheckRouteFeasible, p.CheckResolvableByPolicy, p.ReviewOpinion, p.PolicyDepartment, p.PolicyContact,
            p.PublicityFrom, p.PublicityTo, p.PublicityPlatforms?.Split(',') ?? [], p.ImplementationStartedAt, p.CompletedAt, p.CompletionFiledAt,
            CompletionForm.Parse(p.CompletionFormJson), p.ActualProgrammeFen, p.ActualVillageFen, p.ActualSocialFen, p.ClosedAt, p.InAnnualPool, p.Year, p.Version,
            consultations.Select(c => new ConsultationView(c.Id, c.Kind, c.HeldAt, c.Place, c.Host, c.Recorder, c.Form, c.FormOther,
                Split<ParticipantType>(c.ParticipantTypes), c.HeadCount, c.Passed, c.Content, c.Beneficiaries, c.Route, c.BudgetFen,
                Split<FundingSource>(c.FundingSources), c.ImplementingBody, c.ImplementationPeriod, c.FailureNote, c.FeasibilityStudy,
                c.MinutesAttachmentId)).ToList(),
            opinions.Select(o => new OpinionView(o.Id, o.DepartmentName, o.Opinion, o.Agrees, o.SignedOff, o.At, o.ByName)).ToList(),
            progress.Select(x => new ProgressView(x.Id, x.Text, x.PercentDone, x.PhotoIds?.Split(',').Select(Guid.Parse).ToList() ?? [], x.At, x.ByName)).ToList(),
            attachments.Select(ToView).ToList(), await DeadlineQueries.ViewsAsync(db, deadlines, s.Clock.GetUtcNow(), ct),
            SurveySummary.From(responses, rules.SurveyMinimumResponses), steps.Select(x => x.Action).ToList(), steps, p.PolicyCheckNote, p.Funding,
            p.FundingPayer, p.PlatformOverrideReason, p.FinalAccountsFen, p.AuditBody, p.AuditResult, p.Effect, p.FinalAccountsAt, p.LedgerPaidFen, p.DirectRouteReason);
    }

    internal static AttachmentView ToView(Attachment a) => new(a.Id, a.Kind, a.FileName, a.ContentType, a.Size, a.UploadedAt, a.UploadedByName);

    public static async Task<SurveyResult> SurveyAsync(GuanjiaDb db, ProjectServices s, Guid id, CancellationToken ct)
    {
        var p = await db.MicroProjects.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFound("MicroProject", "项目不存在或不在您的管辖范围内", "The project does not exist or is outside your scope");
        var rules = await s.Rules.GetAsync(db, p.RulesVersion, ct);
        var responses = await db.SurveyResponses.AsNoTracking().Where(r => r.ProjectId == id).ToListAsync(ct);
        return new SurveyResult(id, SurveySummary.From(responses, rules.SurveyMinimumResponses));
    }

    public static async Task<Paged<ProjectRow>> ListAsync(GuanjiaDb db, Filter f, CancellationToken ct)
    {
        new PageRequest(f.Page, f.PageSize).Validate();
        var q = Filtered(db, f);
        var total = await q.CountAsync(ct);
        return new Paged<ProjectRow>(await RowsAsync(db, q, (f.Page - 1) * f.PageSize, f.PageSize, ct), f.Page, f.PageSize, total);
    }

    /// <summary>The list's filters over the caller's scope; the list pages it, the export (Documents) takes it whole up to a cap.</summary>
    public static IQueryable<MicroProject> Filtered(GuanjiaDb db, Filter f)
    {
        var q = db.MicroProjects.AsNoTracking();
        if (f.State is { } st) q = q.Where(p => p.State == st);
        if (f.Category is { } c) q = q.Where(p => p.Category == c);
        if (f.Route is { } r) q = q.Where(p => p.Route == r);
        if (f.TownId is { } t) q = q.Where(p => p.TownId == t);
        if (f.VillageId is { } v) q = q.Where(p => p.VillageId == v);
        if (f.Year is { } y) q = q.Where(p => p.Year == y);
        if (f.InAnnualPool is { } pool) q = q.Where(p => p.InAnnualPool == pool);
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var term = f.Q.Trim();
            var upper = term.ToUpperInvariant();
            q = q.Where(p => p.Number == upper || p.Name.Contains(term) || (p.Content != null && p.Content.Contains(term)));
        }
        return q;
    }

    public static async Task<IReadOnlyList<ProjectRow>> RowsAsync(GuanjiaDb db, IQueryable<MicroProject> q, int skip, int take, CancellationToken ct)
    {
        var rows = await q.OrderByDescending(p => p.CreatedAt).Skip(skip).Take(take).ToListAsync(ct);
        var names = await Organizations.OrganizationQueries.NamesAsync(db, rows.Select(x => x.VillageId), ct);
        return rows.Select(p => new ProjectRow(p.Id, p.Number, p.Name, p.Category, p.Route, p.State, p.BudgetFen, p.TownId,
            p.VillageId, names.GetValueOrDefault(p.VillageId), p.CreatedAt, p.Year)).ToList();
    }
}
