using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Playwright;

namespace Guanjia.E2E.Tests.Infrastructure;

/// <summary>
/// The real host, as `dotnet run` would start it: the built Guanjia.Web.dll in its project folder (so its
/// wwwroot with the built web app is served), Development environment (demo data and accounts), a SQLite
/// file of its own and a free port. Then Debian's Chromium through Playwright. One of each for the run.
/// </summary>
public sealed class HostFixture : IAsyncLifetime
{
    private readonly StringBuilder _log = new();
    private Process? _host;
    private string? _dbFile;

    public string BaseUrl { get; private set; } = "";
    public IPlaywright? Playwright { get; private set; }
    public IBrowser? Browser { get; private set; }

    /// <summary>Where the screenshots of this run go (the test output folder).</summary>
    public static string ScreensDir { get; } = Path.Combine(AppContext.BaseDirectory, "screens");

    public static string RepoRoot { get; } = FindRepoRoot();

    public async Task InitializeAsync()
    {
        if (Infrastructure.Browser.ExecutablePath is null)
        {
            // Tests are skipped then (BrowserFact), unless the run requires a browser: then this fails them all.
            if (Infrastructure.Browser.Required) throw new InvalidOperationException("GUANJIA_REQUIRE_BROWSER=1: " + Infrastructure.Browser.MissingMessage);
            return;
        }
        Directory.CreateDirectory(ScreensDir);
        await StartHostAsync();
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Infrastructure.Browser.ExecutablePath,
            Headless = true,
            Args = Infrastructure.Browser.Args,
        });
    }

    private async Task StartHostAsync()
    {
        var project = Path.Combine(RepoRoot, "src", "Guanjia.Web");
        // Same configuration as this test assembly: …/bin/<Configuration>/net10.0/
        var tfmDir = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = tfmDir.Parent?.Name ?? "Debug";
        var dll = Path.Combine(project, "bin", configuration, tfmDir.Name, "Guanjia.Web.dll");
        if (!File.Exists(dll)) throw new InvalidOperationException($"The host is not built: {dll} is missing");
        if (!File.Exists(Path.Combine(project, "wwwroot", "app", "index.html")))
            throw new InvalidOperationException("The web app is not built (src/Guanjia.Web/wwwroot/app/index.html is missing): build without GuanjiaSkipWeb");

        _dbFile = Path.Combine(Path.GetTempPath(), $"guanjia-e2e-{Guid.NewGuid():N}.db");
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = project,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(dll);
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        psi.Environment["ASPNETCORE_URLS"] = BaseUrl;
        psi.Environment["Database__Provider"] = "Sqlite";
        psi.Environment["ConnectionStrings__Guanjia"] = $"Data Source={_dbFile}";
        psi.Environment["Demo__Seed"] = "true";
        // Every journey signs in from 127.0.0.1, several roles a minute: the sign-in throttle (ADR 0031) is for strangers.
        psi.Environment["RateLimits__SignInPerAddressPerMinute"] = "10000";
        psi.Environment["RateLimits__SignInFailuresPerAccountPerMinute"] = "10000";
        psi.Environment["Logging__LogLevel__Default"] = "Warning";
        _host = Process.Start(psi) ?? throw new InvalidOperationException("could not start the host");
        _host.OutputDataReceived += (_, e) => { lock (_log) _log.AppendLine(e.Data); };
        _host.ErrorDataReceived += (_, e) => { lock (_log) _log.AppendLine(e.Data); };
        _host.BeginOutputReadLine();
        _host.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        // The first start migrates and loads the demo data and samples (two jurisdictions, casework with encrypted files); a
        // CI machine shared with other builds takes its time (longer still: GUANJIA_HOST_START_SECONDS).
        var wait = int.TryParse(Environment.GetEnvironmentVariable("GUANJIA_HOST_START_SECONDS"), out var secs) && secs > 0 ? secs : 420;
        var deadline = DateTime.UtcNow.AddSeconds(wait);
        while (DateTime.UtcNow < deadline)
        {
            if (_host.HasExited) throw new InvalidOperationException($"the host exited with {_host.ExitCode}:\n{HostLog}");
            try
            {
                if ((await http.GetAsync($"{BaseUrl}/healthz")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { /* not listening yet */ }
            catch (TaskCanceledException) { /* slow first start */ }
            await Task.Delay(250);
        }
        throw new TimeoutException($"the host did not answer /healthz within {wait} s:\n{HostLog}");
    }

    public string HostLog
    {
        get { lock (_log) return _log.ToString(); }
    }

    /// <summary>A fresh browser context (its own cookies) at the given viewport, Chinese by default.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 800, bool mobile = false)
    {
        var context = await Browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            IsMobile = mobile,
            HasTouch = mobile,
            DeviceScaleFactor = 1,
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        Playwright?.Dispose();
        if (_host is { HasExited: false })
        {
            _host.Kill(entireProcessTree: true);
            await _host.WaitForExitAsync();
        }
        _host?.Dispose();
        if (_dbFile is not null)
            foreach (var f in new[] { _dbFile, _dbFile + "-wal", _dbFile + "-shm" })
                try { File.Delete(f); } catch (IOException) { /* best effort */ }
    }

    private static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Guanjia.slnx"))) return dir.FullName;
        throw new InvalidOperationException("Guanjia.slnx not found above " + AppContext.BaseDirectory);
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<HostFixture>
{
    public const string Name = "browser";
}
