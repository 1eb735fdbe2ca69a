using Guanjia.App.Persistence;
using Guanjia.Domain.Appeals;
using Guanjia.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Appeals;

internal static class AppealSteps
{
    /// <summary>Loads the appeal in the caller's scope and checks the step's permission, state and version against the table.</summary>
    public static async Task<Appeal> LoadForAsync(GuanjiaDb db, Guid id, string action, int? version, CancellationToken ct)
    {
        var appeal = await db.Appeals.SingleOrDefaultAsync(a => a.Id == id, ct)
            ?? throw new NotFound("Appeal", "诉求不存在或不在您的管辖范围内", "The appeal does not exist or is outside your scope");
        Common.WorkflowGate.Check(db, AppealWorkflow.Workflow, appeal, action, AppealWorkflow.Zh(appeal.State), version, appeal.Version, "诉求", "appeal");
        return appeal;
    }
}
