using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Guanjia.Domain.Common;

namespace Guanjia.Web.Common;

/// <summary>
/// One bound for every date the API reads (ADR 0033): years 1900 to 2100. Nothing the programme records (a birth, a
/// meeting, a deadline, a token's expiry) lies outside it, and dates outside it overflowed into 500s (0001-01-01 at
/// Beijing time is before the first instant; 9999-12-31 has no next day). JSON bodies: the converters below; query
/// strings and route values: <see cref="UseGuanjiaDateBounds"/>. Either answers 400 <c>validation</c> naming the field
/// with <c>date_out_of_range</c>.
/// </summary>
public static class DateBounds
{
    public const int FirstYear = 1900;
    public const int LastYear = 2100;
    public const string Marker = "date_out_of_range";

    public static bool Within(int year) => year is >= FirstYear and <= LastYear;

    public static FieldError Error(string field) => new(field, Marker, $"“{field}”的日期须在{FirstYear}年至{LastYear}年之间",
        $"'{field}' must be a date between {FirstYear} and {LastYear}");

    public static void AddDateBounds(this JsonSerializerOptions o)
    {
        o.Converters.Add(new Bounded<DateOnly>(d => d.Year));
        o.Converters.Add(new Bounded<DateTimeOffset>(d => d.Year));
        o.Converters.Add(new Bounded<DateTime>(d => d.Year));
    }

    private sealed class Bounded<T>(Func<T, int> year) : JsonConverter<T> where T : struct
    {
        private static readonly JsonConverter<T> Default = (JsonConverter<T>)JsonSerializerOptions.Default.GetConverter(typeof(T));

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            // Year 1 at a positive offset is before the first instant: the default reader fails on it with a generic message.
            if (reader.TokenType == JsonTokenType.String && DateShaped.Match(reader.GetString() ?? "") is { Success: true } m
                && !(int.TryParse(m.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && Within(y)))
                throw new JsonException(Marker);
            var value = Default.Read(ref reader, typeToConvert, options);
            return Within(year(value)) ? value : throw new JsonException(Marker);
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => Default.Write(writer, value, options);
    }

    private static readonly System.Text.RegularExpressions.Regex DateShaped = new(@"^\s*(\d{4,})-\d{1,2}-\d{1,2}", System.Text.RegularExpressions.RegexOptions.Compiled);

    /// <summary>A query-string or route value that reads as a date (yyyy-MM-dd…) outside the bound is refused before the endpoint runs.</summary>
    public static IApplicationBuilder UseGuanjiaDateBounds(this IApplicationBuilder app) => app.Use(next => async http =>
    {
        var values = http.Request.Query.SelectMany(q => q.Value.Select(v => (q.Key, Value: v)))
            .Concat(http.Request.RouteValues.Select(r => (r.Key, Value: r.Value as string)));
        // NUL in a filter: PostgreSQL's text cannot hold it (500 found by the fuzzing test); nothing means it.
        var nul = values.Where(v => v.Value?.Contains('\0', StringComparison.Ordinal) == true).Select(v => v.Key).Distinct().ToList();
        if (nul.Count > 0)
        {
            var problem = ProblemHandler.Validation(nul.Select(k => new FieldError(k, "invalid_character", $"“{k}”含有不允许的字符",
                $"'{k}' contains a character that is not allowed")).ToList());
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
            return;
        }
        var bad = values.Where(v => v.Value is not null && DateShaped.Match(v.Value) is { Success: true } m
                && !(int.TryParse(m.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && Within(y)))
            .Select(v => v.Key).Distinct().ToList();
        if (bad.Count > 0)
        {
            var pd = ProblemHandler.Validation(bad.Select(Error).ToList());
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = pd });
            return;
        }
        await next(http);
    });
}
