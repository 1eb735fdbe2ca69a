using Guanjia.App.Persistence;
using Guanjia.Domain.Calendar;
using Guanjia.Domain.Common;
using Guanjia.Domain.MicroProjects;
using Guanjia.App.Publicity;
using Guanjia.Domain.Publicity;

namespace Guanjia.App.MicroProjects;

/// <summary>
/// Publicity of a confirmed project for at least 5 days on the linked platforms, showing content,
/// location, time limit, budget and beneficiaries (R-MS-11); a small project's own village publicity
/// (R-MS-07). Express projects' R-MS-12 limits count from the end of publicity.
/// </summary>
public static class PublishProject
{
    /// <summary>Platforms default to all linked ones; a confirmed project that leaves one out says why (<c>PlatformOverrideReason</c>).</summary>
    public sealed record Request(DateOnly? From, DateOnly? To, IReadOnlyList<string>? Platforms, int? Version, string? PlatformOverrideReason = null);

    public static async Task<ProjectDetail> HandleAsync(GuanjiaDb db, ProjectServices s, Guid id, Request r, CancellationToken ct)
    {
        var p = await ProjectSteps.LoadForAsync(db, id, "Publish", r.Version, ct);
        var rules = await s.Rules.GetAsync(db, p.RulesVersion, ct);
        var now = s.Clock.GetUtcNow();
        var today = ChinaTime.LocalDate(now);
        var small = p.IsSmall == true;
        var minDays = small ? rules.VillagePublicityMinimumDays : rules.PublicityMinimumDays;
        var platforms = r.Platforms is { Count: > 0 } ? r.Platforms.Distinct().ToList()
            : small ? ["VillageNoticeBoard"] : [.. PublicNotice.LinkedPlatforms];
        var left = small ? [] : PublicNotice.LinkedPlatforms.Except(platforms).ToList();
        new Check()
            // R-MS-11: every linked platform; leaving one out is an override with its reason.
            .When(left.Count > 0 && string.IsNullOrWhiteSpace(r.PlatformOverrideReason), "platforms", "platform_left_out",
                $"经确认的项目须在全部关联平台公示，未选：{string.Join("、", left.Select(x => PublicNotice.PlatformNames[x]))}；如确需省略，请填写原因",
                $"A confirmed project is publicised on every linked platform; {string.Join(", ", left)} left out needs platformOverrideReason")
            .MaxLength("platformOverrideReason", r.PlatformOverrideReason, 500, "省略平台的原因", "Override reason")
            .When(r.From is null, "from", "required", "请填写公示开始日期", "from is required")
            .When(r.To is null, "to", "required", "请填写公示结束日期", "to is required")
            .When(r.From < today, "from", "in_past", "公示开始日期不能早于今天", "from cannot be before today")
            .When(r.From is { } f && r.To is { } t && t.DayNumber - f.DayNumber + 1 < minDays, "to", "too_short",
                $"公示时间不少于{minDays}日", $"Publicity must last at least {minDays} days")
            .Platforms(platforms)
            .ThrowIfFailed();
        p.PublicityFrom = ChinaTime.StartOfDay(r.From!.Value);
        p.PublicityTo = ChinaTime.EndOfDay(r.To!.Value);
        p.PublicityPlatforms = string.Join(',', platforms);
        p.PlatformOverrideReason = left.Count > 0 ? r.PlatformOverrideReason!.Trim() : null;
        var (draft, personal) = await DraftAsync(db, p, platforms, p.PublicityFrom.Value, p.PublicityTo, ct);
        Publisher.Publish(db, draft, now, personal);
        await ProjectSteps.FireAsync(db, s, p, "Publish", null, s.Workflow.At(reason: p.PlatformOverrideReason), ct);
        await db.SaveChangesAsync(ct);
        return await ProjectQueries.GetAsync(db, s, id, ct);
    }

    /// <summary>The notice as the public will read it (issue 17 point 7): title, every field masked as <see cref="Publisher"/> masks it, and the platforms' names.</summary>
    public sealed record Preview(string Title, IReadOnlyDictionary<string, object?> Body, IReadOnlyList<string> Platforms);

    /// <summary>What publishing would show, before the town confirms it; saves nothing. Only for whoever may publish the project now.</summary>
    public static async Task<Preview> PreviewAsync(GuanjiaDb db, Guid id, IReadOnlyList<string>? platforms, CancellationToken ct)
    {
        var p = await ProjectSteps.LoadForAsync(db, id, "Publish", null, ct);
        var chosen = platforms is { Count: > 0 } ? platforms.Distinct().Where(PublicNotice.PlatformNames.ContainsKey).ToList()
            : p.IsSmall == true ? ["VillageNoticeBoard"] : [.. PublicNotice.LinkedPlatforms];
        var (draft, personal) = await DraftAsync(db, p, chosen, DateTimeOffset.MinValue, null, ct);
        var m = Publisher.Mask(db, draft, personal);
        return new Preview(m.Title, m.Body, chosen.Select(x => PublicNotice.PlatformNames[x]).ToList());
    }

    private static async Task<(Publisher.Draft, string?[])> DraftAsync(GuanjiaDb db, MicroProject p, IReadOnlyCollection<string> platforms, DateTimeOffset from,
        DateTimeOffset? to, CancellationToken ct)
    {
        var (village, town) = await ProjectSteps.NamesAsync(db, p, ct);
        var appeal = await ProjectSteps.AppealOfAsync(db, p, ct);
        string?[] personal = [appeal.AppellantName, appeal.AppellantPhone, appeal.Address];
        return (new Publisher.Draft(NoticeKind.ProjectPublicity, "MicroProject", p.Id, p.Number, p.TownId, p.VillageId,
            $"关于“{p.Name}”项目的公示", new Dictionary<string, object?>
            {
                ["number"] = p.Number, ["name"] = p.Name, ["town"] = town, ["village"] = village,
                ["category"] = p.Category is { } c ? ProjectTaxonomy.Zh(c) : null, ["content"] = p.Content,
                ["location"] = p.Location, ["timeLimit"] = p.ImplementationPeriod, ["budgetFen"] = p.BudgetFen,
                ["beneficiaries"] = p.Beneficiaries, ["route"] = p.Route is { } rt ? ProjectTaxonomy.Zh(rt) : null,
                ["expressForm"] = p.ExpressForm is { } ef ? RouteChecks.Zh(ef) : null, ["pairedUnit"] = p.PairedUnit,
                ["implementingBody"] = p.ImplementingBody, ["claimants"] = await Claims.ClaimBoard.PublicClaimantsAsync(db, p.Id, ct),
            }, platforms, from, to), personal);
    }
}
