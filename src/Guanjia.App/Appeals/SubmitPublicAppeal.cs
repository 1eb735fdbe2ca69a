using Guanjia.App.Attachments;
using Guanjia.App.Common;
using Guanjia.App.Persistence;
using Guanjia.Domain.Appeals;
using Guanjia.Domain.Attachments;
using Guanjia.Domain.Common;
using Guanjia.Domain.MicroProjects;
using Guanjia.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Appeals;

public sealed record PublicReceipt(string TrackingNumber, DateTimeOffset ReceivedAt, string VillageName, string TownName);

public sealed record PublicPlace(Guid Id, string Name, IReadOnlyList<PublicPlace> Villages);

/// <summary>
/// A resident raises an appeal on the portal, the programme's online self-service (R-IN-01), without an account.
/// The appeal keeps the portal as its channel; the phone is required: it is how they track the appeal and how
/// feedback reaches them, by text message (R-PL-06). The answer holds only the tracking number and where it went.
/// </summary>
public static class SubmitPublicAppeal
{
    public sealed record Request(string? Title, string? Description, ProjectCategory? Category, Guid? VillageId, string? Address,
        string? Name, string? Phone, bool? IsPetitionMatter);

    /// <summary>The portal writes as itself: it may create appeals and nothing else.</summary>
    public static readonly Actor Portal = new(ActorKind.Integration, null, "public-portal", null, null, "/",
        new HashSet<string>(StringComparer.Ordinal) { Domain.Accounts.Permissions.AppealsCreate }, false);

    /// <summary>Photos a resident may add: pictures only, a handful, each within the attachment size limit.</summary>
    public const int MaxPhotos = 6;

    public static Task<PublicReceipt> HandleAsync(GuanjiaDb db, AppealServices s, Request r, CancellationToken ct) =>
        HandleAsync(db, s, r, [], null, ct);

    /// <summary>The appeal and its photos are saved together or not at all.</summary>
    public static async Task<PublicReceipt> HandleAsync(GuanjiaDb db, AppealServices s, Request r, IReadOnlyList<UploadAttachment.Request> photos,
        AttachmentLimits? limits, CancellationToken ct)
    {
        var phone = AppealSupport.NormalizePhone(r.Phone);
        new Check()
            .NotPetition(null, r.IsPetitionMatter)
            .Required("title", r.Title, "诉求标题", "Title").MaxLength("title", r.Title, 100, "诉求标题", "Title")
            .Required("description", r.Description, "诉求内容", "Description").MaxLength("description", r.Description, 4000, "诉求内容", "Description")
            .When(r.Category is { } c && !Enum.IsDefined(c), "category", "invalid", "类别无效", "category is not valid")
            .When(r.VillageId is null, "villageId", "required", "请选择所在村（社区）", "villageId is required")
            .MaxLength("address", r.Address, 200, "地址", "Address")
            .MaxLength("name", r.Name, 50, "姓名", "Name")
            .Required("phone", phone, "手机号码", "Phone")
            .CheckPhone("phone", phone)
            .When(photos.Count > MaxPhotos, "photos", "too_many", $"最多上传{MaxPhotos}张照片", $"At most {MaxPhotos} photos")
            .When(photos.Any(x => !IsPicture(x.FileName)), "photos", "type_not_allowed", "照片只能是 JPG、PNG 或 WEBP 图片",
                "Photos must be JPG, PNG or WEBP images")
            .ThrowIfFailed();
        var (village, town) = await AppealSupport.VillageAsync(db, r.VillageId, null, ct);
        var appeal = await CreateAppeal.NewAppealAsync(db, s, village, town, Channel.Portal, null, r.Title!, r.Description!, r.Category,
            r.Address, r.Name, phone, CollectionKind.Daily, null, ct);
        // Metadata is dropped on the way in: a phone's photo carries the GPS position of the resident's home.
        for (var i = 0; i < photos.Count; i++)
            await UploadAttachment.AddAsync(db, s.Clock, limits!, "Appeal", appeal.Id, appeal.ScopePath, photos[i] with { Kind = AttachmentKind.Photo },
                $"photos[{i}]", ct, ImageMetadata.Strip);
        await db.Audit("SubmitPublicAppeal").SaveChangesAsync(ct);
        return new PublicReceipt(appeal.TrackingNumber, appeal.ReceivedAt, village.Name, town.Name);
    }

    private static bool IsPicture(string? fileName) =>
        AttachmentRules.Types.TryGetValue(Path.GetExtension(fileName ?? ""), out var type) && ImageMetadata.ImageTypes.Contains(type);

    /// <summary>
    /// Towns and their villages, names only, for the portal's place picker: of the jurisdictions running 民生大莞家 only
    /// (<paramref name="roots"/>; ADR 0040), since appeals are that programme's.
    /// </summary>
    public static async Task<IReadOnlyList<PublicPlace>> PlacesAsync(GuanjiaDb db, IReadOnlyList<string> roots, CancellationToken ct)
    {
        var orgs = (await db.Organizations.AsNoTracking().Where(o => o.IsActive && (o.Kind == OrganizationKind.Town || o.Kind == OrganizationKind.Street
            || o.Kind == OrganizationKind.Park || o.Kind == OrganizationKind.Village || o.Kind == OrganizationKind.Community))
            .OrderBy(o => o.Path).Select(o => new { o.Id, o.Name, o.Kind, o.ParentId, o.Path }).ToListAsync(ct))
            .Where(o => roots.Any(r => o.Path.StartsWith(r, StringComparison.Ordinal))).ToList();
        return orgs.Where(o => Organization.IsTownKind(o.Kind))
            .Select(t => new PublicPlace(t.Id, t.Name, orgs.Where(v => v.ParentId == t.Id && Organization.IsVillageKind(v.Kind))
                .Select(v => new PublicPlace(v.Id, v.Name, [])).ToList()))
            .ToList();
    }
}
