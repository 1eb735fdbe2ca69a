using System.Text.Json;
using System.Text.RegularExpressions;
using Guanjia.App.Persistence;
using Guanjia.Domain.Accounts;
using Guanjia.Domain.CivilAffairs;
using Guanjia.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.CivilAffairs;

public sealed record CaseworkSettingsView(CaseworkSettings Settings, IReadOnlyList<CategoryDefinition> Categories, int Version);

/// <summary>The city keeps the casework's configuration: extra categories, the months and working days, the 低保 standard per year.</summary>
public static partial class SaveCaseworkSettings
{
    public sealed record Request(int? Version, IReadOnlyList<CategoryDefinition>? ExtraCategories, int? NoHomeVisitMonths, int? ReassessmentWorkingDays,
        int? LowIncomePercent, IReadOnlyList<SubsistenceStandard>? SubsistenceStandards, string? Reason);

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{1,39}$")]
    private static partial Regex CodePattern();

    public static async Task<CaseworkSettingsView> GetAsync(GuanjiaDb db, CancellationToken ct)
    {
        Casework.Require(db, Permissions.CaseworkRead);
        var (settings, version) = await CaseworkSettingsStore.GetAsync(db, ct);
        return new CaseworkSettingsView(settings, settings.Categories, version);
    }

    public static async Task<CaseworkSettingsView> HandleAsync(GuanjiaDb db, TimeProvider clock, Request r, CancellationToken ct)
    {
        Casework.Require(db, Permissions.CaseworkConfigure);
        var (current, version) = await CaseworkSettingsStore.GetAsync(db, ct);
        var extra = r.ExtraCategories ?? current.ExtraCategories;
        var standards = r.SubsistenceStandards ?? current.SubsistenceStandards;
        var c = new Check()
            .When(r.Version is null, "version", "required", "请提供读取时的版本号", "version is required")
            .Required("reason", r.Reason, "修改原因", "Reason").MaxLength("reason", r.Reason, 500, "修改原因", "Reason")
            .When(r.NoHomeVisitMonths is < 1 or > 12, "noHomeVisitMonths", "out_of_range", "应为1至12个月", "must be 1 to 12")
            .When(r.ReassessmentWorkingDays is < 1 or > 60, "reassessmentWorkingDays", "out_of_range", "应为1至60个工作日", "must be 1 to 60")
            .When(r.LowIncomePercent is < 100 or > 300, "lowIncomePercent", "out_of_range", "应为100至300", "must be 100 to 300");
        for (var i = 0; i < extra.Count; i++)
        {
            var x = extra[i];
            c.When(x.Code is null || !CodePattern().IsMatch(x.Code), $"extraCategories[{i}].code", "invalid_value", "类别代码应为英文字母和数字",
                    "code must be letters and digits")
                .When(CaseworkSettings.BuiltInCategories.Any(b => b.Code == x.Code) || extra.Take(i).Any(e => e.Code == x.Code),
                    $"extraCategories[{i}].code", "duplicate", "类别代码重复", "The code is already used")
                .Required($"extraCategories[{i}].zh", x.Zh, "类别名称", "Name").MaxLength($"extraCategories[{i}].zh", x.Zh, 40, "类别名称", "Name");
        }
        for (var i = 0; i < standards.Count; i++)
            c.When(standards[i].Year is < 2000 or > 2100, $"subsistenceStandards[{i}].year", "out_of_range", "年度不正确", "year is not valid")
                .When(standards[i].MonthlyFen <= 0, $"subsistenceStandards[{i}].monthlyFen", "out_of_range", "低保标准应大于0（分）", "monthlyFen must be positive")
                .When(standards.Take(i).Any(x => x.Year == standards[i].Year), $"subsistenceStandards[{i}].year", "duplicate", "年度重复", "The year is listed twice");
        c.ThrowIfFailed();
        if (version != r.Version)
            throw new CaseworkConflict("stale", "配置已被他人修改，请刷新后重试", "Changed meanwhile; reload", new() { ["serverVersion"] = version });
        var next = current with
        {
            ExtraCategories = extra.Select(x => x with { BuiltIn = false, Zh = x.Zh.Trim(), En = string.IsNullOrWhiteSpace(x.En) ? x.Code : x.En.Trim() }).ToList(),
            NoHomeVisitMonths = r.NoHomeVisitMonths ?? current.NoHomeVisitMonths,
            ReassessmentWorkingDays = r.ReassessmentWorkingDays ?? current.ReassessmentWorkingDays,
            LowIncomePercent = r.LowIncomePercent ?? current.LowIncomePercent,
            SubsistenceStandards = standards.OrderBy(x => x.Year).ToList(),
        };
        var row = await db.CaseworkSettings.SingleOrDefaultAsync(x => x.Id == 1, ct);
        var json = JsonSerializer.Serialize(next, CaseworkSettingsStore.Json);
        if (row is null)
            db.CaseworkSettings.Add(new CaseworkSettingsRecord { Id = 1, Json = json, UpdatedAt = clock.GetUtcNow(), UpdatedBy = db.Actor.Name, Version = 1 });
        else
        {
            row.Json = json;
            row.UpdatedAt = clock.GetUtcNow();
            row.UpdatedBy = db.Actor.Name;
        }
        await db.Audit("SaveCaseworkSettings", r.Reason).SaveChangesAsync(ct);
        return await GetAsync(db, ct);
    }
}
