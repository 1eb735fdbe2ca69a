using Guanjia.App.Persistence;
using Guanjia.Domain.Appeals;
using Guanjia.Domain.Common;
using Guanjia.Domain.PolicyCatalogue;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.PolicyCatalogue;

public sealed record ReferralView(Guid Id, Guid AppealId, string TrackingNumber, string SubjectType, Guid SubjectId, string SubjectRef,
    Guid? PolicyId, string? PolicyName, string Department, string Contact, ReferralState State, DateTimeOffset ReferredAt, string? ReferredBy,
    DateTimeOffset? AcceptedAt, string? Handler, DateTimeOffset? ResultAt, string? Result, int Version);

/// <summary>
/// Items handed to a department under current policy (R-IN-05, R-MS-09): made by the committee's or the
/// town's decision; the department's acceptance and result are recorded and the result fed back.
/// </summary>
public static class PolicyReferrals
{
    public sealed record Accept(string? Handler, int? Version);

    public sealed record RecordResult(bool? Resolved, string? Result, int? Version);

    /// <summary>Resolves department and contact from the catalogue when a policy is named; the caller's values otherwise.</summary>
    internal static async Task<(Guid? PolicyId, string? Department, string? Contact)> ResolveAsync(GuanjiaDb db, Guid? policyId, string? department,
        string? contact, CancellationToken ct)
    {
        if (policyId is null) return (null, department, contact);
        var p = await db.Policies.AsNoTracking().SingleOrDefaultAsync(x => x.Id == policyId && x.IsActive, ct)
            ?? throw new ValidationFailed("policyId", "unknown_policy", "政策不存在或已停用", "The policy does not exist or is no longer active");
        return (p.Id, string.IsNullOrWhiteSpace(department) ? p.Department : department, string.IsNullOrWhiteSpace(contact) ? p.Contact : contact);
    }

    /// <summary>Records the referral the caller's step makes; fire the caller's own row after this, so the audit entry carries its name.</summary>
    internal static async Task<PolicyReferral> AddAsync(GuanjiaDb db, Common.WorkflowRunner workflow, Appeal appeal, string subjectType, Guid subjectId,
        string subjectRef, Guid? policyId, string department, string contact, DateTimeOffset now, CancellationToken ct)
    {
        var r = new PolicyReferral
        {
            Id = Guid.CreateVersion7(), AppealId = appeal.Id, SubjectType = subjectType, SubjectId = subjectId, SubjectRef = subjectRef,
            ScopePath = appeal.ScopePath, PolicyId = policyId, Department = department, Contact = contact, ReferredAt = now, ReferredBy = db.Actor.Name,
        };
        db.PolicyReferrals.Add(r);
        await workflow.FireAsync(db, PolicyReferralWorkflow.Workflow, r, "Refer", null, workflow.At(), ct);
        return r;
    }

    public static async Task<Paged<ReferralView>> ListAsync(GuanjiaDb db, ReferralState? state, string? department, int page, int pageSize,
        CancellationToken ct)
    {
        new PageRequest(page, pageSize).Validate();
        var q = db.PolicyReferrals.AsNoTracking();
        if (state is { } s) q = q.Where(r => r.State == s);
        if (!string.IsNullOrWhiteSpace(department)) q = q.Where(r => r.Department.Contains(department));
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(r => r.ReferredAt).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new Paged<ReferralView>(await ViewsAsync(db, rows, ct), page, pageSize, total);
    }

    public static async Task<ReferralView> GetAsync(GuanjiaDb db, Guid id, CancellationToken ct)
    {
        var r = await db.PolicyReferrals.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFound("PolicyReferral", "转办记录不存在或不在您的管辖范围内", "The referral does not exist or is outside your scope");
        return (await ViewsAsync(db, [r], ct))[0];
    }

    private static async Task<IReadOnlyList<ReferralView>> ViewsAsync(GuanjiaDb db, IReadOnlyList<PolicyReferral> rows, CancellationToken ct)
    {
        var appealIds = rows.Select(r => r.AppealId).Distinct().ToList();
        var tracking = await db.Appeals.AsNoTracking().Where(a => appealIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.TrackingNumber, ct);
        var policyIds = rows.Where(r => r.PolicyId != null).Select(r => r.PolicyId!.Value).Distinct().ToList();
        var names = await db.Policies.AsNoTracking().Where(p => policyIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        return rows.Select(r => new ReferralView(r.Id, r.AppealId, tracking.GetValueOrDefault(r.AppealId, ""), r.SubjectType, r.SubjectId, r.SubjectRef,
            r.PolicyId, r.PolicyId is { } pid ? names.GetValueOrDefault(pid) : null, r.Department, r.Contact, r.State, r.ReferredAt, r.ReferredBy,
            r.AcceptedAt, r.Handler, r.ResultAt, r.Result, r.Version)).ToList();
    }

    public static async Task<ReferralView> AcceptAsync(GuanjiaDb db, Common.WorkflowRunner workflow, Guid id, Accept body, CancellationToken ct)
    {
        var r = await LoadAsync(db, id, "Accept", body.Version, ct);
        new Check().Required("handler", body.Handler, "经办人", "Handler").MaxLength("handler", body.Handler, 64, "经办人", "Handler").ThrowIfFailed();
        var firing = workflow.At();
        r.AcceptedAt = firing.Now;
        r.Handler = body.Handler!.Trim();
        await workflow.FireAsync(db, PolicyReferralWorkflow.Workflow, r, "Accept", null, firing, ct);
        await db.Audit("AcceptPolicyReferral").SaveChangesAsync(ct);
        return await GetAsync(db, id, ct);
    }

    /// <summary>The department's result, told to the appellant through the outbox (R-IN-06, R-PL-06).</summary>
    public static async Task<ReferralView> RecordResultAsync(GuanjiaDb db, Common.WorkflowRunner workflow, Guid id, RecordResult body, CancellationToken ct)
    {
        var r = await LoadAsync(db, id, "RecordResult", body.Version, ct);
        new Check().When(body.Resolved is null, "resolved", "required", "请选择是否已按政策解决", "resolved is required")
            .Required("result", body.Result, "办理结果", "Result").MaxLength("result", body.Result, 1000, "办理结果", "Result").ThrowIfFailed();
        var firing = workflow.At(reason: body.Result!.Trim(), values: new Dictionary<string, string?> { ["department"] = r.Department, ["reason"] = body.Result.Trim() });
        r.ResultAt = firing.Now;
        r.Result = body.Result.Trim();
        r.AcceptedAt ??= r.ResultAt;
        await workflow.FireAsync(db, PolicyReferralWorkflow.Workflow, r, "RecordResult", body.Resolved == true ? "Resolved" : "NotResolved", firing, ct);
        await db.Audit("RecordPolicyReferralResult", r.Result).SaveChangesAsync(ct);
        return await GetAsync(db, id, ct);
    }

    private static async Task<PolicyReferral> LoadAsync(GuanjiaDb db, Guid id, string action, int? version, CancellationToken ct)
    {
        var r = await db.PolicyReferrals.SingleOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFound("PolicyReferral", "转办记录不存在或不在您的管辖范围内", "The referral does not exist or is outside your scope");
        Common.WorkflowGate.Check(db, PolicyReferralWorkflow.Workflow, r, action, PolicyReferralWorkflow.Zh(r.State), version, r.Version, "转办记录", "referral");
        return r;
    }
}
