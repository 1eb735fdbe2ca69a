using Guanjia.App.Deadlines;
using Guanjia.App.Persistence;
using Guanjia.Domain.Calendar;
using Guanjia.Domain.Common;
using Guanjia.Domain.Deadlines;
using Guanjia.Domain.Feedback;
using Guanjia.Domain.MicroProjects;
using Guanjia.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.MicroProjects;

public sealed record CampaignView(Guid Id, Guid TownId, int Year, DateTimeOffset OpenedAt, DateTimeOffset EndsAt, DateTimeOffset? ClosedAt, int Version);

/// <summary>A plan item and how it is paid: <c>MatchingFen</c> is the part beyond the city's allocation, from the town's matching funds.</summary>
public sealed record PlanItemView(Guid ProjectId, string Number, string Name, long BudgetFen, PlanFunding Funding, bool IsAdjustment, string? Reason,
    DateTimeOffset AddedAt, DateTimeOffset? ReportedToCityAt, long MatchingFen);

public sealed record PlanView(Guid Id, Guid TownId, int Year, PlanState State, long AllocationFen, long PlannedFen, long AdjustedFen,
    DateTimeOffset? FiledAt, string? StampNote, int Version, IReadOnlyList<PlanItemView> Items, string? BelowAllocationReason, long MatchingFen);

public sealed record AllocationView(Guid TownId, int Year, long MicroProjectFen, long MicroWishFen, int Version);

/// <summary>
/// The year's plan (R-IN-02, R-MS-17): the town's concentrated collection until the end of January, the
/// pool of confirmed items, the plan filed by the end of February with a total at least the city's
/// allocation, and in-year adjustments paid from matching funds and reported to the city.
/// </summary>
public static class AnnualPlans
{
    /// <summary>After the rule's end date (31 January) a campaign may still open, late: <c>LateReason</c> and its own end date are then needed.</summary>
    public sealed record OpenCampaign(int? Year, string? Note, string? LateReason = null, DateOnly? EndsOn = null);

    public sealed record CloseCampaign(string? LateReason, int? Version);

    /// <summary>
    /// The projects in the order the town ranks them: the allocation pays the first, matching funds the rest (R-MS-17). A total
    /// below the allocation is "原则上" not allowed: it needs <c>BelowAllocationReason</c>.
    /// </summary>
    public sealed record FilePlan(int? Year, IReadOnlyList<Guid>? ProjectIds, string? StampNote, string? LateReason, string? BelowAllocationReason = null);

    public sealed record Adjust(Guid? ProjectId, string? Reason);

    public sealed record SetAllocation(long? MicroProjectFen, long? MicroWishFen, int? Version);

    private static async Task<Organization> ActorTownAsync(GuanjiaDb db, CancellationToken ct)
    {
        var org = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == db.Actor.OrganizationId, ct);
        var town = org is null ? null : org.IsTownLevel ? org
            : org.Kind == OrganizationKind.TownDepartment ? await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == org.ParentId, ct) : null;
        return town ?? throw new Forbidden("只有镇（街道）可以办理年度计划", "Only a town may manage its annual plan");
    }

    private static void RequireTown(GuanjiaDb db)
    {
        if (!db.Actor.Has(Domain.Accounts.Permissions.ProjectsTown))
            throw new Forbidden("只有镇（街道）牵头部门可以办理年度计划", "Only the town lead department manages the annual plan");
    }

    public static async Task<CampaignView> OpenCampaignAsync(GuanjiaDb db, ProjectServices s, AnnualObligations yearly, OpenCampaign r, CancellationToken ct)
    {
        RequireTown(db);
        var town = await ActorTownAsync(db, ct);
        var (_, rules) = await s.Rules.CurrentAsync(db, s.Clock, town.Path, ct);
        var now = s.Clock.GetUtcNow();
        var today = ChinaTime.LocalDate(now);
        new Check().When(r.Year is null or < 2020 or > 2100, "year", "out_of_range", "请填写计划年度", "year is required").ThrowIfFailed();
        var due = ChinaTime.EndOfDay(new DateOnly(r.Year!.Value, rules.CollectionEndMonth, rules.CollectionEndDay));
        var late = now > due;
        // R-IN-02: a campaign after the end of January is allowed, late, with its reason and an end date of its own.
        new Check()
            .When(late && string.IsNullOrWhiteSpace(r.LateReason), "lateReason", "late_reason_required",
                $"{r.Year}年度集中征集应于{rules.CollectionEndMonth}月{rules.CollectionEndDay}日前完成，现已逾期，请填写逾期原因",
                $"The {r.Year} collection was due by {due:yyyy-MM-dd}; give the reason for the delay")
            .When(late && r.EndsOn is null, "endsOn", "required", "逾期开展的集中征集请填写截止日期", "A late collection needs its own end date")
            .When(r.EndsOn is { } e && e < today, "endsOn", "in_past", "截止日期不能早于今天", "endsOn cannot be in the past")
            .When(r.EndsOn is { } e2 && e2.Year != r.Year, "endsOn", "other_year", "截止日期须在计划年度内", "endsOn must fall in the plan year")
            .MaxLength("lateReason", r.LateReason, 500, "逾期原因", "Late reason")
            .MaxLength("note", r.Note, 500, "备注", "Note")
            .ThrowIfFailed();
        if (await db.CollectionCampaigns.AnyAsync(c => c.TownId == town.Id && c.Year == r.Year, ct))
            throw new Conflict($"{town.Name}{r.Year}年度集中征集已开展", $"The {r.Year} collection of this town already exists");
        var c = new CollectionCampaign
        {
            Id = Guid.CreateVersion7(), TownId = town.Id, Year = r.Year.Value, ScopePath = town.Path, OpenedAt = now,
            EndsAt = r.EndsOn is { } end ? ChinaTime.EndOfDay(end) : due, Note = r.Note?.Trim(), LateReason = late ? r.LateReason!.Trim() : null,
        };
        db.CollectionCampaigns.Add(c);
        // The year's duties exist from 1 January; a campaign for a year not yet begun makes them now.
        await yearly.EnsureAsync(db, town, c.Year, ct);
        await db.Audit("OpenCollectionCampaign", c.LateReason).SaveChangesAsync(ct);
        return new CampaignView(c.Id, c.TownId, c.Year, c.OpenedAt, c.EndsAt, c.ClosedAt, c.Version);
    }

    public static async Task<CampaignView> CloseCampaignAsync(GuanjiaDb db, ProjectServices s, Guid id, CloseCampaign r, CancellationToken ct)
    {
        RequireTown(db);
        var c = await db.CollectionCampaigns.SingleOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFound("CollectionCampaign", "集中征集不存在或不在您的管辖范围内", "The campaign does not exist or is outside your scope");
        if (c.ClosedAt is not null) throw new Conflict("集中征集已结束", "The campaign is already closed");
        if (r.Version is { } v && v != c.Version) throw new Conflict("已被他人修改，请刷新后重试", "Changed by someone else; reload");
        var now = s.Clock.GetUtcNow();
        await s.Deadlines.MeetAsync(db, AnnualObligations.TownYearId(c.TownId, c.Year), [Obligations.ConcentratedCollection], r.LateReason ?? c.LateReason,
            now, ct);
        c.ClosedAt = now;
        await db.Audit("CloseCollectionCampaign").SaveChangesAsync(ct);
        return new CampaignView(c.Id, c.TownId, c.Year, c.OpenedAt, c.EndsAt, c.ClosedAt, c.Version);
    }

    public static async Task<AllocationView> SetAllocationAsync(GuanjiaDb db, TimeProvider clock, Guid townId, int year, SetAllocation r, CancellationToken ct)
    {
        var town = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == townId, ct);
        new Check()
            .When(town is null || !town.IsTownLevel, "townId", "not_a_town", "请选择镇（街道）", "townId must be a town, street or park")
            .When(year is < 2020 or > 2100, "year", "out_of_range", "年度无效", "year is not valid")
            .When(r.MicroProjectFen is null or < 0, "microProjectFen", "out_of_range", "金额须为不小于0的整数（单位：分）", "must be a non-negative amount in fen")
            .When(r.MicroWishFen is < 0, "microWishFen", "out_of_range", "金额须为不小于0的整数（单位：分）", "must be a non-negative amount in fen")
            .ThrowIfFailed();
        // R-FD-03: once the city has committed the year's allocation run, a town's amount changes only by an adjustment with its ledger entries.
        if (await db.AllocationRuns.AnyAsync(x => x.Year == year, ct))
            throw new Conflict($"{year}年度经费已按分配方案下达，调整某镇（街道）额度请使用“分配调整”（/api/funds/allocations/{year}/adjustments）",
                $"The {year} allocation is committed; change a town's amount with an adjustment (/api/funds/allocations/{year}/adjustments)");
        var row = await db.TownAllocations.SingleOrDefaultAsync(a => a.TownId == townId && a.Year == year, ct);
        if (row is null)
        {
            row = new TownAllocation { Id = Guid.CreateVersion7(), TownId = townId, Year = year, ScopePath = town!.Path };
            db.TownAllocations.Add(row);
        }
        else if (r.Version is { } v && v != row.Version) throw new Conflict("已被他人修改，请刷新后重试", "Changed by someone else; reload");
        row.MicroProjectFen = r.MicroProjectFen!.Value;
        row.MicroWishFen = r.MicroWishFen ?? row.MicroWishFen;
        row.UpdatedAt = clock.GetUtcNow();
        await db.Audit("SetTownAllocation").SaveChangesAsync(ct);
        return new AllocationView(row.TownId, row.Year, row.MicroProjectFen, row.MicroWishFen, row.Version);
    }

    /// <summary>Campaigns in the caller's scope, newest year first.</summary>
    public static async Task<IReadOnlyList<CampaignView>> CampaignsAsync(GuanjiaDb db, Guid? townId, int? year, CancellationToken ct)
    {
        var q = db.CollectionCampaigns.AsNoTracking();
        if (townId is { } t) q = q.Where(c => c.TownId == t);
        if (year is { } y) q = q.Where(c => c.Year == y);
        return await q.OrderByDescending(c => c.Year).Take(100)
            .Select(c => new CampaignView(c.Id, c.TownId, c.Year, c.OpenedAt, c.EndsAt, c.ClosedAt, c.Version)).ToListAsync(ct);
    }

    /// <summary>The city's allocation to a town for a year, for the town to plan against (R-MS-17).</summary>
    public static async Task<AllocationView> AllocationAsync(GuanjiaDb db, Guid townId, int year, CancellationToken ct)
    {
        var a = await db.TownAllocations.AsNoTracking().SingleOrDefaultAsync(x => x.TownId == townId && x.Year == year, ct)
            ?? throw new NotFound("TownAllocation", "该年度尚未下达经费额度，或不在您的管辖范围内", "No allocation for that town and year in your scope");
        return new AllocationView(a.TownId, a.Year, a.MicroProjectFen, a.MicroWishFen, a.Version);
    }

    public static async Task<IReadOnlyList<ProjectRow>> PoolAsync(GuanjiaDb db, Guid townId, int year, CancellationToken ct) =>
        (await ProjectQueries.ListAsync(db, new ProjectQueries.Filter(TownId: townId, Year: year, InAnnualPool: true, PageSize: 200), ct)).Items;

    public static async Task<PlanView> FileAsync(GuanjiaDb db, ProjectServices s, FilePlan r, CancellationToken ct)
    {
        RequireTown(db);
        var town = await ActorTownAsync(db, ct);
        var ids = r.ProjectIds?.Distinct().ToList() ?? [];
        new Check().When(r.Year is null or < 2020 or > 2100, "year", "out_of_range", "请填写计划年度", "year is required")
            .When(ids.Count == 0, "projectIds", "required", "请选择列入计划的项目", "projectIds is required")
            .MaxLength("stampNote", r.StampNote, 200, "盖章说明", "Stamp note")
            .MaxLength("belowAllocationReason", r.BelowAllocationReason, 500, "说明", "Reason").ThrowIfFailed();
        var year = r.Year!.Value;
        if (await db.AnnualPlans.AnyAsync(p => p.TownId == town.Id && p.Year == year, ct))
            throw new Conflict($"{year}年度实施计划已报送，新增项目请作动态调整", "The plan for this year is already filed; add items as adjustments");
        var found = await db.MicroProjects.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var projects = ids.Where(found.ContainsKey).Select(i => found[i]).ToList();
        var notPool = ids.Except(projects.Where(p => p.TownId == town.Id && p.Year == year && p.InAnnualPool).Select(p => p.Id)).ToList();
        var allocation = await db.TownAllocations.AsNoTracking().SingleOrDefaultAsync(a => a.TownId == town.Id && a.Year == year, ct);
        var total = projects.Sum(p => p.BudgetFen ?? 0);
        new Check()
            .When(notPool.Count > 0, "projectIds", "not_in_pool", "只有本镇（街道）本年度项目库中的项目可以列入计划", "Only projects in this town's pool for the year can be planned")
            .When(allocation is null, "year", "no_allocation", "市尚未下达该年度“民生微实事”经费额度", "The city has not set this year's allocation")
            // R-MS-17 says 原则上 (in principle): below the allocation is allowed with the town's reason, which the city sees.
            .When(allocation is not null && total < allocation.MicroProjectFen && string.IsNullOrWhiteSpace(r.BelowAllocationReason), "belowAllocationReason",
                "below_allocation", $"计划总额{total / 1_000_000m:0.####}万元少于市分配额度{allocation?.MicroProjectFen / 1_000_000m:0.####}万元，原则上不得少于分配额度，确需报送请说明原因",
                $"The plan total ({total} fen) is below the city's allocation ({allocation?.MicroProjectFen} fen); give the reason (R-MS-17)")
            .ThrowIfFailed();
        var now = s.Clock.GetUtcNow();
        await s.Deadlines.MeetAsync(db, AnnualObligations.TownYearId(town.Id, year), [Obligations.AnnualPlan], r.LateReason, now, ct);
        var below = total < allocation!.MicroProjectFen;
        var plan = new AnnualPlan
        {
            Id = Guid.CreateVersion7(), TownId = town.Id, Year = year, ScopePath = town.Path, State = PlanState.Filed, AllocationFen = allocation.MicroProjectFen,
            PlannedFen = total, FiledAt = now, StampNote = r.StampNote?.Trim(), BelowAllocationReason = below ? r.BelowAllocationReason!.Trim() : null,
        };
        db.AnnualPlans.Add(plan);
        // The allocation pays the items in the town's order; what goes beyond it is the town's matching money (R-MS-17).
        var left = allocation.MicroProjectFen;
        foreach (var p in projects)
        {
            var budget = p.BudgetFen ?? 0;
            var fromAllocation = Math.Min(budget, Math.Max(0, left));
            left -= fromAllocation;
            db.AnnualPlanItems.Add(new AnnualPlanItem
            {
                Id = Guid.CreateVersion7(), PlanId = plan.Id, ProjectId = p.Id, ScopePath = p.ScopePath, BudgetFen = budget,
                Funding = fromAllocation == 0 && budget > 0 ? PlanFunding.MatchingFund : PlanFunding.Allocation, MatchingFen = budget - fromAllocation,
                AddedAt = now,
            });
        }
        await NotifyCityAsync(db, town, now, $"{town.Name}已报送{year}年度“民生微实事”项目实施计划，共{projects.Count}个项目，总额{total / 1_000_000m:0.####}万元" +
            (below ? $"，少于市分配额度，原因：{plan.BelowAllocationReason}。" : total > allocation.MicroProjectFen
                ? $"，超出市分配额度{(total - allocation.MicroProjectFen) / 1_000_000m:0.####}万元由镇（街道）配套资金解决。" : "。"), ct);
        await db.Audit("FileAnnualPlan").SaveChangesAsync(ct);
        return await GetAsync(db, plan.Id, ct);
    }

    public static async Task<PlanView> AdjustAsync(GuanjiaDb db, ProjectServices s, Guid planId, Adjust r, CancellationToken ct)
    {
        RequireTown(db);
        var plan = await db.AnnualPlans.SingleOrDefaultAsync(p => p.Id == planId, ct)
            ?? throw new NotFound("AnnualPlan", "年度计划不存在或不在您的管辖范围内", "The plan does not exist or is outside your scope");
        new Check().When(r.ProjectId is null, "projectId", "required", "请选择调整的项目", "projectId is required")
            .Required("reason", r.Reason, "调整原因", "Reason").MaxLength("reason", r.Reason, 500, "调整原因", "Reason").ThrowIfFailed();
        var p = await db.MicroProjects.AsNoTracking().SingleOrDefaultAsync(x => x.Id == r.ProjectId, ct);
        var confirmed = p is not null && p.State is not (ProjectState.AwaitingConsultation or ProjectState.ConsultationFailed or ProjectState.Consulted
            or ProjectState.TownReview or ProjectState.PolicyReferred or ProjectState.Rejected);
        new Check()
            .When(p is null || p.TownId != plan.TownId, "projectId", "unknown_project", "项目不存在或不属于本镇（街道）", "The project is not this town's")
            .When(p is not null && !confirmed, "projectId", "not_confirmed", "只有已确认的项目可以调整进计划", "Only confirmed projects can be added")
            .ThrowIfFailed();
        if (await db.AnnualPlanItems.AnyAsync(i => i.PlanId == planId && i.ProjectId == p!.Id, ct))
            throw new Conflict("该项目已在计划中", "The project is already in the plan");
        var now = s.Clock.GetUtcNow();
        db.AnnualPlanItems.Add(new AnnualPlanItem
        {
            Id = Guid.CreateVersion7(), PlanId = plan.Id, ProjectId = p!.Id, ScopePath = p.ScopePath, BudgetFen = p.BudgetFen ?? 0,
            Funding = PlanFunding.MatchingFund, MatchingFen = p.BudgetFen ?? 0, IsAdjustment = true, Reason = r.Reason!.Trim(), AddedAt = now, ReportedToCityAt = now,
        });
        plan.AdjustedFen += p.BudgetFen ?? 0;
        var town = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == plan.TownId, ct);
        await NotifyCityAsync(db, town, now, $"{town.Name}动态调整{plan.Year}年度项目库：新增“{p.Name}”（{p.Number}），{(p.BudgetFen ?? 0) / 1_000_000m:0.####}万元，由镇（街道）配套资金解决。原因：{r.Reason!.Trim()}", ct);
        await db.Audit("AdjustAnnualPlan", r.Reason).SaveChangesAsync(ct);
        return await GetAsync(db, plan.Id, ct);
    }

    /// <summary>
    /// The report is addressed to the town's own city (the root of its jurisdiction, ADR 0040) but belongs to the town that
    /// made it, so the town may write it.
    /// </summary>
    private static async Task NotifyCityAsync(GuanjiaDb db, Organization town, DateTimeOffset now, string text, CancellationToken ct)
    {
        var root = Domain.Jurisdictions.Jurisdiction.RootOf(town.Path);
        var city = await db.Organizations.AsNoTracking().Where(o => o.Path == root).FirstOrDefaultAsync(ct);
        if (city is null) return;
        db.StaffNotifications.Add(new StaffNotification
        {
            Id = Guid.CreateVersion7(), OrganizationId = city.Id, ScopePath = town.Path, Kind = "AnnualPlan", Text = text, CreatedAt = now,
        });
    }

    public static async Task<PlanView> GetAsync(GuanjiaDb db, Guid id, CancellationToken ct)
    {
        var plan = await db.AnnualPlans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct)
            ?? throw new NotFound("AnnualPlan", "年度计划不存在或不在您的管辖范围内", "The plan does not exist or is outside your scope");
        var items = await db.AnnualPlanItems.AsNoTracking().Where(i => i.PlanId == id).OrderBy(i => i.AddedAt).ToListAsync(ct);
        var pids = items.Select(i => i.ProjectId).ToList();
        var projects = await db.MicroProjects.AsNoTracking().Where(p => pids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        return new PlanView(plan.Id, plan.TownId, plan.Year, plan.State, plan.AllocationFen, plan.PlannedFen, plan.AdjustedFen, plan.FiledAt,
            plan.StampNote, plan.Version, items.Select(i => new PlanItemView(i.ProjectId, projects.GetValueOrDefault(i.ProjectId)?.Number ?? "",
                projects.GetValueOrDefault(i.ProjectId)?.Name ?? "", i.BudgetFen, i.Funding, i.IsAdjustment, i.Reason, i.AddedAt, i.ReportedToCityAt,
                i.MatchingFen)).ToList(), plan.BelowAllocationReason, items.Sum(i => i.MatchingFen));
    }

    public static async Task<IReadOnlyList<PlanView>> ListAsync(GuanjiaDb db, int? year, CancellationToken ct)
    {
        var ids = await db.AnnualPlans.AsNoTracking().Where(p => year == null || p.Year == year).OrderBy(p => p.Year).Select(p => p.Id).ToListAsync(ct);
        var list = new List<PlanView>();
        foreach (var id in ids) list.Add(await GetAsync(db, id, ct));
        return list;
    }
}
