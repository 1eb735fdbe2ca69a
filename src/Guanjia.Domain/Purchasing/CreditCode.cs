namespace Guanjia.Domain.Purchasing;

/// <summary>
/// 统一社会信用代码 (GB 32100-2015): 18 characters from 0-9 and the capital letters without I, O, Z, S, V; the last is a
/// check character computed from the first 17 with the weights 3^i mod 31. R-PS-01: a contractor is registered under it.
/// </summary>
public static class CreditCode
{
    /// <summary>The 31 characters in the order of their values 0..30.</summary>
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>Upper case, without the spaces people type in long numbers.</summary>
    public static string Normalize(string? code) => (code ?? "").Replace(" ", "", StringComparison.Ordinal).Trim().ToUpperInvariant();

    /// <summary>The check character for the first 17 characters, or null when one of them is not in the alphabet.</summary>
    public static char? CheckCharacter(string first17)
    {
        if (first17.Length < 17) return null;
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var v = Alphabet.IndexOf(first17[i], StringComparison.Ordinal);
            if (v < 0) return null;
            sum += v * Weights[i];
        }
        var c = 31 - sum % 31;
        return Alphabet[c == 31 ? 0 : c];
    }

    /// <summary>Why a code is wrong (in Chinese and English), or null when it is a valid code.</summary>
    public static (string Code, string Zh, string En)? Problem(string? raw)
    {
        var code = Normalize(raw);
        if (code.Length != 18)
            return ("invalid_length", "统一社会信用代码应为18位", "A unified social credit code has 18 characters (GB 32100)");
        var bad = code.FirstOrDefault(ch => Alphabet.IndexOf(ch, StringComparison.Ordinal) < 0);
        if (bad != default)
            return ("invalid_character", $"统一社会信用代码含有不允许的字符“{bad}”（不使用I、O、Z、S、V）",
                $"'{bad}' is not allowed in a unified social credit code (no I, O, Z, S, V)");
        var check = CheckCharacter(code[..17]);
        return check == code[17] ? null
            : ("check_character", $"统一社会信用代码校验码不正确：第18位应为“{check}”", $"The check character is wrong: the 18th character should be '{check}' (GB 32100)");
    }

    public static bool IsValid(string? code) => Problem(code) is null;
}
