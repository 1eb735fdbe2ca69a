using Guanjia.App.Persistence;
using Guanjia.Domain.Common;
using Guanjia.Domain.Purchasing;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Purchasing;

/// <summary>
/// R-PS-03, R-PS-08: the bureau records how a package was bought (004 五: 按符合政府购买服务规定的方式组织招标) — the method, the
/// date, the bidders with their bids, the winner and the amount. One tender per package; the winner is one of the bidders and
/// the amount is the winner's bid. Our reading (ADR 0041): single-source buying has one bidder, every other method at least two.
/// </summary>
public static class RecordTender
{
    public sealed record Request(Guid? PackageId, TenderMethod? Method, string? HeldOn, string? Agency, IReadOnlyList<Bidder>? Bidders, Guid? WinnerId,
        long? AmountFen, string? Note);

    public static async Task<TenderView> HandleAsync(GuanjiaDb db, PurchasingServices s, Request r, CancellationToken ct)
    {
        PurchasingSteps.RequireManage(db);
        var package = r.PackageId is { } pid ? await db.ServicePackages.AsNoTracking().SingleOrDefaultAsync(p => p.Id == pid, ct) : null;
        var c = new Check()
            .When(package is null, "packageId", "unknown_package", "服务包不存在或不在您的管辖范围内", "The package does not exist or is outside your scope")
            .When(r.Method is null || !Enum.IsDefined(r.Method.Value), "method", "required", "请选择采购方式", "method is required")
            .MaxLength("agency", r.Agency, 100, "采购代理机构", "Agency")
            .MaxLength("note", r.Note, 1000, "备注", "Note");
        var heldOn = PurchasingSteps.Date(c, "heldOn", r.HeldOn, "开标（采购）日期", "heldOn");
        c.When(heldOn is { } h && h > PurchasingSteps.Today(s.Clock), "heldOn", "in_future", "开标日期不能晚于今天", "heldOn cannot be in the future");
        var bidders = r.Bidders ?? [];
        c.When(bidders.Count == 0, "bidders", "required", "请登记投标（响应）单位", "List the bidders")
            .When(r.Method == TenderMethod.SingleSource && bidders.Count > 1, "bidders", "single_source", "单一来源采购只有一家供应商",
                "Single-source buying has one supplier")
            .When(r.Method is not null and not TenderMethod.SingleSource && bidders.Count == 1, "bidders", "no_competition",
                $"{(r.Method is { } m ? PurchasingTerms.Zh(m) : "")}至少需要两家投标（响应）单位", "A competitive method needs at least two bidders");
        var ids = bidders.Select(b => b.ContractorId).ToList();
        for (var i = 0; i < bidders.Count; i++)
        {
            var b = bidders[i];
            if (await PurchasingSteps.ContractorAsync(db, b.ContractorId, ct) is null)
                c.Add($"bidders[{i}].contractorId", "not_a_contractor", "投标单位须为已登记的承接方（R-PS-01）", "A bidder must be a registered contractor (R-PS-01)");
            c.When(ids.Count(x => x == b.ContractorId) > 1, $"bidders[{i}].contractorId", "duplicate", "投标单位重复", "The bidder is listed twice")
                .When(b.BidFen is <= 0, $"bidders[{i}].bidFen", "out_of_range", "报价须大于0（单位：分）", "bidFen must be more than 0 (fen)");
        }
        var winner = bidders.FirstOrDefault(b => b.ContractorId is not null && b.ContractorId == r.WinnerId);
        c.When(r.WinnerId is null, "winnerId", "required", "请选择中标（成交）单位", "winnerId is required")
            .When(r.WinnerId is not null && winner is null, "winnerId", "not_a_bidder", "中标单位须为投标单位之一", "The winner must be one of the bidders")
            .When(r.AmountFen is null or <= 0, "amountFen", "out_of_range", "中标金额须大于0（单位：分）", "amountFen must be more than 0 (fen)")
            .When(winner?.BidFen is { } bid && r.AmountFen is { } a && a != bid, "amountFen", "not_the_winning_bid",
                $"中标金额应为中标单位的报价{PurchasingSteps.Yuan(winner?.BidFen ?? 0)}", $"The amount must be the winner's bid ({winner?.BidFen} fen)");
        if (package is not null && await db.TenderRecords.AnyAsync(t => t.PackageId == package.Id, ct))
            throw new Conflict("该服务包已登记招标结果", "The package's tender is already recorded");
        c.ThrowIfFailed();
        var t = new TenderRecord
        {
            Id = Guid.CreateVersion7(), PackageId = package!.Id, ScopePath = package.ScopePath, Method = r.Method!.Value, HeldOn = heldOn!.Value,
            Agency = string.IsNullOrWhiteSpace(r.Agency) ? null : r.Agency.Trim(), BiddersJson = PurchasingSteps.Write(bidders), WinnerId = r.WinnerId!.Value,
            AmountFen = r.AmountFen!.Value, Note = string.IsNullOrWhiteSpace(r.Note) ? null : r.Note.Trim(), RecordedAt = s.Clock.GetUtcNow(),
            RecordedByName = db.Actor.Name,
        };
        db.TenderRecords.Add(t);
        await db.Audit("RecordTender").SaveChangesAsync(ct);
        return await PurchasingQueries.TenderAsync(db, t.Id, ct);
    }
}
