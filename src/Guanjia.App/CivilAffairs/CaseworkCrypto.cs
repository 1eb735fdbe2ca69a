using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;

namespace Guanjia.App.CivilAffairs;

/// <summary>
/// Encrypts the casework's sensitive columns (ID numbers, health, income) with AES-256-GCM and computes the keyed hash
/// (HMAC-SHA256) that finds a person by ID number without decrypting the table (ADR 0024).
/// <para>
/// Configuration <c>CivilAffairs:Encryption</c>: <c>Keys</c> (id → base64 of 32 bytes; every key ever used stays listed
/// so old ciphertexts stay readable), <c>CurrentKey</c> (the id new values are encrypted with) and <c>LookupKey</c>
/// (base64, 32 bytes; it is not rotated, since the hashes of every file depend on it). A ciphertext is
/// <c>v1:{keyId}:{base64(nonce | ciphertext | tag)}</c>, so each value names the key that opens it.
/// </para>
/// </summary>
public sealed class CaseworkCrypto
{
    public const string Section = "CivilAffairs:Encryption";
    private readonly Dictionary<string, byte[]> _keys;
    private readonly string _current;
    private readonly byte[] _lookup;

    public CaseworkCrypto(IReadOnlyDictionary<string, byte[]> keys, string current, byte[] lookup)
    {
        _keys = new Dictionary<string, byte[]>(keys, StringComparer.Ordinal);
        _current = current;
        _lookup = lookup;
        if (!_keys.TryGetValue(current, out var k) || k.Length != 32)
            throw new InvalidOperationException($"{Section}:CurrentKey '{current}' is not among {Section}:Keys as 32 bytes of base64");
        if (_keys.Values.Any(v => v.Length != 32)) throw new InvalidOperationException($"Every key of {Section}:Keys must be 32 bytes of base64");
        if (lookup.Length < 32) throw new InvalidOperationException($"{Section}:LookupKey must be at least 32 bytes of base64");
    }

    public string CurrentKeyId => _current;

    /// <summary>Reads the keys; without them the host does not start (the message says what to set).</summary>
    public static CaseworkCrypto From(IConfiguration config)
    {
        var s = config.GetSection(Section);
        var keys = s.GetSection("Keys").GetChildren()
            .Where(c => !string.IsNullOrWhiteSpace(c.Value))
            .ToDictionary(c => c.Key, c => Decode($"{Section}:Keys:{c.Key}", c.Value!));
        var current = s["CurrentKey"];
        var lookup = s["LookupKey"];
        if (keys.Count == 0 || string.IsNullOrWhiteSpace(current) || string.IsNullOrWhiteSpace(lookup))
            throw new InvalidOperationException(
                $"The civil-affairs casework encrypts ID numbers, health and income at rest and needs its keys: set {Section}:Keys:<id> " +
                $"(base64 of 32 random bytes, e.g. `openssl rand -base64 32`), {Section}:CurrentKey (that id) and {Section}:LookupKey " +
                $"(base64 of 32 random bytes) in configuration or environment variables (CivilAffairs__Encryption__Keys__k1=…). " +
                "Development and the tests use the key in appsettings.Development.json; see docs/civil-affairs.md.");
        return new CaseworkCrypto(keys, current, Decode($"{Section}:LookupKey", lookup));
    }

    private static byte[] Decode(string name, string value)
    {
        try { return Convert.FromBase64String(value.Trim()); }
        catch (FormatException) { throw new InvalidOperationException($"{name} is not base64"); }
    }

    public string Protect(string plain)
    {
        var key = _keys[_current];
        var data = Encoding.UTF8.GetBytes(plain);
        var output = new byte[12 + data.Length + 16];
        var nonce = output.AsSpan(0, 12);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, 16);
        aes.Encrypt(nonce, data, output.AsSpan(12, data.Length), output.AsSpan(12 + data.Length, 16), Aad(_current));
        return $"v1:{_current}:{Convert.ToBase64String(output)}";
    }

    public string? ProtectOptional(string? plain) => string.IsNullOrEmpty(plain) ? null : Protect(plain);

    public string Unprotect(string cipher)
    {
        var parts = cipher.Split(':', 3);
        if (parts.Length != 3 || parts[0] != "v1") throw new CryptographicException("Not a casework ciphertext");
        if (!_keys.TryGetValue(parts[1], out var key))
            throw new CryptographicException($"The key '{parts[1]}' that encrypted this value is no longer configured");
        var bytes = Convert.FromBase64String(parts[2]);
        var length = bytes.Length - 28;
        var plain = new byte[length];
        using var aes = new AesGcm(key, 16);
        aes.Decrypt(bytes.AsSpan(0, 12), bytes.AsSpan(12, length), bytes.AsSpan(12 + length, 16), plain, Aad(parts[1]));
        return Encoding.UTF8.GetString(plain);
    }

    public string? UnprotectOptional(string? cipher) => cipher is null ? null : Unprotect(cipher);

    /// <summary>The key id a value was encrypted with (for re-encryption after a rotation).</summary>
    public static string KeyIdOf(string cipher) => cipher.Split(':', 3) is [_, var id, _] ? id : "";

    /// <summary>Keyed hash of the normalised document number (kind + number), hex.</summary>
    public string LookupHash(Domain.CivilAffairs.DocumentKind kind, string number) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_lookup, Encoding.UTF8.GetBytes($"{(int)kind}:{number}")));

    private static byte[] Aad(string keyId) => Encoding.UTF8.GetBytes("guanjia-casework:" + keyId);
}
