using Guanjia.App.Calendar;
using Guanjia.App.Common;
using Guanjia.App.Jurisdictions;
using Guanjia.App.Persistence;
using Guanjia.Domain.Accounts;
using Guanjia.Web.Common;

namespace Guanjia.Web.Calendar;

public static class CalendarEndpoints
{
    public static void MapCalendar(this IEndpointRouteBuilder app)
    {
        // Reading the calendar is public: residents see the same deadlines staff do. Signed-in callers read their own
        // jurisdiction's calendar; the public may name one by its code (ADR 0040).
        var g = app.MapGroup("/api/calendar").WithTags("Calendar");
        g.MapGet("/years", async (string? jurisdiction, GuanjiaDb db, JurisdictionRulesProvider rules, CancellationToken ct) =>
                await CalendarQueries.YearsAsync(db, await CalendarQueries.JurisdictionAsync(db, rules, jurisdiction, ct), ct))
            .WithSummary("Years whose official holiday arrangement is loaded");
        g.MapGet("/years/{year:int}", async (int year, string? jurisdiction, GuanjiaDb db, CalendarProvider cal, JurisdictionRulesProvider rules,
                CancellationToken ct) => await CalendarQueries.YearAsync(db, cal, await CalendarQueries.JurisdictionAsync(db, rules, jurisdiction, ct), year, ct))
            .WithSummary("A year's holidays and make-up working days");
        g.MapGet("/days/{date}", async (string date, string? jurisdiction, GuanjiaDb db, CalendarProvider cal, JurisdictionRulesProvider rules,
                CancellationToken ct) => await CalendarQueries.DayAsync(db, cal, await CalendarQueries.JurisdictionAsync(db, rules, jurisdiction, ct), date, ct))
            .WithSummary("Whether a date is a working day");
        g.MapGet("/add", async (string from, int days, string? unit, string? jurisdiction, GuanjiaDb db, CalendarProvider cal,
                JurisdictionRulesProvider rules, CancellationToken ct) =>
                await CalendarQueries.AddAsync(db, cal, await CalendarQueries.JurisdictionAsync(db, rules, jurisdiction, ct), from, days, unit, ct))
            .WithSummary("Add working (default) or calendar days to a date");

        g.MapPut("/years/{year:int}", (int year, EditCalendar.ReplaceYear r, GuanjiaDb db, CalendarProvider cal, TimeProvider clock, CancellationToken ct) =>
            EditCalendar.ReplaceYearAsync(db, cal, clock, year, r, ct))
            .RequirePermission(Permissions.CalendarManage).WithSummary("Load or replace a year's official arrangement");
        g.MapPut("/days/{date}", (string date, EditCalendar.SetDay r, GuanjiaDb db, CalendarProvider cal, TimeProvider clock, CancellationToken ct) =>
            EditCalendar.SetDayAsync(db, cal, clock, Dates.Parse("date", date), r, ct))
            .RequirePermission(Permissions.CalendarManage).WithSummary("Correct one day");
        g.MapDelete("/days/{date}", (string date, string? reason, GuanjiaDb db, CalendarProvider cal, CancellationToken ct) =>
            EditCalendar.ClearDayAsync(db, cal, Dates.Parse("date", date), reason, ct))
            .RequirePermission(Permissions.CalendarManage).WithSummary("Make a day ordinary again (reason in the query)");
    }
}
