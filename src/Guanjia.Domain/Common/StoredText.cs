using System.Text;

namespace Guanjia.Domain.Common;

/// <summary>
/// The one rule for text the system stores or writes into a document (ADR 0030): every character must be one that
/// XML 1.0 can carry and that does not change how the text around it reads. Applied once where text enters (the
/// API's JSON reader, uploaded file names) and again in the document writers, for rows stored before the rule.
/// <list type="bullet">
/// <item>vertical tab and form feed (Word's soft line and page breaks) become a line break;</item>
/// <item>NUL and the other C0 controls except tab, line feed and carriage return, and the C1 controls, are removed;</item>
/// <item>noncharacters (U+FFFE, U+FFFF, U+FDD0–U+FDEF and the last two of every plane) are removed;</item>
/// <item>unpaired surrogates are removed (the JSON reader already refuses them as escapes);</item>
/// <item>bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) are removed: they make
/// a tracking number or a file name read differently from what it is.</item>
/// </list>
/// Everything else, Chinese, emoji and rare characters outside the BMP included, is kept as it was; the text is not
/// otherwise normalised (NFC would fold CJK compatibility ideographs used in people's names).
/// </summary>
public static class StoredText
{
    public static bool IsClean(string? s)
    {
        if (string.IsNullOrEmpty(s)) return true;
        for (var i = 0; i < s.Length; i++)
        {
            var ch = s[i];
            if (char.IsHighSurrogate(ch))
            {
                if (i + 1 >= s.Length || !char.IsLowSurrogate(s[i + 1])) return false;
                if (IsNonCharacter(char.ConvertToUtf32(ch, s[i + 1]))) return false;
                i++;
                continue;
            }
            if (Drop(ch) || ch is '\v' or '\f') return false;
        }
        return true;
    }

    /// <summary>The text by the rule; the same instance when it already follows it (the common case costs one scan).</summary>
    public static string Clean(string s)
    {
        if (IsClean(s)) return s;
        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            var ch = s[i];
            if (char.IsHighSurrogate(ch))
            {
                if (i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
                {
                    if (!IsNonCharacter(char.ConvertToUtf32(ch, s[i + 1]))) sb.Append(ch).Append(s[i + 1]);
                    i++;
                }
                continue;
            }
            if (ch is '\v' or '\f') sb.Append('\n');
            else if (!Drop(ch)) sb.Append(ch);
        }
        return sb.ToString();
    }

    public static string? CleanOrNull(string? s) => s is null ? null : Clean(s);

    private static bool Drop(char ch) =>
        (ch < ' ' && ch is not '\t' and not '\n' and not '\r')
        || ch is >= '\u007F' and <= '\u009F'
        || char.IsLowSurrogate(ch) // unpaired: a paired one is consumed with its high surrogate
        || ch is >= '\u202A' and <= '\u202E'
        || ch is >= '\u2066' and <= '\u2069'
        || ch is >= '\uFDD0' and <= '\uFDEF'
        || ch is '\uFFFE' or '\uFFFF';

    private static bool IsNonCharacter(int codePoint) => (codePoint & 0xFFFE) == 0xFFFE;
}
