using Guanjia.App.Persistence;
using Guanjia.Domain.Common;
using Guanjia.Domain.Deadlines;
using Guanjia.Domain.MicroProjects;

namespace Guanjia.App.MicroProjects;

/// <summary>
/// The village files the registration form (登记备案表) after a passed consultation (R-MS-07). Under the
/// threshold it goes straight to the village's own publicity and implementation, with the R-MS-12 limits
/// counted from the consultation; otherwise to the town's review within 5 working days (R-MS-08).
/// A budget over the category cap (R-MS-01) needs a recorded override reason.
/// </summary>
public static class FileRegistration
{
    public sealed record Request(
        string? Name, ProjectSubType? SubType, string? Content, ProposalSource? Source, string? Location, string? ContactName,
        string? ContactTitle, string? ContactPhone, string? CapOverrideReason, int? Version);

    public static async Task<ProjectDetail> HandleAsync(GuanjiaDb db, ProjectServices s, Guid id, Request r, CancellationToken ct)
    {
        var (p, _) = await ProjectSteps.LoadForAsync(db, id, "FileRegistration", r.Version, ct);
        var rules = await s.Rules.GetAsync(db, p.RulesVersion, ct);
        var c = new Check()
            .Required("name", r.Name, "项目名称", "Name").MaxLength("name", r.Name, 100, "项目名称", "Name")
            .When(r.SubType is null || !Enum.IsDefined(r.SubType.Value), "subType", "required", "请选择项目类别和具体内容", "subType is required")
            .MaxLength("content", r.Content, 2000, "项目内容", "Content")
            .When(r.Source is null || !Enum.IsDefined(r.Source.Value), "source", "required", "请选择来源渠道", "source is required")
            .Required("location", r.Location, "实施地点", "Location").MaxLength("location", r.Location, 200, "实施地点", "Location")
            .Required("contactName", r.ContactName, "项目联系人", "Contact").MaxLength("contactName", r.ContactName, 50, "项目联系人", "Contact")
            .Required("contactTitle", r.ContactTitle, "职务", "Title").MaxLength("contactTitle", r.ContactTitle, 50, "职务", "Title")
            .Required("contactPhone", r.ContactPhone, "联系电话", "Phone").MaxLength("contactPhone", r.ContactPhone, 40, "联系电话", "Phone")
            .MaxLength("capOverrideReason", r.CapOverrideReason, 500, "超上限说明", "Override reason");
        c.ThrowIfFailed();
        var category = ProjectTaxonomy.CategoryOf(r.SubType!.Value);
        var budget = p.BudgetFen!.Value;
        var cap = rules.CapFor(category);
        // R-MS-01 is "in principle": above the cap only with a reason that the town sees in its review.
        new Check().When(budget > cap && string.IsNullOrWhiteSpace(r.CapOverrideReason), "capOverrideReason", "over_cap",
            $"{ProjectTaxonomy.Zh(category)}原则上不超过{cap / 1_000_000m:0.##}万元，本项目预算{budget / 1_000_000m:0.##}万元，须说明超出理由",
            $"{category} is capped at {cap / 100m:0.##} CNY in principle; this budget of {budget / 100m:0.##} CNY needs an override reason").ThrowIfFailed();

        var now = s.Clock.GetUtcNow();
        p.Name = r.Name!.Trim();
        p.SubType = r.SubType;
        p.Category = category;
        if (!string.IsNullOrWhiteSpace(r.Content)) p.Content = r.Content.Trim();
        p.Source = r.Source;
        p.Location = r.Location!.Trim();
        p.ContactName = r.ContactName!.Trim();
        p.ContactTitle = r.ContactTitle!.Trim();
        p.ContactPhone = r.ContactPhone!.Trim();
        p.CapOverrideReason = budget > cap ? r.CapOverrideReason!.Trim() : null;
        p.IsSmall = rules.IsSmall(budget);
        p.RegisteredAt = now;
        var subject = ProjectSteps.Subject(p);
        if (p.IsSmall == true)
        {
            p.State = ProjectState.AwaitingPublicity;
            if (p.Collection == Domain.Appeals.CollectionKind.Concentrated) p.InAnnualPool = true;
            var consulted = p.ConsultedAt!.Value;
            if (category == ProjectCategory.ConvenienceWorks)
                await s.Deadlines.StartAsync(db, rules, Obligations.WorksFinish, subject, p.VillageId, consulted, rules.SmallWorksFinish, ct);
            else
                await s.Deadlines.StartAsync(db, rules, Obligations.ServiceStart, subject, p.VillageId, consulted, rules.SmallServiceStart, ct);
        }
        else
        {
            p.State = ProjectState.TownReview;
            await s.Deadlines.StartAsync(db, rules, Obligations.TownReview, subject, p.TownId, now, rules.TownReview, ct);
        }
        await db.Audit("FileRegistration", p.CapOverrideReason).SaveChangesAsync(ct);
        return await ProjectQueries.GetAsync(db, s, id, ct);
    }
}
