using System.Text.Json;
using Microsoft.Playwright;

namespace Guanjia.E2E.Tests.Infrastructure;

/// <summary>
/// A demo user's own API session (cookie + antiforgery header), for a test to prepare records through the API the way
/// the UI would, before the browser takes over.
/// </summary>
public sealed class Api : IAsyncDisposable
{
    private readonly IAPIRequestContext _ctx;
    private string _xsrf = "";

    private Api(IAPIRequestContext ctx) => _ctx = ctx;

    public static async Task<Api> SignInAsync(HostFixture host, string userName)
    {
        var ctx = await host.Playwright!.APIRequest.NewContextAsync(new() { BaseURL = host.BaseUrl });
        var api = new Api(ctx);
        var res = await ctx.PostAsync("/api/auth/sign-in", new() { DataObject = new { userName, password = Pages.DemoPassword } });
        Assert.True(res.Ok, $"sign-in of {userName}: {res.Status} {await res.TextAsync()}");
        var token = await api.GetAsync("/api/auth/antiforgery");
        api._xsrf = token.GetProperty("token").GetString()!;
        return api;
    }

    /// <summary>No account: the portal's public endpoints (claims, surveys, verification codes).</summary>
    public static async Task<Api> AnonymousAsync(HostFixture host) =>
        new(await host.Playwright!.APIRequest.NewContextAsync(new() { BaseURL = host.BaseUrl }));

    public async Task<JsonElement> GetAsync(string path)
    {
        var res = await _ctx.GetAsync(path);
        var text = await res.TextAsync();
        Assert.True(res.Ok, $"GET {path}: {res.Status} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public async Task<JsonElement> PostAsync(string path, object body)
    {
        var res = await _ctx.PostAsync(path, new() { DataObject = body, Headers = new Dictionary<string, string> { ["X-XSRF-TOKEN"] = _xsrf } });
        var text = await res.TextAsync();
        Assert.True(res.Ok, $"POST {path}: {res.Status} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public async Task<JsonElement> PutAsync(string path, object body)
    {
        var res = await _ctx.PutAsync(path, new() { DataObject = body, Headers = new Dictionary<string, string> { ["X-XSRF-TOKEN"] = _xsrf } });
        var text = await res.TextAsync();
        Assert.True(res.Ok, $"PUT {path}: {res.Status} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>A POST with an <c>Idempotency-Key</c>, the way the phone sends a visit typed offline; answers the status and the body.</summary>
    public async Task<(int Status, JsonElement Body)> PostWithKeyAsync(string path, JsonElement body, string key)
    {
        var res = await _ctx.PostAsync(path, new()
        {
            DataString = body.GetRawText(),
            Headers = new Dictionary<string, string> { ["X-XSRF-TOKEN"] = _xsrf, ["Idempotency-Key"] = key, ["Content-Type"] = "application/json" },
        });
        var text = await res.TextAsync();
        return (res.Status, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>A file attached to a project (multipart, as the upload control sends it); answers the attachment's id.</summary>
    public async Task<string> UploadAsync(string projectId, string kind, FilePayload file)
    {
        var form = _ctx.CreateFormData();
        form.Set("kind", kind);
        form.Set("file", file);
        var res = await _ctx.PostAsync($"/api/micro-projects/{projectId}/attachments",
            new() { Multipart = form, Headers = new Dictionary<string, string> { ["X-XSRF-TOKEN"] = _xsrf } });
        var text = await res.TextAsync();
        Assert.True(res.Ok, $"upload {kind}: {res.Status} {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetString()!;
    }

    public async ValueTask DisposeAsync() => await _ctx.DisposeAsync();
}
