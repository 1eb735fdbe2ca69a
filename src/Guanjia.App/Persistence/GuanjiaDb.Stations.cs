using Guanjia.Domain.Organizations;
using Guanjia.Domain.Stations;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Persistence;

/// <summary>The 莞家驿站 tables (R-ST); indexes match the lists, the reports and the public directory.</summary>
public sealed partial class GuanjiaDb
{
    public DbSet<Station> Stations => Set<Station>();
    public DbSet<StationItem> StationItems => Set<StationItem>();
    public DbSet<ProcurementFiling> ProcurementFilings => Set<ProcurementFiling>();
    public DbSet<StationPublication> StationPublications => Set<StationPublication>();
    public DbSet<InclusiveServiceReferral> InclusiveServiceReferrals => Set<InclusiveServiceReferral>();
    public DbSet<SocialWorkPointProfile> SocialWorkPointProfiles => Set<SocialWorkPointProfile>();

    private static void ConfigureStations(ModelBuilder m)
    {
        m.Entity<Station>(e =>
        {
            e.ToTable("stations");
            e.HasKey(x => x.Id);
            e.Property(x => x.ScopePath).HasMaxLength(400);
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.HostPlatformOther).HasMaxLength(100);
            e.Property(x => x.Address).HasMaxLength(200);
            e.Property(x => x.HeadName).HasMaxLength(50);
            e.Property(x => x.HeadPhone).HasMaxLength(40);
            e.Property(x => x.OpeningHours).HasMaxLength(200);
            e.Property(x => x.ServiceForms).HasMaxLength(100);
            e.Property(x => x.Description).HasMaxLength(1000);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.ScopePath, x.Name });
            e.HasIndex(x => new { x.VillageId, x.IsActive });
            e.HasIndex(x => new { x.TownId, x.IsActive });
            e.HasOne<Organization>().WithMany().HasForeignKey(x => x.VillageId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Organization>().WithMany().HasForeignKey(x => x.OperatorId).OnDelete(DeleteBehavior.Restrict);
        });
        m.Entity<StationItem>(e =>
        {
            e.ToTable("station_items");
            e.HasKey(x => x.Id);
            e.Property(x => x.ScopePath).HasMaxLength(400);
            e.Property(x => x.Title).HasMaxLength(100);
            e.Property(x => x.Content).HasMaxLength(2000);
            e.Property(x => x.ServiceForms).HasMaxLength(100);
            e.Property(x => x.LinkedResources).HasMaxLength(100);
            e.Property(x => x.CandidateContractors).HasMaxLength(1100);
            e.Property(x => x.OperatorOverrideReason).HasMaxLength(500);
            e.Property(x => x.PackagedOverrideReason).HasMaxLength(500);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Ignore(x => x.NeedsProcurement);
            e.HasIndex(x => new { x.StationId, x.CreatedAt });
            e.HasIndex(x => new { x.VillageId, x.Year });
            e.HasIndex(x => new { x.ScopePath, x.CreatedAt });
            e.HasIndex(x => x.MicroProjectId).IsUnique();
            e.HasOne<Station>().WithMany().HasForeignKey(x => x.StationId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Organization>().WithMany().HasForeignKey(x => x.OperatorId).OnDelete(DeleteBehavior.Restrict);
        });
        m.Entity<ProcurementFiling>(e =>
        {
            e.ToTable("procurement_filings");
            e.HasKey(x => x.Id);
            e.Property(x => x.ScopePath).HasMaxLength(400);
            e.Property(x => x.MethodOther).HasMaxLength(100);
            e.Property(x => x.SupplierName).HasMaxLength(100);
            e.Property(x => x.OpinionText).HasMaxLength(2000);
            e.Property(x => x.OpinionBy).HasMaxLength(50);
            e.Property(x => x.RecordedByName).HasMaxLength(64);
            e.Property(x => x.RecordNote).HasMaxLength(1000);
            e.Property(x => x.DifferenceReason).HasMaxLength(500);
            e.Property(x => x.DifferenceConfirmedByName).HasMaxLength(64);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => x.ItemId).IsUnique();
            e.HasIndex(x => new { x.TownId, x.State });
            e.HasIndex(x => new { x.ScopePath, x.CreatedAt });
            e.HasOne<StationItem>().WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Restrict);
        });
        m.Entity<StationPublication>(e =>
        {
            e.ToTable("station_publications");
            e.HasKey(x => x.Id);
            e.Property(x => x.ScopePath).HasMaxLength(400);
            e.Property(x => x.Title).HasMaxLength(200);
            e.Property(x => x.Text).HasMaxLength(4000);
            e.Property(x => x.Platforms).HasMaxLength(100);
            e.Property(x => x.RecordedByName).HasMaxLength(64);
            e.HasIndex(x => new { x.ItemId, x.Kind }).IsUnique();
            e.HasIndex(x => new { x.TownId, x.RecordedAt });
            e.HasIndex(x => x.RecordedAt);
            e.HasOne<StationItem>().WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Restrict);
        });
        m.Entity<InclusiveServiceReferral>(e =>
        {
            e.ToTable("inclusive_service_referrals");
            e.HasKey(x => x.Id);
            e.Property(x => x.ScopePath).HasMaxLength(400);
            e.Property(x => x.ResidentName).HasMaxLength(50);
            e.Property(x => x.ResidentPhone).HasMaxLength(40);
            e.Property(x => x.Need).HasMaxLength(2000);
            e.Property(x => x.ReferredByName).HasMaxLength(64);
            e.Property(x => x.ServiceSummary).HasMaxLength(2000);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.ScopePath, x.ReferredAt });
            e.HasIndex(x => new { x.TownId, x.State });
            e.HasIndex(x => new { x.SocialWorkPointId, x.ReferredAt });
            e.HasOne<Organization>().WithMany().HasForeignKey(x => x.SocialWorkPointId).OnDelete(DeleteBehavior.Restrict);
        });
        m.Entity<SocialWorkPointProfile>(e =>
        {
            e.ToTable("social_work_point_profiles");
            e.HasKey(x => x.OrganizationId);
            e.Property(x => x.OrganizationId).ValueGeneratedNever();
            e.Property(x => x.Services).HasMaxLength(400);
            e.Property(x => x.OpeningHours).HasMaxLength(200);
            e.Property(x => x.ContactName).HasMaxLength(50);
            e.Property(x => x.ContactPhone).HasMaxLength(40);
            e.Property(x => x.Address).HasMaxLength(200);
            e.Property(x => x.Note).HasMaxLength(1000);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasOne<Organization>().WithOne().HasForeignKey<SocialWorkPointProfile>(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
