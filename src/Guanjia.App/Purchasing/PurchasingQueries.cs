using Guanjia.App.Deadlines;
using Guanjia.App.Jurisdictions;
using Guanjia.App.MicroProjects;
using Guanjia.App.Persistence;
using Guanjia.Domain.Accounts;
using Guanjia.Domain.Common;
using Guanjia.Domain.Purchasing;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Purchasing;

/// <summary>
/// Reads of the purchase of services in the caller's scope (ADR 0041): the bureau sees all of its jurisdiction, a contractor its own
/// contracts and what hangs on them, an evaluator its evaluations, a street the major events reported in it. Where a visible record
/// needs a name from a record the caller cannot see (a contractor's package, an evaluator's contract), that one lookup passes the
/// scope filter on purpose.
/// </summary>
public static class PurchasingQueries
{
    public sealed record ContractFilter(ContractState? State, Guid? ContractorId, int? BudgetYear, int Page = 1, int PageSize = 20);

    public sealed record ReportFilter(Guid? ContractId, ReportKind? Kind, ReportState? State, bool? OverdueOnly, int Page = 1, int PageSize = 50);

    // ---- packages and tenders -------------------------------------------------------------------------------------------

    public static async Task<IReadOnlyList<PackageView>> PackagesAsync(GuanjiaDb db, JurisdictionRulesProvider rules, CancellationToken ct)
    {
        var ids = await db.ServicePackages.AsNoTracking().OrderBy(p => p.PeriodStart).ThenBy(p => p.Name).Select(p => p.Id).ToListAsync(ct);
        var list = new List<PackageView>();
        foreach (var id in ids) list.Add(await PackageAsync(db, rules, id, ct));
        return list;
    }

    public static async Task<PackageView> PackageAsync(GuanjiaDb db, JurisdictionRulesProvider rules, Guid id, CancellationToken ct)
    {
        var p = await db.ServicePackages.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFound("ServicePackage", "服务包不存在或不在您的管辖范围内", "The package does not exist or is outside your scope");
        var members = await db.PackageCommunities.AsNoTracking().Where(x => x.PackageId == id).ToListAsync(ct);
        var names = await Organizations.OrganizationQueries.NamesAsync(db, members.Select(m => m.CommunityId).Concat(members.Select(m => m.TownId)), ct);
        var current = (await rules.RequireAsync(db, p.ScopePath, ct)).Rules.Purchasing;
        var towns = members.GroupBy(m => m.TownId).Select(g => new PackageTownView(g.Key, names.GetValueOrDefault(g.Key) ?? "",
                g.Select(m => new NamedRef(m.CommunityId, names.GetValueOrDefault(m.CommunityId) ?? "")).OrderBy(n => n.Name).ToList(),
                Staffing.WorkersNeeded(g.Count(), current.CommunitiesPerWorker)))
            .OrderBy(t => t.TownName).ToList();
        var tender = await db.TenderRecords.AsNoTracking().Where(t => t.PackageId == id).Select(t => (Guid?)t.Id).FirstOrDefaultAsync(ct);
        var contract = await db.ServiceContracts.IgnoreQueryFilters().AsNoTracking().Where(c => c.PackageId == id).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
        return new PackageView(p.Id, p.Name, p.PeriodStart, p.PeriodEnd, PurchasingTerms.Split<ServiceContent>(p.Contents), p.Note, members.Count, towns,
            current.CommunitiesPerWorker, towns.Sum(t => t.WorkersNeeded), current.ManagersPerPackage, current.SupervisorsPerPackage, tender, contract, p.Version);
    }

    public static async Task<IReadOnlyList<TenderView>> TendersAsync(GuanjiaDb db, CancellationToken ct)
    {
        var ids = await db.TenderRecords.AsNoTracking().OrderByDescending(t => t.HeldOn).Select(t => t.Id).ToListAsync(ct);
        var list = new List<TenderView>();
        foreach (var id in ids) list.Add(await TenderAsync(db, id, ct));
        return list;
    }

    public static async Task<TenderView> TenderAsync(GuanjiaDb db, Guid id, CancellationToken ct)
    {
        var t = await db.TenderRecords.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFound("TenderRecord", "招标记录不存在或不在您的管辖范围内", "The tender does not exist or is outside your scope");
        var package = await db.ServicePackages.AsNoTracking().Where(p => p.Id == t.PackageId).Select(p => p.Name).SingleAsync(ct);
        var bidders = PurchasingSteps.ReadList<Bidder>(t.BiddersJson);
        var names = await Organizations.OrganizationQueries.NamesAsync(db, bidders.Where(b => b.ContractorId != null).Select(b => b.ContractorId!.Value).Append(t.WinnerId), ct);
        return new TenderView(t.Id, t.PackageId, package, t.Method, PurchasingTerms.Zh(t.Method), t.HeldOn, t.Agency,
            bidders.Select(b => new BidderView(b.ContractorId, b.ContractorId is { } cid ? names.GetValueOrDefault(cid) : null, b.BidFen)).ToList(), t.WinnerId,
            names.GetValueOrDefault(t.WinnerId) ?? "", t.AmountFen, t.Note, t.RecordedAt, t.RecordedByName);
    }

    // ---- contracts -----------------------------------------------------------------------------------------------------------

    public static async Task<Paged<ContractSummary>> ContractsAsync(GuanjiaDb db, ContractFilter f, CancellationToken ct)
    {
        new PageRequest(f.Page, f.PageSize).Validate();
        var q = db.ServiceContracts.AsNoTracking();
        if (f.State is { } s) q = q.Where(c => c.State == s);
        if (f.ContractorId is { } cid) q = q.Where(c => c.ContractorId == cid);
        if (f.BudgetYear is { } y) q = q.Where(c => c.BudgetYear == y);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(c => c.SignedOn).ThenByDescending(c => c.Number).Skip((f.Page - 1) * f.PageSize).Take(f.PageSize).ToListAsync(ct);
        return new Paged<ContractSummary>(await SummariesAsync(db, rows, ct), f.Page, f.PageSize, total);
    }

    internal static async Task<IReadOnlyList<ContractSummary>> SummariesAsync(GuanjiaDb db, IReadOnlyList<ServiceContract> rows, CancellationToken ct)
    {
        var packageIds = rows.Select(r => r.PackageId).Distinct().ToList();
        // The package is the bureau's record; a contractor reads its own contract's package name through the contract.
        var packages = await db.ServicePackages.IgnoreQueryFilters().AsNoTracking().Where(p => packageIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var names = await Organizations.OrganizationQueries.NamesAsync(db, rows.Select(r => r.ContractorId), ct);
        return rows.Select(c => new ContractSummary(c.Id, c.Number, c.AgreementNumber, c.PackageId, packages.GetValueOrDefault(c.PackageId) ?? "", c.ContractorId,
            names.GetValueOrDefault(c.ContractorId) ?? "", c.SignedOn, c.TermStart, c.TermEnd, c.AmountFen, c.BudgetYear, c.State)).ToList();
    }

    public static async Task<ContractView> ContractAsync(GuanjiaDb db, TimeProvider clock, Guid id, CancellationToken ct)
    {
        var c = await PurchasingSteps.ContractAsync(db, id, ct, tracking: false);
        var summary = (await SummariesAsync(db, [c], ct))[0];
        var instalments = await db.ContractInstalments.AsNoTracking().Where(i => i.ContractId == id).OrderBy(i => i.Seq).ToListAsync(ct);
        var reports = await ReportsAsync(db, clock, new ReportFilter(id, null, null, null, 1, PageRequest.MaxPageSize), ct);
        var inspections = await db.Inspections.AsNoTracking().Where(i => i.ContractId == id).OrderByDescending(i => i.InspectedOn).ToListAsync(ct);
        var rects = await db.Rectifications.AsNoTracking().Where(r => r.ContractId == id).OrderBy(r => r.CreatedAt).ToListAsync(ct);
        var penalties = await db.ContractPenalties.AsNoTracking().Where(p => p.ContractId == id).OrderBy(p => p.RecordedAt).ToListAsync(ct);
        var evaluation = await db.ThirdPartyEvaluations.AsNoTracking().SingleOrDefaultAsync(e => e.ContractId == id, ct);
        var attachments = await db.Attachments.AsNoTracking().Where(a => a.OwnerType == nameof(ServiceContract) && a.OwnerId == id).OrderBy(a => a.UploadedAt)
            .ToListAsync(ct);
        var subjectIds = reports.Items.Select(r => r.Id).Concat(rects.Select(r => r.Id)).ToList();
        var deadlineRows = await db.Deadlines.AsNoTracking().Where(d => subjectIds.Contains(d.SubjectId)).OrderBy(d => d.DueAt).ToListAsync(ct);
        var now = clock.GetUtcNow();
        return new ContractView(c.Id, c.Number, c.AgreementNumber, c.PackageId, summary.PackageName, c.TenderId, c.ContractorId, summary.ContractorName, c.BudgetYear,
            c.SignedOn, c.TermStart, c.TermEnd, c.AmountFen, c.State, c.RulesVersion, PurchasingSteps.ReadList<PerformanceIndicator>(c.IndicatorsJson),
            PurchasingSteps.ReadList<PlannedInspection>(c.InspectionPlanJson), PurchasingSteps.ReadList<PenaltyClause>(c.PenaltyClausesJson),
            instalments.Select(i => ToView(c, i)).ToList(), reports.Items, inspections.Select(i => ToView(i, c)).ToList(),
            rects.Select(r => ToView(r, c, now)).ToList(), penalties.Select(p => ToView(p, c, instalments.Single(i => i.Id == p.InstalmentId))).ToList(),
            evaluation is null ? null : await EvaluationSummaryAsync(db, evaluation, c, ct), attachments.Select(ProjectQueries.ToView).ToList(),
            await DeadlineQueries.ViewsAsync(db, deadlineRows, now, ct), c.Version);
    }

    public static InstalmentView ToView(ServiceContract c, ContractInstalment i) =>
        new(i.Id, c.Id, c.Number, c.ContractorId, i.Seq, i.Name, i.AmountFen, i.Milestone, PurchasingTerms.Zh(i.Milestone), i.PlannedOn, i.State, i.AcceptedAt,
            i.AcceptedByName, i.AcceptanceNote, i.PenaltyFen, i.PaidFen, i.AmountDueFen, i.State == InstalmentState.Accepted && i.AmountDueFen > 0, i.Version);

    /// <summary>Instalments in scope; <paramref name="payableOnly"/>: accepted with something still due — what the ledger may pay.</summary>
    public static async Task<IReadOnlyList<InstalmentView>> InstalmentsAsync(GuanjiaDb db, Guid? contractId, bool payableOnly, CancellationToken ct)
    {
        var q = db.ContractInstalments.AsNoTracking();
        if (contractId is { } id) q = q.Where(i => i.ContractId == id);
        if (payableOnly) q = q.Where(i => i.State == InstalmentState.Accepted && i.AmountFen - i.PenaltyFen - i.PaidFen > 0);
        var rows = await q.OrderBy(i => i.ContractId).ThenBy(i => i.Seq).Take(500).ToListAsync(ct);
        var ids = rows.Select(r => r.ContractId).Distinct().ToList();
        var contracts = await db.ServiceContracts.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        return rows.Where(r => contracts.ContainsKey(r.ContractId)).Select(r => ToView(contracts[r.ContractId], r)).ToList();
    }

    // ---- reports ---------------------------------------------------------------------------------------------------------------

    public static async Task<Paged<ReportView>> ReportsAsync(GuanjiaDb db, TimeProvider clock, ReportFilter f, CancellationToken ct)
    {
        new PageRequest(f.Page, f.PageSize).Validate();
        var now = clock.GetUtcNow();
        var q = db.ContractReports.AsNoTracking();
        if (f.ContractId is { } cid) q = q.Where(r => r.ContractId == cid);
        if (f.Kind is { } k) q = q.Where(r => r.Kind == k);
        if (f.State is { } s) q = q.Where(r => r.State == s);
        if (f.OverdueOnly == true) q = q.Where(r => r.State == ReportState.Due && r.DueAt < now);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderBy(r => r.DueAt ?? r.FiledAt).ThenBy(r => r.Kind).Skip((f.Page - 1) * f.PageSize).Take(f.PageSize).ToListAsync(ct);
        return new Paged<ReportView>(await ViewsAsync(db, rows, now, ct), f.Page, f.PageSize, total);
    }

    public static async Task<ReportView> ReportAsync(GuanjiaDb db, TimeProvider clock, Guid id, CancellationToken ct)
    {
        var r = await db.ContractReports.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFound("ContractReport", "报告不存在或不在您的管辖范围内", "The report does not exist or is outside your scope");
        return (await ViewsAsync(db, [r], clock.GetUtcNow(), ct))[0];
    }

    /// <summary>
    /// Major events: the bureau sees all of its jurisdiction and a contractor its own through the scope filter; a street sees those reported
    /// in it, looked up past the filter by the street's path (the report belongs to the contractor).
    /// </summary>
    public static async Task<IReadOnlyList<ReportView>> MajorEventsAsync(GuanjiaDb db, TimeProvider clock, bool awaitingOnly, CancellationToken ct)
    {
        var actor = db.Actor;
        var q = actor.Has(Permissions.PurchasingManage) || actor.Has(Permissions.PurchasingReport) || !actor.Has(Permissions.PurchasingAcknowledge)
            ? db.ContractReports.AsNoTracking().Where(r => r.Kind == ReportKind.MajorEvent)
            : db.ContractReports.IgnoreQueryFilters().AsNoTracking().Where(r => r.Kind == ReportKind.MajorEvent && r.TownPath != null && r.TownPath.StartsWith(actor.ScopePath));
        var rows = await q.OrderByDescending(r => r.FiledAt).Take(200).ToListAsync(ct);
        var views = await ViewsAsync(db, rows, clock.GetUtcNow(), ct, crossScope: !actor.Has(Permissions.PurchasingManage) && actor.Has(Permissions.PurchasingAcknowledge));
        return awaitingOnly ? views.Where(v => v.AwaitingAcknowledgement).ToList() : views;
    }

    public static async Task<ReportView> MajorEventForTownAsync(GuanjiaDb db, TimeProvider clock, Guid id, CancellationToken ct) =>
        (await MajorEventsAsync(db, clock, false, ct)).SingleOrDefault(r => r.Id == id)
        ?? throw new NotFound("ContractReport", "报告不存在或不在您的管辖范围内", "The report does not exist or is outside your scope");

    private static async Task<IReadOnlyList<ReportView>> ViewsAsync(GuanjiaDb db, IReadOnlyList<ContractReport> rows, DateTimeOffset now, CancellationToken ct,
        bool crossScope = false)
    {
        var contractIds = rows.Select(r => r.ContractId).Distinct().ToList();
        var contracts = crossScope
            ? await db.ServiceContracts.IgnoreQueryFilters().AsNoTracking().Where(c => contractIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Number, ct)
            : await db.ServiceContracts.AsNoTracking().Where(c => contractIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Number, ct);
        var ids = rows.Select(r => r.Id).ToList();
        // Acknowledgements are each in their unit's scope; whoever sees the report sees who acknowledged it.
        var acks = await db.ReportAcknowledgements.IgnoreQueryFilters().AsNoTracking().Where(a => ids.Contains(a.ReportId)).ToListAsync(ct);
        var names = await Organizations.OrganizationQueries.NamesAsync(db, acks.Select(a => a.OrganizationId).Concat(rows.Where(r => r.TownId != null)
            .Select(r => r.TownId!.Value)), ct);
        return rows.Select(r =>
        {
            var mine = acks.Where(a => a.ReportId == r.Id).OrderBy(a => a.At).ToList();
            var awaiting = r.State == ReportState.Filed && (r.Kind == ReportKind.MajorEvent
                ? mine.Count < 2 : mine.All(a => a.Party != AcknowledgingParty.Bureau));
            return new ReportView(r.Id, r.ContractId, contracts.GetValueOrDefault(r.ContractId) ?? "", r.Kind, PurchasingTerms.Zh(r.Kind), r.Period, r.DueAt, r.State,
                r.FiledAt, r.FiledByName, r.FiledAt is { } f && r.DueAt is { } d && f > d, r.State == ReportState.Due && r.DueAt < now, r.LateReason,
                r.SummaryJson is null ? null : System.Text.Json.JsonSerializer.Deserialize<ReportSummary>(r.SummaryJson, PurchasingSteps.Json), r.AttachmentId, r.Title,
                r.OccurredAt, r.TownId, r.TownId is { } t ? names.GetValueOrDefault(t) : null, r.DeliveredAt,
                mine.Select(a => new AcknowledgementView(a.Party, a.OrganizationId, names.GetValueOrDefault(a.OrganizationId), a.At, a.ByName, a.Note)).ToList(),
                awaiting, r.Version);
        }).ToList();
    }

    // ---- supervision -----------------------------------------------------------------------------------------------------------

    public static InspectionView ToView(Inspection i, ServiceContract c) => new(i.Id, i.ContractId, c.Number, i.Body, PurchasingTerms.Zh(i.Body), i.InspectedOn,
        i.Inspectors, i.Summary, i.FindingCount, i.RecordedAt, i.RecordedByName);

    public static async Task<InspectionView> InspectionAsync(GuanjiaDb db, Guid id, CancellationToken ct)
    {
        var i = await db.Inspections.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFound("Inspection", "检查记录不存在或不在您的管辖范围内", "The inspection does not exist or is outside your scope");
        return ToView(i, await PurchasingSteps.ContractAsync(db, i.ContractId, ct, tracking: false));
    }

    public static async Task<IReadOnlyList<InspectionView>> InspectionsAsync(GuanjiaDb db, Guid? contractId, CancellationToken ct)
    {
        var q = db.Inspections.AsNoTracking();
        if (contractId is { } id) q = q.Where(i => i.ContractId == id);
        var rows = await q.OrderByDescending(i => i.InspectedOn).Take(500).ToListAsync(ct);
        var ids = rows.Select(r => r.ContractId).Distinct().ToList();
        var contracts = await db.ServiceContracts.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        return rows.Where(r => contracts.ContainsKey(r.ContractId)).Select(r => ToView(r, contracts[r.ContractId])).ToList();
    }

    public static RectificationView ToView(Rectification r, ServiceContract c, DateTimeOffset now) => new(r.Id, r.ContractId, c.Number, r.Source, r.SourceId, r.Finding,
        r.DueOn, r.State, PurchasingTerms.Zh(r.State), r.Evidence,
        string.IsNullOrEmpty(r.EvidenceAttachmentIds) ? [] : r.EvidenceAttachmentIds.Split(',').Select(Guid.Parse).ToList(), r.EvidenceAt, r.ClosedAt, r.ClosedByName,
        r.ClosureNote, r.State == RectificationState.Open && Domain.Calendar.ChinaTime.EndOfDay(r.DueOn) < now, r.Version);

    public static async Task<RectificationView> RectificationAsync(GuanjiaDb db, TimeProvider clock, Guid id, CancellationToken ct)
    {
        var r = await db.Rectifications.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFound("Rectification", "整改事项不存在或不在您的管辖范围内", "The rectification does not exist or is outside your scope");
        return ToView(r, await PurchasingSteps.ContractAsync(db, r.ContractId, ct, tracking: false), clock.GetUtcNow());
    }

    public static async Task<IReadOnlyList<RectificationView>> RectificationsAsync(GuanjiaDb db, TimeProvider clock, Guid? contractId, RectificationState? state, CancellationToken ct)
    {
        var q = db.Rectifications.AsNoTracking();
        if (contractId is { } id) q = q.Where(r => r.ContractId == id);
        if (state is { } s) q = q.Where(r => r.State == s);
        var rows = await q.OrderBy(r => r.DueOn).Take(500).ToListAsync(ct);
        var ids = rows.Select(r => r.ContractId).Distinct().ToList();
        var contracts = await db.ServiceContracts.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var now = clock.GetUtcNow();
        return rows.Where(r => contracts.ContainsKey(r.ContractId)).Select(r => ToView(r, contracts[r.ContractId], now)).ToList();
    }

    public static PenaltyView ToView(ContractPenalty p, ServiceContract c, ContractInstalment i) => new(p.Id, p.ContractId, c.Number, p.InstalmentId, i.Name,
        p.ClauseCode, p.AmountFen, p.Reason, p.RectificationId, p.RecordedAt, p.RecordedByName);

    public static async Task<IReadOnlyList<PenaltyView>> PenaltiesAsync(GuanjiaDb db, Guid? contractId, Guid? contractorId, CancellationToken ct)
    {
        var q = db.ContractPenalties.AsNoTracking();
        if (contractId is { } id) q = q.Where(p => p.ContractId == id);
        if (contractorId is { } cid) q = q.Where(p => db.ServiceContracts.Any(c => c.Id == p.ContractId && c.ContractorId == cid));
        var rows = await q.OrderByDescending(p => p.RecordedAt).Take(500).ToListAsync(ct);
        var ids = rows.Select(r => r.ContractId).Distinct().ToList();
        var contracts = await db.ServiceContracts.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var instIds = rows.Select(r => r.InstalmentId).ToList();
        var instalments = await db.ContractInstalments.AsNoTracking().Where(i => instIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
        return rows.Where(r => contracts.ContainsKey(r.ContractId) && instalments.ContainsKey(r.InstalmentId))
            .Select(r => ToView(r, contracts[r.ContractId], instalments[r.InstalmentId])).ToList();
    }

    // ---- evaluations -----------------------------------------------------------------------------------------------------------

    private static async Task<EvaluationSummary> EvaluationSummaryAsync(GuanjiaDb db, ThirdPartyEvaluation e, ServiceContract c, CancellationToken ct)
    {
        var name = (await Organizations.OrganizationQueries.NamesAsync(db, [e.EvaluatorId], ct)).GetValueOrDefault(e.EvaluatorId) ?? "";
        return new EvaluationSummary(e.Id, e.ContractId, c.Number, e.EvaluatorId, name, e.State, e.TotalScore, e.Grade, e.Grade is { } g ? PurchasingTerms.Zh(g) : null,
            e.ScoredAt);
    }

    public static async Task<IReadOnlyList<EvaluationSummary>> EvaluationsAsync(GuanjiaDb db, Guid? contractorId, CancellationToken ct)
    {
        var q = db.ThirdPartyEvaluations.AsNoTracking();
        if (contractorId is { } cid) q = q.Where(e => e.ContractorId == cid);
        var rows = await q.OrderByDescending(e => e.CommissionedAt).Take(500).ToListAsync(ct);
        var ids = rows.Select(r => r.ContractId).ToList();
        // An evaluator sees the contract it evaluates through its evaluation.
        var contracts = await db.ServiceContracts.IgnoreQueryFilters().AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var list = new List<EvaluationSummary>();
        foreach (var e in rows) list.Add(await EvaluationSummaryAsync(db, e, contracts[e.ContractId], ct));
        return list;
    }

    public static async Task<EvaluationView> EvaluationAsync(GuanjiaDb db, Guid id, CancellationToken ct)
    {
        var e = await db.ThirdPartyEvaluations.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFound("ThirdPartyEvaluation", "评估不存在或不在您的管辖范围内", "The evaluation does not exist or is outside your scope");
        var c = await db.ServiceContracts.IgnoreQueryFilters().AsNoTracking().SingleAsync(x => x.Id == e.ContractId, ct);
        var summary = (await SummariesAsync(db, [c], ct))[0];
        var names = await Organizations.OrganizationQueries.NamesAsync(db, [e.EvaluatorId], ct);
        var indicators = PurchasingSteps.ReadList<EvaluationIndicator>(e.IndicatorsJson);
        return new EvaluationView(e.Id, c.Id, c.Number, c.ContractorId, summary.ContractorName, summary.PackageName, c.TermStart, c.TermEnd, e.EvaluatorId,
            names.GetValueOrDefault(e.EvaluatorId) ?? "", indicators,
            indicators.Where(i => i.Category == IndicatorCategory.Effect).Sum(i => i.WeightPercent ?? 0),
            indicators.Where(i => i.Category == IndicatorCategory.Satisfaction).Sum(i => i.WeightPercent ?? 0), e.State, e.DueOn, e.CommissionedAt, e.ScoredAt,
            e.TotalScore, e.Grade, e.Grade is { } g ? PurchasingTerms.Zh(g) : null, e.SurveyRespondents, e.SurveySatisfactionPercent, e.Summary,
            PurchasingSteps.ReadList<Finding>(e.FindingsJson), e.AcceptedAt, e.Version);
    }
}

/// <summary>R-PS-01: the contractor registry and each contractor's history of contracts, evaluations and penalties.</summary>
public static class ContractorQueries
{
    public static async Task<Paged<ContractorListItem>> ListAsync(GuanjiaDb db, string? q, ServiceContent? content, int page, int pageSize, CancellationToken ct)
    {
        new PageRequest(page, pageSize).Validate();
        var profiles = db.ContractorProfiles.AsNoTracking().Join(db.Organizations, p => p.OrganizationId, o => o.Id, (p, o) => new { p, o.Name });
        var code = CreditCode.Normalize(q);
        if (!string.IsNullOrWhiteSpace(q)) profiles = profiles.Where(x => x.Name.Contains(q) || x.p.CreditCode.StartsWith(code));
        var all = await profiles.OrderBy(x => x.Name).ToListAsync(ct);
        if (content is { } sc) all = all.Where(x => PurchasingTerms.Split<ServiceContent>(x.p.ServiceContents).Contains(sc)).ToList();
        var ids = all.Select(x => x.p.OrganizationId).ToList();
        var counts = await db.ServiceContracts.IgnoreQueryFilters().AsNoTracking().Where(c => ids.Contains(c.ContractorId)).GroupBy(c => c.ContractorId)
            .Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        var items = all.Skip((page - 1) * pageSize).Take(pageSize).Select(x => new ContractorListItem(x.p.OrganizationId, x.Name, x.p.Kind,
            PurchasingTerms.Zh(x.p.Kind), x.p.CreditCode, PurchasingTerms.Split<ServiceContent>(x.p.ServiceContents), counts.GetValueOrDefault(x.p.OrganizationId),
            x.p.Version)).ToList();
        return new Paged<ContractorListItem>(items, page, pageSize, all.Count);
    }

    public static async Task<ContractorView> GetAsync(GuanjiaDb db, Guid id, CancellationToken ct)
    {
        var p = await db.ContractorProfiles.AsNoTracking().SingleOrDefaultAsync(x => x.OrganizationId == id, ct)
            ?? throw new NotFound("Contractor", "承接方不存在或不在您的管辖范围内", "The contractor does not exist or is outside your scope");
        var org = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == id, ct);
        var contracts = await db.ServiceContracts.AsNoTracking().Where(c => c.ContractorId == id).OrderByDescending(c => c.SignedOn).ToListAsync(ct);
        var penalties = await PurchasingQueries.PenaltiesAsync(db, null, id, ct);
        var contractIds = contracts.Select(c => c.Id).ToList();
        var open = await db.Rectifications.AsNoTracking().CountAsync(r => contractIds.Contains(r.ContractId) && r.State != RectificationState.Closed, ct);
        return new ContractorView(id, org.Name, p.Kind, PurchasingTerms.Zh(p.Kind), p.CreditCode, p.LegalRepresentative, p.Address, p.Phone,
            PurchasingTerms.Split<ServiceContent>(p.ServiceContents), PurchasingSteps.ReadList<Qualification>(p.QualificationsJson),
            PurchasingSteps.ReadList<ContractorContact>(p.ContactsJson), p.Note, p.Version, await PurchasingQueries.SummariesAsync(db, contracts, ct),
            await PurchasingQueries.EvaluationsAsync(db, id, ct), penalties, penalties.Sum(x => x.AmountFen), open);
    }
}
