using System.Text.Json;
using Guanjia.App.Persistence;
using Guanjia.Domain.Calendar;
using Guanjia.Domain.Common;
using Guanjia.Domain.Deadlines;
using Guanjia.Domain.MicroProjects;
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
            .When(platforms.Any(x => !PublicNotice.PlatformNames.ContainsKey(x)), "platforms", "invalid",
                $"公示平台无效，可选：{string.Join("、", PublicNotice.PlatformNames.Keys)}", $"Unknown platform; use {string.Join(", ", PublicNotice.PlatformNames.Keys)}")
            .ThrowIfFailed();
        p.PublicityFrom = ChinaTime.StartOfDay(r.From!.Value);
        p.PublicityTo = ChinaTime.EndOfDay(r.To!.Value);
        p.PublicityPlatforms = string.Join(',', platforms);
        p.State = ProjectState.Publicity;
        var (village, town) = await ProjectSteps.NamesAsync(db, p, ct);
        var appeal = await ProjectSteps.AppealOfAsync(db, p, ct);
        string?[] personal = [appeal.AppellantName, appeal.AppellantPhone, appeal.Address];
        db.PublicNotices.Add(new PublicNotice
        {
            Id = Guid.CreateVersion7(), Kind = NoticeKind.ProjectPublicity, SubjectType = "MicroProject", SubjectId = p.Id, SubjectRef = p.Number,
            TownId = p.TownId, VillageId = p.VillageId, Title = $"关于“{Masking.Published(p.Name, personal)}”项目的公示", Platforms = p.PublicityPlatforms,
            From = p.PublicityFrom.Value, To = p.PublicityTo, PublishedAt = now,
            BodyJson = JsonSerializer.Serialize(new Dictionary<string, object?>
            {
                // Masked once, here: the notice never holds personal data (R-PL-07).
                ["number"] = p.Number, ["name"] = Masking.Published(p.Name, personal), ["town"] = town, ["village"] = village,
                ["category"] = p.Category is { } c ? ProjectTaxonomy.Zh(c) : null, ["content"] = Masking.Published(p.Content, personal),
                ["location"] = Masking.Published(p.Location, personal), ["timeLimit"] = p.ImplementationPeriod, ["budgetFen"] = p.BudgetFen,
                ["beneficiaries"] = Masking.Published(p.Beneficiaries, personal), ["route"] = p.Route is { } rt ? ProjectTaxonomy.Zh(rt) : null,
                ["implementingBody"] = p.ImplementingBody,
            }),
        });
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
