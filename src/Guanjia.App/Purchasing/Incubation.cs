using Guanjia.App.Persistence;
using Guanjia.Domain.Common;
using Guanjia.Domain.Organizations;
using Guanjia.Domain.Purchasing;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Purchasing;

public sealed record CapacityEventView(Guid Id, DateOnly On, string Topic, decimal Hours, int Attendees, string? Note, string RecordedByName);

public sealed record IncubatedOrganisationView(Guid Id, string Name, CommunityOrganisationKind Kind, string KindZh, Guid TownId, string TownName,
    Guid? CommunityId, string? CommunityName, IReadOnlyList<ServedGroup> ServedGroups, Guid? IncubatorId, string? IncubatorName, string? Leader,
    string? Description, DateOnly StartedOn, IncubationState State, DateOnly? EndedOn, string? EndNote, decimal CapacityHours,
    IReadOnlyList<CapacityEventView> Events, int Version);

/// <summary>
/// R-CA-10 (001 三(二), 004 四(六)1): community social organisations being incubated in a street, with their capacity-building events;
/// incubating → graduated / filed (备案) or withdrawn by the rows of <see cref="VentureWorkflows.Incubation"/>. Kept at the street's path.
/// </summary>
public static class Incubation
{
    public sealed record Register(string? Name, CommunityOrganisationKind? Kind, Guid? TownId, Guid? CommunityId, IReadOnlyList<ServedGroup>? ServedGroups,
        Guid? IncubatorId, string? Leader, string? Description, string? StartedOn);

    public sealed record Step(string? Action, string? On, string? Note, int? Version);

    public sealed record Event(string? On, string? Topic, decimal? Hours, int? Attendees, string? Note);

    /// <summary>A town-level unit (street, town, zone) of the caller's jurisdiction, or null.</summary>
    internal static async Task<Organization?> TownAsync(GuanjiaDb db, Guid? id, CancellationToken ct) =>
        id is { } t ? await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == t && o.IsActive
            && (o.Kind == OrganizationKind.Town || o.Kind == OrganizationKind.Street || o.Kind == OrganizationKind.Park), ct) : null;

    public static async Task<IncubatedOrganisationView> RegisterAsync(GuanjiaDb db, PurchasingServices s, Register r, CancellationToken ct)
    {
        PurchasingSteps.RequireManage(db);
        var town = await TownAsync(db, r.TownId, ct);
        var c = new Check().Required("name", r.Name, "组织名称", "Name").MaxLength("name", r.Name, 100, "组织名称", "Name")
            .When(r.Kind is null || !Enum.IsDefined(r.Kind.Value), "kind", "required", "请选择组织类别（社会组织、社区社会组织、居民委员会下属委员会、楼栋团队）",
                "kind must be SocialOrganisation, CommunitySocialOrganisation, ResidentsCommitteeSubcommittee or BuildingTeam")
            .When(town is null, "townId", "not_a_town", "请选择本管辖区的街道（乡镇、开发区）", "Choose a street, town or zone of your jurisdiction")
            .When(r.ServedGroups is null || r.ServedGroups.Count == 0 || !PurchasingSteps.AllDefined(r.ServedGroups), "servedGroups", "required",
                "请选择服务对象（R-CA-10）", "Choose the groups it serves (R-CA-10)")
            .MaxLength("leader", r.Leader, 50, "负责人", "Leader").MaxLength("description", r.Description, 2000, "简介", "Description");
        Organization? community = null;
        if (r.CommunityId is { } cid && town is not null)
        {
            community = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == cid && o.ParentId == town.Id, ct);
            c.When(community is null, "communityId", "not_in_town", "所选社区不属于该街道", "The community is not in the street");
        }
        if (r.IncubatorId is { } iid)
            c.When(!await db.Organizations.AnyAsync(o => o.Id == iid && o.IsActive, ct), "incubatorId", "unknown", "孵化单位不是本管辖区登记的机构",
                "The incubator is not an organisation of your jurisdiction");
        var started = PurchasingSteps.Date(c, "startedOn", r.StartedOn, "孵化开始日期", "startedOn");
        c.When(started > PurchasingSteps.Today(s.Clock), "startedOn", "in_future", "孵化开始日期不能晚于今天", "startedOn cannot be in the future");
        c.ThrowIfFailed();
        var o = new IncubatedOrganisation
        {
            Id = Guid.CreateVersion7(), Name = r.Name!.Trim(), Kind = r.Kind!.Value, TownId = town!.Id, CommunityId = community?.Id, ScopePath = town.Path,
            ServedGroups = PurchasingTerms.Join(r.ServedGroups!), IncubatorId = r.IncubatorId, Leader = Trim(r.Leader), Description = Trim(r.Description),
            StartedOn = started!.Value, CreatedAt = s.Clock.GetUtcNow(),
        };
        db.IncubatedOrganisations.Add(o);
        await s.Workflow.FireAsync(db, VentureWorkflows.Incubation, o, "Register", null, s.Workflow.At(), ct);
        await db.Audit("RegisterIncubatedOrganisation").SaveChangesAsync(ct);
        return await GetAsync(db, o.Id, ct);
    }

    /// <summary>Graduate, File (备案) or Withdraw, on a date, by the row of the table.</summary>
    public static async Task<IncubatedOrganisationView> StepAsync(GuanjiaDb db, PurchasingServices s, Guid id, Step r, CancellationToken ct)
    {
        PurchasingSteps.RequireManage(db);
        var o = await db.IncubatedOrganisations.SingleOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFound("IncubatedOrganisation", "孵化组织不存在或不在您的管辖范围内", "The organisation does not exist or is outside your scope");
        var c = new Check().When(r.Action is not ("Graduate" or "File" or "Withdraw"), "action", "invalid", "请选择出壳、备案或退出",
            "action must be Graduate, File or Withdraw").MaxLength("note", r.Note, 500, "说明", "Note");
        var on = PurchasingSteps.Date(c, "on", r.On, "日期", "on");
        c.When(on > PurchasingSteps.Today(s.Clock), "on", "in_future", "日期不能晚于今天", "on cannot be in the future")
            .When(on < o.StartedOn, "on", "before_start", "日期不能早于孵化开始日期", "on cannot be before the incubation started");
        c.ThrowIfFailed();
        if (r.Version is { } v && v != o.Version) throw new Conflict("该组织已被他人修改，请刷新后重试", "The organisation was changed by someone else; reload and retry");
        if (!VentureWorkflows.Incubation.Allows(o, r.Action!))
            throw new ValidationFailed("action", "not_allowed", $"当前状态（{o.State}）不能执行此操作", $"{r.Action} does not apply to an organisation that is {o.State}");
        await s.Workflow.FireAsync(db, VentureWorkflows.Incubation, o, r.Action!, null, s.Workflow.At(reason: r.Note), ct);
        o.EndedOn = on;
        o.EndNote = Trim(r.Note);
        await db.Audit("StepIncubatedOrganisation", r.Note).SaveChangesAsync(ct);
        return await GetAsync(db, o.Id, ct);
    }

    /// <summary>R-CA-10: a capacity-building event (training, exchange, visit …) with its hours and attendees.</summary>
    public static async Task<IncubatedOrganisationView> RecordEventAsync(GuanjiaDb db, PurchasingServices s, Guid id, Event r, CancellationToken ct)
    {
        PurchasingSteps.RequireManage(db);
        var o = await db.IncubatedOrganisations.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFound("IncubatedOrganisation", "孵化组织不存在或不在您的管辖范围内", "The organisation does not exist or is outside your scope");
        var c = new Check().Required("topic", r.Topic, "主题", "Topic").MaxLength("topic", r.Topic, 200, "主题", "Topic")
            .When(r.Hours is null or <= 0 or > 100 || (r.Hours is { } h && decimal.Round(h, 1) != h), "hours", "out_of_range",
                "时长须在0.1到100小时之间（一位小数）", "hours must be from 0.1 to 100 with one decimal")
            .When(r.Attendees is null or < 1 or > 100_000, "attendees", "out_of_range", "参加人数须为正整数", "attendees must be a positive whole number")
            .MaxLength("note", r.Note, 1000, "说明", "Note");
        var on = PurchasingSteps.Date(c, "on", r.On, "日期", "on");
        c.When(on > PurchasingSteps.Today(s.Clock), "on", "in_future", "已开展的能力建设活动日期不能晚于今天", "A capacity-building event that happened cannot be in the future")
            .When(o.State is IncubationState.Withdrawn, "on", "withdrawn", "该组织已退出孵化", "The organisation has withdrawn");
        c.ThrowIfFailed();
        db.CapacityEvents.Add(new CapacityEvent
        {
            Id = Guid.CreateVersion7(), OrganisationId = o.Id, ScopePath = o.ScopePath, On = on!.Value, Topic = r.Topic!.Trim(), Hours = r.Hours!.Value,
            Attendees = r.Attendees!.Value, Note = Trim(r.Note), CreatedAt = s.Clock.GetUtcNow(), RecordedByName = db.Actor.Name,
        });
        await db.Audit("RecordCapacityEvent").SaveChangesAsync(ct);
        return await GetAsync(db, o.Id, ct);
    }

    public static async Task<IReadOnlyList<IncubatedOrganisationView>> ListAsync(GuanjiaDb db, Guid? townId, IncubationState? state, CancellationToken ct)
    {
        var q = db.IncubatedOrganisations.AsNoTracking();
        if (townId is { } t) q = q.Where(o => o.TownId == t);
        if (state is { } st) q = q.Where(o => o.State == st);
        var rows = await q.OrderByDescending(o => o.StartedOn).ThenBy(o => o.Name).Take(500).ToListAsync(ct);
        return await ViewsAsync(db, rows, withEvents: false, ct);
    }

    public static async Task<IncubatedOrganisationView> GetAsync(GuanjiaDb db, Guid id, CancellationToken ct)
    {
        var o = await db.IncubatedOrganisations.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFound("IncubatedOrganisation", "孵化组织不存在或不在您的管辖范围内", "The organisation does not exist or is outside your scope");
        return (await ViewsAsync(db, [o], withEvents: true, ct))[0];
    }

    private static async Task<IReadOnlyList<IncubatedOrganisationView>> ViewsAsync(GuanjiaDb db, List<IncubatedOrganisation> rows, bool withEvents,
        CancellationToken ct)
    {
        var ids = rows.Select(o => o.Id).ToList();
        var orgIds = rows.SelectMany(o => new[] { (Guid?)o.TownId, o.CommunityId, o.IncubatorId }).OfType<Guid>().Distinct().ToList();
        var names = await db.Organizations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var events = await db.CapacityEvents.AsNoTracking().Where(e => ids.Contains(e.OrganisationId)).ToListAsync(ct);
        return rows.Select(o =>
        {
            var mine = events.Where(e => e.OrganisationId == o.Id).OrderByDescending(e => e.On).ThenByDescending(e => e.CreatedAt).ToList();
            return new IncubatedOrganisationView(o.Id, o.Name, o.Kind, VentureTerms.Zh(o.Kind), o.TownId, names.GetValueOrDefault(o.TownId, ""), o.CommunityId,
                o.CommunityId is { } cid ? names.GetValueOrDefault(cid) : null, PurchasingTerms.Split<ServedGroup>(o.ServedGroups), o.IncubatorId,
                o.IncubatorId is { } iid ? names.GetValueOrDefault(iid) : null, o.Leader, o.Description, o.StartedOn, o.State, o.EndedOn, o.EndNote,
                mine.Sum(e => e.Hours),
                withEvents ? mine.Select(e => new CapacityEventView(e.Id, e.On, e.Topic, e.Hours, e.Attendees, e.Note, e.RecordedByName)).ToList() : [],
                o.Version);
        }).ToList();
    }

    internal static string? Trim(string? v) => string.IsNullOrWhiteSpace(v) ? null : v.Trim();
}
