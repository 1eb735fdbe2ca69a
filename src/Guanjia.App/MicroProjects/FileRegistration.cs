using Guanjia.App.Persistence;
using Guanjia.Domain.Common;
using Guanjia.Domain.MicroProjects;

namespace Guanjia.App.MicroProjects;

/// <summary>
/// The village files the registration form (登记备案表) after a passed consultation (R-MS-07). Under the
/// threshold it goes straight to the village's own publicity and implementation, with the R-MS-12 limits
/// counted from the consultation; otherwise to the town's review within 5 working days (R-MS-08).
/// A budget over the category cap (R-MS-01) needs a recorded override reason. A small project meets the policy
/// check here, the village's own (R-IN-05): what a current policy resolves goes to its department, and the filing
/// (or that referral) is the decision feedback to the proposer (R-MS-16).
/// </summary>
public static class FileRegistration
{
    /// <summary>The village's check against the current livelihood policy list, for a project the town will not review.</summary>
    public sealed record PolicyCheck(bool? ResolvableByPolicy, Guid? PolicyId, string? PolicyDepartment, string? PolicyContact, string? Note);

    public sealed record Request(
        string? Name, ProjectSubType? SubType, string? Content, ProposalSource? Source, string? Location, string? ContactName,
        string? ContactTitle, string? ContactPhone, string? CapOverrideReason, int? Version, PolicyCheck? PolicyCheck = null);

    public static async Task<ProjectDetail> HandleAsync(GuanjiaDb db, ProjectServices s, Guid id, Request r, CancellationToken ct)
    {
        var p = await ProjectSteps.LoadForAsync(db, id, "FileRegistration", r.Version, ct);
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
        var small = rules.IsSmall(p.BudgetFen!.Value);
        var check = r.PolicyCheck;
        var referred = small && check?.ResolvableByPolicy == true;
        string? dept = null, contact = null;
        if (referred)
            (_, dept, contact) = await PolicyCatalogue.PolicyReferrals.ResolveAsync(db, check!.PolicyId, check.PolicyDepartment, check.PolicyContact, ct);
        new Check()
            // R-RT-05: the category is settled now; a convenience work cannot go by the station route.
            .When(category == ProjectCategory.ConvenienceWorks && p.Route == Route.Station, "subType", "station_services_only",
                "莞家驿站承接公益服务类项目，便民工程项目请重新协商办理方式", "The station route serves public-welfare service items (R-RT-05)")
            .When(small && check?.ResolvableByPolicy is null, "policyCheck.resolvableByPolicy", "required",
                "5万元以下项目无须镇（街道）审核，请对照现行民生保障政策清单核对可否由现行政策解决", "A small project needs the village's policy check (R-IN-05)")
            .When(referred && string.IsNullOrWhiteSpace(dept), "policyCheck.policyDepartment", "required", "请填写跟办部门", "policyDepartment is required")
            .When(referred && string.IsNullOrWhiteSpace(contact), "policyCheck.policyContact", "required", "请填写跟办部门联系方式", "policyContact is required")
            .MaxLength("policyCheck.note", check?.Note, 1000, "核对说明", "Note")
            .MaxLength("policyCheck.policyDepartment", dept, 100, "跟办部门", "Department")
            .MaxLength("policyCheck.policyContact", contact, 100, "联系方式", "Contact")
            .ThrowIfFailed();
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
        p.IsSmall = small;
        p.RegisteredAt = now;
        var values = await ProjectSteps.ValuesAsync(db, p, ct);
        if (small)
        {
            p.CheckResolvableByPolicy = check!.ResolvableByPolicy;
            p.PolicyCheckNote = check.Note?.Trim();
            if (referred)
            {
                p.PolicyDepartment = dept!.Trim();
                p.PolicyContact = contact!.Trim();
                values["department"] = p.PolicyDepartment;
                values["contact"] = p.PolicyContact;
                var appeal = await ProjectSteps.AppealOfAsync(db, p, ct);
                await PolicyCatalogue.PolicyReferrals.AddAsync(db, s.Workflow, appeal, "MicroProject", p.Id, p.Number, check.PolicyId, p.PolicyDepartment, p.PolicyContact, now, ct);
            }
            else if (p.Collection == Domain.Appeals.CollectionKind.Concentrated) p.InAnnualPool = true;
        }
        await ProjectSteps.FireAsync(db, s, p, "FileRegistration", small ? referred ? "PolicyReferral" : "Programme" : "Submitted",
            s.Workflow.At(reason: p.CapOverrideReason, values: values), ct);
        await db.SaveChangesAsync(ct);
        return await ProjectQueries.GetAsync(db, s, id, ct);
    }
}
