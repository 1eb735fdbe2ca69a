using Guanjia.App.Feedback;
using Guanjia.App.Persistence;
using Guanjia.App.PolicyCatalogue;
using Guanjia.Domain.Accounts;
using Guanjia.Domain.PolicyCatalogue;
using Guanjia.Web.Common;

namespace Guanjia.Web.PolicyCatalogue;

public static class PolicyEndpoints
{
    public static void MapPolicyCatalogue(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/policies").WithTags("PolicyCatalogue").RequireAuthorization();
        g.MapGet("/", (GuanjiaDb db, string? q, bool activeOnly = true, int page = 1, int pageSize = 50, CancellationToken ct = default) =>
            Policies.ListAsync(db, q, activeOnly, page, pageSize, ct)).WithSummary("The current livelihood policy list (R-IN-05); q searches names, coverage, keywords, departments").RequireSignedIn();
        g.MapGet("/{id:guid}", (Guid id, GuanjiaDb db, CancellationToken ct) => Policies.GetAsync(db, id, ct)).RequireSignedIn();
        g.MapPost("/", async (Policies.Save r, GuanjiaDb db, TimeProvider clock, CancellationToken ct) =>
        {
            var p = await Policies.CreateAsync(db, clock, r, ct);
            return TypedResults.Created($"/api/policies/{p.Id}", p);
        }).RequirePermission(Permissions.PoliciesManage);
        g.MapPut("/{id:guid}", (Guid id, Policies.Save r, GuanjiaDb db, TimeProvider clock, CancellationToken ct) =>
            Policies.UpdateAsync(db, clock, id, r, ct)).RequirePermission(Permissions.PoliciesManage);
        app.MapGet("/api/appeals/{id:guid}/policy-matches", (Guid id, GuanjiaDb db, CancellationToken ct) => Policies.MatchAppealAsync(db, id, ct))
            .WithTags("PolicyCatalogue").RequirePermission(Permissions.AppealsRead)
            .WithSummary("Policies of the catalogue whose keywords the appeal contains, best first: check before funding (R-IN-05)");

        var r = app.MapGroup("/api/policy-referrals").WithTags("PolicyCatalogue").RequireAuthorization();
        r.MapGet("/", (GuanjiaDb db, ReferralState? state, string? department, int page = 1, int pageSize = 20, CancellationToken ct = default) =>
            PolicyReferrals.ListAsync(db, state, department, page, pageSize, ct)).RequirePermission(Permissions.AppealsRead)
            .WithSummary("Items referred to departments under current policy, in your scope");
        r.MapGet("/{id:guid}", (Guid id, GuanjiaDb db, CancellationToken ct) => PolicyReferrals.GetAsync(db, id, ct)).RequirePermission(Permissions.AppealsRead);
        r.MapPost("/{id:guid}/accept", (Guid id, PolicyReferrals.Accept body, GuanjiaDb db, Guanjia.App.Common.WorkflowRunner workflow, CancellationToken ct) =>
            PolicyReferrals.AcceptAsync(db, workflow, id, body, ct)).RequirePermission(Permissions.ReferralsHandle)
            .WithSummary("The department has taken the item on");
        r.MapPost("/{id:guid}/result", (Guid id, PolicyReferrals.RecordResult body, GuanjiaDb db, Guanjia.App.Common.WorkflowRunner workflow,
            CancellationToken ct) => PolicyReferrals.RecordResultAsync(db, workflow, id, body, ct)).RequirePermission(Permissions.ReferralsHandle)
            .WithSummary("The department's result; the appellant is told (R-PL-06)");
    }
}
