using System.Net;
using Guanjia.Web.Tests.Infrastructure;

namespace Guanjia.Web.Tests.Calendar;

/// <summary>R-PL-01 through the API: the shipped data, deadline arithmetic, and the administrator's edits.</summary>
[Collection(ApiCollection.Name)]
public class CalendarApiTests
{
    [Theory, BothDatabases]
    public async Task R_PL_01_the_official_years_ship_with_the_system(Db db)
    {
        var host = TestHost.For(db);
        var anon = host.Anonymous();
        var years = (await anon.GetJson("/api/calendar/years")).EnumerateArray().Select(y => y.GetProperty("year").GetInt32()).ToList();
        // Other tests on the shared host may add a year of their own (2041); the shipped ones are all there.
        Assert.Equal(Enumerable.Range(2020, 7), years.Where(y => y <= 2026));
        Assert.True((await anon.GetJson("/api/calendar/days/2024-02-04")).GetProperty("isWorkingDay").GetBoolean());
        Assert.True((await anon.GetJson("/api/calendar/days/2024-02-18")).GetProperty("isWorkingDay").GetBoolean());
        for (var d = 1; d <= 7; d++)
            Assert.False((await anon.GetJson($"/api/calendar/days/2024-10-0{d}")).GetProperty("isWorkingDay").GetBoolean());
        Assert.Equal("MakeUpWorkday", (await anon.GetJson("/api/calendar/days/2025-01-26")).Str("kind"));
        Assert.Equal("MakeUpWorkday", (await anon.GetJson("/api/calendar/days/2025-02-08")).Str("kind"));
        var y2024 = await anon.GetJson("/api/calendar/years/2024");
        Assert.True(y2024.GetProperty("officialDataLoaded").GetBoolean());
    }

    [Theory, BothDatabases]
    public async Task R_PL_01_working_days_skip_weekends_and_holidays_and_count_make_up_days(Db db)
    {
        var host = TestHost.For(db);
        var anon = host.Anonymous();
        // Friday before the 2024 Spring Festival: the next working day is the make-up Sunday 2024-02-18.
        Assert.Equal("2024-02-18", (await anon.GetJson("/api/calendar/add?from=2024-02-09&days=1")).Str("result"));
        // 5 working days from Monday 2024-09-30 jump the National Day week and count the make-up Saturday 10-12.
        Assert.Equal("2024-10-12", (await anon.GetJson("/api/calendar/add?from=2024-09-30&days=5")).Str("result"));
        Assert.Equal("2024-10-06", (await anon.GetJson("/api/calendar/add?from=2024-09-30&days=6&unit=calendar")).Str("result"));
        (await anon.GetJson("/api/calendar/add?from=2024-02-30&days=1", HttpStatusCode.BadRequest)).ShouldNameField("from", "invalid_date");
        (await anon.GetJson("/api/calendar/add?from=2024-02-01&days=1&unit=weeks", HttpStatusCode.BadRequest)).ShouldNameField("unit");
        (await anon.GetJson("/api/calendar/days/yesterday", HttpStatusCode.BadRequest)).ShouldNameField("date", "invalid_date");
    }

    [Theory, BothDatabases]
    public async Task R_PL_01_the_city_adds_a_year_and_later_deadlines_use_it(Db db)
    {
        var host = TestHost.For(db);
        var city = await host.SignIn("city.admin");
        var year = db == Db.Sqlite ? 2041 : 2042;
        var from = $"{year}-01-31"; // a Thursday in 2041, a Friday in 2042
        var before = (await city.GetJson($"/api/calendar/add?from={from}&days=1")).Str("result");
        Assert.False((await city.GetJson($"/api/calendar/years/{year}")).GetProperty("officialDataLoaded").GetBoolean());

        var next = DateOnly.Parse(before, System.Globalization.CultureInfo.InvariantCulture);
        await city.PutJson($"/api/calendar/years/{year}", new
        {
            notice = "测试通知",
            reason = "录入当年国务院通知",
            days = new object[] { new { date = $"{next:yyyy-MM-dd}", kind = "Holiday", name = "春节" } },
        }, HttpStatusCode.OK);
        var after = (await city.GetJson($"/api/calendar/add?from={from}&days=1")).Str("result");
        Assert.NotEqual(before, after);
        Assert.True((await city.GetJson($"/api/calendar/years/{year}")).GetProperty("officialDataLoaded").GetBoolean());

        // A single-day correction, then undoing it.
        var saturday = Enumerable.Range(1, 7).Select(i => new DateOnly(year, 3, i)).First(d => d.DayOfWeek == DayOfWeek.Saturday);
        await city.PutJson($"/api/calendar/days/{saturday:yyyy-MM-dd}", new { kind = "MakeUpWorkday", name = "调休", reason = "更正" }, HttpStatusCode.OK);
        Assert.True((await city.GetJson($"/api/calendar/days/{saturday:yyyy-MM-dd}")).GetProperty("isWorkingDay").GetBoolean());
        Assert.False((await (await city.DeleteAsync($"/api/calendar/days/{saturday:yyyy-MM-dd}?reason=撤销")).Json(HttpStatusCode.OK)).GetProperty("isWorkingDay").GetBoolean());

        var trail = await city.GetJson("/api/audit?entityType=CalendarDayRecord&pageSize=10");
        Assert.Contains(trail.GetProperty("items").EnumerateArray(), a => a.Str("action") == "ReplaceCalendarYear" && a.Str("reason") == "录入当年国务院通知");
    }

    [Theory, BothDatabases]
    public async Task R_PL_01_a_self_contradicting_edit_is_refused_and_changes_nothing(Db db)
    {
        var host = TestHost.For(db);
        var city = await host.SignIn("city.admin");
        var before = await city.GetJson("/api/calendar/years/2025");

        var p = await city.PutJson("/api/calendar/years/2025", new
        {
            notice = "错误", reason = "测试",
            days = new object[]
            {
                new { date = "2025-10-01", kind = "Holiday", name = "国庆节" },
                new { date = "2025-10-01", kind = "MakeUpWorkday", name = "国庆节" }, // the same day twice
                new { date = "2025-10-09", kind = "MakeUpWorkday", name = "国庆节" }, // a Thursday cannot be a make-up day
                new { date = "2026-01-01", kind = "Holiday", name = "元旦" },          // not in 2025
                new { date = "2025-02-30", kind = "Holiday", name = "春节" },          // no such day
            },
        }, HttpStatusCode.BadRequest);
        p.ShouldNameField("days[1].date", "duplicate");
        p.ShouldNameField("days[2].kind", "contradiction");
        p.ShouldNameField("days[3].date", "wrong_year");
        p.ShouldNameField("days[4].date", "invalid_date");
        (await city.PutJson("/api/calendar/days/2025-10-09", new { kind = "MakeUpWorkday", name = "x", reason = "r" }, HttpStatusCode.BadRequest))
            .ShouldNameField("kind", "contradiction");
        (await city.PutJson("/api/calendar/days/2025-10-11", new { kind = "MakeUpWorkday", name = "国庆节" }, HttpStatusCode.BadRequest))
            .ShouldNameField("reason", "required");

        var after = await city.GetJson("/api/calendar/years/2025");
        Assert.Equal(before.GetProperty("days").ToString(), after.GetProperty("days").ToString());
    }

    [Theory, BothDatabases]
    public async Task R_PL_01_only_the_city_edits_the_calendar(Db db)
    {
        var host = TestHost.For(db);
        var town = await host.SignIn("dongcheng.lead");
        var res = await town.PutAsync("/api/calendar/days/2043-03-07", System.Net.Http.Json.JsonContent.Create(new { kind = "MakeUpWorkday", name = "x", reason = "r" }));
        Assert.Equal(HttpStatusCode.Forbidden, res.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Anonymous().PutAsync("/api/calendar/days/2043-03-07",
            System.Net.Http.Json.JsonContent.Create(new { kind = "MakeUpWorkday", name = "x", reason = "r" }))).StatusCode);
    }
}
