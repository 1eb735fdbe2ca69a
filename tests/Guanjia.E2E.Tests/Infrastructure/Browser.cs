namespace Guanjia.E2E.Tests.Infrastructure;

/// <summary>
/// Debian's Chromium (package `chromium`), driven by Playwright through its executable path; Playwright's
/// own browser downloads are never used. Without it the browser tests skip, unless
/// GUANJIA_REQUIRE_BROWSER=1 (as in CI) makes its absence a failure.
/// </summary>
public static class Browser
{
    public static readonly string[] Args =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    public static bool Required => Environment.GetEnvironmentVariable("GUANJIA_REQUIRE_BROWSER") == "1";

    /// <summary>GUANJIA_CHROMIUM, else /usr/bin/chromium, else `chromium` on PATH; null when none exists.</summary>
    public static string? ExecutablePath { get; } = Find();

    private static string? Find()
    {
        var configured = Environment.GetEnvironmentVariable("GUANJIA_CHROMIUM");
        if (!string.IsNullOrWhiteSpace(configured)) return File.Exists(configured) ? configured : null;
        if (File.Exists("/usr/bin/chromium")) return "/usr/bin/chromium";
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, "chromium");
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    public const string MissingMessage =
        "Chromium is not installed (apt-get install -y chromium fonts-noto-cjk, or set GUANJIA_CHROMIUM)";
}

/// <summary>A browser test: skipped when Chromium is missing, unless GUANJIA_REQUIRE_BROWSER=1.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (Browser.ExecutablePath is null && !Browser.Required) Skip = Browser.MissingMessage + "; browser tests skipped";
    }
}
