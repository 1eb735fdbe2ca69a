using Guanjia.App.MicroProjects;
using Guanjia.App.Persistence;
using Guanjia.App.Publicity;
using Guanjia.Domain.Calendar;
using Guanjia.Domain.Claims;
using Guanjia.Domain.Common;
using Guanjia.Domain.Publicity;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Claims;

/// <summary>
/// The city lead department publishes a confirmed direct-route item within 10 working days, on the 莞家政务
/// account, the 12345 portal and the charity federation's site, for a window in which enterprises, social
/// organisations and donors may claim it (R-RT-02); it decides whether the item may be shared.
/// </summary>
public static class PublishClaimItem
{
    public sealed record Request(DateOnly? From, DateOnly? To, IReadOnlyList<string>? Platforms, bool? AllowsShares, long? MinimumShareFen,
        string? LateReason, int? Version);

    public static async Task<ClaimItemDetail> HandleAsync(GuanjiaDb db, ProjectServices s, Guid id, Request r, CancellationToken ct)
    {
        var item = await ClaimBoard.LoadForAsync(db, id, "Publish", r.Version, ct);
        var rules = await s.Rules.GetAsync(db, item.RulesVersion, ct);
        var now = s.Clock.GetUtcNow();
        var today = ChinaTime.LocalDate(now);
        var platforms = r.Platforms is { Count: > 0 } ? r.Platforms.Distinct().ToList() : [.. PublicNotice.ClaimPlatforms];
        var shares = r.AllowsShares == true;
        new Check()
            .When(r.From is null, "from", "required", "请填写认领开始日期", "from is required")
            .When(r.To is null, "to", "required", "请填写认领截止日期", "to is required")
            .When(r.From < today, "from", "in_past", "认领开始日期不能早于今天", "from cannot be before today")
            .When(r.From is { } f && r.To is { } t && t.DayNumber - f.DayNumber + 1 < rules.ClaimWindowMinimumDays, "to", "too_short",
                $"认领期不少于{rules.ClaimWindowMinimumDays}日", $"The claim window lasts at least {rules.ClaimWindowMinimumDays} days")
            .Platforms(platforms)
            .When(shares && r.MinimumShareFen is <= 0, "minimumShareFen", "out_of_range", "最低认领份额须大于0（单位：分）", "minimumShareFen must be positive")
            .When(shares && r.MinimumShareFen > item.AmountFen, "minimumShareFen", "over_amount", "最低认领份额不能超过项目金额",
                "minimumShareFen cannot exceed the item's amount")
            .When(!shares && r.MinimumShareFen is not null, "minimumShareFen", "not_shared", "不允许分份认领的项目无需最低份额",
                "Only a shared item has a minimum share")
            .MaxLength("lateReason", r.LateReason, 500, "逾期原因", "Late reason")
            .ThrowIfFailed();
        await s.Workflow.FireAsync(db, ClaimBoardWorkflow.Workflow, item, "Publish", null, s.Workflow.At(lateReason: r.LateReason), ct);
        item.PublishedAt = now;
        item.WindowFrom = ChinaTime.StartOfDay(r.From!.Value);
        item.WindowTo = ChinaTime.EndOfDay(r.To!.Value);
        item.Platforms = string.Join(',', platforms);
        item.AllowsShares = shares;
        item.MinimumShareFen = shares ? r.MinimumShareFen : null;
        var personal = await PersonalAsync(db, item, ct);
        var names = await Organizations.OrganizationQueries.NamesAsync(db, [item.TownId, item.VillageId], ct);
        var notice = Publisher.Publish(db, new Publisher.Draft(NoticeKind.ClaimBoard, item.SubjectType, item.SubjectId, item.Number, item.TownId,
            item.VillageId, $"“莞家直达”认领：{item.Title}", new Dictionary<string, object?>
            {
                ["number"] = item.Number, ["claimItemId"] = item.Id.ToString(), ["title"] = item.Title, ["summary"] = item.Summary,
                ["amountFen"] = item.AmountFen, ["allowsShares"] = shares, ["minimumShareFen"] = item.MinimumShareFen,
                ["town"] = names.GetValueOrDefault(item.TownId), ["village"] = names.GetValueOrDefault(item.VillageId),
                ["kind"] = item.SubjectType == "MicroWish" ? "民生微心愿" : "民生微实事",
            }, platforms, item.WindowFrom.Value, item.WindowTo), now, personal);
        item.NoticeId = notice.Id;
        await db.Audit("PublishClaimItem").SaveChangesAsync(ct);
        return await ClaimQueries.GetAsync(db, s.Clock, id, ct);
    }

    /// <summary>The appellant's and (for a wish) the beneficiary's data, masked again at publication.</summary>
    internal static async Task<string?[]> PersonalAsync(GuanjiaDb db, ClaimItem item, CancellationToken ct)
    {
        var appeal = await db.Appeals.IgnoreQueryFilters().AsNoTracking().SingleAsync(a => a.Id == item.AppealId, ct);
        var wish = item.SubjectType == "MicroWish"
            ? await db.MicroWishes.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(w => w.Id == item.SubjectId, ct) : null;
        return ClaimBoard.Personal(appeal, wish);
    }
}
