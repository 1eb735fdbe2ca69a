using System.Text.Json;
using Guanjia.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.DependencyInjection;

namespace Guanjia.Web.Tests.Hardening;

/// <summary>Issue 16, defect 9: the OpenAPI document describes every request body with its own schema.</summary>
[Collection(ApiCollection.Name)]
public class OpenApiTests
{
    [Fact]
    public async Task Every_request_body_type_has_a_schema_of_its_own()
    {
        var host = TestHost.For(Db.Sqlite);
        var doc = await host.Anonymous().GetJson("/openapi/v1.json");
        var bodies = host.Services.GetRequiredService<IApiDescriptionGroupCollectionProvider>().ApiDescriptionGroups.Items
            .SelectMany(g => g.Items)
            .SelectMany(d => d.ParameterDescriptions.Where(p => p.Source == BindingSource.Body).Select(p => (d, p.Type)))
            .ToList();
        Assert.True(bodies.Count > 50, $"only {bodies.Count} request bodies found");
        var refs = new List<(Type Type, string Ref, string Where)>();
        foreach (var (d, type) in bodies)
        {
            var path = "/" + System.Text.RegularExpressions.Regex.Replace(d.RelativePath!.TrimEnd('/'), @"\{(\w+)(:[^}]*)?\}", "{$1}");
            Assert.True(doc.GetProperty("paths").TryGetProperty(path, out var item), $"{path} is not in the document");
            var op = item.GetProperty(d.HttpMethod!.ToLowerInvariant());
            Assert.True(op.TryGetProperty("requestBody", out var body), $"{d.HttpMethod} {path} has no request body in the document");
            if (body.GetProperty("content").TryGetProperty("application/json", out var json)
                && json.GetProperty("schema").TryGetProperty("$ref", out var r)) refs.Add((type, r.GetString()!, $"{d.HttpMethod} {path}"));
        }
        var shared = refs.GroupBy(x => x.Ref).Where(g => g.Select(x => x.Type).Distinct().Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(x => $"{x.Type.FullName} ({x.Where})").Distinct())}").ToList();
        Assert.True(shared.Count == 0, "schemas shared by different request types:\n" + string.Join('\n', shared));
        Assert.Contains(refs, x => x.Ref == "#/components/schemas/SignInRequest");
        Assert.Contains(refs, x => x.Ref == "#/components/schemas/SaveUserCreate");
    }

    [Fact]
    public async Task Strings_are_described_as_strings()
    {
        var host = TestHost.For(Db.Sqlite);
        var doc = await host.Anonymous().GetJson("/openapi/v1.json");
        var signIn = doc.GetProperty("components").GetProperty("schemas").GetProperty("SignInRequest").GetProperty("properties");
        Assert.Contains("string", signIn.GetProperty("userName").GetProperty("type").ToString(), StringComparison.Ordinal);
        var q = doc.GetProperty("paths").GetProperty("/api/users").GetProperty("get").GetProperty("parameters").EnumerateArray()
            .Single(p => p.Str("name") == "q");
        Assert.Equal("string", q.GetProperty("schema").Str("type"));
        var empty = doc.GetProperty("components").GetProperty("schemas").EnumerateObject()
            .SelectMany(s => s.Value.TryGetProperty("properties", out var ps) ? ps.EnumerateObject().Select(p => (s.Name, p)) : [])
            .Where(x => x.p.Value.ValueKind == JsonValueKind.Object && !x.p.Value.EnumerateObject().Any())
            .Select(x => $"{x.Name}.{x.p.Name}").ToList();
        Assert.True(empty.Count == 0, "properties without a schema: " + string.Join(", ", empty));
    }
}
