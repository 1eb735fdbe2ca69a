using Guanjia.Domain.Organizations;
using Guanjia.Domain.Purchasing;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Persistence;

/// <summary>Incubated organisations and the micro venture-philanthropy rounds (R-CA-10, R-PS-02; ADR 0035): all at the street's path.</summary>
public sealed partial class GuanjiaDb
{
    public DbSet<IncubatedOrganisation> IncubatedOrganisations => Set<IncubatedOrganisation>();
    public DbSet<CapacityEvent> CapacityEvents => Set<CapacityEvent>();
    public DbSet<VentureRound> VentureRounds => Set<VentureRound>();
    public DbSet<VentureApplication> VentureApplications => Set<VentureApplication>();
    public DbSet<VentureScore> VentureScores => Set<VentureScore>();
    public DbSet<VentureProgress> VentureProgress => Set<VentureProgress>();

    private static void ConfigureVenture(ModelBuilder m)
    {
        m.Entity<IncubatedOrganisation>(e =>
        {
            e.ToTable("incubated_organisations");
            e.HasKey(x => x.Id);
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.ScopePath).HasMaxLength(400);
            e.Property(x => x.ServedGroups).HasMaxLength(200);
            e.Property(x => x.Leader).HasMaxLength(50);
            e.Property(x => x.Description).HasMaxLength(2000);
            e.Property(x => x.EndNote).HasMaxLength(500);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.ScopePath, x.StartedOn });
            e.HasIndex(x => new { x.TownId, x.State });
            e.HasOne<Organization>().WithMany().HasForeignKey(x => x.TownId).OnDelete(DeleteBehavior.Restrict);
        });
        m.Entity<CapacityEvent>(e =>
        {
            e.ToTable("capacity_events");
            e.HasKey(x => x.Id);
            e.Property(x => x.ScopePath).HasMaxLength(400);
            e.Property(x => x.Topic).HasMaxLength(200);
            e.Property(x => x.Hours).HasPrecision(5, 1);
            e.Property(x => x.Note).HasMaxLength(1000);
            e.Property(x => x.RecordedByName).HasMaxLength(64);
            e.HasIndex(x => new { x.OrganisationId, x.On });
            e.HasOne<IncubatedOrganisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        });
        m.Entity<VentureRound>(e =>
        {
            e.ToTable("venture_rounds");
            e.HasKey(x => x.Id);
            e.Property(x => x.ScopePath).HasMaxLength(400);
            e.Property(x => x.Title).HasMaxLength(200);
            e.Property(x => x.Description).HasMaxLength(4000);
            e.Property(x => x.CriteriaJson).HasMaxLength(4000);
            e.Property(x => x.PanelJson).HasMaxLength(2000);
            e.Property(x => x.DecisionNote).HasMaxLength(1000);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.TownId, x.Year });
            e.HasIndex(x => new { x.ScopePath, x.Year });
            e.HasOne<Organization>().WithMany().HasForeignKey(x => x.TownId).OnDelete(DeleteBehavior.Restrict);
        });
        m.Entity<VentureApplication>(e =>
        {
            e.ToTable("venture_applications");
            e.HasKey(x => x.Id);
            e.Property(x => x.ScopePath).HasMaxLength(400);
            e.Property(x => x.ApplicantName).HasMaxLength(100);
            e.Property(x => x.ProjectName).HasMaxLength(200);
            e.Property(x => x.Summary).HasMaxLength(4000);
            e.Property(x => x.AverageScore).HasPrecision(5, 2);
            e.Property(x => x.Result).HasMaxLength(2000);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.RoundId, x.State });
            e.HasIndex(x => x.OrganisationId);
            e.HasOne<VentureRound>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<IncubatedOrganisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        });
        m.Entity<VentureScore>(e =>
        {
            e.ToTable("venture_scores");
            e.HasKey(x => x.Id);
            e.Property(x => x.ScopePath).HasMaxLength(400);
            e.Property(x => x.Reviewer).HasMaxLength(50);
            e.Property(x => x.ScoresJson).HasMaxLength(2000);
            e.Property(x => x.Total).HasPrecision(5, 2);
            e.Property(x => x.Comment).HasMaxLength(1000);
            e.Property(x => x.RecordedByName).HasMaxLength(64);
            // A reviewer scores an application once: a second sheet, even one racing the first, is a 409.
            e.HasIndex(x => new { x.ApplicationId, x.Reviewer }).IsUnique();
            e.HasIndex(x => x.RoundId);
            e.HasOne<VentureApplication>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        });
        m.Entity<VentureProgress>(e =>
        {
            e.ToTable("venture_progress");
            e.HasKey(x => x.Id);
            e.Property(x => x.ScopePath).HasMaxLength(400);
            e.Property(x => x.Text).HasMaxLength(2000);
            e.Property(x => x.RecordedByName).HasMaxLength(64);
            e.HasIndex(x => new { x.ApplicationId, x.On });
            e.HasOne<VentureApplication>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
