using Guanjia.App.MicroProjects;
using Guanjia.App.Persistence;
using Guanjia.Domain.Claims;
using Guanjia.Domain.Deadlines;
using Guanjia.Domain.Feedback;
using Guanjia.Domain.MicroProjects;
using Guanjia.Domain.MicroWishes;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Claims;

/// <summary>
/// Closes claim windows that have ended (a background job). Nobody claimed: the item returns to the
/// special fund and its normal process, by express, and the proposer is told (R-RT-04). Claimed in part:
/// the shares stand, the fund makes up the rest, and the month to start begins (R-RT-03).
/// </summary>
public sealed class ClaimWindows(ProjectServices s)
{
    public async Task<int> RunOnceAsync(GuanjiaDb db, CancellationToken ct)
    {
        var now = s.Clock.GetUtcNow();
        var ended = await db.ClaimItems.Where(i => i.State == ClaimItemState.Open && i.WindowTo < now).OrderBy(i => i.WindowTo)
            .Select(i => i.Id).Take(100).ToListAsync(ct);
        foreach (var id in ended)
        {
            try
            {
                var item = await db.ClaimItems.SingleAsync(i => i.Id == id, ct);
                await CloseAsync(db, item, now, ct);
                await db.Audit(item.State == ClaimItemState.Returned ? "ReturnUnclaimed" : "ClosePartlyClaimed").SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                // A claim landed at the same moment; the next run sees the new state.
            }
            db.ChangeTracker.Clear();
        }
        return ended.Count;
    }

    private async Task CloseAsync(GuanjiaDb db, ClaimItem item, DateTimeOffset now, CancellationToken ct)
    {
        var rules = await s.Rules.GetAsync(db, item.RulesVersion, ct);
        if (item.ClaimedFen > 0)
        {
            item.State = ClaimItemState.Claimed;
            item.ClaimedAt = now;
            await s.Deadlines.StartAsync(db, rules, Obligations.DirectStart, ClaimBoard.Subject(item), item.TownId, now, rules.DirectStartAfterClaim, ct);
            await ClaimBoard.TellProposerAsync(db, s.Feedback, item, null, ct);
            return;
        }
        item.State = ClaimItemState.Returned;
        item.ReturnedAt = now;
        if (item.SubjectType == "MicroProject")
        {
            var p = await db.MicroProjects.SingleAsync(x => x.Id == item.SubjectId, ct);
            if (ProjectWorkflow.Find("ReturnUnclaimed", p.State, p.IsSmall) is null) return;
            p.State = ProjectState.AwaitingPublicity;
            // The fund's normal process is the express route: publish, then the express limits from the end of publicity.
            p.Route = Route.Express;
            p.ExpressForm = ExpressForm.DirectImplementation;
        }
        else
        {
            var w = await db.MicroWishes.SingleAsync(x => x.Id == item.SubjectId, ct);
            if (WishWorkflow.Find("ReturnUnclaimed", w.State) is null) return;
            w.State = WishState.Handling;
            w.Route = Route.Express;
            w.ExpressForm = ExpressForm.DirectGrant;
            await s.Deadlines.StartAsync(db, rules, Obligations.WishExpressHandling, ClaimBoard.Subject(item), w.TownId, now, rules.WishExpressHandling, ct);
        }
        var appeal = await db.Appeals.IgnoreQueryFilters().SingleAsync(a => a.Id == item.AppealId, ct);
        await s.Feedback.AddAsync(db, appeal, FeedbackKind.ClaimReturned, new Dictionary<string, string?> { ["projectName"] = item.Title }, ct);
    }
}
