using System.Security.Cryptography;
using System.Text;
using Guanjia.App.Persistence;
using Guanjia.Domain.Accounts;
using Guanjia.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Accounts;

public sealed record ApiTokenView(Guid Id, string Name, string Prefix, Guid OrganizationId, IReadOnlyList<string> Permissions,
    DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt);

/// <summary>The token is shown once, at creation; afterwards only its hash and first characters exist.</summary>
public sealed record IssuedToken(ApiTokenView Token, string Secret);

/// <summary>Tokens for system integrations such as the 12345 hotline: hashed, scoped, revocable.</summary>
public static class ApiTokens
{
    public const string SecretPrefix = "gj_";

    public sealed record Create(string? Name, Guid? OrganizationId, IReadOnlyList<string>? Permissions, DateTimeOffset? ExpiresAt);

    public static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static ApiTokenView ToView(ApiToken t) =>
        new(t.Id, t.Name, t.Prefix, t.OrganizationId, t.PermissionList, t.CreatedAt, t.ExpiresAt, t.RevokedAt, t.LastUsedAt);

    public static async Task<IssuedToken> CreateAsync(GuanjiaDb db, TimeProvider clock, Create r, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var check = new Check()
            .Required("name", r.Name, "名称", "Name").MaxLength("name", r.Name, 100, "名称", "Name")
            .When(r.Permissions is null || r.Permissions.Count == 0, "permissions", "required", "请至少授予一项权限", "Grant at least one permission")
            .When(r.ExpiresAt is { } e && e <= now, "expiresAt", "in_past", "过期时间必须晚于现在", "expiresAt must be in the future");
        foreach (var p in r.Permissions ?? [])
            check.When(!Permissions.GrantableToTokens.Contains(p), "permissions", "not_grantable",
                $"不能授予接口令牌“{p}”权限", $"'{p}' cannot be granted to an API token");
        var org = r.OrganizationId is { } oid ? await db.Organizations.FirstOrDefaultAsync(o => o.Id == oid, ct) : null;
        check.When(org is null, "organizationId", "unknown_organization", "所属组织不存在", "The organisation does not exist");
        if (org is not null) check.When(!db.Actor.Sees(org.Path), "organizationId", "outside_scope", "该组织不在您的管理范围内", "The organisation is outside your scope");
        check.ThrowIfFailed();

        var secret = SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var token = new ApiToken
        {
            Id = Guid.CreateVersion7(),
            Name = r.Name!.Trim(),
            Prefix = secret[..10],
            TokenHash = HashOf(secret),
            OrganizationId = org!.Id,
            // A city-level integration (the 12345 hotline) files appeals anywhere in its own city: the jurisdiction's root (ADR 0040).
            ScopePath = org.Kind is Domain.Organizations.OrganizationKind.City or Domain.Organizations.OrganizationKind.CityDepartment
                ? Domain.Jurisdictions.Jurisdiction.RootOf(org.Path) : org.Path,
            Permissions = string.Join(' ', r.Permissions!.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)),
            CreatedAt = now,
            CreatedBy = db.Actor.Id,
            ExpiresAt = r.ExpiresAt,
        };
        db.ApiTokens.Add(token);
        await db.Audit("CreateApiToken").SaveChangesAsync(ct);
        return new IssuedToken(ToView(token), secret);
    }

    public static async Task<Paged<ApiTokenView>> ListAsync(GuanjiaDb db, int page, int pageSize, CancellationToken ct)
    {
        new PageRequest(page, pageSize).Validate();
        var q = db.ApiTokens.AsNoTracking();
        var total = await q.CountAsync(ct);
        var items = await q.OrderByDescending(t => t.CreatedAt).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new Paged<ApiTokenView>(items.Select(ToView).ToList(), page, pageSize, total);
    }

    public static async Task<ApiTokenView> RevokeAsync(GuanjiaDb db, TimeProvider clock, Guid id, string? reason, CancellationToken ct)
    {
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == id, ct)
            ?? throw new NotFound("ApiToken", "找不到该令牌", "Token not found");
        if (token.RevokedAt is null)
        {
            token.RevokedAt = clock.GetUtcNow();
            await db.Audit("RevokeApiToken", reason).SaveChangesAsync(ct);
        }
        return ToView(token);
    }

    /// <summary>Finds a usable token by its secret; runs unscoped because the caller is not known yet.</summary>
    public static async Task<ApiToken?> AuthenticateAsync(GuanjiaDb db, TimeProvider clock, string secret, CancellationToken ct)
    {
        if (!secret.StartsWith(SecretPrefix, StringComparison.Ordinal)) return null;
        var hash = HashOf(secret);
        var token = await db.ApiTokens.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(t => t.TokenHash == hash, ct);
        return token is not null && token.IsUsableAt(clock.GetUtcNow()) ? token : null;
    }
}
