using Guanjia.App.Jurisdictions;
using Guanjia.App.Persistence;
using Guanjia.Domain.Accounts;
using Guanjia.Domain.Calendar;
using Guanjia.Domain.Common;
using Guanjia.Domain.Deadlines;
using Guanjia.Domain.Feedback;
using Guanjia.Domain.Purchasing;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Purchasing;

/// <summary>
/// R-CA-12 (001 四(一): 遇到重大事件、紧急情况等及时向乡镇(街道)党委政府和县级民政部门报告): the contractor reports a major event at
/// once, naming the community or street of its package where it happened. The report is delivered to the street and the bureau
/// immediately — in the same request, and by the background job should that fail — each with an acknowledgement to make within the
/// jurisdiction's hours; the event waits until both have acknowledged.
/// </summary>
public static class ReportMajorEvent
{
    public sealed record Request(string? Title, DateTimeOffset? OccurredAt, Guid? PlaceId, ReportSummary? Summary, Guid? AttachmentId);

    public static async Task<ReportView> HandleAsync(GuanjiaDb db, PurchasingServices s, Guid contractId, Request r, CancellationToken ct)
    {
        PurchasingSteps.Require(db, Permissions.PurchasingReport, "只有承接方可以报告重大事件", "Only the contractor reports major events");
        var contract = await PurchasingSteps.ContractAsync(db, contractId, ct, tracking: false);
        var now = s.Clock.GetUtcNow();
        var c = new Check()
            .Required("title", r.Title, "事件名称", "Title").MaxLength("title", r.Title, 200, "事件名称", "Title")
            .When(r.OccurredAt is null, "occurredAt", "required", "请填写事件发生时间", "occurredAt is required")
            .When(r.OccurredAt is { } at && at > now.AddMinutes(5), "occurredAt", "in_future", "事件发生时间不能晚于现在", "occurredAt cannot be in the future")
            .When(r.PlaceId is null, "placeId", "required", "请选择事件发生的社区或街道（镇）", "placeId (a community or street of the package) is required");
        FileReport.CheckSummary(c, r.Summary);
        await FileReport.CheckAttachmentAsync(db, c, contract, r.AttachmentId, required: false, ct);
        // Where it happened: a community of the contract's package, or one of its streets; the street is told.
        var places = await db.PackageCommunities.IgnoreQueryFilters().AsNoTracking().Where(p => p.PackageId == contract.PackageId)
            .Select(p => new { p.CommunityId, p.TownId }).ToListAsync(ct);
        var townId = places.FirstOrDefault(p => p.CommunityId == r.PlaceId)?.TownId ?? places.FirstOrDefault(p => p.TownId == r.PlaceId)?.TownId;
        c.When(r.PlaceId is not null && townId is null, "placeId", "not_in_package", "该地点不在本合同服务包的范围内", "The place is not in the contract's package");
        c.ThrowIfFailed();
        var town = await db.Organizations.IgnoreQueryFilters().AsNoTracking().SingleAsync(o => o.Id == townId, ct);
        var report = new ContractReport
        {
            Id = Guid.CreateVersion7(), ContractId = contract.Id, ScopePath = contract.ScopePath, Kind = ReportKind.MajorEvent,
            FiledAt = now, FiledById = db.Actor.Id, FiledByName = db.Actor.Name, SummaryJson = PurchasingSteps.Write(r.Summary!), AttachmentId = r.AttachmentId,
            Title = r.Title!.Trim(), OccurredAt = r.OccurredAt, TownId = town.Id, TownPath = town.Path, CreatedAt = now,
        };
        db.ContractReports.Add(report);
        await s.Workflow.FireAsync(db, PurchasingWorkflows.Report, report, "ReportMajorEvent", null, s.Workflow.At(r.OccurredAt), ct);
        await db.Audit("ReportMajorEvent").SaveChangesAsync(ct);
        return await PurchasingQueries.ReportAsync(db, s.Clock, report.Id, ct);
    }

    /// <summary>
    /// Delivers major events not yet delivered (or only <paramref name="reportId"/>): a notice in the street's and the bureau's inboxes
    /// and an acknowledgement deadline for each, kept in their own scopes so each acknowledges in its own records. Runs as the system,
    /// like the outbox: the report is the record of what must be delivered.
    /// </summary>
    public static async Task<int> DeliverAsync(GuanjiaDb system, PurchasingServices s, Guid? reportId, CancellationToken ct)
    {
        var q = system.ContractReports.IgnoreQueryFilters().Where(x => x.Kind == ReportKind.MajorEvent && x.DeliveredAt == null);
        if (reportId is { } id) q = q.Where(x => x.Id == id);
        var pending = await q.OrderBy(x => x.FiledAt).Take(100).ToListAsync(ct);
        var now = s.Clock.GetUtcNow();
        foreach (var report in pending)
        {
            var contract = await system.ServiceContracts.IgnoreQueryFilters().AsNoTracking().SingleAsync(x => x.Id == report.ContractId, ct);
            var root = await JurisdictionSettings.RootOfAsync(system, contract.ScopePath, ct);
            var bureau = await JurisdictionSettings.BureauAsync(system, root, ct);
            var contractor = await system.Organizations.IgnoreQueryFilters().AsNoTracking().SingleAsync(o => o.Id == contract.ContractorId, ct);
            var town = await system.Organizations.IgnoreQueryFilters().AsNoTracking().SingleAsync(o => o.Id == report.TownId, ct);
            var rules = (await s.Rules.GetAsync(system, contract.RulesVersion, ct)).Purchasing;
            var due = now.AddHours(rules.MajorEventAcknowledgeHours);
            var text = $"【重大事件】{contractor.Name}（合同{contract.Number}）报告：{report.Title}，发生于{ChinaTime.ToLocal(report.OccurredAt ?? now):yyyy-MM-dd HH:mm}，"
                + $"地点{town.Name}。请于{ChinaTime.ToLocal(due):yyyy-MM-dd HH:mm}前确认收到（R-CA-12）。";
            foreach (var (org, path) in new[] { (town.Id, town.Path), (root.Id, root.Path) })
                system.StaffNotifications.Add(new StaffNotification
                {
                    Id = Guid.CreateVersion7(), OrganizationId = org, ScopePath = path, Kind = "MajorEvent", Text = text, CreatedAt = now,
                });
            var subject = SignContract.ReportSubject(contract, report);
            var half = now + (due - now) / 2;
            var townAck = s.Deadlines.StartAt(system, Obligations.MajorEventTownAcknowledgement, subject with { ScopePath = town.Path }, town.Id, now, due, half);
            var bureauAck = s.Deadlines.StartAt(system, Obligations.MajorEventBureauAcknowledgement, subject, bureau.Id, now, due, half);
            // Both were told just now: the warning job need not tell them again until the deadline passes.
            townAck.WarnedAt = bureauAck.WarnedAt = now;
            report.DeliveredAt = now;
        }
        if (pending.Count > 0) await system.Audit("DeliverMajorEvent").SaveChangesAsync(ct);
        return pending.Count;
    }
}
