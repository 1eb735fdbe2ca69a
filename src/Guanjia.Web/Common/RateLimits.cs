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
                // problem+json like every other error, with Retry-After in the header and the body (issue 16).
                var seconds = ctx.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? (int)Math.Ceiling(Math.Max(1, retry.TotalSeconds)) : 60;
                var http = ctx.HttpContext;
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = ProblemHandler.Make(StatusCodes.Status429TooManyRequests, "rate_limited", "请求过于频繁，请稍后再试",
                        "Too many requests; try again later", new() { ["retryAfterSeconds"] = seconds }),
                });
            };
            // Keyed on the real client: behind a trusted proxy the forwarded-headers middleware has set the address (issue 16).
            o.AddPolicy(Public, http => RateLimitPartition.GetFixedWindowLimiter(ClientAddress.Of(http),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        return services;
    }
}
