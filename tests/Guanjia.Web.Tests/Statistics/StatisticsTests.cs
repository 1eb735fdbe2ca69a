using System.Net;
using System.Text.Json;
using Guanjia.Web.Tests.Infrastructure;
using static Guanjia.Web.Tests.MicroProjects.ClosingPath;

namespace Guanjia.Web.Tests.Statistics;

/// <summary>
/// The statistics API for dashboards and assessment: GROUP BYs in the database, in the caller's scope (R-PL-03).
/// Each test works in a year of its own (2024, 2023) that no other test writes in, so the counts are exact.
/// </summary>
[Collection(ApiCollection.Name)]
public class StatisticsTests
{
    private static List<JsonElement> Groups(JsonElement view) => view.GetProperty("groups").EnumerateArray().ToList();

    private static JsonElement One(JsonElement view, Func<JsonElement, bool> match) => Assert.Single(Groups(view), x => match(x));

    private static bool Is(JsonElement g, string key, string value) => g.GetProperty(key).ValueKind != JsonValueKind.Null && g.Str(key) == value;

    private static int Int(JsonElement g, string key) => g.GetProperty(key).GetInt32();

    private static long Fen(JsonElement g, string key) => g.GetProperty(key).GetInt64();

    private static async Task<(HttpClient Client, string VillageId, string TownId)> ChanganAsync(Flow f)
    {
        var c = await f.Host.SignIn("changan.village");
        var villageId = (await c.GetJson("/api/auth/me")).Str("organizationId");
        var townId = (await f.City.GetJson($"/api/organizations/{villageId}")).GetProperty("parentId").GetString()!;
        return (c, villageId, townId);
    }

    private static async Task<string> TownOfAsync(Flow f, string villageId) =>
        (await f.City.GetJson($"/api/organizations/{villageId}")).GetProperty("parentId").GetString()!;

    // R-PL-03, R-IN-01, R-PL-08
    [Theory, BothDatabases]
    public async Task R_PL_03_appeals_and_deadlines_are_counted_by_town_month_channel_and_unit_and_scope_hides_other_towns(Db db)
    {
        var f = await Flow.StartAsync(db);
        var saved = f.Now;
        try
        {
            await f.SetClockAsync(Local(2024, 3, 5));
            var (changan, caVillage, caTown) = await ChanganAsync(f);
            var dcTown = await TownOfAsync(f, f.VillageId);
            var onTime = (await AppealAsync(f)).Str("id");
            var late = (await AppealAsync(f)).Str("id");
            await f.HotlineOrderAsync();
            await AppealAsync(f, by: changan, villageId: caVillage);
            await f.AcknowledgeAsync(onTime);
            await f.AdvanceAsync(TimeSpan.FromDays(2));
            await f.AcknowledgeAsync(late, new { note = "已接收", lateReason = "系统维护，延迟接收" });

            await f.SetClockAsync(Local(2024, 5, 8));
            (changan, _, _) = await ChanganAsync(f);
            await AppealAsync(f);
            await AppealAsync(f, by: changan, villageId: caVillage);

            // The city: by town over the year, then by town and month, by channel within a town, and a period.
            var byTown = await f.City.GetJson("/api/statistics/appeals?year=2024&groupBy=town");
            Assert.Equal(6, Int(byTown, "total"));
            Assert.Equal(4, Int(One(byTown, g => Is(g, "townId", dcTown)), "count"));
            Assert.Equal(2, Int(One(byTown, g => Is(g, "townId", caTown)), "count"));
            Assert.Equal("东城街道", One(byTown, g => Is(g, "townId", dcTown)).Str("townName"));

            var byMonth = await f.City.GetJson("/api/statistics/appeals?year=2024&groupBy=town,month");
            Assert.Equal(3, Int(One(byMonth, g => Is(g, "townId", dcTown) && Is(g, "month", "2024-03")), "count"));
            Assert.Equal(1, Int(One(byMonth, g => Is(g, "townId", dcTown) && Is(g, "month", "2024-05")), "count"));
            Assert.Equal(1, Int(One(byMonth, g => Is(g, "townId", caTown) && Is(g, "month", "2024-03")), "count"));
            Assert.Equal(1, Int(One(byMonth, g => Is(g, "townId", caTown) && Is(g, "month", "2024-05")), "count"));

            var channels = await f.City.GetJson($"/api/statistics/appeals?year=2024&townId={dcTown}&groupBy=channel,category");
            Assert.Equal(3, Int(One(channels, g => Is(g, "channel", "GridWorker") && Is(g, "category", "ConvenienceWorks")), "count"));
            Assert.Equal(1, Int(One(channels, g => Is(g, "channel", "Hotline12345")), "count"));
            Assert.Equal(JsonValueKind.Null, One(channels, g => Is(g, "channel", "Hotline12345")).GetProperty("category").ValueKind);
            Assert.Equal(2, Int(await f.City.GetJson("/api/statistics/appeals?from=2024-04&to=2024-06"), "total"));

            // Drill-down without groupBy: the city sees towns, a chosen town its villages.
            var city = await f.City.GetJson("/api/statistics/appeals?year=2024");
            Assert.Equal(["town"], city.GetProperty("groupBy").EnumerateArray().Select(x => x.GetString()!));
            var drilled = await f.City.GetJson($"/api/statistics/appeals?year=2024&townId={dcTown}");
            var village = Assert.Single(Groups(drilled));
            Assert.Equal(f.VillageId, village.Str("villageId"));
            Assert.Equal(4, Int(village, "count"));

            // R-PL-03: the town sees its town only, and may not name another; a village sees itself.
            var town = await f.Town.GetJson("/api/statistics/appeals?year=2024&groupBy=town");
            Assert.Equal(4, Int(Assert.Single(Groups(town)), "count"));
            await f.Town.GetJson($"/api/statistics/appeals?year=2024&townId={caTown}", HttpStatusCode.Forbidden);
            var ca = await changan.GetJson("/api/statistics/appeals?year=2024&groupBy=town,village");
            var caOnly = Assert.Single(Groups(ca));
            Assert.Equal(caVillage, caOnly.Str("villageId"));
            Assert.Equal(2, Int(caOnly, "count"));
            await changan.GetJson($"/api/statistics/appeals?year=2024&villageId={f.VillageId}", HttpStatusCode.Forbidden);

            // R-PL-08: deadlines due in 2024 per town and obligation, now (8 May): each appeal owes receipt and the meeting.
            var dl = await f.City.GetJson("/api/statistics/deadlines?year=2024&groupBy=town,obligation");
            var ack = One(dl, g => Is(g, "townId", dcTown) && Is(g, "obligation", "Acknowledge"));
            Assert.Equal((1, 1, 1, 1), (Int(ack, "metOnTime"), Int(ack, "metLate"), Int(ack, "missed"), Int(ack, "open")));
            Assert.Equal("R-MS-02", ack.Str("ruleId"));
            Assert.Equal(33.3m, ack.GetProperty("onTimeRate").GetDecimal());
            var meeting = One(dl, g => Is(g, "townId", dcTown) && Is(g, "obligation", "CommitteeMeeting"));
            Assert.Equal((0, 0, 3, 1), (Int(meeting, "metOnTime"), Int(meeting, "metLate"), Int(meeting, "missed"), Int(meeting, "open")));
            var caAck = One(dl, g => Is(g, "townId", caTown) && Is(g, "obligation", "Acknowledge"));
            Assert.Equal((0, 0, 1, 1), (Int(caAck, "metOnTime"), Int(caAck, "metLate"), Int(caAck, "missed"), Int(caAck, "open")));
            // Per responsible unit: Dongcheng's village owes all eight of its town's.
            var units = await f.Town.GetJson("/api/statistics/deadlines?year=2024&groupBy=unit");
            var unit = Assert.Single(Groups(units));
            Assert.Equal(f.VillageId, unit.Str("unitId"));
            Assert.Equal(8, Int(unit, "metOnTime") + Int(unit, "metLate") + Int(unit, "missed") + Int(unit, "open"));
            Assert.Equal(2, Int((await f.City.GetJson("/api/statistics/deadlines?from=2024-03&to=2024-03&groupBy=town")).GetProperty("total"),
                "metOnTime") + Int((await f.City.GetJson("/api/statistics/deadlines?from=2024-03&to=2024-03&groupBy=town")).GetProperty("total"), "metLate"));
        }
        finally
        {
            await f.SetClockAsync(saved);
        }
    }

    // R-PL-03, R-MS-10, R-MW-03, R-MS-14, R-MS-18
    [Theory, BothDatabases]
    public async Task R_MS_18_projects_wishes_and_satisfaction_are_summed_per_town_in_fen_within_scope(Db db)
    {
        var f = await Flow.StartAsync(db);
        var saved = f.Now;
        try
        {
            await f.SetClockAsync(Local(2023, 3, 6));
            var dcTown = await TownOfAsync(f, f.VillageId);
            // Dongcheng: a small project done and surveyed by the village, a large one approved by the town.
            var small = await ImplementingAsync(f, Small);
            await f.CompleteAsync(small.ProjectId);
            await f.SurveyAsync(small.ProjectId, f.Village, 10);
            for (var i = 0; i < 2; i++)
                await f.Village.PostJson($"/api/micro-projects/{small.ProjectId}/survey-responses", Flow.Answers("Dissatisfied"), HttpStatusCode.OK);
            var large = await RegisteredAsync(f, Large);
            await f.OpinionAsync(large.ProjectId);
            await f.ReviewAsync(large.ProjectId);
            // A Dongcheng wish, verified and decided at 2,000 元.
            var order = await f.HotlineOrderAsync(title: "残疾老人家中需要轮椅");
            await f.AcknowledgeAsync(order.Str("id"));
            var wishId = (await f.Village.PostJson($"/api/appeals/{order.Str("id")}/committee-decision", Wish(f.Now), HttpStatusCode.OK)).Str("wishId");
            await f.Town.PostJson($"/api/micro-wishes/{wishId}/verify", new
            {
                authentic = true, reasonable = true, budgetSound = true, departments = "东城街道社会事务局、残联", outcome = "Verified",
            }, HttpStatusCode.OK);
            await f.Town.PostJson($"/api/micro-wishes/{wishId}/decide", new
            {
                decisionBody = "JointMeeting", participants = new[] { "张主任", "李科长" }, route = "Express", amountFen = 200_000L,
                expressForm = "DirectGrant", assistanceForm = "直接资助购买轮椅",
            }, HttpStatusCode.OK);

            // Changan, in June: a consulted project of 5万元 not yet filed, and a wish not yet verified.
            await f.SetClockAsync(Local(2023, 6, 1));
            var (changan, caVillage, caTown) = await ChanganAsync(f);
            var caAppeal = (await AppealAsync(f, by: changan, villageId: caVillage)).Str("id");
            await changan.PostJson($"/api/appeals/{caAppeal}/acknowledge", new { note = "已接收" }, HttpStatusCode.OK);
            var caProject = (await changan.PostJson($"/api/appeals/{caAppeal}/committee-decision", new
            {
                meetingAt = f.Now, outcome = "MicroProject", includeInPlan = true, note = "同意列入实施计划",
            }, HttpStatusCode.OK)).Str("projectId");
            var minutes = await f.UploadAsync(caProject, "Minutes", by: changan);
            await changan.PostJson($"/api/micro-projects/{caProject}/consultations", f.Consultation(minutes, 5_000_000), HttpStatusCode.OK);
            var caWishAppeal = (await AppealAsync(f, by: changan, villageId: caVillage)).Str("id");
            await changan.PostJson($"/api/appeals/{caWishAppeal}/acknowledge", new { note = "已接收" }, HttpStatusCode.OK);
            await changan.PostJson($"/api/appeals/{caWishAppeal}/committee-decision", Wish(f.Now), HttpStatusCode.OK);

            // Projects: counts, budget, approved and actual money per town, in fen.
            var byTown = await f.City.GetJson("/api/statistics/micro-projects?year=2023&groupBy=town");
            var dc = One(byTown, g => Is(g, "townId", dcTown));
            Assert.Equal((2, Small + Large, 2, Small + Large, 0L), (Int(dc, "count"), Fen(dc, "budgetFen"), Int(dc, "approved"), Fen(dc, "approvedFen"), Fen(dc, "actualFen")));
            var ca = One(byTown, g => Is(g, "townId", caTown));
            Assert.Equal((1, 5_000_000L, 0, 0L), (Int(ca, "count"), Fen(ca, "budgetFen"), Int(ca, "approved"), Fen(ca, "approvedFen")));
            Assert.Equal(Small + Large + 5_000_000, Fen(byTown.GetProperty("total"), "budgetFen"));
            var byState = await f.City.GetJson($"/api/statistics/micro-projects?year=2023&townId={dcTown}&groupBy=state,route,category");
            Assert.Equal(Small, Fen(One(byState, g => Is(g, "state", "Completed") && Is(g, "route", "Express") && Is(g, "category", "ConvenienceWorks")), "budgetFen"));
            Assert.Equal(Large, Fen(One(byState, g => Is(g, "state", "AwaitingPublicity")), "approvedFen"));
            var byMonth = await f.City.GetJson("/api/statistics/micro-projects?year=2023&groupBy=month");
            Assert.Equal(2, Int(One(byMonth, g => Is(g, "month", "2023-03")), "count"));
            Assert.Equal(1, Int(One(byMonth, g => Is(g, "month", "2023-06")), "count"));

            // Wishes: requested, decided and paid amounts per town and kind.
            var wishes = await f.City.GetJson("/api/statistics/micro-wishes?year=2023&groupBy=town,state");
            var dcWish = One(wishes, g => Is(g, "townId", dcTown));
            Assert.Equal(("Handling", 300_000L, 200_000L, 0L), (dcWish.Str("state"), Fen(dcWish, "requestedFen"), Fen(dcWish, "amountFen"), Fen(dcWish, "paidFen")));
            var caWish = One(wishes, g => Is(g, "townId", caTown));
            Assert.Equal(("AwaitingVerification", 300_000L, 0L), (caWish.Str("state"), Fen(caWish, "requestedFen"), Fen(caWish, "amountFen")));
            Assert.Equal(2, Int(One(await f.City.GetJson("/api/statistics/micro-wishes?year=2023&groupBy=kind"), g => Is(g, "kind", "SpecialGroupAid")), "count"));

            // Satisfaction per town (R-MS-14): the same rate and score as the project's own summary.
            var sat = await f.City.GetJson("/api/statistics/satisfaction?year=2023&groupBy=town");
            var dcSat = Assert.Single(Groups(sat));
            Assert.Equal(dcTown, dcSat.Str("townId"));
            Assert.Equal((1, 12), (Int(dcSat, "projects"), Int(dcSat, "responses")));
            Assert.Equal([48, 24, 0, 12, 0], dcSat.GetProperty("levels").EnumerateArray().Select(x => x.GetInt32()));
            Assert.Equal(85.7m, dcSat.GetProperty("satisfactionRate").GetDecimal());
            Assert.Equal(82.1m, dcSat.GetProperty("score").GetDecimal());
            var summary = (await f.Village.GetJson($"/api/micro-projects/{small.ProjectId}/survey")).GetProperty("summary");
            Assert.Equal(summary.GetProperty("satisfactionRate").GetDecimal(), dcSat.GetProperty("satisfactionRate").GetDecimal());
            Assert.Equal(summary.GetProperty("score").GetDecimal(), dcSat.GetProperty("score").GetDecimal());

            // R-PL-03: Changan's lead sees none of Dongcheng's money or surveys.
            var caLead = await f.Host.SignIn("changan.lead");
            var caView = await caLead.GetJson("/api/statistics/micro-projects?year=2023&groupBy=town");
            Assert.Equal(caTown, Assert.Single(Groups(caView)).Str("townId"));
            Assert.Equal(5_000_000L, Fen(caView.GetProperty("total"), "budgetFen"));
            Assert.Empty(Groups(await caLead.GetJson("/api/statistics/satisfaction?year=2023")));
            Assert.Equal(1, Int((await caLead.GetJson("/api/statistics/micro-wishes?year=2023")).GetProperty("total"), "count"));
        }
        finally
        {
            await f.SetClockAsync(saved);
        }
    }

    private static object Wish(DateTimeOffset at) => new
    {
        meetingAt = at, outcome = "MicroWish", note = "个人诉求，报镇街核查", wishKind = "SpecialGroupAid", targetGroup = "Disabled",
        assistanceType = "LivingAid", projectName = "为残疾老人配置轮椅", requestedFen = 300_000,
    };

    [Theory, BothDatabases]
    public async Task Bad_statistics_parameters_get_problem_details_naming_the_field(Db db)
    {
        var f = await Flow.StartAsync(db);
        (await f.City.GetJson("/api/statistics/appeals?groupBy=town,colour", HttpStatusCode.BadRequest)).ShouldNameField("groupBy", "unknown_dimension");
        (await f.City.GetJson("/api/statistics/deadlines?groupBy=channel", HttpStatusCode.BadRequest)).ShouldNameField("groupBy", "unknown_dimension");
        (await f.City.GetJson("/api/statistics/micro-wishes?groupBy=category", HttpStatusCode.BadRequest)).ShouldNameField("groupBy", "unknown_dimension");
        (await f.City.GetJson("/api/statistics/appeals?groupBy=town,village,channel,state", HttpStatusCode.BadRequest)).ShouldNameField("groupBy", "too_many");
        (await f.City.GetJson("/api/statistics/micro-projects?year=twenty", HttpStatusCode.BadRequest)).ShouldNameField("year", "invalid");
        (await f.City.GetJson("/api/statistics/appeals?year=2024&from=2024-01", HttpStatusCode.BadRequest)).ShouldNameField("year", "conflict");
        (await f.City.GetJson("/api/statistics/appeals?from=2024-13", HttpStatusCode.BadRequest)).ShouldNameField("from", "format");
        (await f.City.GetJson("/api/statistics/appeals?from=2024-05&to=2024-01", HttpStatusCode.BadRequest)).ShouldNameField("to", "before_from");
        (await f.City.GetJson("/api/statistics/satisfaction?townId=abc", HttpStatusCode.BadRequest)).ShouldNameField("townId", "format");
        (await f.City.GetJson($"/api/statistics/appeals?townId={f.VillageId}", HttpStatusCode.BadRequest)).ShouldNameField("townId", "not_a_town");
        var (_, caVillage, _) = await ChanganAsync(f);
        var dcTown = await TownOfAsync(f, f.VillageId);
        (await f.City.GetJson($"/api/statistics/appeals?townId={dcTown}&villageId={caVillage}", HttpStatusCode.BadRequest))
            .ShouldNameField("villageId", "not_in_town");
        // Without the permission to read appeals, no statistics at all.
        await (await f.Host.SignIn("contractor.demo")).GetJson("/api/statistics/appeals", HttpStatusCode.Forbidden);
    }
}
