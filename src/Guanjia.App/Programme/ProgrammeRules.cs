using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;
using Guanjia.App.Persistence;
using Guanjia.Domain.Common;
using Guanjia.Domain.Jurisdictions;
using Guanjia.Domain.Programme;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Programme;

/// <summary>
/// One saved version of the programme's rule set, of one jurisdiction running 民生大莞家 (ADR 0040); never changed once
/// saved. Versions are numbered across jurisdictions, so an item's version names its rules alone.
/// </summary>
public sealed class ProgrammeRulesRecord : IJurisdictional
{
    public required string JurisdictionPath { get; set; }
    public int Version { get; set; }
    public required string RulesJson { get; set; }
    public DateTimeOffset EffectiveFrom { get; set; }
    public required string Reason { get; set; }
    public string? CreatedBy { get; set; }
}

public sealed record ProgrammeRulesView(int Version, DateTimeOffset EffectiveFrom, string Reason, string? CreatedBy, ProgrammeRuleSet Rules);

/// <summary>
/// The rule sets by version (rules as configuration). New items take the latest version of their own jurisdiction; an
/// item keeps the version it started under, so its deadlines never move under it.
/// </summary>
public sealed class ProgrammeRulesProvider
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private readonly ConcurrentDictionary<int, ProgrammeRuleSet> _byVersion = new();
    private readonly ConcurrentDictionary<string, Tuple<int, DateTimeOffset>> _latest = new(StringComparer.Ordinal);

    /// <summary>The current rules of the actor's own jurisdiction; prefer the overload naming the record's path.</summary>
    public async Task<(int Version, ProgrammeRuleSet Rules)> CurrentAsync(GuanjiaDb db, TimeProvider clock, CancellationToken ct)
    {
        var path = db.Actor.JurisdictionPath;
        if (path == Jurisdiction.All)
        {
            var roots = await db.ProgrammeRules.IgnoreQueryFilters().AsNoTracking().Select(r => r.JurisdictionPath).Distinct().Take(2).ToListAsync(ct);
            if (roots.Count != 1) throw new InvalidOperationException("Name the jurisdiction: the actor is bound to none and several run 民生大莞家");
            path = roots[0];
        }
        return await CurrentAsync(db, clock, path, ct);
    }

    /// <summary>The current rules of the jurisdiction a path (a village's, a town's) lies in.</summary>
    public async Task<(int Version, ProgrammeRuleSet Rules)> CurrentAsync(GuanjiaDb db, TimeProvider clock, string path, CancellationToken ct)
    {
        var root = Jurisdiction.RootOf(path);
        if (!_latest.TryGetValue(root, out var l) || clock.GetUtcNow() - l.Item2 > TimeSpan.FromMinutes(1))
        {
            var v = await db.ProgrammeRules.IgnoreQueryFilters().AsNoTracking().Where(r => r.JurisdictionPath == root).MaxAsync(r => (int?)r.Version, ct)
                ?? throw new Forbidden("本管辖区未开展“民生大莞家”工作，没有该项规则", "The jurisdiction does not run 民生大莞家 and has no programme rules");
            _latest[root] = l = Tuple.Create(v, clock.GetUtcNow());
        }
        return (l.Item1, await GetAsync(db, l.Item1, ct));
    }

    public async Task<ProgrammeRuleSet> GetAsync(GuanjiaDb db, int version, CancellationToken ct)
    {
        if (_byVersion.TryGetValue(version, out var r)) return r;
        var row = await db.ProgrammeRules.IgnoreQueryFilters().AsNoTracking().SingleAsync(x => x.Version == version, ct);
        r = JsonSerializer.Deserialize<ProgrammeRuleSet>(row.RulesJson, Json)!;
        _byVersion[version] = r;
        return r;
    }

    public void Invalidate(string? path = null)
    {
        if (path is null) _latest.Clear();
        else _latest.TryRemove(Jurisdiction.RootOf(path), out _);
    }

    /// <summary>
    /// Dongguan's rules for every jurisdiction running 民生大莞家 that has none yet, written at start; rules saved before
    /// there were jurisdictions (path "/") go to the first one.
    /// </summary>
    public static async Task EnsureDefaultAsync(GuanjiaDb db, TimeProvider clock, IReadOnlyList<string> livelihoodRoots, CancellationToken ct)
    {
        var orphans = await db.ProgrammeRules.IgnoreQueryFilters().Where(r => r.JurisdictionPath == Jurisdiction.All).ToListAsync(ct);
        if (orphans.Count > 0 && livelihoodRoots.Count > 0)
            foreach (var o in orphans) o.JurisdictionPath = livelihoodRoots[0];
        var have = await db.ProgrammeRules.IgnoreQueryFilters().Select(r => r.JurisdictionPath).Distinct().ToListAsync(ct);
        have.AddRange(orphans.Select(o => o.JurisdictionPath));
        var next = (await db.ProgrammeRules.IgnoreQueryFilters().MaxAsync(x => (int?)x.Version, ct) ?? 0) + 1;
        foreach (var root in livelihoodRoots.Where(r => !have.Contains(r)))
            db.ProgrammeRules.Add(new ProgrammeRulesRecord
            {
                JurisdictionPath = root,
                Version = next++,
                RulesJson = JsonSerializer.Serialize(ProgrammeRuleSet.Dongguan, Json),
                EffectiveFrom = clock.GetUtcNow(),
                Reason = "东莞市默认规则（东府办〔2020〕22号、民生微实事操作指引）",
                CreatedBy = "system",
            });
        await db.Audit("SeedProgrammeRules").SaveChangesAsync(ct);
    }
}

public static class ProgrammeRulesUseCases
{
    public sealed record Save(ProgrammeRuleSet? Rules, string? Reason);

    /// <summary>The versions of the caller's own jurisdiction (the query filter keeps the others out).</summary>
    public static async Task<IReadOnlyList<ProgrammeRulesView>> ListAsync(GuanjiaDb db, CancellationToken ct)
    {
        var rows = await db.ProgrammeRules.AsNoTracking().OrderByDescending(r => r.Version).ToListAsync(ct);
        return rows.Select(ToView).ToList();
    }

    public static async Task<ProgrammeRulesView> CurrentAsync(GuanjiaDb db, CancellationToken ct) =>
        ToView(await db.ProgrammeRules.AsNoTracking().OrderByDescending(r => r.Version).FirstOrDefaultAsync(ct)
            ?? throw new NotFound("ProgrammeRules", "本管辖区没有“民生大莞家”规则", "Your jurisdiction has no programme rules"));

    /// <summary>Saves a new version; items already running keep theirs.</summary>
    public static async Task<ProgrammeRulesView> SaveAsync(GuanjiaDb db, ProgrammeRulesProvider provider, TimeProvider clock, Save r, CancellationToken ct)
    {
        new Check().When(r.Rules is null, "rules", "required", "请提供规则", "rules is required")
            .Required("reason", r.Reason, "修改原因", "Reason").MaxLength("reason", r.Reason, 500, "修改原因", "Reason").ThrowIfFailed();
        r.Rules!.Validate();
        var jurisdiction = db.Actor.JurisdictionPath;
        var next = (await db.ProgrammeRules.IgnoreQueryFilters().MaxAsync(x => (int?)x.Version, ct) ?? 0) + 1;
        var row = new ProgrammeRulesRecord
        {
            JurisdictionPath = jurisdiction,
            Version = next,
            RulesJson = JsonSerializer.Serialize(r.Rules, ProgrammeRulesProvider.Json),
            EffectiveFrom = clock.GetUtcNow(),
            Reason = r.Reason!.Trim(),
            CreatedBy = db.Actor.Name,
        };
        db.ProgrammeRules.Add(row);
        await db.Audit("SaveProgrammeRules", r.Reason).SaveChangesAsync(ct);
        provider.Invalidate(jurisdiction);
        return ToView(row);
    }

    private static ProgrammeRulesView ToView(ProgrammeRulesRecord r) =>
        new(r.Version, r.EffectiveFrom, r.Reason, r.CreatedBy, JsonSerializer.Deserialize<ProgrammeRuleSet>(r.RulesJson, ProgrammeRulesProvider.Json)!);
}
