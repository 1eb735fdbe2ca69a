using Guanjia.App.Persistence;
using Guanjia.Domain.Calendar;
using Guanjia.Domain.Common;
using Guanjia.Domain.Stations;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Stations;

/// <summary>
/// The social-work service point has served the resident (R-ST-08): when, what was done, and that it was free
/// of charge ("服务费用由各社会工作服务点从原经费渠道解决，不产生额外费用"). When the referral carries a wish the town sent
/// to the station, this service record completes the wish, and its result is due to the appellant within 5 working
/// days (R-MW-05).
/// </summary>
public static class RecordReferralService
{
    public sealed record Request(DateOnly? ServedFrom, DateOnly? ServedTo, string? Summary, bool? FreeOfCharge, int? Version);

    public static async Task<ReferralView> HandleAsync(GuanjiaDb db, Common.WorkflowRunner workflow, Guid id, Request r, CancellationToken ct)
    {
        var referral = await StationSteps.ReferralAsync(db, id, ct);
        Common.WorkflowGate.Check(db, InclusiveReferralWorkflow.Workflow, referral, "RecordService", InclusiveReferralWorkflow.Zh(referral.State), r.Version,
            referral.Version, "转介记录", "referral");
        var now = workflow.Now;
        var today = ChinaTime.LocalDate(now);
        var referredOn = ChinaTime.LocalDate(referral.ReferredAt);
        new Check()
            .When(r.ServedFrom is null, "servedFrom", "required", "请填写服务开始日期", "servedFrom is required")
            .When(r.ServedFrom < referredOn, "servedFrom", "before_referral", "服务开始日期不能早于转介日期", "servedFrom cannot be before the referral")
            .When(r.ServedTo is null, "servedTo", "required", "请填写服务结束日期", "servedTo is required")
            .When(r.ServedTo < r.ServedFrom, "servedTo", "before_start", "服务结束日期不能早于开始日期", "servedTo cannot be before servedFrom")
            .When(r.ServedTo > today, "servedTo", "in_future", "服务结束日期不能晚于今天", "servedTo cannot be in the future")
            .Required("summary", r.Summary, "服务情况", "Summary").MaxLength("summary", r.Summary, 2000, "服务情况", "Summary")
            .When(r.FreeOfCharge != true, "freeOfCharge", "must_be_free",
                "普惠型个人服务由社工服务点无偿提供，服务费用从原经费渠道解决，不产生额外费用",
                "Inclusive services are free of charge to the resident (R-ST-08)")
            .ThrowIfFailed();
        referral.ServedFrom = r.ServedFrom;
        referral.ServedTo = r.ServedTo;
        referral.ServiceSummary = r.Summary!.Trim();
        referral.ServedRecordedAt = now;
        await workflow.FireAsync(db, InclusiveReferralWorkflow.Workflow, referral, "RecordService", null, workflow.At(), ct);
        if (referral.AppealId is { } appealId
            && await db.MicroWishes.SingleOrDefaultAsync(w => w.AppealId == appealId, ct) is { } wish
            && Domain.MicroWishes.WishWorkflow.Workflow.Find(wish, "ServeAtStation") is { } row)
        {
            wish.CompletedAt = ChinaTime.EndOfDay(r.ServedTo!.Value) < now ? ChinaTime.EndOfDay(r.ServedTo.Value) : now;
            wish.Outcome = referral.ServiceSummary;
            await workflow.FireAsync(db, Domain.MicroWishes.WishWorkflow.Workflow, wish, row, workflow.At(wish.CompletedAt), ct);
        }
        await db.Audit("RecordReferralService").SaveChangesAsync(ct);
        return await StationQueries.GetReferralAsync(db, referral.Id, ct);
    }
}
