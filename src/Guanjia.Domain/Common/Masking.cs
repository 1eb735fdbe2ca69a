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

    /// <summary>Keeps the place up to the road or village group and hides the house number.</summary>
    public static string Address(string? address)
    {
        if (string.IsNullOrEmpty(address)) return "";
        var cut = address.IndexOfAny(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
        var keep = cut < 0 ? Math.Min(address.Length, 6) : cut;
        return address[..keep] + "****";
    }

    /// <summary>Masks phone numbers (runs of 7 or more digits) and 18-character ID numbers inside free text.</summary>
    public static string FreeText(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var idMasked = System.Text.RegularExpressions.Regex.Replace(text, @"\d{17}[\dXx]", m => m.Value[..6] + "********" + m.Value[^4..]);
        return System.Text.RegularExpressions.Regex.Replace(idMasked, @"(?<!\d)(\d{3})[\d\- ]{3,6}(\d{4})(?!\d)", "$1****$2");
    }

    /// <summary>
    /// Masks what the system knows is personal — the appellant's name, phone and address — wherever it
    /// appears in text staff wrote, then phone and ID numbers generally (R-PL-07).
    /// </summary>
    public static string Published(string? text, params string?[] personal)
    {
        if (string.IsNullOrEmpty(text)) return "";
        foreach (var p in personal.Where(p => !string.IsNullOrWhiteSpace(p) && p.Trim().Length >= 2).OrderByDescending(p => p!.Length))
            text = text.Replace(p!.Trim(), new string('*', Math.Min(p.Trim().Length, 6)), StringComparison.Ordinal);
        return HouseNumbers(FreeText(text));
    }

    private const string Unit = "(?:号楼|号院|号|栋|幢|座|室|单元|房)";

    private static readonly System.Text.RegularExpressions.Regex HouseNumber =
        new($@"\d+(?:[-－之]\d+)*\s*{Unit}(?:\s*\d+(?:[-－]\d+)*\s*{Unit})*", System.Text.RegularExpressions.RegexOptions.Compiled);

    /// <summary>Hides door, building and room numbers ("光明路12号3栋501室") wherever published text carries them.</summary>
    public static string HouseNumbers(string? text) =>
        string.IsNullOrEmpty(text) ? "" : HouseNumber.Replace(text, m => "**" + m.Value.TrimEnd()[^1]);
}
