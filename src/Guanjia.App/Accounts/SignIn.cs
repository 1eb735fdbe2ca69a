using Guanjia.App.Persistence;
using Guanjia.Domain.Accounts;
using Guanjia.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Accounts;

public sealed class SignInFailed(string code, string zh, string en, DateTimeOffset? lockedUntil = null) : DomainProblem(code, zh, en)
{
    public DateTimeOffset? LockedUntil { get; } = lockedUntil;
}

/// <summary>
/// Checks a password. Wrong passwords count towards a lockout; the count and the lockout are saved as
/// audited changes of the user, so the audit trail shows both. Runs as the system actor: nobody is
/// signed in yet.
/// </summary>
public static class SignIn
{
    public sealed record Request(string? UserName, string? Password);

    public static async Task<User> HandleAsync(GuanjiaDb db, Passwords passwords, TimeProvider clock, LockoutPolicy policy,
        Request r, CancellationToken ct)
    {
        new Check().Required("userName", r.UserName, "用户名", "User name").Required("password", r.Password, "密码", "Password").ThrowIfFailed();
        // Parallel attempts on one account race on its counters; each retry re-reads them, so every
        // wrong password counts and parallel guessing cannot slip past the lockout.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await AttemptAsync(db, passwords, clock, policy, r, ct);
            }
            catch (DbUpdateConcurrencyException) when (attempt < 10)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private static async Task<User> AttemptAsync(GuanjiaDb db, Passwords passwords, TimeProvider clock, LockoutPolicy policy,
        Request r, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var user = await db.Users.FirstOrDefaultAsync(u => u.UserName == r.UserName!.Trim(), ct);
        if (user is null || !user.IsActive)
            throw new SignInFailed("invalid_credentials", "用户名或密码错误", "Wrong user name or password");
        if (user.IsLockedAt(now))
            throw new SignInFailed("locked", $"密码错误次数过多，账号已锁定至 {Domain.Calendar.ChinaTime.ToLocal(user.LockedUntil!.Value):HH:mm}",
                "Too many wrong passwords; the account is locked for now", user.LockedUntil);
        if (!passwords.Verify(user, r.Password!, out var rehash))
        {
            var locked = policy.RegisterFailure(user, now);
            await db.Audit(locked ? "LockedOut" : "SignInFailed").By(ActorFactory.ForUser(user)).SaveChangesAsync(ct);
            throw locked
                ? new SignInFailed("locked", $"密码连续错误 {policy.MaxFailures} 次，账号已锁定 {policy.Duration.TotalMinutes:0} 分钟",
                    $"{policy.MaxFailures} wrong passwords in a row; the account is locked for {policy.Duration.TotalMinutes:0} minutes", user.LockedUntil)
                : new SignInFailed("invalid_credentials", "用户名或密码错误", "Wrong user name or password");
        }
        if (rehash) user.PasswordHash = passwords.Hash(user, r.Password!);
        user.FailedSignIns = 0;
        user.LockedUntil = null;
        user.LastSignInAt = now;
        await db.Audit("SignIn").By(ActorFactory.ForUser(user)).SaveChangesAsync(ct);
        return user;
    }
}
