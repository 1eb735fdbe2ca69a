using System;

namespace Guanjia.Domain.Calendar;

/// <summary>
/// One date that deviates from the Monday–Friday rule. <paramref name="Name"/> is the festival
/// as the notice names it (e.g. "春节"); a make-up workday carries the name of the holiday it
/// makes up for, and a merged break keeps the notice's merged name (e.g. "国庆节、中秋节").
/// </summary>
public sealed record CalendarDay(DateOnly Date, DayKind Kind, string Name);
