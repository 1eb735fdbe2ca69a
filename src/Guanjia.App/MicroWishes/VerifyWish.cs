using Guanjia.App.Persistence;
using Guanjia.App.PolicyCatalogue;
using Guanjia.Domain.Common;
using Guanjia.Domain.MicroWishes;

namespace Guanjia.App.MicroWishes;

/// <summary>
/// The town verifies a wish with the responsible departments: authenticity, reasonableness, budget
/// (R-MW-02). True items go first to current policy (R-IN-05); false or out-of-scope ones are rejected
/// and the reason is sent to the appellant.
/// </summary>
public static class VerifyWish
{
    public enum Outcome { Verified = 1, PolicyReferral = 2, Reject = 3 }

    public sealed record Request(bool? Authentic, bool? Reasonable, bool? BudgetSound, string? Departments, Outcome? Outcome, string? Note,
        Guid? PolicyId, string? PolicyDepartment, string? PolicyContact, string? LateReason, int? Version);

    public static async Task<WishDetail> HandleAsync(GuanjiaDb db, Appeals.AppealServices s, Guid id, Request r, CancellationToken ct)
    {
        var w = await WishSteps.LoadForAsync(db, id, "Verify", r.Version, ct);
        var (policyId, dept, contact) = r.Outcome == Outcome.PolicyReferral
            ? await PolicyReferrals.ResolveAsync(db, r.PolicyId, r.PolicyDepartment, r.PolicyContact, ct) : (null, null, null);
        var verified = r.Outcome == Outcome.Verified;
        new Check()
            .When(r.Authentic is null, "authentic", "required", "请核查诉求是否真实", "authentic is required")
            .When(r.Reasonable is null, "reasonable", "required", "请核查诉求是否合理", "reasonable is required")
            .When(r.BudgetSound is null, "budgetSound", "required", "请核查资金预算", "budgetSound is required")
            .Required("departments", r.Departments, "会同核查的部门", "Departments").MaxLength("departments", r.Departments, 200, "核查部门", "Departments")
            .When(r.Outcome is null || !Enum.IsDefined(r.Outcome.Value), "outcome", "required", "请选择核查结论", "outcome is required")
            .When(verified && (r.Authentic == false || r.Reasonable == false || r.BudgetSound == false), "outcome", "checks_failed",
                "真实性、合理性、资金预算均核查通过方可进入办理", "A wish goes on only when authentic, reasonable and soundly budgeted")
            // R-MW-02: only what is verified as true goes to current policy; what is not true is rejected.
            .When(r.Outcome == Outcome.PolicyReferral && r.Authentic != true, "outcome", "policy_needs_true",
                "经核查属实的微心愿方可优先转现行政策办理；不属实的请选择不予受理", "Only a wish verified as true is referred to current policy")
            .When(r.Outcome == Outcome.Reject && string.IsNullOrWhiteSpace(r.Note), "note", "required", "不予受理须说明原因，原因将反馈给诉求人",
                "note (the reason sent to the appellant) is required")
            .When(r.Outcome == Outcome.PolicyReferral && string.IsNullOrWhiteSpace(dept), "policyDepartment", "required", "请填写跟办部门", "policyDepartment is required")
            .When(r.Outcome == Outcome.PolicyReferral && string.IsNullOrWhiteSpace(contact), "policyContact", "required", "请填写联系方式", "policyContact is required")
            .MaxLength("note", r.Note, 1000, "核查意见", "Note")
            .ThrowIfFailed();
        var now = s.Clock.GetUtcNow();
        w.VerifiedAt = now;
        w.CheckAuthentic = r.Authentic;
        w.CheckReasonable = r.Reasonable;
        w.CheckBudget = r.BudgetSound;
        w.Departments = r.Departments!.Trim();
        w.VerificationNote = r.Note?.Trim();
        var values = await WishSteps.ValuesAsync(db, w, ct);
        values["reason"] = w.VerificationNote;
        if (r.Outcome == Outcome.PolicyReferral)
        {
            values["department"] = dept!.Trim();
            values["contact"] = contact!.Trim();
            var appeal = await db.Appeals.FindAsync([w.AppealId], ct) ?? throw new InvalidOperationException("wish without appeal");
            await PolicyReferrals.AddAsync(db, s.Workflow, appeal, "MicroWish", w.Id, w.Number, policyId, dept.Trim(), contact.Trim(), now, ct);
        }
        await s.Workflow.FireAsync(db, WishWorkflow.Workflow, w, "Verify", r.Outcome!.Value.ToString(), s.Workflow.At(null, r.LateReason, r.Note, values), ct);
        await db.Audit($"VerifyWish{r.Outcome}", r.Note).SaveChangesAsync(ct);
        return await WishQueries.GetAsync(db, s.Clock, id, ct);
    }
}
