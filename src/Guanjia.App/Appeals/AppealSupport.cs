using System.Security.Cryptography;
using Guanjia.App.Persistence;
using Guanjia.Domain.Appeals;
using Guanjia.Domain.Common;
using Guanjia.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Appeals;

internal static class AppealSupport
{
    // Crockford's alphabet: no I, L, O or U to misread over the phone.
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>GJ + local date + six random characters: short enough to read out, not guessable.</summary>
    public static string NewTrackingNumber(DateTimeOffset now)
    {
        Span<byte> bytes = stackalloc byte[6];
        RandomNumberGenerator.Fill(bytes);
        var chars = new char[6];
        for (var i = 0; i < 6; i++) chars[i] = Alphabet[bytes[i] % 32];
        return $"GJ{Domain.Calendar.ChinaTime.ToLocal(now):yyMMdd}{new string(chars)}";
    }

    /// <summary>Digits and dashes only; a mainland country code (+86 / 0086) in front of a mobile number is dropped.</summary>
    public static string? NormalizePhone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone)) return null;
        var kept = new string(phone.Where(c => char.IsDigit(c) || c == '-').ToArray());
        var digits = new string(kept.Where(char.IsDigit).ToArray());
        if (digits.Length == 15 && digits.StartsWith("0086", StringComparison.Ordinal)) return digits[4..];
        if (digits.Length == 13 && digits.StartsWith("86", StringComparison.Ordinal) && digits[2] == '1') return digits[2..];
        return kept;
    }

    public static Check CheckPhone(this Check c, string field, string? phone)
    {
        if (phone is null) return c;
        var digits = phone.Count(char.IsDigit);
        return c.When(digits is < 7 or > 12 || phone.Any(ch => !char.IsDigit(ch) && ch != '-' && ch != ' ' && ch != '+'),
            field, "invalid_phone", "联系电话格式不正确", "The phone number is not valid");
    }

    public static Check NotPetition(this Check c, Channel? channel, bool? isPetitionMatter) =>
        c.When(channel == Channel.Petition || isPetitionMatter == true, channel == Channel.Petition ? "channel" : "isPetitionMatter", "petition",
            "信访事项不属于“民生大莞家”受理范围，请引导当事人通过信访渠道依法反映（R-PL-09）",
            "Petition (信访) matters are not accepted as programme items; they go through the petition channel (R-PL-09)");

    /// <summary>
    /// A wish entered at intake (R-MW-06) carries what is known of it, checked as the committee's decision checks it;
    /// it is daily business: concentrated collection gathers micro-projects for the year's plan (R-IN-02).
    /// </summary>
    public static Check WishIntake(this Check c, MicroWishes.CreateWish.Details? wish, CollectionKind? collection)
    {
        if (wish is null) return c;
        c.When(collection == CollectionKind.Concentrated, "collection", "wish_not_concentrated",
            "集中征集用于征集年度“民生微实事”项目；微心愿请按日常征集录入", "Concentrated collection gathers micro-projects; enter a wish as daily collection");
        return MicroWishes.CreateWish.CheckDetails(c.Prefix("wish."), wish).Prefix(null);
    }

    /// <summary>The village of the appeal's location, which must be one the caller may dispatch to.</summary>
    public static async Task<(Organization Village, Organization Town)> VillageAsync(GuanjiaDb db, Guid? villageId, string? villageCode,
        CancellationToken ct)
    {
        var q = db.Organizations.AsNoTracking();
        var village = villageId is { } id ? await q.SingleOrDefaultAsync(o => o.Id == id, ct)
            : villageCode is not null ? await q.SingleOrDefaultAsync(o => o.Code == villageCode, ct) : null;
        var field = villageId is not null ? "villageId" : "villageCode";
        if (village is null || !village.IsVillageLevel || !village.IsActive)
            throw new ValidationFailed(field, "unknown_village", "诉求所在村（社区）不存在", "The village/community of the appeal does not exist");
        if (!db.Actor.Sees(village.Path))
            throw new ValidationFailed(field, "not_in_scope", "该村（社区）不在您的管辖范围内", "That village/community is outside your scope");
        var town = await q.SingleAsync(o => o.Id == village.ParentId, ct);
        return (village, town);
    }
}
