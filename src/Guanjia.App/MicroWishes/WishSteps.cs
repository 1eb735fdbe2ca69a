using Guanjia.App.Deadlines;
using Guanjia.App.Persistence;
using Guanjia.Domain.Common;
using Guanjia.Domain.MicroWishes;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.MicroWishes;

internal static class WishSteps
{
    /// <summary>Scope (404), permission (403), state (409) and version (409), in that order, from the table.</summary>
    public static async Task<(MicroWish Wish, WishWorkflow.Transition Row)> LoadForAsync(GuanjiaDb db, Guid id, string action, int? version,
        CancellationToken ct)
    {
        var w = await db.MicroWishes.SingleOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFound("MicroWish", "微心愿不存在或不在您的管辖范围内", "The wish does not exist or is outside your scope");
        var any = WishWorkflow.Table.First(t => t.Action == action);
        if (!db.Actor.Has(any.Permission))
            throw new Forbidden($"您的角色不能执行“{any.Zh}”", $"Your role may not perform {action}");
        var row = WishWorkflow.Find(action, w.State)
            ?? throw new Conflict($"微心愿当前状态为 {w.State}，不能执行“{any.Zh}”", $"The wish is {w.State}; {action} needs {string.Join(" or ", any.From)}");
        if (version is { } v && v != w.Version)
            throw new Conflict("微心愿已被他人处理，请刷新后重试", "The wish was changed by someone else; reload and try again");
        return (w, row);
    }

    public static DeadlineBook.Subject Subject(MicroWish w) => new("MicroWish", w.Id, w.Number, w.ScopePath);

    public static Check CheckKind(this Check c, WishKind? kind, TargetGroup? group, AssistanceType? assistance, InclusiveServiceType? service) => c
        .When(kind is null || !Enum.IsDefined(kind.Value), "wishKind", "required", "请选择微心愿类型（特殊群体帮扶/普惠型服务）", "wishKind is required")
        .When(kind == WishKind.SpecialGroupAid && (group is null || !Enum.IsDefined(group.Value)), "targetGroup", "required",
            "特殊群体帮扶须选择帮扶对象类别", "A special-group aid wish needs its target group")
        .When(kind == WishKind.SpecialGroupAid && (assistance is null || !Enum.IsDefined(assistance.Value)), "assistanceType", "required",
            "特殊群体帮扶须选择帮扶类型", "A special-group aid wish needs its assistance type")
        .When(kind == WishKind.InclusiveService && (service is null || !Enum.IsDefined(service.Value)), "serviceType", "required",
            "普惠型服务须选择服务类型", "An inclusive-service wish needs its service type");
}
