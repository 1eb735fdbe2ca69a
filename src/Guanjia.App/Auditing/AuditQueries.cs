using Guanjia.App.Common;
using Guanjia.App.Persistence;
using Guanjia.Domain.Auditing;
using Guanjia.Domain.Calendar;
using Guanjia.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Auditing;

/// <summary>
/// One entry as an official reads it (issue 17 point 5): the action and the kind of record in both languages, the record's own
/// number and its console page (null when the record has none), the readable changes, and the raw before/after JSON kept for
/// anyone who checks the chain.
/// </summary>
public sealed record AuditEntryView(long Seq, DateTimeOffset At, Guid? ActorId, string ActorName, string? ActorRole, string EntityType,
    string EntityId, string Action, string? Before, string? After, string? Reason, string Hash)
{
    public Label ActionLabel => AuditLabels.Action(Action);
    public Label EntityLabel => AuditLabels.Kind(EntityType);
    public string? Ref { get; init; }
    public string? Link { get; init; }
    public IReadOnlyList<AuditChange> Changes { get; init; } = [];
}

/// <summary>What the audit log's filters offer: every kind of record and action in words, and the people in the caller's trail.</summary>
public sealed record AuditKinds(IReadOnlyList<AuditKind> EntityTypes, IReadOnlyList<AuditKind> Actions, IReadOnlyList<AuditActor> Actors);

public sealed record AuditKind(string Code, string Zh, string En);

public sealed record AuditActor(Guid Id, string Name);

public sealed record ChainReport(bool Valid, long Entries, long? FirstBrokenSeq, string Message, string MessageEn);

public static class AuditQueries
{
    public sealed record Filter(string? EntityType, string? EntityId, Guid? ActorId, string? Action, string? From, string? To,
        int Page = 1, int PageSize = 50);

    /// <summary>The trail as the caller may see it: the scope filter limits it to their organisation.</summary>
    public static async Task<Paged<AuditEntryView>> ListAsync(GuanjiaDb db, Filter f, CancellationToken ct)
    {
        new PageRequest(f.Page, f.PageSize).Validate();
        var from = Dates.ParseOptional("from", f.From);
        var to = Dates.ParseOptional("to", f.To);
        var q = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrEmpty(f.EntityType)) q = q.Where(a => a.EntityType == f.EntityType);
        if (!string.IsNullOrEmpty(f.EntityId)) q = q.Where(a => a.EntityId == f.EntityId);
        if (f.ActorId is { } actor) q = q.Where(a => a.ActorId == actor);
        if (!string.IsNullOrEmpty(f.Action)) q = q.Where(a => a.Action == f.Action);
        if (from is { } fd) { var s = ChinaTime.StartOfDay(fd).ToUniversalTime(); q = q.Where(a => a.At >= s); }
        if (to is { } td) { var e = ChinaTime.StartOfDay(td.AddDays(1)).ToUniversalTime(); q = q.Where(a => a.At < e); }
        var total = await q.CountAsync(ct);
        var items = await q.OrderByDescending(a => a.Seq).Skip((f.Page - 1) * f.PageSize).Take(f.PageSize)
            .Select(a => new AuditEntryView(a.Seq, a.At, a.ActorId, a.ActorName, a.ActorRole, a.EntityType, a.EntityId, a.Action,
                a.Before, a.After, a.Reason, a.Hash))
            .ToListAsync(ct);
        var changes = await AuditChanges.DescribeAsync(db, items.Select(i => (i.Seq, i.EntityType, i.Before, i.After)).ToList(), ct);
        var refs = await AuditRefs.ResolveAsync(db, items.Select(i => (i.EntityType, i.EntityId)).ToList(), ct);
        var shown = items.Select(i =>
        {
            refs.TryGetValue((i.EntityType, i.EntityId), out var r);
            return i with { Changes = changes[i.Seq], Ref = r.Ref, Link = r.Link };
        }).ToList();
        return new Paged<AuditEntryView>(shown, f.Page, f.PageSize, total);
    }

    /// <summary>
    /// The filters' choices: every audited kind of record of the model and every action the code writes, in words, and the
    /// people who appear in the trail the caller may read.
    /// </summary>
    public static async Task<AuditKinds> KindsAsync(GuanjiaDb db, CancellationToken ct)
    {
        var kinds = AuditedTypes(db).Select(t => AuditLabels.Kind(t) is var l ? new AuditKind(t, l.Zh, l.En) : null!)
            .OrderBy(k => k.Zh, StringComparer.Ordinal).ToList();
        var actions = AuditLabels.AllActions.Select(a => new AuditKind(a.Key, a.Value.Zh, a.Value.En))
            .GroupBy(a => a.Code).Select(g => g.First()).OrderBy(a => a.Zh, StringComparer.Ordinal).ToList();
        var actors = await db.AuditEntries.AsNoTracking().Where(a => a.ActorId != null)
            .GroupBy(a => a.ActorId!.Value).Select(g => new AuditActor(g.Key, g.Max(a => a.ActorName)!))
            .ToListAsync(ct);
        return new AuditKinds(kinds, actions, actors.OrderBy(a => a.Name, StringComparer.Ordinal).ToList());
    }

    /// <summary>The entity types of the model whose changes the trail records (not the ones marked NotAudited).</summary>
    public static IReadOnlyList<string> AuditedTypes(GuanjiaDb db) =>
        db.Model.GetEntityTypes().Select(t => t.ClrType)
            .Where(t => t.GetCustomAttributes(typeof(NotAuditedAttribute), false).Length == 0 && !t.IsGenericType && t != typeof(Dictionary<string, object>))
            .Select(t => t.Name).Distinct().ToList();

    /// <summary>Recomputes the whole chain in batches; any edited, inserted or deleted entry shows as a break.</summary>
    public static async Task<ChainReport> VerifyAsync(GuanjiaDb db, CancellationToken ct)
    {
        const int batch = 2000;
        var prev = AuditChain.Genesis;
        long expected = 1, count = 0, after = 0;
        while (true)
        {
            var rows = await db.AuditEntries.IgnoreQueryFilters().AsNoTracking()
                .Where(a => a.Seq > after).OrderBy(a => a.Seq).Take(batch).ToListAsync(ct);
            if (rows.Count == 0) break;
            var broken = AuditChain.FirstBreak(rows, ref prev, ref expected);
            if (broken is { } seq)
                return new ChainReport(false, count, seq, $"审计链在第 {seq} 条处断开：记录被修改、插入或删除",
                    $"The audit chain breaks at entry {seq}: an entry was changed, inserted or deleted");
            count += rows.Count;
            after = rows[^1].Seq;
        }
        return new ChainReport(true, count, null, $"审计链完整，共 {count} 条", $"The audit chain is intact ({count} entries)");
    }
}
