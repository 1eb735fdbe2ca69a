using System.Net;
using System.Text.Json;
using Guanjia.Web.Tests.Infrastructure;

namespace Guanjia.Web.Tests.Stations;

/// <summary>The three operating modes and their conditions (R-ST-03), and no double operation (R-ST-04).</summary>
[Collection(ApiCollection.Name)]
public class OperatingModeTests
{
    private static string Url(JsonElement station) => $"/api/stations/{station.Str("id")}/items";

    // R-ST-03: free service uses existing, nearby or volunteer resources and costs nothing extra.
    [Theory, BothDatabases]
    public async Task R_ST_03_free_service_costs_nothing_extra(Db db)
    {
        var k = await StationKit.StartAsync(db);
        var s = await k.StationAsync();
        var refused = await k.Village.PostJson(Url(s), k.Item("Free", amountFen: 500_000), HttpStatusCode.BadRequest);
        refused.ShouldNameField("amountFen", "free_has_no_cost");
        Assert.Equal(0, await k.ItemCountAsync(s.Str("id")));

        var item = await k.ItemAsync(s.Str("id"), k.Item("Free"), by: k.Head);
        Assert.Equal("Free", item.Str("mode"));
        Assert.Equal("无偿提供服务", item.Str("modeZh"));
        Assert.Equal(JsonValueKind.Null, item.GetProperty("amountFen").ValueKind);
        Assert.Equal(JsonValueKind.Null, item.GetProperty("procurement").ValueKind);
        Assert.Equal("Consultation", item.Str("decidedBy"));
    }

    // R-ST-03: a purchased service names its candidate contractors at consultation and its fee from the special fund.
    [Theory, BothDatabases]
    public async Task R_ST_03_a_purchase_names_its_candidate_contractors_and_its_fee(Db db)
    {
        var k = await StationKit.StartAsync(db);
        var s = await k.StationAsync();
        var refused = await k.Village.PostJson(Url(s), k.Item("Purchased"), HttpStatusCode.BadRequest);
        refused.ShouldNameField("candidateContractors", "required");
        refused.ShouldNameField("amountFen", "required");
        var empty = await k.Village.PostJson(Url(s), new { }, HttpStatusCode.BadRequest);
        foreach (var field in new[] { "title", "year", "consultedOn", "mode", "serviceForms" }) empty.ShouldNameField(field);
        var future = await k.Village.PostJson(Url(s), new
        {
            title = "课业辅导", year = k.Today.Year, consultedOn = k.Today.AddDays(1).ToString("yyyy-MM-dd"), mode = "Free", serviceForms = new[] { "Venue" },
        }, HttpStatusCode.BadRequest);
        future.ShouldNameField("consultedOn", "in_future");
        Assert.Equal(0, await k.ItemCountAsync(s.Str("id")));

        var item = await k.ItemAsync(s.Str("id"), k.Item("Purchased", amountFen: 3_000_000, candidates: ["东莞市暖莞社会工作服务中心", "东莞市启航青少年社会工作服务中心"]));
        Assert.Equal(3_000_000, item.GetProperty("amountFen").GetInt64());
        Assert.Equal(["东莞市暖莞社会工作服务中心", "东莞市启航青少年社会工作服务中心"],
            item.GetProperty("candidateContractors").EnumerateArray().Select(x => x.GetString()));
    }

    // R-ST-03: packaged operation is for more than 50 items a year; below that only with a recorded reason ("in principle").
    [Theory, BothDatabases]
    public async Task R_ST_03_packaged_operation_below_the_50_items_threshold_without_a_reason_is_refused(Db db)
    {
        var k = await StationKit.StartAsync(db);
        var s = await k.StationAsync();
        var year = StationKit.FreshYear();
        var operatorId = (await k.OrganizationIdsAsync("Contractor"))[0];
        for (var i = 0; i < 3; i++) await k.ItemAsync(s.Str("id"), k.Item("Free", year: year));

        var bare = await k.Village.PostJson(Url(s), k.Item("Packaged", year: year), HttpStatusCode.BadRequest);
        foreach (var field in new[] { "amountFen", "years", "teamSize", "operatorId" }) bare.ShouldNameField(field);
        // R-ST-09: a packaged operation is paid, so it serves a filed station-route project (made here, reviewed by the town).
        var project = await k.StationProjectAsync(61_000_000);
        var packaged = k.Item("Packaged", year: year, amountFen: 60_000_000, operatorId: operatorId, years: 3, teamSize: 6, microProjectId: project);
        var refused = await k.Village.PostJson(Url(s), packaged, HttpStatusCode.BadRequest);
        refused.ShouldNameField("packagedOverrideReason", "below_threshold");
        Assert.Contains("3宗", refused.GetProperty("fieldErrors")[0].Str("zh"));
        Assert.Equal(3, (await k.Village.GetJson($"/api/stations/items?stationId={s.Str("id")}&year={year}")).GetProperty("total").GetInt32());

        var reason = "辖区常住人口3万，上年度驿站服务需求约80宗，经村民代表会议决定整体打包";
        var item = await k.ItemAsync(s.Str("id"), k.Item("Packaged", year: year, amountFen: 60_000_000, operatorId: operatorId, years: 3, teamSize: 6,
            packagedOverrideReason: reason, microProjectId: project));
        Assert.Equal(reason, item.Str("packagedOverrideReason"));
        Assert.Equal(3, item.GetProperty("years").GetInt32());
        Assert.Equal(6, item.GetProperty("teamSize").GetInt32());
        Assert.Equal(operatorId, item.Str("operatorId"));
    }

    // R-ST-03: with more than 50 items in the year, packaged operation needs no reason.
    [Theory, BothDatabases]
    public async Task R_ST_03_packaged_operation_above_50_items_a_year_needs_no_reason(Db db)
    {
        var k = await StationKit.StartAsync(db);
        var s = await k.StationAsync();
        var year = StationKit.FreshYear();
        var operatorId = (await k.OrganizationIdsAsync("Contractor"))[1];
        for (var i = 0; i < 50; i++) await k.ItemAsync(s.Str("id"), k.Item("Free", year: year));
        var packaged = k.Item("Packaged", year: year, amountFen: 80_000_000, operatorId: operatorId, years: 2, teamSize: 8,
            microProjectId: await k.StationProjectAsync(81_000_000));
        (await k.Village.PostJson(Url(s), packaged, HttpStatusCode.BadRequest)).ShouldNameField("packagedOverrideReason", "below_threshold");

        await k.ItemAsync(s.Str("id"), k.Item("Free", year: year));
        var item = await k.ItemAsync(s.Str("id"), packaged);
        Assert.Equal("Packaged", item.Str("mode"));
        Assert.Equal(JsonValueKind.Null, item.GetProperty("packagedOverrideReason").ValueKind);
        Assert.Equal(80_000_000, item.GetProperty("amountFen").GetInt64());
    }

    // R-ST-04: where the host platform already has an operator, a new item goes to it unless a reason is recorded.
    [Theory, BothDatabases]
    public async Task R_ST_04_an_item_naming_another_operator_than_the_host_platforms_without_a_reason_is_refused(Db db)
    {
        var k = await StationKit.StartAsync(db);
        var contractors = await k.OrganizationIdsAsync("Contractor");
        var s = await k.StationAsync(operatorId: contractors[0]);
        var candidates = new[] { "东莞市启航青少年社会工作服务中心" };

        var refused = await k.Village.PostJson(Url(s), k.Item("Purchased", amountFen: 2_000_000, candidates: candidates, operatorId: contractors[1]),
            HttpStatusCode.BadRequest);
        refused.ShouldNameField("operatorId", "host_has_operator");
        var packaged = await k.Village.PostJson(Url(s), k.Item("Packaged", amountFen: 50_000_000, operatorId: contractors[1], years: 1, teamSize: 3,
            packagedOverrideReason: "试点"), HttpStatusCode.BadRequest);
        packaged.ShouldNameField("operatorId", "host_has_operator");
        // Going to the host platform's operator, the operator must have been invited to the consultation.
        var uninvited = await k.Village.PostJson(Url(s), k.Item("Purchased", amountFen: 800_000), HttpStatusCode.BadRequest);
        uninvited.ShouldNameField("operatorInvited", "required");
        Assert.Equal(0, await k.ItemCountAsync(s.Str("id")));

        // The extra fee negotiated with the existing operator: no candidate list needed.
        var toHost = await k.ItemAsync(s.Str("id"), k.Item("Purchased", amountFen: 800_000, operatorInvited: true));
        Assert.Equal(contractors[0], toHost.Str("operatorId"));
        Assert.True(toHost.GetProperty("operatorInvited").GetBoolean());
        Assert.Empty(toHost.GetProperty("candidateContractors").EnumerateArray());

        var reason = "原运营方不具备心理咨询资质，经协商交由专业机构承接";
        var elsewhere = await k.ItemAsync(s.Str("id"), k.Item("Purchased", amountFen: 2_000_000, candidates: candidates, operatorId: contractors[1],
            operatorOverrideReason: reason));
        Assert.Equal(contractors[1], elsewhere.Str("operatorId"));
        Assert.Equal(reason, elsewhere.Str("operatorOverrideReason"));
        Assert.Equal(2, await k.ItemCountAsync(s.Str("id")));

        // Without an operator on the host platform, no reason is asked for.
        var plain = await k.StationAsync();
        var free = await k.ItemAsync(plain.Str("id"), k.Item("Purchased", amountFen: 900_000, candidates: candidates, operatorId: contractors[1]));
        Assert.Equal(JsonValueKind.Null, free.GetProperty("operatorOverrideReason").ValueKind);
    }

    // R-ST-03, R-RT-05: an item serves a public-welfare micro-project of its village whose consultation chose the station.
    [Theory, BothDatabases]
    public async Task R_ST_03_an_item_serves_a_station_route_micro_project_of_its_village(Db db)
    {
        var f = await Flow.StartAsync(db);
        var k = await StationKit.StartAsync(db);
        var s = await k.StationAsync();

        async Task<string> ProjectAsync(string route, string category = "WelfareService")
        {
            var appeal = await f.Village.PostJson("/api/appeals", new
            {
                channel = "GridWorker", title = "长者日间照料", description = "社区长者白天无人照看，希望提供日间照料", villageId = f.VillageId,
                appellantName = "李秀英", appellantPhone = Flow.Phone(), collection = "Daily", category,
            }, HttpStatusCode.Created);
            await f.AcknowledgeAsync(appeal.Str("id"));
            var projectId = await f.CommitteeAsync(appeal.Str("id"));
            await f.ConsultAsync(projectId, 3_000_000, route);
            return projectId;
        }
        var express = await ProjectAsync("Express");
        var station = await ProjectAsync("Station");
        // R-RT-05: a convenience work cannot take the station route in the first place.
        var worksAppeal = await f.StaffAppealAsync(category: "ConvenienceWorks");
        await f.AcknowledgeAsync(worksAppeal.Str("id"));
        var works = await f.CommitteeAsync(worksAppeal.Str("id"));
        (await f.Village.PostJson($"/api/micro-projects/{works}/consultations", f.Consultation(await f.UploadAsync(works, "Minutes"), 3_000_000, "Station"),
            HttpStatusCode.BadRequest)).ShouldNameField("route", "station_services_only");
        (await k.Village.PostJson(Url(s), k.Item(microProjectId: express), HttpStatusCode.BadRequest)).ShouldNameField("microProjectId", "not_station_route");
        (await k.Village.PostJson(Url(s), k.Item(microProjectId: Guid.NewGuid().ToString()), HttpStatusCode.BadRequest))
            .ShouldNameField("microProjectId", "unknown_project");
        var item = await k.ItemAsync(s.Str("id"), k.Item(microProjectId: station));
        Assert.Equal(station, item.Str("microProjectId"));
        Assert.StartsWith("MS", item.Str("microProjectNumber"));
        (await k.Village.PostJson(Url(s), k.Item(microProjectId: station), HttpStatusCode.BadRequest)).ShouldNameField("microProjectId", "already_linked");
        Assert.Equal(1, await k.ItemCountAsync(s.Str("id")));
    }

    // R-ST-03: an item's edit carries its version; once its filing is with the town it no longer changes.
    [Theory, BothDatabases]
    public async Task R_ST_03_an_items_mode_is_edited_with_its_version_until_the_filing_goes_to_the_town(Db db)
    {
        var k = await StationKit.StartAsync(db);
        var s = await k.StationAsync();
        var (item, agreement) = await k.PurchasedItemAsync(s.Str("id"));
        var id = item.Str("id");
        var v = item.GetProperty("version").GetInt32();
        object Edit(int? version, long amount) => new
        {
            title = item.Str("title"), year = k.Today.Year, consultedOn = k.TodayText, mode = "Purchased", serviceForms = new[] { "ServiceTeam" },
            amountFen = amount, candidateContractors = new[] { "东莞市暖莞社会工作服务中心" }, version, reason = "协商调整费用",
            microProjectId = item.Str("microProjectId"),
        };
        var edited = await k.Village.PutJson($"/api/stations/items/{id}", Edit(v, 3_200_000), HttpStatusCode.OK);
        Assert.Equal(3_200_000, edited.GetProperty("amountFen").GetInt64());
        (await k.Village.PutJson($"/api/stations/items/{id}", Edit(v, 9_900_000), HttpStatusCode.Conflict)).ShouldBeProblem(409);
        (await k.OtherVillage.PutJson($"/api/stations/items/{id}", Edit(v + 1, 9_900_000), HttpStatusCode.NotFound)).ShouldBeProblem(404);

        var filing = await k.Village.PostJson($"/api/stations/items/{id}/procurement-filing", k.Filing(agreement, amountFen: 3_200_000), HttpStatusCode.Created);
        await k.Supervisor.PostJson($"/api/stations/procurement-filings/{filing.Str("id")}/supervisory-opinion", k.Opinion(), HttpStatusCode.OK);
        await k.Village.PostJson($"/api/stations/procurement-filings/{filing.Str("id")}/file", new { }, HttpStatusCode.OK);
        (await k.Village.PutJson($"/api/stations/items/{id}", Edit(v + 1, 9_900_000), HttpStatusCode.Conflict)).ShouldBeProblem(409);
        Assert.Equal(3_200_000, (await k.Village.GetJson($"/api/stations/items/{id}")).GetProperty("amountFen").GetInt64());
    }
}
