using System.Globalization;
using Guanjia.Domain.Calendar;

namespace Guanjia.App.Documents;

public enum FileFormat { Docx, Xlsx, Csv, Pdf }

/// <summary>A generated file: its bytes, its kind and the (Chinese) name it is downloaded under.</summary>
public sealed record DocumentFile(byte[] Bytes, FileFormat Format, string FileName)
{
    public string ContentType => ContentTypeOf(Format);

    public static string ContentTypeOf(FileFormat f) => f switch
    {
        FileFormat.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        FileFormat.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        FileFormat.Csv => "text/csv; charset=utf-8",
        _ => "application/pdf",
    };

    public static string Extension(FileFormat f) => f.ToString().ToLowerInvariant();

    /// <summary>A file name from its parts, without the characters file systems refuse.</summary>
    public static string Name(FileFormat f, params string?[] parts)
    {
        var name = Guanjia.Domain.Common.StoredText.Clean(string.Join('-', parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim())));
        name = new string(name.Select(ch => "\\/:*?\"<>|\r\n\t".Contains(ch) ? '_' : ch).ToArray());
        if (name.Length > 80) name = name[..80];
        return $"{name}.{Extension(f)}";
    }
}

/// <summary>How the forms write numbers and dates: money in 万元 (as on the forms), dates in Beijing time.</summary>
public static class FormText
{
    public static string Wan(long? fen) => fen is { } f ? (f / 1_000_000m).ToString("0.####", CultureInfo.InvariantCulture) : "";

    public static string Yuan(long? fen) => fen is { } f ? (f / 100m).ToString("#,##0.00", CultureInfo.InvariantCulture) : "";

    public static string Date(DateTimeOffset? at) => at is { } a ? ChinaTime.ToLocal(a).ToString("yyyy年M月d日", CultureInfo.InvariantCulture) : "    年   月   日";

    public static string Date(DateOnly? d) => d is { } x ? x.ToString("yyyy年M月d日", CultureInfo.InvariantCulture) : "    年   月   日";

    public static string DateTime(DateTimeOffset? at) => at is { } a ? ChinaTime.ToLocal(a).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "";

    /// <summary>Checkboxes in a line: ☑ before the chosen ones, ☐ before the others.</summary>
    public static string Boxes<T>(IEnumerable<(T Value, string Zh)> options, Func<T, bool> on, string gap = "  ") =>
        string.Join(gap, options.Select(o => Docx.Box(on(o.Value)) + o.Zh));
}
