using Guanjia.App.Deadlines;
using Guanjia.App.Persistence;
using Guanjia.Domain.Calendar;
using Guanjia.Domain.Common;
using Guanjia.Domain.Deadlines;
using Guanjia.Domain.Jurisdictions;
using Guanjia.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Jurisdictions;

public sealed record JurisdictionView(Guid Id, string Code, string Name, string Path, int Version, DateTimeOffset EffectiveFrom, string Reason,
    string? CreatedBy, JurisdictionRuleSet Rules, IReadOnlyList<ProgrammeView> Programmes, DateOnly? RulesLastDay);

public sealed record ProgrammeView(ProgrammeCode Code, string Zh);

public sealed record JurisdictionRulesVersionView(int Version, DateTimeOffset EffectiveFrom, string Reason, string? CreatedBy, JurisdictionRuleSet Rules);

/// <summary>
/// The caller's jurisdiction and its configuration (ADR 0040): what it runs and the numbers of its rules, saved as new
/// versions by its own administrator. Saving a rule set of 004 restarts the warning before the rules lapse (R-PS-07).
/// </summary>
public static class JurisdictionSettings
{
    public sealed record Save(JurisdictionRuleSet? Rules, string? Reason);

    public static async Task<JurisdictionView> CurrentAsync(GuanjiaDb db, JurisdictionRulesProvider provider, CancellationToken ct)
    {
        var root = await OwnRootAsync(db, ct);
        var row = await db.JurisdictionRules.AsNoTracking().Where(r => r.JurisdictionPath == root.Path).OrderByDescending(r => r.Version).FirstOrDefaultAsync(ct)
            ?? throw new NotFound("JurisdictionRules", "本管辖区尚未设置", "Your jurisdiction has no configuration yet");
        return View(root, row);
    }

    public static async Task<IReadOnlyList<JurisdictionRulesVersionView>> VersionsAsync(GuanjiaDb db, CancellationToken ct)
    {
        var root = await OwnRootAsync(db, ct);
        var rows = await db.JurisdictionRules.AsNoTracking().Where(r => r.JurisdictionPath == root.Path).OrderByDescending(r => r.Version).ToListAsync(ct);
        return rows.Select(r => new JurisdictionRulesVersionView(r.Version, r.EffectiveFrom, r.Reason, r.CreatedBy, JurisdictionRulesProvider.Read(r.RulesJson)))
            .ToList();
    }

    public static async Task<JurisdictionView> SaveAsync(GuanjiaDb db, JurisdictionRulesProvider provider, DeadlineBook deadlines, TimeProvider clock,
        Save r, CancellationToken ct)
    {
        new Check().When(r.Rules is null, "rules", "required", "请提供规则", "rules is required")
            .Required("reason", r.Reason, "修改原因", "Reason").MaxLength("reason", r.Reason, 500, "修改原因", "Reason").ThrowIfFailed();
        r.Rules!.Validate();
        var root = await OwnRootAsync(db, ct);
        var row = Add(db, root.Path, r.Rules with { Programmes = r.Rules.Programmes.Distinct().Order().ToList() }, clock.GetUtcNow(), r.Reason!.Trim(),
            db.Actor.Name, await NextVersionAsync(db, ct));
        await TrackValidityAsync(db, deadlines, clock, root, JurisdictionRulesProvider.Read(row.RulesJson), r.Reason, ct);
        await db.Audit("SaveJurisdictionRules", r.Reason).SaveChangesAsync(ct);
        provider.Invalidate(root.Path);
        return View(root, row);
    }

    /// <summary>
    /// At start: a configuration for every jurisdiction that has none (民生大莞家 and casework, as the product ran before there
    /// were several), and the R-PS-07 deadline of every jurisdiction whose rules carry a validity.
    /// </summary>
    public static async Task EnsureDefaultsAsync(GuanjiaDb db, JurisdictionRulesProvider provider, DeadlineBook deadlines, TimeProvider clock,
        CancellationToken ct)
    {
        var roots = await db.Organizations.IgnoreQueryFilters().AsNoTracking().Where(o => o.ParentId == null).OrderBy(o => o.Code).ToListAsync(ct);
        var have = await db.JurisdictionRules.IgnoreQueryFilters().Select(r => r.JurisdictionPath).Distinct().ToListAsync(ct);
        var next = await NextVersionAsync(db, ct);
        var today = ChinaTime.LocalDate(clock.GetUtcNow());
        foreach (var root in roots.Where(o => !have.Contains(o.Path)))
            Add(db, root.Path, JurisdictionRuleSet.For([ProgrammeCode.Livelihood, ProgrammeCode.CivilAffairs], today), clock.GetUtcNow(),
                "默认设置：民生大莞家与民政服务站", "system", next++);
        await db.Audit("SeedJurisdictionRules").SaveChangesAsync(ct);
        provider.Invalidate();
        foreach (var root in roots)
        {
            var current = await provider.RequireAsync(db, root.Path, ct);
            await TrackValidityAsync(db, deadlines, clock, root, current.Rules, null, ct);
        }
        await db.Audit("TrackRulesValidity").SaveChangesAsync(ct);
    }

    /// <summary>Writes a jurisdiction's first configuration (demo data, bootstrap); nothing when it has one.</summary>
    public static async Task SeedAsync(GuanjiaDb db, JurisdictionRulesProvider? provider, TimeProvider clock, Organization root, JurisdictionRuleSet rules,
        string reason, CancellationToken ct)
    {
        if (await db.JurisdictionRules.IgnoreQueryFilters().AnyAsync(r => r.JurisdictionPath == root.Path, ct)) return;
        rules.Validate();
        Add(db, root.Path, rules, clock.GetUtcNow(), reason, "system", await NextVersionAsync(db, ct));
        await db.Audit("SeedJurisdictionRules", reason).SaveChangesAsync(ct);
        provider?.Invalidate(root.Path);
    }

    /// <summary>The subject of the R-PS-07 deadline: the jurisdiction's purchase rules, kept on its root.</summary>
    public static DeadlineBook.Subject RulesSubject(Organization root) => new("JurisdictionRules", root.Id, $"{root.Name}政府购买服务实施办法", root.Path);

    /// <summary>
    /// R-PS-07: one open deadline per jurisdiction running Purchasing, due on the last day its rules are valid and warned the
    /// configured days before. A renewal (a later last day) meets it, late with the save's reason when it came after the lapse,
    /// and starts the next; a jurisdiction that stops running Purchasing has it cancelled.
    /// </summary>
    private static async Task TrackValidityAsync(GuanjiaDb db, DeadlineBook deadlines, TimeProvider clock, Organization root, JurisdictionRuleSet rules,
        string? reason, CancellationToken ct)
    {
        var open = await db.Deadlines.IgnoreQueryFilters().Where(d => d.SubjectId == root.Id && d.Obligation == Obligations.RulesRenewal && d.IsOpen)
            .ToListAsync(ct);
        open = open.Where(d => d.IsOpen).Concat(db.Deadlines.Local.Where(d => d.SubjectId == root.Id && d.Obligation == Obligations.RulesRenewal && d.IsOpen
            && db.Entry(d).State == EntityState.Added)).Distinct().ToList();
        var now = clock.GetUtcNow();
        if (!rules.Runs(ProgrammeCode.Purchasing) || rules.Validity is null)
        {
            foreach (var d in open) d.Cancel(now, "本管辖区不再开展政府购买服务");
            return;
        }
        var v = rules.Validity;
        var due = ChinaTime.EndOfDay(v.LastDay);
        if (open.Any(d => d.DueAt == due)) return;
        foreach (var d in open)
        {
            if (due > d.DueAt) d.Meet(now, now > d.DueAt ? reason?.Trim() ?? "实施办法已修订" : null);
            else d.Cancel(now, "实施办法的有效期已改");
        }
        var bureau = await BureauAsync(db, root, ct);
        var start = ChinaTime.StartOfDay(v.ValidFrom);
        deadlines.StartAt(db, Obligations.RulesRenewal, RulesSubject(root), bureau.Id, start, due, due.AddDays(-v.WarningDays));
    }

    /// <summary>The jurisdiction's civil-affairs bureau (市/区民政局): its department for civil affairs, else the root itself.</summary>
    public static async Task<Organization> BureauAsync(GuanjiaDb db, Organization root, CancellationToken ct) =>
        await db.Organizations.IgnoreQueryFilters().AsNoTracking()
            .Where(o => o.ParentId == root.Id && o.Kind == OrganizationKind.CityDepartment && o.Function == DepartmentFunction.CivilAffairs)
            .OrderBy(o => o.Code).FirstOrDefaultAsync(ct) ?? root;

    /// <summary>The root of the caller's jurisdiction; an account bound to none has no jurisdiction to read.</summary>
    public static async Task<Organization> OwnRootAsync(GuanjiaDb db, CancellationToken ct)
    {
        var path = db.Actor.JurisdictionPath;
        return path == Jurisdiction.All ? throw new NotFound("Jurisdiction", "当前账号不属于任何管辖区", "The caller belongs to no jurisdiction")
            : await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Path == path, ct)
              ?? throw new NotFound("Jurisdiction", "管辖区不存在", "The jurisdiction does not exist");
    }

    /// <summary>The root organisation of the jurisdiction a path lies in, whoever asks.</summary>
    public static async Task<Organization> RootOfAsync(GuanjiaDb db, string path, CancellationToken ct)
    {
        var root = Jurisdiction.RootOf(path);
        return await db.Organizations.IgnoreQueryFilters().AsNoTracking().SingleAsync(o => o.Path == root, ct);
    }

    private static async Task<int> NextVersionAsync(GuanjiaDb db, CancellationToken ct) =>
        Math.Max((await db.JurisdictionRules.IgnoreQueryFilters().MaxAsync(x => (int?)x.Version, ct) ?? 0),
            db.JurisdictionRules.Local.Select(x => x.Version).DefaultIfEmpty(0).Max()) + 1;

    private static JurisdictionRulesRecord Add(GuanjiaDb db, string root, JurisdictionRuleSet rules, DateTimeOffset now, string reason, string? by, int version)
    {
        var row = new JurisdictionRulesRecord
        {
            Version = version, JurisdictionPath = root, RulesJson = JurisdictionRulesProvider.Write(rules), EffectiveFrom = now, Reason = reason, CreatedBy = by,
        };
        db.JurisdictionRules.Add(row);
        return row;
    }

    private static JurisdictionView View(Organization root, JurisdictionRulesRecord row)
    {
        var rules = JurisdictionRulesProvider.Read(row.RulesJson);
        return new JurisdictionView(root.Id, root.Code, root.Name, root.Path, row.Version, row.EffectiveFrom, row.Reason, row.CreatedBy, rules,
            rules.Programmes.Select(p => new ProgrammeView(p, ProgrammeNames.Zh(p))).ToList(), rules.Validity?.LastDay);
    }
}
