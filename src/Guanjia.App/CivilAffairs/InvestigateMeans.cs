using System.Text.Json;
using Guanjia.App.Persistence;
using Guanjia.Domain.Accounts;
using Guanjia.Domain.Calendar;
using Guanjia.Domain.CivilAffairs;
using Guanjia.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.CivilAffairs;

public sealed record MemberInput(string? Name, Relation? Relation, string? Employment, long? MonthlyIncomeFen, long? MonthlyExpenditureFen,
    string? HardshipType, string? HardshipDegree);

public sealed record InvestigationView(Guid Id, Guid HouseholdId, Guid VillageId, int Month, DateOnly InvestigatedOn, IReadOnlyList<InvestigationMethod> Methods,
    string Economy, string Housing, string? Education, string? Health, IReadOnlyList<MemberInput>? Members, int MemberCount, long? IncomePerHeadFen,
    long StandardFen, MeansFlag Flag, string FlagZh, TownDecision Decision, string? DecisionNote, string? DecidedBy, DateTimeOffset? DecidedAt,
    string InvestigatorName, int Version);

/// <summary>
/// A household's monthly means investigation (R-CA-05): economy, housing, education, health and each member's employment,
/// income, expenditure, hardship type and degree. The monthly income per head is computed against the year's 低保
/// standard and a change is flagged for the town; the person's status is never changed here.
/// </summary>
public static class InvestigateMeans
{
    private sealed record Details(string? Health, IReadOnlyList<MemberInput> Members);

    public sealed record Request(DateOnly? InvestigatedOn, IReadOnlyList<InvestigationMethod>? Methods, string? Economy, string? Housing,
        string? Education, string? Health, IReadOnlyList<MemberInput>? Members);

    public sealed record Decide(TownDecision? Decision, string? Note, int? Version);

    public static async Task<InvestigationView> HandleAsync(GuanjiaDb db, CaseworkServices s, Guid householdId, Request r, CancellationToken ct)
    {
        Casework.Require(db, Permissions.CaseworkRecord);
        var h = await db.CaseHouseholds.SingleOrDefaultAsync(x => x.Id == householdId, ct)
            ?? throw new NotFound("CaseHousehold", "家庭不存在或不在您的范围内", "The household does not exist or is outside your scope");
        var (settings, _) = await CaseworkSettingsStore.GetAsync(db, ct);
        var members = r.Members ?? [];
        var c = new Check()
            .When(r.InvestigatedOn is null, "investigatedOn", "required", "请填写调查日期", "investigatedOn is required")
            .When(r.InvestigatedOn > s.Today, "investigatedOn", "in_future", "调查日期不能晚于今天", "investigatedOn is in the future")
            .When((r.Methods ?? []).Count == 0, "methods", "required", "请选择调查方式", "methods is required").Enums("methods", r.Methods)
            .Required("economy", r.Economy, "家庭经济状况", "Economy").MaxLength("economy", r.Economy, 2000, "家庭经济状况", "Economy")
            .Required("housing", r.Housing, "居住条件", "Housing").MaxLength("housing", r.Housing, 1000, "居住条件", "Housing")
            .MaxLength("education", r.Education, 1000, "文化程度", "Education").MaxLength("health", r.Health, 2000, "身体状况", "Health")
            .When(members.Count == 0, "members", "required", "请填写家庭成员情况", "members is required");
        for (var i = 0; i < members.Count; i++)
        {
            var m = members[i];
            c.Required($"members[{i}].name", m.Name, "成员姓名", "Name").MaxLength($"members[{i}].name", m.Name, 50, "成员姓名", "Name")
                .When(m.MonthlyIncomeFen is null or < 0, $"members[{i}].monthlyIncomeFen", "required", "请填写月收入（分，不小于0）",
                    "monthlyIncomeFen (fen, 0 or more) is required")
                .When(m.MonthlyExpenditureFen is < 0, $"members[{i}].monthlyExpenditureFen", "out_of_range", "月支出不能为负数", "monthlyExpenditureFen is negative")
                .MaxLength($"members[{i}].employment", m.Employment, 100, "就业情况", "Employment")
                .MaxLength($"members[{i}].hardshipType", m.HardshipType, 100, "困难类型", "Hardship type")
                .MaxLength($"members[{i}].hardshipDegree", m.HardshipDegree, 100, "困难程度", "Hardship degree");
        }
        long? standard = r.InvestigatedOn is { } on ? settings.StandardFor(on.Year) : null;
        c.When(r.InvestigatedOn is not null && standard is null, "investigatedOn", "no_standard", "该年度的低保标准尚未配置，请联系市民政局",
            "The 低保 standard of that year is not configured");
        c.ThrowIfFailed();

        var today = s.Today;
        var codes = await (from cat in db.CaseCategories
                           join f in db.CaseFiles on cat.CaseFileId equals f.Id
                           where f.HouseholdId == h.Id && f.Status == CaseStatus.InCare && cat.ValidFrom <= today && (cat.ValidTo == null || cat.ValidTo >= today)
                           select cat.Code).ToListAsync(ct);
        var perHead = Means.IncomePerHead(members.Select(m => m.MonthlyIncomeFen!.Value), members.Count);
        var band = Means.Band(perHead, standard!.Value, settings.LowIncomePercent);
        var flag = Means.Flag(band, codes.Contains(CaseworkSettings.Subsistence), codes.Contains(CaseworkSettings.LowIncome));
        var month = Months.Of(r.InvestigatedOn!.Value);
        var x = new MeansInvestigation
        {
            Id = Guid.CreateVersion7(), HouseholdId = h.Id, VillageId = h.VillageId, TownId = h.TownId, ScopePath = h.ScopePath, Month = month,
            InvestigatedOn = r.InvestigatedOn.Value, Methods = Casework.Join(r.Methods), Economy = r.Economy!.Trim(), Housing = r.Housing!.Trim(),
            Education = r.Education?.Trim(),
            DetailsCipher = s.Crypto.Protect(JsonSerializer.Serialize(new Details(r.Health?.Trim(), members), CaseworkSettingsStore.Json)),
            IncomePerHeadCipher = s.Crypto.Protect(perHead.ToString(System.Globalization.CultureInfo.InvariantCulture)), MemberCount = members.Count,
            StandardFen = standard.Value, Flag = flag, Decision = flag == MeansFlag.None ? TownDecision.NoChange : TownDecision.Pending,
            InvestigatorName = db.Actor.Name, CreatedAt = s.Now,
        };
        db.MeansInvestigations.Add(x);
        var doneAt = x.InvestigatedOn == today ? s.Now : ChinaTime.EndOfDay(x.InvestigatedOn);
        if (h.UnderDynamicAdjustment)
            await CaseworkDeadlines.MeetAsync(db, s, CaseworkObligations.MeansInvestigation, CaseworkDeadlines.HouseholdSubject(h), h.VillageId,
                CaseworkDeadlines.MonthStart(month), CaseworkDeadlines.MonthEnd(month), doneAt, ct);
        await db.Audit("InvestigateMeans").SaveChangesAsync(ct);
        return ViewOf(s, x, Casework.SeesSensitive(db));
    }

    /// <summary>The town's decision on a flag: it starts the status procedure outside this module, or sees no change.</summary>
    public static async Task<InvestigationView> DecideAsync(GuanjiaDb db, CaseworkServices s, Guid id, Decide r, CancellationToken ct)
    {
        Casework.Require(db, Permissions.CaseworkTown);
        var x = await db.MeansInvestigations.SingleOrDefaultAsync(i => i.Id == id, ct)
            ?? throw new NotFound("MeansInvestigation", "家计调查不存在或不在您的范围内", "The investigation does not exist or is outside your scope");
        new Check().When(r.Decision is not (TownDecision.StatusChangeStarted or TownDecision.NoChange), "decision", "invalid_value",
                "请选择“启动认定调整”或“维持不变”", "decision must be StatusChangeStarted or NoChange")
            .When(r.Version is null, "version", "required", "请提供读取时的版本号", "version is required")
            .When(x.Decision != TownDecision.Pending, "decision", "already_decided", "该调查已有镇街意见", "Already decided")
            .MaxLength("note", r.Note, 1000, "意见", "Note").ThrowIfFailed();
        if (x.Version != r.Version)
            throw new CaseworkConflict("stale", "记录已被他人修改，请刷新后重试", "Changed meanwhile; reload", new() { ["serverVersion"] = x.Version });
        x.Decision = r.Decision!.Value;
        x.DecisionNote = r.Note?.Trim();
        x.DecidedBy = db.Actor.Name;
        x.DecidedAt = s.Now;
        await db.Audit("DecideMeansFlag", r.Note).SaveChangesAsync(ct);
        return ViewOf(s, x, Casework.SeesSensitive(db));
    }

    public static InvestigationView ViewOf(CaseworkServices s, MeansInvestigation x, bool full)
    {
        var details = full ? JsonSerializer.Deserialize<Details>(s.Crypto.Unprotect(x.DetailsCipher), CaseworkSettingsStore.Json) : null;
        return new InvestigationView(x.Id, x.HouseholdId, x.VillageId, x.Month, x.InvestigatedOn, Casework.Split<InvestigationMethod>(x.Methods), x.Economy,
            x.Housing, x.Education, details?.Health, details?.Members, x.MemberCount,
            full ? long.Parse(s.Crypto.Unprotect(x.IncomePerHeadCipher), System.Globalization.CultureInfo.InvariantCulture) : null, x.StandardFen, x.Flag,
            Means.Zh(x.Flag), x.Decision, x.DecisionNote, x.DecidedBy, x.DecidedAt, x.InvestigatorName, x.Version);
    }

    public sealed record Filter(Guid? HouseholdId, int? Month, TownDecision? Decision, int Page = 1, int PageSize = 20);

    public static async Task<Paged<InvestigationView>> ListAsync(GuanjiaDb db, CaseworkServices s, Filter f, CancellationToken ct)
    {
        Casework.Require(db, Permissions.CaseworkRead);
        new PageRequest(f.Page, f.PageSize).Validate();
        var q = db.MeansInvestigations.AsNoTracking();
        if (f.HouseholdId is { } h) q = q.Where(x => x.HouseholdId == h);
        if (f.Month is { } m) q = q.Where(x => x.Month == m);
        if (f.Decision is { } d) q = q.Where(x => x.Decision == d);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(x => x.Month).ThenByDescending(x => x.CreatedAt).Skip((f.Page - 1) * f.PageSize).Take(f.PageSize).ToListAsync(ct);
        var full = Casework.SeesSensitive(db);
        return new Paged<InvestigationView>(rows.Select(x => ViewOf(s, x, full)).ToList(), f.Page, f.PageSize, total);
    }

    public static async Task<InvestigationView> GetAsync(GuanjiaDb db, CaseworkServices s, Guid id, CancellationToken ct)
    {
        Casework.Require(db, Permissions.CaseworkRead);
        var x = await db.MeansInvestigations.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct)
            ?? throw new NotFound("MeansInvestigation", "家计调查不存在或不在您的范围内", "The investigation does not exist or is outside your scope");
        return ViewOf(s, x, Casework.SeesSensitive(db));
    }
}
