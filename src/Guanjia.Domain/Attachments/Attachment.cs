using Guanjia.Domain.Common;

namespace Guanjia.Domain.Attachments;

/// <summary>What a file is (R-PL-05); guards ask for kinds, e.g. minutes for a consultation.</summary>
public enum AttachmentKind
{
    Minutes = 1,
    StampedRegistrationForm = 2,
    Contract = 3,
    Invoice = 4,
    Photo = 5,
    ProcurementFiling = 6,
    TenderDocuments = 7,
    SupplierQualification = 8,
    TaxRegistration = 9,
    SurveySheet = 10,
    /// <summary>R-MS-19: the audit report of a project's final accounts, uploaded after it closed.</summary>
    AuditReport = 11,
    /// <summary>R-ST-08: the social-work service point's records of an inclusive service (档案记录).</summary>
    ServiceRecord = 31,
    /// <summary>R-CA-12: a contractor's report (monthly brief, mid-term, final, major event) as filed.</summary>
    Report = 41,
    /// <summary>R-PS-06: the contractor's evidence that a finding was put right.</summary>
    RectificationEvidence = 42,
    Other = 99,
}

/// <summary>A file stored with its record: typed, size-limited and listed on the record (R-PL-05).</summary>
public sealed class Attachment : IScoped
{
    public Guid Id { get; set; }
    public required string OwnerType { get; set; }
    public Guid OwnerId { get; set; }
    public required string ScopePath { get; set; }
    public AttachmentKind Kind { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required string Sha256 { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
    public Guid? UploadedById { get; set; }
    public string? UploadedByName { get; set; }
}

/// <summary>The bytes, apart from the listing so lists never load files.</summary>
[NotAudited]
public sealed class AttachmentContent
{
    public Guid Id { get; set; }
    public required byte[] Bytes { get; set; }
}

public static class AttachmentRules
{
    public static readonly IReadOnlyDictionary<string, string> Types = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".png"] = "image/png",
        [".webp"] = "image/webp",
        [".doc"] = "application/msword",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xls"] = "application/vnd.ms-excel",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    };

    /// <summary>Checks the first bytes against the extension, so a renamed executable is not stored as a photo.</summary>
    public static bool LooksLike(string extension, ReadOnlySpan<byte> head) => extension.ToLowerInvariant() switch
    {
        ".pdf" => head.StartsWith("%PDF"u8),
        ".jpg" or ".jpeg" => head.Length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF,
        ".png" => head.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47 }),
        ".webp" => head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8),
        ".docx" or ".xlsx" => head.StartsWith("PK"u8),
        ".doc" or ".xls" => head.StartsWith(new byte[] { 0xD0, 0xCF, 0x11, 0xE0 }),
        _ => false,
    };

    /// <summary>An Office file is a zip: at most this many entries (a real form has a few dozen) …</summary>
    public const int MaxZipEntries = 1000;

    /// <summary>… expanding to at most this much, counted while expanding (the sizes a zip declares can lie).</summary>
    public const long MaxZipExpandedBytes = 100L * 1024 * 1024;

    /// <summary>
    /// What the first bytes cannot tell (issue 16 defect 5, ADR 0034): a .docx/.xlsx must open as a zip within the bounds
    /// (a zip bomb is refused), and a PDF must not carry HTML or script in its first kilobyte (a %PDF+HTML polyglot, which a
    /// browser sniffing the content would render). Returns null when the content is acceptable, else the reason's code.
    /// </summary>
    public static string? ContentProblem(string extension, byte[] bytes)
    {
        switch (extension.ToLowerInvariant())
        {
            case ".docx" or ".xlsx":
                try
                {
                    using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(bytes, writable: false), System.IO.Compression.ZipArchiveMode.Read);
                    if (zip.Entries.Count > MaxZipEntries) return "zip_too_many_entries";
                    long total = 0;
                    var chunk = new byte[81920];
                    foreach (var entry in zip.Entries)
                    {
                        using var stream = entry.Open();
                        int read;
                        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
                            if ((total += read) > MaxZipExpandedBytes) return "zip_too_large";
                    }
                    return null;
                }
                catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException)
                {
                    return "not_a_valid_office_file";
                }
            case ".pdf":
                var head = System.Text.Encoding.Latin1.GetString(bytes, 0, Math.Min(bytes.Length, 1024));
                return head.Contains("<html", StringComparison.OrdinalIgnoreCase) || head.Contains("<script", StringComparison.OrdinalIgnoreCase)
                    || head.Contains("<!doctype", StringComparison.OrdinalIgnoreCase) || head.Contains("<body", StringComparison.OrdinalIgnoreCase)
                    ? "pdf_with_html" : null;
            default:
                return null;
        }
    }

    /// <summary>
    /// The stored name: the last segment only (either slash), without characters that mean something to a file system or
    /// a header (\ / : * ? " &lt; &gt; | and controls), without leading dots or trailing dots and spaces; the text rule of ADR
    /// 0030 is applied by the caller.
    /// </summary>
    public static string SafeFileName(string name)
    {
        var last = name.Replace('\\', '/').Split('/').Last();
        var cleaned = new string(last.Select(c => c is ':' or '*' or '?' or '"' or '<' or '>' or '|' || char.IsControl(c) ? '_' : c).ToArray())
            .TrimStart('.', ' ').TrimEnd('.', ' ');
        return cleaned.Length == 0 || cleaned.StartsWith('.') ? "file" + cleaned : cleaned;
    }
}
