using Guanjia.Domain.Claims;
using Guanjia.Domain.Contacts;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Persistence;

/// <summary>The 莞家直达 claim board and verified contacts (R-RT-02..04); indexes match the board, the staff list and the sweep.</summary>
public sealed partial class GuanjiaDb
{
    public DbSet<ClaimItem> ClaimItems => Set<ClaimItem>();
    public DbSet<Claimant> Claimants => Set<Claimant>();
    public DbSet<Claim> Claims => Set<Claim>();
    public DbSet<ContactVerification> ContactVerifications => Set<ContactVerification>();
    public DbSet<ContactMessage> ContactMessages => Set<ContactMessage>();

    private static void ConfigureClaims(ModelBuilder m)
    {
        m.Entity<ClaimItem>(e =>
        {
            e.ToTable("claim_items");
            e.HasKey(x => x.Id);
            e.Property(x => x.Number).HasMaxLength(20);
            e.Property(x => x.SubjectType).HasMaxLength(20);
            e.Property(x => x.SubjectRef).HasMaxLength(20);
            e.Property(x => x.ScopePath).HasMaxLength(400);
            e.Property(x => x.Title).HasMaxLength(200);
            e.Property(x => x.Summary).HasMaxLength(2000);
            e.Property(x => x.Platforms).HasMaxLength(200);
            e.Property(x => x.ExtraChannels).HasMaxLength(500);
            e.Property(x => x.ConnectionNote).HasMaxLength(1000);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Ignore(x => x.RemainingFen);
            e.HasIndex(x => x.Number).IsUnique();
            e.HasIndex(x => x.SubjectId).IsUnique();
            e.HasIndex(x => new { x.State, x.WindowTo });
            e.HasIndex(x => new { x.ScopePath, x.CreatedAt });
            e.HasIndex(x => new { x.TownId, x.State });
        });
        m.Entity<Claimant>(e =>
        {
            e.ToTable("claimants");
            e.HasKey(x => x.Id);
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.CreditCode).HasMaxLength(18);
            e.Property(x => x.ContactName).HasMaxLength(50);
            e.Property(x => x.Phone).HasMaxLength(20);
            e.Property(x => x.PhoneHash).HasMaxLength(64);
            e.HasIndex(x => new { x.PhoneHash, x.Kind, x.Name }).IsUnique();
        });
        m.Entity<Claim>(e =>
        {
            e.ToTable("claims");
            e.HasKey(x => x.Id);
            e.Property(x => x.Note).HasMaxLength(500);
            e.HasIndex(x => new { x.ItemId, x.ClaimedAt });
            e.HasIndex(x => x.ClaimantId);
            e.HasOne<ClaimItem>().WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Claimant>().WithMany().HasForeignKey(x => x.ClaimantId).OnDelete(DeleteBehavior.Restrict);
        });
        m.Entity<ContactVerification>(e =>
        {
            e.ToTable("contact_verifications");
            e.HasKey(x => x.Id);
            e.Property(x => x.PhoneHash).HasMaxLength(64);
            e.Property(x => x.CodeHash).HasMaxLength(64);
            e.HasIndex(x => new { x.PhoneHash, x.Purpose, x.CreatedAt });
        });
        m.Entity<ContactMessage>(e =>
        {
            e.ToTable("contact_messages");
            e.HasKey(x => x.Id);
            e.Property(x => x.Kind).HasMaxLength(40);
            e.Property(x => x.Recipient).HasMaxLength(20);
            e.Property(x => x.Body).HasMaxLength(500);
            e.Property(x => x.Sender).HasMaxLength(64);
            e.Property(x => x.LastError).HasMaxLength(400);
            e.HasIndex(x => new { x.State, x.NextAttemptAt });
        });
    }
}
