using System.Security.Cryptography;
using System.Text;
using Guanjia.Domain.Common;

namespace Guanjia.Domain.Contacts;

/// <summary>What a verified phone is for; a code for one purpose does not serve another.</summary>
public enum VerificationPurpose { Claim = 1, Survey = 2 }

/// <summary>
/// A one-time code sent to a phone, so the public can claim an item or answer a survey as someone
/// reachable. Only hashes are kept: the code and the phone cannot be read back from this row.
/// </summary>
public sealed class ContactVerification
{
    public Guid Id { get; set; }
    public VerificationPurpose Purpose { get; set; }
    public required string PhoneHash { get; set; }
    public required string CodeHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset? UsedAt { get; set; }

    public const int MaxAttempts = 5;

    public static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
    public static string HashCode(Guid id, string code) => Hash($"{id:N}:{code}");
}

/// <summary>As for appeal messages (ADR 0020): Sent only when a real sender accepted the text; the others say why not.</summary>
public enum ContactMessageState { Pending = 1, Sending = 2, Sent = 3, Failed = 4, Refused = 5, NoChannel = 6, Simulated = 7 }

/// <summary>A text to a phone that belongs to no appeal (a verification code): same outbox rules as appeal messages.</summary>
public sealed class ContactMessage
{
    public Guid Id { get; set; }
    public required string Kind { get; set; }
    [Sensitive] public required string Recipient { get; set; }
    [Sensitive] public required string Body { get; set; }
    public ContactMessageState State { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? Sender { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
}
