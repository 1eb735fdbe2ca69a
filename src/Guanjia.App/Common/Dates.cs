using System.Globalization;
using Guanjia.Domain.Common;

namespace Guanjia.App.Common;

/// <summary>Parses dates from query strings and routes with a field-level error instead of a bare 400.</summary>
public static class Dates
{
    public static DateOnly Parse(string field, string? value)
    {
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            return d;
        throw new ValidationFailed(field, "invalid_date",
            $"日期格式不正确：“{value}”，应为 yyyy-MM-dd", $"'{value}' is not a valid date (expected yyyy-MM-dd)");
    }

    public static DateOnly? ParseOptional(string field, string? value) =>
        string.IsNullOrEmpty(value) ? null : Parse(field, value);
}
