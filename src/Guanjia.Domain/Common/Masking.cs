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

    /// <summary>
    /// Masks, inside free text, people's names (found by <see cref="PersonNames"/>), phone numbers (runs of 7 or more
    /// digits) and 18-character ID numbers (R-PL-07). Quantities and amounts ("3栋", "200米", "5万元") are left alone.
    /// </summary>
    public static string FreeText(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        foreach (var name in PersonNames.Find(text))
            text = text.Replace(name, Name(name), StringComparison.Ordinal);
        return Numbers(text);
    }

    /// <summary>An 18-character ID number standing on its own (not inside a longer run or one of the product's numbers).</summary>
    private static readonly System.Text.RegularExpressions.Regex IdNumber =
        new(@"(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])", System.Text.RegularExpressions.RegexOptions.Compiled);

    /// <summary>
    /// A phone-shaped run: 3 digits, 3–6 digits, spaces or hyphens, 4 digits. Not after a Latin letter, so the product's
    /// own numbers (MS2026-000008, tracking and document numbers, which all start with letters) are left alone.
    /// </summary>
    private static readonly System.Text.RegularExpressions.Regex PhoneRun =
        new(@"(?<![\dA-Za-z])(\d{3})[\d\- ]{3,6}(\d{4})(?![\dA-Za-z])", System.Text.RegularExpressions.RegexOptions.Compiled);

    /// <summary>
    /// The one rule for phone and ID numbers inside free text (ADR 0033): what read-only roles and public output see in a
    /// description, a note, a decision. Names and house numbers are left to <see cref="FreeText"/> and <see cref="Published"/>.
    /// </summary>
    public static string Numbers(string? text)
    {
        if (string.IsNullOrEmpty(text)) return text ?? "";
        var idMasked = IdNumber.Replace(text, m => m.Value[..6] + "********" + m.Value[^4..]);
        return PhoneRun.Replace(idMasked, "$1****$2");
    }

    /// <summary>
    /// Masks what the system knows is personal — every person the record names: the appellant, the beneficiary, contacts,
    /// claimants who are individuals, an implementing body that is a person — wherever it appears in text staff wrote,
    /// then people's names, phone, ID and house numbers generally (R-PL-07).
    /// </summary>
    public static string Published(string? text, params string?[] personal)
    {
        if (string.IsNullOrEmpty(text)) return "";
        foreach (var p in personal.Where(p => !string.IsNullOrWhiteSpace(p) && p.Trim().Length >= 2).Select(p => p!.Trim()).Distinct()
                     .OrderByDescending(p => p.Length))
            text = text.Replace(p, new string('*', Math.Min(p.Length, 6)), StringComparison.Ordinal);
        return HouseNumbers(FreeText(text));
    }

    private const string Unit = "(?:号楼|号院|号|栋|幢|座|室|单元|房)";

    private static readonly System.Text.RegularExpressions.Regex HouseNumber =
        new($@"\d+(?:[-－之]\d+)*\s*{Unit}(?:\s*\d+(?:[-－]\d+)*\s*{Unit})*", System.Text.RegularExpressions.RegexOptions.Compiled);

    private static readonly System.Text.RegularExpressions.Regex UnitWord = new(Unit, System.Text.RegularExpressions.RegexOptions.Compiled);

    /// <summary>A number right after one of these is a door number: "新村路18号", "三组5号".</summary>
    private static readonly string[] StreetWords = ["路", "街", "道", "巷", "弄", "里", "村", "组", "坊", "围"];

    /// <summary>
    /// Hides door, building and room numbers that locate a home ("光明路12号3栋501室", "新村路18号", "502室") wherever
    /// published text carries them, and leaves counts alone: "新建3栋", "3号楼前", "3室2厅", "12月5号" stay as written.
    /// An address is a chain of two or more units, a number right after a street or village word, or a room of three or
    /// more digits.
    /// </summary>
    public static string HouseNumbers(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        return HouseNumber.Replace(text, m =>
        {
            var units = UnitWord.Count(m.Value);
            var before = text[..m.Index].TrimEnd();
            var afterStreet = StreetWords.Any(w => before.EndsWith(w, StringComparison.Ordinal));
            var room = System.Text.RegularExpressions.Regex.IsMatch(m.Value, @"^\d{3,}\s*(?:室|房)$");
            return units >= 2 || afterStreet || room ? "**" + m.Value.TrimEnd()[^1] : m.Value;
        });
    }
}
