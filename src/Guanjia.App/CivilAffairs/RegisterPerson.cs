using Guanjia.App.Appeals;
using Guanjia.App.Persistence;
using Guanjia.Domain.Accounts;
using Guanjia.Domain.CivilAffairs;
using Guanjia.Domain.Common;
using Guanjia.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.CivilAffairs;

/// <summary>
/// One person, one file (R-CA-13): registers a person of a village with their household, document, categories and
/// health. The ID number is checked by its GB 11643 check digit, sex and birth date come from it; it is stored encrypted
/// with a keyed hash beside it. A person already on file here answers 409 with the link; on file in another town, 409
/// saying only that, with the way to ask for a transfer.
/// </summary>
public static class RegisterPerson
{
    public sealed record CategoryInput(string? Code, int? Grade, DateOnly? ValidFrom, DateOnly? ValidTo, string? Note);

    public sealed record Request(Guid? VillageId, Guid? HouseholdId, string? HouseholdAddress, bool UnderDynamicAdjustment, Relation? Relation,
        string? Name, DocumentKind? DocumentKind, string? DocumentNumber, Sex? Sex, DateOnly? BirthDate, string? Phone, bool LocalHukou,
        string? Address, string? Health, int? DisabilityGrade, IReadOnlyList<CategoryInput>? Categories, Guid? AssignedWorkerId,
        DateOnly? RegisteredOn, Guid? ScreeningId);

    /// <summary>A checked request: the file, its categories and the household to add (or the existing one).</summary>
    internal sealed record Prepared(CaseFile File, IReadOnlyList<CaseCategory> Categories, CaseHousehold? NewHousehold, string Hash);

    public static async Task<CaseFileView> HandleAsync(GuanjiaDb db, CaseworkServices s, Request r, CancellationToken ct)
    {
        Casework.Require(db, Permissions.CaseworkRecord);
        var (settings, _) = await CaseworkSettingsStore.GetAsync(db, ct);
        var c = new Check();
        var p = await PrepareAsync(db, s, settings, r, "", c, ct);
        c.ThrowIfFailed();
        await RefuseDuplicateAsync(db, p!.Hash, ct);
        await AddAsync(db, s, p, ct);
        await db.Audit("RegisterPerson").SaveChangesAsync(ct);
        return await CaseQueries.GetAsync(db, s, p.File.Id, audit: false, ct);
    }

    /// <summary>A person whose file is open: here (409 with the link) or elsewhere (409 revealing nothing but that).</summary>
    internal static async Task RefuseDuplicateAsync(GuanjiaDb db, string hash, CancellationToken ct)
    {
        var existing = await db.CaseFiles.IgnoreQueryFilters().AsNoTracking().Where(f => f.ActiveDocumentHash == hash)
            .Select(f => new { f.Id, f.ScopePath, f.TownId }).FirstOrDefaultAsync(ct);
        if (existing is null) return;
        if (db.Actor.Sees(existing.ScopePath))
            throw new CaseworkConflict("already_registered", "此人已在档，请打开已有档案", "This person is already on file; open the existing file",
                new() { ["fileId"] = existing.Id, ["link"] = $"/api/civil-affairs/files/{existing.Id}" });
        throw new CaseworkConflict("registered_elsewhere", "此人已在其他镇（街道）建档，可申请转入",
            "This person is registered elsewhere; you may request a transfer",
            new() { ["transferRequest"] = "/api/civil-affairs/transfer-requests" });
    }

    internal static async Task<Prepared?> PrepareAsync(GuanjiaDb db, CaseworkServices s, CaseworkSettings settings, Request r, string prefix, Check c,
        CancellationToken ct)
    {
        string F(string field) => prefix + field;
        var today = s.Today;
        c.Required(F("name"), r.Name, "姓名", "Name").MaxLength(F("name"), r.Name, 50, "姓名", "Name")
            .Defined(F("documentKind"), r.DocumentKind, "证件类型")
            .Required(F("documentNumber"), r.DocumentNumber, "证件号码", "Document number")
            .Required(F("address"), r.Address, "住址", "Address").MaxLength(F("address"), r.Address, 200, "住址", "Address")
            .MaxLength(F("health"), r.Health, 2000, "健康状况", "Health").MaxLength(F("householdAddress"), r.HouseholdAddress, 200, "家庭住址", "Address")
            .When(r.Relation is { } rel && !Enum.IsDefined(rel), F("relation"), "invalid_value", "与户主关系不正确", "relation is not valid")
            .When(r.DisabilityGrade is < 1 or > 4, F("disabilityGrade"), "out_of_range", "残疾等级应为1至4级", "disabilityGrade must be 1 to 4")
            .When(r.RegisteredOn > today, F("registeredOn"), "in_future", "建档日期不能晚于今天", "registeredOn is in the future");
        var phone = AppealSupport.NormalizePhone(r.Phone);
        c.CheckPhone(F("phone"), phone);

        var number = IdNumber.Normalize(r.DocumentNumber);
        Sex? sex = r.Sex;
        var birth = r.BirthDate;
        if (r.DocumentKind == DocumentKind.ResidentId && number.Length > 0)
        {
            switch (IdNumber.Validate(number))
            {
                case IdNumber.Problem.Format:
                    c.Add(F("documentNumber"), "invalid_format", "身份证号码应为18位（最后一位可为X）", "The ID number must be 18 characters (the last may be X)");
                    break;
                case IdNumber.Problem.BirthDate:
                    c.Add(F("documentNumber"), "invalid_birth_date", "身份证号码中的出生日期不正确", "The birth date in the ID number is not valid");
                    break;
                case IdNumber.Problem.CheckDigit:
                    c.Add(F("documentNumber"), "check_digit", "身份证号码校验位错误，请核对", "The ID number's check digit is wrong (GB 11643)");
                    break;
                default:
                    sex = IdNumber.SexOf(number);
                    birth = IdNumber.BirthDateOf(number);
                    c.When(r.Sex is { } given && given != sex, F("sex"), "mismatch", "性别与身份证号码不符", "sex does not match the ID number")
                        .When(r.BirthDate is { } b && b != birth, F("birthDate"), "mismatch", "出生日期与身份证号码不符", "birthDate does not match the ID number");
                    break;
            }
        }
        else if (r.DocumentKind is not null)
        {
            c.MaxLength(F("documentNumber"), number, 40, "证件号码", "Document number")
                .When(sex is null, F("sex"), "required", "无身份证号码时请填写性别", "sex is required without an ID number")
                .When(birth is null, F("birthDate"), "required", "无身份证号码时请填写出生日期", "birthDate is required without an ID number");
        }
        c.When(birth > today, F("birthDate"), "in_future", "出生日期不能晚于今天", "birthDate is in the future");

        var categories = r.Categories ?? [];
        c.When(categories.Count == 0, F("categories"), "required", "请至少选择一个对象类别", "At least one category is required");
        for (var i = 0; i < categories.Count; i++)
        {
            var x = categories[i];
            var def = settings.Category(x.Code);
            var f = F($"categories[{i}]");
            c.When(def is null, f + ".code", "unknown_category", $"对象类别“{x.Code}”不在类别清单中", $"'{x.Code}' is not a configured category")
                .When(x.ValidFrom is null, f + ".validFrom", "required", "请填写类别生效日期", "validFrom is required")
                .When(x.ValidFrom is { } from && x.ValidTo is { } to && to < from, f + ".validTo", "before_from", "失效日期不能早于生效日期",
                    "validTo is before validFrom")
                .When(def is { HasGrade: true } && x.Grade is not (>= 1 and <= 4), f + ".grade", "required", "请填写残疾等级（1至4级）", "grade 1 to 4 is required")
                .MaxLength(f + ".note", x.Note, 500, "备注", "Note");
        }

        var village = await Casework.VillageAsync(db, r.VillageId, F("villageId"), c, ct);
        CaseHousehold? household = null;
        if (r.HouseholdId is { } hid)
        {
            household = await db.CaseHouseholds.AsNoTracking().SingleOrDefaultAsync(h => h.Id == hid, ct);
            c.When(household is null || (village is not null && household.VillageId != village.Id), F("householdId"), "unknown_household",
                "家庭不存在或不属于该村（社区）", "The household does not exist or is not of this village");
        }
        if (r.AssignedWorkerId is { } wid && !await db.StationWorkers.AnyAsync(w => w.UserId == wid && w.Until == null, ct))
            c.Add(F("assignedWorkerId"), "unknown_worker", "驻站人员不存在或不在您的范围内", "The worker does not exist or is outside your scope");
        else if (r.AssignedWorkerId is { } trained) await StaffRoster.CheckMayServeAsync(db, s, c, F("assignedWorkerId"), trained, ct); // R-CA-03
        if (!c.Ok || village is null) return null;

        var hash = s.Crypto.LookupHash(r.DocumentKind!.Value, number);
        var newHousehold = household is null
            ? new CaseHousehold
            {
                Id = Guid.CreateVersion7(), VillageId = village.Id, TownId = village.ParentId!.Value, ScopePath = village.Path,
                Address = (r.HouseholdAddress ?? r.Address)!.Trim(), UnderDynamicAdjustment = r.UnderDynamicAdjustment, CreatedAt = s.Now,
            }
            : null;
        var file = new CaseFile
        {
            Id = Guid.CreateVersion7(), Number = "", HouseholdId = household?.Id ?? newHousehold!.Id, Relation = r.Relation ?? Relation.Head,
            VillageId = village.Id, TownId = village.ParentId!.Value, ScopePath = village.Path, Name = r.Name!.Trim(),
            DocumentKind = r.DocumentKind.Value, DocumentCipher = s.Crypto.Protect(number), DocumentHash = hash, ActiveDocumentHash = hash,
            DocumentMasked = IdNumber.Mask(number), Sex = sex, BirthDate = birth, Phone = phone, LocalHukou = r.LocalHukou, Address = r.Address!.Trim(),
            HealthCipher = s.Crypto.ProtectOptional(r.Health?.Trim()), DisabilityGrade = r.DisabilityGrade, RegisteredOn = r.RegisteredOn ?? today,
            RegisteredAt = s.Now, AssignedWorkerId = r.AssignedWorkerId, ScreeningId = r.ScreeningId,
        };
        var rows = categories.Select(x => new CaseCategory
        {
            Id = Guid.CreateVersion7(), CaseFileId = file.Id, ScopePath = file.ScopePath, Code = x.Code!, Grade = x.Grade, ValidFrom = x.ValidFrom!.Value,
            ValidTo = x.ValidTo, Note = x.Note?.Trim(),
        }).ToList();
        ApplyFlags(file, rows, today);
        return new Prepared(file, rows, newHousehold, hash);
    }

    /// <summary>The denormalised flags the due lists read: in the 特困 categories today.</summary>
    internal static void ApplyFlags(CaseFile f, IEnumerable<CaseCategory> categories, DateOnly today)
    {
        var valid = categories.Where(c => c.ValidOn(today)).Select(c => c.Code).ToHashSet();
        f.IsDispersedExtremelyPoor = valid.Contains(CaseworkSettings.ExtremelyPoorDispersed);
        f.IsExtremelyPoor = f.IsDispersedExtremelyPoor || valid.Contains(CaseworkSettings.ExtremelyPoorConcentrated);
    }

    internal static async Task AddAsync(GuanjiaDb db, CaseworkServices s, Prepared p, CancellationToken ct)
    {
        var year = s.Today.Year;
        var prefix = $"MZ{year}";
        var next = await Common.Numbering.NextAsync(db, prefix,
            c => db.CaseFiles.IgnoreQueryFilters().CountAsync(f => f.Number.StartsWith(prefix), c), ct);
        p.File.Number = $"{prefix}{next:000000}";
        if (p.NewHousehold is not null) db.CaseHouseholds.Add(p.NewHousehold);
        await s.FireAsync(db, CaseFileWorkflow.Workflow, p.File, "Register", null, ct);
        db.CaseFiles.Add(p.File);
        db.CaseCategories.AddRange(p.Categories);
        await CaseworkDeadlines.StartForFileAsync(db, s, p.File, ct);
        if (p.NewHousehold is { UnderDynamicAdjustment: true } h)
        {
            var month = Casework.MonthOf(s.Now);
            await CaseworkDeadlines.EnsureAsync(db, s, CaseworkObligations.MeansInvestigation, CaseworkDeadlines.HouseholdSubject(h), h.VillageId,
                CaseworkDeadlines.MonthStart(month), CaseworkDeadlines.MonthEnd(month), ct);
        }
    }
}
