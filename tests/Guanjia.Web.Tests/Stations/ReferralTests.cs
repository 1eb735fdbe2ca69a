using System.Net;
using System.Text.Json;
using Guanjia.Web.Tests.Infrastructure;

namespace Guanjia.Web.Tests.Stations;

/// <summary>Inclusive personal services through social-work service points, free of charge, records filed with the town (R-ST-08).</summary>
[Collection(ApiCollection.Name)]
public class ReferralTests
{
    private static string Url(string id, string step = "") => $"/api/stations/referrals/{id}{step}";

    private static object Served(StationKit k, bool free = true) =>
        new { servedFrom = k.TodayText, servedTo = k.TodayText, summary = "社工上门开展心理疏导2次，服务对象情绪好转", freeOfCharge = free };

    // R-ST-08: the head connects the resident with a point, which serves free; the head uploads the records and files them with the town.
    [Theory, BothDatabases]
    public async Task R_ST_08_a_referral_walks_from_referred_to_served_to_filed(Db db)
    {
        var k = await StationKit.StartAsync(db);
        var station = await k.StationAsync();
        var point = await k.SocialWorkPointAsync();
        var phone = Flow.Phone();
        var referral = await k.Head.PostJson("/api/stations/referrals", new
        {
            stationId = station.Str("id"), socialWorkPointId = point.Str("id"), residentName = "梁淑芬", residentPhone = phone,
            service = "FamilyRelations", need = "亲子关系紧张，希望获得家庭关系调适服务",
        }, HttpStatusCode.Created);
        var id = referral.Str("id");
        Assert.Equal("Referred", referral.Str("state"));
        Assert.Equal(point.Str("name"), referral.Str("socialWorkPointName"));
        Assert.Equal(station.Str("name"), referral.Str("stationName"));

        // Free of charge: a service that cost the resident is refused and changes nothing.
        var charged = await k.Head.PostJson(Url(id, "/served"), Served(k, free: false), HttpStatusCode.BadRequest);
        charged.ShouldNameField("freeOfCharge", "must_be_free");
        var empty = await k.Head.PostJson(Url(id, "/served"), new { }, HttpStatusCode.BadRequest);
        foreach (var field in new[] { "servedFrom", "servedTo", "summary", "freeOfCharge" }) empty.ShouldNameField(field);
        Assert.Equal("Referred", (await k.Head.GetJson(Url(id))).Str("state"));
        (await k.Head.PostJson(Url(id, "/file"), new { }, HttpStatusCode.Conflict)).ShouldBeProblem(409);

        var served = await k.Head.PostJson(Url(id, "/served"), Served(k), HttpStatusCode.OK);
        Assert.Equal("Served", served.Str("state"));
        // The records are uploaded first; without them the filing is refused.
        var noRecords = await k.Head.PostJson(Url(id, "/file"), new { version = served.GetProperty("version").GetInt32() }, HttpStatusCode.BadRequest);
        noRecords.ShouldNameField("attachments", "required");
        Assert.Equal("Served", (await k.Head.GetJson(Url(id))).Str("state"));
        await k.UploadAsync(Url(id, "/attachments"), "ServiceRecord", by: k.Head);
        (await k.Lead.GetJson(Url(id))).GetProperty("attachments").EnumerateArray().Single();

        var filed = await k.Head.PostJson(Url(id, "/file"), new { }, HttpStatusCode.OK);
        Assert.Equal("Filed", filed.Str("state"));
        Assert.NotEqual(JsonValueKind.Null, filed.GetProperty("filedAt").ValueKind);
        var inbox = await k.Lead.GetJson("/api/notifications");
        Assert.Contains(inbox.EnumerateArray(), n => n.Str("kind") == "InclusiveServiceRecords");
        var filedList = await k.Lead.GetJson($"/api/stations/referrals?state=Filed&villageId={k.VillageId}&pageSize=200");
        Assert.Contains(filedList.GetProperty("items").EnumerateArray(), r => r.Str("id") == id);
        await k.UploadAsync(Url(id, "/attachments"), "ServiceRecord", by: k.Head, expected: HttpStatusCode.Conflict);
    }

    // R-ST-08, R-PL-07: the resident's name and phone are personal data — in clear for the handling village only.
    [Theory, BothDatabases]
    public async Task R_ST_08_a_referrals_resident_phone_is_masked_for_the_deputy_and_in_public_output(Db db)
    {
        var k = await StationKit.StartAsync(db);
        var station = await k.StationAsync();
        var point = await k.SocialWorkPointAsync();
        var phone = Flow.Phone();
        const string name = "司徒嘉慧";
        var id = (await k.Head.PostJson("/api/stations/referrals", k.Referral(point.Str("id"), name, phone), HttpStatusCode.Created)).Str("id");

        var handler = await k.Village.GetJson(Url(id));
        Assert.Equal(phone, handler.Str("residentPhone"));
        Assert.Equal(name, handler.Str("residentName"));
        Assert.False(handler.GetProperty("contactsMasked").GetBoolean());

        foreach (var c in new[] { k.Deputy, k.Lead, k.City, k.Supervisor })
        {
            var seen = await c.GetJson(Url(id));
            Assert.Equal($"{phone[..3]}****{phone[^4..]}", seen.Str("residentPhone"));
            Assert.Equal("司***", seen.Str("residentName"));
            Assert.True(seen.GetProperty("contactsMasked").GetBoolean());
            Assert.DoesNotContain(name, seen.Str("need"), StringComparison.Ordinal);
            var list = await (await c.GetAsync("/api/stations/referrals?pageSize=200")).Content.ReadAsStringAsync();
            Assert.Contains(id, list, StringComparison.Ordinal);
            Assert.DoesNotContain(phone, list, StringComparison.Ordinal);
            Assert.DoesNotContain(name, list, StringComparison.Ordinal);
        }
        // The deputy reads; it does not refer or change.
        (await k.Deputy.PostJson("/api/stations/referrals", k.Referral(point.Str("id"), "某人", Flow.Phone()), HttpStatusCode.Forbidden)).ShouldBeProblem(403);
        (await k.Deputy.PostJson(Url(id, "/served"), Served(k), HttpStatusCode.Forbidden)).ShouldBeProblem(403);

        // Nowhere in public output.
        var anon = k.Host.Anonymous();
        foreach (var path in new[] { "/api/public/stations?pageSize=200", "/api/public/station-publications?pageSize=200", "/api/public/social-work-points" })
        {
            var body = await (await anon.GetAsync(path)).Content.ReadAsStringAsync();
            Assert.DoesNotContain(phone, body, StringComparison.Ordinal);
            Assert.DoesNotContain(name, body, StringComparison.Ordinal);
        }
        (await anon.GetAsync(Url(id))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        // Nor in clear in the audit trail (R-PL-04).
        var trail = await k.City.GetJson($"/api/audit?entityType=InclusiveServiceReferral&entityId={id}");
        var after = JsonDocument.Parse(trail.GetProperty("items")[0].Str("after")).RootElement;
        Assert.Equal("***", after.Str("ResidentPhone"));
        Assert.Equal("***", after.Str("ResidentName"));
    }

    // R-ST-08, R-PL-03: a referral goes to a point of the city's directory; another village neither sees nor changes it.
    [Theory, BothDatabases]
    public async Task R_ST_08_a_referral_goes_to_a_social_work_point_and_stays_in_its_village(Db db)
    {
        var k = await StationKit.StartAsync(db);
        var before = (await k.Village.GetJson("/api/stations/referrals")).GetProperty("total").GetInt32();
        var contractor = (await k.OrganizationIdsAsync("Contractor"))[0];
        var wrong = await k.Head.PostJson("/api/stations/referrals", k.Referral(contractor, "张三", Flow.Phone()), HttpStatusCode.BadRequest);
        wrong.ShouldNameField("socialWorkPointId", "not_a_social_work_point");
        var empty = await k.Head.PostJson("/api/stations/referrals", new { }, HttpStatusCode.BadRequest);
        foreach (var field in new[] { "socialWorkPointId", "residentName", "residentPhone", "service", "need" }) empty.ShouldNameField(field);
        var point = await k.SocialWorkPointAsync();
        var otherStation = await k.StationAsync(by: k.OtherVillage);
        (await k.Head.PostJson("/api/stations/referrals", new
        {
            stationId = otherStation.Str("id"), socialWorkPointId = point.Str("id"), residentName = "张三", residentPhone = Flow.Phone(),
            service = "EmploymentAid", need = "求职",
        }, HttpStatusCode.BadRequest)).ShouldNameField("stationId", "unknown_station");
        foreach (var c in new[] { k.Lead, k.City, k.Supervisor })
            (await c.PostJson("/api/stations/referrals", k.Referral(point.Str("id"), "张三", Flow.Phone()), HttpStatusCode.Forbidden)).ShouldBeProblem(403);
        Assert.Equal(before, (await k.Village.GetJson("/api/stations/referrals")).GetProperty("total").GetInt32());

        var id = (await k.Head.PostJson("/api/stations/referrals", k.Referral(point.Str("id"), "张三", Flow.Phone()), HttpStatusCode.Created)).Str("id");
        foreach (var c in new[] { k.OtherVillage, k.OtherLead })
        {
            // Another town's lead may not record service at all: 403 before the record is looked up (ADR 0032).
            var write = c == k.OtherLead ? HttpStatusCode.Forbidden : HttpStatusCode.NotFound;
            await c.GetJson(Url(id), HttpStatusCode.NotFound);
            (await c.PostJson(Url(id, "/served"), Served(k), write)).ShouldBeProblem((int)write);
        }
        await k.UploadAsync(Url(id, "/attachments"), "ServiceRecord", by: k.OtherVillage, expected: HttpStatusCode.NotFound);
        Assert.Equal("Referred", (await k.Village.GetJson(Url(id))).Str("state"));
    }

    // R-ST-08: the city keeps the directory of social-work service points (000 attachment 2); the public reads it.
    [Theory, BothDatabases]
    public async Task R_ST_08_the_city_maintains_the_social_work_point_directory_and_the_public_reads_it(Db db)
    {
        var k = await StationKit.StartAsync(db);
        var anon = k.Host.Anonymous();
        var points = (await anon.GetJson("/api/public/social-work-points?pageSize=50")).GetProperty("items").EnumerateArray().ToList();
        Assert.True(points.Count >= 9);
        Assert.All(points, p => Assert.False(string.IsNullOrEmpty(p.Str("address"))));
        var point = points[^1];
        var id = point.Str("id");
        var current = await k.City.GetJson($"/api/social-work-points/{id}");
        var save = new
        {
            services = new[] { "PsychologicalCounselling", "FamilyRelations", "HospiceCare" }, openingHours = "周一至周六 8:30-18:00", contactName = "何社工",
            contactPhone = "0769-88776655", address = current.Str("address"), note = "可预约上门服务", version = current.GetProperty("version").GetInt32(),
        };
        foreach (var c in new[] { k.Village, k.Lead, k.Head })
            (await c.PutJson($"/api/social-work-points/{id}", save, HttpStatusCode.Forbidden)).ShouldBeProblem(403);
        (await k.City.PutJson($"/api/social-work-points/{id}", new { services = Array.Empty<string>() }, HttpStatusCode.BadRequest))
            .ShouldNameField("services", "required");

        var saved = await k.City.PutJson($"/api/social-work-points/{id}", save, HttpStatusCode.OK);
        Assert.Equal(["PsychologicalCounselling", "FamilyRelations", "HospiceCare"], saved.GetProperty("services").EnumerateArray().Select(x => x.GetString()));
        (await k.City.PutJson($"/api/social-work-points/{id}", save, HttpStatusCode.Conflict)).ShouldBeProblem(409);

        var hospice = await anon.GetJson("/api/public/social-work-points?service=HospiceCare");
        var row = hospice.GetProperty("items").EnumerateArray().Single(p => p.Str("id") == id);
        Assert.Equal("何社工", row.Str("contactName"));
        Assert.Equal("0769-88776655", row.Str("phone"));
        Assert.Equal("周一至周六 8:30-18:00", row.Str("openingHours"));

        // A referral asks the point for a service it offers.
        (await k.Head.PostJson("/api/stations/referrals", k.Referral(id, "王五", Flow.Phone(), service: "EmploymentAid"), HttpStatusCode.BadRequest))
            .ShouldNameField("service", "not_offered");
        await k.Head.PostJson("/api/stations/referrals", k.Referral(id, "王五", Flow.Phone(), service: "HospiceCare"), HttpStatusCode.Created);
    }
}

internal static class StatusAssertions
{
    public static void ShouldBe(this HttpStatusCode actual, HttpStatusCode expected) => Assert.Equal(expected, actual);
}
