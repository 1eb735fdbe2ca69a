using System.Net;
using System.Text.Json;
using Guanjia.Web.Tests.Documents;
using Guanjia.Web.Tests.Infrastructure;

namespace Guanjia.Web.Tests.Purchasing;

/// <summary>
/// Issue 14 §8 (R-PS-04, R-CA-03, R-PS-05, R-PS-06): the bureau's figures per station next to those per package — workers in post
/// against the jurisdiction's ratio, training compliance, and the station's contract's reports, evaluation and open rectifications —
/// in the JSON and on the second sheet of figures.xlsx.
/// </summary>
[Collection(ApiCollection.Name)]
public class StationFiguresTests
{
    /// <summary>A street, town or zone of 瑶海区 with no station yet.</summary>
    private static async Task<string> FreeTownAsync(HttpClient bureau)
    {
        var taken = (await bureau.GetJson("/api/civil-affairs/stations")).EnumerateArray().Select(s => s.Str("townId")).ToHashSet();
        foreach (var kind in new[] { "Street", "Town", "Park" })
            foreach (var o in (await bureau.GetJson($"/api/organizations?kind={kind}&pageSize=50")).GetProperty("items").EnumerateArray())
                if (!taken.Contains(o.Str("id"))) return o.Str("id");
        throw new InvalidOperationException("No free town left in 瑶海区");
    }

    private static async Task<JsonElement> WorkerAsync(PurchasingKit k, string stationId, string employerId) =>
        await k.Bureau.PostJson("/api/civil-affairs/staff", new
        {
            role = "Worker", stationId, employerId, name = Http.Unique("站点社工"), phone = "13912345678",
            birthDate = k.Today.AddYears(-30).ToString("yyyy-MM-dd"), education = "Bachelor", localHukou = true, hiredByOpenExam = true, socialInsurance = true,
        }, HttpStatusCode.Created);

    private static async Task TrainAsync(PurchasingKit k, string staffId, decimal hours, string kind, DateOnly on) =>
        await k.Bureau.PostJson($"/api/civil-affairs/staff/{staffId}/training", new { on = on.ToString("yyyy-MM-dd"), hours, kind, topic = "社会救助政策与个案工作" },
            HttpStatusCode.Created);

    private static async Task<JsonElement> StationRowAsync(PurchasingKit k, string stationId) =>
        (await k.Bureau.GetJson("/api/purchasing/figures")).GetProperty("stations").EnumerateArray().Single(s => s.Str("stationId") == stationId);

    private static async Task<JsonElement> CoverAsync(PurchasingKit k, string stationId, IEnumerable<string> communities)
    {
        var profile = await k.Bureau.GetJson($"/api/civil-affairs/stations/{stationId}/profile");
        return await k.Bureau.PutJson($"/api/civil-affairs/stations/{stationId}/profile",
            new { version = profile.GetProperty("version").GetInt32(), communityIds = communities }, HttpStatusCode.OK);
    }

    [Theory, BothDatabases]
    public async Task R_PS_04_R_CA_03_a_station_one_worker_short_shows_short_and_its_training_compliance_is_counted(Db db)
    {
        var k = await PurchasingKit.StartAsync(db);
        var townId = await FreeTownAsync(k.Bureau);
        var station = await k.Bureau.PostJson("/api/civil-affairs/stations", new { townId, kind = "SocialServiceWorkstation" }, HttpStatusCode.Created);
        var sid = station.Str("id");
        var communities = (await k.Bureau.GetJson($"/api/organizations?parentId={townId}&kind=Community&pageSize=50")).GetProperty("items")
            .EnumerateArray().Select(o => o.Str("id")).ToList();
        Assert.True(communities.Count >= 4);
        var employer = (await k.Bureau.GetJson("/api/organizations?kind=Contractor&pageSize=5")).GetProperty("items")[0].Str("id");

        // 3 communities at 1 worker per 1.5 need 2 workers: with 2 in post the station is at the ratio, not short.
        await CoverAsync(k, sid, communities.Take(3));
        var trained = (await WorkerAsync(k, sid, employer)).Str("id");
        var untrained = (await WorkerAsync(k, sid, employer)).Str("id");
        var row = await StationRowAsync(k, sid);
        Assert.Equal(3, row.GetProperty("communities").GetInt32());
        Assert.Equal(1.5m, row.GetProperty("communitiesPerWorker").GetDecimal());
        Assert.Equal(2, row.GetProperty("workersNeeded").GetInt32());
        Assert.Equal(2, row.GetProperty("workersInPost").GetInt32());
        Assert.False(row.GetProperty("short").GetBoolean());
        Assert.Equal(0, row.GetProperty("workersShort").GetInt32());

        // 4 communities need ⌈4 / 1.5⌉ = 3: one worker short.
        await CoverAsync(k, sid, communities.Take(4));
        row = await StationRowAsync(k, sid);
        Assert.Equal(3, row.GetProperty("workersNeeded").GetInt32());
        Assert.True(row.GetProperty("short").GetBoolean());
        Assert.Equal(1, row.GetProperty("workersShort").GetInt32());

        // R-CA-03: 25.5 + 14.5 pre-job hours make the 40; 39.5 do not. Continuing hours count this Beijing year only: 60 this year
        // complete it, 50 this year and 30 last year do not.
        Assert.Equal(0, row.GetProperty("preJobTrained").GetInt32());
        Assert.Equal(2, row.GetProperty("continuingShort").GetInt32());
        var today = k.Today;
        await TrainAsync(k, trained, 25.5m, "PreJob", today);
        await TrainAsync(k, trained, 14.5m, "PreJob", today);
        await TrainAsync(k, untrained, 39.5m, "PreJob", today);
        await TrainAsync(k, trained, 60m, "Continuing", today);
        await TrainAsync(k, untrained, 50m, "Continuing", today);
        await TrainAsync(k, untrained, 30m, "Continuing", today.AddYears(-1));
        row = await StationRowAsync(k, sid);
        Assert.Equal(1, row.GetProperty("preJobTrained").GetInt32());
        Assert.Equal(40, row.GetProperty("preJobRequiredHours").GetInt32());
        Assert.Equal(1, row.GetProperty("continuingShort").GetInt32());
        Assert.Equal(60, row.GetProperty("continuingRequiredHours").GetInt32());
        Assert.Equal(today.Year, row.GetProperty("continuingYear").GetInt32());

        // The station answers to the contract whose package covers its town: its open rectification is the station's.
        var (contract, _, _) = await k.SignedAsync(townId: townId);
        await k.Bureau.PostJson($"/api/purchasing/contracts/{contract.Str("id")}/inspections", new
        {
            body = "CivilAffairs", inspectedOn = today.ToString("yyyy-MM-dd"), summary = "站点检查",
            findings = new[] { new { description = "服务台账不全", dueOn = today.AddDays(10).ToString("yyyy-MM-dd") } },
        }, HttpStatusCode.Created);
        row = await StationRowAsync(k, sid);
        Assert.Equal(contract.Str("number"), row.Str("contractNumber"));
        Assert.Equal(1, row.GetProperty("rectificationsOpen").GetInt32());
        Assert.Equal(JsonValueKind.Null, row.GetProperty("evaluationScore").ValueKind);

        // The second sheet of figures.xlsx carries the station, short by one.
        var xlsx = await k.Bureau.GetAsync("/api/purchasing/figures.xlsx");
        var sheet = FileReader.XlsxSheets(await xlsx.Content.ReadAsByteArrayAsync())["服务站一览表"];
        var line = sheet.Single(r => r.Contains(station.Str("name")));
        Assert.Contains("缺1人", line);
        Assert.Contains("1/2", line);
        Assert.Contains(contract.Str("number"), line);
    }
}
