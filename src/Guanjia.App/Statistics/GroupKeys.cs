using System.Linq.Expressions;

namespace Guanjia.App.Statistics;

/// <summary>One dimension a statistics query may group by: the key's property and the column it reads.</summary>
public sealed record Dimension(string Name, string KeyMember, LambdaExpression Column);

/// <summary>
/// Builds the GROUP BY key <c>e =&gt; new TKey { Town = e.TownId, Month = e.ReceivedMonth }</c> from the chosen
/// dimensions only, so the SQL groups by exactly those columns (unchosen key members stay null).
/// </summary>
public static class GroupKeys
{
    public static Dimension Dim<T, TValue>(string name, string keyMember, Expression<Func<T, TValue>> column) => new(name, keyMember, column);

    public static Expression<Func<T, TKey>> For<T, TKey>(StatisticsFilter f, IReadOnlyList<Dimension> dims) where TKey : new()
    {
        var p = Expression.Parameter(typeof(T), "e");
        var binds = new List<MemberBinding>();
        foreach (var d in dims.Where(d => f.By(d.Name)))
        {
            var prop = typeof(TKey).GetProperty(d.KeyMember) ?? throw new InvalidOperationException($"{typeof(TKey).Name} has no {d.KeyMember}");
            Expression body = new Rebind(d.Column.Parameters[0], p).Visit(d.Column.Body);
            if (body.Type != prop.PropertyType) body = Expression.Convert(body, prop.PropertyType);
            binds.Add(Expression.Bind(prop, body));
        }
        return Expression.Lambda<Func<T, TKey>>(Expression.MemberInit(Expression.New(typeof(TKey)), binds), p);
    }

    public static string[] Names(IReadOnlyList<Dimension> dims) => dims.Select(d => d.Name).ToArray();

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
