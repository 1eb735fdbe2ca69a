namespace Guanjia.Domain.Common;

/// <summary>
/// The last number handed out in a series of record numbers (MS2026-, MW2026-, ZD2026-). One row per series,
/// moved on by a single atomic UPDATE, so two staff creating records at the same moment get different numbers.
/// </summary>
[NotAudited]
public sealed class NumberSeries
{
    public required string Series { get; set; }
    public long LastValue { get; set; }
}
