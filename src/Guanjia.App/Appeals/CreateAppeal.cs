using Guanjia.App.Deadlines;
using Guanjia.App.Persistence;
using Guanjia.App.Programme;
using Guanjia.Domain.Appeals;
using Guanjia.Domain.Common;
using Guanjia.Domain.Deadlines;
using Guanjia.Domain.MicroProjects;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Appeals;

/// <summary>
/// Town or village staff enter an appeal from any channel; it is dispatched at once to the village of
/// its location (R-IN-01, R-IN-04), with the village's 24-hour and 5-day deadlines running (R-MS-02, R-MS-03).
/// </summary>
public static class CreateAppeal
{
    public sealed record Request(
        Channel? Channel, string? Title, string? Description, ProjectCategory? Category, Guid? VillageId, string? Address,
        string? AppellantName, string? AppellantPhone, CollectionKind? Collection, bool? IsPetitionMatter,
        MicroWishes.CreateWish.Details? Wish = null);

    public sealed record Result(AppealDetail Appeal, bool Created);

    public static async Task<Result> HandleAsync(GuanjiaDb db, AppealServices s, Request r, string? idempotencyKey, CancellationToken ct)
    {
        var hash = Common.Idempotency.Hash(r);
        if (await Common.Idempotency.FindAsync(db, idempotencyKey, "CreateAppeal", hash, ct) is { } earlier)
            return new Result(await AppealQueries.GetAsync(db, s.Clock, earlier, ct), false);

        var phone = AppealSupport.NormalizePhone(r.AppellantPhone);
        new Check()
            .When(r.Channel is null || !Enum.IsDefined(r.Channel.Value), "channel", "required", "请选择诉求来源渠道", "channel is required")
            .NotPetition(r.Channel, r.IsPetitionMatter)
            .When(r.Channel == Channel.Portal, "channel", "portal_only", "公众门户的诉求由居民在门户自行提交，请选择实际受理的渠道",
                "Portal appeals are submitted by residents on the portal; choose the channel that received this one")
            .Required("title", r.Title, "诉求标题", "Title").MaxLength("title", r.Title, 100, "诉求标题", "Title")
            .Required("description", r.Description, "诉求内容", "Description").MaxLength("description", r.Description, 4000, "诉求内容", "Description")
            .When(r.Category is { } c && !Enum.IsDefined(c), "category", "invalid", "项目类别无效", "category is not valid")
            .When(r.VillageId is null, "villageId", "required", "请选择诉求所在村（社区）", "villageId is required")
            .MaxLength("address", r.Address, 200, "详细地址", "Address")
            .MaxLength("appellantName", r.AppellantName, 50, "诉求人姓名", "Appellant name")
            .CheckPhone("appellantPhone", phone)
            .WishIntake(r.Wish, r.Collection)
            .ThrowIfFailed();
        var (village, town) = await AppealSupport.VillageAsync(db, r.VillageId, null, ct);
        var appeal = await NewAppealAsync(db, s, village, town, r.Channel!.Value, null, r.Title!, r.Description!, r.Category, r.Address,
            r.AppellantName, phone, r.Collection ?? CollectionKind.Daily, r.Wish, ct);
        Common.Idempotency.Remember(db, idempotencyKey, "CreateAppeal", hash, appeal.Id, s.Clock.GetUtcNow());
        await db.Audit("ReceiveAppeal").SaveChangesAsync(ct);
        return new Result(await AppealQueries.GetAsync(db, s.Clock, appeal.Id, ct), true);
    }

    internal static async Task<Appeal> NewAppealAsync(GuanjiaDb db, AppealServices s, Domain.Organizations.Organization village,
        Domain.Organizations.Organization town, Channel channel, string? externalRef, string title, string description, ProjectCategory? category,
        string? address, string? name, string? phone, CollectionKind collection, MicroWishes.CreateWish.Details? wish, CancellationToken ct)
    {
        var now = s.Clock.GetUtcNow();
        var (version, rules) = await s.Rules.CurrentAsync(db, s.Clock, village.Path, ct);
        int? year = null;
        Guid? campaignId = null;
        if (collection == CollectionKind.Concentrated)
        {
            // Concentrated items belong to the town's open campaign (R-IN-02). The campaign is the town's
            // record, outside a village worker's scope, yet the village collects for it: the village was
            // checked to be in the caller's scope above, and only the campaign's year and id are used.
            var campaign = await db.CollectionCampaigns.AsNoTracking().IgnoreQueryFilters()
                .Where(c => c.TownId == town.Id && c.ClosedAt == null && c.EndsAt >= now).OrderBy(c => c.Year).FirstOrDefaultAsync(ct)
                ?? throw new ValidationFailed("collection", "no_campaign", $"{town.Name}当前没有进行中的年度集中征集",
                    $"{town.Name} has no concentrated collection open now");
            year = campaign.Year;
            campaignId = campaign.Id;
        }
        var tracking = AppealSupport.NewTrackingNumber(now);
        var appeal = new Appeal
        {
            Id = Guid.CreateVersion7(), TrackingNumber = tracking, Channel = channel, ExternalRef = externalRef,
            Collection = collection, CollectionYear = year, CampaignId = campaignId, Title = title.Trim(), Description = description.Trim(),
            Category = category, Address = address?.Trim(), AppellantName = name?.Trim(), AppellantPhone = phone,
            TrackingKeyHash = phone is { Length: >= 4 } ? Appeal.TrackingKey(tracking, LastFour(phone)) : null,
            VillageId = village.Id, TownId = town.Id, ScopePath = village.Path, ReceivedAt = now,
            ReceivedMonth = MonthOf(now),
            RulesVersion = version, CreatedById = db.Actor.Id, CreatedByName = db.Actor.Name,
        };
        db.Appeals.Add(appeal);
        if (wish is null)
            await s.Workflow.FireAsync(db, AppealWorkflow.Workflow, appeal, "Dispatch", null, s.Workflow.At(), ct);
        else
        {
            // R-MW-06: a wish goes straight to its town's verification, whichever channel it came by.
            var w = await MicroWishes.CreateWish.ForAppealAsync(db, s, appeal, wish, ct);
            await s.Workflow.FireAsync(db, AppealWorkflow.Workflow, appeal, "Dispatch", "ToTown",
                s.Workflow.At(values: new Dictionary<string, string?> { ["town"] = town.Name }), ct);
        }
        return appeal;
    }

    internal static int MonthOf(DateTimeOffset at)
    {
        var d = Domain.Calendar.ChinaTime.LocalDate(at);
        return d.Year * 100 + d.Month;
    }

    internal static string LastFour(string phone)
    {
        var digits = new string(phone.Where(char.IsDigit).ToArray());
        return digits[^4..];
    }
}

/// <summary>What the appeal use cases share, injected once.</summary>
public sealed record AppealServices(TimeProvider Clock, ProgrammeRulesProvider Rules, DeadlineBook Deadlines, Feedback.FeedbackWriter Feedback,
    Common.WorkflowRunner Workflow);
