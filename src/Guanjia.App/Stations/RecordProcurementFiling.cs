using Guanjia.App.Persistence;
using Guanjia.Domain.Accounts;
using Guanjia.Domain.Common;
using Guanjia.Domain.Stations;

namespace Guanjia.App.Stations;

/// <summary>The town lead department records the village's procurement filing (R-ST-05: 报镇街“民生大莞家”牵头部门备案).</summary>
public static class RecordProcurementFiling
{
    public sealed record Request(string? Note, int? Version);

    public static async Task<FilingView> HandleAsync(GuanjiaDb db, TimeProvider clock, Guid id, Request r, CancellationToken ct)
    {
        var f = await StationSteps.FilingAsync(db, id, ct);
        StationSteps.Require(db, Permissions.StationsRecord, "只有镇（街道）牵头部门可以备案", "Only the town lead department records filings");
        if (f.State != ProcurementState.Filed)
            throw new Conflict(f.State == ProcurementState.Draft ? "村（社区）尚未报送该采购备案表" : "该采购备案表已备案",
                f.State == ProcurementState.Draft ? "The village has not filed it yet" : "The filing is already recorded");
        StationSteps.RequireVersion(r.Version, f.Version);
        new Check().MaxLength("note", r.Note, 1000, "备案意见", "Note").ThrowIfFailed();
        f.State = ProcurementState.Recorded;
        f.RecordedAt = clock.GetUtcNow();
        f.RecordedByName = db.Actor.Name;
        f.RecordNote = string.IsNullOrWhiteSpace(r.Note) ? null : r.Note.Trim();
        await db.Audit("RecordProcurementFiling", f.RecordNote).SaveChangesAsync(ct);
        return await StationQueries.GetFilingAsync(db, f.Id, ct);
    }
}
