using System.Threading.RateLimiting;

namespace Guanjia.Web.Common;

public static class RateLimits
{
    public const string Public = "public";

    /// <summary>Per client address: RateLimits:PublicPerMinute requests a minute to the public API (30 by default).</summary>
    public static IServiceCollection AddGuanjiaRateLimits(this IServiceCollection services, IConfiguration config)
    {
        var perMinute = config.GetValue("RateLimits:PublicPerMinute", 30);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (ctx, ct) =>
            {
                var pd = ProblemHandler.Make(StatusCodes.Status429TooManyRequests, "rate_limited", "请求过于频繁，请稍后再试", "Too many requests; try again later");
                ctx.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                await ctx.HttpContext.Response.WriteAsJsonAsync(pd, ct);
            };
            o.AddPolicy(Public, http => RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "local",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        return services;
    }
}
