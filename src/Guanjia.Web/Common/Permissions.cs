using Guanjia.App.Common;

namespace Guanjia.Web.Common;

/// <summary>Endpoint metadata: the caller needs one of these permissions (every such entry on the endpoint must be met).</summary>
public sealed record RequiredPermission(IReadOnlyList<string> AnyOf);

/// <summary>Endpoint metadata: any signed-in person may call it (their own data, reference tables); never an API token.</summary>
public sealed record SignedInOnly;

/// <summary>Endpoint metadata: an API token (ADR 0032) may call it when it holds the permission the endpoint requires.</summary>
public sealed record TokensAllowed;

/// <summary>
/// Every endpoint declares what it needs (ADR 0032): a permission (<see cref="RequirePermission{TBuilder}"/>), a signed-in
/// person (<see cref="RequireSignedIn{TBuilder}"/>), or it is public (<c>AllowAnonymous</c>, an allow-list in the tests).
/// API tokens reach only endpoints marked <see cref="AllowTokens{TBuilder}"/>. The checks run in one middleware, before the
/// body is read, so a caller without the permission learns nothing from validation either.
/// </summary>
public static class PermissionFilter
{
    /// <summary>Requires a signed-in caller holding one of the permissions; answers 401/403 as ProblemDetails.</summary>
    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, params string[] anyOf) where TBuilder : IEndpointConventionBuilder
    {
        if (anyOf.Length == 0) throw new ArgumentException("name at least one permission", nameof(anyOf));
        builder.RequireAuthorization();
        builder.WithMetadata(new RequiredPermission(anyOf));
        return builder;
    }

    /// <summary>Any signed-in person, whatever the role; API tokens are refused.</summary>
    public static TBuilder RequireSignedIn<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.RequireAuthorization();
        builder.WithMetadata(new SignedInOnly());
        return builder;
    }

    /// <summary>An API token holding the endpoint's permission may call it (the 12345 hotline's appeals, ADR 0032).</summary>
    public static TBuilder AllowTokens<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(new TokensAllowed());
        return builder;
    }

    /// <summary>After authorization: tokens only where allowed, and every required permission held.</summary>
    public static IApplicationBuilder UseGuanjiaPermissions(this IApplicationBuilder app) => app.Use(next => async http =>
    {
        var endpoint = http.GetEndpoint();
        if (endpoint is not null && http.User.Identity?.IsAuthenticated == true)
        {
            var actor = http.RequestServices.GetRequiredService<ICurrentActor>().Actor;
            var requirements = endpoint.Metadata.GetOrderedMetadata<RequiredPermission>();
            var declared = requirements.Count > 0 || endpoint.Metadata.GetMetadata<SignedInOnly>() is not null;
            string? refusal = null;
            if (actor.Kind == ActorKind.Integration && (endpoint.Metadata.GetMetadata<TokensAllowed>() is null || !declared))
                refusal = "API tokens may not call this endpoint";
            else if (requirements.FirstOrDefault(r => !r.AnyOf.Any(actor.Has)) is { } missing)
                refusal = $"You need the permission '{string.Join("' or '", missing.AnyOf)}'";
            if (refusal is not null)
            {
                var pd = ProblemHandler.Make(StatusCodes.Status403Forbidden, "forbidden", "您没有执行此操作的权限", refusal);
                http.Response.StatusCode = StatusCodes.Status403Forbidden;
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = pd });
                return;
            }
        }
        await next(http);
    });
}
