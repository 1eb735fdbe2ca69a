using Guanjia.App.Persistence;
using Guanjia.Domain.Appeals;
using Guanjia.Domain.Common;
using Guanjia.Domain.MicroWishes;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.MicroWishes;

/// <summary>
/// Makes the wish an appeal carries and puts it before its town for verification (R-MW-02, R-MW-06): from the
/// village committee's decision, or straight from intake by any channel.
/// </summary>
public static class CreateWish
{
    /// <summary>What is known of the wish when it comes in; the town's verification may correct it.</summary>
    public sealed record Details(
        WishKind? WishKind, TargetGroup? TargetGroup, AssistanceType? AssistanceType, InclusiveServiceType? ServiceType, string? Need,
        string? BeneficiaryName, string? BeneficiaryIdNumber, string? Household, long? RequestedFen);

    public static Check CheckDetails(this Check c, Details d) =>
        WishSteps.CheckKind(c, d.WishKind, d.TargetGroup, d.AssistanceType, d.ServiceType)
            .MaxLength("need", d.Need, 100, "心愿内容", "Need")
            .MaxLength("beneficiaryName", d.BeneficiaryName, 50, "受助人姓名", "Beneficiary name")
            .When(d.BeneficiaryIdNumber is { Length: > 0 } idn && !System.Text.RegularExpressions.Regex.IsMatch(idn.Trim(), @"^\d{17}[\dXx]$"),
                "beneficiaryIdNumber", "invalid", "身份证号码格式不正确", "The ID number is not valid")
            .MaxLength("household", d.Household, 500, "家庭情况", "Household")
            .When(d.RequestedFen is < 0, "requestedFen", "out_of_range", "金额不能为负", "requestedFen cannot be negative");

    public static async Task<MicroWish> ForAppealAsync(GuanjiaDb db, Appeals.AppealServices s, Appeal appeal, Details d, CancellationToken ct)
    {
        var now = s.Clock.GetUtcNow();
        var prefix = $"MW{Domain.Calendar.ChinaTime.LocalDate(now).Year}-";
        var next = await Common.Numbering.NextAsync(db, prefix, c => db.MicroWishes.IgnoreQueryFilters().CountAsync(w => w.Number.StartsWith(prefix), c), ct);
        var special = d.WishKind == WishKind.SpecialGroupAid;
        var wish = new MicroWish
        {
            Id = Guid.CreateVersion7(), Number = $"{prefix}{next:D6}", AppealId = appeal.Id, VillageId = appeal.VillageId, TownId = appeal.TownId,
            ScopePath = appeal.ScopePath, RulesVersion = appeal.RulesVersion, Kind = d.WishKind!.Value,
            TargetGroup = special ? d.TargetGroup : null, AssistanceType = special ? d.AssistanceType : null,
            ServiceType = d.WishKind == WishKind.InclusiveService ? d.ServiceType : null,
            Need = string.IsNullOrWhiteSpace(d.Need) ? appeal.Title : d.Need.Trim(), RequestedFen = d.RequestedFen,
            BeneficiaryName = d.BeneficiaryName?.Trim(), BeneficiaryIdNumber = d.BeneficiaryIdNumber?.Trim().ToUpperInvariant(),
            Household = d.Household?.Trim(), CreatedAt = now, CreatedMonth = Appeals.CreateAppeal.MonthOf(now),
        };
        db.MicroWishes.Add(wish);
        appeal.MicroWishId = wish.Id;
        await s.Workflow.FireAsync(db, WishWorkflow.Workflow, wish, "Create", null, s.Workflow.At(), ct);
        return wish;
    }
}
