using Guanjia.App.Auditing;
using Guanjia.App.Persistence;
using Guanjia.Domain.Accounts;
using Guanjia.Web.Common;

namespace Guanjia.Web.Auditing;

public static class AuditEndpoints
{
    public static void MapAuditing(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/audit").WithTags("Auditing");
        g.MapGet("/", (GuanjiaDb db, string? entityType, string? entityId, Guid? actorId, string? action, string? from, string? to,
                int page = 1, int pageSize = 50, CancellationToken ct = default) =>
            AuditQueries.ListAsync(db, new AuditQueries.Filter(entityType, entityId, actorId, action, from, to, page, pageSize), ct))
            .RequirePermission(Permissions.AuditRead).WithSummary("The audit trail within the caller's scope");
        g.MapGet("/kinds", (GuanjiaDb db, CancellationToken ct) => AuditQueries.KindsAsync(db, ct))
            .RequirePermission(Permissions.AuditRead)
            .WithSummary("The audit log's filter choices: every kind of record and action in words, the people in the caller's trail");
        g.MapGet("/verify", (GuanjiaDb db, CancellationToken ct) => AuditQueries.VerifyAsync(db, ct))
            .RequirePermission(Permissions.AuditVerify).WithSummary("Recompute the hash chain of the whole trail");
    }
}
