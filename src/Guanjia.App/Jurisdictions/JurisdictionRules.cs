using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;
using Guanjia.App.Persistence;
using Guanjia.Domain.Jurisdictions;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Jurisdictions;

/// <summary>One saved version of a jurisdiction's configuration (the programmes it runs, the numbers of its rules); never changed once saved.</summary>
public sealed class JurisdictionRulesRecord : IJurisdictional
{
    public int Version { get; set; }
    public required string JurisdictionPath { get; set; }
    public required string RulesJson { get; set; }
    public DateTimeOffset EffectiveFrom { get; set; }
    public required string Reason { get; set; }
    public string? CreatedBy { get; set; }
}

/// <summary>
/// The configuration of each jurisdiction by version (ADR 0040). The current version decides which programmes answer;
/// a contract keeps the version it was signed under, so its reporting days never move under it.
/// </summary>
public sealed class JurisdictionRulesProvider(TimeProvider clock)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<int, JurisdictionRuleSet> _byVersion = new();
    private readonly ConcurrentDictionary<string, Tuple<int?, DateTimeOffset>> _latest = new(StringComparer.Ordinal);
    private volatile Tuple<string?, DateTimeOffset>? _portal;

    /// <summary>The current version of the jurisdiction a path lies in; null when it has none (or the path is "/").</summary>
    public async Task<(int Version, JurisdictionRuleSet Rules)?> CurrentAsync(GuanjiaDb db, string path, CancellationToken ct)
    {
        var root = Jurisdiction.RootOf(path);
        if (root == Jurisdiction.All) return null;
        if (!_latest.TryGetValue(root, out var l) || clock.GetUtcNow() - l.Item2 > MaxAge)
        {
            var v = await db.JurisdictionRules.IgnoreQueryFilters().AsNoTracking().Where(r => r.JurisdictionPath == root).MaxAsync(r => (int?)r.Version, ct);
            _latest[root] = l = Tuple.Create(v, clock.GetUtcNow());
        }
        return l.Item1 is { } version ? (version, await GetAsync(db, version, ct)) : null;
    }

    /// <summary>The current rules of a record's jurisdiction; the record cannot exist without them.</summary>
    public async Task<(int Version, JurisdictionRuleSet Rules)> RequireAsync(GuanjiaDb db, string path, CancellationToken ct) =>
        await CurrentAsync(db, path, ct) ?? throw new InvalidOperationException($"The jurisdiction of {path} has no configuration");

    public async Task<JurisdictionRuleSet> GetAsync(GuanjiaDb db, int version, CancellationToken ct)
    {
        if (_byVersion.TryGetValue(version, out var r)) return r;
        var row = await db.JurisdictionRules.IgnoreQueryFilters().AsNoTracking().SingleAsync(x => x.Version == version, ct);
        r = Read(row.RulesJson);
        _byVersion[version] = r;
        return r;
    }

    /// <summary>Whether the jurisdiction a path lies in runs the programme. Callers bound to no jurisdiction ("/") are not asked.</summary>
    public async Task<bool> RunsAsync(GuanjiaDb db, string path, ProgrammeCode programme, CancellationToken ct) =>
        Jurisdiction.RootOf(path) == Jurisdiction.All || (await CurrentAsync(db, path, ct))?.Rules.Runs(programme) == true;

    /// <summary>
    /// The jurisdiction whose public portal this is when a public caller names none: the first (by code) that runs
    /// 民生大莞家, the programme the portal serves.
    /// </summary>
    public async Task<string?> PortalJurisdictionAsync(GuanjiaDb db, CancellationToken ct)
    {
        var p = _portal;
        if (p is not null && clock.GetUtcNow() - p.Item2 < MaxAge) return p.Item1;
        var roots = await db.Organizations.IgnoreQueryFilters().AsNoTracking().Where(o => o.ParentId == null).OrderBy(o => o.Code).Select(o => o.Path).ToListAsync(ct);
        string? found = null;
        foreach (var root in roots)
            if ((await CurrentAsync(db, root, ct))?.Rules.Runs(ProgrammeCode.Livelihood) == true) { found = root; break; }
        _portal = Tuple.Create(found, clock.GetUtcNow());
        return found;
    }

    /// <summary>The roots of the jurisdictions that run a programme now.</summary>
    public async Task<IReadOnlyList<string>> RootsRunningAsync(GuanjiaDb db, ProgrammeCode programme, CancellationToken ct)
    {
        var roots = await db.Organizations.IgnoreQueryFilters().AsNoTracking().Where(o => o.ParentId == null).OrderBy(o => o.Code).Select(o => o.Path).ToListAsync(ct);
        var running = new List<string>();
        foreach (var root in roots)
            if ((await CurrentAsync(db, root, ct))?.Rules.Runs(programme) == true) running.Add(root);
        return running;
    }

    public void Invalidate(string? path = null)
    {
        if (path is null) _latest.Clear();
        else _latest.TryRemove(Jurisdiction.RootOf(path), out _);
        _portal = null;
    }

    internal static JurisdictionRuleSet Read(string json) => JsonSerializer.Deserialize<JurisdictionRuleSet>(json, Json)!;

    internal static string Write(JurisdictionRuleSet rules) => JsonSerializer.Serialize(rules, Json);
}
