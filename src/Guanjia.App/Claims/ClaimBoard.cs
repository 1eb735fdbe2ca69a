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

    /// <summary>Every person the subject names (R-PL-07): appellant, beneficiary, the registration form's contact, an implementing body that is a person.</summary>
    public static string?[] Personal(Appeal a, MicroWish? w = null, MicroProject? p = null) =>
        [a.AppellantName, a.AppellantPhone, a.Address, w?.BeneficiaryName, w?.BeneficiaryIdNumber, w?.Household, p?.ContactName, p?.ContactPhone,
            PersonNames.IsName(p?.ImplementingBody) ? p!.ImplementingBody : null];

    public static Task<ClaimItem> OpenForProjectAsync(GuanjiaDb db, WorkflowRunner workflow, MicroProject p, Appeal a, DateTimeOffset now,
        CancellationToken ct)
    {
        var personal = Personal(a, null, p);
        var summary = string.Join("\n", new[]
        {
            p.Content, p.Location is null ? null : $"实施地点：{p.Location}", p.Beneficiaries is null ? null : $"惠及人群：{p.Beneficiaries}",
            p.ImplementationPeriod is null ? null : $"实施时限：{p.ImplementationPeriod}",
        }.Where(x => !string.IsNullOrWhiteSpace(x)));
        return OpenAsync(db, workflow, new ClaimItem
        {
            Id = Guid.CreateVersion7(), Number = "", SubjectType = "MicroProject", SubjectId = p.Id, SubjectRef = p.Number, AppealId = p.AppealId,
            TownId = p.TownId, VillageId = p.VillageId, ScopePath = p.ScopePath, RulesVersion = p.RulesVersion,
            Title = Masking.Published(p.Name, personal), Summary = Masking.Published(summary, personal), AmountFen = p.BudgetFen ?? 0,
            ConfirmedAt = now, CreatedAt = now,
        }, ct);
    }

    public static Task<ClaimItem> OpenForWishAsync(GuanjiaDb db, WorkflowRunner workflow, MicroWish w, Appeal a, DateTimeOffset now,
        CancellationToken ct)
    {
        var personal = Personal(a, w);
        // The person helped is described by group and need only: never by name, ID or household.
        var who = w.TargetGroup is { } g ? WishTerms.Zh(g) : w.ServiceType is { } st ? WishTerms.Zh(st) : "";
        var summary = $"帮扶对象：{who}\n资助方式：{w.AssistanceForm}";
        return OpenAsync(db, workflow, new ClaimItem
        {
            Id = Guid.CreateVersion7(), Number = "", SubjectType = "MicroWish", SubjectId = w.Id, SubjectRef = w.Number, AppealId = w.AppealId,
            TownId = w.TownId, VillageId = w.VillageId, ScopePath = w.ScopePath, RulesVersion = w.RulesVersion,
            Title = Masking.Published(w.Need, personal), Summary = Masking.Published(summary, personal), AmountFen = w.AmountFen ?? 0,
            ConfirmedAt = now, CreatedAt = now,
        }, ct);
    }

    private static async Task<ClaimItem> OpenAsync(GuanjiaDb db, WorkflowRunner workflow, ClaimItem item, CancellationToken ct)
    {
        var prefix = $"ZD{Domain.Calendar.ChinaTime.LocalDate(item.ConfirmedAt).Year}-";
        var next = await Common.Numbering.NextAsync(db, prefix, c => db.ClaimItems.IgnoreQueryFilters().CountAsync(x => x.Number.StartsWith(prefix), c), ct);
        item.Number = $"{prefix}{next:D5}";
        db.ClaimItems.Add(item);
        await workflow.FireAsync(db, ClaimBoardWorkflow.Workflow, item, "Open", null, workflow.At(), ct);
        return item;
    }

    /// <summary>Scope (404), permission (403), state (409) and version (409), in that order, from the table.</summary>
    public static async Task<ClaimItem> LoadForAsync(GuanjiaDb db, Guid id, string action, int? version, CancellationToken ct)
    {
        var item = await db.ClaimItems.SingleOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFound("ClaimItem", "认领项目不存在或不在您的管辖范围内", "The claim item does not exist or is outside your scope");
        WorkflowGate.Check(db, ClaimBoardWorkflow.Workflow, item, action, ClaimBoardWorkflow.Zh(item.State), version, item.Version, "认领项目", "claim item");
        return item;
    }

    /// <summary>R-RT-03: the claim result names every claimant as the public sees them, for the proposer's feedback.</summary>
    public static async Task<Dictionary<string, string?>> ClaimResultValuesAsync(GuanjiaDb db, ClaimItem item, Claimant? unsaved, CancellationToken ct)
    {
        var saved = await db.Claims.Where(c => c.ItemId == item.Id).Join(db.Claimants, c => c.ClaimantId, x => x.Id, (c, x) => new { x.Kind, x.Name })
            .ToListAsync(ct);
        var names = saved.Select(x => Claimant.PublicName(x.Kind, x.Name));
        if (unsaved is not null) names = names.Append(Claimant.PublicName(unsaved.Kind, unsaved.Name));
        return new Dictionary<string, string?> { ["projectName"] = item.Title, ["claimant"] = string.Join("、", names.Distinct()) };
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
