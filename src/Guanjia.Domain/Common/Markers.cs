namespace Guanjia.Domain.Common;

/// <summary>
/// A record that belongs to one organisation. <see cref="ScopePath"/> is the owning organisation's
/// path in the tree (for example <c>/441900/441900003/441900003001/</c>); a user sees a record when
/// the record's path starts with the user's scope path. One mechanism in the data layer enforces it.
/// </summary>
public interface IScoped
{
    string ScopePath { get; }
}

/// <summary>Aggregates with optimistic concurrency: a lost race answers 409.</summary>
public interface IVersioned
{
    int Version { get; set; }
}

/// <summary>Property values that must never appear in clear in the audit trail or logs.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SensitiveAttribute : Attribute;

/// <summary>Entities that the audit trail does not record (the audit trail itself).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class NotAuditedAttribute : Attribute;
