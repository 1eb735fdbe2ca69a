using Guanjia.App.Deadlines;
using Guanjia.App.Persistence;
using Guanjia.Domain.Common;
using Guanjia.Domain.MicroWishes;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.MicroWishes;

internal static class WishSteps
{
    /// <summary>Scope (404), step applies (409), permission (403), state (409) and version (409), from the table.</summary>
    public static async Task<MicroWish> LoadForAsync(GuanjiaDb db, Guid id, string action, int? version, CancellationToken ct)
    {
        var w = await db.MicroWishes.SingleOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFound("MicroWish", "微心愿不存在或不在您的管辖范围内", "The wish does not exist or is outside your scope");
        Common.WorkflowGate.Check(db, WishWorkflow.Workflow, w, action, WishWorkflow.Zh(w.State), version, w.Version, "微心愿", "wish");
        return w;
    }

    /// <summary>The names the feedback templates fill in for a wish.</summary>
    public static async Task<Dictionary<string, string?>> ValuesAsync(GuanjiaDb db, MicroWish w, CancellationToken ct) => new()
    {
        ["projectName"] = w.Need, ["town"] = (await Organizations.OrganizationQueries.NamesAsync(db, [w.TownId], ct)).GetValueOrDefault(w.TownId),
        ["route"] = w.Route is { } r ? Domain.MicroProjects.ProjectTaxonomy.Zh(r) : "",
    };

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
