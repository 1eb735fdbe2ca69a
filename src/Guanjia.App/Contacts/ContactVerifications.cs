using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Guanjia.App.Persistence;
using Guanjia.Domain.Common;
using Guanjia.Domain.Contacts;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Contacts;

/// <summary>
/// A one-time code to a mobile phone proves the public caller can be reached there: a claim on the board
/// (R-RT-03) or an online survey answer. The code goes out through the outbox like every other message;
/// only its hash is kept. At most one code a minute and five an hour per phone and purpose.
/// </summary>
public static partial class ContactVerifications
{
    public sealed record Request(string? Phone, VerificationPurpose? Purpose);

    public sealed record Sent(DateTimeOffset ExpiresAt, DateTimeOffset ResendAfter, string? DevelopmentCode);

    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan ResendGap = TimeSpan.FromSeconds(60);
    public const int PerHour = 5;

    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial Regex Mobile();

    public static Check MobilePhone(this Check c, string field, string? phone) => c
        .When(string.IsNullOrWhiteSpace(phone), field, "required", "请填写手机号码", $"{field} is required")
        .When(!string.IsNullOrWhiteSpace(phone) && !Mobile().IsMatch(phone.Trim()), field, "invalid", "手机号码须为11位大陆手机号", "Use an 11-digit mainland mobile number");

    public static string PhoneHash(string phone) => ContactVerification.Hash("phone:" + phone.Trim());

    /// <param name="echo">Development only: return the code too, for a demo without an SMS gateway.</param>
    public static async Task<Sent> RequestAsync(GuanjiaDb db, TimeProvider clock, Request r, bool echo, CancellationToken ct)
    {
        new Check()
            .MobilePhone("phone", r.Phone)
            .When(r.Purpose is null || !Enum.IsDefined(r.Purpose.Value), "purpose", "required", "请选择验证用途（Claim 认领、Survey 测评）", "purpose must be Claim or Survey")
            .ThrowIfFailed();
        var now = clock.GetUtcNow();
        var hash = PhoneHash(r.Phone!);
        var hourAgo = now.AddHours(-1);
        var recent = await db.ContactVerifications.AsNoTracking()
            .Where(v => v.PhoneHash == hash && v.Purpose == r.Purpose && v.CreatedAt > hourAgo)
            .Select(v => v.CreatedAt).ToListAsync(ct);
        if (recent.Count > 0 && recent.Max() + ResendGap > now)
            throw new TooManyRequests("验证码已发送，请1分钟后再试", "A code was just sent; try again in a minute", recent.Max() + ResendGap - now);
        if (recent.Count >= PerHour)
            throw new TooManyRequests("该号码本小时获取验证码次数过多，请稍后再试", "Too many codes for this number this hour", recent.Min().AddHours(1) - now);

        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6");
        var v = new ContactVerification
        {
            Id = Guid.CreateVersion7(), Purpose = r.Purpose!.Value, PhoneHash = hash, CreatedAt = now, ExpiresAt = now + Lifetime, CodeHash = "",
        };
        v.CodeHash = ContactVerification.HashCode(v.Id, code);
        db.ContactVerifications.Add(v);
        var what = r.Purpose == VerificationPurpose.Claim ? "认领“莞家直达”项目" : "参与满意度测评";
        db.ContactMessages.Add(new ContactMessage
        {
            Id = Guid.CreateVersion7(), Kind = "VerificationCode", Recipient = r.Phone!.Trim(), State = ContactMessageState.Pending,
            Body = $"【民生大莞家】您正在{what}，验证码{code}，10分钟内有效。如非本人操作，请忽略本短信。", CreatedAt = now, NextAttemptAt = now,
        });
        // No audit entry: the public caller is anonymous and the row holds nothing but hashes.
        await db.SaveChangesAsync(ct);
        return new Sent(v.ExpiresAt, now + ResendGap, echo ? code : null);
    }

    /// <summary>
    /// Checks the latest code for this phone and purpose and marks it used. A wrong code counts against
    /// the code's five attempts, and that count is saved even though the request fails.
    /// </summary>
    public static async Task<ContactVerification> ConsumeAsync(GuanjiaDb db, TimeProvider clock, string phone, VerificationPurpose purpose, string? code,
        CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var hash = PhoneHash(phone);
        var v = await db.ContactVerifications.Where(x => x.PhoneHash == hash && x.Purpose == purpose && x.UsedAt == null)
            .OrderByDescending(x => x.CreatedAt).FirstOrDefaultAsync(ct);
        if (v is null || v.ExpiresAt < now)
            throw new ValidationFailed("code", "expired", "验证码无效或已过期，请重新获取", "No valid code for this phone; request a new one");
        if (v.Attempts >= ContactVerification.MaxAttempts)
            throw new ValidationFailed("code", "too_many_attempts", "验证码错误次数过多，请重新获取", "Too many wrong codes; request a new one");
        var given = ContactVerification.HashCode(v.Id, code?.Trim() ?? "");
        if (!CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(given), System.Text.Encoding.ASCII.GetBytes(v.CodeHash)))
        {
            await db.ContactVerifications.Where(x => x.Id == v.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Attempts, x => x.Attempts + 1), ct);
            throw new ValidationFailed("code", "wrong", "验证码不正确", "The code is wrong");
        }
        v.UsedAt = now;
        return v;
    }
}
