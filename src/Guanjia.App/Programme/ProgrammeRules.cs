using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;
using Guanjia.App.Persistence;
using Guanjia.Domain.Common;
using Guanjia.Domain.Programme;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Programme;

/// <summary>One saved version of the programme's rule set; never changed once saved.</summary>
public sealed class ProgrammeRulesRecord
{
    public int Version { get; set; }
    public required string RulesJson { get; set; }
    public DateTimeOffset EffectiveFrom { get; set; }
    public required string Reason { get; set; }
    public string? CreatedBy { get; set; }
}

public sealed record ProgrammeRulesView(int Version, DateTimeOffset EffectiveFrom, string Reason, string? CreatedBy, ProgrammeRuleSet Rules);

/// <summary>
/// The rule sets by version (rules as configuration). New items take the latest version; an item keeps
/// the version it started under, so its deadlines never move under it.
/// </summary>
public sealed class ProgrammeRulesProvider
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private readonly ConcurrentDictionary<int, ProgrammeRuleSet> _byVersion = new();
    private volatile Tuple<int, DateTimeOffset>? _latest;

    public async Task<(int Version, ProgrammeRuleSet Rules)> CurrentAsync(GuanjiaDb db, TimeProvider clock, CancellationToken ct)
    {
        var l = _latest;
        if (l is null || clock.GetUtcNow() - l.Item2 > TimeSpan.FromMinutes(1))
        {
            var v = await db.ProgrammeRules.AsNoTracking().MaxAsync(r => (int?)r.Version, ct)
                ?? throw new InvalidOperationException("No programme rules: the database was not prepared");
            _latest = l = Tuple.Create(v, clock.GetUtcNow());
        }
        return (l.Item1, await GetAsync(db, l.Item1, ct));
    }

    public async Task<ProgrammeRuleSet> GetAsync(GuanjiaDb db, int version, CancellationToken ct)
    {
        if (_byVersion.TryGetValue(version, out var r)) return r;
        var row = await db.ProgrammeRules.AsNoTracking().SingleAsync(x => x.Version == version, ct);
        r = JsonSerializer.Deserialize<ProgrammeRuleSet>(row.RulesJson, Json)!;
        _byVersion[version] = r;
        return r;
    }

    public void Invalidate() => _latest = null;

    /// <summary>Version 1 is Dongguan's rules, written at first start.</summary>
    public static async Task EnsureDefaultAsync(GuanjiaDb db, TimeProvider clock, CancellationToken ct)
    {
        if (await db.ProgrammeRules.AnyAsync(ct)) return;
        db.ProgrammeRules.Add(new ProgrammeRulesRecord
        {
            Version = 1,
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

    public static async Task<IReadOnlyList<ProgrammeRulesView>> ListAsync(GuanjiaDb db, CancellationToken ct)
    {
        var rows = await db.ProgrammeRules.AsNoTracking().OrderByDescending(r => r.Version).ToListAsync(ct);
        return rows.Select(ToView).ToList();
    }

    public static async Task<ProgrammeRulesView> CurrentAsync(GuanjiaDb db, CancellationToken ct) =>
        ToView(await db.ProgrammeRules.AsNoTracking().OrderByDescending(r => r.Version).FirstAsync(ct));

    /// <summary>Saves a new version; items already running keep theirs.</summary>
    public static async Task<ProgrammeRulesView> SaveAsync(GuanjiaDb db, ProgrammeRulesProvider provider, TimeProvider clock, Save r, CancellationToken ct)
    {
        new Check().When(r.Rules is null, "rules", "required", "请提供规则", "rules is required")
            .Required("reason", r.Reason, "修改原因", "Reason").MaxLength("reason", r.Reason, 500, "修改原因", "Reason").ThrowIfFailed();
        r.Rules!.Validate();
        var next = (await db.ProgrammeRules.MaxAsync(x => (int?)x.Version, ct) ?? 0) + 1;
        var row = new ProgrammeRulesRecord
        {
            Version = next,
            RulesJson = JsonSerializer.Serialize(r.Rules, ProgrammeRulesProvider.Json),
            EffectiveFrom = clock.GetUtcNow(),
            Reason = r.Reason!.Trim(),
            CreatedBy = db.Actor.Name,
        };
        db.ProgrammeRules.Add(row);
        await db.Audit("SaveProgrammeRules", r.Reason).SaveChangesAsync(ct);
        provider.Invalidate();
        return ToView(row);
    }

    private static ProgrammeRulesView ToView(ProgrammeRulesRecord r) =>
        new(r.Version, r.EffectiveFrom, r.Reason, r.CreatedBy, JsonSerializer.Deserialize<ProgrammeRuleSet>(r.RulesJson, ProgrammeRulesProvider.Json)!);
}
