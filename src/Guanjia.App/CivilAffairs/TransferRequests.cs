using Guanjia.App.Persistence;
using Guanjia.Domain.Accounts;
using Guanjia.Domain.CivilAffairs;
using Guanjia.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.CivilAffairs;

public sealed record TransferRequestView(Guid Id, TransferState State, string? Answer, DateTimeOffset RequestedAt, DateTimeOffset? AnsweredAt,
    string? FromName, string? Reason, Guid? CaseFileId, string? FileNumber, int Version);

/// <summary>
/// A town that finds a person already on file in another town asks for the file to be handed over. The request is kept
/// in the holding file's scope, so the holding town answers it; the requester sees only the state and the answer. When the
/// holding town accepts, its file is closed as transferred and the requester registers the person anew.
/// </summary>
public static class TransferRequests
{
    public sealed record Create(Guid? VillageId, DocumentKind? DocumentKind, string? DocumentNumber, string? Reason);

    public sealed record Answer(bool? Accept, string? Note, int? Version);

    /// <param name="system">Writes the request into the holding town's scope, which the requester cannot write to.</param>
    public static async Task<TransferRequestView> CreateAsync(GuanjiaDb db, GuanjiaDb system, CaseworkServices s, Create r, CancellationToken ct)
    {
        Casework.Require(db, Permissions.CaseworkRecord);
        var n = IdNumber.Normalize(r.DocumentNumber);
        var c = new Check().Defined("documentKind", r.DocumentKind, "证件类型").Required("documentNumber", n, "证件号码", "Document number")
            .Required("reason", r.Reason, "申请理由", "Reason").MaxLength("reason", r.Reason, 1000, "申请理由", "Reason");
        var village = await Casework.VillageAsync(db, r.VillageId, "villageId", c, ct);
        c.ThrowIfFailed();
        var hash = s.Crypto.LookupHash(r.DocumentKind!.Value, n);
        var held = await system.CaseFiles.AsNoTracking().Where(f => f.ActiveDocumentHash == hash).Select(f => new { f.Id, f.ScopePath }).FirstOrDefaultAsync(ct);
        if (held is null || db.Actor.Sees(held.ScopePath))
            throw new ValidationFailed("documentNumber", "not_elsewhere", "此人未在其他镇（街道）建档，无需申请转入",
                "The person is not on file in another town; no transfer is needed");
        var t = new TransferRequest
        {
            Id = Guid.CreateVersion7(), CaseFileId = held.Id, ScopePath = held.ScopePath, FromVillageId = village.Id, FromName = village.Name,
            RequestedById = db.Actor.Id, RequestedByName = db.Actor.Name, Reason = r.Reason!.Trim(), RequestedAt = s.Now,
        };
        await s.FireAsync(system, TransferRequestWorkflow.Workflow, t, "Request", null, ct);
        system.TransferRequests.Add(t);
        await system.Audit("RequestCaseTransfer", $"由{db.Actor.Name}（{village.Name}）申请").SaveChangesAsync(ct);
        return Mine(t);
    }

    private static TransferRequestView Mine(TransferRequest t) =>
        new(t.Id, t.State, t.Answer, t.RequestedAt, t.AnsweredAt, null, null, null, null, t.Version);

    /// <summary>The caller's own requests: state and answer only.</summary>
    public static async Task<IReadOnlyList<TransferRequestView>> MineAsync(GuanjiaDb db, CancellationToken ct)
    {
        Casework.Require(db, Permissions.CaseworkRecord);
        var me = db.Actor.Id;
        var rows = await db.TransferRequests.IgnoreQueryFilters().AsNoTracking().Where(t => t.RequestedById == me).OrderByDescending(t => t.RequestedAt)
            .Take(100).ToListAsync(ct);
        return rows.Select(Mine).ToList();
    }

    /// <summary>The requests for files the caller's town holds.</summary>
    public static async Task<IReadOnlyList<TransferRequestView>> IncomingAsync(GuanjiaDb db, CancellationToken ct)
    {
        Casework.Require(db, Permissions.CaseworkTown);
        var rows = await (from t in db.TransferRequests.AsNoTracking()
                          join f in db.CaseFiles on t.CaseFileId equals f.Id
                          orderby t.RequestedAt descending
                          select new { t, f.Number }).Take(200).ToListAsync(ct);
        return rows.Select(x => new TransferRequestView(x.t.Id, x.t.State, x.t.Answer, x.t.RequestedAt, x.t.AnsweredAt, x.t.FromName, x.t.Reason,
            x.t.CaseFileId, x.Number, x.t.Version)).ToList();
    }

    public static async Task<TransferRequestView> AnswerAsync(GuanjiaDb db, CaseworkServices s, Guid id, Answer r, CancellationToken ct)
    {
        Casework.Require(db, Permissions.CaseworkTown);
        var t = await db.TransferRequests.SingleOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFound("TransferRequest", "转入申请不存在或不在您的范围内", "The request does not exist or is outside your scope");
        new Check().When(r.Accept is null, "accept", "required", "请选择同意或不同意", "accept is required")
            .When(r.Accept == false && string.IsNullOrWhiteSpace(r.Note), "note", "required", "不同意时请说明理由", "Give the reason for refusing")
            .MaxLength("note", r.Note, 1000, "说明", "Note")
            .When(t.State != TransferState.Pending, "accept", "already_answered", "该申请已答复", "Already answered")
            .When(r.Version is null, "version", "required", "请提供读取时的版本号", "version is required").ThrowIfFailed();
        if (t.Version != r.Version)
            throw new CaseworkConflict("stale", "申请已被他人处理，请刷新后重试", "Changed meanwhile; reload", new() { ["serverVersion"] = t.Version });
        await s.FireAsync(db, TransferRequestWorkflow.Workflow, t, "Answer", r.Accept == true ? "Accepted" : "Refused", ct);
        t.Answer = r.Note?.Trim();
        t.AnsweredAt = s.Now;
        if (r.Accept == true)
        {
            var f = await Casework.FileAsync(db, t.CaseFileId, ct);
            // The file's TransferOut row cancels what it still owes (its Ends).
            await s.FireAsync(db, CaseFileWorkflow.Workflow, f, "TransferOut", null, ct);
            f.StatusChangedOn = s.Today;
            f.StatusNote = $"转至{t.FromName}";
            f.ActiveDocumentHash = null;
            f.IsDispersedExtremelyPoor = false;
            f.IsExtremelyPoor = false;
        }
        await db.Audit("AnswerCaseTransfer", r.Note).SaveChangesAsync(ct);
        return new TransferRequestView(t.Id, t.State, t.Answer, t.RequestedAt, t.AnsweredAt, t.FromName, t.Reason, t.CaseFileId, null, t.Version);
    }
}
