using Guanjia.App.Persistence;
using Guanjia.Domain.Calendar;
using Guanjia.Domain.Common;
using Guanjia.Domain.Deadlines;
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
    public sealed record Request(DateOnly? From, DateOnly? To, IReadOnlyList<string>? Platforms, int? Version);

    public static async Task<ProjectDetail> HandleAsync(GuanjiaDb db, ProjectServices s, Guid id, Request r, CancellationToken ct)
    {
        var (p, _) = await ProjectSteps.LoadForAsync(db, id, "Publish", r.Version, ct);
        var rules = await s.Rules.GetAsync(db, p.RulesVersion, ct);
        var now = s.Clock.GetUtcNow();
        var today = ChinaTime.LocalDate(now);
        var small = p.IsSmall == true;
        var minDays = small ? rules.VillagePublicityMinimumDays : rules.PublicityMinimumDays;
        var platforms = r.Platforms is { Count: > 0 } ? r.Platforms.Distinct().ToList()
            : small ? ["VillageNoticeBoard"] : [.. PublicNotice.LinkedPlatforms];
        new Check()
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
        p.State = ProjectState.Publicity;
        var (village, town) = await ProjectSteps.NamesAsync(db, p, ct);
        var appeal = await ProjectSteps.AppealOfAsync(db, p, ct);
        string?[] personal = [appeal.AppellantName, appeal.AppellantPhone, appeal.Address];
        Publicity.Publisher.Publish(db, new Publicity.Publisher.Draft(NoticeKind.ProjectPublicity, "MicroProject", p.Id, p.Number, p.TownId, p.VillageId,
            $"关于“{p.Name}”项目的公示", new Dictionary<string, object?>
            {
                ["number"] = p.Number, ["name"] = p.Name, ["town"] = town, ["village"] = village,
                ["category"] = p.Category is { } c ? ProjectTaxonomy.Zh(c) : null, ["content"] = p.Content,
                ["location"] = p.Location, ["timeLimit"] = p.ImplementationPeriod, ["budgetFen"] = p.BudgetFen,
                ["beneficiaries"] = p.Beneficiaries, ["route"] = p.Route is { } rt ? ProjectTaxonomy.Zh(rt) : null,
                ["expressForm"] = p.ExpressForm is { } ef ? RouteChecks.Zh(ef) : null, ["pairedUnit"] = p.PairedUnit,
                ["implementingBody"] = p.ImplementingBody, ["claimants"] = await Claims.ClaimBoard.PublicClaimantsAsync(db, p.Id, ct),
            }, platforms, p.PublicityFrom.Value, p.PublicityTo), now, personal);
        if (!small && p.Route == Route.Express)
        {
            var subject = ProjectSteps.Subject(p);
            if (p.Category == ProjectCategory.ConvenienceWorks)
                await s.Deadlines.StartAsync(db, rules, Obligations.WorksFinish, subject, p.VillageId, p.PublicityTo.Value, rules.ExpressWorksFinish, ct);
            else
                await s.Deadlines.StartAsync(db, rules, Obligations.ServiceStart, subject, p.VillageId, p.PublicityTo.Value, rules.ExpressServiceStart, ct);
        }
        await db.Audit("Publish").SaveChangesAsync(ct);
        return await ProjectQueries.GetAsync(db, s, id, ct);
    }
}
