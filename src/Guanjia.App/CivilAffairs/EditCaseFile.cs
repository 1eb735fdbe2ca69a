using Guanjia.App.Appeals;
using Guanjia.App.Persistence;
using Guanjia.Domain.Accounts;
using Guanjia.Domain.CivilAffairs;
using Guanjia.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.CivilAffairs;

/// <summary>Keeps a file up to date: contact and health, categories with their periods, and the end of care (death, leaving).</summary>
public static class EditCaseFile
{
    public sealed record Edit(int? Version, string? Phone, string? Address, string? Health, bool? LocalHukou, int? DisabilityGrade,
        Guid? AssignedWorkerId, bool? UnderDynamicAdjustment);

    public sealed record AddCategory(string? Code, int? Grade, DateOnly? ValidFrom, DateOnly? ValidTo, string? Note);

    public sealed record EndCategory(DateOnly? ValidTo, string? Note);

    public sealed record EndCare(CaseStatus? Status, DateOnly? On, string? Note);

    private static void Stale(CaseFile f, int? version)
    {
        if (version is null)
            throw new ValidationFailed("version", "required", "请提供读取时的版本号", "version is required");
        if (f.Version != version)
            throw new CaseworkConflict("stale", "档案已被他人修改，请刷新后重试", "The file was changed by someone else; reload and retry",
                new() { ["serverVersion"] = f.Version });
    }

    public static async Task<CaseFileView> EditAsync(GuanjiaDb db, CaseworkServices s, Guid id, Edit r, CancellationToken ct)
    {
        Casework.Require(db, Permissions.CaseworkRecord);
        var f = await Casework.FileAsync(db, id, ct);
        Stale(f, r.Version);
        var phone = AppealSupport.NormalizePhone(r.Phone);
        var c = new Check().CheckPhone("phone", phone).MaxLength("address", r.Address, 200, "住址", "Address").MaxLength("health", r.Health, 2000, "健康状况", "Health")
            .When(r.Address is not null && string.IsNullOrWhiteSpace(r.Address), "address", "required", "住址不能为空", "address is required")
            .When(r.DisabilityGrade is < 1 or > 4, "disabilityGrade", "out_of_range", "残疾等级应为1至4级", "disabilityGrade must be 1 to 4");
        if (r.AssignedWorkerId is { } wid && !await db.StationWorkers.AnyAsync(w => w.UserId == wid && w.Until == null, ct))
            c.Add("assignedWorkerId", "unknown_worker", "驻站人员不存在或不在您的范围内", "The worker does not exist or is outside your scope");
        else if (r.AssignedWorkerId is { } trained && trained != f.AssignedWorkerId)
            await StaffRoster.CheckMayServeAsync(db, s, c, "assignedWorkerId", trained, ct); // R-CA-03
        c.ThrowIfFailed();
        if (r.Phone is not null) f.Phone = phone;
        if (r.Address is not null) f.Address = r.Address.Trim();
        if (r.Health is not null) f.HealthCipher = s.Crypto.ProtectOptional(r.Health.Trim());
        if (r.LocalHukou is { } l) f.LocalHukou = l;
        if (r.DisabilityGrade is not null) f.DisabilityGrade = r.DisabilityGrade;
        if (r.AssignedWorkerId is not null) f.AssignedWorkerId = r.AssignedWorkerId;
        if (r.UnderDynamicAdjustment is { } dyn)
        {
            var h = await db.CaseHouseholds.SingleAsync(x => x.Id == f.HouseholdId, ct);
            h.UnderDynamicAdjustment = dyn;
            if (dyn)
            {
                var month = Casework.MonthOf(s.Now);
                await CaseworkDeadlines.EnsureAsync(db, s, CaseworkObligations.MeansInvestigation, CaseworkDeadlines.HouseholdSubject(h), h.VillageId,
                    CaseworkDeadlines.MonthStart(month), CaseworkDeadlines.MonthEnd(month), ct);
            }
        }
        await db.Audit("EditCaseFile").SaveChangesAsync(ct);
        return await CaseQueries.ViewAsync(db, s, f, Casework.SeesSensitive(db), ct);
    }

    public static async Task<CaseFileView> AddCategoryAsync(GuanjiaDb db, CaseworkServices s, Guid id, AddCategory r, CancellationToken ct)
    {
        Casework.Require(db, Permissions.CaseworkRecord);
        var f = await Casework.FileAsync(db, id, ct);
        var (settings, _) = await CaseworkSettingsStore.GetAsync(db, ct);
        var def = settings.Category(r.Code);
        new Check()
            .When(def is null, "code", "unknown_category", $"对象类别“{r.Code}”不在类别清单中", $"'{r.Code}' is not a configured category")
            .When(r.ValidFrom is null, "validFrom", "required", "请填写类别生效日期", "validFrom is required")
            .When(r.ValidFrom is { } from && r.ValidTo is { } to && to < from, "validTo", "before_from", "失效日期不能早于生效日期", "validTo is before validFrom")
            .When(def is { HasGrade: true } && r.Grade is not (>= 1 and <= 4), "grade", "required", "请填写残疾等级（1至4级）", "grade 1 to 4 is required")
            .When(f.Status != CaseStatus.InCare, "status", "not_in_care", "此人已不在救助中", "The person is no longer in care")
            .MaxLength("note", r.Note, 500, "备注", "Note").ThrowIfFailed();
        db.CaseCategories.Add(new CaseCategory
        {
            Id = Guid.CreateVersion7(), CaseFileId = f.Id, ScopePath = f.ScopePath, Code = r.Code!, Grade = r.Grade, ValidFrom = r.ValidFrom!.Value,
            ValidTo = r.ValidTo, Note = r.Note?.Trim(),
        });
        await RefreshFlagsAsync(db, s, f, ct);
        await db.Audit("AddCategory").SaveChangesAsync(ct);
        return await CaseQueries.ViewAsync(db, s, f, Casework.SeesSensitive(db), ct);
    }

    public static async Task<CaseFileView> EndCategoryAsync(GuanjiaDb db, CaseworkServices s, Guid id, Guid categoryId, EndCategory r, CancellationToken ct)
    {
        Casework.Require(db, Permissions.CaseworkRecord);
        var f = await Casework.FileAsync(db, id, ct);
        var cat = await db.CaseCategories.SingleOrDefaultAsync(c => c.Id == categoryId && c.CaseFileId == id, ct)
            ?? throw new NotFound("CaseCategory", "类别不存在", "The category does not exist");
        new Check().When(r.ValidTo is null, "validTo", "required", "请填写失效日期", "validTo is required")
            .When(r.ValidTo < cat.ValidFrom, "validTo", "before_from", "失效日期不能早于生效日期", "validTo is before validFrom").ThrowIfFailed();
        cat.ValidTo = r.ValidTo;
        if (r.Note is not null) cat.Note = r.Note.Trim();
        await RefreshFlagsAsync(db, s, f, ct);
        await db.Audit("EndCategory").SaveChangesAsync(ct);
        return await CaseQueries.ViewAsync(db, s, f, Casework.SeesSensitive(db), ct);
    }

    /// <summary>Death or leaving care closes the file: no more visits are due, the document can be registered again elsewhere.</summary>
    public static async Task<CaseFileView> EndCareAsync(GuanjiaDb db, CaseworkServices s, Guid id, EndCare r, CancellationToken ct)
    {
        Casework.Require(db, Permissions.CaseworkRecord);
        var f = await Casework.FileAsync(db, id, ct);
        new Check().When(r.Status is not (CaseStatus.Died or CaseStatus.LeftCare), "status", "invalid_value", "请选择“死亡”或“退出救助”",
                "status must be Died or LeftCare")
            .When(r.On is null, "on", "required", "请填写日期", "on is required")
            .When(r.On > s.Today, "on", "in_future", "日期不能晚于今天", "on is in the future")
            .When(r.On < f.RegisteredOn, "on", "before_registration", "日期不能早于建档日期", "on is before the registration")
            .When(f.Status != CaseStatus.InCare, "status", "not_in_care", "此人已不在救助中", "The person is no longer in care")
            .MaxLength("note", r.Note, 500, "说明", "Note").ThrowIfFailed();
        // The row's Ends cancels the file's open obligations.
        await s.FireAsync(db, CaseFileWorkflow.Workflow, f, "EndCare", r.Status!.Value.ToString(), ct);
        f.StatusChangedOn = r.On;
        f.StatusNote = r.Note?.Trim();
        f.ActiveDocumentHash = null;
        f.IsDispersedExtremelyPoor = false;
        f.IsExtremelyPoor = false;
        await db.Audit("EndCare", r.Note).SaveChangesAsync(ct);
        return await CaseQueries.ViewAsync(db, s, f, Casework.SeesSensitive(db), ct);
    }

    private static async Task RefreshFlagsAsync(GuanjiaDb db, CaseworkServices s, CaseFile f, CancellationToken ct)
    {
        var cats = (await db.CaseCategories.Where(c => c.CaseFileId == f.Id).ToListAsync(ct))
            .Concat(db.CaseCategories.Local.Where(c => c.CaseFileId == f.Id)).DistinctBy(c => c.Id).ToList();
        RegisterPerson.ApplyFlags(f, cats, s.Today);
        await CaseworkDeadlines.StartForFileAsync(db, s, f, ct);
    }
}
