using Guanjia.Domain.Organizations;
using Guanjia.Domain.Purchasing;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Persistence;

/// <summary>Government purchase of community services (004, ADR 0041); indexes match the lists and the one-package-per-period check.</summary>
public sealed partial class GuanjiaDb
{
    public DbSet<ContractorProfile> ContractorProfiles => Set<ContractorProfile>();
    public DbSet<BudgetLine> BudgetLines => Set<BudgetLine>();
    public DbSet<ServicePackage> ServicePackages => Set<ServicePackage>();
    public DbSet<PackageCommunity> PackageCommunities => Set<PackageCommunity>();
    public DbSet<TenderRecord> TenderRecords => Set<TenderRecord>();
    public DbSet<ServiceContract> ServiceContracts => Set<ServiceContract>();
    public DbSet<ContractInstalment> ContractInstalments => Set<ContractInstalment>();
    public DbSet<ContractReport> ContractReports => Set<ContractReport>();
    public DbSet<ReportAcknowledgement> ReportAcknowledgements => Set<ReportAcknowledgement>();
    public DbSet<Inspection> Inspections => Set<Inspection>();
    public DbSet<ThirdPartyEvaluation> ThirdPartyEvaluations => Set<ThirdPartyEvaluation>();
    public DbSet<Rectification> Rectifications => Set<Rectification>();
    public DbSet<ContractPenalty> ContractPenalties => Set<ContractPenalty>();

    private static void ConfigurePurchasing(ModelBuilder m)
    {
        ConfigureVenture(m);
        m.Entity<ContractorProfile>(e =>
        {
            e.ToTable("contractor_profiles");
            e.HasKey(x => x.OrganizationId);
            e.Property(x => x.OrganizationId).ValueGeneratedNever();
            e.Property(x => x.ScopePath).HasMaxLength(400);
            e.Property(x => x.CreditCode).HasMaxLength(18);
            e.Property(x => x.LegalRepresentative).HasMaxLength(50);
            e.Property(x => x.Address).HasMaxLength(200);
            e.Property(x => x.Phone).HasMaxLength(40);
            e.Property(x => x.ServiceContents).HasMaxLength(200);
            e.Property(x => x.QualificationsJson).HasMaxLength(4000);
            e.Property(x => x.ContactsJson).HasMaxLength(2000);
            e.Property(x => x.Note).HasMaxLength(1000);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => x.CreditCode).IsUnique();
            e.HasIndex(x => x.ScopePath);
            e.HasOne<Organization>().WithOne().HasForeignKey<ContractorProfile>(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        });
        m.Entity<BudgetLine>(e =>
        {
            e.ToTable("budget_lines");
            e.HasKey(x => x.Id);
            e.Property(x => x.ScopePath).HasMaxLength(400);
            e.Property(x => x.DocumentNumber).HasMaxLength(100);
            e.Property(x => x.Note).HasMaxLength(500);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.BureauId, x.Year }).IsUnique();
            e.HasOne<Organization>().WithMany().HasForeignKey(x => x.BureauId).OnDelete(DeleteBehavior.Restrict);
        });
        m.Entity<ServicePackage>(e =>
        {
            e.ToTable("service_packages");
            e.HasKey(x => x.Id);
            e.Property(x => x.ScopePath).HasMaxLength(400);
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.Contents).HasMaxLength(200);
            e.Property(x => x.Note).HasMaxLength(1000);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.ScopePath, x.PeriodStart });
            e.HasOne<Organization>().WithMany().HasForeignKey(x => x.BureauId).OnDelete(DeleteBehavior.Restrict);
        });
        m.Entity<PackageCommunity>(e =>
        {
            e.ToTable("package_communities");
            e.HasKey(x => new { x.PackageId, x.CommunityId });
            e.Property(x => x.ScopePath).HasMaxLength(400);
            e.HasIndex(x => new { x.CommunityId, x.PeriodStart });
            e.HasOne<ServicePackage>().WithMany().HasForeignKey(x => x.PackageId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Organization>().WithMany().HasForeignKey(x => x.CommunityId).OnDelete(DeleteBehavior.Restrict);
        });
        m.Entity<TenderRecord>(e =>
        {
            e.ToTable("tender_records");
            e.HasKey(x => x.Id);
            e.Property(x => x.ScopePath).HasMaxLength(400);
            e.Property(x => x.Agency).HasMaxLength(100);
            e.Property(x => x.BiddersJson).HasMaxLength(4000);
            e.Property(x => x.Note).HasMaxLength(1000);
            e.Property(x => x.RecordedByName).HasMaxLength(64);
            e.HasIndex(x => x.PackageId).IsUnique();
            e.HasOne<ServicePackage>().WithMany().HasForeignKey(x => x.PackageId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Organization>().WithMany().HasForeignKey(x => x.WinnerId).OnDelete(DeleteBehavior.Restrict);
        });
        m.Entity<ServiceContract>(e =>
        {
            e.ToTable("service_contracts");
            e.HasKey(x => x.Id);
            e.Property(x => x.Number).HasMaxLength(20);
            e.Property(x => x.AgreementNumber).HasMaxLength(100);
            e.Property(x => x.ScopePath).HasMaxLength(400);
            e.Property(x => x.IndicatorsJson).HasMaxLength(8000);
            e.Property(x => x.InspectionPlanJson).HasMaxLength(4000);
            e.Property(x => x.PenaltyClausesJson).HasMaxLength(4000);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => x.Number).IsUnique();
            e.HasIndex(x => x.PackageId).IsUnique();
            e.HasIndex(x => new { x.ScopePath, x.SignedOn });
            e.HasIndex(x => new { x.BureauId, x.BudgetYear });
            e.HasOne<ServicePackage>().WithMany().HasForeignKey(x => x.PackageId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<TenderRecord>().WithMany().HasForeignKey(x => x.TenderId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Organization>().WithMany().HasForeignKey(x => x.ContractorId).OnDelete(DeleteBehavior.Restrict);
        });
        m.Entity<ContractInstalment>(e =>
        {
            e.ToTable("contract_instalments");
            e.HasKey(x => x.Id);
            e.Property(x => x.ScopePath).HasMaxLength(400);
            e.Property(x => x.Name).HasMaxLength(50);
            e.Property(x => x.AcceptedByName).HasMaxLength(64);
            e.Property(x => x.AcceptanceNote).HasMaxLength(500);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Ignore(x => x.AmountDueFen);
            e.HasIndex(x => new { x.ContractId, x.Seq }).IsUnique();
            e.HasIndex(x => new { x.State, x.ScopePath });
            e.HasOne<ServiceContract>().WithMany().HasForeignKey(x => x.ContractId).OnDelete(DeleteBehavior.Restrict);
        });
        m.Entity<ContractReport>(e =>
        {
            e.ToTable("contract_reports");
            e.HasKey(x => x.Id);
            e.Property(x => x.ScopePath).HasMaxLength(400);
            e.Property(x => x.Period).HasMaxLength(10);
            e.Property(x => x.FiledByName).HasMaxLength(64);
            e.Property(x => x.SummaryJson).HasMaxLength(8000);
            e.Property(x => x.LateReason).HasMaxLength(500);
            e.Property(x => x.Title).HasMaxLength(200);
            e.Property(x => x.TownPath).HasMaxLength(400);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.ContractId, x.Kind, x.Period }).IsUnique();
            e.HasIndex(x => new { x.ScopePath, x.DueAt });
            e.HasIndex(x => new { x.Kind, x.DeliveredAt });
            e.HasIndex(x => new { x.TownPath, x.Kind });
            e.HasOne<ServiceContract>().WithMany().HasForeignKey(x => x.ContractId).OnDelete(DeleteBehavior.Restrict);
        });
        m.Entity<ReportAcknowledgement>(e =>
        {
            e.ToTable("report_acknowledgements");
            e.HasKey(x => x.Id);
            e.Property(x => x.ScopePath).HasMaxLength(400);
            e.Property(x => x.ByName).HasMaxLength(64);
            e.Property(x => x.Note).HasMaxLength(500);
            e.HasIndex(x => new { x.ReportId, x.Party }).IsUnique();
            e.HasOne<ContractReport>().WithMany().HasForeignKey(x => x.ReportId).OnDelete(DeleteBehavior.Restrict);
        });
        m.Entity<Inspection>(e =>
        {
            e.ToTable("inspections");
            e.HasKey(x => x.Id);
            e.Property(x => x.ScopePath).HasMaxLength(400);
            e.Property(x => x.Inspectors).HasMaxLength(200);
            e.Property(x => x.Summary).HasMaxLength(2000);
            e.Property(x => x.RecordedByName).HasMaxLength(64);
            e.HasIndex(x => new { x.ContractId, x.InspectedOn });
            e.HasOne<ServiceContract>().WithMany().HasForeignKey(x => x.ContractId).OnDelete(DeleteBehavior.Restrict);
        });
        m.Entity<ThirdPartyEvaluation>(e =>
        {
            e.ToTable("third_party_evaluations");
            e.HasKey(x => x.Id);
            e.Property(x => x.ScopePath).HasMaxLength(400);
            e.Property(x => x.IndicatorsJson).HasMaxLength(8000);
            e.Property(x => x.TotalScore).HasPrecision(5, 2);
            e.Property(x => x.SurveySatisfactionPercent).HasPrecision(5, 2);
            e.Property(x => x.Summary).HasMaxLength(4000);
            e.Property(x => x.FindingsJson).HasMaxLength(8000);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => x.ContractId).IsUnique();
            e.HasIndex(x => new { x.ScopePath, x.CommissionedAt });
            e.HasIndex(x => x.ContractorId);
            e.HasOne<ServiceContract>().WithMany().HasForeignKey(x => x.ContractId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Organization>().WithMany().HasForeignKey(x => x.EvaluatorId).OnDelete(DeleteBehavior.Restrict);
        });
        m.Entity<Rectification>(e =>
        {
            e.ToTable("rectifications");
            e.HasKey(x => x.Id);
            e.Property(x => x.ScopePath).HasMaxLength(400);
            e.Property(x => x.Finding).HasMaxLength(1000);
            e.Property(x => x.Evidence).HasMaxLength(2000);
            e.Property(x => x.EvidenceAttachmentIds).HasMaxLength(400);
            e.Property(x => x.ClosedByName).HasMaxLength(64);
            e.Property(x => x.ClosureNote).HasMaxLength(500);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.ContractId, x.State });
            e.HasIndex(x => new { x.ScopePath, x.DueOn });
            e.HasOne<ServiceContract>().WithMany().HasForeignKey(x => x.ContractId).OnDelete(DeleteBehavior.Restrict);
        });
        m.Entity<ContractPenalty>(e =>
        {
            e.ToTable("contract_penalties");
            e.HasKey(x => x.Id);
            e.Property(x => x.ScopePath).HasMaxLength(400);
            e.Property(x => x.ClauseCode).HasMaxLength(20);
            e.Property(x => x.Reason).HasMaxLength(1000);
            e.Property(x => x.RecordedByName).HasMaxLength(64);
            e.HasIndex(x => new { x.ContractId, x.RecordedAt });
            e.HasIndex(x => x.InstalmentId);
            e.HasOne<ServiceContract>().WithMany().HasForeignKey(x => x.ContractId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<ContractInstalment>().WithMany().HasForeignKey(x => x.InstalmentId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
