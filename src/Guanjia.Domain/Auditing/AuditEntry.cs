using System.Security.Cryptography;
using System.Text;
using Guanjia.Domain.Common;

namespace Guanjia.Domain.Auditing;

/// <summary>
/// One recorded change (R-PL-04). Entries are append-only and chained: each carries the hash of the
/// one before, so an edited or deleted entry breaks the chain from that point on.
/// </summary>
[NotAudited]
public sealed class AuditEntry : IScoped
{
    public long Seq { get; set; }
    public DateTimeOffset At { get; set; }
    public Guid? ActorId { get; set; }
    public required string ActorName { get; set; }
    public string? ActorRole { get; set; }
    public required string EntityType { get; set; }
    public required string EntityId { get; set; }
    public required string Action { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
    public string? Reason { get; set; }
    public required string ScopePath { get; set; }
    public required string PrevHash { get; set; }
    public string Hash { get; set; } = "";
}

public static class AuditChain
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string ComputeHash(AuditEntry e)
    {
        // Unit separators keep "ab"+"c" and "a"+"bc" apart; UTC ticks avoid provider date formats.
        var text = string.Join('\u001f',
            e.Seq.ToString(System.Globalization.CultureInfo.InvariantCulture),
            e.At.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture),
            e.ActorId?.ToString("N") ?? "", e.ActorName, e.ActorRole ?? "", e.EntityType, e.EntityId, e.Action,
            e.Before ?? "", e.After ?? "", e.Reason ?? "", e.ScopePath, e.PrevHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>Checks entries in sequence order; returns the first broken sequence number, or null.</summary>
    public static long? FirstBreak(IEnumerable<AuditEntry> ordered, ref string prevHash, ref long expectedSeq)
    {
        foreach (var e in ordered)
        {
            // A gap, a wrong link or a wrong hash: the chain is broken at the entry that should be here.
            if (e.Seq != expectedSeq || e.PrevHash != prevHash || ComputeHash(e) != e.Hash) return expectedSeq;
            prevHash = e.Hash;
            expectedSeq++;
        }
        return null;
    }
}
