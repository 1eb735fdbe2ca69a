namespace Guanjia.Domain.Calendar;

/// <summary>How an official notice overrides the plain Monday–Friday rule for one date.</summary>
public enum DayKind
{
    /// <summary>放假: a day off, even when it falls on a weekday.</summary>
    Holiday = 1,

    /// <summary>调休上班: a Saturday or Sunday worked to make up for a holiday.</summary>
    MakeUpWorkday = 2,
}
