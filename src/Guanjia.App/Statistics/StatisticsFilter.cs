using System.Globalization;
using System.Linq.Expressions;
using Guanjia.App.Persistence;
using Guanjia.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Statistics;

/// <summary>The query string every statistics endpoint takes, as sent: checked here, so each bad field is named.</summary>
public sealed record StatisticsRequest(string? GroupBy, string? Year, string? From, string? To, string? TownId, string? VillageId);

/// <summary>
/// A checked statistics request: the dimensions, the period as local months (yyyyMM, inclusive) and the unit,
/// already narrowed to the caller's scope. <see cref="TownId"/> is set whenever <see cref="VillageId"/> is,
/// so every query can lead with the town column of its index.
/// </summary>
public sealed record StatisticsFilter(IReadOnlyList<string> Dimensions, int? FromMonth, int? ToMonth, Guid? TownId, Guid? VillageId, bool Nothing)
{
    public bool By(string dimension) => Dimensions.Contains(dimension);

    /// <summary>
    /// The towns of the caller's jurisdiction when the caller sees all of it (the bureau, ADR 0040): records of another
    /// jurisdiction never count, and the town column still leads the index.
    /// </summary>
    public IReadOnlyList<Guid>? JurisdictionTowns { get; init; }

    public string? From => FromMonth is { } m ? MonthText(m) : null;
    public string? To => ToMonth is { } m ? MonthText(m) : null;

    public static string MonthText(int yyyymm) => $"{yyyymm / 100:D4}-{yyyymm % 100:D2}";

    /// <summary>
    /// Checks the request against the dimensions this endpoint knows and the caller's scope (R-PL-03): a town
    /// user may name only its town, a village user only itself; naming another answers 403. Without
    /// <c>groupBy</c> the answer drills one level down: the city sees towns, a town (or a chosen town) its villages.
    /// </summary>
    public static async Task<StatisticsFilter> ParseAsync(GuanjiaDb db, StatisticsRequest r, IReadOnlyList<string> known, CancellationToken ct)
    {
        var check = new Check();
        var dims = new List<string>();
        if (!string.IsNullOrWhiteSpace(r.GroupBy))
        {
            foreach (var d in r.GroupBy.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!known.Contains(d))
                    check.Add("groupBy", "unknown_dimension", $"未知的统计维度“{d}”，可选：{string.Join("、", known)}",
                        $"Unknown dimension '{d}'; choose from {string.Join(", ", known)}");
                else if (!dims.Contains(d)) dims.Add(d);
            }
            check.When(dims.Count > 3, "groupBy", "too_many", "最多按三个维度分组", "Group by at most three dimensions");
        }
        int? from = null, to = null;
        if (!string.IsNullOrWhiteSpace(r.Year))
        {
            if (!int.TryParse(r.Year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y < 2000 || y > 2100)
                check.Add("year", "invalid", "年份应为2000至2100之间的四位数字", "Year must be a number from 2000 to 2100");
            else if (!string.IsNullOrWhiteSpace(r.From) || !string.IsNullOrWhiteSpace(r.To))
                check.Add("year", "conflict", "按年份或按起止月份筛选，二者只能选一", "Filter by year or by from/to months, not both");
            else (from, to) = (y * 100 + 1, y * 100 + 12);
        }
        else
        {
            from = Month(check, "from", r.From, "起始月份", "From");
            to = Month(check, "to", r.To, "截止月份", "To");
            check.When(from > to, "to", "before_from", "截止月份不能早于起始月份", "The 'to' month must not be before the 'from' month");
        }
        var townId = Id(check, "townId", r.TownId, "镇（街道）", "Town");
        var villageId = Id(check, "villageId", r.VillageId, "村（社区）", "Village");
        check.ThrowIfFailed();

        Guid? town = null, village = null;
        if (townId is { } t)
        {
            var org = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == t, ct);
            check.When(org is null || !org.IsTownLevel, "townId", "not_a_town", "未找到该镇（街道）", "No such town");
            town = t;
        }
        if (villageId is { } v)
        {
            var org = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == v, ct);
            if (org is null || !org.IsVillageLevel)
                check.Add("villageId", "not_a_village", "未找到该村（社区）", "No such village");
            else
            {
                check.When(town is not null && org.ParentId != town, "villageId", "not_in_town", "该村（社区）不属于所选镇（街道）",
                    "The village is not in the chosen town");
                town = org.ParentId;
            }
            village = v;
        }
        check.ThrowIfFailed();

        var scope = await ScopeAsync(db, ct);
        if (scope.Town is { } st && town is not null && town != st || scope.Village is { } sv && village is not null && village != sv)
            throw new Forbidden("所选单位不在您的管辖范围内", "The chosen unit is outside your scope");
        town ??= scope.Town;
        village ??= scope.Village;
        if (dims.Count == 0) dims.Add(town is null ? "town" : "village");
        IReadOnlyList<Guid>? towns = null;
        if (town is null && !scope.Nothing && !db.Actor.SeesEverything)
        {
            var root = db.Actor.JurisdictionPath;
            towns = await db.Organizations.AsNoTracking().Where(o => o.Path.StartsWith(root)
                && (o.Kind == Domain.Organizations.OrganizationKind.Town || o.Kind == Domain.Organizations.OrganizationKind.Street
                    || o.Kind == Domain.Organizations.OrganizationKind.Park)).Select(o => o.Id).ToListAsync(ct);
        }
        return new StatisticsFilter(dims, from, to, town, village, scope.Nothing) { JurisdictionTowns = towns };
    }

    private static int? Month(Check check, string field, string? text, string zh, string en)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d.Year is >= 2000 and <= 2100)
            return d.Year * 100 + d.Month;
        check.Add(field, "format", $"{zh}格式应为 yyyy-MM，例如 2026-03", $"{en} must be a month as yyyy-MM, e.g. 2026-03");
        return null;
    }

    private static Guid? Id(Check check, string field, string? text, string zh, string en)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (Guid.TryParse(text, out var g)) return g;
        check.Add(field, "format", $"{zh}编号格式不正确", $"{en} id is not a valid id");
        return null;
    }

    private sealed record Scope(Guid? Town, Guid? Village, bool Nothing);

    /// <summary>
    /// The caller's scope path as a unit: the whole city, one town, or one village (records carry the path of
    /// their village, and its town and village ids, so the two tests agree). Any other scope (a contractor's
    /// own organisation) contains no appeals, projects or wishes.
    /// </summary>
    private static async Task<Scope> ScopeAsync(GuanjiaDb db, CancellationToken ct)
    {
        var path = db.Actor.ScopePath;
        if (path == "/") return new Scope(null, null, false);
        var org = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Path == path, ct);
        if (org is null) return new Scope(null, null, true);
        if (org.ParentId is null) return new Scope(null, null, false);
        if (org.IsTownLevel) return new Scope(org.Id, null, false);
        if (org.IsVillageLevel) return new Scope(org.ParentId, org.Id, false);
        return new Scope(null, null, true);
    }

    /// <summary>
    /// Applies the unit and the scope as equalities on the town and village columns, which lead the statistics
    /// indexes. The path filter is dropped (IgnoreQueryFilters) only here, where these equalities say the same
    /// thing for records placed in a village, so the planner can answer from the index alone (ADR 0015).
    /// </summary>
    public IQueryable<T> Place<T>(IQueryable<T> q, Expression<Func<T, Guid>> town, Expression<Func<T, Guid>> village) where T : class
    {
        q = q.IgnoreQueryFilters();
        if (Nothing) return q.Where(_ => false);
        if (TownId is { } t) q = q.Where(Equal(town, t));
        else if (JurisdictionTowns is { } ts) q = q.Where(Expression.Lambda<Func<T, bool>>(
            Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(Guid)], Expression.Constant(ts.ToList()), town.Body), town.Parameters));
        if (VillageId is { } v) q = q.Where(Equal(village, v));
        return q;
    }

    /// <summary>The period on a yyyyMM column.</summary>
    public IQueryable<T> InPeriod<T>(IQueryable<T> q, Expression<Func<T, int>> month)
    {
        if (FromMonth is { } f) q = q.Where(Compare(month, f, Expression.GreaterThanOrEqual));
        if (ToMonth is { } t) q = q.Where(Compare(month, t, Expression.LessThanOrEqual));
        return q;
    }

    private static Expression<Func<T, bool>> Equal<T>(Expression<Func<T, Guid>> column, Guid value) =>
        Expression.Lambda<Func<T, bool>>(Expression.Equal(column.Body, Param(value)), column.Parameters);

    private static Expression<Func<T, bool>> Compare<T>(Expression<Func<T, int>> column, int value, Func<Expression, Expression, BinaryExpression> op) =>
        Expression.Lambda<Func<T, bool>>(op(column.Body, Param(value)), column.Parameters);

    /// <summary>A captured value, so EF sends a parameter (one cached plan) rather than a literal.</summary>
    private static MemberExpression Param<TValue>(TValue value) =>
        Expression.Property(Expression.Constant(new Box<TValue>(value)), nameof(Box<TValue>.Value));

    private sealed class Box<TValue>(TValue value)
    {
        public TValue Value { get; } = value;
    }
}
