using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Guanjia.Web.Tests.Infrastructure;

public static class Http
{
    public static async Task<JsonElement> Json(this HttpResponseMessage res, HttpStatusCode expected)
    {
        var body = await res.Content.ReadAsStringAsync();
        Assert.True(res.StatusCode == expected, $"expected {(int)expected} but got {(int)res.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<JsonElement> GetJson(this HttpClient c, string url, HttpStatusCode expected = HttpStatusCode.OK) =>
        await (await c.GetAsync(url)).Json(expected);

    public static async Task<JsonElement> PostJson(this HttpClient c, string url, object body, HttpStatusCode expected) =>
        await (await c.PostAsJsonAsync(url, body, TestHost.Json)).Json(expected);

    public static async Task<JsonElement> PutJson(this HttpClient c, string url, object body, HttpStatusCode expected) =>
        await (await c.PutAsJsonAsync(url, body, TestHost.Json)).Json(expected);

    /// <summary>Asserts a ProblemDetails validation answer naming the field, in both languages.</summary>
    public static void ShouldNameField(this JsonElement problem, string field, string? code = null)
    {
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        var errors = problem.GetProperty("fieldErrors").EnumerateArray().ToList();
        var match = errors.Where(e => e.GetProperty("field").GetString() == field).ToList();
        Assert.True(match.Count > 0, $"no error for field '{field}' in {problem}");
        Assert.All(match, e =>
        {
            Assert.False(string.IsNullOrWhiteSpace(e.GetProperty("zh").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(e.GetProperty("en").GetString()));
        });
        if (code is not null) Assert.Contains(match, e => e.GetProperty("code").GetString() == code);
    }

    public static string Str(this JsonElement e, string name) => e.GetProperty(name).GetString()!;

    public static string Unique(string prefix) => $"{prefix}{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 10, 40)];
}
