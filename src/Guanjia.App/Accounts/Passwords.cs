using Guanjia.Domain.Accounts;
using Guanjia.Domain.Common;
using Microsoft.AspNetCore.Identity;

namespace Guanjia.App.Accounts;

/// <summary>The framework's PasswordHasher (PBKDF2) plus the password rules users are told about.</summary>
public sealed class Passwords
{
    private readonly PasswordHasher<User> _hasher = new();

    public string Hash(User user, string password) => _hasher.HashPassword(user, password);

    public bool Verify(User user, string password, out bool rehash)
    {
        var result = _hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        rehash = result == PasswordVerificationResult.SuccessRehashNeeded;
        return result != PasswordVerificationResult.Failed;
    }

    private readonly Lazy<User> _nobody = new(() =>
    {
        var u = new User { UserName = "", DisplayName = "", ScopePath = "", PasswordHash = "" };
        u.PasswordHash = new PasswordHasher<User>().HashPassword(u, Guid.NewGuid().ToString("N"));
        return u;
    });

    /// <summary>Hashes the password against a hash nobody has, for an unknown user name: the answer takes as long as for a known one.</summary>
    public void VerifyNothing(string password) => _hasher.VerifyHashedPassword(_nobody.Value, _nobody.Value.PasswordHash, password);

    public static void Validate(Check check, string field, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            check.Add(field, "required", "密码不能为空", "Password is required");
            return;
        }
        check.When(password.Length < 8 || !password.Any(char.IsLetter) || !password.Any(char.IsDigit), field, "weak",
                "密码至少 8 位，且须同时包含字母和数字", "Password needs at least 8 characters with letters and digits")
            .When(password.Length > 128, field, "too_long", "密码不能超过 128 位", "Password must be at most 128 characters");
    }
}
