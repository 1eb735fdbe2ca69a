using Guanjia.App.Jurisdictions;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Persistence;

/// <summary>Each jurisdiction's configuration by version (ADR 0040).</summary>
public sealed partial class GuanjiaDb
{
    public DbSet<JurisdictionRulesRecord> JurisdictionRules => Set<JurisdictionRulesRecord>();

    private static void ConfigureJurisdictions(ModelBuilder m) => m.Entity<JurisdictionRulesRecord>(e =>
    {
        e.ToTable("jurisdiction_rules");
        e.HasKey(x => x.Version);
        e.Property(x => x.Version).ValueGeneratedNever();
        e.Property(x => x.JurisdictionPath).HasMaxLength(400);
        e.Property(x => x.Reason).HasMaxLength(500);
        e.Property(x => x.CreatedBy).HasMaxLength(64);
        e.HasIndex(x => new { x.JurisdictionPath, x.Version });
    });
}
