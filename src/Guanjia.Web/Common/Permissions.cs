using Guanjia.App.Common;

namespace Guanjia.Web.Common;

public static class PermissionFilter
{
    /// <summary>Requires a signed-in caller holding the permission; answers 401/403 as ProblemDetails.</summary>
    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, string permission) where TBuilder : IEndpointConventionBuilder
    {
        builder.RequireAuthorization();
        builder.AddEndpointFilter(async (ctx, next) =>
        {
            var actor = ctx.HttpContext.RequestServices.GetRequiredService<ICurrentActor>().Actor;
            if (!actor.Has(permission))
                return Results.Problem(ProblemHandler.Make(StatusCodes.Status403Forbidden, "forbidden",
                    "您没有执行此操作的权限", $"You need the permission '{permission}'"));
            return await next(ctx);
        });
        return builder;
    }
}
