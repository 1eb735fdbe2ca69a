using Guanjia.App.Persistence;
using Guanjia.Domain.Accounts;
using Guanjia.Domain.Common;
using Guanjia.Domain.Deadlines;
using Guanjia.Domain.Purchasing;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Purchasing;

/// <summary>
/// R-CA-12, R-PS-05: the bureau acknowledges a filed report; the street (town) acknowledges a major event reported in its area. Each
/// acknowledgement is a record of the acknowledging unit, in its own scope, and meets that unit's deadline.
/// </summary>
public static class AcknowledgeReport
{
    public sealed record Request(string? Note, string? LateReason);

    public static async Task<ReportView> HandleAsync(GuanjiaDb db, PurchasingServices s, Guid reportId, Request r, CancellationToken ct)
    {
        var actor = db.Actor;
        new Check().MaxLength("note", r.Note, 500, "确认意见", "Note").ThrowIfFailed();
        AcknowledgingParty party;
        ContractReport report;
        Guid org;
        string scope;
        string obligation;
        if (actor.Has(Permissions.PurchasingManage))
        {
            report = await db.ContractReports.AsNoTracking().SingleOrDefaultAsync(x => x.Id == reportId, ct) ?? throw Missing();
            party = AcknowledgingParty.Bureau;
            var (_, bureau) = await PurchasingSteps.BureauAsync(db, ct);
            (org, scope, obligation) = (bureau.Id, report.ScopePath, Obligations.MajorEventBureauAcknowledgement);
        }
        else if (actor.Has(Permissions.PurchasingAcknowledge))
        {
            // A street sees a contractor's major event only when it happened in the street: looked up past the scope filter, on purpose.
            report = await db.ContractReports.IgnoreQueryFilters().AsNoTracking()
                .SingleOrDefaultAsync(x => x.Id == reportId && x.Kind == ReportKind.MajorEvent && x.TownPath != null && x.TownPath.StartsWith(actor.ScopePath), ct)
                ?? throw Missing();
            party = AcknowledgingParty.Town;
            (org, scope, obligation) = (report.TownId!.Value, report.TownPath!, Obligations.MajorEventTownAcknowledgement);
        }
        else throw new Forbidden("您的角色不能确认报告", "Your role may not acknowledge reports");
        if (report.State != ReportState.Filed) throw new Conflict("报告尚未报送", "The report has not been filed");
        if (await db.ReportAcknowledgements.IgnoreQueryFilters().AnyAsync(a => a.ReportId == report.Id && a.Party == party, ct))
            throw new Conflict("已确认收到该报告", "The report is already acknowledged");
        if (report.Kind == ReportKind.MajorEvent)
            await s.Deadlines.MeetAsync(db, report.Id, [obligation], r.LateReason, s.Clock.GetUtcNow(), ct);
        db.ReportAcknowledgements.Add(new ReportAcknowledgement
        {
            Id = Guid.CreateVersion7(), ReportId = report.Id, Party = party, OrganizationId = org, ScopePath = scope, At = s.Clock.GetUtcNow(),
            ByName = actor.Name, Note = string.IsNullOrWhiteSpace(r.Note) ? null : r.Note.Trim(),
        });
        await db.Audit("AcknowledgeReport", r.Note).SaveChangesAsync(ct);
        return party == AcknowledgingParty.Town ? await PurchasingQueries.MajorEventForTownAsync(db, s.Clock, report.Id, ct) : await PurchasingQueries.ReportAsync(db, s.Clock, report.Id, ct);
    }

    private static NotFound Missing() => new("ContractReport", "报告不存在或不在您的管辖范围内", "The report does not exist or is outside your scope");
}
