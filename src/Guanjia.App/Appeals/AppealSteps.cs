using Guanjia.App.Persistence;
using Guanjia.Domain.Appeals;
using Guanjia.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Appeals;

internal static class AppealSteps
{
    /// <summary>Loads the appeal in the caller's scope and checks the step's state, permission and version.</summary>
    public static async Task<Appeal> LoadForAsync(GuanjiaDb db, Guid id, AppealWorkflow.Step step, int? version, CancellationToken ct)
    {
        var appeal = await db.Appeals.SingleOrDefaultAsync(a => a.Id == id, ct)
            ?? throw new NotFound("Appeal", "诉求不存在或不在您的管辖范围内", "The appeal does not exist or is outside your scope");
        if (!db.Actor.Has(step.Permission))
            throw new Forbidden($"您的角色不能执行“{step.Zh}”", $"Your role may not perform {step.Action}");
        if (appeal.State != step.From)
            throw new Conflict($"诉求当前状态为 {appeal.State}，不能执行“{step.Zh}”", $"The appeal is {appeal.State}; {step.Action} needs {step.From}");
        if (version is { } v && v != appeal.Version)
            throw new Conflict("诉求已被他人处理，请刷新后重试", "The appeal was changed by someone else; reload and try again");
        return appeal;
    }
}
