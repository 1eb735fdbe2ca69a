using System.Globalization;

namespace Guanjia.Domain.CivilAffairs;

/// <summary>The document a person is identified by; most have a resident ID card (GB 11643).</summary>
public enum DocumentKind { ResidentId = 1, HkMacaoTaiwanPermit = 2, Passport = 3, ForeignPermanentResident = 4, Other = 9 }

public enum Sex { Male = 1, Female = 2 }

/// <summary>
/// The citizen identification number of GB 11643-1999: six digits of the area, eight of the birth date, three of
/// the order (odd for men, even for women) and a check digit over ISO 7064 MOD 11-2 (10 written X).
/// </summary>
public static class IdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckChars = "10X98765432";

    public enum Problem { None, Format, BirthDate, CheckDigit }

    public static string Normalize(string? value) => (value ?? "").Trim().ToUpperInvariant();

    public static char CheckDigitOf(string first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (first17[i] - '0') * Weights[i];
        return CheckChars[sum % 11];
    }

    public static Problem Validate(string? value)
    {
        var v = Normalize(value);
        if (v.Length != 18 || !v[..17].All(char.IsAsciiDigit) || !(char.IsAsciiDigit(v[17]) || v[17] == 'X')) return Problem.Format;
        if (BirthDateOf(v) is null) return Problem.BirthDate;
        return CheckDigitOf(v) == v[17] ? Problem.None : Problem.CheckDigit;
    }

    public static DateOnly? BirthDateOf(string v) =>
        DateOnly.TryParseExact(v.Substring(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d.Year >= 1880 ? d : null;

    public static Sex SexOf(string v) => (v[16] - '0') % 2 == 1 ? Sex.Male : Sex.Female;

    /// <summary>Area code and last four kept, the birth date and order hidden: 441900********123X.</summary>
    public static string Mask(string? v)
    {
        var s = Normalize(v);
        if (s.Length < 8) return new string('*', s.Length);
        return s.Length == 18 ? s[..6] + "********" + s[^4..] : s[..2] + new string('*', s.Length - 4) + s[^2..];
    }
}
