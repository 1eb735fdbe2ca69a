using System.Text.Json;
using Guanjia.App.Persistence;
using Guanjia.Domain.Common;
using Guanjia.Domain.Publicity;

namespace Guanjia.App.Publicity;

/// <summary>
/// The one way anything reaches the public (issue 4, item 5): what is published, where, from when to when.
/// Masking is applied here, once, to the title and every text field, against the personal data the caller
/// knows of (the appellant, the beneficiary), then to phone, ID and house numbers generally (R-PL-07);
/// the stored notice never holds personal data, so no later read can leak it.
/// </summary>
public static class Publisher
{
    public sealed record Draft(
        NoticeKind Kind, string SubjectType, Guid SubjectId, string SubjectRef, Guid TownId, Guid VillageId, string Title,
        IReadOnlyDictionary<string, object?> Body, IReadOnlyCollection<string> Platforms, DateTimeOffset From, DateTimeOffset? To);

    public static PublicNotice Publish(GuanjiaDb db, Draft d, DateTimeOffset now, params string?[] personal)
    {
        var unknown = d.Platforms.Where(p => !PublicNotice.PlatformNames.ContainsKey(p)).ToList();
        if (unknown.Count > 0) throw new ArgumentException($"Unknown platforms: {string.Join(", ", unknown)}", nameof(d));
        var body = d.Body.ToDictionary(kv => kv.Key, kv => kv.Value is string text ? Masking.Published(text, personal) : kv.Value);
        var notice = new PublicNotice
        {
            Id = Guid.CreateVersion7(), Kind = d.Kind, SubjectType = d.SubjectType, SubjectId = d.SubjectId, SubjectRef = d.SubjectRef,
            TownId = d.TownId, VillageId = d.VillageId, Title = Masking.Published(d.Title, personal), BodyJson = JsonSerializer.Serialize(body),
            Platforms = string.Join(',', d.Platforms.Distinct()), From = d.From, To = d.To, PublishedAt = now,
        };
        db.PublicNotices.Add(notice);
        return notice;
    }

    /// <summary>Platform keys must be ones the programme publishes on.</summary>
    public static Check Platforms(this Check c, IEnumerable<string> platforms) => c.When(platforms.Any(x => !PublicNotice.PlatformNames.ContainsKey(x)),
        "platforms", "invalid", $"公示平台无效，可选：{string.Join("、", PublicNotice.PlatformNames.Keys)}",
        $"Unknown platform; use {string.Join(", ", PublicNotice.PlatformNames.Keys)}");
}
