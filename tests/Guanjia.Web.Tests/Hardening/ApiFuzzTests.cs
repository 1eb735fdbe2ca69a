using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Guanjia.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Guanjia.Web.Tests.Hardening;

/// <summary>
/// Issue 16, the fuzzing test that stays: walks the OpenAPI document and sends every operation generated and mutated
/// bodies, path values and query strings (a seeded generator: the same seed, the same requests) as an anonymous caller,
/// a village worker and the city administrator, on a host of its own per database, within a time budget. No answer may
/// be 500 or above; every 4xx is a ProblemDetails with a <c>code</c>. The count of requests is written to the output
/// (docs/operations.md#fuzzing).
/// </summary>
[Collection(ApiCollection.Name)]
public class ApiFuzzTests(ITestOutputHelper output)
{
    /// <summary>Per database; GUANJIA_FUZZ_SECONDS changes it (a longer run by hand, a shorter one on a slow machine).</summary>
    private static TimeSpan Budget => TimeSpan.FromSeconds(int.TryParse(Environment.GetEnvironmentVariable("GUANJIA_FUZZ_SECONDS"), out var s) ? s : 90);

    private const int Seed = 16_2026;

    [Theory, BothDatabases]
    public async Task Issue16_fuzzing_every_operation_answers_no_5xx_and_every_4xx_is_problem_details_with_a_code(Db db)
    {
        using var host = new FuzzHost(db);
        var doc = await host.Anonymous().GetJson("/openapi/v1.json");
        var ops = await EndpointPermissionTests.Operations(host);
        var callers = new (string Name, HttpClient Client)[]
        {
            ("anonymous", host.Anonymous()), ("dongcheng.village", await host.SignIn("dongcheng.village")), ("city.admin", await host.SignIn("city.admin")),
        };
        // Anonymous sign-out and sign-in change nothing for the others: each caller has its own cookies.
        ops = ops.Where(o => o.Key is not "POST /api/auth/sign-out").ToList();
        var rng = new Random(Seed + (int)db);
        var gen = new Generator(doc, rng);
        var failures = new List<string>();
        var sent = 0;
        var clock = Stopwatch.StartNew();
        // The first round always sends every operation once per caller, however slow the machine; then rounds until the budget.
        for (var round = 0; (round == 0 || clock.Elapsed < Budget) && failures.Count < 20; round++)
        {
            foreach (var op in ops)
            {
                if (round > 0 && clock.Elapsed >= Budget) break;
foreach (var (who, client) in callers)
                {
                    var req = gen.Request(op, op.Spec, round);
                    HttpResponseMessage res;
                    try { res = await client.SendAsync(req); }
                    catch (Exception e) { failures.Add($"{who} {op.Method} {req.RequestUri}: threw {e.GetType().Name} {e.Message}"); continue; }
                    sent++;
                    var status = (int)res.StatusCode;
                    if (status >= 500)
                        failures.Add($"{who} {op.Method} {req.RequestUri} [{gen.LastBody}]: {status} {await res.Content.ReadAsStringAsync()}");
                    else if (status >= 400 && !await HasCodeAsync(res))
                        failures.Add($"{who} {op.Method} {req.RequestUri}: {status} without a ProblemDetails code: {res.Content.Headers.ContentType} {await res.Content.ReadAsStringAsync()}");
                }
            }
        }
        output.WriteLine($"fuzzing on {db}: {sent} requests over {ops.Count} operations × {callers.Length} callers in {clock.Elapsed.TotalSeconds:F0} s, seed {Seed + (int)db}");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
        Assert.True(sent >= ops.Count * callers.Length, $"only {sent} requests in the budget");
    }

    private static async Task<bool> HasCodeAsync(HttpResponseMessage res)
    {
        if (res.Content.Headers.ContentType?.MediaType != "application/problem+json") return false;
        try { return JsonDocument.Parse(await res.Content.ReadAsStringAsync()).RootElement.TryGetProperty("code", out var c) && c.GetString() is { Length: > 0 }; }
        catch (JsonException) { return false; }
    }

    private sealed class FuzzHost(Db db) : TestHost(db);

    /// <summary>Values from the schema, then mutated: wrong types, nulls, empty, huge, negative, absurd dates, odd text.</summary>
    private sealed class Generator(JsonElement doc, Random rng)
    {
        public string LastBody { get; private set; } = "";

        private static readonly string[] Odd =
        [
            "", " ", "王五 13800001111", "\u202e\u0000\uffff", "<script>alert(1)</script>", "' OR 1=1 --", "%PDF-1.4", new string('长', 5000),
            "0001-01-01", "9999-12-31T23:59:59Z", "-1", "1e309", "null", "{}", "../../etc/passwd", "MS2026-000008", "\ud83d\ude00",
        ];

        public HttpRequestMessage Request(EndpointPermissionTests.Operation op, JsonElement operation, int round)
        {
            var url = op.Url;
            if (round > 0) url = System.Text.RegularExpressions.Regex.Replace(url, "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", _ => Guid.NewGuid().ToString());
            var query = new List<string>();
            if (operation.TryGetProperty("parameters", out var ps))
                foreach (var p in ps.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "query"))
                    if (rng.Next(3) > 0)
                        query.Add($"{Uri.EscapeDataString(p.GetProperty("name").GetString()!)}={Uri.EscapeDataString(Scalar(p.TryGetProperty("schema", out var s) ? s : default, round))}");
            if (query.Count > 0) url += "?" + string.Join('&', query);
            var req = new HttpRequestMessage(new HttpMethod(op.Method), url);
            req.Headers.TryAddWithoutValidation(TestClientAddress.Header, $"198.51.100.{rng.Next(1, 255)}");
            LastBody = "";
            if (op.Method is "POST" or "PUT" or "PATCH")
            {
                var schema = operation.TryGetProperty("requestBody", out var rb) && rb.GetProperty("content").EnumerateObject().FirstOrDefault() is { Value: var c }
                    && c.ValueKind == JsonValueKind.Object && c.TryGetProperty("schema", out var sc) ? sc : default;
                if (op.Multipart)
                {
                    var form = new MultipartFormDataContent();
                    form.Add(new StringContent(Value(schema, 0, round)?.ToJsonString() ?? "{}"), "data");
                    form.Add(new StringContent(Odd[rng.Next(Odd.Length)]), "kind");
                    var bytes = new byte[rng.Next(16, 2048)];
                    rng.NextBytes(bytes);
                    if (rng.Next(2) == 0) { "%PDF-1.4\n"u8.ToArray().CopyTo(bytes, 0); }
                    form.Add(new ByteArrayContent(bytes), "file", rng.Next(2) == 0 ? "照片.jpg" : "a\u202egpj.exe");
                    req.Content = form;
                }
                else
                {
                    LastBody = round % 7 == 6 ? Odd[rng.Next(Odd.Length)] : Value(schema, 0, round)?.ToJsonString() ?? "null";
                    req.Content = new StringContent(LastBody, Encoding.UTF8, "application/json");
                }
            }
            return req;
        }

        private JsonElement Resolve(JsonElement schema)
        {
            for (var i = 0; i < 10 && schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var r); i++)
            {
                var name = r.GetString()!.Split('/').Last();
                schema = doc.GetProperty("components").GetProperty("schemas").TryGetProperty(name, out var s) ? s : default;
            }
            return schema;
        }

        private static string Types(JsonElement schema) =>
            schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("type", out var t) ? t.ToString() : "";

        /// <summary>A value for the schema; a mutation in about one case in four (none in round 0, so every operation is also tried well-formed).</summary>
        private JsonNode? Value(JsonElement schema, int depth, int round)
        {
            schema = Resolve(schema);
            if (round > 0 && rng.Next(4) == 0) return Mutant();
            if (schema.ValueKind != JsonValueKind.Object || depth > 4) return null;
            if (schema.TryGetProperty("enum", out var e) && e.GetArrayLength() > 0) return JsonNode.Parse(e[rng.Next(e.GetArrayLength())].GetRawText());
            foreach (var k in new[] { "oneOf", "anyOf", "allOf" })
                if (schema.TryGetProperty(k, out var alts) && alts.GetArrayLength() > 0) return Value(alts[rng.Next(alts.GetArrayLength())], depth, round);
            var types = Types(schema);
            if (types.Contains("object", StringComparison.Ordinal) || schema.TryGetProperty("properties", out _))
            {
                var o = new JsonObject();
                if (schema.TryGetProperty("properties", out var props))
                    foreach (var p in props.EnumerateObject())
                        if (rng.Next(6) > 0) o[p.Name] = Value(p.Value, depth + 1, round);
                return o;
            }
            if (types.Contains("array", StringComparison.Ordinal))
            {
                var a = new JsonArray();
                for (var i = rng.Next(0, 3); i > 0; i--) a.Add(Value(schema.TryGetProperty("items", out var it) ? it : default, depth + 1, round));
                return a;
            }
            return JsonValue.Create(Scalar(schema, round)) is var v && (types.Contains("integer", StringComparison.Ordinal) || types.Contains("number", StringComparison.Ordinal))
                ? JsonNode.Parse(long.TryParse(Scalar(schema, round), out var n) ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : "0")
                : types.Contains("boolean", StringComparison.Ordinal) ? JsonValue.Create(rng.Next(2) == 0) : v;
        }

        private JsonNode? Mutant() => rng.Next(8) switch
        {
            0 => null,
            1 => JsonValue.Create(Odd[rng.Next(Odd.Length)]),
            2 => JsonValue.Create(long.MaxValue),
            3 => JsonValue.Create(-1),
            4 => new JsonArray(JsonValue.Create("x")),
            5 => new JsonObject { ["x"] = 1 },
            6 => JsonValue.Create(true),
            _ => JsonValue.Create(rng.NextDouble() * 1e15),
        };

        private string Scalar(JsonElement schema, int round)
        {
            schema = Resolve(schema);
            if (round > 0 && rng.Next(4) == 0) return Odd[rng.Next(Odd.Length)];
            if (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("enum", out var e) && e.GetArrayLength() > 0)
                return e[rng.Next(e.GetArrayLength())].ToString();
            var format = schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("format", out var f) ? f.GetString() : null;
            var types = Types(schema);
            return format switch
            {
                "uuid" => Guid.NewGuid().ToString(),
                "date" => new DateOnly(2026, 1, 1).AddDays(rng.Next(-400, 400)).ToString("yyyy-MM-dd"),
                "date-time" => new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(8)).AddHours(rng.Next(-5000, 5000)).ToString("O"),
                _ when types.Contains("integer", StringComparison.Ordinal) => rng.Next(4) switch { 0 => "0", 1 => "1", 2 => "2026", _ => rng.Next(1, 1_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture) },
                _ when types.Contains("number", StringComparison.Ordinal) => rng.Next(0, 1000).ToString(System.Globalization.CultureInfo.InvariantCulture),
                _ when types.Contains("boolean", StringComparison.Ordinal) => rng.Next(2) == 0 ? "true" : "false",
                _ => rng.Next(4) == 0 ? Odd[rng.Next(Odd.Length)] : "测试" + rng.Next(1000),
            };
        }
    }
}
