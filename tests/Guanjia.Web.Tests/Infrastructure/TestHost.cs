using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Guanjia.App.Common;
using Guanjia.App.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Guanjia.Web.Tests.Infrastructure;

/// <summary>
/// The real host on a real database of its own (a temp SQLite file or a fresh PostgreSQL database),
/// migrated and seeded with the demo data the way a first start does it, with a fake clock.
/// </summary>
public class TestHost : WebApplicationFactory<Program>
{
    // Sub-microsecond on purpose: PostgreSQL keeps microseconds, and nothing may depend on finer ticks.
    public static readonly DateTimeOffset Start = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(8)).AddTicks(1_234_567);

    private static readonly ConcurrentDictionary<Db, Lazy<TestHost>> Hosts = new();

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public TestHost(Db db)
    {
        Db = db;
        ConnectionString = db == Db.Postgres ? Databases.CreatePostgresDatabase("api") : Databases.NewSqliteFile("api");
    }

    public Db Db { get; }

    public const string DevKey = "TR/qaEZXOeKvIyaND6UxuXdpHxJH9f76siFn8VW9ueU=";
    public const string OldKey = "9d0Gm0yq2c8Wm1rT0f4cQnq4l9s8fJgk4Yb3sV2d1eA=";
    public const string LookupKey = "Yq+QexO7IY5abQ01IIRmsA+gsigR1scbaAMeDjGpHJ4=";

    /// <summary>High for the shared hosts; a test of the limit makes a host of its own with a low one.</summary>
    protected virtual int RateLimitPerMinute => 100_000;
    public string ConnectionString { get; }
    public const string TrustedProxy = "192.0.2.1";
    public FakeClock Clock { get; } = new(Start);

    /// <summary>One host per database for the whole run; tests make their own records and never assume an empty table.</summary>
    public static TestHost For(Db db)
    {
        var host = Hosts.GetOrAdd(db, d => new Lazy<TestHost>(() => new TestHost(d))).Value;
        _ = host.Server; // start it (migrate + seed) before the first test uses it
        return host;
    }

    /// <summary>Called once when the run ends (see ApiCollection): stops the hosts and drops their databases.</summary>
    public static void DisposeAll()
    {
        foreach (var lazy in Hosts.Values)
            if (lazy.IsValueCreated) lazy.Value.Dispose();
        Hosts.Clear();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Db.ToString());
        builder.UseSetting("ConnectionStrings:Guanjia", ConnectionString);
        builder.UseSetting("Demo:Seed", "true");
        // Tests run the outbox and the warnings themselves, on the fake clock.
        builder.UseSetting("Jobs:Enabled", "false");
        // The development keys of appsettings.Development.json, plus an older key still listed (rotation).
        builder.UseSetting("CivilAffairs:Encryption:Keys:dev-2026", DevKey);
        builder.UseSetting("CivilAffairs:Encryption:Keys:old-2025", OldKey);
        builder.UseSetting("CivilAffairs:Encryption:CurrentKey", "dev-2026");
        builder.UseSetting("CivilAffairs:Encryption:LookupKey", LookupKey);
        builder.UseSetting("RateLimits:PublicPerMinute", RateLimitPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // Requests a test sends "from" this address come through a trusted proxy (X-Test-Client, X-Forwarded-For).
        builder.UseSetting("ReverseProxy:TrustedProxies:0", TrustedProxy);
        builder.UseSetting("RateLimits:SignInPerAddressPerMinute", RateLimitPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("RateLimits:SignInFailuresPerAccountPerMinute", RateLimitPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.ConfigureServices(s =>
        {
            s.RemoveAll<TimeProvider>();
            s.AddSingleton<TimeProvider>(Clock);
            s.AddTransient<Microsoft.AspNetCore.Hosting.IStartupFilter, TestClientAddress>();
        });
    }

    /// <summary>A GuanjiaDb acting as the given actor, for checks below the HTTP surface.</summary>
    public GuanjiaDb NewDb(IServiceScope scope, Actor actor) =>
        ActivatorUtilities.CreateInstance<GuanjiaDb>(scope.ServiceProvider, new FixedActor(actor));

    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false });

    /// <summary>Signs in like the browser does: cookie, then the antiforgery token bound to that user.</summary>
    public async Task<HttpClient> SignIn(string userName, string password = "Demo@2026")
    {
        var client = Anonymous();
        var res = await client.PostAsJsonAsync("/api/auth/sign-in", new { userName, password });
        if (res.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"sign-in as {userName} failed: {(int)res.StatusCode} {await res.Content.ReadAsStringAsync()}");
        var af = await client.GetFromJsonAsync<JsonElement>("/api/auth/antiforgery");
        client.DefaultRequestHeaders.Add("X-XSRF-TOKEN", af.GetProperty("token").GetString());
        return client;
    }

    public HttpClient WithToken(string secret)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Db == Db.Postgres)
        {
            try { Databases.DropPostgresDatabase(ConnectionString); } catch (Npgsql.NpgsqlException) { /* best effort */ }
        }
        if (disposing && Db == Db.Sqlite)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(ConnectionString).DataSource;
            foreach (var f in new[] { file, file + "-wal", file + "-shm" }) File.Delete(f);
        }
    }
}

/// <summary>
/// The test server has no network connection: a test names the address a request comes from with the header
/// X-Test-Client, set here as the connection's address before anything else of the host runs.
/// </summary>
public sealed class TestClientAddress : Microsoft.AspNetCore.Hosting.IStartupFilter
{
    public const string Header = "X-Test-Client";

    public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
    {
        app.Use(nextMiddleware => async http =>
        {
            if (System.Net.IPAddress.TryParse(http.Request.Headers[Header].ToString(), out var ip)) http.Connection.RemoteIpAddress = ip;
            await nextMiddleware(http);
        });
        next(app);
    };
}
