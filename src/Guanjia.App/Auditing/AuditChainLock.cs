using Guanjia.Domain.Common;

namespace Guanjia.App.Auditing;

/// <summary>A single row that every audited save updates first, so writers extend the chain one at a time.</summary>
[NotAudited]
public sealed class AuditChainLock
{
    public int Id { get; set; }
    public long Counter { get; set; }
}
