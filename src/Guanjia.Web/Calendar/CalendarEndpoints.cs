using Guanjia.App.Calendar;
using Guanjia.App.Common;
using Guanjia.App.Persistence;
using Guanjia.Domain.Accounts;
using Guanjia.Domain.Calendar;
using Guanjia.Web.Common;

namespace Guanjia.Web.Calendar;

public static class CalendarEndpoints
{
    public static void MapCalendar(this IEndpointRouteBuilder app)
    {
        // Reading the calendar is public: residents see the same deadlines staff do.
        var g = app.MapGroup("/api/calendar").WithTags("Calendar");
        g.MapGet("/years", (GuanjiaDb db, OfficialCalendarData shipped, CancellationToken ct) => CalendarQueries.YearsAsync(db, shipped, ct))
            .WithSummary("Years stored or shipped, each with its State Council notice and issue date and whether the city edited it (R-PL-01)");
        g.MapGet("/years/{year:int}", (int year, GuanjiaDb db, CalendarProvider cal, OfficialCalendarData shipped, CancellationToken ct) =>
            CalendarQueries.YearAsync(db, cal, shipped, year, ct)).WithSummary("A year's holidays and make-up working days, and where they come from");
        g.MapGet("/days/{date}", (string date, GuanjiaDb db, CalendarProvider cal, CancellationToken ct) =>
            CalendarQueries.DayAsync(db, cal, date, ct)).WithSummary("Whether a date is a working day");
        g.MapGet("/add", (string from, int days, string? unit, GuanjiaDb db, CalendarProvider cal, CancellationToken ct) =>
            CalendarQueries.AddAsync(db, cal, from, days, unit, ct))
            .WithSummary("Add working (default) or calendar days to a date; says when a year crossed has no notice yet");

        g.MapPut("/years/{year:int}", (int year, EditCalendar.ReplaceYear r, GuanjiaDb db, CalendarProvider cal, OfficialCalendarData shipped,
                TimeProvider clock, CancellationToken ct) => EditCalendar.ReplaceYearAsync(db, cal, shipped, clock, year, r, ct))
            .RequirePermission(Permissions.CalendarManage).WithSummary("Load or replace a year's official arrangement (marks the year edited locally)");
        g.MapPost("/years/{year:int}/restore-official", (int year, EditCalendar.Restore r, GuanjiaDb db, CalendarProvider cal,
                OfficialCalendarData shipped, TimeProvider clock, CancellationToken ct) =>
                EditCalendar.RestoreOfficialAsync(db, cal, shipped, clock, year, r, ct))
            .RequirePermission(Permissions.CalendarManage)
            .WithSummary("Put back the arrangement this release ships for the year and clear the local edit mark");
        g.MapPut("/days/{date}", (string date, EditCalendar.SetDay r, GuanjiaDb db, CalendarProvider cal, TimeProvider clock, CancellationToken ct) =>
            EditCalendar.SetDayAsync(db, cal, clock, Dates.Parse("date", date), r, ct))
            .RequirePermission(Permissions.CalendarManage).WithSummary("Correct one day (marks its year edited locally)");
        g.MapDelete("/days/{date}", (string date, string? reason, GuanjiaDb db, CalendarProvider cal, TimeProvider clock, CancellationToken ct) =>
            EditCalendar.ClearDayAsync(db, cal, clock, Dates.Parse("date", date), reason, ct))
            .RequirePermission(Permissions.CalendarManage).WithSummary("Make a day ordinary again (reason in the query)");
    }
}
