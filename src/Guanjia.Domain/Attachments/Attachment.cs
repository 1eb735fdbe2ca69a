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
}
