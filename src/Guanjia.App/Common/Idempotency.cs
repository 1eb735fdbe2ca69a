using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Guanjia.App.Persistence;
using Guanjia.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Common;

/// <summary>A create already done under an Idempotency-Key; a retry answers with the same resource.</summary>
[NotAudited]
public sealed class IdempotencyRecord
{
    public Guid Id { get; set; }
    public required string CallerKey { get; set; }
    public required string Key { get; set; }
    public required string Operation { get; set; }
    public required string RequestHash { get; set; }
    public Guid ResourceId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// Saved in the same transaction as the resource it created, so a retry after a lost answer finds
/// either both or neither. A key reused for a different request is refused.
/// </summary>
public static class Idempotency
{
    public static string Hash(object request) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(request))));

    private static string Caller(Actor a) => a.Id?.ToString("N") ?? a.Name;

    /// <summary>The resource made earlier under this key, or null when the key is new (or absent).</summary>
    public static async Task<Guid?> FindAsync(GuanjiaDb db, string? key, string operation, string requestHash, CancellationToken ct)
    {
        if (key is null) return null;
        new Check().When(key.Length is 0 or > 100, "Idempotency-Key", "invalid", "Idempotency-Key 长度须在1到100之间",
            "Idempotency-Key must be 1 to 100 characters").ThrowIfFailed();
        var caller = Caller(db.Actor);
        var row = await db.IdempotencyRecords.AsNoTracking().SingleOrDefaultAsync(r => r.CallerKey == caller && r.Key == key, ct);
        if (row is null) return null;
        if (row.Operation != operation || row.RequestHash != requestHash)
            throw new Conflict("该 Idempotency-Key 已用于另一个不同的请求", "This Idempotency-Key was used for a different request");
        return row.ResourceId;
    }

    public static void Remember(GuanjiaDb db, string? key, string operation, string requestHash, Guid resourceId, DateTimeOffset now)
    {
        if (key is null) return;
        db.IdempotencyRecords.Add(new IdempotencyRecord
        {
            Id = Guid.CreateVersion7(), CallerKey = Caller(db.Actor), Key = key, Operation = operation,
            RequestHash = requestHash, ResourceId = resourceId, CreatedAt = now,
        });
    }
}
