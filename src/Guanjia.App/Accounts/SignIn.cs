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
/// Checks a password. Attempts are throttled per address and per account, and wrong passwords lock the pair of
/// address and user name, never the account (ADR 0031); a known user's wrong passwords and the lock are saved as
/// audited changes of the user, so the audit trail shows both. An unknown name is answered like a wrong password,
/// after the same password hashing. Runs as the system actor: nobody is signed in yet.
/// </summary>
public static class SignIn
{
    public sealed record Request(string? UserName, string? Password);

    public static async Task<User> HandleAsync(GuanjiaDb db, Passwords passwords, TimeProvider clock, SignInThrottle throttle,
        string address, Request r, CancellationToken ct)
    {
        new Check().Required("userName", r.UserName, "用户名", "User name").Required("password", r.Password, "密码", "Password").ThrowIfFailed();
        var account = SignInThrottle.AccountKey(r.UserName!);
        throttle.Admit(address, account);
        if (throttle.LockedUntil(address, account) is { } lockedUntil) throw Locked(lockedUntil);
        var now = clock.GetUtcNow();
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.UserName == r.UserName!.Trim(), ct);
        if (user is null || !user.IsActive)
        {
            // The same hashing as for a known name, so the time of the answer does not tell whether the name exists.
            passwords.VerifyNothing(r.Password!);
            throw throttle.Failed(address, account) is { } until ? Locked(until) : WrongPassword();
        }
        if (!passwords.Verify(user, r.Password!, out var rehash))
        {
            // Counted once, whatever the retries of the audited save below.
            var until = throttle.Failed(address, account);
            await SaveAsync(db, user.Id, u => u.FailedSignIns++, until is null ? "SignInFailed" : "LockedOut", ct);
            throw until is { } u ? Locked(u) : WrongPassword();
        }
        var signedIn = await SaveAsync(db, user.Id, u =>
        {
            if (rehash) u.PasswordHash = passwords.Hash(u, r.Password!);
            u.FailedSignIns = 0;
            u.LockedUntil = null;
            u.LastSignInAt = now;
        }, "SignIn", ct);
        throttle.Succeeded(address, account);
        return signedIn;
    }

    /// <summary>
    /// Parallel attempts on one account race on its row; each retry re-reads it, so every wrong password is
    /// recorded in the audit trail.
    /// </summary>
    private static async Task<User> SaveAsync(GuanjiaDb db, Guid id, Action<User> change, string action, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                db.ChangeTracker.Clear();
                var user = await db.Users.SingleAsync(u => u.Id == id, ct);
                change(user);
                // Recorded as the person who tried, not the system (issue 17, point 5).
                await db.Audit(action).By(ActorFactory.ForUser(user)).SaveChangesAsync(ct);
                return user;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 10)
            {
            }
        }
    }

    private static SignInFailed WrongPassword() => new("invalid_credentials", "用户名或密码错误", "Wrong user name or password");

    private static SignInFailed Locked(DateTimeOffset until) =>
        new("locked", $"密码错误次数过多，本设备的登录已暂停至 {Domain.Calendar.ChinaTime.ToLocal(until):HH:mm}",
            "Too many wrong passwords from this address; sign-in from here is paused for a while", until);
}
