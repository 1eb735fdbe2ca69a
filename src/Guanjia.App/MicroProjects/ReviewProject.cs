using Guanjia.App.Persistence;
using Guanjia.Domain.Common;
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
    /// <summary>
    /// R-MS-20: where the money comes from, as the town's opinion on the registration form says it; <c>FundingPayer</c> names the
    /// budget or fund (东城街道财政预算, 岗贝社区“民生大莞家”专项资金), defaulting to the town's or the village's own.
    /// </summary>
    public sealed record Request(
        bool? ConsultationCompliant, bool? BudgetReasonable, bool? RouteFeasible, bool? ResolvableByPolicy, ReviewDecision? Decision,
        string? Opinion, string? PolicyDepartment, string? PolicyContact, string? LateReason, int? Version, Guid? PolicyId = null,
        FundingChannel? Funding = null, string? FundingPayer = null);

    public static async Task<ProjectDetail> HandleAsync(GuanjiaDb db, ProjectServices s, Guid id, Request r, CancellationToken ct)
    {
        var p = await ProjectSteps.LoadForAsync(db, id, "Review", r.Version, ct);
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
            .When((fund || policy) && (r.Funding is null || !Enum.IsDefined(r.Funding.Value)), "funding", "required",
                "请选择所需经费的列支渠道（财政预算、村（社区）“民生大莞家”专项资金或社会捐赠）", "Say where the money comes from (R-MS-20)")
            .When(fund && r.Funding == FundingChannel.FinanceBudget, "funding", "not_programme",
                "由“民生大莞家”服务机制解决的项目，经费从村（社区）专项资金列支或由社会捐赠解决", "A programme-funded item is paid from the village's fund or by donation")
            .When(policy && r.Funding is { } fc && fc != FundingChannel.FinanceBudget, "funding", "policy_budget",
                "由现行政策解决的项目，经费从相关财政预算中列支", "A policy referral is paid from the finance budget under that policy")
            .MaxLength("fundingPayer", r.FundingPayer, 100, "列支单位", "Payer")
            .ThrowIfFailed();
        var now = s.Clock.GetUtcNow();
        p.ReviewedAt = now;
        p.ReviewDecision = d;
        p.CheckConsultationCompliant = r.ConsultationCompliant;
        p.CheckBudgetReasonable = r.BudgetReasonable;
        p.CheckRouteFeasible = r.RouteFeasible;
        p.CheckResolvableByPolicy = r.ResolvableByPolicy;
        p.ReviewOpinion = r.Opinion!.Trim();
        var appeal = await ProjectSteps.AppealOfAsync(db, p, ct);
        var values = await ProjectSteps.ValuesAsync(db, p, ct);
        values["reason"] = p.ReviewOpinion;
        if (fund || policy)
        {
            p.Funding = r.Funding;
            p.FundingPayer = string.IsNullOrWhiteSpace(r.FundingPayer) ? r.Funding switch
            {
                FundingChannel.FinanceBudget => values["town"],
                FundingChannel.VillageProgrammeFund => values["village"],
                _ => null,
            } : r.FundingPayer.Trim();
        }
        switch (d!.Value)
        {
            case ReviewDecision.ProgrammeFunding:
                // Confirmed items of concentrated collection enter the year's pool, 莞家直达 ones too (R-MS-17).
                if (p.Collection == Domain.Appeals.CollectionKind.Concentrated) p.InAnnualPool = true;
                // R-RT-02: the town's confirmation puts a direct-route item on the city's claim board.
                if (p.Route == Route.Direct)
                    await Claims.ClaimBoard.OpenForProjectAsync(db, s.Workflow, p, appeal, now, ct);
                await ProjectSteps.FireAsync(db, s, p, "Review", "ProgrammeFunding", s.Workflow.At(null, r.LateReason, r.Opinion, values), ct);
                break;
            case ReviewDecision.PolicyReferral:
                p.PolicyDepartment = r.PolicyDepartment!.Trim();
                p.PolicyContact = r.PolicyContact!.Trim();
                values["department"] = p.PolicyDepartment;
                values["contact"] = p.PolicyContact;
                await PolicyCatalogue.PolicyReferrals.AddAsync(db, s.Workflow, appeal, "MicroProject", p.Id, p.Number, r.PolicyId, p.PolicyDepartment,
                    p.PolicyContact, now, ct);
                await ProjectSteps.FireAsync(db, s, p, "Review", "PolicyReferral", s.Workflow.At(null, r.LateReason, r.Opinion, values), ct);
                break;
            case ReviewDecision.ReturnToVillage:
                // The village corrects and files again; the town's clock restarts then.
                await ProjectSteps.FireAsync(db, s, p, "Review", "ReturnToVillage", s.Workflow.At(null, r.LateReason, r.Opinion, values), ct);
                break;
            default:
                await ProjectSteps.FireAsync(db, s, p, "Review", "Rejected", s.Workflow.At(null, r.LateReason, r.Opinion, values), ct);
                break;
        }
        await db.SaveChangesAsync(ct);
        return await ProjectQueries.GetAsync(db, s, id, ct);
    }
}
