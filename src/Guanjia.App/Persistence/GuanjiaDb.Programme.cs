using Guanjia.App.Common;
using Guanjia.App.Programme;
using Guanjia.Domain.Appeals;
using Guanjia.Domain.Attachments;
using Guanjia.Domain.Deadlines;
using Guanjia.Domain.Feedback;
using Guanjia.Domain.MicroProjects;
using Guanjia.Domain.Publicity;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Persistence;

/// <summary>The tables of appeals, micro-projects, deadlines, feedback and the annual plan; indexes match the list queries.</summary>
public sealed partial class GuanjiaDb
{
    public DbSet<ProgrammeRulesRecord> ProgrammeRules => Set<ProgrammeRulesRecord>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<Appeal> Appeals => Set<Appeal>();
    public DbSet<MicroProject> MicroProjects => Set<MicroProject>();
    public DbSet<Consultation> Consultations => Set<Consultation>();
    public DbSet<DepartmentOpinion> DepartmentOpinions => Set<DepartmentOpinion>();
    public DbSet<ProgressReport> ProgressReports => Set<ProgressReport>();
    public DbSet<SurveyResponse> SurveyResponses => Set<SurveyResponse>();
    public DbSet<SurveyCommission> SurveyCommissions => Set<SurveyCommission>();
    public DbSet<Deadline> Deadlines => Set<Deadline>();
    public DbSet<FeedbackTemplate> FeedbackTemplates => Set<FeedbackTemplate>();
    public DbSet<AppealMessage> AppealMessages => Set<AppealMessage>();
    public DbSet<StaffNotification> StaffNotifications => Set<StaffNotification>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<AttachmentContent> AttachmentContents => Set<AttachmentContent>();
    public DbSet<PublicNotice> PublicNotices => Set<PublicNotice>();
    public DbSet<CollectionCampaign> CollectionCampaigns => Set<CollectionCampaign>();
    public DbSet<AnnualPlan> AnnualPlans => Set<AnnualPlan>();
    public DbSet<AnnualPlanItem> AnnualPlanItems => Set<AnnualPlanItem>();
    public DbSet<TownAllocation> TownAllocations => Set<TownAllocation>();
    public DbSet<Domain.MicroWishes.MicroWish> MicroWishes => Set<Domain.MicroWishes.MicroWish>();
    public DbSet<Domain.PolicyCatalogue.Policy> Policies => Set<Domain.PolicyCatalogue.Policy>();
    public DbSet<Domain.PolicyCatalogue.PolicyReferral> PolicyReferrals => Set<Domain.PolicyCatalogue.PolicyReferral>();

    private static void ConfigureProgramme(ModelBuilder m)
    {
        m.Entity<ProgrammeRulesRecord>(e =>
        {
            e.ToTable("programme_rules");
            e.HasKey(x => x.Version);
            e.Property(x => x.Version).ValueGeneratedNever();
            e.Property(x => x.JurisdictionPath).HasMaxLength(400);
            e.HasIndex(x => new { x.JurisdictionPath, x.Version });
            e.Property(x => x.Reason).HasMaxLength(500);
            e.Property(x => x.CreatedBy).HasMaxLength(64);
        });
        m.Entity<IdempotencyRecord>(e =>
        {
            e.ToTable("idempotency_records");
            e.HasKey(x => x.Id);
            e.Property(x => x.CallerKey).HasMaxLength(64);
            e.Property(x => x.Key).HasMaxLength(100);
            e.Property(x => x.Operation).HasMaxLength(64);
            e.Property(x => x.RequestHash).HasMaxLength(64);
            e.HasIndex(x => new { x.CallerKey, x.Key }).IsUnique();
        });
        m.Entity<Appeal>(e =>
        {
            e.ToTable("appeals");
            e.HasKey(x => x.Id);
            e.Property(x => x.TrackingNumber).HasMaxLength(20);
            e.Property(x => x.ExternalRef).HasMaxLength(64);
            e.Property(x => x.Title).HasMaxLength(100);
            e.Property(x => x.Description).HasMaxLength(4000);
            e.Property(x => x.Address).HasMaxLength(200);
            e.Property(x => x.AppellantName).HasMaxLength(50);
            e.Property(x => x.AppellantPhone).HasMaxLength(40);
            e.Property(x => x.TrackingKeyHash).HasMaxLength(64);
            e.Property(x => x.ScopePath).HasMaxLength(400);
            e.Property(x => x.DecisionNote).HasMaxLength(1000);
            e.Property(x => x.PolicyDepartment).HasMaxLength(100);
            e.Property(x => x.PolicyContact).HasMaxLength(100);
            e.Property(x => x.CreatedByName).HasMaxLength(64);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => x.TrackingNumber).IsUnique();
            e.HasIndex(x => x.ExternalRef).IsUnique();
            e.HasIndex(x => new { x.ScopePath, x.ReceivedAt });
            e.HasIndex(x => new { x.State, x.ReceivedAt });
            e.HasIndex(x => new { x.TownId, x.ReceivedAt });
            e.HasIndex(x => new { x.VillageId, x.ReceivedAt });
            e.HasIndex(x => new { x.ReceivedMonth, x.Channel });
            e.HasIndex(x => new { x.TownId, x.ReceivedMonth });
        });
        m.Entity<MicroProject>(e =>
        {
            e.ToTable("micro_projects");
            e.HasKey(x => x.Id);
            e.Property(x => x.Number).HasMaxLength(20);
            e.Property(x => x.ScopePath).HasMaxLength(400);
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.Content).HasMaxLength(2000);
            e.Property(x => x.Location).HasMaxLength(200);
            e.Property(x => x.ContactName).HasMaxLength(50);
            e.Property(x => x.ContactTitle).HasMaxLength(50);
            e.Property(x => x.ContactPhone).HasMaxLength(40);
            e.Property(x => x.PairedUnit).HasMaxLength(100);
            e.Property(x => x.Beneficiaries).HasMaxLength(200);
            e.Property(x => x.FundingSources).HasMaxLength(100);
            e.Property(x => x.ImplementingBody).HasMaxLength(100);
            e.Property(x => x.ImplementationPeriod).HasMaxLength(100);
            e.Property(x => x.CapOverrideReason).HasMaxLength(500);
            e.Property(x => x.ReviewOpinion).HasMaxLength(2000);
            e.Property(x => x.PolicyDepartment).HasMaxLength(100);
            e.Property(x => x.PolicyContact).HasMaxLength(100);
            e.Property(x => x.PublicityPlatforms).HasMaxLength(200);
            e.Property(x => x.CompletionFormJson).HasMaxLength(8000);
            e.Property(x => x.PolicyCheckNote).HasMaxLength(1000);
            e.Property(x => x.DirectRouteReason).HasMaxLength(500);
            e.Property(x => x.FundingPayer).HasMaxLength(100);
            e.Property(x => x.PlatformOverrideReason).HasMaxLength(500);
            e.Property(x => x.AuditBody).HasMaxLength(100);
            e.Property(x => x.AuditResult).HasMaxLength(2000);
            e.Property(x => x.Effect).HasMaxLength(2000);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => x.Number).IsUnique();
            e.HasIndex(x => x.AppealId).IsUnique();
            e.HasIndex(x => new { x.ScopePath, x.CreatedAt });
            e.HasIndex(x => new { x.State, x.CreatedAt });
            e.HasIndex(x => new { x.TownId, x.Year, x.InAnnualPool });
            e.HasIndex(x => new { x.TownId, x.State });
            e.HasOne<Appeal>().WithMany().HasForeignKey(x => x.AppealId).OnDelete(DeleteBehavior.Restrict);
        });
        m.Entity<Consultation>(e =>
        {
            e.ToTable("consultations");
            e.HasKey(x => x.Id);
            e.Property(x => x.ScopePath).HasMaxLength(400);
            e.Property(x => x.Place).HasMaxLength(100);
            e.Property(x => x.Host).HasMaxLength(50);
            e.Property(x => x.Recorder).HasMaxLength(50);
            e.Property(x => x.FormOther).HasMaxLength(50);
            e.Property(x => x.ParticipantTypes).HasMaxLength(400);
            e.Property(x => x.Content).HasMaxLength(2000);
            e.Property(x => x.Beneficiaries).HasMaxLength(200);
            e.Property(x => x.FundingSources).HasMaxLength(100);
            e.Property(x => x.ImplementingBody).HasMaxLength(100);
            e.Property(x => x.ImplementationPeriod).HasMaxLength(100);
            e.Property(x => x.FailureNote).HasMaxLength(1000);
            e.Property(x => x.FeasibilityStudy).HasMaxLength(2000);
            e.HasIndex(x => new { x.ProjectId, x.HeldAt });
            e.HasOne<MicroProject>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
        });
        m.Entity<DepartmentOpinion>(e =>
        {
            e.ToTable("department_opinions");
            e.HasKey(x => x.Id);
            e.Property(x => x.ScopePath).HasMaxLength(400);
            e.Property(x => x.DepartmentName).HasMaxLength(100);
            e.Property(x => x.Opinion).HasMaxLength(1000);
            e.Property(x => x.ByName).HasMaxLength(64);
            e.HasIndex(x => new { x.ProjectId, x.At });
            e.HasOne<MicroProject>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
        });
        m.Entity<ProgressReport>(e =>
        {
            e.ToTable("progress_reports");
            e.HasKey(x => x.Id);
            e.Property(x => x.ScopePath).HasMaxLength(400);
            e.Property(x => x.Text).HasMaxLength(2000);
            e.Property(x => x.PhotoIds).HasMaxLength(2000);
            e.Property(x => x.ByName).HasMaxLength(64);
            e.HasIndex(x => new { x.ProjectId, x.At });
            e.HasOne<MicroProject>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
        });
        m.Entity<SurveyResponse>(e =>
        {
            e.ToTable("survey_responses");
            e.HasKey(x => x.Id);
            e.Property(x => x.ScopePath).HasMaxLength(400);
            e.Property(x => x.Suggestion).HasMaxLength(2000);
            e.Property(x => x.Signature).HasMaxLength(50);
            e.Property(x => x.RespondentKeyHash).HasMaxLength(64);
            e.Property(x => x.OtherAspect).HasMaxLength(50);
            e.Ignore(x => x.Ratings);
            e.HasIndex(x => new { x.ProjectId, x.At });
            e.HasIndex(x => new { x.ProjectId, x.RespondentKeyHash }).IsUnique();
            e.HasOne<MicroProject>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
            // A contract's beneficiaries' survey (R-PS-06, ADR 0036; migration 0046).
            e.HasIndex(x => new { x.ContractId, x.At });
            e.HasIndex(x => new { x.ContractId, x.RespondentKeyHash }).IsUnique();
            e.HasOne<Domain.Purchasing.ServiceContract>().WithMany().HasForeignKey(x => x.ContractId).OnDelete(DeleteBehavior.Restrict);
        });
        m.Entity<SurveyCommission>(e =>
        {
            e.ToTable("survey_commissions");
            e.HasKey(x => x.Id);
            e.Property(x => x.ScopePath).HasMaxLength(400);
            e.Property(x => x.Note).HasMaxLength(500);
            e.Property(x => x.CommissionedBy).HasMaxLength(64);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.ProjectId, x.CommissionedAt });
            e.HasIndex(x => new { x.EvaluatorId, x.WithdrawnAt, x.CommissionedAt });
            e.HasOne<MicroProject>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Domain.Organizations.Organization>().WithMany().HasForeignKey(x => x.EvaluatorId).OnDelete(DeleteBehavior.Restrict);
        });
        m.Entity<Deadline>(e =>
        {
            e.ToTable("deadlines");
            e.HasKey(x => x.Id);
            e.Property(x => x.Obligation).HasMaxLength(40);
            e.Property(x => x.RuleId).HasMaxLength(16);
            e.Property(x => x.SubjectType).HasMaxLength(40);
            e.Property(x => x.SubjectRef).HasMaxLength(100);
            e.Property(x => x.ScopePath).HasMaxLength(400);
            e.Property(x => x.LateReason).HasMaxLength(500);
            e.Property(x => x.CancelReason).HasMaxLength(200);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.SubjectId, x.IsOpen });
            e.HasIndex(x => new { x.IsOpen, x.DueAt });
            e.HasIndex(x => new { x.IsOpen, x.WarnAt });
            e.HasIndex(x => new { x.ScopePath, x.IsOpen, x.DueAt });
            e.HasIndex(x => new { x.ResponsibleOrgId, x.IsOpen, x.DueAt });
        });
        m.Entity<FeedbackTemplate>(e =>
        {
            e.ToTable("feedback_templates");
            e.HasKey(x => x.Kind);
            e.Property(x => x.Kind).ValueGeneratedNever();
            e.Property(x => x.Body).HasMaxLength(500);
            e.Property(x => x.UpdatedBy).HasMaxLength(64);
            e.Property(x => x.Version).IsConcurrencyToken();
        });
        m.Entity<AppealMessage>(e =>
        {
            e.ToTable("appeal_messages");
            e.HasKey(x => x.Id);
            e.Property(x => x.TrackingNumber).HasMaxLength(20);
            e.Property(x => x.ExternalRef).HasMaxLength(64);
            e.Property(x => x.ScopePath).HasMaxLength(400);
            e.Property(x => x.Body).HasMaxLength(1000);
            e.Property(x => x.Recipient).HasMaxLength(64);
            e.Property(x => x.Sender).HasMaxLength(64);
            e.Property(x => x.LastError).HasMaxLength(400);
            // A person's retry and the outbox's claim race on the state: the loser's save answers 409.
            e.Property(x => x.State).IsConcurrencyToken();
            e.HasIndex(x => new { x.AppealId, x.CreatedAt });
            e.HasIndex(x => new { x.State, x.NextAttemptAt });
            e.HasOne<Appeal>().WithMany().HasForeignKey(x => x.AppealId).OnDelete(DeleteBehavior.Restrict);
        });
        m.Entity<StaffNotification>(e =>
        {
            e.ToTable("staff_notifications");
            e.HasKey(x => x.Id);
            e.Property(x => x.ScopePath).HasMaxLength(400);
            e.Property(x => x.Kind).HasMaxLength(40);
            e.Property(x => x.Text).HasMaxLength(1000);
            e.HasIndex(x => new { x.OrganizationId, x.CreatedAt });
            e.HasIndex(x => new { x.ScopePath, x.CreatedAt });
        });
        m.Entity<Attachment>(e =>
        {
            e.ToTable("attachments");
            e.HasKey(x => x.Id);
            e.Property(x => x.OwnerType).HasMaxLength(40);
            e.Property(x => x.ScopePath).HasMaxLength(400);
            e.Property(x => x.FileName).HasMaxLength(200);
            e.Property(x => x.ContentType).HasMaxLength(100);
            e.Property(x => x.Sha256).HasMaxLength(64);
            e.Property(x => x.UploadedByName).HasMaxLength(64);
            e.HasIndex(x => new { x.OwnerType, x.OwnerId, x.Kind });
        });
        m.Entity<AttachmentContent>(e =>
        {
            e.ToTable("attachment_contents");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.HasOne<Attachment>().WithOne().HasForeignKey<AttachmentContent>(x => x.Id).OnDelete(DeleteBehavior.Restrict);
        });
        m.Entity<PublicNotice>(e =>
        {
            e.ToTable("public_notices");
            e.HasKey(x => x.Id);
            e.Property(x => x.SubjectType).HasMaxLength(40);
            e.Property(x => x.SubjectRef).HasMaxLength(40);
            e.Property(x => x.Title).HasMaxLength(200);
            e.Property(x => x.BodyJson).HasMaxLength(8000);
            e.Property(x => x.Platforms).HasMaxLength(200);
            e.HasIndex(x => new { x.Kind, x.PublishedAt });
            e.HasIndex(x => new { x.TownId, x.PublishedAt });
            e.HasIndex(x => new { x.SubjectId, x.Kind });
        });
        m.Entity<CollectionCampaign>(e =>
        {
            e.ToTable("collection_campaigns");
            e.HasKey(x => x.Id);
            e.Property(x => x.ScopePath).HasMaxLength(400);
            e.Property(x => x.Note).HasMaxLength(500);
            e.Property(x => x.LateReason).HasMaxLength(500);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.TownId, x.Year }).IsUnique();
        });
        m.Entity<AnnualPlan>(e =>
        {
            e.ToTable("annual_plans");
            e.HasKey(x => x.Id);
            e.Property(x => x.ScopePath).HasMaxLength(400);
            e.Property(x => x.StampNote).HasMaxLength(200);
            e.Property(x => x.BelowAllocationReason).HasMaxLength(500);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.TownId, x.Year }).IsUnique();
        });
        m.Entity<AnnualPlanItem>(e =>
        {
            e.ToTable("annual_plan_items");
            e.HasKey(x => x.Id);
            e.Property(x => x.ScopePath).HasMaxLength(400);
            e.Property(x => x.Reason).HasMaxLength(500);
            e.HasIndex(x => new { x.PlanId, x.ProjectId }).IsUnique();
            e.HasOne<AnnualPlan>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Restrict);
        });
        m.Entity<Domain.MicroWishes.MicroWish>(e =>
        {
            e.ToTable("micro_wishes");
            e.HasKey(x => x.Id);
            e.Property(x => x.Number).HasMaxLength(20);
            e.Property(x => x.ScopePath).HasMaxLength(400);
            e.Property(x => x.Need).HasMaxLength(200);
            e.Property(x => x.BeneficiaryName).HasMaxLength(50);
            e.Property(x => x.BeneficiaryIdNumber).HasMaxLength(18);
            e.Property(x => x.Household).HasMaxLength(500);
            e.Property(x => x.VerificationNote).HasMaxLength(1000);
            e.Property(x => x.Departments).HasMaxLength(200);
            e.Property(x => x.DecisionBody).HasMaxLength(20);
            e.Property(x => x.Participants).HasMaxLength(1000);
            e.Property(x => x.AssistanceForm).HasMaxLength(200);
            e.Property(x => x.PairedUnit).HasMaxLength(100);
            e.Property(x => x.Outcome).HasMaxLength(1000);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => x.Number).IsUnique();
            e.HasIndex(x => x.AppealId).IsUnique();
            e.HasIndex(x => new { x.ScopePath, x.CreatedAt });
            e.HasIndex(x => new { x.TownId, x.State });
            e.HasOne<Appeal>().WithMany().HasForeignKey(x => x.AppealId).OnDelete(DeleteBehavior.Restrict);
        });
        m.Entity<Domain.PolicyCatalogue.Policy>(e =>
        {
            e.ToTable("policies");
            e.HasKey(x => x.Id);
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.Department).HasMaxLength(100);
            e.Property(x => x.Contact).HasMaxLength(100);
            e.Property(x => x.Covers).HasMaxLength(2000);
            e.Property(x => x.Keywords).HasMaxLength(400);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Ignore(x => x.KeywordList);
            e.HasIndex(x => x.Name).IsUnique();
            e.HasIndex(x => new { x.IsActive, x.Name });
        });
        m.Entity<Domain.PolicyCatalogue.PolicyReferral>(e =>
        {
            e.ToTable("policy_referrals");
            e.HasKey(x => x.Id);
            e.Property(x => x.SubjectType).HasMaxLength(40);
            e.Property(x => x.SubjectRef).HasMaxLength(40);
            e.Property(x => x.ScopePath).HasMaxLength(400);
            e.Property(x => x.Department).HasMaxLength(100);
            e.Property(x => x.Contact).HasMaxLength(100);
            e.Property(x => x.ReferredBy).HasMaxLength(64);
            e.Property(x => x.Handler).HasMaxLength(64);
            e.Property(x => x.Result).HasMaxLength(1000);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.ScopePath, x.ReferredAt });
            e.HasIndex(x => new { x.State, x.ReferredAt });
            e.HasIndex(x => x.AppealId);
            e.HasOne<Appeal>().WithMany().HasForeignKey(x => x.AppealId).OnDelete(DeleteBehavior.Restrict);
        });
        m.Entity<TownAllocation>(e =>
        {
            e.ToTable("town_allocations");
            e.HasKey(x => x.Id);
            e.Property(x => x.ScopePath).HasMaxLength(400);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.TownId, x.Year }).IsUnique();
        });
    }
}
