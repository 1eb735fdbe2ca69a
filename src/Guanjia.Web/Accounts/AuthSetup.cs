using System.Security.Claims;
using System.Text.Encodings.Web;
using Guanjia.App.Accounts;
using Guanjia.App.Common;
using Guanjia.App.Persistence;
using Guanjia.Domain.Accounts;
using Guanjia.Web.Common;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Guanjia.Web.Accounts;

/// <summary>
/// Browsers sign in with a cookie (plus an antiforgery header on every change); integrations such as
/// the 12345 hotline send "Authorization: Bearer gj_…". One policy scheme picks between the two.
/// </summary>
public static class AuthSetup
{
    public const string Scheme = "Guanjia";
    public const string TokenScheme = "ApiToken";
    public const string CookieName = "guanjia.auth";
    public const string AntiforgeryHeader = "X-XSRF-TOKEN";

    public static IServiceCollection AddGuanjiaAuth(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentActor, HttpActor>();
        services.AddAntiforgery(o =>
        {
            o.HeaderName = AntiforgeryHeader;
            o.Cookie.Name = "guanjia.af";
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "Cookie or API token", o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? TokenScheme : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = CookieName;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(10);
                o.SlidingExpiration = true;
                o.Events.OnRedirectToLogin = ctx => WriteProblem(ctx.HttpContext, 401, "unauthenticated", "请先登录", "Sign in first");
                o.Events.OnRedirectToAccessDenied = ctx => WriteProblem(ctx.HttpContext, 403, "forbidden", "您没有执行此操作的权限", "Access denied");
                o.Events.OnValidatePrincipal = ValidateStampAsync;
            })
            .AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(TokenScheme, _ => { });
        services.AddAuthorization();
        return services;
    }

    public static ClaimsPrincipal PrincipalFor(User u) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.NameIdentifier, u.Id.ToString()),
        new Claim(ClaimTypes.Name, u.UserName),
        new Claim(ClaimTypes.Role, u.Role.ToString()),
        new Claim(HttpActor.OrgClaim, u.OrganizationId.ToString()),
        new Claim(HttpActor.ScopeClaim, u.ScopePath),
        new Claim(HttpActor.KindClaim, nameof(ActorKind.User)),
        new Claim(HttpActor.StampClaim, u.SecurityStamp),
    ], CookieAuthenticationDefaults.AuthenticationScheme));

    /// <summary>A changed password, role or deactivation ends existing sessions on their next request.</summary>
    private static async Task ValidateStampAsync(CookieValidatePrincipalContext ctx)
    {
        var id = ctx.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var stamp = ctx.Principal?.FindFirstValue(HttpActor.StampClaim);
        var db = ctx.HttpContext.RequestServices.GetRequiredService<GuanjiaDb>();
        var ok = Guid.TryParse(id, out var uid) && await db.Users.IgnoreQueryFilters().AsNoTracking()
            .AnyAsync(u => u.Id == uid && u.SecurityStamp == stamp && u.IsActive);
        if (!ok)
        {
            ctx.RejectPrincipal();
            await ctx.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }

    private static Task WriteProblem(HttpContext http, int status, string code, string zh, string en)
    {
        http.Response.StatusCode = status;
        return http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = ProblemHandler.Make(status, code, zh, en),
        }).AsTask();
    }

    /// <summary>
    /// Cookie-authenticated changes must carry the antiforgery header; token and anonymous calls carry
    /// no ambient credentials, so they need none.
    /// </summary>
    public static IApplicationBuilder UseGuanjiaAntiforgery(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var method = http.Request.Method;
        var unsafeMethod = !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method));
        if (unsafeMethod && http.Request.Path.StartsWithSegments("/api") && http.Request.Cookies.ContainsKey(CookieName)
            && !http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var af = http.RequestServices.GetRequiredService<IAntiforgery>();
            if (!await af.IsRequestValidAsync(http))
            {
                await WriteProblem(http, 400, "antiforgery", "页面已过期，请刷新后重试（缺少防伪令牌）",
                    $"Missing or invalid antiforgery token: send the {AntiforgeryHeader} header");
                return;
            }
        }
        await next(http);
    });
}

public sealed class ApiTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    GuanjiaDb db, TimeProvider clock) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var token = await ApiTokens.AuthenticateAsync(db, clock, header["Bearer ".Length..].Trim(), Context.RequestAborted);
        if (token is null) return AuthenticateResult.Fail("invalid or revoked token");
        var now = clock.GetUtcNow();
        if (token.LastUsedAt is null || now - token.LastUsedAt > TimeSpan.FromHours(1))
            // Usage bookkeeping, not a change of the record: kept out of the audit trail on purpose.
            await db.ApiTokens.IgnoreQueryFilters().Where(t => t.Id == token.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), Context.RequestAborted);
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, token.Id.ToString()),
            new(ClaimTypes.Name, "token:" + token.Name),
            new(HttpActor.OrgClaim, token.OrganizationId.ToString()),
            new(HttpActor.ScopeClaim, token.ScopePath),
            new(HttpActor.KindClaim, nameof(ActorKind.Integration)),
        };
        claims.AddRange(token.PermissionList.Select(p => new Claim(HttpActor.PermissionClaim, p)));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme.Name)), Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = 401;
        return Context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = ProblemHandler.Make(401, "invalid_token", "接口令牌无效、已过期或已吊销", "The API token is invalid, expired or revoked"),
        }).AsTask();
    }
}
