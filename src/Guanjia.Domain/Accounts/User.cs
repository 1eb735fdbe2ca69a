using Guanjia.Domain.Common;

namespace Guanjia.Domain.Accounts;

public sealed class User : IScoped, IVersioned
{
    public Guid Id { get; set; }
    public required string UserName { get; set; }
    public required string DisplayName { get; set; }
    public Role Role { get; set; }
    public Guid OrganizationId { get; set; }
    public required string ScopePath { get; set; }

    [Sensitive] public string PasswordHash { get; set; } = "";
    [Sensitive] public string? Phone { get; set; }

    public int FailedSignIns { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
    public DateTimeOffset? LastSignInAt { get; set; }
    public bool IsActive { get; set; } = true;

    /// <summary>Changes when the password or role changes, so old cookies stop working.</summary>
    public string SecurityStamp { get; set; } = Guid.NewGuid().ToString("N");
    public DateTimeOffset CreatedAt { get; set; }
    public int Version { get; set; }

    public bool IsLockedAt(DateTimeOffset now) => LockedUntil is { } until && until > now;
}

public sealed record LockoutPolicy(int MaxFailures, TimeSpan Duration)
{
    public static readonly LockoutPolicy Default = new(5, TimeSpan.FromMinutes(15));

    /// <summary>Records one wrong password; returns true when this failure locks the account.</summary>
    public bool RegisterFailure(User user, DateTimeOffset now)
    {
        user.FailedSignIns++;
        if (user.FailedSignIns < MaxFailures) return false;
        user.LockedUntil = now + Duration;
        user.FailedSignIns = 0;
        return true;
    }
}

/// <summary>A token for a system integration (the 12345 hotline); only its hash is stored.</summary>
public sealed class ApiToken : IScoped, IVersioned
{
    public Guid Id { get; set; }
    public required string Name { get; set; }

    /// <summary>First characters of the token, so an operator can tell tokens apart.</summary>
    public required string Prefix { get; set; }
    [Sensitive] public required string TokenHash { get; set; }
    public Guid OrganizationId { get; set; }
    public required string ScopePath { get; set; }

    /// <summary>Space-separated permissions granted to the token.</summary>
    public required string Permissions { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public Guid? CreatedBy { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
    public int Version { get; set; }

    public IReadOnlyList<string> PermissionList =>
        Permissions.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public bool IsUsableAt(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);
}
