using Guanjia.Domain.Funds;
using Guanjia.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Persistence;

/// <summary>The funds tables (R-FD); the ledger tables are append-only (triggers in the migration), indexes match the ledger queries.</summary>
public sealed partial class GuanjiaDb
{
    public DbSet<FundAccount> FundAccounts => Set<FundAccount>();
    public DbSet<LedgerEntry> LedgerEntries => Set<LedgerEntry>();
    public DbSet<LedgerLine> LedgerLines => Set<LedgerLine>();
    public DbSet<PilotGrant> PilotGrants => Set<PilotGrant>();
    public DbSet<TownFactors> TownFactors => Set<TownFactors>();
    public DbSet<AllocationRun> AllocationRuns => Set<AllocationRun>();
    public DbSet<AllocationAdjustment> AllocationAdjustments => Set<AllocationAdjustment>();

    private static void ConfigureFunds(ModelBuilder m)
    {
        m.Entity<FundAccount>(e =>
        {
            e.ToTable("fund_accounts");
            e.HasKey(x => x.Id);
            e.Property(x => x.Name).HasMaxLength(150);
            e.Property(x => x.ScopePath).HasMaxLength(400);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Property(x => x.Slot).HasMaxLength(60);
            e.HasIndex(x => new { x.OrganizationId, x.Slot }).IsUnique();
            e.HasIndex(x => new { x.ScopePath, x.Kind });
            e.HasIndex(x => new { x.TownId, x.Kind });
            e.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
            e.Ignore(x => x.HoldsMoney);
            e.Ignore(x => x.IsRingFenced);
        });
        m.Entity<LedgerEntry>(e =>
        {
            e.ToTable("fund_ledger_entries");
            e.HasKey(x => x.Id);
            e.Property(x => x.Description).HasMaxLength(500);
            e.Property(x => x.Reference).HasMaxLength(100);
            e.Property(x => x.Payee).HasMaxLength(200);
            e.Property(x => x.ScopePath).HasMaxLength(400);
            e.Property(x => x.ByName).HasMaxLength(64);
            e.HasIndex(x => new { x.Year, x.At });
            e.HasIndex(x => new { x.Kind, x.Year });
            e.HasIndex(x => x.At);
            e.HasIndex(x => new { x.TargetId, x.At });
            e.HasIndex(x => x.ReversesId).IsUnique();
            e.HasOne<LedgerEntry>().WithMany().HasForeignKey(x => x.ReversesId).OnDelete(DeleteBehavior.Restrict);
        });
        m.Entity<LedgerLine>(e =>
        {
            e.ToTable("fund_ledger_lines");
            e.HasKey(x => x.Id);
            e.Property(x => x.ScopePath).HasMaxLength(400);
            e.HasIndex(x => x.EntryId);
            e.HasIndex(x => new { x.AccountId, x.Source, x.Year });
            e.HasIndex(x => new { x.TargetId, x.Source });
            e.HasIndex(x => new { x.ScopePath, x.Year });
            e.HasOne<LedgerEntry>().WithMany().HasForeignKey(x => x.EntryId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<FundAccount>().WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Restrict);
        });
        m.Entity<PilotGrant>(e =>
        {
            e.ToTable("fund_pilot_grants");
            e.HasKey(x => x.TownId);
            e.Property(x => x.TownId).ValueGeneratedNever();
            e.Property(x => x.ScopePath).HasMaxLength(400);
            e.HasOne<Organization>().WithMany().HasForeignKey(x => x.TownId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<LedgerEntry>().WithMany().HasForeignKey(x => x.EntryId).OnDelete(DeleteBehavior.Restrict);
        });
        m.Entity<TownFactors>(e =>
        {
            e.ToTable("fund_town_factors");
            e.HasKey(x => x.Id);
            e.Property(x => x.ScopePath).HasMaxLength(400);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.Year, x.TownId }).IsUnique();
            e.HasOne<Organization>().WithMany().HasForeignKey(x => x.TownId).OnDelete(DeleteBehavior.Restrict);
        });
        m.Entity<AllocationRun>(e =>
        {
            e.ToTable("fund_allocation_runs");
            e.HasKey(x => x.Id);
            e.Property(x => x.ScopePath).HasMaxLength(400);
            e.Property(x => x.ByName).HasMaxLength(64);
            e.HasIndex(x => new { x.Year, x.Programme }).IsUnique();
        });
        m.Entity<AllocationAdjustment>(e =>
        {
            e.ToTable("fund_allocation_adjustments");
            e.HasKey(x => x.Id);
            e.Property(x => x.ScopePath).HasMaxLength(400);
            e.Property(x => x.Reason).HasMaxLength(500);
            e.Property(x => x.ByName).HasMaxLength(64);
            e.HasIndex(x => new { x.Year, x.TownId, x.At });
            e.HasIndex(x => new { x.ScopePath, x.Year });
            e.HasOne<AllocationRun>().WithMany().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<LedgerEntry>().WithMany().HasForeignKey(x => x.EntryId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Organization>().WithMany().HasForeignKey(x => x.TownId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
