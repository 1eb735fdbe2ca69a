// Load driver for a running Guanjia host. Signs in like a browser (cookie + antiforgery header), then
// sends a bounded number of requests per scenario at each concurrency level and prints latency
// percentiles and throughput as a Markdown table. See bench/README.md.
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Guanjia.Bench;

internal static class Program
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private static async Task<int> Main(string[] args)
    {
        Options o;
        try
        {
            o = Options.Parse(args);
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            await Console.Error.WriteLineAsync(Options.Usage);
            return 2;
        }

        using var handler = new SocketsHttpHandler { CookieContainer = new CookieContainer(), UseCookies = true };
        using var http = new HttpClient(handler) { BaseAddress = o.Url, Timeout = TimeSpan.FromSeconds(60) };

        var health = await http.GetFromJsonAsync<JsonElement>("/healthz");
        var database = health.GetProperty("database").GetString();
        Console.WriteLine($"# Guanjia bench: {o.Label} ({database}) at {o.Url}");
        Console.WriteLine($"machine: {Environment.ProcessorCount} logical cores, {RuntimeInfo()}");
        Console.WriteLine($"requests per level: reads {o.Reads}, audit verify {o.Verifies}, writes {o.Writes}; " +
            $"concurrency {string.Join(", ", o.Concurrency)}; warm-up {o.Warmup} per scenario");

        await SignInAsync(http, o);
        var town = await FindTownAsync(http, "东城");
        var auditBefore = await TotalAsync(http, "/api/audit?pageSize=1");
        var orgsBefore = await TotalAsync(http, "/api/organizations?pageSize=1");
        var validBefore = (await http.GetFromJsonAsync<JsonElement>("/api/audit/verify")).GetProperty("valid").GetBoolean();
        Console.WriteLine($"signed in as {o.User}; audit entries {auditBefore}, organisations {orgsBefore}; chain valid: {validBefore}; " +
            LoadAverage());
        Console.WriteLine();

        var runId = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var villageNo = 0;
        HttpRequestMessage NewVillage()
        {
            var n = Interlocked.Increment(ref villageNo);
            return new HttpRequestMessage(HttpMethod.Post, "/api/organizations")
            {
                Content = JsonContent.Create(new
                {
                    code = $"BENCH-{runId}-{n:D5}",
                    name = $"压测村{runId}-{n}",
                    nameEn = $"Bench village {runId}-{n}",
                    kind = "Village",
                    parentId = town,
                    reason = "bench: write throughput with audit",
                }),
            };
        }

        static Func<HttpRequestMessage> Get(string url) => () => new HttpRequestMessage(HttpMethod.Get, url);

        // The 12345 integration posts work orders with its bearer token (no cookie, no antiforgery).
        using var hotline = new HttpClient { BaseAddress = o.Url, Timeout = TimeSpan.FromSeconds(60) };
        hotline.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", o.HotlineToken);
        var villageCode = await FirstVillageCodeAsync(http, town);
        // Seeded appeals are spread over villages of many towns, so the statistics group over real spreads.
        var spread = await SpreadVillageCodesAsync(http, 40);
        var orderNo = 0;
        HttpRequestMessage NewWorkOrder()
        {
            var n = Interlocked.Increment(ref orderNo);
            var code = spread.Count == 0 ? villageCode : spread[n % spread.Count];
            return new HttpRequestMessage(HttpMethod.Post, "/api/integrations/12345/work-orders")
            {
                Content = JsonContent.Create(new
                {
                    workOrderNumber = $"BENCH-{runId}-{n:D6}", channel = "Hotline12345", villageCode = code,
                    title = $"压测诉求{n}：路灯不亮", description = "bench: appeal intake with dispatch, two deadlines and the audit entry",
                    appellantName = "压测", appellantPhone = $"138{n % 100_000_000:D8}",
                }),
            };
        }

        if (o.SeedAppeals > 0)
        {
            var seed = await RunAsync(hotline, new Scenario("seed", NewWorkOrder, o.SeedAppeals, HttpStatusCode.Created), o.SeedAppeals, 8);
            Console.WriteLine($"seeded {o.SeedAppeals} appeals through the 12345 integration at {seed.Throughput:0}/s ({seed.Errors} errors)");
        }
        if (o.SeedProjects > 0)
        {
            var sw = Stopwatch.StartNew();
            var (projects, wishes, errors) = await SeedProjectsAsync(o, hotline, runId, o.SeedProjects);
            Console.WriteLine($"made {projects} micro-projects (half consulted with a budget) and {wishes} micro-wishes in two towns' " +
                $"villages in {sw.Elapsed.TotalSeconds:0} s ({errors} errors)");
        }
        var someTracking = (await http.GetFromJsonAsync<JsonElement>("/api/appeals?pageSize=1")).GetProperty("items")
            .EnumerateArray().Select(a => a.GetProperty("trackingNumber").GetString()).FirstOrDefault() ?? "GJ000000AAAAAA";

        var scenarios = o.CaseworkMonth is { } month ? await CaseworkScenariosAsync(o, month, town, Get) : new List<Scenario>
        {
            new("GET /api/users?page=1&pageSize=20", Get("/api/users?page=1&pageSize=20"), o.Reads, HttpStatusCode.OK),
            new("GET /api/organizations?kind=Village&pageSize=50", Get("/api/organizations?kind=Village&pageSize=50"), o.Reads, HttpStatusCode.OK),
            new("GET /api/calendar/add?from=2024-02-09&days=5", Get("/api/calendar/add?from=2024-02-09&days=5"), o.Reads, HttpStatusCode.OK),
            new("GET /api/audit?pageSize=50", Get("/api/audit?pageSize=50"), o.Reads, HttpStatusCode.OK),
            new("GET /api/audit/verify", Get("/api/audit/verify"), o.Verifies, HttpStatusCode.OK),
            new("POST /api/organizations (village + audit)", NewVillage, o.Writes, HttpStatusCode.Created),
            new("POST /api/integrations/12345/work-orders (appeal + 2 deadlines + audit)", NewWorkOrder, o.Writes, HttpStatusCode.Created,
                hotline),
            new("GET /api/appeals?pageSize=20", Get("/api/appeals?pageSize=20"), o.Reads, HttpStatusCode.OK),
            new("GET /api/appeals?state=Dispatched&channel=Hotline12345&pageSize=20",
                Get("/api/appeals?state=Dispatched&channel=Hotline12345&pageSize=20"), o.Reads, HttpStatusCode.OK),
            new("GET /api/appeals?q=<tracking number>", Get($"/api/appeals?q={someTracking}"), o.Reads, HttpStatusCode.OK),
            new("GET /api/deadlines?status=Open&pageSize=50", Get("/api/deadlines?status=Open&pageSize=50"), o.Reads, HttpStatusCode.OK),
            new("GET /api/deadlines/summary", Get("/api/deadlines/summary"), o.Verifies, HttpStatusCode.OK),
            new("GET /api/micro-projects?pageSize=20", Get("/api/micro-projects?pageSize=20"), o.Reads, HttpStatusCode.OK),
            new("GET /api/reports/overview (dashboard)", Get("/api/reports/overview"), o.Verifies, HttpStatusCode.OK),
            new("GET /api/statistics/appeals?year=…&groupBy=town", Get($"/api/statistics/appeals?year={DateTime.UtcNow.Year}&groupBy=town"), o.Reads,
                HttpStatusCode.OK),
            new("GET /api/statistics/appeals?groupBy=town,month", Get("/api/statistics/appeals?groupBy=town,month"), o.Reads, HttpStatusCode.OK),
            new("GET /api/statistics/appeals?townId=…&groupBy=village,channel", Get($"/api/statistics/appeals?townId={town}&groupBy=village,channel"),
                o.Reads, HttpStatusCode.OK),
            new("GET /api/statistics/micro-projects?groupBy=town,state", Get("/api/statistics/micro-projects?groupBy=town,state"), o.Reads,
                HttpStatusCode.OK),
            new("GET /api/statistics/micro-wishes?groupBy=town,kind", Get("/api/statistics/micro-wishes?groupBy=town,kind"), o.Reads, HttpStatusCode.OK),
            new("GET /api/statistics/deadlines?year=…&groupBy=town,obligation",
                Get($"/api/statistics/deadlines?year={DateTime.UtcNow.Year}&groupBy=town,obligation"), o.Reads, HttpStatusCode.OK),
            new("GET /api/statistics/satisfaction?groupBy=town", Get("/api/statistics/satisfaction?groupBy=town"), o.Reads, HttpStatusCode.OK),
            new("GET /api/audit/verify (after writes)", Get("/api/audit/verify"), o.Verifies, HttpStatusCode.OK),
        };

        var results = new List<Result>();
        Console.WriteLine("| scenario | conc. | requests | p50 ms | p95 ms | p99 ms | mean ms | req/s | errors |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var s in scenarios)
        {
            var client = s.Client ?? http;
            await RunAsync(client, s, o.Warmup, 1); // warm-up: JIT, connection pool, query caches
            foreach (var c in o.Concurrency)
            {
                var r = await RunAsync(client, s, s.Count, c);
                results.Add(r);
                Console.WriteLine(r.Row());
            }
        }

        var verify = await http.GetFromJsonAsync<JsonElement>("/api/audit/verify");
        var auditAfter = await TotalAsync(http, "/api/audit?pageSize=1");
        var orgsAfter = await TotalAsync(http, "/api/organizations?pageSize=1");
        Console.WriteLine();
        Console.WriteLine($"after: audit entries {auditAfter} (+{auditAfter - auditBefore}), organisations {orgsAfter} " +
            $"(+{orgsAfter - orgsBefore}); chain valid: {verify.GetProperty("valid").GetBoolean()}; {LoadAverage()}");
        foreach (var r in results.Where(r => r.FirstError is not null))
            Console.WriteLine($"first error in '{r.Scenario}' at concurrency {r.Concurrency}: {r.FirstError}");

        if (o.JsonOut is { } path)
        {
            var doc = new
            {
                o.Label, Database = database, Url = o.Url.ToString(), Machine = RuntimeInfo(), Environment.ProcessorCount,
                AuditBefore = auditBefore, AuditAfter = auditAfter, ChainValid = verify.GetProperty("valid").GetBoolean(),
                Results = results,
            };
            await File.WriteAllTextAsync(path, JsonSerializer.Serialize(doc, Web));
            Console.WriteLine($"wrote {path}");
        }

        return results.Any(r => r.Errors > 0) ? 1 : 0;
    }

    /// <summary>
    /// The civil-affairs scenarios (issue 13) on data bulk-loaded by bench/casework.sh: the month's visit list for the city, a
    /// town and a worker, deep pages and filters, and the month's coverage figures per village, station and worker.
    /// </summary>
    private static async Task<List<Scenario>> CaseworkScenariosAsync(Options o, int month, Guid town, Func<string, Func<HttpRequestMessage>> get)
    {
        async Task<HttpClient> As(string user)
        {
            var h = new SocketsHttpHandler { CookieContainer = new CookieContainer(), UseCookies = true };
            var c = new HttpClient(h) { BaseAddress = o.Url, Timeout = TimeSpan.FromSeconds(120) };
            await SignInAsync(c, o with { User = user });
            return c;
        }
        var lead = await As("dongcheng.lead");
        var worker = await As("dongcheng.worker");
        var v = $"/api/civil-affairs/visits?month={month}";
        var f = $"/api/civil-affairs/figures?month={month}";
        return
        [
            new($"GET {v}&pageSize=20 (city, 1 month)", get($"{v}&pageSize=20"), o.Reads, HttpStatusCode.OK),
            new($"GET {v}&page=50&pageSize=20 (city)", get($"{v}&page=50&pageSize=20"), o.Reads, HttpStatusCode.OK),
            new($"GET {v}&pageSize=20 (town)", get($"{v}&pageSize=20"), o.Reads, HttpStatusCode.OK, lead),
            new($"GET {v}&mode=Phone&pageSize=20 (town)", get($"{v}&mode=Phone&pageSize=20"), o.Reads, HttpStatusCode.OK, lead),
            new($"GET {v}&pageSize=20 (worker)", get($"{v}&pageSize=20"), o.Reads, HttpStatusCode.OK, worker),
            new("GET /api/civil-affairs/files?pageSize=20 (town)", get("/api/civil-affairs/files?pageSize=20"), o.Reads, HttpStatusCode.OK, lead),
            new($"GET {f}&by=Village&obligation=CaseMonthlyVisit (city)", get($"{f}&by=Village&obligation=CaseMonthlyVisit"), o.Verifies, HttpStatusCode.OK),
            new($"GET {f}&by=Station (city)", get($"{f}&by=Station"), o.Verifies, HttpStatusCode.OK),
            new($"GET {f}&by=Village (town)", get($"{f}&by=Village"), o.Verifies, HttpStatusCode.OK, lead),
            new($"GET {f}&by=Worker&obligation=CaseMonthlyVisit (town)", get($"{f}&by=Worker&obligation=CaseMonthlyVisit"), o.Verifies, HttpStatusCode.OK, lead),
            new("GET /api/civil-affairs/my-due (worker)", get("/api/civil-affairs/my-due"), o.Verifies, HttpStatusCode.OK, worker),
        ];
    }

    /// <summary>
    /// The browser flow: sign in with the password, then fetch the antiforgery token again, because the
    /// token is bound to the signed-in user and one fetched while anonymous is refused afterwards.
    /// </summary>
    private static async Task SignInAsync(HttpClient http, Options o)
    {
        var anon = await http.GetFromJsonAsync<JsonElement>("/api/auth/antiforgery");
        using var signIn = new HttpRequestMessage(HttpMethod.Post, "/api/auth/sign-in")
        {
            Content = JsonContent.Create(new { userName = o.User, password = o.Password }),
        };
        signIn.Headers.Add("X-XSRF-TOKEN", anon.GetProperty("token").GetString());
        using var res = await http.SendAsync(signIn);
        if (res.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"sign-in as {o.User} failed: {(int)res.StatusCode} {await res.Content.ReadAsStringAsync()}");
        var af = await http.GetFromJsonAsync<JsonElement>("/api/auth/antiforgery");
        http.DefaultRequestHeaders.Add(af.GetProperty("headerName").GetString()!, af.GetProperty("token").GetString());
    }

    private static async Task<Guid> FindTownAsync(HttpClient http, string q)
    {
        var page = await http.GetFromJsonAsync<JsonElement>($"/api/organizations?kind=Street&q={Uri.EscapeDataString(q)}&pageSize=5");
        return page.GetProperty("items").EnumerateArray().First().GetProperty("id").GetGuid();
    }

    private static async Task<string> FirstVillageCodeAsync(HttpClient http, Guid town)
    {
        var page = await http.GetFromJsonAsync<JsonElement>($"/api/organizations?parentId={town}&kind=Community&pageSize=1");
        var items = page.GetProperty("items");
        if (items.GetArrayLength() == 0)
            items = (await http.GetFromJsonAsync<JsonElement>($"/api/organizations?parentId={town}&kind=Village&pageSize=1")).GetProperty("items");
        return items[0].GetProperty("code").GetString()!;
    }

    /// <summary>
    /// For statistics over more than appeals: the demo village users of two towns (dongcheng.village,
    /// changan.village; only a village may take these steps) each get <paramref name="count"/>/2 work orders through
    /// the 12345 API, receive them and decide them at the committee, every fifth as a micro-wish, the rest as
    /// micro-projects; every other project is then consulted with its minutes, a budget and a route. One at a time:
    /// project numbers are count + 1 of the year, so parallel committee decisions collide on the unique number (409).
    /// </summary>
    private static async Task<(int Projects, int Wishes, int Errors)> SeedProjectsAsync(Options o, HttpClient hotline, string runId, int count)
    {
        int projects = 0, wishes = 0, errors = 0;
        string[] routes = ["Express", "Direct", "Station"];
        foreach (var user in new[] { "dongcheng.village", "changan.village" })
        {
            using var handler = new SocketsHttpHandler { CookieContainer = new CookieContainer(), UseCookies = true };
            using var village = new HttpClient(handler) { BaseAddress = o.Url, Timeout = TimeSpan.FromSeconds(60) };
            await SignInAsync(village, o with { User = user });
            var orgId = (await village.GetFromJsonAsync<JsonElement>("/api/auth/me")).GetProperty("organizationId").GetString();
            var code = (await village.GetFromJsonAsync<JsonElement>($"/api/organizations/{orgId}")).GetProperty("code").GetString();
            await Parallel.ForEachAsync(Enumerable.Range(0, count / 2), new ParallelOptions { MaxDegreeOfParallelism = 1 }, async (i, ct) =>
            {
                try
                {
                    var order = await hotline.PostAsJsonAsync("/api/integrations/12345/work-orders", new
                    {
                        workOrderNumber = $"BENCH-P-{runId}-{user[..2]}-{i:D5}", channel = "Hotline12345", villageCode = code,
                        title = $"压测项目{i}", description = "bench: an appeal that becomes a project or a wish", appellantName = "压测",
                        appellantPhone = $"139{i:D8}",
                    }, ct);
                    order.EnsureSuccessStatusCode();
                    var id = (await order.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetString();
                    (await village.PostAsJsonAsync($"/api/appeals/{id}/acknowledge", new { note = "已接收" }, ct)).EnsureSuccessStatusCode();
                    var now = DateTimeOffset.UtcNow;
                    object decision = i % 5 == 4
                        ? new
                        {
                            meetingAt = now, outcome = "MicroWish", note = "bench", wishKind = "SpecialGroupAid", targetGroup = "Disabled",
                            assistanceType = "LivingAid", requestedFen = 100_000 + i * 100,
                        }
                        : new { meetingAt = now, outcome = "MicroProject", includeInPlan = true, note = "bench" };
                    var res = await village.PostAsJsonAsync($"/api/appeals/{id}/committee-decision", decision, ct);
                    res.EnsureSuccessStatusCode();
                    if (i % 5 == 4)
                    {
                        Interlocked.Increment(ref wishes);
                        return;
                    }
                    Interlocked.Increment(ref projects);
                    if (i % 2 == 1) return;
                    var projectId = (await res.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("projectId").GetString();
                    using var form = new MultipartFormDataContent();
                    form.Add(new StringContent("Minutes"), "kind");
                    var file = new ByteArrayContent("%PDF-1.4\n% bench minutes\n"u8.ToArray());
                    file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
                    form.Add(file, "file", "minutes.pdf");
                    var up = await village.PostAsync($"/api/micro-projects/{projectId}/attachments", form, ct);
                    up.EnsureSuccessStatusCode();
                    var minutes = (await up.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetString();
                    (await village.PostAsJsonAsync($"/api/micro-projects/{projectId}/consultations", new
                    {
                        heldAt = now, place = "社区党群服务中心", host = "张书记", recorder = "王干事", form = "VillagersMeeting",
                        participantTypes = new[] { "VillagersCommittee", "VillagersRepresentatives" }, headCount = 20, passed = true,
                        content = "bench", beneficiaries = "居民", route = routes[i % 3], budgetFen = 1_000_000L + i * 10_000L,
                        fundingSources = new[] { "ProgrammeFund" }, implementingBody = "某公司", implementationPeriod = "3个月",
                        minutesAttachmentId = minutes,
                    }, ct)).EnsureSuccessStatusCode();
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                }
            });
        }
        return (projects, wishes, errors);
    }

    /// <summary>Codes of up to <paramref name="count"/> villages and communities taken evenly over the whole city.</summary>
    private static async Task<List<string>> SpreadVillageCodesAsync(HttpClient http, int count)
    {
        var codes = new List<string>();
        foreach (var kind in new[] { "Community", "Village" })
            codes.AddRange((await http.GetFromJsonAsync<JsonElement>($"/api/organizations?kind={kind}&pageSize=200")).GetProperty("items")
                .EnumerateArray().Select(x => x.GetProperty("code").GetString()!));
        codes.Sort(StringComparer.Ordinal);
        var step = Math.Max(1, codes.Count / count);
        return codes.Where((_, i) => i % step == 0).Take(count).ToList();
    }

    private static async Task<int> TotalAsync(HttpClient http, string url) =>
        (await http.GetFromJsonAsync<JsonElement>(url)).GetProperty("total").GetInt32();

    /// <summary>Sends <paramref name="count"/> requests from <paramref name="concurrency"/> workers; each latency is one full round trip.</summary>
    private static async Task<Result> RunAsync(HttpClient http, Scenario s, int count, int concurrency)
    {
        var latencies = new double[count];
        var next = -1;
        var errors = 0;
        string? firstError = null;
        var wall = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                using var req = s.Make();
                var t0 = Stopwatch.GetTimestamp();
                using var res = await http.SendAsync(req, HttpCompletionOption.ResponseContentRead);
                var body = await res.Content.ReadAsByteArrayAsync();
                latencies[i] = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
                if (res.StatusCode != s.Expected)
                {
                    Interlocked.Increment(ref errors);
                    Interlocked.CompareExchange(ref firstError,
                        $"{(int)res.StatusCode} {Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 400))}", null);
                }
            }
        }).ToList();
        await Task.WhenAll(workers);
        wall.Stop();
        Array.Sort(latencies);
        return new Result(s.Name, concurrency, count, Percentile(latencies, 0.50), Percentile(latencies, 0.95),
            Percentile(latencies, 0.99), latencies.Average(), count / wall.Elapsed.TotalSeconds, errors, firstError);
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    private static double Percentile(double[] sorted, double q) =>
        sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];

    /// <summary>Other work on the machine skews the figures; the load average shows whether there was any.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? "load average " + string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "";

    private static string RuntimeInfo() =>
        $".NET {Environment.Version}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}";
}

internal sealed record Scenario(string Name, Func<HttpRequestMessage> Make, int Count, HttpStatusCode Expected, HttpClient? Client = null);

internal sealed record Result(string Scenario, int Concurrency, int Requests, double P50, double P95, double P99, double Mean,
    double Throughput, int Errors, string? FirstError)
{
    public string Row() => string.Create(CultureInfo.InvariantCulture,
        $"| {Scenario} | {Concurrency} | {Requests} | {P50:0.0} | {P95:0.0} | {P99:0.0} | {Mean:0.0} | {Throughput:0} | {Errors} |");
}

internal sealed record Options(Uri Url, string Label, string User, string Password, int Reads, int Writes, int Verifies, int Warmup,
    IReadOnlyList<int> Concurrency, string? JsonOut, int SeedAppeals, string HotlineToken, int SeedProjects, int? CaseworkMonth = null)
{
    private const int MaxRequests = 5000;

    public const string Usage = """
        usage: dotnet run --project bench/Guanjia.Bench -c Release -- [options]
          --url http://127.0.0.1:5090   host to drive (loopback only)
          --label sqlite                name printed with the results
          --reads 500                   requests per read scenario and concurrency level
          --writes 300                  POST /api/organizations per concurrency level
          --verifies 50                 GET /api/audit/verify per concurrency level
          --warmup 50                   unmeasured requests before each scenario
          --concurrency 1,8             concurrency levels
          --user city.admin --password Demo@2026
          --json results.json           also write the figures as JSON
          --seed-appeals 2000           appeals created through the 12345 API before measuring (0 for none)
          --hotline-token gj_…          the 12345 integration's token (the demo token by default)
          --seed-projects 0             further appeals in two demo villages, decided as micro-projects (4 in 5) and wishes
          --casework 202611             only the civil-affairs scenarios (visit list, month's figures) for that month (yyyyMM),
                                        on data bulk-loaded by bench/casework.sh; no seeding, no writes
        """;

    public static Options Parse(string[] args)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
                throw new ArgumentException($"expected '--name value' at '{args[i]}'");
            map[args[i][2..]] = args[i + 1];
        }

        string Str(string name, string fallback) => map.Remove(name, out var v) ? v : fallback;
        int Int(string name, int fallback)
        {
            var v = Str(name, fallback.ToString(CultureInfo.InvariantCulture));
            return int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= MaxRequests
                ? n : throw new ArgumentException($"--{name} must be a number from 1 to {MaxRequests}");
        }

        var url = new Uri(Str("url", "http://127.0.0.1:5090"));
        if (!(url.IsLoopback && (url.Host == "localhost" || IPAddress.TryParse(url.Host.Trim('[', ']'), out _))))
            throw new ArgumentException($"--url must point at this machine (127.0.0.1), not {url.Host}");
        var concurrency = Str("concurrency", "1,8").Split(',')
            .Select(c => int.TryParse(c, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 64
                ? n : throw new ArgumentException("--concurrency takes numbers from 1 to 64, e.g. 1,8"))
            .ToList();
        var o = new Options(url, Str("label", "bench"), Str("user", "city.admin"), Str("password", "Demo@2026"),
            Int("reads", 500), Int("writes", 300), Int("verifies", 50), Int("warmup", 50), concurrency,
            map.Remove("json", out var json) ? json : null,
            map.Remove("seed-appeals", out var seed) ? (int.TryParse(seed, NumberStyles.None, CultureInfo.InvariantCulture, out var sn) && sn <= 20_000
                ? sn : throw new ArgumentException("--seed-appeals must be a number from 0 to 20000")) : 2000,
            Str("hotline-token", "gj_demo-12345-hotline-token-do-not-use-in-production"),
            map.Remove("seed-projects", out var sp) ? (int.TryParse(sp, NumberStyles.None, CultureInfo.InvariantCulture, out var pn) && pn <= 5000
                ? pn : throw new ArgumentException("--seed-projects must be a number from 0 to 5000")) : 0);
        if (map.Remove("casework", out var cw))
            o = o with
            {
                CaseworkMonth = int.TryParse(cw, NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m % 100 is >= 1 and <= 12
                    ? m : throw new ArgumentException("--casework takes a month as yyyyMM"),
                SeedAppeals = 0,
            };
        if (map.Count > 0) throw new ArgumentException($"unknown option --{map.Keys.First()}");
        return o;
    }
}
