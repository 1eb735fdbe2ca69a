using System.Linq.Expressions;
using System.Text;
using Guanjia.App.Auditing;
using Guanjia.App.Calendar;
using Guanjia.App.Common;
using Guanjia.Domain.Accounts;
using Guanjia.Domain.Auditing;
using Guanjia.Domain.Common;
using Guanjia.Domain.Jurisdictions;
using Guanjia.Domain.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Guanjia.App.Persistence;

public enum DbProvider { Sqlite, Postgres }

public sealed partial class GuanjiaDb : DbContext
{
    private readonly ICurrentActor _current;
    private readonly TimeProvider _clock;

    public GuanjiaDb(DbContextOptions<GuanjiaDb> options, ICurrentActor current, TimeProvider clock) : base(options)
    {
        _current = current;
        _clock = clock;
    }

    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<User> Users => Set<User>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<CalendarDayRecord> CalendarDays => Set<CalendarDayRecord>();
    public DbSet<CalendarYearRecord> CalendarYears => Set<CalendarYearRecord>();

    public Actor Actor => _current.Actor;

    /// <summary>Read by the global query filter; EF re-reads it per query, so it follows the actor.</summary>
    internal string ScopePrefix => _current.Actor.ScopePath;

    /// <summary>The root path of the actor's jurisdiction, "/" for the system and the public (ADR 0040); read per query like the scope.</summary>
    internal string JurisdictionPrefix => _current.Actor.JurisdictionPath;

    public bool IsPostgres => Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true;

    protected override void ConfigureConventions(ModelConfigurationBuilder b)
    {
        if (Database.ProviderName?.Contains("Sqlite", StringComparison.Ordinal) == true)
            // SQLite has no time type; UTC ticks keep ordering and comparisons in SQL.
            b.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        else
            b.Properties<DateTimeOffset>().HaveConversion<UtcNormalizer>();
        b.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }

    protected override void OnModelCreating(ModelBuilder m)
    {
        m.Entity<Organization>(e =>
        {
            e.ToTable("organizations");
            e.HasKey(x => x.Id);
            e.Property(x => x.Code).HasMaxLength(40);
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.NameEn).HasMaxLength(150);
            e.Property(x => x.Path).HasMaxLength(400);
            e.Property(x => x.Address).HasMaxLength(200);
            e.Property(x => x.Phone).HasMaxLength(40);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => x.Code).IsUnique();
            e.HasIndex(x => x.Path).IsUnique();
            e.HasIndex(x => new { x.ParentId, x.Name });
            e.HasIndex(x => x.Kind);
            e.HasOne<Organization>().WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
            e.Ignore(x => x.IsTownLevel);
            e.Ignore(x => x.IsVillageLevel);
        });
        m.Entity<User>(e =>
        {
            e.ToTable("users");
            e.HasKey(x => x.Id);
            e.Property(x => x.UserName).HasMaxLength(64);
            e.Property(x => x.DisplayName).HasMaxLength(64);
            e.Property(x => x.ScopePath).HasMaxLength(400);
            e.Property(x => x.PasswordHash).HasMaxLength(200);
            e.Property(x => x.Phone).HasMaxLength(40);
            e.Property(x => x.SecurityStamp).HasMaxLength(64);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => x.UserName).IsUnique();
            e.HasIndex(x => new { x.ScopePath, x.UserName });
            e.HasIndex(x => x.OrganizationId);
            e.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        });
        m.Entity<ApiToken>(e =>
        {
            e.ToTable("api_tokens");
            e.HasKey(x => x.Id);
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.Prefix).HasMaxLength(16);
            e.Property(x => x.TokenHash).HasMaxLength(64);
            e.Property(x => x.ScopePath).HasMaxLength(400);
            e.Property(x => x.Permissions).HasMaxLength(400);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => x.TokenHash).IsUnique();
            e.HasIndex(x => new { x.ScopePath, x.CreatedAt });
            e.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
            e.Ignore(x => x.PermissionList);
        });
        m.Entity<AuditEntry>(e =>
        {
            e.ToTable("audit_entries");
            e.HasKey(x => x.Seq);
            e.Property(x => x.Seq).ValueGeneratedNever();
            e.Property(x => x.ActorName).HasMaxLength(64);
            e.Property(x => x.ActorRole).HasMaxLength(40);
            e.Property(x => x.EntityType).HasMaxLength(64);
            e.Property(x => x.EntityId).HasMaxLength(80);
            e.Property(x => x.Action).HasMaxLength(64);
            e.Property(x => x.Reason).HasMaxLength(500);
            e.Property(x => x.ScopePath).HasMaxLength(400);
            e.Property(x => x.PrevHash).HasMaxLength(64);
            e.Property(x => x.Hash).HasMaxLength(64);
            e.HasIndex(x => new { x.EntityType, x.EntityId, x.Seq });
            e.HasIndex(x => new { x.ScopePath, x.Seq });
            e.HasIndex(x => new { x.ActorId, x.Seq });
        });
        m.Entity<AuditChainLock>(e =>
        {
            e.ToTable("audit_chain_lock");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.HasData(new AuditChainLock { Id = 1, Counter = 0 });
        });
        m.Entity<CalendarDayRecord>(e =>
        {
            e.ToTable("calendar_days");
            e.HasKey(x => new { x.JurisdictionPath, x.Date });
            e.Property(x => x.JurisdictionPath).HasMaxLength(400);
            e.Property(x => x.Date).ValueGeneratedNever();
            e.Property(x => x.Name).HasMaxLength(40);
            e.HasIndex(x => new { x.JurisdictionPath, x.Year });
        });
        m.Entity<CalendarYearRecord>(e =>
        {
            e.ToTable("calendar_years");
            e.HasKey(x => new { x.JurisdictionPath, x.Year });
            e.Property(x => x.JurisdictionPath).HasMaxLength(400);
            e.Property(x => x.Year).ValueGeneratedNever();
            e.Property(x => x.Notice).HasMaxLength(100);
            e.Property(x => x.ShippedHash).HasMaxLength(64);
            e.Property(x => x.EditedBy).HasMaxLength(64);
        });

        ConfigureProgramme(m);
        ConfigureStations(m);
        ConfigureClaims(m);
        ConfigureFunds(m);
        ConfigureStatistics(m);
        ConfigureNumbering(m);
        ConfigureCivilAffairs(m);
        ConfigureJurisdictions(m);
        ConfigurePurchasing(m);
        ApplyScopeFilters(m);
        ApplySnakeCase(m);
    }

    /// <summary>
    /// The one scope mechanism for reads: every IScoped entity gets the same filter. Organisations and the reference
    /// data kept per jurisdiction (IJurisdictional) are filtered by the actor's jurisdiction: the tree and the rules of
    /// another jurisdiction are invisible, even to its administrator (ADR 0040).
    /// </summary>
    private void ApplyScopeFilters(ModelBuilder m)
    {
        var startsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;
        foreach (var type in m.Model.GetEntityTypes().Where(t => typeof(IScoped).IsAssignableFrom(t.ClrType)))
        {
            var p = Expression.Parameter(type.ClrType, "e");
            var path = Expression.Property(p, nameof(IScoped.ScopePath));
            var prefix = Expression.Property(Expression.Constant(this), nameof(ScopePrefix));
            var all = Expression.Equal(prefix, Expression.Constant("/"));
            var starts = Expression.Call(path, startsWith, prefix);
            type.SetQueryFilter(Expression.Lambda(Expression.OrElse(all, starts), p));
        }
        foreach (var type in m.Model.GetEntityTypes().Where(t => typeof(IJurisdictional).IsAssignableFrom(t.ClrType)))
        {
            var p = Expression.Parameter(type.ClrType, "e");
            var path = Expression.Property(p, nameof(IJurisdictional.JurisdictionPath));
            var prefix = Expression.Property(Expression.Constant(this), nameof(JurisdictionPrefix));
            type.SetQueryFilter(Expression.Lambda(Expression.OrElse(Expression.Equal(prefix, Expression.Constant("/")), Expression.Equal(path, prefix)), p));
        }
        m.Entity<Organization>().HasQueryFilter(o => JurisdictionPrefix == "/" || o.Path.StartsWith(JurisdictionPrefix));
    }

    private static void ApplySnakeCase(ModelBuilder m)
    {
        foreach (var t in m.Model.GetEntityTypes())
            foreach (var p in t.GetProperties())
                p.SetColumnName(Snake(p.Name));
    }

    internal static string Snake(string name)
    {
        var sb = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0 && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1])))) sb.Append('_');
                sb.Append(char.ToLowerInvariant(c));
            }
            else sb.Append(c);
        }
        return sb.ToString();
    }

    private sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
        v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));

    private sealed class UtcNormalizer() : ValueConverter<DateTimeOffset, DateTimeOffset>(
        v => v.ToUniversalTime(), v => v.ToUniversalTime());
}
