using Guanjia.App.Persistence;
using Guanjia.Domain.Calendar;
using Guanjia.Domain.Common;
using Guanjia.Domain.Stations;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Stations;

/// <summary>
/// The three publications of a station item (三公开, R-ST-07): the consultation result, then the implementation
/// result, then the evaluation result, each through the community public-service platform, the rural integrity
/// disclosure platform and the village notice board. The text is masked when recorded (R-PL-07): the linked
/// appeal's appellant and the village's referred residents by name, phone and address, and any phone or ID
/// number; the public sees only the masked text.
/// </summary>
public static class PublishStationResult
{
    public sealed record Request(PublicationKind? Kind, string? Title, string? Text, IReadOnlyList<PublicationPlatform>? Platforms, DateOnly? PublishedOn);

    public static async Task<ItemView> HandleAsync(GuanjiaDb db, TimeProvider clock, Guid itemId, Request r, CancellationToken ct)
    {
        var item = await StationSteps.ItemAsync(db, itemId, ct, tracking: false);
        StationSteps.RequireManage(db);
        var done = await db.StationPublications.AsNoTracking().Where(p => p.ItemId == itemId).Select(p => p.Kind).ToListAsync(ct);
        if (r.Kind is { } k && Enum.IsDefined(k))
        {
            if (done.Contains(k))
                throw new Conflict($"该项目的{StationTerms.Zh(k)}已公开", $"The item's {k} result is already published");
            var before = k - 1;
            if (k != PublicationKind.Consultation && !done.Contains(before))
                throw new Conflict($"请先公开{StationTerms.Zh(before)}，再公开{StationTerms.Zh(k)}", $"Publish the {before} result before the {k} result");
        }
        var today = ChinaTime.LocalDate(clock.GetUtcNow());
        var platforms = r.Platforms ?? [];
        new Check()
            .When(r.Kind is null || !Enum.IsDefined(r.Kind.Value), "kind", "required", "请选择公开内容（协商结果、实施结果、评议结果）",
                "kind is required: Consultation, Implementation or Evaluation")
            .MaxLength("title", r.Title, 200, "公开标题", "Title")
            .Required("text", r.Text, "公开内容", "Text").MaxLength("text", r.Text, 4000, "公开内容", "Text")
            .When(!StationSteps.AllDefined(platforms), "platforms", "invalid", "公开渠道无效", "Unknown platform")
            .When(Enum.GetValues<PublicationPlatform>().Any(p => !platforms.Contains(p)), "platforms", "all_three_required",
                "须通过社区公共服务综合信息平台、农村党风廉政信息公开平台、党务村（居）务公开栏三种渠道公开",
                "Publish through all three: CommunityPlatform, IntegrityPlatform, VillageNoticeBoard (R-ST-07)")
            .When(r.PublishedOn is null, "publishedOn", "required", "请填写公开日期", "publishedOn is required")
            .When(r.PublishedOn > today, "publishedOn", "in_future", "公开日期不能晚于今天", "publishedOn cannot be in the future")
            .ThrowIfFailed();

        var personal = await PersonalDataAsync(db, item, ct);
        var title = string.IsNullOrWhiteSpace(r.Title) ? $"{item.Title}{StationTerms.Zh(r.Kind!.Value)}公开" : r.Title.Trim();
        var now = clock.GetUtcNow();
        // The station keeps its record of the three publications; the public reads them, masked once, from the one board.
        var notice = Publicity.Publisher.Publish(db, new Publicity.Publisher.Draft(Domain.Publicity.NoticeKind.StationPublication, "StationItem", item.Id,
            item.Id.ToString("N")[..12], item.TownId, item.VillageId, title, new Dictionary<string, object?>
            {
                ["kind"] = r.Kind!.Value.ToString(), ["kindZh"] = StationTerms.Zh(r.Kind!.Value), ["item"] = item.Title, ["text"] = r.Text!.Trim(),
                ["publishedOn"] = r.PublishedOn!.Value.ToString("yyyy-MM-dd"),
            }, platforms.Select(p => p.ToString()).ToList(), ChinaTime.StartOfDay(r.PublishedOn!.Value), null), now, personal);
        db.StationPublications.Add(new StationPublication
        {
            Id = Guid.CreateVersion7(), ItemId = item.Id, StationId = item.StationId, VillageId = item.VillageId, TownId = item.TownId,
            ScopePath = item.ScopePath, Kind = r.Kind!.Value, Title = notice.Title, Text = Masking.Published(r.Text!.Trim(), personal),
            Platforms = StationTerms.Join(platforms), PublishedOn = r.PublishedOn!.Value, RecordedAt = now, RecordedByName = db.Actor.Name,
        });
        await db.Audit("PublishStationResult").SaveChangesAsync(ct);
        return await StationQueries.GetItemAsync(db, item.Id, ct);
    }

    /// <summary>What the system knows is personal near this item: the linked appeal's appellant and the village's referred residents.</summary>
    private static async Task<string?[]> PersonalDataAsync(GuanjiaDb db, StationItem item, CancellationToken ct)
    {
        var list = new List<string?>();
        if (item.MicroProjectId is { } pid)
        {
            var appellant = await db.MicroProjects.IgnoreQueryFilters().AsNoTracking().Where(p => p.Id == pid)
                .Join(db.Appeals.IgnoreQueryFilters(), p => p.AppealId, a => a.Id, (p, a) => new { a.AppellantName, a.AppellantPhone, a.Address })
                .SingleOrDefaultAsync(ct);
            if (appellant is not null) list.AddRange([appellant.AppellantName, appellant.AppellantPhone, appellant.Address]);
        }
        var residents = await db.InclusiveServiceReferrals.IgnoreQueryFilters().AsNoTracking().Where(x => x.VillageId == item.VillageId)
            .Select(x => new { x.ResidentName, x.ResidentPhone }).ToListAsync(ct);
        list.AddRange(residents.SelectMany(x => new[] { x.ResidentName, x.ResidentPhone }));
        return [.. list];
    }
}
