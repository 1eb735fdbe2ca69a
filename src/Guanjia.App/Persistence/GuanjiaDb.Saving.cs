using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Guanjia.App.Common;
using Guanjia.Domain.Auditing;
using Guanjia.Domain.Common;
using Guanjia.Domain.Jurisdictions;
using Guanjia.Domain.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Guanjia.App.Persistence;

public sealed partial class GuanjiaDb
{
    private static readonly JsonSerializerOptions AuditJson = new()
    {
        Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private string? _auditAction;
    private string? _auditReason;
    private Actor? _auditActor;

    /// <summary>
    /// The next save's entries name this person rather than the actor the context runs as: a sign-in runs as the system (nobody is
    /// signed in yet), but the trail names the person signing in (issue 17 point 5).
    /// </summary>
    public GuanjiaDb By(Actor person)
    {
        _auditActor = person;
        return this;
    }

    /// <summary>Names the next save's audit entries ("Approve", "SignInFailed") and records why.</summary>
    public GuanjiaDb Audit(string action, string? reason = null)
    {
        _auditAction = action;
        _auditReason = reason;
        return this;
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new NotSupportedException("Use SaveChangesAsync: saving takes the audit chain lock.");

    /// <summary>
    /// Checks scope, bumps versions and appends chained audit entries, all in the transaction of the
    /// change itself (R-PL-04): either the change and its audit entries are saved, or neither is.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ChangeTracker.DetectChanges();
        var changed = ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();
        if (changed.Count == 0) return 0;

        if (changed.Any(e => e is { Entity: AuditEntry, State: not EntityState.Added }))
            throw new InvalidOperationException("The audit trail is append-only (R-PL-04)");
        var actor = Actor;
        EnforceScope(changed, actor);
        var bumped = changed.Where(e => e.State == EntityState.Modified).Select(e => e.Entity).OfType<IVersioned>().ToList();
        foreach (var v in bumped) v.Version++;

        // PostgreSQL keeps microseconds; the audit hash must cover exactly what is stored.
        var now = _clock.GetUtcNow();
        now = now.AddTicks(-(now.Ticks % 10));
        var audit = changed
            .Where(e => e.Entity.GetType().GetCustomAttribute<NotAuditedAttribute>() is null)
            .Select(e => Describe(e, _auditActor ?? actor, now))
            .ToList();

        var ownTransaction = Database.CurrentTransaction is null;
        await using var tx = ownTransaction ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            if (audit.Count > 0) await ChainAsync(audit, cancellationToken);
            var n = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (tx is not null) await tx.CommitAsync(cancellationToken);
            return n;
        }
        catch
        {
            // Leave the tracked entries as they were so a retry or a 409 leaves nothing half-done.
            foreach (var a in audit) Entry(a).State = EntityState.Detached;
            foreach (var v in bumped) v.Version--;
            throw;
        }
        finally
        {
            _auditAction = null;
            _auditReason = null;
            _auditActor = null;
        }
    }

    private static void EnforceScope(List<EntityEntry> changed, Actor actor)
    {
        if (actor.Kind == ActorKind.System) return;
        if (actor.ReadOnly)
            throw new Forbidden("当前账号只能查看，不能修改", "This account is read-only");
        foreach (var e in changed)
        {
            if (e.Entity is AuditEntry) continue;
            if (e.Entity is IScoped)
            {
                var current = (string)e.Property(nameof(IScoped.ScopePath)).CurrentValue!;
                var original = (string)e.Property(nameof(IScoped.ScopePath)).OriginalValue!;
                if ((e.State != EntityState.Deleted && !actor.Sees(current)) || (e.State != EntityState.Added && !actor.Sees(original)))
                    throw new Forbidden("无权操作本单位范围以外的记录", "The record is outside your organisation's scope");
            }
            // The tree belongs to the jurisdictions: a node is changed only inside one's own scope, so no administrator
            // adds a root or touches another jurisdiction's tree (ADR 0040).
            else if (e.Entity is Organization)
            {
                var current = (string)e.Property(nameof(Organization.Path)).CurrentValue!;
                var original = (string)e.Property(nameof(Organization.Path)).OriginalValue!;
                if ((e.State != EntityState.Deleted && !actor.Sees(current)) || (e.State != EntityState.Added && !actor.Sees(original)))
                    throw new Forbidden("无权修改本管辖区以外的组织", "The organisation is outside your jurisdiction");
            }
            else if (e.Entity is IJurisdictional)
            {
                var mine = actor.JurisdictionPath;
                var current = (string)e.Property(nameof(IJurisdictional.JurisdictionPath)).CurrentValue!;
                var original = (string)e.Property(nameof(IJurisdictional.JurisdictionPath)).OriginalValue!;
                if (mine == Domain.Jurisdictions.Jurisdiction.All || (e.State != EntityState.Deleted && current != mine) || (e.State != EntityState.Added && original != mine))
                    throw new Forbidden("无权修改其他管辖区的设置", "The setting belongs to another jurisdiction");
            }
        }
    }

    private async Task ChainAsync(List<AuditEntry> audit, CancellationToken ct)
    {
        // One writer extends the chain at a time: the lock row serialises writers on PostgreSQL, and on
        // SQLite the immediate transaction already holds the database's write lock.
        await Database.ExecuteSqlRawAsync("UPDATE audit_chain_lock SET counter = counter + 1 WHERE id = 1", ct);
        var head = await AuditEntries.IgnoreQueryFilters().OrderByDescending(a => a.Seq)
            .Select(a => new { a.Seq, a.Hash }).FirstOrDefaultAsync(ct);
        var seq = head?.Seq ?? 0;
        var prev = head?.Hash ?? AuditChain.Genesis;
        foreach (var a in audit)
        {
            a.Seq = ++seq;
            a.PrevHash = prev;
            a.Hash = AuditChain.ComputeHash(a);
            prev = a.Hash;
        }
        AuditEntries.AddRange(audit);
    }

    private AuditEntry Describe(EntityEntry e, Actor actor, DateTimeOffset now)
    {
        var type = e.Metadata.ClrType;
        var key = e.Metadata.FindPrimaryKey()!.Properties
            .Select(p => Convert.ToString(e.Property(p.Name).CurrentValue, System.Globalization.CultureInfo.InvariantCulture));
        Dictionary<string, object?>? before = null, after = null;
        foreach (var p in e.Properties)
        {
            var prop = p.Metadata.PropertyInfo;
            var sensitive = prop?.GetCustomAttribute<SensitiveAttribute>() is not null;
            object? Shown(object? v) => sensitive ? (v is null ? null : "***") : v;
            switch (e.State)
            {
                case EntityState.Added:
                    (after ??= [])[p.Metadata.Name] = Shown(p.CurrentValue);
                    break;
                case EntityState.Deleted:
                    (before ??= [])[p.Metadata.Name] = Shown(p.OriginalValue);
                    break;
                case EntityState.Modified when p.IsModified && !Equals(p.OriginalValue, p.CurrentValue):
                    (before ??= [])[p.Metadata.Name] = Shown(p.OriginalValue);
                    (after ??= [])[p.Metadata.Name] = Shown(p.CurrentValue);
                    break;
            }
        }
        // Entries of records outside any scope belong to the jurisdiction of whoever changed them, so one jurisdiction's
        // administrator never reads another's history; the system's own changes stay at "/" (ADR 0040).
        var scope = e.Entity switch
        {
            IScoped s => s.ScopePath,
            Organization o => o.Path,
            IJurisdictional j => j.JurisdictionPath,
            _ => actor.JurisdictionPath,
        };
        return new AuditEntry
        {
            At = now,
            ActorId = actor.Id,
            ActorName = actor.Name,
            ActorRole = actor.Role?.ToString() ?? actor.Kind.ToString(),
            EntityType = type.Name,
            EntityId = string.Join(",", key),
            Action = _auditAction ?? e.State switch
            {
                EntityState.Added => "Create",
                EntityState.Deleted => "Delete",
                _ => "Update",
            },
            Before = before is null ? null : JsonSerializer.Serialize(before, AuditJson),
            After = after is null ? null : JsonSerializer.Serialize(after, AuditJson),
            Reason = _auditReason,
            ScopePath = scope,
            PrevHash = "",
        };
    }
}
