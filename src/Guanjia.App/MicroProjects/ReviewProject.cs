using Guanjia.App.Persistence;
using Guanjia.Domain.Common;
using Guanjia.Domain.Feedback;
using Guanjia.Domain.MicroProjects;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.MicroProjects;

/// <summary>
/// The town lead department's review within 5 working days (R-MS-08): the four checks, with the
/// relevant departments' opinions, lead to programme funding (R-MS-10), a policy referral with the
/// department and contact (R-MS-09), a return to the village, or a rejection. The proposer is told at once.
/// </summary>
public static class ReviewProject
{
    public sealed record Request(
        bool? ConsultationCompliant, bool? BudgetReasonable, bool? RouteFeasible, bool? ResolvableByPolicy, ReviewDecision? Decision,
        string? Opinion, string? PolicyDepartment, string? PolicyContact, string? LateReason, int? Version, Guid? PolicyId = null);

    public static async Task<ProjectDetail> HandleAsync(GuanjiaDb db, ProjectServices s, Guid id, Request r, CancellationToken ct)
    {
        var (p, row) = await ProjectSteps.LoadForAsync(db, id, "Review", r.Version, ct);
        if (r.Decision == ReviewDecision.PolicyReferral && r.PolicyId is not null)
        {
            var (_, dept, contact) = await PolicyCatalogue.PolicyReferrals.ResolveAsync(db, r.PolicyId, r.PolicyDepartment, r.PolicyContact, ct);
            r = r with { PolicyDepartment = dept, PolicyContact = contact };
        }
        var opinions = await db.DepartmentOpinions.AsNoTracking().Where(o => o.ProjectId == p.Id).ToListAsync(ct);
        var d = r.Decision;
        var fund = d == ReviewDecision.ProgrammeFunding;
        var policy = d == ReviewDecision.PolicyReferral;
        new Check()
            .When(r.ConsultationCompliant is null, "consultationCompliant", "required", "请审核协商过程是否规范", "consultationCompliant is required")
            .When(r.BudgetReasonable is null, "budgetReasonable", "required", "请审核预算安排是否合理", "budgetReasonable is required")
            .When(r.RouteFeasible is null, "routeFeasible", "required", "请审核办理方式是否可行", "routeFeasible is required")
            .When(r.ResolvableByPolicy is null, "resolvableByPolicy", "required", "请审核可否由现行政策或其他专项资金解决", "resolvableByPolicy is required")
            .When(d is null || !Enum.IsDefined(d.Value), "decision", "required", "请选择审核结论", "decision is required")
            .Required("opinion", r.Opinion, "镇（街道）审核意见", "Opinion").MaxLength("opinion", r.Opinion, 2000, "审核意见", "Opinion")
            .When(fund && (r.ConsultationCompliant == false || r.BudgetReasonable == false || r.RouteFeasible == false), "decision", "checks_failed",
                "协商过程、预算安排、办理方式均审核通过方可由专项资金资助", "Programme funding needs the consultation, budget and route checks all passed")
            .When(fund && r.ResolvableByPolicy == true, "resolvableByPolicy", "contradiction", "可由现行政策解决的项目应转相关部门办理",
                "An item current policy resolves goes to the department, not the programme (R-IN-05)")
            .When(policy && r.ResolvableByPolicy == false, "resolvableByPolicy", "contradiction", "转现行政策办理须确认可由现行政策解决",
                "A policy referral needs resolvableByPolicy = true")
            .When(policy && string.IsNullOrWhiteSpace(r.PolicyDepartment), "policyDepartment", "required", "请填写跟办部门", "policyDepartment is required")
            .When(policy && string.IsNullOrWhiteSpace(r.PolicyContact), "policyContact", "required", "请填写跟办部门联系方式", "policyContact is required")
            .When((fund || policy) && opinions.Count == 0, "departmentOpinions", "required",
                "须会同相关职能部门审核：尚无部门审核意见", "The review needs at least one department's opinion (R-MS-08)")
            .When(policy && !opinions.Any(o => o.SignedOff), "departmentOpinions", "not_signed",
                "转现行政策办理须经相关部门在《登记备案表》中盖章", "A policy referral needs a department's sign-off on the form (R-MS-09)")
            .MaxLength("policyDepartment", r.PolicyDepartment, 100, "跟办部门", "Department")
            .MaxLength("policyContact", r.PolicyContact, 100, "联系方式", "Contact")
            .ThrowIfFailed();
        await s.Deadlines.MeetAsync(db, p.Id, row.Meets, r.LateReason, ct);
        var now = s.Clock.GetUtcNow();
        p.ReviewedAt = now;
        p.ReviewDecision = d;
        p.CheckConsultationCompliant = r.ConsultationCompliant;
        p.CheckBudgetReasonable = r.BudgetReasonable;
        p.CheckRouteFeasible = r.RouteFeasible;
        p.CheckResolvableByPolicy = r.ResolvableByPolicy;
        p.ReviewOpinion = r.Opinion!.Trim();
        var appeal = await ProjectSteps.AppealOfAsync(db, p, ct);
        var (_, town) = await ProjectSteps.NamesAsync(db, p, ct);
        var values = new Dictionary<string, string?> { ["projectName"] = p.Name, ["town"] = town, ["reason"] = p.ReviewOpinion };
        switch (d!.Value)
        {
            case ReviewDecision.ProgrammeFunding when p.Route == Route.Direct:
                // R-RT-02: the town's confirmation puts a direct-route item on the city's claim board.
                p.State = ProjectState.AwaitingClaim;
                values["route"] = ProjectTaxonomy.Zh(Route.Direct);
                await Claims.ClaimBoard.OpenForProjectAsync(db, s.Deadlines, await s.Rules.GetAsync(db, p.RulesVersion, ct), p, appeal, now, ct);
                await s.Feedback.AddAsync(db, appeal, FeedbackKind.TownDecisionProgramme, values, ct);
                break;
            case ReviewDecision.ProgrammeFunding:
                p.State = ProjectState.AwaitingPublicity;
                if (p.Collection == Domain.Appeals.CollectionKind.Concentrated) p.InAnnualPool = true;
                values["route"] = p.Route is { } route ? ProjectTaxonomy.Zh(route) : "";
                await s.Feedback.AddAsync(db, appeal, FeedbackKind.TownDecisionProgramme, values, ct);
                break;
            case ReviewDecision.PolicyReferral:
                p.State = ProjectState.PolicyReferred;
                p.PolicyDepartment = r.PolicyDepartment!.Trim();
                p.PolicyContact = r.PolicyContact!.Trim();
                values["department"] = p.PolicyDepartment;
                values["contact"] = p.PolicyContact;
                PolicyCatalogue.PolicyReferrals.Add(db, appeal, "MicroProject", p.Id, p.Number, r.PolicyId, p.PolicyDepartment, p.PolicyContact, now);
                await s.Feedback.AddAsync(db, appeal, FeedbackKind.TownDecisionPolicy, values, ct);
                await s.Deadlines.CancelOpenAsync(db, p.Id, "转现行政策办理", ct);
                break;
            case ReviewDecision.ReturnToVillage:
                // The village corrects and files again; the town's clock restarts then.
                p.State = ProjectState.Consulted;
                break;
            default:
                p.State = ProjectState.Rejected;
                await s.Feedback.AddAsync(db, appeal, FeedbackKind.TownDecisionRejected, values, ct);
                await s.Deadlines.CancelOpenAsync(db, p.Id, "不予立项", ct);
                break;
        }
        await db.Audit($"Review{d}", r.Opinion).SaveChangesAsync(ct);
        return await ProjectQueries.GetAsync(db, s, id, ct);
    }
}
