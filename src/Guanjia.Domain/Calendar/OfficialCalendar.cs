using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;

namespace Guanjia.Domain.Calendar;

/// <summary>
/// The State Council arrangements shipped with the code (embedded resource <c>china-holidays.json</c>).
/// Shipping them as data rather than fetching them keeps deadline arithmetic deterministic and
/// reviewable; a new year's notice is added to the JSON or entered by an admin.
/// </summary>
public static class OfficialCalendar
{
    /// <summary>File name of the embedded resource; matched as a suffix so any root namespace works.</summary>
    public const string ResourceName = "china-holidays.json";

    // A holiday span longer than this is a typo in the data (the longest so far is 10 days, 2020).
    private const int MaxSpanDays = 31;

    private static readonly Lazy<Dataset> Data = new(ReadDataset);
    private static readonly Lazy<WorkingCalendar> Calendar = new(() => new WorkingCalendar(Data.Value.Days, Data.Value.Years));

    /// <summary>Every holiday and make-up workday of every loaded year, ascending by date.</summary>
    public static IReadOnlyList<CalendarDay> Load() => Data.Value.Days;

    /// <summary>The official calendar. Immutable, so the same instance is returned every time.</summary>
    public static WorkingCalendar Create() => Calendar.Value;

    /// <summary>Years whose notice is in the data, ascending.</summary>
    public static IReadOnlyCollection<int> Years => Data.Value.Years;

    /// <summary>Notice number(s) per year, for showing users where a date comes from.</summary>
    public static IReadOnlyDictionary<int, string> Notices => Data.Value.Notices;

    /// <summary>The data's provenance statement.</summary>
    public static string Source => Data.Value.Source;

    private static Dataset ReadDataset()
    {
        using var stream = OpenResource();
        FileDto file;
        try
        {
            file = JsonSerializer.Deserialize<FileDto>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web))
                ?? throw Malformed("the document is empty");
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"{ResourceName} is not valid JSON: {ex.Message}", ex);
        }

        if (file.Years is null || file.Years.Count == 0)
        {
            throw Malformed("it lists no years");
        }

        var days = new List<CalendarDay>();
        var notices = new Dictionary<int, string>();
        foreach (var (key, entry) in file.Years)
        {
            if (!int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
            {
                throw Malformed($"\"{key}\" is not a year");
            }

            if (entry is null || string.IsNullOrWhiteSpace(entry.Notice))
            {
                throw Malformed($"{year} has no notice number");
            }

            notices.Add(year, entry.Notice);
            foreach (var span in entry.Holidays ?? [])
            {
                if (span.From is not { } from || span.To is not { } to || to < from || to.DayNumber - from.DayNumber >= MaxSpanDays)
                {
                    throw Malformed($"{year} {span.Name}: bad holiday span {span.From}..{span.To}");
                }

                for (var date = from; date <= to; date = date.AddDays(1))
                {
                    RequireWithinNotice(year, date, span.Name);
                    days.Add(new CalendarDay(date, DayKind.Holiday, span.Name ?? string.Empty));
                }
            }

            foreach (var workday in entry.MakeUpWorkdays ?? [])
            {
                if (workday.Date is not { } date)
                {
                    throw Malformed($"{year} {workday.Name}: make-up workday without a date");
                }

                RequireWithinNotice(year, date, workday.Name);
                days.Add(new CalendarDay(date, DayKind.MakeUpWorkday, workday.Name ?? string.Empty));
            }
        }

        // Validate (duplicates, weekday make-ups, blank names) once, with the calendar's own rules.
        var calendar = new WorkingCalendar(days, notices.Keys);
        return new Dataset(
            file.Source ?? string.Empty,
            calendar.Days,
            calendar.Years,
            notices.ToFrozenDictionary());
    }

    // A notice covers its own year, and its New Year break may start in the previous December
    // (the 2023 notice starts on 2022-12-31). Anything else is a typo in the year.
    private static void RequireWithinNotice(int year, DateOnly date, string? name)
    {
        if (date.Year != year && !(date.Year == year - 1 && date.Month == 12))
        {
            throw Malformed($"{year} {name}: {date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} lies outside that notice's year");
        }
    }

    private static Stream OpenResource()
    {
        var assembly = typeof(OfficialCalendar).Assembly;
        var names = assembly.GetManifestResourceNames();
        var name = names.FirstOrDefault(n => n == ResourceName)
            ?? names.SingleOrDefault(n => n.EndsWith("." + ResourceName, StringComparison.Ordinal))
            ?? throw new InvalidOperationException(
                $"Embedded resource {ResourceName} was not found in {assembly.GetName().Name}; " +
                "add it to the project as an EmbeddedResource.");
        return assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource {name} could not be opened.");
    }

    private static InvalidOperationException Malformed(string reason) =>
        new($"{ResourceName} is malformed: {reason}.");

    private sealed record Dataset(
        string Source,
        IReadOnlyList<CalendarDay> Days,
        IReadOnlyCollection<int> Years,
        IReadOnlyDictionary<int, string> Notices);

    private sealed class FileDto
    {
        public string? Source { get; init; }

        public Dictionary<string, YearDto?>? Years { get; init; }
    }

    private sealed class YearDto
    {
        public string? Notice { get; init; }

        public string? Note { get; init; }

        public List<SpanDto>? Holidays { get; init; }

        public List<WorkdayDto>? MakeUpWorkdays { get; init; }
    }

    private sealed class SpanDto
    {
        public string? Name { get; init; }

        public DateOnly? From { get; init; }

        public DateOnly? To { get; init; }
    }

    private sealed class WorkdayDto
    {
        public string? Name { get; init; }

        public DateOnly? Date { get; init; }
    }
}
