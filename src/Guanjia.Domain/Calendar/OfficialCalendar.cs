using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;

namespace Guanjia.Domain.Calendar;

/// <summary>One State Council notice as shipped: its year, number, the date it was issued, and the days it sets.</summary>
public sealed record OfficialYear(int Year, string Notice, DateOnly? IssuedOn, string? Note, IReadOnlyList<CalendarDay> Days);

/// <summary>
/// A set of notices (the shipped one, or a newer file a test or a later release brings). Stored calendars are kept per
/// date-year, so a notice's New Year break that starts in December belongs to that December's year
/// (<see cref="DaysDatedIn"/>); <see cref="ContentHash"/> tells whether what a release ships for a year changed.
/// </summary>
public sealed class OfficialCalendarData
{
    private readonly Dictionary<int, OfficialYear> _years;

    public OfficialCalendarData(string source, IEnumerable<OfficialYear> years)
    {
        Source = source;
        _years = years.ToDictionary(y => y.Year);
        // Validate (duplicates, weekday make-ups, blank names) once, with the calendar's own rules.
        Calendar = new WorkingCalendar(_years.Values.SelectMany(y => y.Days), _years.Keys);
    }

    public string Source { get; }

    /// <summary>The notices, by the year they arrange, ascending.</summary>
    public IReadOnlyList<OfficialYear> Years => _years.Values.OrderBy(y => y.Year).ToList();

    public WorkingCalendar Calendar { get; }

    public OfficialYear? Year(int year) => _years.GetValueOrDefault(year);

    /// <summary>The days stored under this year: those dated in it, whichever notice sets them.</summary>
    public IReadOnlyList<CalendarDay> DaysDatedIn(int year) => Calendar.Days.Where(d => d.Date.Year == year).OrderBy(d => d.Date).ToList();

    /// <summary>A fingerprint of what this data says about a year: its notice, issue date and the days dated in it.</summary>
    public string ContentHash(int year)
    {
        var y = Year(year);
        var text = string.Join('\n', DaysDatedIn(year).Select(d => $"{d.Date:yyyy-MM-dd}|{d.Kind}|{d.Name}")
            .Prepend($"{y?.Notice}|{y?.IssuedOn:yyyy-MM-dd}"));
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
    }
}

/// <summary>
/// The State Council arrangements shipped with the code (embedded resource <c>china-holidays.json</c>).
/// Shipping them as data rather than fetching them keeps deadline arithmetic deterministic and
/// reviewable; a new year's notice is added to the JSON (and reaches existing databases on the next start,
/// ADR 0021) or entered by an admin.
/// </summary>
public static class OfficialCalendar
{
    /// <summary>File name of the embedded resource; matched as a suffix so any root namespace works.</summary>
    public const string ResourceName = "china-holidays.json";

    // A holiday span longer than this is a typo in the data (the longest so far is 10 days, 2020).
    private const int MaxSpanDays = 31;

    private static readonly Lazy<OfficialCalendarData> Data = new(() =>
    {
        using var stream = OpenResource();
        return Parse(stream);
    });

    /// <summary>What this release ships.</summary>
    public static OfficialCalendarData Shipped => Data.Value;

    /// <summary>Every holiday and make-up workday of every loaded year, ascending by date.</summary>
    public static IReadOnlyList<CalendarDay> Load() => Data.Value.Calendar.Days;

    /// <summary>The official calendar. Immutable, so the same instance is returned every time.</summary>
    public static WorkingCalendar Create() => Data.Value.Calendar;

    /// <summary>Years whose notice is in the data, ascending.</summary>
    public static IReadOnlyCollection<int> Years => Data.Value.Calendar.Years;

    /// <summary>Notice number(s) per year, for showing users where a date comes from.</summary>
    public static IReadOnlyDictionary<int, string> Notices => Data.Value.Years.ToDictionary(y => y.Year, y => y.Notice);

    /// <summary>The data's provenance statement.</summary>
    public static string Source => Data.Value.Source;

    /// <summary>Reads and checks a notices file in the shipped format (spans, years, make-up days, no date twice).</summary>
    public static OfficialCalendarData Parse(Stream stream)
    {
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

        var years = new List<OfficialYear>();
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

            var days = new List<CalendarDay>();
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

            if (entry.Issued is { } issued && issued.Year > year)
            {
                throw Malformed($"{year}: a notice issued {issued:yyyy-MM-dd} is dated after its year");
            }

            years.Add(new OfficialYear(year, entry.Notice.Trim(), entry.Issued, entry.Note, days));
        }

        return new OfficialCalendarData(file.Source ?? string.Empty, years);
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

    private sealed class FileDto
    {
        public string? Source { get; init; }

        public Dictionary<string, YearDto?>? Years { get; init; }
    }

    private sealed class YearDto
    {
        public string? Notice { get; init; }

        public DateOnly? Issued { get; init; }

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
