using Guanjia.App.Appeals;
using Guanjia.App.Persistence;
using Guanjia.Domain.Accounts;
using Guanjia.Domain.Calendar;
using Guanjia.Domain.CivilAffairs;
using Guanjia.Domain.Common;
using Guanjia.Domain.Jurisdictions;
using Guanjia.Domain.Purchasing;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.CivilAffairs;

public sealed record TrainingEntryView(Guid Id, DateOnly On, decimal Hours, TrainingKind Kind, string Topic, string? Provider);

public sealed record StaffView(Guid Id, StaffRole Role, Guid? StationId, Guid? PackageId, Guid EmployerId, string EmployerName, Guid? UserId, string Name,
    string? Phone, DateOnly BirthDate, int Age, EducationLevel Education, bool LocalHukou, IReadOnlyList<string> Exceptions, string? ExceptionReason,
    bool HiredByOpenExam, bool SocialInsurance, DateOnly? FiledWithBureauOn, DateOnly Since, DateOnly? Until, decimal PreJobHours, int PreJobRequired,
    bool MayServe, TrainingLedger.ContinuingStatus Continuing, int Version);

/// <summary>
/// The roster and the training ledger (R-CA-02, R-CA-03, R-PS-04; ADR 0042): a station's workers, a package's project manager and
/// supervisor, each with the general requirements checked against the jurisdiction's numbers (an exception needs its reason), and a
/// ledger of pre-job and continuing training. A worker short of the pre-job hours is refused wherever casework would have them serve.
/// </summary>
public static class StaffRoster
{
    public sealed record Add(StaffRole? Role, Guid? StationId, Guid? PackageId, Guid? EmployerId, Guid? UserId, string? Name, string? Phone,
        string? BirthDate, EducationLevel? Education, bool? LocalHukou, string? ExceptionReason, bool? HiredByOpenExam, bool? SocialInsurance,
        string? FiledWithBureauOn, string? Since);

    public sealed record AddTraining(string? On, decimal? Hours, TrainingKind? Kind, string? Topic, string? Provider);

    /// <summary>The city or the town (casework) or the bureau (purchasing) keeps the roster.</summary>
    public static void RequireKeeper(GuanjiaDb db)
    {
        if (!db.Actor.Has(Permissions.CaseworkConfigure) && !db.Actor.Has(Permissions.CaseworkTown) && !db.Actor.Has(Permissions.PurchasingManage))
            throw new Forbidden("只有民政局或镇街可以维护服务站人员", "Only the bureau or the town keeps the stations' staff");
    }

    public static void RequireReader(GuanjiaDb db)
    {
        if (!db.Actor.Has(Permissions.CaseworkRead) && !db.Actor.Has(Permissions.PurchasingRead))
            throw new Forbidden("您无权查看服务站人员", "You may not read the stations' staff");
    }

    private static bool Keeps(GuanjiaDb db) =>
        db.Actor.Has(Permissions.CaseworkConfigure) || db.Actor.Has(Permissions.CaseworkTown) || db.Actor.Has(Permissions.PurchasingManage);

    private static DateOnly? Date(Check c, string field, string? text, string zh, bool required)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required) c.Add(field, "required", $"请填写{zh}", $"{field} is required");
            return null;
        }
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", out var d)) return d;
        c.Add(field, "invalid_date", $"{zh}格式应为 yyyy-MM-dd", $"{field} must be a date as yyyy-MM-dd");
        return null;
    }

    public static async Task<StaffView> AddAsync(GuanjiaDb db, CaseworkServices s, Add r, CancellationToken ct)
    {
        RequireKeeper(db);
        var today = s.Today;
        var phone = AppealSupport.NormalizePhone(r.Phone);
        var c = new Check().Defined("role", r.Role, "岗位")
            .Required("name", r.Name, "姓名", "Name").MaxLength("name", r.Name, 64, "姓名", "Name").CheckPhone("phone", phone)
            .Defined("education", r.Education, "学历")
            .When(r.LocalHukou is null, "localHukou", "required", "请选择是否本地户籍", "localHukou is required")
            .When(r.HiredByOpenExam is null, "hiredByOpenExam", "required", "请选择是否经公开招考聘用（R-CA-02）", "hiredByOpenExam is required (R-CA-02)")
            .When(r.SocialInsurance is null, "socialInsurance", "required", "请选择是否缴纳社会保险（R-CA-02）", "socialInsurance is required (R-CA-02)");
        var birth = Date(c, "birthDate", r.BirthDate, "出生日期", true);
        var since = Date(c, "since", r.Since, "到岗日期", false) ?? today;
        var filed = Date(c, "filedWithBureauOn", r.FiledWithBureauOn, "报民政局备案日期", false);
        c.When(birth is { } b && (b > today || b < today.AddYears(-100)), "birthDate", "out_of_range", "出生日期不正确", "birthDate is not plausible")
            .When(filed > today, "filedWithBureauOn", "in_future", "备案日期不能晚于今天", "filedWithBureauOn is in the future");

        CivilAffairsStation? station = null;
        Domain.Purchasing.ServicePackage? package = null;
        if (r.Role == StaffRole.Worker)
        {
            station = r.StationId is { } sid ? await db.CivilAffairsStations.AsNoTracking().SingleOrDefaultAsync(x => x.Id == sid, ct) : null;
            c.When(station is null, "stationId", "unknown_station", "请选择您范围内的服务站", "Choose a station in your scope");
        }
        else if (r.Role is StaffRole.ProjectManager or StaffRole.Supervisor)
        {
            package = r.PackageId is { } pid ? await db.ServicePackages.AsNoTracking().SingleOrDefaultAsync(x => x.Id == pid, ct) : null;
            c.When(package is null, "packageId", "unknown_package", "请选择您管辖范围内的服务包（R-PS-04）", "Choose a package in your jurisdiction (R-PS-04)");
        }
        var employer = r.EmployerId is { } eid ? await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == eid, ct) : null;
        c.When(employer is null, "employerId", "unknown_employer", r.Role == StaffRole.Supervisor ? "请选择派出督导的基层治理学院" : "请选择聘用该人员的承接方",
            "Choose the employer (the contractor, or the governance academy for a supervisor)");
        if (employer is not null && r.Role is StaffRole.Worker or StaffRole.ProjectManager)
            c.When(employer.Kind != Domain.Organizations.OrganizationKind.Contractor, "employerId", "not_a_contractor",
                "驻站人员和项目主管由承接方聘用（R-CA-02）", "Workers and project managers are employed by the contractor (R-CA-02)");
        if (r.UserId is { } uid)
        {
            var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == uid, ct);
            c.When(user is null || user.Role != Role.StationWorker, "userId", "not_a_station_worker", "关联账号须为“驻站人员”账号",
                    "The linked account must be a station worker's")
                .When(user is not null && await db.StaffMembers.IgnoreQueryFilters().AnyAsync(m => m.UserId == uid && m.Until == null, ct), "userId", "exists",
                    "该账号已在花名册中", "The account is already on the roster");
        }
        var path = station?.ScopePath ?? package?.ScopePath;
        string[] exceptions = [];
        if (c.Ok && path is not null && birth is not null)
        {
            var rules = (await s.Jurisdictions.RequireAsync(db, path, ct)).Rules.CivilAffairs;
            exceptions = [.. StaffRequirements.Exceptions(birth.Value, r.Education!.Value, r.LocalHukou!.Value, since, rules)];
            StaffRequirements.CheckExceptions(c, exceptions, r.ExceptionReason, rules);
        }
        c.ThrowIfFailed();

        var m = new StaffMember
        {
            Id = Guid.CreateVersion7(), Role = r.Role!.Value, StationId = station?.Id, PackageId = package?.Id, EmployerId = employer!.Id, UserId = r.UserId,
            ScopePath = path!, Name = r.Name!.Trim(), Phone = phone, BirthDate = birth!.Value, Education = r.Education!.Value, LocalHukou = r.LocalHukou!.Value,
            Exceptions = exceptions.Length == 0 ? null : string.Join(',', exceptions),
            ExceptionReason = exceptions.Length == 0 || string.IsNullOrWhiteSpace(r.ExceptionReason) ? null : r.ExceptionReason.Trim(),
            HiredByOpenExam = r.HiredByOpenExam!.Value, SocialInsurance = r.SocialInsurance!.Value, FiledWithBureauOn = filed, Since = since, CreatedAt = s.Now,
        };
        db.StaffMembers.Add(m);
        await db.Audit("AddStaffMember", m.ExceptionReason).SaveChangesAsync(ct);
        return await GetAsync(db, s, m.Id, ct);
    }

    public static async Task<StaffView> AddTrainingAsync(GuanjiaDb db, CaseworkServices s, Guid staffId, AddTraining r, CancellationToken ct)
    {
        RequireKeeper(db);
        var m = await db.StaffMembers.AsNoTracking().SingleOrDefaultAsync(x => x.Id == staffId, ct)
            ?? throw new NotFound("StaffMember", "人员不存在或不在您的范围内", "The person does not exist or is outside your scope");
        var c = new Check().Defined("kind", r.Kind, "培训类别")
            .When(r.Hours is null or <= 0 or > 200, "hours", "out_of_range", "学时须大于0且不超过200", "hours must be more than 0 and at most 200")
            .When(r.Hours is { } h && decimal.Round(h, 1) != h, "hours", "precision", "学时最多保留一位小数", "hours have at most one decimal")
            .Required("topic", r.Topic, "培训主题", "Topic").MaxLength("topic", r.Topic, 200, "培训主题", "Topic")
            .MaxLength("provider", r.Provider, 100, "培训机构", "Provider");
        var on = Date(c, "on", r.On, "培训日期", true);
        c.When(on > s.Today, "on", "in_future", "培训日期不能晚于今天", "on is in the future").ThrowIfFailed();
        db.TrainingEntries.Add(new TrainingEntry
        {
            Id = Guid.CreateVersion7(), StaffId = m.Id, ScopePath = m.ScopePath, On = on!.Value, Hours = r.Hours!.Value, Kind = r.Kind!.Value,
            Topic = r.Topic!.Trim(), Provider = string.IsNullOrWhiteSpace(r.Provider) ? null : r.Provider.Trim(), CreatedAt = s.Now,
        });
        await db.Audit("AddTrainingEntry").SaveChangesAsync(ct);
        return await GetAsync(db, s, m.Id, ct);
    }

    public static async Task<IReadOnlyList<TrainingEntryView>> TrainingAsync(GuanjiaDb db, Guid staffId, CancellationToken ct)
    {
        RequireReader(db);
        if (!await db.StaffMembers.AnyAsync(x => x.Id == staffId, ct))
            throw new NotFound("StaffMember", "人员不存在或不在您的范围内", "The person does not exist or is outside your scope");
        return await db.TrainingEntries.AsNoTracking().Where(e => e.StaffId == staffId).OrderBy(e => e.On).ThenBy(e => e.CreatedAt)
            .Select(e => new TrainingEntryView(e.Id, e.On, e.Hours, e.Kind, e.Topic, e.Provider)).ToListAsync(ct);
    }

    public static async Task<StaffView> GetAsync(GuanjiaDb db, CaseworkServices s, Guid id, CancellationToken ct)
    {
        RequireReader(db);
        var list = await ViewsAsync(db, s, db.StaffMembers.Where(x => x.Id == id), ct);
        return list.Count == 1 ? list[0] : throw new NotFound("StaffMember", "人员不存在或不在您的范围内", "The person does not exist or is outside your scope");
    }

    /// <summary>The roster of a station or a package (or all in scope), people still in post first.</summary>
    public static async Task<IReadOnlyList<StaffView>> ListAsync(GuanjiaDb db, CaseworkServices s, Guid? stationId, Guid? packageId, CancellationToken ct)
    {
        RequireReader(db);
        var q = db.StaffMembers.AsQueryable();
        if (stationId is { } sid) q = q.Where(x => x.StationId == sid);
        if (packageId is { } pid) q = q.Where(x => x.PackageId == pid);
        return await ViewsAsync(db, s, q, ct);
    }

    internal static async Task<List<StaffView>> ViewsAsync(GuanjiaDb db, CaseworkServices s, IQueryable<StaffMember> q, CancellationToken ct)
    {
        var people = await q.AsNoTracking().OrderBy(x => x.Until != null).ThenBy(x => x.Role).ThenBy(x => x.Since).Take(500).ToListAsync(ct);
        if (people.Count == 0) return [];
        var ids = people.Select(p => p.Id).ToList();
        // Summed here, not in SQL: SQLite cannot add decimals.
        var entries = await db.TrainingEntries.AsNoTracking().Where(e => ids.Contains(e.StaffId)).Select(e => new { e.StaffId, e.On, e.Hours, e.Kind })
            .ToListAsync(ct);
        var employerIds = people.Select(p => p.EmployerId).Distinct().ToList();
        var employers = await db.Organizations.IgnoreQueryFilters().AsNoTracking().Where(o => employerIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var today = s.Today;
        var keeps = Keeps(db);
        var views = new List<StaffView>();
        foreach (var p in people)
        {
            var rules = (await s.Jurisdictions.RequireAsync(db, p.ScopePath, ct)).Rules.CivilAffairs;
            var mine = entries.Where(e => e.StaffId == p.Id).ToList();
            var preJob = mine.Where(e => e.Kind == TrainingKind.PreJob).Sum(e => e.Hours);
            var continuing = mine.Where(e => e.Kind == TrainingKind.Continuing && e.On.Year == today.Year).Sum(e => e.Hours);
            views.Add(new StaffView(p.Id, p.Role, p.StationId, p.PackageId, p.EmployerId, employers.GetValueOrDefault(p.EmployerId, ""), p.UserId, p.Name,
                keeps ? p.Phone : MaskPhone(p.Phone), p.BirthDate, StaffRequirements.AgeOn(p.BirthDate, today), p.Education, p.LocalHukou,
                p.Exceptions?.Split(',') ?? [], p.ExceptionReason, p.HiredByOpenExam, p.SocialInsurance, p.FiledWithBureauOn, p.Since, p.Until, preJob,
                rules.PreJobTrainingHours, TrainingLedger.MayServe(preJob, rules), TrainingLedger.Continuing(continuing, today, rules), p.Version));
        }
        return views;
    }

    /// <summary>A phone for read-only roles: the first three and last four digits.</summary>
    public static string? MaskPhone(string? phone) =>
        phone is null ? null : phone.Length <= 7 ? new string('*', phone.Length) : phone[..3] + new string('*', phone.Length - 7) + phone[^4..];

    /// <summary>
    /// R-CA-03: a worker on the roster short of the jurisdiction's pre-job hours cannot be assigned to serve anyone, nor record a visit.
    /// Accounts not on the roster (casework before issue 14, village staff) are not the contractor's resident workers and are not asked (ADR 0042).
    /// </summary>
    public static async Task CheckMayServeAsync(GuanjiaDb db, CaseworkServices s, Check c, string field, Guid userId, CancellationToken ct)
    {
        var staff = await db.StaffMembers.IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.UserId == userId && m.Role == StaffRole.Worker && m.Until == null).Select(m => new { m.Id, m.ScopePath }).FirstOrDefaultAsync(ct);
        if (staff is null) return;
        var hours = (await db.TrainingEntries.IgnoreQueryFilters().AsNoTracking().Where(e => e.StaffId == staff.Id && e.Kind == TrainingKind.PreJob)
            .Select(e => e.Hours).ToListAsync(ct)).Sum();
        var rules = (await s.Jurisdictions.RequireAsync(db, staff.ScopePath, ct)).Rules.CivilAffairs;
        TrainingLedger.CheckMayServe(c, field, hours, rules);
    }
}
