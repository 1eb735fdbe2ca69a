using System.Net;
using Guanjia.Web.Tests.Infrastructure;

namespace Guanjia.Web.Tests.Stations;

/// <summary>Issue 12, point 15: a station item that costs money goes through the 微实事 process, and the town surveys station services.</summary>
[Collection(ApiCollection.Name)]
public class StationProcessTests
{
    private static string Url(string stationId) => $"/api/stations/{stationId}/items";

    // R-ST-09: a purchased or packaged item of any size is a 微实事 by the station route: filed, confirmed by the town at or above 5万元,
    // its fee within the project's budget. A 60万元 item with no project used to pass.
    [Theory, BothDatabases]
    public async Task R_ST_09_a_paid_station_item_needs_a_filed_and_confirmed_station_project(Db db)
    {
        var k = await StationKit.StartAsync(db);
        var s = await k.StationAsync();
        var operatorId = (await k.OrganizationIdsAsync("Contractor"))[0];
        var before = await k.ItemCountAsync(s.Str("id"));

        var bare = await k.Village.PostJson(Url(s.Str("id")), k.Item("Purchased", amountFen: 60_000_000, operatorId: operatorId,
            candidates: ["东莞市暖莞社会工作服务中心"]), HttpStatusCode.BadRequest);
        bare.ShouldNameField("microProjectId", "required");

        // A 12万元 project still in the town's review is not confirmed yet.
        var f = await Flow.StartAsync(db);
        var appeal = await f.StaffAppealAsync(category: "WelfareService");
        await f.AcknowledgeAsync(appeal.Str("id"));
        var projectId = await f.CommitteeAsync(appeal.Str("id"));
        await f.ConsultAsync(projectId, 12_000_000, "Station");
        await f.RegisterAsync(projectId, "ElderlyCare");
        var awaiting = await k.Village.PostJson(Url(s.Str("id")), k.Item("Purchased", amountFen: 10_000_000, candidates: ["东莞市暖莞社会工作服务中心"],
            microProjectId: projectId), HttpStatusCode.BadRequest);
        awaiting.ShouldNameField("microProjectId", "awaiting_town");

        // Confirmed by the town: the fee must stay within the budget the consultation settled.
        await f.OpinionAsync(projectId);
        await f.ReviewAsync(projectId);
        var over = await k.Village.PostJson(Url(s.Str("id")), k.Item("Purchased", amountFen: 12_500_000, candidates: ["东莞市暖莞社会工作服务中心"],
            microProjectId: projectId), HttpStatusCode.BadRequest);
        over.ShouldNameField("amountFen", "over_project_budget");
        Assert.Equal(before, await k.ItemCountAsync(s.Str("id")));

        var item = await k.ItemAsync(s.Str("id"), k.Item("Purchased", amountFen: 12_000_000, candidates: ["东莞市暖莞社会工作服务中心"],
            microProjectId: projectId));
        Assert.Equal(projectId, item.Str("microProjectId"));
    }

    // R-ST-11: the town organises the satisfaction survey of station services (000 §五(一)), a small station project's too; the village still can.
    [Theory, BothDatabases]
    public async Task R_ST_11_the_town_surveys_a_small_station_projects_service(Db db)
    {
        var f = await Flow.StartAsync(db);
        var appeal = await f.StaffAppealAsync(category: "WelfareService");
        await f.AcknowledgeAsync(appeal.Str("id"));
        var projectId = await f.CommitteeAsync(appeal.Str("id"));
        await f.ConsultAsync(projectId, 3_000_000, "Station");
        await f.RegisterAsync(projectId, "ElderlyCare");
        await f.PublishAsync(projectId, f.Village);
        await f.AdvanceAsync(TimeSpan.FromDays(6));
        await f.StartAsync(projectId);
        await f.CompleteAsync(projectId);

        var url = $"/api/micro-projects/{projectId}/survey-responses";
        var byTown = await f.Town.PostJson(url, Flow.Answers(), HttpStatusCode.OK);
        Assert.Equal(1, byTown.GetProperty("summary").GetProperty("responses").GetInt32());
        await f.Village.PostJson(url, Flow.Answers(), HttpStatusCode.OK);

        // An express project of the same size is the village's alone to survey (R-MS-14): the town has no row for it.
        var other = await f.StaffAppealAsync(category: "WelfareService");
        await f.AcknowledgeAsync(other.Str("id"));
        var express = await f.CommitteeAsync(other.Str("id"));
        await f.ConsultAsync(express, 3_000_000, "Express");
        await f.RegisterAsync(express, "ElderlyCare");
        await f.PublishAsync(express, f.Village);
        await f.AdvanceAsync(TimeSpan.FromDays(6));
        await f.StartAsync(express);
        await f.CompleteAsync(express);
        await f.Town.PostJson($"/api/micro-projects/{express}/survey-responses", Flow.Answers(), HttpStatusCode.Forbidden);
    }
}
