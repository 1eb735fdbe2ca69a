using System.Net;
using System.Text.Json.Serialization.Metadata;
using Guanjia.App.Accounts;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Guanjia.Web.Common;

/// <summary>
/// What the host needs on the open internet (issue 16), in one place: the text rule on every JSON body (ADR 0030),
/// sign-in throttling (ADR 0031), forwarded headers from trusted proxies only, security headers on every answer,
/// and an OpenAPI document that names every type once. Configuration: docs/operations.md#behind-a-proxy.
/// </summary>
public static class Hardening
{
    /// <summary>The app's pages: scripts only from the host; Element Plus sets inline styles, so styles may be inline.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>The API reference page (Scalar) runs its own inline configuration script.</summary>
    public const string ApiDocsContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; style-src 'self' 'unsafe-inline' https:; " +
        "img-src 'self' data: https:; font-src 'self' data: https:; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    public static IServiceCollection AddGuanjiaHardening(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.Converters.Add(new CleanTextConverter());
            o.SerializerOptions.AddDateBounds();
        });
        services.Configure<ProblemDetailsOptions>(o => o.CustomizeProblemDetails = ctx => StableCode(ctx.ProblemDetails));
        services.AddSingleton(SignInLimits.From(config));
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<Guanjia.App.Appeals.TrackingGuesses>();
        services.Configure<ForwardedHeadersOptions>(o => ConfigureProxies(o, config));
        services.Configure<AntiforgeryOptions>(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.Configure<OpenApiOptions>("v1", o =>
        {
            o.CreateSchemaReferenceId = SchemaId;
            // The cleaning converter hides from the schema generator that a string is a string: say it again.
            o.AddSchemaTransformer((schema, ctx, _) =>
            {
                // The same for the bounded dates (ADR 0033).
                var t = Nullable.GetUnderlyingType(ctx.JsonTypeInfo.Type) ?? ctx.JsonTypeInfo.Type;
                if ((t == typeof(DateOnly) || t == typeof(DateTimeOffset) || t == typeof(DateTime)) && schema.Type is null && schema.Properties is not { Count: > 0 })
                {
                    schema.Type = JsonSchemaType.String;
                    schema.Format = t == typeof(DateOnly) ? "date" : "date-time";
                    if (t != ctx.JsonTypeInfo.Type || ctx.JsonPropertyInfo is { } dp && (dp.IsGetNullable || dp.IsSetNullable)) schema.Type |= JsonSchemaType.Null;
                }
                if (ctx.JsonTypeInfo.Type == typeof(string) && schema.Type is null && schema.Properties is not { Count: > 0 })
                {
                    schema.Type = JsonSchemaType.String;
                    if (ctx.JsonPropertyInfo is { } p && (p.IsGetNullable || p.IsSetNullable)) schema.Type |= JsonSchemaType.Null;
                }
                return Task.CompletedTask;
            });
        });
        return services;
    }

    /// <summary>
    /// Answers the framework writes itself (routing's 404 and 405, Kestrel's 413, the body reader's 415, status code pages)
    /// carry a stable <c>code</c> and a Chinese title like the product's own (ADR 0033).
    /// </summary>
    public static void StableCode(Microsoft.AspNetCore.Mvc.ProblemDetails pd)
    {
        if (pd.Extensions.ContainsKey("code")) return;
        var (code, zh, en) = pd.Status switch
        {
            400 => ("bad_request", "请求格式不正确", "The request is malformed"),
            401 => ("unauthorized", "请先登录", "Sign in first"),
            403 => ("forbidden", "您没有执行此操作的权限", "You may not do this"),
            404 => ("not_found", "请求的地址或记录不存在", "Nothing is at this address"),
            405 => ("method_not_allowed", "此地址不支持该请求方法", "This address does not take this method"),
            406 => ("not_acceptable", "无法提供所请求的格式", "The requested format cannot be produced"),
            408 => ("request_timeout", "请求超时", "The request took too long"),
            409 => ("conflict", "记录已被他人修改，请刷新后重试", "The record was changed; reload and retry"),
            411 => ("length_required", "请求缺少长度", "The request needs a length"),
            413 => ("too_large", "提交的内容过大", "The request is too large"),
            414 => ("uri_too_long", "请求地址过长", "The address is too long"),
            415 => ("unsupported_media_type", "不支持的内容类型", "This content type is not accepted here"),
            429 => ("rate_limited", "请求过于频繁，请稍后再试", "Too many requests; try again later"),
            431 => ("headers_too_large", "请求头过大", "The request headers are too large"),
            _ when pd.Status >= 500 => ("server_error", "服务器内部错误，请稍后重试", "Internal server error; please retry later"),
            _ => ("error", "请求未能完成", "The request could not be completed"),
        };
        pd.Extensions["code"] = code;
        pd.Extensions["titleEn"] = en;
        pd.Title = zh;
        pd.Detail ??= en;
    }

    /// <summary>
    /// X-Forwarded-For and X-Forwarded-Proto are believed only from the addresses and networks listed in
    /// <c>ReverseProxy:TrustedProxies</c> ("10.0.0.5", "10.1.0.0/16"); with none listed, from nobody (not even
    /// loopback), so a client cannot pick the address its limits are counted on.
    /// </summary>
    private static void ConfigureProxies(ForwardedHeadersOptions o, IConfiguration config)
    {
        o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        o.KnownProxies.Clear();
        o.KnownIPNetworks.Clear();
        o.ForwardLimit = config.GetValue("ReverseProxy:ForwardLimit", 1);
        foreach (var entry in config.GetSection("ReverseProxy:TrustedProxies").GetChildren().Select(c => c.Value?.Trim()).Where(v => !string.IsNullOrEmpty(v)))
        {
            if (entry!.Contains('/', StringComparison.Ordinal)) o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(entry));
            else o.KnownProxies.Add(IPAddress.Parse(entry));
        }
    }

    /// <summary>First in the pipeline: the real client and scheme, then the headers every answer carries, errors included.</summary>
    public static IApplicationBuilder UseGuanjiaHardening(this IApplicationBuilder app)
    {
        var config = app.ApplicationServices.GetRequiredService<IConfiguration>();
        var hstsSeconds = (long)TimeSpan.FromDays(config.GetValue("Security:HstsMaxAgeDays", 365)).TotalSeconds;
        app.UseForwardedHeaders();
        app.Use(next => http =>
        {
            var h = http.Response.Headers;
            var docs = http.Request.Path.StartsWithSegments("/api-docs") || http.Request.Path.StartsWithSegments("/scalar");
            h.ContentSecurityPolicy = docs ? ApiDocsContentSecurityPolicy : ContentSecurityPolicy;
            h.XContentTypeOptions = "nosniff";
            h.XFrameOptions = "DENY";
            h["Referrer-Policy"] = "no-referrer";
            h["Cross-Origin-Opener-Policy"] = "same-origin";
            h["Permissions-Policy"] = "camera=(self), geolocation=(), microphone=()";
            if (http.Request.IsHttps && hstsSeconds > 0) h.StrictTransportSecurity = $"max-age={hstsSeconds}";
            return next(http);
        });
        return app;
    }

    /// <summary>
    /// Schema names from the type and the types it is nested in (<c>SignIn.Request</c> → <c>SignInRequest</c>), so
    /// that the many use cases' <c>Request</c>, <c>Create</c> and <c>Update</c> records get a schema each.
    /// </summary>
    public static string? SchemaId(JsonTypeInfo info)
    {
        var id = OpenApiOptions.CreateDefaultSchemaReferenceId(info);
        if (id is null) return null;
        var t = Nullable.GetUnderlyingType(info.Type) ?? info.Type;
        return t.Name.Contains("AnonymousType", StringComparison.Ordinal) ? id : Name(t);
    }

    private static string Name(Type t)
    {
        var own = t.Name;
        var tick = own.IndexOf('`', StringComparison.Ordinal);
        if (tick >= 0) own = own[..tick];
        if (t.IsArray) return Name(t.GetElementType()!) + "Array";
        var outer = t.IsNested && !t.IsGenericParameter ? Name(t.DeclaringType!) : "";
        var args = t.IsGenericType ? "Of" + string.Join("And", t.GetGenericArguments().Select(Name)) : "";
        return outer + own + args;
    }
}
