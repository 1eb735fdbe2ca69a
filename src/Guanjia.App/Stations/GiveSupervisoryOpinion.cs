using Guanjia.App.Persistence;
using Guanjia.Domain.Accounts;
using Guanjia.Domain.Calendar;
using Guanjia.Domain.Common;
using Guanjia.Domain.Stations;

namespace Guanjia.App.Stations;

/// <summary>
/// The village affairs supervisory committee reviews the procurement filing and gives its opinion — who, what,
/// when — before the village files it with the town (R-ST-05: "经加具村（居）务监督委员会审核意见后").
/// </summary>
public static class GiveSupervisoryOpinion
{
    public sealed record Request(string? Reviewer, string? Opinion, DateOnly? ReviewedOn, int? Version);

    public static async Task<FilingView> HandleAsync(GuanjiaDb db, TimeProvider clock, Guid id, Request r, CancellationToken ct)
    {
        var f = await StationSteps.FilingAsync(db, id, ct);
        StationSteps.Require(db, Permissions.StationsSupervise, "只有村（居）务监督委员会可以出具审核意见",
            "Only the village affairs supervisory committee gives the review opinion");
        if (f.State != ProcurementState.Draft)
            throw new Conflict("采购备案表已报镇（街道）备案，不能再出具审核意见", "The filing is already with the town");
        StationSteps.RequireVersion(r.Version, f.Version);
        var now = clock.GetUtcNow();
        new Check()
            .Required("reviewer", r.Reviewer, "审核人", "Reviewer").MaxLength("reviewer", r.Reviewer, 50, "审核人", "Reviewer")
            .Required("opinion", r.Opinion, "审核意见", "Opinion").MaxLength("opinion", r.Opinion, 2000, "审核意见", "Opinion")
            .When(r.ReviewedOn is null, "reviewedOn", "required", "请填写审核日期", "reviewedOn is required")
            .When(r.ReviewedOn > ChinaTime.LocalDate(now), "reviewedOn", "in_future", "审核日期不能晚于今天", "reviewedOn cannot be in the future")
            .ThrowIfFailed();
        f.OpinionBy = r.Reviewer!.Trim();
        f.OpinionText = r.Opinion!.Trim();
        f.OpinionOn = r.ReviewedOn!.Value;
        f.OpinionById = db.Actor.Id;
        f.OpinionAt = now;
        await db.Audit("GiveSupervisoryOpinion", f.OpinionText).SaveChangesAsync(ct);
        return await StationQueries.GetFilingAsync(db, f.Id, ct);
    }
}
