using System.Text.Json;
using Guanjia.App.Persistence;
using Guanjia.Domain.Common;
using Guanjia.Domain.Publicity;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Publicity;

public sealed record NoticeView(Guid Id, NoticeKind Kind, string SubjectRef, string Title, JsonElement Body, IReadOnlyList<string> Platforms,
    DateTimeOffset From, DateTimeOffset? To, DateTimeOffset PublishedAt, Guid TownId, Guid VillageId);

/// <summary>The public board: current notices and results, already masked when published (R-PL-07).</summary>
public static class NoticeQueries
{
    public static async Task<Paged<NoticeView>> ListAsync(GuanjiaDb db, TimeProvider clock, NoticeKind? kind, Guid? townId, bool currentOnly,
        int page, int pageSize, CancellationToken ct)
    {
        new PageRequest(page, pageSize).Validate();
        var now = clock.GetUtcNow();
        var q = db.PublicNotices.AsNoTracking();
        if (kind is { } k) q = q.Where(n => n.Kind == k);
        if (townId is { } t) q = q.Where(n => n.TownId == t);
        if (currentOnly) q = q.Where(n => n.From <= now && (n.To == null || n.To >= now));
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(n => n.PublishedAt).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new Paged<NoticeView>(rows.Select(n => new NoticeView(n.Id, n.Kind, n.SubjectRef, n.Title, JsonDocument.Parse(n.BodyJson).RootElement.Clone(),
            n.Platforms.Split(','), n.From, n.To, n.PublishedAt, n.TownId, n.VillageId)).ToList(), page, pageSize, total);
    }
}
