using Guanjia.App.Calendar;
using Guanjia.App.Common;
using Guanjia.App.Jurisdictions;
using Guanjia.App.Persistence;
using Guanjia.Domain.Accounts;
using Guanjia.Domain.Calendar;
using Guanjia.Web.Common;

namespace Guanjia.Web.Calendar;

public static class CalendarEndpoints
{
    public static void MapCalendar(this IEndpointRouteBuilder app)
    {
        // Reading the calendar is public: residents see the same deadlines staff do. Signed-in callers read their own
        // jurisdiction's calendar; the public may name one by its code (ADR 0040).
        var g = app.MapGroup("/api/calendar").WithTags("Calendar");
        g.MapGet("/years", async (string? jurisdiction, GuanjiaDb db, OfficialCalendarData shipped, JurisdictionRulesProvider rules, CancellationToken ct) =>
                await CalendarQueries.YearsAsync(db, shipped, await CalendarQueries.JurisdictionAsync(db, rules, jurisdiction, ct), ct))
            .WithSummary("Years stored or shipped, each with its State Council notice and issue date and whether the jurisdiction edited it (R-PL-01)");
        g.MapGet("/years/{year:int}", async (int year, string? jurisdiction, GuanjiaDb db, CalendarProvider cal, OfficialCalendarData shipped,
                JurisdictionRulesProvider rules, CancellationToken ct) =>
                await CalendarQueries.YearAsync(db, cal, shipped, await CalendarQueries.JurisdictionAsync(db, rules, jurisdiction, ct), year, ct))
            .WithSummary("A year's holidays and make-up working days, and where they come from");
        g.MapGet("/days/{date}", async (string date, string? jurisdiction, GuanjiaDb db, CalendarProvider cal, JurisdictionRulesProvider rules,
                CancellationToken ct) => await CalendarQueries.DayAsync(db, cal, await CalendarQueries.JurisdictionAsync(db, rules, jurisdiction, ct), date, ct))
            .WithSummary("Whether a date is a working day");
        g.MapGet("/add", async (string from, int days, string? unit, string? jurisdiction, GuanjiaDb db, CalendarProvider cal,
                JurisdictionRulesProvider rules, CancellationToken ct) =>
                await CalendarQueries.AddAsync(db, cal, await CalendarQueries.JurisdictionAsync(db, rules, jurisdiction, ct), from, days, unit, ct))
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
