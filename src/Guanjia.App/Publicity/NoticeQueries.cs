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

    /// <summary>
    /// A photo published with a notice (the outcome photos of a result, R-MS-15), without its camera metadata. Only the
    /// files a notice lists are reachable here; any other id answers 404, as an unknown one would.
    /// </summary>
    public static async Task<(string ContentType, byte[] Bytes)> PhotoAsync(GuanjiaDb db, Guid noticeId, Guid photoId, CancellationToken ct)
    {
        var notFound = new NotFound("Photo", "照片不存在或未公开", "The photo does not exist or is not public");
        var body = await db.PublicNotices.AsNoTracking().Where(n => n.Id == noticeId).Select(n => n.BodyJson).SingleOrDefaultAsync(ct)
            ?? throw notFound;
        using (var doc = JsonDocument.Parse(body))
            if (!doc.RootElement.TryGetProperty("photoIds", out var ids) || ids.ValueKind != JsonValueKind.Array
                || !ids.EnumerateArray().Any(x => x.TryGetGuid(out var g) && g == photoId))
                throw notFound;
        // The notice is public, so its listed photo is too; the scope filter is for staff reads.
        var meta = await db.Attachments.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(a => a.Id == photoId, ct);
        if (meta is null || meta.Kind != Domain.Attachments.AttachmentKind.Photo || !Domain.Attachments.ImageMetadata.ImageTypes.Contains(meta.ContentType))
            throw notFound;
        var bytes = await db.AttachmentContents.AsNoTracking().Where(c => c.Id == photoId).Select(c => c.Bytes).SingleAsync(ct);
        return (meta.ContentType, Domain.Attachments.ImageMetadata.Strip(meta.ContentType, bytes));
    }
}
