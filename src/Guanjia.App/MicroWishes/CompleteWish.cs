using Guanjia.App.Persistence;
using Guanjia.Domain.Common;
using Guanjia.Domain.MicroWishes;

namespace Guanjia.App.MicroWishes;

/// <summary>
/// The wish is handled (R-MW-04): never for more than the decided amount. The result is fed back within
/// 5 working days of completion (R-MW-05) when the town closes it.
/// </summary>
public static class CompleteWish
{
    public sealed record Request(DateTimeOffset? CompletedAt, long? PaidFen, string? Outcome, string? LateReason, int? Version);

    public sealed record Close(string? LateReason, int? Version);

    public static async Task<WishDetail> CompleteAsync(GuanjiaDb db, Appeals.AppealServices s, Guid id, Request r, CancellationToken ct)
    {
        var w = await WishSteps.LoadForAsync(db, id, "Complete", r.Version, ct);
        var now = s.Clock.GetUtcNow();
        var at = r.CompletedAt ?? now;
        new Check()
            .When(r.PaidFen is null or < 0, "paidFen", "out_of_range", "实际资助金额须为不小于0的整数（单位：分）", "paidFen must be a whole number of fen, 0 or more")
            .When(r.PaidFen > w.AmountFen, "paidFen", "over_decided",
                $"实际资助金额不能超过评审确定的{w.AmountFen / 100m:0.##}元", $"paidFen cannot exceed the decided amount of {w.AmountFen} fen")
            .Required("outcome", r.Outcome, "办理情况", "Outcome").MaxLength("outcome", r.Outcome, 1000, "办理情况", "Outcome")
            .When(at > now, "completedAt", "in_future", "完成时间不能晚于现在", "completedAt cannot be in the future")
            .When(at < w.DecidedAt, "completedAt", "before_decision", "完成时间不能早于评审时间", "completedAt cannot be before the decision")
            .ThrowIfFailed();
        w.CompletedAt = at;
        w.PaidFen = r.PaidFen;
        w.Outcome = r.Outcome!.Trim();
        // The result is due 5 working days after the wish was done (R-MW-05); lateness is judged by when this is recorded.
        await s.Workflow.FireAsync(db, WishWorkflow.Workflow, w, "Complete", null, s.Workflow.At(at, r.LateReason), ct);
        await db.Audit("CompleteWish").SaveChangesAsync(ct);
        return await WishQueries.GetAsync(db, s.Clock, id, ct);
    }

    public static async Task<WishDetail> CloseAsync(GuanjiaDb db, Appeals.AppealServices s, Guid id, Close r, CancellationToken ct)
    {
        var w = await WishSteps.LoadForAsync(db, id, "Close", r.Version, ct);
        w.ClosedAt = s.Clock.GetUtcNow();
        var values = await WishSteps.ValuesAsync(db, w, ct);
        values["reason"] = w.Outcome;
        await s.Workflow.FireAsync(db, WishWorkflow.Workflow, w, "Close", null, s.Workflow.At(lateReason: r.LateReason, values: values), ct);
        await db.Audit("CloseWish").SaveChangesAsync(ct);
        return await WishQueries.GetAsync(db, s.Clock, id, ct);
    }
}
