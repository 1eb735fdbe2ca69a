using Guanjia.App.Organizations;
using Guanjia.App.Persistence;
using Guanjia.Domain.Accounts;
using Guanjia.Domain.Organizations;
using Guanjia.Web.Common;

namespace Guanjia.Web.Organizations;

public static class OrganizationEndpoints
{
    public static void MapOrganizations(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/organizations").WithTags("Organizations").RequireAuthorization();
        g.MapGet("/", (GuanjiaDb db, OrganizationKind? kind, Guid? parentId, string? q, bool? pilot, int page = 1, int pageSize = 50,
                CancellationToken ct = default) =>
            OrganizationQueries.ListAsync(db, new OrganizationQueries.Filter(kind, parentId, q, pilot, page, pageSize), ct))
            .WithSummary("Organisations, filtered by kind, parent, pilot flag or words").RequireSignedIn();
        g.MapGet("/tree", (GuanjiaDb db, CancellationToken ct) => OrganizationQueries.TreeAsync(db, ct))
            .WithSummary("City → towns/streets/parks → villages/communities").RequireSignedIn();
        g.MapGet("/{id:guid}", (Guid id, GuanjiaDb db, CancellationToken ct) => OrganizationQueries.GetAsync(db, id, ct)).RequireSignedIn();
        g.MapPost("/", async (SaveOrganization.Create r, GuanjiaDb db, TimeProvider clock, CancellationToken ct) =>
        {
            var o = await SaveOrganization.CreateAsync(db, clock, r, ct);
            return TypedResults.Created($"/api/organizations/{o.Id}", o);
        }).RequirePermission(Permissions.OrganizationsManage);
        g.MapPut("/{id:guid}", (Guid id, SaveOrganization.Update r, GuanjiaDb db, CancellationToken ct) =>
            SaveOrganization.UpdateAsync(db, id, r, ct)).RequirePermission(Permissions.OrganizationsManage);
    }
}
