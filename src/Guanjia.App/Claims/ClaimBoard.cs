using Guanjia.App.Common;
using Guanjia.App.Deadlines;
using Guanjia.App.Feedback;
using Guanjia.App.Persistence;
using Guanjia.Domain.Appeals;
using Guanjia.Domain.Claims;
using Guanjia.Domain.Common;
using Guanjia.Domain.Deadlines;
using Guanjia.Domain.MicroProjects;
using Guanjia.Domain.MicroWishes;
using Guanjia.Domain.Organizations;
using Guanjia.Domain.Programme;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Claims;

/// <summary>
/// Puts a direct-route (莞家直达) project or wish on the claim board when the town confirms it, and starts
/// the city lead department's 10 working days to publish it (R-RT-02). What the board says is masked here,
/// from the subject's own fields, against the appellant's and the beneficiary's data (R-PL-07).
/// </summary>
public static class ClaimBoard
{
    /// <summary>The public portal claims as itself: it may read published items and claim, nothing else.</summary>
    public static readonly Actor Portal = new(ActorKind.Integration, null, "public-claim-board", null, null, "/",
        new HashSet<string>(StringComparer.Ordinal), false);

    public static string?[] Personal(Appeal a, MicroWish? w = null) =>
        [a.AppellantName, a.AppellantPhone, a.Address, w?.BeneficiaryName, w?.BeneficiaryIdNumber, w?.Household];

    public static Task<ClaimItem> OpenForProjectAsync(GuanjiaDb db, DeadlineBook deadlines, ProgrammeRuleSet rules, MicroProject p, Appeal a,
        DateTimeOffset now, CancellationToken ct)
    {
        var personal = Personal(a);
        var summary = string.Join("\n", new[]
        {
            p.Content, p.Location is null ? null : $"实施地点：{p.Location}", p.Beneficiaries is null ? null : $"惠及人群：{p.Beneficiaries}",
            p.ImplementationPeriod is null ? null : $"实施时限：{p.ImplementationPeriod}",
        }.Where(x => !string.IsNullOrWhiteSpace(x)));
        return OpenAsync(db, deadlines, rules, new ClaimItem
        {
            Id = Guid.CreateVersion7(), Number = "", SubjectType = "MicroProject", SubjectId = p.Id, SubjectRef = p.Number, AppealId = p.AppealId,
            TownId = p.TownId, VillageId = p.VillageId, ScopePath = p.ScopePath, RulesVersion = p.RulesVersion, State = ClaimItemState.AwaitingPublication,
            Title = Masking.Published(p.Name, personal), Summary = Masking.Published(summary, personal), AmountFen = p.BudgetFen ?? 0,
            ConfirmedAt = now, CreatedAt = now,
        }, ct);
    }

    public static Task<ClaimItem> OpenForWishAsync(GuanjiaDb db, DeadlineBook deadlines, ProgrammeRuleSet rules, MicroWish w, Appeal a,
        DateTimeOffset now, CancellationToken ct)
    {
        var personal = Personal(a, w);
        // The person helped is described by group and need only: never by name, ID or household.
        var who = w.TargetGroup is { } g ? WishTerms.Zh(g) : w.ServiceType is { } st ? WishTerms.Zh(st) : "";
        var summary = $"帮扶对象：{who}\n资助方式：{w.AssistanceForm}";
        return OpenAsync(db, deadlines, rules, new ClaimItem
        {
            Id = Guid.CreateVersion7(), Number = "", SubjectType = "MicroWish", SubjectId = w.Id, SubjectRef = w.Number, AppealId = w.AppealId,
            TownId = w.TownId, VillageId = w.VillageId, ScopePath = w.ScopePath, RulesVersion = w.RulesVersion, State = ClaimItemState.AwaitingPublication,
            Title = Masking.Published(w.Need, personal), Summary = Masking.Published(summary, personal), AmountFen = w.AmountFen ?? 0,
            ConfirmedAt = now, CreatedAt = now,
        }, ct);
    }

    private static async Task<ClaimItem> OpenAsync(GuanjiaDb db, DeadlineBook deadlines, ProgrammeRuleSet rules, ClaimItem item, CancellationToken ct)
    {
        var prefix = $"ZD{Domain.Calendar.ChinaTime.LocalDate(item.ConfirmedAt).Year}-";
        var next = await Common.Numbering.NextAsync(db, prefix, c => db.ClaimItems.IgnoreQueryFilters().CountAsync(x => x.Number.StartsWith(prefix), c), ct);
        item.Number = $"{prefix}{next:D5}";
        db.ClaimItems.Add(item);
        // The item's own city publishes it: the root of the jurisdiction it lies in (ADR 0040).
        var root = Domain.Jurisdictions.Jurisdiction.RootOf(item.ScopePath);
        var city = await db.Organizations.IgnoreQueryFilters().Where(o => o.Path == root).Select(o => o.Id).FirstAsync(ct);
        await deadlines.StartAsync(db, rules, Obligations.DirectPublication, Subject(item), city, item.ConfirmedAt, rules.DirectPublication, ct);
        return item;
    }

    /// <summary>The item's deadlines live on its subject, so the project's or wish's page shows them too.</summary>
    public static DeadlineBook.Subject Subject(ClaimItem i) => new(i.SubjectType, i.SubjectId, i.SubjectRef, i.ScopePath);

    /// <summary>Scope (404), permission (403), state (409) and version (409), in that order, from the table.</summary>
    public static async Task<(ClaimItem Item, ClaimBoardWorkflow.Transition Row)> LoadForAsync(GuanjiaDb db, Guid id, string action, int? version,
        CancellationToken ct)
    {
        var item = await db.ClaimItems.SingleOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFound("ClaimItem", "认领项目不存在或不在您的管辖范围内", "The claim item does not exist or is outside your scope");
        var any = ClaimBoardWorkflow.Table.First(t => t.Action == action);
        if (any.Who is not ClaimBoardWorkflow.Public and not ClaimBoardWorkflow.System && !db.Actor.Has(any.Who))
            throw new Forbidden($"您的角色不能执行“{any.Zh}”", $"Your role may not perform {action}");
        var row = ClaimBoardWorkflow.Find(action, item.State)
            ?? throw new Conflict($"该项目{ClaimBoardWorkflow.Zh(item.State)}，不能执行“{any.Zh}”",
                $"The item is {item.State}; {action} needs {string.Join(" or ", any.From)}");
        if (version is { } v && v != item.Version)
            throw new Conflict("认领项目已被他人处理，请刷新后重试", "The item was changed by someone else; reload and try again");
        return (item, row);
    }

    /// <summary>R-RT-03: the claim result goes back to whoever proposed the item, naming every claimant as the public sees them.</summary>
    public static async Task TellProposerAsync(GuanjiaDb db, FeedbackWriter feedback, ClaimItem item, Claimant? unsaved, CancellationToken ct)
    {
        var appeal = await db.Appeals.IgnoreQueryFilters().SingleAsync(a => a.Id == item.AppealId, ct);
        var saved = await db.Claims.Where(c => c.ItemId == item.Id).Join(db.Claimants, c => c.ClaimantId, x => x.Id, (c, x) => new { x.Kind, x.Name })
            .ToListAsync(ct);
        var names = saved.Select(x => Claimant.PublicName(x.Kind, x.Name));
        if (unsaved is not null) names = names.Append(Claimant.PublicName(unsaved.Kind, unsaved.Name));
        await feedback.AddAsync(db, appeal, Domain.Feedback.FeedbackKind.ClaimResult, new Dictionary<string, string?>
        {
            ["projectName"] = item.Title, ["claimant"] = string.Join("、", names.Distinct()),
        }, ct);
    }

    /// <summary>Who claimed a subject, as the public may read it; null when nobody has.</summary>
    public static async Task<string?> PublicClaimantsAsync(GuanjiaDb db, Guid subjectId, CancellationToken ct)
    {
        var names = await db.ClaimItems.IgnoreQueryFilters().Where(i => i.SubjectId == subjectId)
            .Join(db.Claims, i => i.Id, c => c.ItemId, (i, c) => c)
            .Join(db.Claimants, c => c.ClaimantId, x => x.Id, (c, x) => new { x.Kind, x.Name, c.ClaimedAt })
            .OrderBy(x => x.ClaimedAt).ToListAsync(ct);
        return names.Count == 0 ? null : string.Join("、", names.Select(n => Claimant.PublicName(n.Kind, n.Name)).Distinct());
    }
}
