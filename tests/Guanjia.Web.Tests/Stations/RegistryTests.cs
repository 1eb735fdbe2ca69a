using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Guanjia.Web.Tests.Infrastructure;

namespace Guanjia.Web.Tests.Stations;

/// <summary>The station registry: at least one per village, its head and contact, published citywide (R-ST-01, R-ST-02, R-ST-06).</summary>
[Collection(ApiCollection.Name)]
public class RegistryTests
{
    private static List<string> Ids(JsonElement list, string property) =>
        list.GetProperty(property).EnumerateArray().Select(v => v.Str("villageId")).ToList();

    // R-ST-01: "每个村（社区）至少打造一个莞家驿站" — the report lists a village until it has an active station.
    [Theory, BothDatabases]
    public async Task R_ST_01_the_no_station_report_lists_a_village_until_it_gets_one(Db db)
    {
        var k = await StationKit.StartAsync(db);
        // A village no other test touches, with a worker of its own created by the town.
        var village = (await k.Lead.GetJson($"/api/organizations?parentId={k.TownId}&q=樟村")).GetProperty("items")[0];
        var villageId = village.Str("id");
        var userName = Http.Unique("zhangcun.");
        await k.Lead.PostJson("/api/users", new
        {
            userName, displayName = "樟村社区工作人员", role = "VillageStaff", organizationId = villageId, password = "Demo@2026x",
        }, HttpStatusCode.Created);
        var worker = await k.Host.SignIn(userName, "Demo@2026x");

        var town = await k.Lead.GetJson($"/api/stations/coverage?townId={k.TownId}");
        Assert.Contains(villageId, Ids(town, "villagesWithoutStation"));
        Assert.Contains(villageId, Ids(await k.City.GetJson("/api/stations/coverage"), "villagesWithoutStation"));
        Assert.All(town.GetProperty("perVillage").EnumerateArray(), v => Assert.Equal(k.TownId, v.Str("townId")));

        var station = await k.StationAsync(worker, name: "樟村社区莞家驿站");
        Assert.Equal(villageId, station.Str("villageId"));
        Assert.Equal(k.TownId, station.Str("townId"));
        var after = await k.Lead.GetJson($"/api/stations/coverage?townId={k.TownId}");
        Assert.DoesNotContain(villageId, Ids(after, "villagesWithoutStation"));
        Assert.Equal(1, after.GetProperty("perVillage").EnumerateArray().Single(v => v.Str("villageId") == villageId).GetProperty("activeStations").GetInt32());
        Assert.Equal(town.GetProperty("villagesWithStation").GetInt32() + 1, after.GetProperty("villagesWithStation").GetInt32());
        var dongcheng = after.GetProperty("towns").EnumerateArray().Single(t => t.Str("townId") == k.TownId);
        Assert.Equal(after.GetProperty("villages").GetInt32(), dongcheng.GetProperty("villages").GetInt32());
        Assert.DoesNotContain(villageId, Ids(await k.City.GetJson("/api/stations/coverage"), "villagesWithoutStation"));

        // A station that stops running no longer counts.
        var closed = await worker.PutJson($"/api/stations/{station.Str("id")}", new
        {
            name = "樟村社区莞家驿站", hostPlatform = "PartyMassServiceCenter", address = "樟村社区党群服务中心", headName = "黄志强", headPhone = "0769-22334455",
            serviceForms = new[] { "Venue" }, isActive = false, version = station.GetProperty("version").GetInt32(), reason = "场地改造，暂停运行",
        }, HttpStatusCode.OK);
        Assert.False(closed.GetProperty("isActive").GetBoolean());
        Assert.Contains(villageId, Ids(await k.Lead.GetJson($"/api/stations/coverage?townId={k.TownId}"), "villagesWithoutStation"));
    }

    // R-ST-01, R-PL-03: a town reads only its own villages; the coverage of another town is 404.
    [Theory, BothDatabases]
    public async Task R_ST_01_the_coverage_report_stays_in_the_callers_scope(Db db)
    {
        var k = await StationKit.StartAsync(db);
        (await k.OtherLead.GetJson($"/api/stations/coverage?townId={k.TownId}", HttpStatusCode.NotFound)).ShouldBeProblem(404);
        var own = await k.OtherLead.GetJson("/api/stations/coverage");
        Assert.DoesNotContain(own.GetProperty("perVillage").EnumerateArray(), v => v.Str("townId") == k.TownId);
        Assert.Single(own.GetProperty("towns").EnumerateArray());
        var village = await k.Village.GetJson("/api/stations/coverage");
        Assert.Equal(k.VillageId, village.GetProperty("perVillage").EnumerateArray().Single().Str("villageId"));
        (await k.City.GetJson($"/api/stations/coverage?townId={k.VillageId}", HttpStatusCode.NotFound)).ShouldBeProblem(404);
    }

    // R-ST-01: built on an existing platform, with one community worker as its head.
    [Theory, BothDatabases]
    public async Task R_ST_01_a_station_needs_its_host_platform_place_and_head(Db db)
    {
        var k = await StationKit.StartAsync(db);
        var before = (await k.Village.GetJson("/api/stations?pageSize=200")).GetProperty("total").GetInt32();

        var empty = await k.Village.PostJson("/api/stations", new { }, HttpStatusCode.BadRequest);
        foreach (var field in new[] { "name", "hostPlatform", "address", "headName", "headPhone", "serviceForms" })
            empty.ShouldNameField(field);
        var other = await k.Village.PostJson("/api/stations", new
        {
            name = "岗贝驿站", hostPlatform = "Other", address = "岗贝社区", headName = "黄志强", headPhone = "打电话给我", serviceForms = new[] { "Venue" },
        }, HttpStatusCode.BadRequest);
        other.ShouldNameField("hostPlatformOther", "required");
        other.ShouldNameField("headPhone", "invalid");
        var badOperator = await k.Village.PostJson("/api/stations", StationKit.Station(operatorId: k.VillageId), HttpStatusCode.BadRequest);
        badOperator.ShouldNameField("operatorId", "not_an_operator");
        (await k.Village.PostJson("/api/stations", new { name = "x", hostPlatform = "Palace" }, HttpStatusCode.BadRequest)).ShouldNameField("hostPlatform");

        Assert.Equal(before, (await k.Village.GetJson("/api/stations?pageSize=200")).GetProperty("total").GetInt32());
        var made = await k.StationAsync(by: k.Head);
        Assert.Equal("PartyMassServiceCenter", made.Str("hostPlatform"));
        Assert.Equal("“阳光雨”党群服务中心", made.Str("hostPlatformZh"));
        Assert.Equal("黄志强", made.Str("headName"));
        Assert.Equal(before + 1, (await k.Village.GetJson("/api/stations?pageSize=200")).GetProperty("total").GetInt32());
    }

    // R-ST-01, R-PL-03: the village registers its stations; the city and the town supervise and read.
    [Theory, BothDatabases]
    public async Task R_ST_01_only_the_village_registers_its_stations(Db db)
    {
        var k = await StationKit.StartAsync(db);
        var name = Http.Unique("不应登记的驿站");
        foreach (var c in new[] { k.City, k.Lead, k.Deputy, k.Supervisor })
            (await c.PostJson("/api/stations", StationKit.Station(name), HttpStatusCode.Forbidden)).ShouldBeProblem(403);
        var listed = await k.City.GetJson($"/api/stations?q={Uri.EscapeDataString(name)}");
        Assert.Equal(0, listed.GetProperty("total").GetInt32());
    }

    // R-ST-01, R-PL-03: nobody sees or changes another village's or town's station.
    [Theory, BothDatabases]
    public async Task R_ST_01_another_village_or_town_neither_sees_nor_changes_a_station(Db db)
    {
        var k = await StationKit.StartAsync(db);
        var s = await k.StationAsync();
        var id = s.Str("id");
        var edit = new
        {
            name = "改名", hostPlatform = "Other", hostPlatformOther = "某平台", address = "某地", headName = "某人", headPhone = "13800000000",
            serviceForms = new[] { "Venue" }, isActive = false, version = s.GetProperty("version").GetInt32(),
        };
        foreach (var c in new[] { k.OtherVillage, k.OtherLead })
        {
            // Another village's staff may manage stations, but not this one: 404. Another town's lead may not manage any: 403 before
            // the record is looked up (ADR 0032), which tells nothing either.
            var write = c == k.OtherLead ? HttpStatusCode.Forbidden : HttpStatusCode.NotFound;
            await c.GetJson($"/api/stations/{id}", HttpStatusCode.NotFound);
            (await c.PutJson($"/api/stations/{id}", edit, write)).ShouldBeProblem((int)write);
            Assert.DoesNotContain((await c.GetJson("/api/stations?pageSize=200")).GetProperty("items").EnumerateArray(), x => x.Str("id") == id);
            await c.PostJson($"/api/stations/{id}/items", k.Item(), write);
        }
        // The town lead and the deputy read it; neither edits it.
        await k.Lead.GetJson($"/api/stations/{id}");
        await k.Deputy.GetJson($"/api/stations/{id}");
        (await k.Lead.PutJson($"/api/stations/{id}", edit, HttpStatusCode.Forbidden)).ShouldBeProblem(403);
        var unchanged = await k.Village.GetJson($"/api/stations/{id}");
        Assert.Equal(s.Str("name"), unchanged.Str("name"));
        Assert.True(unchanged.GetProperty("isActive").GetBoolean());
        Assert.Equal(s.GetProperty("version").GetInt32(), unchanged.GetProperty("version").GetInt32());
    }

    // R-ST-01: an edit carries the version it read; a stale one loses with 409 and changes nothing.
    [Theory, BothDatabases]
    public async Task R_ST_01_a_stale_edit_of_a_station_is_a_conflict(Db db)
    {
        var k = await StationKit.StartAsync(db);
        var s = await k.StationAsync();
        var id = s.Str("id");
        object Edit(string name, int? version) => new
        {
            name, hostPlatform = "CommunityServiceCenter", address = "岗贝社区综合服务中心", headName = "黄志强", headPhone = "0769-22334455",
            serviceForms = new[] { "Venue", "ServiceTeam" }, isActive = true, version,
        };
        var v = s.GetProperty("version").GetInt32();
        (await k.Village.PutJson($"/api/stations/{id}", Edit("无版本", null), HttpStatusCode.BadRequest)).ShouldNameField("version", "required");
        var first = await k.Head.PutJson($"/api/stations/{id}", Edit("岗贝社区综合服务中心驿站", v), HttpStatusCode.OK);
        Assert.Equal(v + 1, first.GetProperty("version").GetInt32());
        (await k.Village.PutJson($"/api/stations/{id}", Edit("迟到的修改", v), HttpStatusCode.Conflict)).ShouldBeProblem(409);
        var now = await k.Village.GetJson($"/api/stations/{id}");
        Assert.Equal("岗贝社区综合服务中心驿站", now.Str("name"));
        Assert.Equal(["Venue", "ServiceTeam"], now.GetProperty("serviceForms").EnumerateArray().Select(x => x.GetString()));
    }

    // R-ST-02: the town collects place, head and contact; the city publishes them citywide.
    [Theory, BothDatabases]
    public async Task R_ST_02_the_public_directory_lists_active_stations_with_place_head_and_contact(Db db)
    {
        var k = await StationKit.StartAsync(db);
        var operatorId = (await k.OrganizationIdsAsync("Contractor"))[0];
        var s = await k.StationAsync(operatorId: operatorId);
        var anon = k.Host.Anonymous();
        var list = await anon.GetJson($"/api/public/stations?villageId={k.VillageId}&pageSize=200");
        var row = list.GetProperty("items").EnumerateArray().Single(x => x.Str("id") == s.Str("id"));
        Assert.Equal("东城街道", row.Str("townName"));
        Assert.Equal(s.Str("villageName"), row.Str("villageName"));
        Assert.Equal("东城街道岗贝社区党群服务中心一楼", row.Str("address"));
        Assert.Equal("黄志强", row.Str("headName"));
        Assert.Equal("0769-22334455", row.Str("headPhone"));
        Assert.Equal("周一至周五 9:00-17:30", row.Str("openingHours"));
        Assert.Equal(s.Str("operatorName"), row.Str("operatorName"));
        Assert.Equal(3, row.GetProperty("serviceForms").GetArrayLength());
        Assert.False(row.TryGetProperty("version", out _));

        // By town, citywide; a station that stops running leaves the directory.
        var byTown = await anon.GetJson($"/api/public/stations?townId={k.TownId}&pageSize=200");
        Assert.Contains(byTown.GetProperty("items").EnumerateArray(), x => x.Str("id") == s.Str("id"));
        await k.Village.PutJson($"/api/stations/{s.Str("id")}", new
        {
            name = s.Str("name"), hostPlatform = "PartyMassServiceCenter", address = "东城街道岗贝社区党群服务中心一楼", headName = "黄志强",
            headPhone = "0769-22334455", serviceForms = new[] { "Venue" }, isActive = false, version = s.GetProperty("version").GetInt32(),
        }, HttpStatusCode.OK);
        var after = await anon.GetJson($"/api/public/stations?villageId={k.VillageId}&pageSize=200");
        Assert.DoesNotContain(after.GetProperty("items").EnumerateArray(), x => x.Str("id") == s.Str("id"));
    }

    // R-ST-02: the public directory is rate-limited like every /api/public endpoint.
    [Fact]
    public async Task R_ST_02_the_public_directory_is_rate_limited()
    {
        using var host = new LimitedHost();
        var anon = host.Anonymous();
        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++) codes.Add((await anon.GetAsync("/api/public/stations")).StatusCode);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], codes);
        var body = await (await anon.GetAsync("/api/public/social-work-points")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("rate_limited", body.Str("code"));
    }

    // R-ST-06: venue, service team, resource linking — the three forms are stored, and items use what the station offers.
    [Theory, BothDatabases]
    public async Task R_ST_06_a_station_stores_the_three_service_forms_and_items_use_them(Db db)
    {
        var k = await StationKit.StartAsync(db);
        var all = await k.StationAsync();
        Assert.Equal(["Venue", "ServiceTeam", "ResourceLinking"], all.GetProperty("serviceForms").EnumerateArray().Select(x => x.GetString()));
        var fetched = await k.Lead.GetJson($"/api/stations/{all.Str("id")}");
        Assert.Equal(3, fetched.GetProperty("serviceForms").GetArrayLength());

        var venueOnly = await k.StationAsync(forms: ["Venue"]);
        var before = await k.ItemCountAsync(venueOnly.Str("id"));
        var team = await k.Village.PostJson($"/api/stations/{venueOnly.Str("id")}/items", k.Item(forms: ["ServiceTeam"]), HttpStatusCode.BadRequest);
        team.ShouldNameField("serviceForms", "not_offered");
        var none = await k.Village.PostJson($"/api/stations/{venueOnly.Str("id")}/items", k.Item(forms: []), HttpStatusCode.BadRequest);
        none.ShouldNameField("serviceForms", "required");
        Assert.Equal(before, await k.ItemCountAsync(venueOnly.Str("id")));

        // Linking social resources says which: money, donated goods, shared venues.
        var linking = await k.Village.PostJson($"/api/stations/{all.Str("id")}/items", k.Item(forms: ["ResourceLinking"]), HttpStatusCode.BadRequest);
        linking.ShouldNameField("linkedResources", "required");
        var item = await k.Village.PostJson($"/api/stations/{all.Str("id")}/items", new
        {
            title = "爱心企业捐赠长者午餐", year = k.Today.Year, consultedOn = k.TodayText, mode = "Free",
            serviceForms = new[] { "Venue", "ServiceTeam", "ResourceLinking" }, linkedResources = new[] { "Funding", "DonatedGoods", "SharedVenue" },
        }, HttpStatusCode.Created);
        Assert.Equal(["Venue", "ServiceTeam", "ResourceLinking"], item.GetProperty("serviceForms").EnumerateArray().Select(x => x.GetString()));
        Assert.Equal(["Funding", "DonatedGoods", "SharedVenue"], item.GetProperty("linkedResources").EnumerateArray().Select(x => x.GetString()));
        var read = await k.Deputy.GetJson($"/api/stations/items/{item.Str("id")}");
        Assert.Equal(3, read.GetProperty("serviceForms").GetArrayLength());
    }

    private sealed class LimitedHost() : TestHost(Db.Sqlite)
    {
        protected override int RateLimitPerMinute => 3;
    }
}

internal static class ProblemAssertions
{
    public static void ShouldBeProblem(this JsonElement problem, int status)
    {
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.Str("title")));
    }
}
