using Guanjia.App.Common;
using Guanjia.App.Persistence;
using Guanjia.Domain.Auditing;
using Guanjia.Domain.Calendar;
using Guanjia.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Auditing;

public sealed record AuditEntryView(long Seq, DateTimeOffset At, Guid? ActorId, string ActorName, string? ActorRole, string EntityType,
    string EntityId, string Action, string? Before, string? After, string? Reason, string Hash);

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
        return new Paged<AuditEntryView>(items, f.Page, f.PageSize, total);
    }

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
