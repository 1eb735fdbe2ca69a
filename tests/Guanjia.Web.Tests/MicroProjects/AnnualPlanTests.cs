using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Guanjia.App.Persistence;
using Guanjia.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Guanjia.Web.Tests.MicroProjects.ClosingPath;

namespace Guanjia.Web.Tests.MicroProjects;

/// <summary>
/// The year's plan: the city's allocation, the town's concentrated collection until the end of January
/// (R-IN-02), the pool and the plan filed by the end of February with a total of at least the allocation,
/// and adjustments paid from matching funds (R-MS-17). Each test uses a year of its own: the host is shared.
/// </summary>
[Collection(ApiCollection.Name)]
public class AnnualPlanTests
{
    private static async Task<int> CountAsync<T>(Flow f, Func<GuanjiaDb, IQueryable<T>> q)
    {
        using var scope = f.Host.Services.CreateScope();
        return await q(f.SystemDb(scope)).CountAsync();
    }

    // R-MS-17
    [Theory, BothDatabases]
    public async Task R_MS_17_only_the_city_sets_a_towns_allocation(Db db)
    {
        var f = await Flow.StartAsync(db);
        var townId = await TownIdAsync(f);
        const int year = 2031;
        var url = $"/api/allocations/{year}/{townId}";

        await f.Town.PutJson(url, new { microProjectFen = 90_000_000L, microWishFen = 10_000_000L }, HttpStatusCode.Forbidden);
        await f.Village.PutJson(url, new { microProjectFen = 90_000_000L }, HttpStatusCode.Forbidden);
        var negative = await f.City.PutJson(url, new { microProjectFen = -1L, microWishFen = 0L }, HttpStatusCode.BadRequest);
        negative.ShouldNameField("microProjectFen", "out_of_range");
        var wish = await f.City.PutJson(url, new { microProjectFen = 1L, microWishFen = -5L }, HttpStatusCode.BadRequest);
        wish.ShouldNameField("microWishFen", "out_of_range");
        var village = await f.City.PutJson($"/api/allocations/{year}/{f.VillageId}", new { microProjectFen = 1L }, HttpStatusCode.BadRequest);
        village.ShouldNameField("townId", "not_a_town");
        Assert.Equal(0, await CountAsync(f, d => d.TownAllocations.Where(a => a.Year == year)));

        var set = await f.City.PutJson(url, new { microProjectFen = 80_000_000L, microWishFen = 16_000_000L }, HttpStatusCode.OK);
        Assert.Equal(80_000_000, set.GetProperty("microProjectFen").GetInt64());
        Assert.Equal(16_000_000, set.GetProperty("microWishFen").GetInt64());
        var changed = await f.City.PutJson(url, new { microProjectFen = 85_000_000L, version = set.GetProperty("version").GetInt32() }, HttpStatusCode.OK);
        Assert.Equal(85_000_000, changed.GetProperty("microProjectFen").GetInt64());
        Assert.Equal(16_000_000, changed.GetProperty("microWishFen").GetInt64());
        // The town reads what it must plan against; another town does not see it.
        Assert.Equal(85_000_000, (await f.Town.GetJson(url)).GetProperty("microProjectFen").GetInt64());
        await (await f.Host.SignIn("changan.lead")).GetJson(url, HttpStatusCode.NotFound);
        Assert.Equal(1, await CountAsync(f, d => d.TownAllocations.Where(a => a.Year == year)));
    }

    /// <summary>The town's yearly duty of this obligation for the year, from the deadline lists (its subject is the town's year).</summary>
    internal static async Task<JsonElement> DutyAsync(HttpClient by, string townId, string obligation, DateTimeOffset due)
    {
        var items = (await by.GetJson($"/api/deadlines?status=All&obligation={obligation}&responsibleOrgId={townId}&pageSize=200")).GetProperty("items")
            .EnumerateArray().ToList();
        var found = items.Where(d => Due(d) == due).ToList();
        Assert.True(found.Count == 1, $"{found.Count} {obligation} due {due:O} of {townId} among: {string.Join("\n", items)}");
        return found[0];
    }

    // R-IN-02, R-MS-17
    [Theory, BothDatabases]
    public async Task R_IN_02_the_town_opens_its_concentrated_collection_once_a_year_with_its_deadlines(Db db)
    {
        var f = await Flow.StartAsync(db);
        var townId = await TownIdAsync(f);
        const int year = 2028;

        await f.Village.PostJson("/api/annual-plans/campaigns", new { year }, HttpStatusCode.Forbidden);
        await f.City.PostJson("/api/annual-plans/campaigns", new { year }, HttpStatusCode.Forbidden);
        var noYear = await f.Town.PostJson("/api/annual-plans/campaigns", new { year = 1999 }, HttpStatusCode.BadRequest);
        noYear.ShouldNameField("year", "out_of_range");
        Assert.Equal(0, await CountAsync(f, d => d.CollectionCampaigns.IgnoreQueryFilters().Where(c => c.Year == year)));

        var campaign = await f.Town.PostJson("/api/annual-plans/campaigns", new { year, note = "2028年度集中征集" }, HttpStatusCode.OK);
        Assert.Equal(townId, campaign.Str("townId"));
        Assert.Equal(EndOfDay(2028, 1, 31), campaign.GetProperty("endsAt").GetDateTimeOffset());
        await f.Town.PostJson("/api/annual-plans/campaigns", new { year }, HttpStatusCode.Conflict);
        var listed = await f.Town.GetJson($"/api/annual-plans/campaigns?townId={townId}&year={year}");
        Assert.Equal(campaign.Str("id"), Assert.Single(listed.EnumerateArray()).Str("id"));
        Assert.Empty((await (await f.Host.SignIn("changan.lead")).GetJson($"/api/annual-plans/campaigns?year={year}")).EnumerateArray());
        Assert.Equal(1, await CountAsync(f, d => d.CollectionCampaigns.IgnoreQueryFilters().Where(c => c.Year == year)));

        // The year's duties run from 1 January, the campaign or not.
        var collection = await DutyAsync(f.Town, townId, "ConcentratedCollection", EndOfDay(2028, 1, 31));
        Assert.Equal("R-IN-02", collection.Str("ruleId"));
        Assert.Equal(Local(2028, 1, 1, 0), collection.GetProperty("startsAt").GetDateTimeOffset());
        var plan = await DutyAsync(f.Town, townId, "AnnualPlan", EndOfDay(2028, 2, 29)); // the end of February of a leap year
        Assert.Equal("R-MS-17", plan.Str("ruleId"));
    }

    // R-IN-02: every town owes its collection from 1 January and is warned like any deadline; a late campaign opens late, with its reason.
    [Theory, BothDatabases]
    public async Task R_IN_02_a_town_that_never_opens_its_collection_is_warned_and_may_still_open_late(Db db)
    {
        var f = await Flow.StartAsync(db);
        var saved = f.Now;
        const int year = 2030;
        try
        {
            var townId = await TownIdAsync(f);
            await f.SetClockAsync(Local(2030, 1, 2));
            await Appeals.AppealKit.RunJobsAsync(f);
            var changan = await f.Host.SignIn("changan.lead");
            var changanOffice = (await changan.GetJson("/api/auth/me")).Str("organizationId");
            var changanTown = (await f.City.GetJson($"/api/organizations/{changanOffice}")).Str("parentId");
            // Every town, whether it does anything or not.
            var duty = await DutyAsync(f.Town, townId, "ConcentratedCollection", EndOfDay(2030, 1, 31));
            Assert.Equal("Open", duty.Str("status"));
            await DutyAsync(changan, changanTown, "ConcentratedCollection", EndOfDay(2030, 1, 31));
            await Appeals.AppealKit.RunJobsAsync(f);
            Assert.Single((await f.Town.GetJson("/api/deadlines?status=All&obligation=ConcentratedCollection&pageSize=200")).GetProperty("items")
                .EnumerateArray(), d => Due(d) == EndOfDay(2030, 1, 31));

            // A week ahead the town is warned; after 31 January it is overdue and the supervisors hear of it.
            await f.SetClockAsync(Local(2030, 1, 25));
            await f.WarnAsync();
            // Read below HTTP: the inbox answers the latest hundred, and the jobs of 2030 warn the town of every village's rows too.
            using (var scope = f.Host.Services.CreateScope())
            {
                var town = Guid.Parse(townId);
                Assert.True(await f.SystemDb(scope).StaffNotifications.AnyAsync(n => n.OrganizationId == town && n.Kind == "DueSoon"
                    && n.Text.Contains("集中征集")), "the town is warned of its collection");
            }
            await f.SetClockAsync(Local(2030, 2, 4));
            await f.WarnAsync();
            Assert.Equal("Overdue", (await DutyAsync(f.Town, townId, "ConcentratedCollection", EndOfDay(2030, 1, 31))).Str("status"));

            // Late: allowed, with the reason and its own end date; nothing saved without them.
            var refused = await f.Town.PostJson("/api/annual-plans/campaigns", new { year }, HttpStatusCode.BadRequest);
            refused.ShouldNameField("lateReason", "late_reason_required");
            refused.ShouldNameField("endsOn", "required");
            Assert.Equal(0, await CountAsync(f, d => d.CollectionCampaigns.IgnoreQueryFilters().Where(c => c.Year == year)));
            var campaign = await f.Town.PostJson("/api/annual-plans/campaigns",
                new { year, lateReason = "春节前防汛工作占用人手", endsOn = "2030-02-20" }, HttpStatusCode.OK);
            Assert.Equal(EndOfDay(2030, 2, 20), campaign.GetProperty("endsAt").GetDateTimeOffset());
            await f.SetClockAsync(Local(2030, 2, 20));
            await f.Town.PostJson($"/api/annual-plans/campaigns/{campaign.Str("id")}/close", new { }, HttpStatusCode.OK);
            var met = await DutyAsync(f.Town, townId, "ConcentratedCollection", EndOfDay(2030, 1, 31));
            Assert.Equal("MetLate", met.Str("status"));
            Assert.Equal("春节前防汛工作占用人手", met.Str("lateReason"));
        }
        finally
        {
            await f.SetClockAsync(saved);
            // The jobs ran in 2030 for every unit: their warnings, dated years ahead, would sit above every later test's on the shared host.
            using var scope = f.Host.Services.CreateScope();
            var sys = f.SystemDb(scope);
            await sys.StaffNotifications.Where(n => n.CreatedAt > saved.AddDays(1)).ExecuteDeleteAsync();
        }
    }

    // R-IN-02
    [Theory, BothDatabases]
    public async Task R_IN_02_a_concentrated_appeal_needs_an_open_campaign(Db db)
    {
        var f = await Flow.StartAsync(db);
        var changan = await f.Host.SignIn("changan.village");
        var changanVillage = (await changan.GetJson("/api/auth/me")).Str("organizationId");
        var before = await CountAsync(f, d => d.Appeals.IgnoreQueryFilters().Where(a => a.VillageId == Guid.Parse(changanVillage)));

        var res = await changan.PostAsJsonAsync("/api/appeals", new
        {
            channel = "GridWorker", title = "村口增设路灯", description = "村口没有路灯，夜间出行不便", villageId = changanVillage,
            appellantName = "黄伯", appellantPhone = Flow.Phone(), collection = "Concentrated", category = "ConvenienceWorks",
        }, TestHost.Json);
        var problem = await res.Json(HttpStatusCode.BadRequest);

        problem.ShouldNameField("collection", "no_campaign");
        Assert.Equal(before, await CountAsync(f, d => d.Appeals.IgnoreQueryFilters().Where(a => a.VillageId == Guid.Parse(changanVillage))));
    }

    // R-MS-17, R-IN-02
    [Theory, BothDatabases]
    public async Task R_MS_17_the_town_files_a_plan_from_its_pool_reaching_the_allocation_and_adjusts_it(Db db)
    {
        var f = await Flow.StartAsync(db);
        var saved = f.Now;
        const int year = 2027;
        try
        {
            // Still inside the 2027 collection, whatever the other tests did to the shared clock.
            await f.SetClockAsync(Local(2026, 12, 1));
            var townId = await TownIdAsync(f);
            await f.City.PutJson($"/api/allocations/{year}/{townId}", new { microProjectFen = 10_000_000L, microWishFen = 0L }, HttpStatusCode.OK);
            var campaign = await f.Town.PostJson("/api/annual-plans/campaigns", new { year }, HttpStatusCode.OK);
            Assert.Equal(EndOfDay(2027, 1, 31), campaign.GetProperty("endsAt").GetDateTimeOffset());

            // Concentrated appeals belong to the campaign's year; confirmed ones enter the pool.
            var appeal = await AppealAsync(f, collection: "Concentrated");
            Assert.Equal(year, appeal.GetProperty("collectionYear").GetInt32());
            var a = await RegisteredAsync(f, 3_000_000, collection: "Concentrated");
            var b = await RegisteredAsync(f, 4_000_000, collection: "Concentrated");
            var c = await RegisteredAsync(f, 6_000_000, collection: "Concentrated");
            var daily = await RegisteredAsync(f, 2_000_000);
            var waiting = await f.Town.GetJson($"/api/annual-plans/pool?townId={townId}&year={year}");
            Assert.DoesNotContain(waiting.EnumerateArray(), x => x.Str("id") == c.ProjectId); // not confirmed yet
            await f.OpinionAsync(c.ProjectId);
            await f.ReviewAsync(c.ProjectId);

            var pool = (await f.Town.GetJson($"/api/annual-plans/pool?townId={townId}&year={year}")).EnumerateArray().ToList();
            Assert.Equal(
                new[] { a.ProjectId, b.ProjectId, c.ProjectId }.Order().ToArray(),
                pool.Select(x => x.Str("id")).Where(id => id == a.ProjectId || id == b.ProjectId || id == c.ProjectId || id == daily.ProjectId).Order().ToArray());
            Assert.All(pool, x => Assert.Equal(year, x.GetProperty("year").GetInt32()));

            // A village does not file the plan; a plan below the allocation without a reason is refused and nothing is saved (R-MS-17: 原则上).
            await f.Village.PostJson("/api/annual-plans", new { year, projectIds = new[] { a.ProjectId, b.ProjectId, c.ProjectId } }, HttpStatusCode.Forbidden);
            var below = await f.Town.PostJson("/api/annual-plans", new { year, projectIds = new[] { a.ProjectId, b.ProjectId } }, HttpStatusCode.BadRequest);
            below.ShouldNameField("belowAllocationReason", "below_allocation");
            var outside = await f.Town.PostJson("/api/annual-plans",
                new { year, projectIds = new[] { a.ProjectId, b.ProjectId, c.ProjectId, daily.ProjectId } }, HttpStatusCode.BadRequest);
            outside.ShouldNameField("projectIds", "not_in_pool");
            Assert.Empty((await f.Town.GetJson($"/api/annual-plans?year={year}")).EnumerateArray());
            Assert.Equal(0, await CountAsync(f, d => d.AnnualPlans.IgnoreQueryFilters().Where(p => p.Year == year)));

            // At least the allocation: filed, reported to the city, the R-MS-17 deadline met.
            var plan = await f.Town.PostJson("/api/annual-plans",
                new { year, projectIds = new[] { a.ProjectId, b.ProjectId, c.ProjectId }, stampNote = "已盖章" }, HttpStatusCode.OK);
            Assert.Equal("Filed", plan.Str("state"));
            Assert.Equal(13_000_000, plan.GetProperty("plannedFen").GetInt64());
            Assert.Equal(10_000_000, plan.GetProperty("allocationFen").GetInt64());
            Assert.Equal(3, plan.GetProperty("items").GetArrayLength());
            // The allocation pays the items in the town's order; the 3万 beyond it comes from the town's matching funds.
            long Matching(string id) => plan.GetProperty("items").EnumerateArray().Single(i => i.Str("projectId") == id).GetProperty("matchingFen").GetInt64();
            Assert.Equal([0L, 0L, 3_000_000L], new[] { Matching(a.ProjectId), Matching(b.ProjectId), Matching(c.ProjectId) });
            Assert.Equal(3_000_000, plan.GetProperty("matchingFen").GetInt64());
            var city = await f.City.GetJson("/api/notifications");
            Assert.Contains(city.EnumerateArray(), n => n.Str("kind") == "AnnualPlan" && n.Str("text").Contains("2027年度", StringComparison.Ordinal)
                && n.Str("text").Contains("实施计划", StringComparison.Ordinal));
            // The report is the city's mail, not the town's, though the town wrote it.
            Assert.DoesNotContain((await f.Town.GetJson("/api/notifications")).EnumerateArray(), n => n.Str("kind") == "AnnualPlan");
            Assert.Equal("Met", (await DutyAsync(f.Town, townId, "AnnualPlan", EndOfDay(2027, 2, 28))).Str("status"));

            var twice = await f.Town.PostJson("/api/annual-plans", new { year, projectIds = new[] { a.ProjectId, b.ProjectId, c.ProjectId } },
                HttpStatusCode.Conflict);
            Assert.Equal(409, twice.GetProperty("status").GetInt32());
            Assert.Equal(1, await CountAsync(f, d => d.AnnualPlans.IgnoreQueryFilters().Where(p => p.Year == year)));

            // A daily item added in the year: paid from the town's matching funds and reported to the city.
            var adjusted = await f.Town.PostJson($"/api/annual-plans/{plan.Str("id")}/adjustments",
                new { projectId = daily.ProjectId, reason = "日常征集新增项目，群众需求迫切" }, HttpStatusCode.OK);
            var item = adjusted.GetProperty("items").EnumerateArray().Single(i => i.Str("projectId") == daily.ProjectId);
            Assert.Equal("MatchingFund", item.Str("funding"));
            Assert.True(item.GetProperty("isAdjustment").GetBoolean());
            Assert.Equal(f.Now, item.GetProperty("reportedToCityAt").GetDateTimeOffset());
            Assert.Equal(2_000_000, adjusted.GetProperty("adjustedFen").GetInt64());
            Assert.Equal(13_000_000, adjusted.GetProperty("plannedFen").GetInt64());
            var reported = await f.City.GetJson("/api/notifications");
            Assert.Contains(reported.EnumerateArray(), n => n.Str("kind") == "AnnualPlan" && n.Str("text").Contains("动态调整", StringComparison.Ordinal)
                && n.Str("text").Contains("配套资金", StringComparison.Ordinal));
            await f.Village.PostJson($"/api/annual-plans/{plan.Str("id")}/adjustments",
                new { projectId = appeal.Str("id"), reason = "村里想加" }, HttpStatusCode.Forbidden);
        }
        finally
        {
            await f.SetClockAsync(saved);
        }
    }

    // R-MS-17, R-RT-02: a confirmed 莞家直达 item of the concentrated collection enters the year's pool like any other.
    [Theory, BothDatabases]
    public async Task R_MS_17_a_confirmed_direct_route_item_of_the_collection_enters_the_pool(Db db)
    {
        var f = await Flow.StartAsync(db);
        var townId = await TownIdAsync(f);
        var open = await f.Town.PostAsync("/api/annual-plans/campaigns", System.Net.Http.Json.JsonContent.Create(new { year = 2034 }));
        Assert.True(open.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict);
        var appeal = await AppealAsync(f, collection: "Concentrated");
        var year = appeal.GetProperty("collectionYear").GetInt32();
        await f.AcknowledgeAsync(appeal.Str("id"));
        var projectId = await f.CommitteeAsync(appeal.Str("id"));
        await f.ConsultAsync(projectId, 12_000_000, "Direct");
        await f.RegisterAsync(projectId);
        await f.OpinionAsync(projectId);
        var reviewed = await f.Town.PostJson($"/api/micro-projects/{projectId}/review", Flow.Review(), HttpStatusCode.OK);
        Assert.Equal("AwaitingClaim", reviewed.Str("state"));
        Assert.True(reviewed.GetProperty("inAnnualPool").GetBoolean());
        var pool = await f.Town.GetJson($"/api/annual-plans/pool?townId={townId}&year={year}");
        Assert.Contains(pool.EnumerateArray(), x => x.Str("id") == projectId);
    }
}
