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

    public async ValueTask DisposeAsync() => await _ctx.DisposeAsync();
}
