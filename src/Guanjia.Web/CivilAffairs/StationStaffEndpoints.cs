using Guanjia.App.CivilAffairs;
using Guanjia.App.Persistence;
using Guanjia.Domain.Accounts;
using Guanjia.Domain.CivilAffairs;
using Guanjia.Web.Common;

namespace Guanjia.Web.CivilAffairs;

/// <summary>
/// Issue 14 part C (ADR 0042): a station's profile and public page (R-CA-01, R-CA-14), the roster and the training ledger (R-CA-02,
/// R-CA-03, R-PS-04), activities and publicity (R-CA-10, R-CA-11, R-CA-14). Who may write is decided in the use cases: the city or the
/// town (casework) or the bureau (purchasing).
/// </summary>
public static class StationStaffEndpoints
{
    public static void MapStationStaff(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/civil-affairs").WithTags("CivilAffairs").RequireAuthorization();

        g.MapGet("/stations/{id:guid}/profile", (Guid id, GuanjiaDb db, CaseworkServices s, CancellationToken ct) => StationProfiles.GetAsync(db, s, id, ct))
            .RequirePermission(Permissions.CaseworkRead)
            .WithSummary("A station's profile: contractor, venue, services, communities covered, brand project, staffing against the ratio (R-PS-04)");
        g.MapPut("/stations/{id:guid}/profile", (Guid id, StationProfiles.Update r, GuanjiaDb db, CaseworkServices s, CancellationToken ct) =>
                StationProfiles.UpdateAsync(db, s, id, r, ct))
            .RequirePermission(Permissions.CaseworkRead)
            .WithSummary("Edit the profile; a name not in the required form is refused (R-CA-01); version (city, town or bureau)");

        g.MapGet("/staff", (GuanjiaDb db, CaseworkServices s, Guid? stationId, Guid? packageId, CancellationToken ct) =>
                StaffRoster.ListAsync(db, s, stationId, packageId, ct))
            .RequirePermission(Permissions.CaseworkRead)
            .WithSummary("The roster of a station or package: general requirements and exceptions, pre-job hours, this year's continuing education (R-CA-02, R-CA-03)");
        g.MapGet("/staff/{id:guid}", (Guid id, GuanjiaDb db, CaseworkServices s, CancellationToken ct) => StaffRoster.GetAsync(db, s, id, ct))
            .RequirePermission(Permissions.CaseworkRead);
        g.MapPost("/staff", async (StaffRoster.Add r, GuanjiaDb db, CaseworkServices s, CancellationToken ct) =>
            {
                var v = await StaffRoster.AddAsync(db, s, r, ct);
                return TypedResults.Created($"/api/civil-affairs/staff/{v.Id}", v);
            })
            .RequirePermission(Permissions.CaseworkRead)
            .WithSummary("Put a worker, project manager or supervisor on the roster; a missed general requirement needs its reason (R-CA-02, R-PS-04)");
        g.MapGet("/staff/{id:guid}/training", (Guid id, GuanjiaDb db, CancellationToken ct) => StaffRoster.TrainingAsync(db, id, ct))
            .RequirePermission(Permissions.CaseworkRead).WithSummary("The person's training ledger (R-CA-03)");
        g.MapPost("/staff/{id:guid}/training", async (Guid id, StaffRoster.AddTraining r, GuanjiaDb db, CaseworkServices s, CancellationToken ct) =>
            {
                var v = await StaffRoster.AddTrainingAsync(db, s, id, r, ct);
                return TypedResults.Created($"/api/civil-affairs/staff/{id}/training", v);
            })
            .RequirePermission(Permissions.CaseworkRead).WithSummary("Record training: date, hours, pre-job or continuing, topic (R-CA-03)");

        g.MapGet("/staffing.xlsx", async (GuanjiaDb db, CaseworkServices s, Guid? stationId, CancellationToken ct) =>
            {
                var f = await StaffingTable.ExcelAsync(db, s, stationId, ct);
                return TypedResults.File(f.Bytes, f.ContentType, f.FileName);
            })
            .RequirePermission(Permissions.CaseworkRead)
            .WithSummary("The staffing and training table (人员配备与培训台账) of a station or of every station in scope, as Excel (R-CA-02, R-CA-03, R-PS-04)");

        g.MapGet("/stations/{id:guid}/activities", (Guid id, GuanjiaDb db, ActivityKind? kind, DateOnly? from, DateOnly? to, CancellationToken ct) =>
                StationActivities.ListAsync(db, id, kind, from, to, ct))
            .RequirePermission(Permissions.CaseworkRead).WithSummary("Plans, monthly focus, weekly activities, publicity, news, capacity building (R-CA-10, R-CA-11, R-CA-14)");
        g.MapPost("/stations/{id:guid}/activities", async (Guid id, StationActivities.Record r, GuanjiaDb db, CaseworkServices s, CancellationToken ct) =>
            {
                var v = await StationActivities.RecordAsync(db, s, id, r, ct);
                return TypedResults.Created($"/api/civil-affairs/stations/{id}/activities", v);
            })
            .RequirePermission(Permissions.CaseworkRead).WithSummary("Record a plan, focus, activity, policy publicity or news report; publicity meets its deadline row (R-CA-11)");
        g.MapGet("/stations/{id:guid}/publicity", (Guid id, GuanjiaDb db, CaseworkServices s, CancellationToken ct) =>
                StationActivities.PublicityAsync(db, s, id, ct))
            .RequirePermission(Permissions.CaseworkRead).WithSummary("The station's publicity deadlines: monthly policy publicity, yearly news reports (R-CA-11)");

        // The public page of each station: no account, rate-limited like the other /api/public endpoints.
        var pub = app.MapGroup("/api/public").WithTags("Public").AllowAnonymous().RequireRateLimiting(RateLimits.Public);
        pub.MapGet("/civil-affairs-stations", (GuanjiaDb db, string? jurisdiction, CancellationToken ct) => StationProfiles.PublicListAsync(db, jurisdiction, ct))
            .WithSummary("The active civil-affairs stations and workstations (of a jurisdiction by its code)");
        pub.MapGet("/civil-affairs-stations/{id:guid}", (Guid id, GuanjiaDb db, TimeProvider clock, CancellationToken ct) =>
                StationProfiles.PublicAsync(db, clock, id, ct))
            .WithSummary("A station's public page: staff names, contacts, services, venue use, complaint channel, process, this week's activities (R-CA-01, R-CA-14)");
    }
}
