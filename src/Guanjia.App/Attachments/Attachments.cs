using System.Security.Cryptography;
using Guanjia.App.MicroProjects;
using Guanjia.App.Persistence;
using Guanjia.Domain.Accounts;
using Guanjia.Domain.Attachments;
using Guanjia.Domain.Common;
using Guanjia.Domain.MicroProjects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Guanjia.App.Attachments;

public sealed record AttachmentLimits(long MaxBytes)
{
    public static AttachmentLimits From(IConfiguration c) => new(c.GetValue("Attachments:MaxBytes", 20L * 1024 * 1024));
}

/// <summary>Stores a typed, size-limited file with its record (R-PL-05), in the same database and transaction as its listing.</summary>
public static class UploadAttachment
{
    public sealed record Request(AttachmentKind? Kind, string? FileName, string? ContentType, long Length, Stream Content);

    public static async Task<AttachmentView> ToProjectAsync(GuanjiaDb db, TimeProvider clock, AttachmentLimits limits, Guid projectId, Request r,
        CancellationToken ct)
    {
        var p = await db.MicroProjects.AsNoTracking().SingleOrDefaultAsync(x => x.Id == projectId, ct)
            ?? throw new NotFound("MicroProject", "项目不存在或不在您的管辖范围内", "The project does not exist or is outside your scope");
        if (!db.Actor.Has(Permissions.ProjectsVillage) && !db.Actor.Has(Permissions.ProjectsTown) && !db.Actor.Has(Permissions.ProjectsOpinion))
            throw new Forbidden("您的角色不能上传项目材料", "Your role may not upload project documents");
        // The audit report of a closed project's final accounts comes after closing (R-MS-19); nothing else does.
        if (ProjectWorkflow.IsTerminal(p.State) && !(p.State == ProjectState.Closed && r.Kind == AttachmentKind.AuditReport && p.FinalAccountsAt is null))
            throw new Conflict("项目已办结，不能再上传材料", "The project is closed; no more documents can be added");
        return ProjectQueries.ToView(await StoreAsync(db, clock, limits, "MicroProject", p.Id, p.ScopePath, r, ct));
    }

    /// <summary>
    /// Checks kind, name, size and content, then stores the file with its owner record (any module's), in the
    /// owner's scope. The caller has already checked that the owner exists, is in scope and takes files.
    /// </summary>
    public static async Task<Attachment> StoreAsync(GuanjiaDb db, TimeProvider clock, AttachmentLimits limits, string ownerType, Guid ownerId,
        string scopePath, Request r, CancellationToken ct)
    {
        var a = await AddAsync(db, clock, limits, ownerType, ownerId, scopePath, r, "file", ct);
        await db.Audit("UploadAttachment").SaveChangesAsync(ct);
        return a;
    }

    /// <summary>
    /// The checks and the rows of <see cref="StoreAsync"/> without saving, for a use case that saves the file in
    /// the same transaction as its owner; <paramref name="field"/> names the file in any error.
    /// </summary>
    public static async Task<Attachment> AddAsync(GuanjiaDb db, TimeProvider clock, AttachmentLimits limits, string ownerType, Guid ownerId,
        string scopePath, Request r, string field, CancellationToken ct, Func<string, byte[], byte[]>? transform = null)
    {
        var ext = Path.GetExtension(r.FileName ?? "");
        new Check()
            .When(r.Kind is null || !Enum.IsDefined(r.Kind.Value), "kind", "required", "请选择材料类型", "kind is required")
            .Required(field, r.FileName, "文件", "File")
            .MaxLength(field, r.FileName, 200, "文件名", "File name")
            .When(r.Length == 0, field, "empty", "文件为空", "The file is empty")
            .When(r.Length > limits.MaxBytes, field, "too_large", $"文件不能超过{limits.MaxBytes / 1024 / 1024}MB", $"The file must be at most {limits.MaxBytes / 1024 / 1024} MB")
            .When(r.FileName is not null && !AttachmentRules.Types.ContainsKey(ext), field, "type_not_allowed",
                "只能上传 PDF、图片（JPG/PNG/WEBP）、Word 或 Excel 文件", "Only PDF, images (JPG/PNG/WEBP), Word or Excel files are accepted")
            .ThrowIfFailed();
        using var buffer = new MemoryStream();
        await r.Content.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        new Check().When(!AttachmentRules.LooksLike(ext, bytes.AsSpan(0, Math.Min(16, bytes.Length))), field, "content_mismatch",
            "文件内容与扩展名不符", "The file's content does not match its extension").ThrowIfFailed();
        if (AttachmentRules.ContentProblem(ext, bytes) is { } problem)
            throw new ValidationFailed([new FieldError(field, problem, problem == "pdf_with_html"
                    ? "PDF 文件中含有网页代码，不能上传" : "Office 文件已损坏或解压后过大（条目过多或超过100MB）",
                problem == "pdf_with_html" ? "The PDF carries HTML or script" : "The Office file is damaged or expands too far (too many entries or over 100 MB)")]);
        var contentType = AttachmentRules.Types[ext];
        if (transform is not null) bytes = transform(contentType, bytes);
        var a = new Attachment
        {
            Id = Guid.CreateVersion7(), OwnerType = ownerType, OwnerId = ownerId, ScopePath = scopePath, Kind = r.Kind!.Value,
            FileName = StoredText.Clean(AttachmentRules.SafeFileName(r.FileName!)), ContentType = contentType, Size = bytes.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)), UploadedAt = clock.GetUtcNow(), UploadedById = db.Actor.Id,
            UploadedByName = db.Actor.Name,
        };
        db.Attachments.Add(a);
        db.AttachmentContents.Add(new AttachmentContent { Id = a.Id, Bytes = bytes });
        return a;
    }

    /// <summary>The file, if its record is in the caller's scope.</summary>
    public static async Task<(Attachment Meta, byte[] Bytes)> DownloadAsync(GuanjiaDb db, Guid id, CancellationToken ct)
    {
        var meta = await db.Attachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct)
            ?? throw new NotFound("Attachment", "附件不存在或不在您的管辖范围内", "The attachment does not exist or is outside your scope");
        var bytes = await db.AttachmentContents.AsNoTracking().Where(c => c.Id == id).Select(c => c.Bytes).SingleAsync(ct);
        return (meta, bytes);
    }
}
