using System.Text;
using Guanjia.Domain.Calendar;

namespace Guanjia.Domain.Tests.Calendar;

/// <summary>R-PL-01: the shipped notices say where each year comes from, and a release can tell whether a year changed.</summary>
public class OfficialCalendarDataTests
{
    private static OfficialCalendarData Parse(string json) => OfficialCalendar.Parse(new MemoryStream(Encoding.UTF8.GetBytes(json)));

    [Fact]
    public void R_PL_01_every_shipped_year_names_its_notice_and_the_day_it_was_issued()
    {
        var years = OfficialCalendar.Shipped.Years;
        Assert.Equal(Enumerable.Range(2020, 7), years.Select(y => y.Year));
        Assert.All(years, y => Assert.StartsWith("国办发明电〔", y.Notice, StringComparison.Ordinal));
        Assert.All(years, y => Assert.True(y.IssuedOn is { } d && d.Year is var issued && issued >= y.Year - 1 && issued <= y.Year));
        Assert.Equal(new DateOnly(2024, 11, 12), OfficialCalendar.Shipped.Year(2025)!.IssuedOn);
        Assert.Equal(new DateOnly(2025, 11, 4), OfficialCalendar.Shipped.Year(2026)!.IssuedOn);
    }

    [Fact]
    public void R_PL_01_a_year_is_stored_by_the_dates_in_it_even_when_the_next_notice_sets_them()
    {
        // The 2023 notice's New Year break starts on 2022-12-31: stored, edited and fingerprinted with 2022.
        Assert.Contains(OfficialCalendar.Shipped.DaysDatedIn(2022), d => d.Date == new DateOnly(2022, 12, 31));
        Assert.DoesNotContain(OfficialCalendar.Shipped.DaysDatedIn(2023), d => d.Date.Year != 2023);
    }

    [Fact]
    public void R_PL_01_the_fingerprint_of_a_year_changes_with_its_days_or_its_notice_and_only_then()
    {
        const string one = """{ "years": { "2030": { "notice": "A", "issued": "2029-11-01", "holidays": [ { "name": "元旦", "from": "2030-01-01", "to": "2030-01-01" } ] } } }""";
        var a = Parse(one);
        Assert.Equal(a.ContentHash(2030), Parse(one).ContentHash(2030));
        Assert.NotEqual(a.ContentHash(2030), Parse(one.Replace("2030-01-01\" }", "2030-01-02\" }", StringComparison.Ordinal)).ContentHash(2030));
        Assert.NotEqual(a.ContentHash(2030), Parse(one.Replace("\"A\"", "\"B\"", StringComparison.Ordinal)).ContentHash(2030));
        Assert.NotEqual(a.ContentHash(2030), Parse(one.Replace("2029-11-01", "2029-11-02", StringComparison.Ordinal)).ContentHash(2030));
    }

    [Fact]
    public void R_PL_01_a_notice_dated_after_its_year_is_refused()
    {
        var e = Assert.Throws<InvalidOperationException>(() =>
            Parse("""{ "years": { "2030": { "notice": "A", "issued": "2031-01-05", "holidays": [] } } }"""));
        Assert.Contains("after its year", e.Message, StringComparison.Ordinal);
    }
}
