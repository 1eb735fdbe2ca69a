using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;

namespace Guanjia.Web.Common;

/// <summary>
/// Serves the web app (web/, built by the project into wwwroot/app): its hashed assets with a long cache
/// lifetime, and its index.html for every other GET that is not an API call, so that the router's history
/// URLs (/admin/users, /portal/track) survive a reload. Unknown /api paths stay ProblemDetails 404s.
/// </summary>
public static class WebApp
{
    public const string IndexFile = "app/index.html";

    /// <summary>The service worker the web app's build writes (web/sw/service-worker.js).</summary>
    public const string ServiceWorker = "/app/sw.js";

    public static IApplicationBuilder UseWebAppFiles(this IApplicationBuilder app) =>
        app.UseStaticFiles(new StaticFileOptions
        {
            // The web app's manifest (the installable visit app) has no default content type.
            ContentTypeProvider = ContentTypes,
            OnPrepareResponse = ctx =>
            {
                // Vite names every asset by its content hash; index.html itself is never cached (below).
                if (ctx.Context.Request.Path.StartsWithSegments("/app/assets"))
                    ctx.Context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
                else if (ctx.Context.Request.Path.Equals(ServiceWorker, StringComparison.Ordinal))
                {
                    // The phone's offline visits (ADR 0025): the worker at /app/sw.js controls every page of the console.
                    ctx.Context.Response.Headers["Service-Worker-Allowed"] = "/";
                    ctx.Context.Response.Headers.CacheControl = "no-cache";
                }
                else if (ctx.File.Name.EndsWith(".webmanifest", StringComparison.OrdinalIgnoreCase))
                    ctx.Context.Response.Headers.CacheControl = "no-cache";
                else if (ctx.File.Name.EndsWith(".html", StringComparison.OrdinalIgnoreCase))
                    ctx.Context.Response.Headers.CacheControl = "no-cache";
            },
        });

    public static void MapWebAppFallback(this IEndpointRouteBuilder app) =>
        // Paths that look like files ("{*path:nonfile}") are left to the static files and 404.
        app.MapFallback(async (HttpContext http, IWebHostEnvironment env) =>
        {
            var path = http.Request.Path;
            if (path.StartsWithSegments("/api") || path.StartsWithSegments("/openapi"))
            {
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = ProblemHandler.Make(StatusCodes.Status404NotFound, "not_found", "接口不存在", "No such API endpoint"),
                });
                return;
            }
            var index = env.WebRootFileProvider.GetFileInfo(IndexFile);
            http.Response.Headers.CacheControl = "no-cache";
            if (!index.Exists)
            {
                http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                http.Response.ContentType = "text/html; charset=utf-8";
                await http.Response.WriteAsync(NotBuilt);
                return;
            }
            http.Response.ContentType = new FileExtensionContentTypeProvider().TryGetContentType(IndexFile, out var type)
                ? type + "; charset=utf-8" : "text/html; charset=utf-8";
            await http.Response.SendFileAsync(index);
        }).WithMetadata(new HttpMethodMetadata(["GET", "HEAD"])).ExcludeFromDescription();

    private static readonly FileExtensionContentTypeProvider ContentTypes = new()
    {
        Mappings = { [".webmanifest"] = "application/manifest+json" },
    };

    private const string NotBuilt = """
        <!doctype html>
        <html lang="zh-CN"><head><meta charset="utf-8"><title>莞家 Guanjia</title></head>
        <body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem">
        <h1>网页界面尚未构建 · The web app is not built</h1>
        <p>本次构建跳过了网页界面（GuanjiaSkipWeb / GUANJIA_SKIP_WEB）。去掉该设置后重新运行 <code>dotnet run --project src/Guanjia.Web</code>，或在 <code>web/</code> 中运行 <code>npm ci &amp;&amp; npm run build</code>。</p>
        <p>This build skipped the web app (GuanjiaSkipWeb / GUANJIA_SKIP_WEB). Build again without it, or run <code>npm ci &amp;&amp; npm run build</code> in <code>web/</code>. The API works: <a href="/api-docs">/api-docs</a>.</p>
        </body></html>
        """;
}
