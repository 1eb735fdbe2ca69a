using Guanjia.App.MicroProjects;
using Guanjia.App.Persistence;
using Guanjia.Domain.Accounts;
using Guanjia.Domain.Claims;
using Guanjia.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Claims;

/// <summary>R-RT-02: a town may widen the city's publication with its own channels for claims.</summary>
public static class AddClaimChannels
{
    public sealed record Request(string? Channels, int? Version);

    public static async Task<ClaimItemDetail> HandleAsync(GuanjiaDb db, ProjectServices s, Guid id, Request r, CancellationToken ct)
    {
        var item = await db.ClaimItems.SingleOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFound("ClaimItem", "认领项目不存在或不在您的管辖范围内", "The claim item does not exist or is outside your scope");
        if (!db.Actor.Has(Permissions.ProjectsTown)) throw new Forbidden("只有镇（街道）可以拓展认领渠道", "Only the town adds claim channels");
        if (item.State != ClaimItemState.Open) throw new Conflict("只有认领中的项目可以拓展认领渠道", "Channels can be added only while the item is open");
        if (r.Version is { } v && v != item.Version) throw new Conflict("认领项目已被他人处理，请刷新后重试", "The item was changed; reload and try again");
        new Check().Required("channels", r.Channels, "认领渠道", "Channels").MaxLength("channels", r.Channels, 500, "认领渠道", "Channels").ThrowIfFailed();
        item.ExtraChannels = r.Channels!.Trim();
        await db.Audit("AddClaimChannels").SaveChangesAsync(ct);
        return await ClaimQueries.GetAsync(db, s.Clock, id, ct);
    }
}
