using Guanjia.App.Persistence;
using Guanjia.Domain.Accounts;
using Guanjia.Domain.Calendar;
using Guanjia.Domain.CivilAffairs;
using Guanjia.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.CivilAffairs;

/// <summary>
/// A visit (探视巡访, R-CA-08) with its checklist: health, mental state, basic living, home-safety hazards, care given,
/// referrals and problems. It meets the person's visit of that month; a sudden change opens a re-assessment (R-CA-07);
/// each problem is reported to the village and the town. Idempotent by the key the phone made offline: a replay answers
/// the visit already recorded.
/// </summary>
public static class RecordVisit
{
    public sealed record ProblemInput(ProblemArea? Area, string? Text);

    public sealed record Request(Guid? CaseFileId, VisitMode? Mode, DateTimeOffset? VisitedAt, string? Health, MentalState? MentalState,
        BasicLiving? BasicLiving, IReadOnlyList<Hazard>? Hazards, IReadOnlyList<CareGiven>? CareGiven, string? Referrals, SuddenChange? SuddenChange,
        string? SuddenChangeNote, string? Notes, IReadOnlyList<ProblemInput>? Problems, string? ClientKey);

    /// <summary>A phone's clock may run a little ahead; later than this is "in the future".</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public static async Task<(VisitView Visit, bool Replayed)> HandleAsync(GuanjiaDb db, CaseworkServices s, Request r, string? idempotencyKey,
        CancellationToken ct)
    {
        Casework.Require(db, Permissions.CaseworkRecord);
        var key = string.IsNullOrWhiteSpace(idempotencyKey) ? r.ClientKey?.Trim() : idempotencyKey.Trim();
        if (string.IsNullOrEmpty(key)) key = null;
        var hash = Common.Idempotency.Hash(r with { ClientKey = null });
        if (await Common.Idempotency.FindAsync(db, key, "RecordVisit", hash, ct) is { } earlier)
            return (await VisitQueries.GetAsync(db, s, earlier, ct), true);

        var c = new Check()
            .When(r.CaseFileId is null, "caseFileId", "required", "请选择探视对象", "caseFileId is required")
            .Defined("mode", r.Mode, "探视方式")
            .When(r.VisitedAt is null, "visitedAt", "required", "请填写探视时间", "visitedAt is required")
            .When(r.VisitedAt > s.Now + ClockSkew, "visitedAt", "in_future", "探视时间不能晚于当前时间", "visitedAt is in the future")
            .Defined("mentalState", r.MentalState, "精神状态").Defined("basicLiving", r.BasicLiving, "基本生活情况")
            .Enums("hazards", r.Hazards).Enums("careGiven", r.CareGiven)
            .When(r.SuddenChange is { } sc && !Enum.IsDefined(sc), "suddenChange", "invalid_value", "突发情况选项不正确", "suddenChange is not valid")
            .When(r.SuddenChange is not (null or SuddenChange.None) && string.IsNullOrWhiteSpace(r.SuddenChangeNote), "suddenChangeNote", "required",
                "请说明突发情况（如跌倒、住院）", "Describe the sudden change")
            .MaxLength("health", r.Health, 2000, "健康状况", "Health").MaxLength("referrals", r.Referrals, 1000, "需求转介", "Referrals")
            .MaxLength("suddenChangeNote", r.SuddenChangeNote, 500, "突发情况说明", "Note").MaxLength("notes", r.Notes, 2000, "备注", "Notes")
            .MaxLength("clientKey", key, 100, "客户端编号", "Client key");
        var problems = r.Problems ?? [];
        for (var i = 0; i < problems.Count; i++)
            c.Defined($"problems[{i}].area", problems[i].Area, "问题类型")
                .Required($"problems[{i}].text", problems[i].Text, "问题描述", "Problem").MaxLength($"problems[{i}].text", problems[i].Text, 2000, "问题描述", "Problem");
        CaseFile? f = null;
        if (r.CaseFileId is { } fid)
        {
            f = await db.CaseFiles.SingleOrDefaultAsync(x => x.Id == fid, ct);
            if (f is null) c.Add("caseFileId", "unknown_file", "档案不存在或不在您的范围内", "The file does not exist or is outside your scope");
            else
            {
                c.When(f.Status != CaseStatus.InCare, "caseFileId", f.Status == CaseStatus.Died ? "died" : "not_in_care",
                    f.Status == CaseStatus.Died ? "服务对象已死亡，不能登记探视" : "服务对象已退出救助，不能登记探视",
                    f.Status == CaseStatus.Died ? "The person has died" : "The person has left care");
                c.When(r.VisitedAt is { } at && ChinaTime.LocalDate(at) < f.RegisteredOn, "visitedAt", "before_registration",
                    $"探视时间不能早于建档日期（{f.RegisteredOn:yyyy-MM-dd}）", "visitedAt is before the person was registered");
            }
        }
        // R-CA-03: a worker short of the pre-job training serves nobody yet.
        if (db.Actor.Id is { } me) await StaffRoster.CheckMayServeAsync(db, s, c, "worker", me, ct);
        c.ThrowIfFailed();

        var visitedAt = r.VisitedAt!.Value > s.Now ? s.Now : r.VisitedAt.Value;
        var visit = new Visit
        {
            Id = Guid.CreateVersion7(), CaseFileId = f!.Id, VillageId = f.VillageId, TownId = f.TownId, ScopePath = f.ScopePath, WorkerUserId = db.Actor.Id,
            WorkerName = db.Actor.Name, Mode = r.Mode!.Value, VisitedAt = visitedAt, Month = Casework.MonthOf(visitedAt),
            HealthCipher = s.Crypto.ProtectOptional(r.Health?.Trim()), MentalState = r.MentalState!.Value, BasicLiving = r.BasicLiving!.Value,
            Hazards = Casework.Join(r.Hazards), CareGiven = Casework.Join(r.CareGiven), Referrals = r.Referrals?.Trim(),
            SuddenChange = r.SuddenChange ?? SuddenChange.None, SuddenChangeNote = r.SuddenChangeNote?.Trim(), Notes = r.Notes?.Trim(), ClientKey = key,
            CreatedAt = s.Now,
        };
        db.Visits.Add(visit);
        if (f.LastVisitAt is null || f.LastVisitAt < visitedAt) f.LastVisitAt = visitedAt;
        if (visit.Mode == VisitMode.Home && (f.LastHomeVisitAt is null || f.LastHomeVisitAt < visitedAt)) f.LastHomeVisitAt = visitedAt;
        if (f.IsDispersedExtremelyPoor)
            await CaseworkDeadlines.MeetAsync(db, s, CaseworkObligations.MonthlyVisit, CaseworkDeadlines.Subject(f), f.VillageId,
                CaseworkDeadlines.MonthStart(visit.Month), CaseworkDeadlines.MonthEnd(visit.Month), visitedAt, ct);
        if (visit.SuddenChange != SuddenChange.None)
        {
            var (settings, _) = await CaseworkSettingsStore.GetAsync(db, ct);
            var cal = await s.Calendars.GetAsync(db, ct);
            await CaseworkDeadlines.EnsureAsync(db, s, CaseworkObligations.Reassessment, CaseworkDeadlines.Subject(f), f.VillageId, visitedAt,
                cal.DueAfterWorkingDays(visitedAt, settings.ReassessmentWorkingDays), ct);
        }
        foreach (var p in problems)
            db.ReportedProblems.Add(new ReportedProblem
            {
                Id = Guid.CreateVersion7(), Source = ProblemSource.Visit, SourceId = visit.Id, CaseFileId = f.Id, VillageId = f.VillageId, TownId = f.TownId,
                ScopePath = f.ScopePath, Area = p.Area!.Value, Text = p.Text!.Trim(), ReportedAt = s.Now, VillageMustAnswer = true,
            });
        Common.Idempotency.Remember(db, key, "RecordVisit", hash, visit.Id, s.Now);
        try
        {
            await db.Audit("RecordVisit").SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (key is not null)
        {
            // The same visit sent twice at once: the other request saved it; answer with that one.
            db.ChangeTracker.Clear();
            var other = await db.Visits.AsNoTracking().Where(v => v.WorkerUserId == db.Actor.Id && v.ClientKey == key).Select(v => (Guid?)v.Id)
                .FirstOrDefaultAsync(ct);
            if (other is null) throw;
            return (await VisitQueries.GetAsync(db, s, other.Value, ct), true);
        }
        return (await VisitQueries.GetAsync(db, s, visit.Id, ct), false);
    }
}

/// <summary>Corrects a visit's checklist. The request carries the version it read; a stale one answers 409 with the server's visit.</summary>
public static class EditVisit
{
    public sealed record Request(int? Version, string? Health, MentalState? MentalState, BasicLiving? BasicLiving, IReadOnlyList<Hazard>? Hazards,
        IReadOnlyList<CareGiven>? CareGiven, string? Referrals, string? Notes);

    public static async Task<VisitView> HandleAsync(GuanjiaDb db, CaseworkServices s, Guid id, Request r, CancellationToken ct)
    {
        Casework.Require(db, Permissions.CaseworkRecord);
        var v = await db.Visits.SingleOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFound("Visit", "探视记录不存在或不在您的范围内", "The visit does not exist or is outside your scope");
        new Check().When(r.Version is null, "version", "required", "请提供读取时的版本号", "version is required")
            .When(r.MentalState is { } m && !Enum.IsDefined(m), "mentalState", "invalid_value", "精神状态选项不正确", "mentalState is not valid")
            .When(r.BasicLiving is { } b && !Enum.IsDefined(b), "basicLiving", "invalid_value", "基本生活选项不正确", "basicLiving is not valid")
            .Enums("hazards", r.Hazards).Enums("careGiven", r.CareGiven)
            .MaxLength("health", r.Health, 2000, "健康状况", "Health").MaxLength("referrals", r.Referrals, 1000, "需求转介", "Referrals")
            .MaxLength("notes", r.Notes, 2000, "备注", "Notes").ThrowIfFailed();
        if (v.Version != r.Version)
            throw new CaseworkConflict("stale", "探视记录已被修改，请核对服务器上的版本后重试", "The visit was changed meanwhile; compare with the server's version",
                new() { ["serverVersion"] = v.Version, ["current"] = await VisitQueries.GetAsync(db, s, v.Id, ct) });
        if (r.Health is not null) v.HealthCipher = s.Crypto.ProtectOptional(r.Health.Trim());
        if (r.MentalState is { } ms) v.MentalState = ms;
        if (r.BasicLiving is { } bl) v.BasicLiving = bl;
        if (r.Hazards is not null) v.Hazards = Casework.Join(r.Hazards);
        if (r.CareGiven is not null) v.CareGiven = Casework.Join(r.CareGiven);
        if (r.Referrals is not null) v.Referrals = r.Referrals.Trim();
        if (r.Notes is not null) v.Notes = r.Notes.Trim();
        await db.Audit("EditVisit").SaveChangesAsync(ct);
        return await VisitQueries.GetAsync(db, s, v.Id, ct);
    }
}
