using Guanjia.Domain.Calendar;
using Guanjia.Domain.Jurisdictions;

namespace Guanjia.App.Calendar;

/// <summary>
/// A holiday or make-up working day as stored; weekdays and weekends need no row. Each jurisdiction keeps its own
/// calendar (loaded from the official arrangements when it is set up), so one administrator's correction moves only
/// the deadlines of their own jurisdiction (ADR 0040).
/// </summary>
public sealed class CalendarDayRecord : IJurisdictional
{
    public required string JurisdictionPath { get; set; }
    public DateOnly Date { get; set; }
    public DayKind Kind { get; set; }
    public required string Name { get; set; }
    public int Year { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// A year whose official arrangement is loaded in one jurisdiction; deadlines in other years count weekends only. It says
/// where it comes from (R-PL-01, ADR 0021): the State Council notice and the day it was issued, the fingerprint of the
/// shipped data last applied, and the mark the jurisdiction's own edits leave, which keeps a later release from
/// overwriting them.
/// </summary>
public sealed class CalendarYearRecord : IJurisdictional
{
    public required string JurisdictionPath { get; set; }
    public int Year { get; set; }
    public string? Notice { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The day the notice was issued (国务院办公厅, 国办发明电).</summary>
    public DateOnly? NoticeIssuedOn { get; set; }

    /// <summary>The content hash of the shipped data applied to this year; null when the year never came from a release.</summary>
    public string? ShippedHash { get; set; }

    /// <summary>Set by every edit of the year or one of its days; while set, a release leaves the year alone.</summary>
    public DateTimeOffset? EditedAt { get; set; }
    public string? EditedBy { get; set; }
}
