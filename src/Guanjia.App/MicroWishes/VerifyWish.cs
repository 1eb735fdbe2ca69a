using Guanjia.App.Persistence;
using Guanjia.App.PolicyCatalogue;
using Guanjia.Domain.Common;
using Guanjia.Domain.Feedback;
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
        var (w, row) = await WishSteps.LoadForAsync(db, id, "Verify", r.Version, ct);
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
            .When(r.Outcome == Outcome.Reject && string.IsNullOrWhiteSpace(r.Note), "note", "required", "不予受理须说明原因，原因将反馈给诉求人",
                "note (the reason sent to the appellant) is required")
            .When(r.Outcome == Outcome.PolicyReferral && string.IsNullOrWhiteSpace(dept), "policyDepartment", "required", "请填写跟办部门", "policyDepartment is required")
            .When(r.Outcome == Outcome.PolicyReferral && string.IsNullOrWhiteSpace(contact), "policyContact", "required", "请填写联系方式", "policyContact is required")
            .MaxLength("note", r.Note, 1000, "核查意见", "Note")
            .ThrowIfFailed();
        await s.Deadlines.MeetAsync(db, w.Id, row.Meets, r.LateReason, ct);
        var now = s.Clock.GetUtcNow();
        w.VerifiedAt = now;
        w.CheckAuthentic = r.Authentic;
        w.CheckReasonable = r.Reasonable;
        w.CheckBudget = r.BudgetSound;
        w.Departments = r.Departments!.Trim();
        w.VerificationNote = r.Note?.Trim();
        var appeal = await db.Appeals.FindAsync([w.AppealId], ct) ?? throw new InvalidOperationException("wish without appeal");
        var town = (await Organizations.OrganizationQueries.NamesAsync(db, [w.TownId], ct)).GetValueOrDefault(w.TownId);
        switch (r.Outcome!.Value)
        {
            case Outcome.Verified:
                w.State = WishState.AwaitingDecision;
                break;
            case Outcome.PolicyReferral:
                w.State = WishState.PolicyReferred;
                PolicyReferrals.Add(db, appeal, "MicroWish", w.Id, w.Number, policyId, dept!.Trim(), contact!.Trim(), now);
                await s.Feedback.AddAsync(db, appeal, FeedbackKind.TownDecisionPolicy, new Dictionary<string, string?>
                {
                    ["projectName"] = w.Need, ["town"] = town, ["department"] = dept, ["contact"] = contact,
                }, ct);
                break;
            default:
                w.State = WishState.Rejected;
                await s.Feedback.AddAsync(db, appeal, FeedbackKind.WishRejected, new Dictionary<string, string?> { ["town"] = town, ["reason"] = w.VerificationNote }, ct);
                break;
        }
        await db.Audit($"VerifyWish{r.Outcome}", r.Note).SaveChangesAsync(ct);
        return await WishQueries.GetAsync(db, s.Clock, id, ct);
    }
}
