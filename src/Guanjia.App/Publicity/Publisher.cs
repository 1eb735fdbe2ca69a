using System.Text.Json;
using Guanjia.App.Persistence;
using Guanjia.Domain.Claims;
using Guanjia.Domain.Common;
using Guanjia.Domain.Publicity;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Publicity;

/// <summary>
/// The one way anything reaches the public (issue 4, item 5): what is published, where, from when to when.
/// Masking is applied here, once, to the title and every text field (R-PL-07, ADR 0022): against every person the
/// record knows — the appellant, the beneficiary, the registration form's contact, claimants who are individuals and the
/// contacts of every claimant, an implementing body that is a person — which the publisher looks up itself, so no
/// caller can forget one; then people's names found in the text, phone, ID and house numbers generally. The stored
/// notice never holds personal data, so no later read can leak it.
/// </summary>
public static class Publisher
{
    public sealed record Draft(
        NoticeKind Kind, string SubjectType, Guid SubjectId, string SubjectRef, Guid TownId, Guid VillageId, string Title,
        IReadOnlyDictionary<string, object?> Body, IReadOnlyCollection<string> Platforms, DateTimeOffset From, DateTimeOffset? To);

    /// <summary>The title and body as the public will read them, every person masked: what <see cref="Publish"/> stores, and what a preview shows.</summary>
    public sealed record Masked(string Title, IReadOnlyDictionary<string, object?> Body);

    public static Masked Mask(GuanjiaDb db, Draft d, params string?[] personal)
    {
        var people = personal.Concat(PeopleOf(db, d.SubjectType, d.SubjectId))
            .Concat(d.Body.TryGetValue("implementingBody", out var ib) && ib is string body && PersonNames.IsName(body) ? [body] : [])
            .ToArray();
        var masked = d.Body.ToDictionary(kv => kv.Key, kv => kv.Value is string text ? Masking.Published(text, people) : kv.Value);
        return new Masked(Masking.Published(d.Title, people), masked);
    }

    public static PublicNotice Publish(GuanjiaDb db, Draft d, DateTimeOffset now, params string?[] personal)
    {
        var unknown = d.Platforms.Where(p => !PublicNotice.PlatformNames.ContainsKey(p)).ToList();
        if (unknown.Count > 0) throw new ArgumentException($"Unknown platforms: {string.Join(", ", unknown)}", nameof(d));
        var m = Mask(db, d, personal);
        var notice = new PublicNotice
        {
            Id = Guid.CreateVersion7(), Kind = d.Kind, SubjectType = d.SubjectType, SubjectId = d.SubjectId, SubjectRef = d.SubjectRef,
            TownId = d.TownId, VillageId = d.VillageId, Title = m.Title, BodyJson = JsonSerializer.Serialize(m.Body),
            Platforms = string.Join(',', d.Platforms.Distinct()), From = d.From, To = d.To, PublishedAt = now,
        };
        db.PublicNotices.Add(notice);
        return notice;
    }

    /// <summary>
    /// Every person a project, wish or station item names, read as the caller's unit of work sees it (its own changes
    /// included). Publish is synchronous for its callers, so these reads are too; they are a handful of keyed rows.
    /// </summary>
    public static IReadOnlyList<string?> PeopleOf(GuanjiaDb db, string subjectType, Guid subjectId)
    {
        var people = new List<string?>();
        switch (subjectType)
        {
            case "MicroProject":
                AddProject(db, subjectId, people);
                break;
            case "MicroWish":
                var w = db.MicroWishes.Local.FirstOrDefault(x => x.Id == subjectId)
                    ?? db.MicroWishes.IgnoreQueryFilters().AsNoTracking().SingleOrDefault(x => x.Id == subjectId);
                if (w is not null)
                {
                    people.AddRange([w.BeneficiaryName, w.BeneficiaryIdNumber, w.Household]);
                    AddAppellant(db, w.AppealId, people);
                }
                break;
            case "StationItem":
                var item = db.StationItems.IgnoreQueryFilters().AsNoTracking().SingleOrDefault(x => x.Id == subjectId);
                if (item?.MicroProjectId is { } pid)
                {
                    AddProject(db, pid, people);
                    AddClaimants(db, pid, people);
                }
                break;
        }
        AddClaimants(db, subjectId, people);
        return people;
    }

    private static void AddProject(GuanjiaDb db, Guid id, List<string?> people)
    {
        var p = db.MicroProjects.Local.FirstOrDefault(x => x.Id == id)
            ?? db.MicroProjects.IgnoreQueryFilters().AsNoTracking().SingleOrDefault(x => x.Id == id);
        if (p is null) return;
        people.AddRange([p.ContactName, p.ContactPhone]);
        if (PersonNames.IsName(p.ImplementingBody)) people.Add(p.ImplementingBody);
        AddAppellant(db, p.AppealId, people);
    }

    private static void AddAppellant(GuanjiaDb db, Guid appealId, List<string?> people)
    {
        var a = db.Appeals.Local.FirstOrDefault(x => x.Id == appealId)
            ?? db.Appeals.IgnoreQueryFilters().AsNoTracking().SingleOrDefault(x => x.Id == appealId);
        if (a is not null) people.AddRange([a.AppellantName, a.AppellantPhone, a.Address]);
    }

    /// <summary>A donor's own name, and every claimant's contact person and phone.</summary>
    private static void AddClaimants(GuanjiaDb db, Guid subjectId, List<string?> people)
    {
        var claimants = db.ClaimItems.IgnoreQueryFilters().AsNoTracking().Where(i => i.SubjectId == subjectId)
            .Join(db.Claims.IgnoreQueryFilters(), i => i.Id, c => c.ItemId, (i, c) => c.ClaimantId)
            .Join(db.Claimants.IgnoreQueryFilters(), id => id, c => c.Id, (id, c) => new { c.Kind, c.Name, c.ContactName, c.Phone })
            .ToList();
        foreach (var c in claimants)
            people.AddRange([c.Kind == ClaimantKind.Donor ? c.Name : null, c.ContactName, c.Phone]);
    }

    /// <summary>Platform keys must be ones the programme publishes on.</summary>
    public static Check Platforms(this Check c, IEnumerable<string> platforms) => c.When(platforms.Any(x => !PublicNotice.PlatformNames.ContainsKey(x)),
        "platforms", "invalid", $"公示平台无效，可选：{string.Join("、", PublicNotice.PlatformNames.Keys)}",
        $"Unknown platform; use {string.Join(", ", PublicNotice.PlatformNames.Keys)}");
}
