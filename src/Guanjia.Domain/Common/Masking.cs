namespace Guanjia.Domain.Common;

/// <summary>Masks residents' personal data for public output and logs (R-PL-07).</summary>
public static class Masking
{
    public static string Phone(string? phone)
    {
        if (string.IsNullOrEmpty(phone)) return "";
        var digits = phone.Trim();
        return digits.Length <= 4 ? new string('*', digits.Length) : $"{digits[..Math.Min(3, digits.Length - 4)]}****{digits[^4..]}";
    }

    public static string Name(string? name)
    {
        if (string.IsNullOrEmpty(name)) return "";
        return name.Length == 1 ? "*" : name[0] + new string('*', name.Length - 1);
    }
}
