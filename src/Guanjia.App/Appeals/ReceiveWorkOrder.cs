using Guanjia.App.Persistence;
using Guanjia.Domain.Appeals;
using Guanjia.Domain.Common;
using Guanjia.Domain.MicroProjects;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Appeals;

/// <summary>
/// A work order from an integration (the 12345 hotline, its portal, the WeChat account). The external
/// number makes it idempotent: the same order twice is one appeal (R-IN-01, R-IN-04).
/// </summary>
public static class ReceiveWorkOrder
{
    public sealed record Request(
        string? WorkOrderNumber, Channel? Channel, string? VillageCode, string? Title, string? Description, ProjectCategory? Category,
        string? Address, string? AppellantName, string? AppellantPhone, bool? IsPetitionMatter, MicroWishes.CreateWish.Details? Wish = null);

    private static readonly Channel[] IntegrationChannels = [Channel.Hotline12345, Channel.HotlinePortal, Channel.WeChatAccount];

    public static async Task<CreateAppeal.Result> HandleAsync(GuanjiaDb db, AppealServices s, Request r, CancellationToken ct)
    {
        var channel = r.Channel ?? Channel.Hotline12345;
        var phone = AppealSupport.NormalizePhone(r.AppellantPhone);
        new Check()
            .Required("workOrderNumber", r.WorkOrderNumber, "工单编号", "Work-order number")
            .MaxLength("workOrderNumber", r.WorkOrderNumber, 64, "工单编号", "Work-order number")
            .NotPetition(r.Channel, r.IsPetitionMatter)
            .When(channel != Channel.Petition && !IntegrationChannels.Contains(channel), "channel", "invalid",
                "对接渠道只能是12345热线、热线门户网站或“莞家政务”公众号", "channel must be Hotline12345, HotlinePortal or WeChatAccount")
            .Required("villageCode", r.VillageCode, "所在村（社区）编码", "Village code")
            .Required("title", r.Title, "诉求标题", "Title").MaxLength("title", r.Title, 100, "诉求标题", "Title")
            .Required("description", r.Description, "诉求内容", "Description").MaxLength("description", r.Description, 4000, "诉求内容", "Description")
            .MaxLength("address", r.Address, 200, "详细地址", "Address")
            .MaxLength("appellantName", r.AppellantName, 50, "诉求人姓名", "Appellant name")
            .CheckPhone("appellantPhone", phone)
            .WishIntake(r.Wish, CollectionKind.Daily)
            .ThrowIfFailed();
        var number = r.WorkOrderNumber!.Trim();
        var existing = await db.Appeals.AsNoTracking().Where(a => a.ExternalRef == number).Select(a => (Guid?)a.Id).SingleOrDefaultAsync(ct);
        if (existing is { } id) return new CreateAppeal.Result(await AppealQueries.GetAsync(db, s.Clock, id, ct), false);

        var (village, town) = await AppealSupport.VillageAsync(db, null, r.VillageCode!.Trim(), ct);
        var appeal = await CreateAppeal.NewAppealAsync(db, s, village, town, channel, number, r.Title!, r.Description!, r.Category, r.Address,
            r.AppellantName, phone, CollectionKind.Daily, r.Wish, ct);
        try
        {
            await db.Audit("ReceiveWorkOrder").SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same order arrived twice at once: the other request made it; answer with that one.
            db.ChangeTracker.Clear();
            var other = await db.Appeals.AsNoTracking().Where(a => a.ExternalRef == number).Select(a => (Guid?)a.Id).SingleOrDefaultAsync(ct);
            if (other is null) throw;
            return new CreateAppeal.Result(await AppealQueries.GetAsync(db, s.Clock, other.Value, ct), false);
        }
        return new CreateAppeal.Result(await AppealQueries.GetAsync(db, s.Clock, appeal.Id, ct), true);
    }
}
