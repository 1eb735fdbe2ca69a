using Guanjia.Domain.Accounts;
using Guanjia.Domain.CivilAffairs;
using Guanjia.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Persistence;

/// <summary>The civil-affairs casework tables (R-CA, issue 13); indexes match the lists, the due list and the month's figures.</summary>
public sealed partial class GuanjiaDb
{
    public DbSet<CivilAffairsStation> CivilAffairsStations => Set<CivilAffairsStation>();
    public DbSet<StationWorker> StationWorkers => Set<StationWorker>();
    public DbSet<StaffMember> StaffMembers => Set<StaffMember>();
    public DbSet<TrainingEntry> TrainingEntries => Set<TrainingEntry>();
    public DbSet<StationActivity> StationActivities => Set<StationActivity>();
    public DbSet<CaseHousehold> CaseHouseholds => Set<CaseHousehold>();
    public DbSet<CaseFile> CaseFiles => Set<CaseFile>();
    public DbSet<CaseCategory> CaseCategories => Set<CaseCategory>();
    public DbSet<CasePlan> CasePlans => Set<CasePlan>();
    public DbSet<CasePlanEntry> CasePlanEntries => Set<CasePlanEntry>();
    public DbSet<Visit> Visits => Set<Visit>();
    public DbSet<ReportedProblem> ReportedProblems => Set<ReportedProblem>();
    public DbSet<SelfCareAssessment> SelfCareAssessments => Set<SelfCareAssessment>();
    public DbSet<MeansInvestigation> MeansInvestigations => Set<MeansInvestigation>();
    public DbSet<TargetScreening> TargetScreenings => Set<TargetScreening>();
    public DbSet<ResourceLink> ResourceLinks => Set<ResourceLink>();
    public DbSet<PolicyEvaluation> PolicyEvaluations => Set<PolicyEvaluation>();
    public DbSet<PolicyEvaluationInterview> PolicyEvaluationInterviews => Set<PolicyEvaluationInterview>();
    public DbSet<CaseFileAccess> CaseFileAccesses => Set<CaseFileAccess>();
    public DbSet<TransferRequest> TransferRequests => Set<TransferRequest>();
    public DbSet<CaseworkSettingsRecord> CaseworkSettings => Set<CaseworkSettingsRecord>();

    private static void ConfigureCivilAffairs(ModelBuilder m)
    {
        m.Entity<CivilAffairsStation>(e =>
        {
            e.ToTable("civil_affairs_stations");
            e.HasKey(x => x.Id);
            e.Property(x => x.ScopePath).HasMaxLength(400);
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.Address).HasMaxLength(200);
            e.Property(x => x.Phone).HasMaxLength(40);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Property(x => x.ContactName).HasMaxLength(64);
            e.Property(x => x.Venue).HasMaxLength(200);
            e.Property(x => x.VenueUse).HasMaxLength(1000);
            e.Property(x => x.Services).HasMaxLength(2000);
            e.Property(x => x.ComplaintChannel).HasMaxLength(500);
            e.Property(x => x.ServiceProcess).HasMaxLength(2000);
            e.Property(x => x.CommunityIdsJson).HasMaxLength(8000);
            e.Property(x => x.BrandProject).HasMaxLength(200);
            e.Property(x => x.BrandIndicators).HasMaxLength(2000);
            e.HasIndex(x => x.TownId).IsUnique();
            e.HasOne<Organization>().WithMany().HasForeignKey(x => x.TownId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Organization>().WithMany().HasForeignKey(x => x.ContractorId).OnDelete(DeleteBehavior.Restrict);
        });
        // Issue 14 part C (R-CA-02, R-CA-03, R-CA-10, R-CA-11, R-CA-14, R-PS-04; ADR 0042): the roster, the training ledger, activities.
        m.Entity<StaffMember>(e =>
        {
            e.ToTable("staff_members");
            e.HasKey(x => x.Id);
            e.Property(x => x.ScopePath).HasMaxLength(400);
            e.Property(x => x.Name).HasMaxLength(64);
            e.Property(x => x.Phone).HasMaxLength(40);
            e.Property(x => x.Exceptions).HasMaxLength(200);
            e.Property(x => x.ExceptionReason).HasMaxLength(500);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => x.StationId);
            e.HasIndex(x => x.PackageId);
            e.HasIndex(x => x.UserId);
            e.HasOne<CivilAffairsStation>().WithMany().HasForeignKey(x => x.StationId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Organization>().WithMany().HasForeignKey(x => x.EmployerId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Restrict);
        });
        m.Entity<TrainingEntry>(e =>
        {
            e.ToTable("training_entries");
            e.HasKey(x => x.Id);
            e.Property(x => x.ScopePath).HasMaxLength(400);
            e.Property(x => x.Hours).HasPrecision(5, 1);
            e.Property(x => x.Topic).HasMaxLength(200);
            e.Property(x => x.Provider).HasMaxLength(100);
            e.HasIndex(x => new { x.StaffId, x.On });
            e.HasOne<StaffMember>().WithMany().HasForeignKey(x => x.StaffId).OnDelete(DeleteBehavior.Restrict);
        });
        m.Entity<StationActivity>(e =>
        {
            e.ToTable("station_activities");
            e.HasKey(x => x.Id);
            e.Property(x => x.ScopePath).HasMaxLength(400);
            e.Property(x => x.Title).HasMaxLength(200);
            e.Property(x => x.Time).HasMaxLength(40);
            e.Property(x => x.Place).HasMaxLength(200);
            e.Property(x => x.Description).HasMaxLength(2000);
            e.Property(x => x.Source).HasMaxLength(500);
            e.HasIndex(x => new { x.StationId, x.On });
            e.HasOne<CivilAffairsStation>().WithMany().HasForeignKey(x => x.StationId).OnDelete(DeleteBehavior.Restrict);
        });
        m.Entity<StationWorker>(e =>
        {
            e.ToTable("station_workers");
            e.HasKey(x => x.Id);
            e.Property(x => x.ScopePath).HasMaxLength(400);
            e.Property(x => x.DisplayName).HasMaxLength(64);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => x.UserId).IsUnique();
            e.HasIndex(x => x.StationId);
            e.HasOne<CivilAffairsStation>().WithMany().HasForeignKey(x => x.StationId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Restrict);
        });
        m.Entity<CaseHousehold>(e =>
        {
            e.ToTable("case_households");
            e.HasKey(x => x.Id);
            e.Property(x => x.ScopePath).HasMaxLength(400);
            e.Property(x => x.Address).HasMaxLength(200);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.UnderDynamicAdjustment, x.VillageId });
            e.HasIndex(x => x.ScopePath);
            e.HasOne<Organization>().WithMany().HasForeignKey(x => x.VillageId).OnDelete(DeleteBehavior.Restrict);
        });
        m.Entity<CaseFile>(e =>
        {
            e.ToTable("case_files");
            e.HasKey(x => x.Id);
            e.Property(x => x.Number).HasMaxLength(40);
            e.Property(x => x.ScopePath).HasMaxLength(400);
            e.Property(x => x.Name).HasMaxLength(50);
            e.Property(x => x.DocumentCipher).HasMaxLength(200);
            e.Property(x => x.DocumentHash).HasMaxLength(64);
            e.Property(x => x.ActiveDocumentHash).HasMaxLength(64);
            e.Property(x => x.DocumentMasked).HasMaxLength(40);
            e.Property(x => x.Phone).HasMaxLength(40);
            e.Property(x => x.Address).HasMaxLength(200);
            e.Property(x => x.HealthCipher).HasMaxLength(6000);
            e.Property(x => x.StatusNote).HasMaxLength(500);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => x.Number).IsUnique();
            e.HasIndex(x => x.DocumentHash);
            e.HasIndex(x => x.ActiveDocumentHash).IsUnique();
            e.HasIndex(x => new { x.ScopePath, x.Name });
            e.HasIndex(x => new { x.VillageId, x.Status, x.Name });
            e.HasIndex(x => new { x.AssignedWorkerId, x.Status });
            e.HasIndex(x => new { x.IsDispersedExtremelyPoor, x.Status, x.LastHomeVisitAt });
            e.HasIndex(x => x.HouseholdId);
            e.HasOne<CaseHousehold>().WithMany().HasForeignKey(x => x.HouseholdId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Organization>().WithMany().HasForeignKey(x => x.VillageId).OnDelete(DeleteBehavior.Restrict);
        });
        m.Entity<CaseCategory>(e =>
        {
            e.ToTable("case_categories");
            e.HasKey(x => x.Id);
            e.Property(x => x.ScopePath).HasMaxLength(400);
            e.Property(x => x.Code).HasMaxLength(40);
            e.Property(x => x.Note).HasMaxLength(500);
            e.HasIndex(x => new { x.CaseFileId, x.ValidFrom });
            e.HasIndex(x => new { x.Code, x.ValidTo });
            e.HasOne<CaseFile>().WithMany().HasForeignKey(x => x.CaseFileId).OnDelete(DeleteBehavior.Restrict);
        });
        m.Entity<CasePlan>(e =>
        {
            e.ToTable("case_plans");
            e.HasKey(x => x.Id);
            e.Property(x => x.ScopePath).HasMaxLength(400);
            e.Property(x => x.Needs).HasMaxLength(2000);
            e.Property(x => x.Goals).HasMaxLength(2000);
            e.Property(x => x.CreatedByName).HasMaxLength(64);
            e.Property(x => x.ClosureNote).HasMaxLength(2000);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.CaseFileId, x.CreatedAt });
            e.HasOne<CaseFile>().WithMany().HasForeignKey(x => x.CaseFileId).OnDelete(DeleteBehavior.Restrict);
        });
        m.Entity<CasePlanEntry>(e =>
        {
            e.ToTable("case_plan_entries");
            e.HasKey(x => x.Id);
            e.Property(x => x.ScopePath).HasMaxLength(400);
            e.Property(x => x.Text).HasMaxLength(2000);
            e.Property(x => x.ByName).HasMaxLength(64);
            e.HasIndex(x => new { x.PlanId, x.At });
            e.HasOne<CasePlan>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Restrict);
        });
        m.Entity<Visit>(e =>
        {
            e.ToTable("visits");
            e.HasKey(x => x.Id);
            e.Property(x => x.ScopePath).HasMaxLength(400);
            e.Property(x => x.WorkerName).HasMaxLength(64);
            e.Property(x => x.HealthCipher).HasMaxLength(6000);
            e.Property(x => x.Hazards).HasMaxLength(200);
            e.Property(x => x.CareGiven).HasMaxLength(200);
            e.Property(x => x.Referrals).HasMaxLength(1000);
            e.Property(x => x.SuddenChangeNote).HasMaxLength(500);
            e.Property(x => x.Notes).HasMaxLength(2000);
            e.Property(x => x.ClientKey).HasMaxLength(100);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.CaseFileId, x.VisitedAt });
            // The month's list: the city over (month, visited_at), a town or a village over its own id first, each already in order.
            // The id closes the order (visited_at DESC, id DESC), so a page is read straight off the index even among equal times.
            e.HasIndex(x => new { x.Month, x.VisitedAt, x.Id });
            e.HasIndex(x => new { x.TownId, x.Month, x.VisitedAt, x.Id });
            e.HasIndex(x => new { x.VillageId, x.Month, x.VisitedAt, x.Id });
            e.HasIndex(x => new { x.WorkerUserId, x.ClientKey }).IsUnique();
            e.HasOne<CaseFile>().WithMany().HasForeignKey(x => x.CaseFileId).OnDelete(DeleteBehavior.Restrict);
        });
        m.Entity<ReportedProblem>(e =>
        {
            e.ToTable("reported_problems");
            e.HasKey(x => x.Id);
            e.Property(x => x.ScopePath).HasMaxLength(400);
            e.Property(x => x.Text).HasMaxLength(2000);
            e.Property(x => x.VillageAnswer).HasMaxLength(2000);
            e.Property(x => x.VillageAnsweredBy).HasMaxLength(64);
            e.Property(x => x.TownAnswer).HasMaxLength(2000);
            e.Property(x => x.TownAnsweredBy).HasMaxLength(64);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.ScopePath, x.IsOpen, x.ReportedAt });
            e.HasIndex(x => new { x.SourceId });
            e.HasIndex(x => new { x.CaseFileId, x.ReportedAt });
        });
        m.Entity<SelfCareAssessment>(e =>
        {
            e.ToTable("self_care_assessments");
            e.HasKey(x => x.Id);
            e.Property(x => x.ScopePath).HasMaxLength(400);
            e.Property(x => x.AssessorName).HasMaxLength(64);
            e.Property(x => x.Notes).HasMaxLength(2000);
            e.HasIndex(x => new { x.CaseFileId, x.AssessedOn });
            e.HasIndex(x => new { x.ScopePath, x.AssessedOn });
            e.HasOne<CaseFile>().WithMany().HasForeignKey(x => x.CaseFileId).OnDelete(DeleteBehavior.Restrict);
        });
        m.Entity<MeansInvestigation>(e =>
        {
            e.ToTable("means_investigations");
            e.HasKey(x => x.Id);
            e.Property(x => x.ScopePath).HasMaxLength(400);
            e.Property(x => x.Methods).HasMaxLength(100);
            e.Property(x => x.Economy).HasMaxLength(2000);
            e.Property(x => x.Housing).HasMaxLength(1000);
            e.Property(x => x.Education).HasMaxLength(1000);
            e.Property(x => x.DetailsCipher).HasMaxLength(20000);
            e.Property(x => x.IncomePerHeadCipher).HasMaxLength(200);
            e.Property(x => x.DecisionNote).HasMaxLength(1000);
            e.Property(x => x.DecidedBy).HasMaxLength(64);
            e.Property(x => x.InvestigatorName).HasMaxLength(64);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.HouseholdId, x.Month });
            e.HasIndex(x => new { x.ScopePath, x.Decision, x.Month });
            e.HasOne<CaseHousehold>().WithMany().HasForeignKey(x => x.HouseholdId).OnDelete(DeleteBehavior.Restrict);
        });
        m.Entity<TargetScreening>(e =>
        {
            e.ToTable("target_screenings");
            e.HasKey(x => x.Id);
            e.Property(x => x.ScopePath).HasMaxLength(400);
            e.Property(x => x.Methods).HasMaxLength(100);
            e.Property(x => x.Notes).HasMaxLength(2000);
            e.Property(x => x.RecordedByName).HasMaxLength(64);
            e.HasIndex(x => new { x.VillageId, x.Month });
            e.HasIndex(x => new { x.ScopePath, x.Month });
        });
        m.Entity<ResourceLink>(e =>
        {
            e.ToTable("resource_links");
            e.HasKey(x => x.Id);
            e.Property(x => x.ScopePath).HasMaxLength(400);
            e.Property(x => x.ProviderName).HasMaxLength(100);
            e.Property(x => x.Need).HasMaxLength(1000);
            e.Property(x => x.Result).HasMaxLength(1000);
            e.Property(x => x.ByName).HasMaxLength(64);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.CaseFileId, x.LinkedOn });
            e.HasIndex(x => new { x.ScopePath, x.State, x.LinkedOn });
            e.HasOne<CaseFile>().WithMany().HasForeignKey(x => x.CaseFileId).OnDelete(DeleteBehavior.Restrict);
        });
        m.Entity<PolicyEvaluation>(e =>
        {
            e.ToTable("policy_evaluations");
            e.HasKey(x => x.Id);
            e.Property(x => x.ScopePath).HasMaxLength(400);
            e.Property(x => x.Methods).HasMaxLength(100);
            e.Property(x => x.Findings).HasMaxLength(4000);
            e.Property(x => x.RecordedByName).HasMaxLength(64);
            e.HasIndex(x => new { x.TownId, x.Year, x.Quarter });
            e.HasIndex(x => new { x.ScopePath, x.Year, x.Quarter });
        });
        m.Entity<PolicyEvaluationInterview>(e =>
        {
            e.ToTable("policy_evaluation_interviews");
            e.HasKey(x => x.Id);
            e.Property(x => x.ScopePath).HasMaxLength(400);
            e.Property(x => x.Comment).HasMaxLength(1000);
            e.HasIndex(x => x.EvaluationId);
            e.HasOne<PolicyEvaluation>().WithMany().HasForeignKey(x => x.EvaluationId).OnDelete(DeleteBehavior.Restrict);
        });
        m.Entity<CaseFileAccess>(e =>
        {
            e.ToTable("case_file_accesses");
            e.HasKey(x => x.Id);
            e.Property(x => x.ScopePath).HasMaxLength(400);
            e.Property(x => x.ViewerName).HasMaxLength(64);
            e.Property(x => x.What).HasMaxLength(40);
            e.HasIndex(x => new { x.CaseFileId, x.At });
            e.HasIndex(x => new { x.ViewerId, x.At });
        });
        m.Entity<TransferRequest>(e =>
        {
            e.ToTable("case_transfer_requests");
            e.HasKey(x => x.Id);
            e.Property(x => x.ScopePath).HasMaxLength(400);
            e.Property(x => x.FromName).HasMaxLength(100);
            e.Property(x => x.RequestedByName).HasMaxLength(64);
            e.Property(x => x.Reason).HasMaxLength(1000);
            e.Property(x => x.Answer).HasMaxLength(1000);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.ScopePath, x.State });
            e.HasIndex(x => x.RequestedById);
        });
        m.Entity<CaseworkSettingsRecord>(e =>
        {
            e.ToTable("casework_settings");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Json).HasMaxLength(20000);
            e.Property(x => x.UpdatedBy).HasMaxLength(64);
            e.Property(x => x.Version).IsConcurrencyToken();
        });
    }
}
