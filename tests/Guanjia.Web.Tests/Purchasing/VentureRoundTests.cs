using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Guanjia.Web.Tests.Infrastructure;

namespace Guanjia.Web.Tests.Purchasing;

/// <summary>
/// Issue 14 §5: community social organisations incubated in a street with their capacity building (R-CA-10), and the micro
/// venture-philanthropy rounds (微公益创投) — call, applications, the panel's scores, funding within the budget, funded projects' progress —
/// with each street's yearly round as a deadline row (R-PS-02), in 瑶海区, on both databases. Each test runs in a Beijing year of its own on
/// the shared fake clock and puts the clock back.
/// </summary>
[Collection(ApiCollection.Name)]
public class VentureRoundTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private static int _year = 2060;

    private static int FreshYear() => Interlocked.Increment(ref _year);

    private static DateTimeOffset Local(int y, int m, int d, int h = 10, int min = 0) => new(y, m, d, h, min, 0, China);

    private static object Round(string townId, int year, long budgetFen = 100_000_00, long capFen = 30_000_00, string? from = null, string? to = null,
        object[]? criteria = null) => new
    {
        townId, title = Http.Unique($"{year}年红光街道微公益创投"), description = "重点支持养老服务类、儿童青少年服务类、楼栋自治类项目", budgetFen, capFen,
        applyFrom = from ?? $"{year}-03-01", applyTo = to ?? $"{year}-03-31",
        criteria = criteria ?? new object[]
        {
            new { name = "需求分析", weightPercent = 30 }, new { name = "项目设计", weightPercent = 40 }, new { name = "可行性与预算", weightPercent = 30 },
        },
        panel = new[] { "张评审", "李评审" },
    };

    private static object Application(string project, long amountFen, string? organisationId = null, string kind = "BuildingTeam") => new
    {
        applicantKind = kind, organisationId, applicantName = organisationId is null ? "红光街道3号楼“两长多员”团队" : null, projectName = project,
        category = "BuildingSelfGovernance", summary = "楼栋居民自我管理、自我服务，整治楼道堆物，组织邻里互助", amountFen, beneficiaries = 120,
    };

    private static object Sheet(string reviewer, decimal a, decimal b, decimal c) => new
    {
        reviewer, scores = new[] { new { criterion = "需求分析", score = a }, new { criterion = "项目设计", score = b }, new { criterion = "可行性与预算", score = c } },
        comment = "需求清楚",
    };

    private static async Task<JsonElement> StepAsync(HttpClient c, string roundId, string action, HttpStatusCode expected = HttpStatusCode.OK) =>
        await c.PostJson($"/api/purchasing/venture-rounds/{roundId}/steps", new { action }, expected);

    private static async Task<JsonElement> YearRowAsync(HttpClient c, string townId, int year) =>
        (await c.GetJson($"/api/purchasing/venture-deadlines?year={year}")).EnumerateArray().Single(r => r.Str("townId") == townId);

    [Theory, BothDatabases]
    public async Task R_CA_10_R_PS_02_from_incubation_and_the_call_to_a_funded_project_with_its_progress(Db db)
    {
        var host = TestHost.For(db);
        var saved = host.Clock.GetUtcNow();
        var year = FreshYear();
        try
        {
            host.Clock.Set(Local(year, 3, 10));
            var k = await PurchasingKit.StartAsync(db);
            var bureau = await host.SignIn("yaohai.admin");
            var community = (await k.CommunitiesAsync(count: 1))[0];

            // R-CA-10: an organisation incubated in 红光街道 and its capacity building.
            var org = await bureau.PostJson("/api/purchasing/incubated-organisations", new
            {
                name = Http.Unique("红光邻里互助会"), kind = "CommunitySocialOrganisation", townId = k.HongguangId, communityId = community,
                servedGroups = new[] { "EmptyNestElderly", "ExtremelyPoor" }, leader = "王阿姨", startedOn = $"{year}-01-15",
            }, HttpStatusCode.Created);
            Assert.Equal("Incubating", org.Str("state"));
            org = await bureau.PostJson($"/api/purchasing/incubated-organisations/{org.Str("id")}/events",
                new { on = $"{year}-03-02", topic = "项目设计与需求调研培训", hours = 3.5m, attendees = 18 }, HttpStatusCode.Created);
            Assert.Equal(3.5m, org.GetProperty("capacityHours").GetDecimal());
            Assert.Single(org.GetProperty("events").EnumerateArray());

            // The call: drafted, the street's row of the year is on record and open; opening the round meets it (R-PS-02).
            var round = await bureau.PostJson("/api/purchasing/venture-rounds", Round(k.HongguangId, year), HttpStatusCode.Created);
            var rid = round.Str("id");
            Assert.Equal("Draft", round.Str("state"));
            Assert.Equal("Open", (await YearRowAsync(bureau, k.HongguangId, year)).Str("status"));
            round = await StepAsync(bureau, rid, "Open");
            Assert.Equal("Open", round.Str("state"));
            var row = await YearRowAsync(bureau, k.HongguangId, year);
            Assert.Equal("Met", row.Str("status"));
            Assert.Equal(Local(year, 12, 31, 23, 59).AddSeconds(59), row.GetProperty("dueAt").GetDateTimeOffset());

            // Applications: from the incubated organisation and from a building team.
            var a1 = await bureau.PostJson($"/api/purchasing/venture-rounds/{rid}/applications",
                Application("空巢老人互助陪伴", 20_000_00, org.Str("id"), "CommunitySocialOrganisation"), HttpStatusCode.Created);
            Assert.Equal(org.Str("name"), a1.Str("applicantName"));
            var a2 = await bureau.PostJson($"/api/purchasing/venture-rounds/{rid}/applications", Application("楼道微治理", 25_000_00), HttpStatusCode.Created);
            Assert.Equal($"{year}-03-10", a1.Str("submittedOn"));

            // The panel scores each criterion; the application keeps the mean of the weighted totals.
            await StepAsync(bureau, rid, "StartReview");
            // 张: 0.3×90 + 0.4×80 + 0.3×70 = 80; 李: 0.3×85 + 0.4×95 + 0.3×75 = 86 → mean 83.
            await bureau.PostJson($"/api/purchasing/venture-applications/{a1.Str("id")}/scores", Sheet("张评审", 90, 80, 70), HttpStatusCode.Created);
            var scored = await bureau.PostJson($"/api/purchasing/venture-applications/{a1.Str("id")}/scores", Sheet("李评审", 85, 95, 75), HttpStatusCode.Created);
            Assert.Equal(83m, scored.GetProperty("averageScore").GetDecimal());
            Assert.Equal([80m, 86m], scored.GetProperty("scores").EnumerateArray().Select(s => s.GetProperty("total").GetDecimal()).Order().ToArray());
            await bureau.PostJson($"/api/purchasing/venture-applications/{a2.Str("id")}/scores", Sheet("张评审", 60, 60, 60), HttpStatusCode.Created);
            // A reviewer scores once.
            await bureau.PostJson($"/api/purchasing/venture-applications/{a1.Str("id")}/scores", Sheet("张评审", 10, 10, 10), HttpStatusCode.Conflict);
            Assert.Equal(83m, (await bureau.GetJson($"/api/purchasing/venture-applications/{a1.Str("id")}")).GetProperty("averageScore").GetDecimal());

            // The decision: the first funded with 18 000 元 within the budget, the second not.
            round = await bureau.PostJson($"/api/purchasing/venture-rounds/{rid}/decision",
                new { funded = new[] { new { applicationId = a1.Str("id"), grantedFen = 18_000_00L } }, note = "评审会议决定" }, HttpStatusCode.OK);
            Assert.Equal("Decided", round.Str("state"));
            Assert.Equal(18_000_00L, round.GetProperty("grantedFen").GetInt64());
            var apps = round.GetProperty("applicationList").EnumerateArray().ToDictionary(a => a.Str("id"));
            Assert.Equal("Funded", apps[a1.Str("id")].Str("state"));
            Assert.Equal("NotFunded", apps[a2.Str("id")].Str("state"));

            // The funded project's progress, with a photo through the upload service, and its close.
            using var form = new MultipartFormDataContent();
            form.Add(new StringContent("Photo"), "kind");
            var jpeg = new ByteArrayContent(Appeals.PortalPhotoTests.JpegWithGps);
            jpeg.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            form.Add(jpeg, "file", "活动照片.jpg");
            var photo = await (await bureau.PostAsync($"/api/purchasing/venture-applications/{a1.Str("id")}/attachments", form)).Json(HttpStatusCode.Created);
            var project = await bureau.PostJson($"/api/purchasing/venture-applications/{a1.Str("id")}/progress",
                new { on = $"{year}-03-10", text = "首次陪伴探访12户空巢老人", attachmentId = photo.Str("id") }, HttpStatusCode.Created);
            Assert.Equal(photo.Str("id"), project.GetProperty("progress")[0].Str("attachmentId"));
            // Another project's file is not this one's.
            (await bureau.PostJson($"/api/purchasing/venture-applications/{a1.Str("id")}/progress",
                new { on = $"{year}-03-10", text = "x", attachmentId = Guid.NewGuid() }, HttpStatusCode.BadRequest)).ShouldNameField("attachmentId", "unknown_attachment");
            // The round closes only when its funded projects are completed.
            (await StepAsync(bureau, rid, "Close", HttpStatusCode.BadRequest)).ShouldNameField("action", "projects_open");
            project = await bureau.PostJson($"/api/purchasing/venture-applications/{a1.Str("id")}/completion",
                new { result = "服务空巢老人32名，开展陪伴探访96次" }, HttpStatusCode.OK);
            Assert.Equal("Completed", project.Str("state"));
            Assert.Equal("Closed", (await StepAsync(bureau, rid, "Close")).Str("state"));

            // The street sees its own round and organisation.
            var street = await host.SignIn("yaohai.street");
            Assert.Contains((await street.GetJson($"/api/purchasing/venture-rounds?year={year}")).EnumerateArray(), r => r.Str("id") == rid);
            Assert.Contains((await street.GetJson("/api/purchasing/incubated-organisations")).EnumerateArray(), o => o.Str("id") == org.Str("id"));
            Assert.Equal(1, (await street.GetJson($"/api/purchasing/venture-rounds/{rid}")).GetProperty("funded").GetInt32());
            // A street reads; the bureau writes (ADR 0035).
            await street.PostJson("/api/purchasing/venture-rounds", Round(k.HongguangId, year), HttpStatusCode.Forbidden);

            // R-CA-10: the organisation is filed (备案) with the street.
            var filed = await bureau.PostJson($"/api/purchasing/incubated-organisations/{org.Str("id")}/steps",
                new { action = "File", on = $"{year}-03-10", note = "街道备案" }, HttpStatusCode.OK);
            Assert.Equal("Filed", filed.Str("state"));
            (await bureau.PostJson($"/api/purchasing/incubated-organisations/{org.Str("id")}/steps", new { action = "Withdraw", on = $"{year}-03-10" },
                HttpStatusCode.BadRequest)).ShouldNameField("action", "not_allowed");
        }
        finally
        {
            host.Clock.Set(saved);
        }
    }

    [Theory, BothDatabases]
    public async Task R_PS_02_bad_calls_applications_scores_and_decisions_are_refused_with_the_field_and_change_nothing(Db db)
    {
        var host = TestHost.For(db);
        var saved = host.Clock.GetUtcNow();
        var year = FreshYear();
        try
        {
            host.Clock.Set(Local(year, 3, 10));
            var k = await PurchasingKit.StartAsync(db);
            var bureau = await host.SignIn("yaohai.admin");
            int Count(JsonElement list) => list.GetArrayLength();
            var before = Count(await bureau.GetJson($"/api/purchasing/venture-rounds?year={year}"));

            // The call: weights not adding up to 100, a cap over the budget, a window across the year's end.
            (await bureau.PostJson("/api/purchasing/venture-rounds", Round(k.HongguangId, year, criteria:
                [new { name = "需求分析", weightPercent = 30 }, new { name = "项目设计", weightPercent = 40 }]), HttpStatusCode.BadRequest))
                .ShouldNameField("criteria", "weights_not_100");
            (await bureau.PostJson("/api/purchasing/venture-rounds", Round(k.HongguangId, year, budgetFen: 10_000_00, capFen: 20_000_00), HttpStatusCode.BadRequest))
                .ShouldNameField("capFen", "cap_over_budget");
            (await bureau.PostJson("/api/purchasing/venture-rounds", Round(k.HongguangId, year, from: $"{year}-12-01", to: $"{year + 1}-01-31"),
                HttpStatusCode.BadRequest)).ShouldNameField("applyTo", "other_year");
            var dongguanTown = (await (await host.SignIn("dongcheng.lead")).GetJson("/api/auth/me")).Str("organizationId");
            (await bureau.PostJson("/api/purchasing/venture-rounds", Round(dongguanTown, year), HttpStatusCode.BadRequest)).ShouldNameField("townId", "not_a_town");
            Assert.Equal(before, Count(await bureau.GetJson($"/api/purchasing/venture-rounds?year={year}")));

            var rid = (await bureau.PostJson("/api/purchasing/venture-rounds", Round(k.HongguangId, year, budgetFen: 50_000_00, capFen: 30_000_00),
                HttpStatusCode.Created)).Str("id");
            string Applications() => $"/api/purchasing/venture-rounds/{rid}/applications";
            // Not open yet.
            (await bureau.PostJson(Applications(), Application("楼道微治理", 10_000_00), HttpStatusCode.BadRequest)).ShouldNameField("roundId", "round_not_open");
            await StepAsync(bureau, rid, "Open");
            // Over the cap.
            (await bureau.PostJson(Applications(), Application("楼道微治理", 30_000_01), HttpStatusCode.BadRequest)).ShouldNameField("amountFen", "over_cap");
            var a1 = (await bureau.PostJson(Applications(), Application("楼道微治理", 30_000_00), HttpStatusCode.Created)).Str("id");
            var a2 = (await bureau.PostJson(Applications(), Application("儿童四点半课堂", 30_000_00), HttpStatusCode.Created)).Str("id");
            // Scoring while applications are still taken.
            (await bureau.PostJson($"/api/purchasing/venture-applications/{a1}/scores", Sheet("张评审", 80, 80, 80), HttpStatusCode.BadRequest))
                .ShouldNameField("roundId", "round_not_reviewing");

            // Outside the window: the window ended yesterday.
            host.Clock.Set(Local(year, 4, 1));
            bureau = await host.SignIn("yaohai.admin");
            (await bureau.PostJson(Applications(), Application("迟到的项目", 10_000_00), HttpStatusCode.BadRequest)).ShouldNameField("roundId", "outside_window");
            await StepAsync(bureau, rid, "StartReview");
            // Not on the panel; a criterion left out; a score out of range.
            (await bureau.PostJson($"/api/purchasing/venture-applications/{a1}/scores", Sheet("王路人", 80, 80, 80), HttpStatusCode.BadRequest))
                .ShouldNameField("reviewer", "not_on_panel");
            (await bureau.PostJson($"/api/purchasing/venture-applications/{a1}/scores",
                new { reviewer = "张评审", scores = new[] { new { criterion = "需求分析", score = 80m } } }, HttpStatusCode.BadRequest))
                .ShouldNameField("scores", "missing_criterion");
            (await bureau.PostJson($"/api/purchasing/venture-applications/{a1}/scores", Sheet("张评审", 80, 101, 80), HttpStatusCode.BadRequest))
                .ShouldNameField("scores[1].score", "out_of_range");
            await bureau.PostJson($"/api/purchasing/venture-applications/{a1}/scores", Sheet("张评审", 80, 80, 80), HttpStatusCode.Created);
            await bureau.PostJson($"/api/purchasing/venture-applications/{a2}/scores", Sheet("张评审", 70, 70, 70), HttpStatusCode.Created);

            // Funding over the budget: 30 000 + 30 000 元 > 50 000 元; a grant over what was asked.
            (await bureau.PostJson($"/api/purchasing/venture-rounds/{rid}/decision", new
            {
                funded = new[] { new { applicationId = a1, grantedFen = 30_000_00L }, new { applicationId = a2, grantedFen = 30_000_00L } },
            }, HttpStatusCode.BadRequest)).ShouldNameField("funded", "over_budget");
            (await bureau.PostJson($"/api/purchasing/venture-rounds/{rid}/decision", new { funded = new[] { new { applicationId = a1, grantedFen = 30_000_01L } } },
                HttpStatusCode.BadRequest)).ShouldNameField("funded[0].grantedFen", "over_asked");
            var round = await bureau.GetJson($"/api/purchasing/venture-rounds/{rid}");
            Assert.Equal("Reviewing", round.Str("state"));
            Assert.Equal(0L, round.GetProperty("grantedFen").GetInt64());
            Assert.All(round.GetProperty("applicationList").EnumerateArray(), a => Assert.Equal("Submitted", a.Str("state")));
            Assert.Equal(2, round.GetProperty("applications").GetInt32());

            // Exactly the budget is fine; then scoring a decided round is refused and the scores stay as they were.
            await bureau.PostJson($"/api/purchasing/venture-rounds/{rid}/decision",
                new { funded = new[] { new { applicationId = a1, grantedFen = 30_000_00L }, new { applicationId = a2, grantedFen = 20_000_00L } } }, HttpStatusCode.OK);
            (await bureau.PostJson($"/api/purchasing/venture-applications/{a1}/scores", Sheet("李评审", 80, 80, 80), HttpStatusCode.BadRequest))
                .ShouldNameField("roundId", "round_not_reviewing");
            Assert.Equal(1, (await bureau.GetJson($"/api/purchasing/venture-applications/{a1}")).GetProperty("scoreCount").GetInt32());
            // Deciding twice.
            (await bureau.PostJson($"/api/purchasing/venture-rounds/{rid}/decision", new { funded = Array.Empty<object>() }, HttpStatusCode.BadRequest))
                .ShouldNameField("roundId", "round_not_reviewing");
        }
        finally
        {
            host.Clock.Set(saved);
        }
    }

    [Theory, BothDatabases]
    public async Task R_PS_02_a_dongguan_user_sees_nothing_of_yaohai_rounds_and_organisations(Db db)
    {
        var host = TestHost.For(db);
        var saved = host.Clock.GetUtcNow();
        var year = FreshYear();
        try
        {
            host.Clock.Set(Local(year, 3, 10));
            var k = await PurchasingKit.StartAsync(db);
            var bureau = await host.SignIn("yaohai.admin");
            var rid = (await bureau.PostJson("/api/purchasing/venture-rounds", Round(k.HongguangId, year), HttpStatusCode.Created)).Str("id");
            var oid = (await bureau.PostJson("/api/purchasing/incubated-organisations", new
            {
                name = Http.Unique("红光楼栋团队"), kind = "BuildingTeam", townId = k.HongguangId, servedGroups = new[] { "Residents" }, startedOn = $"{year}-03-01",
            }, HttpStatusCode.Created)).Str("id");

            foreach (var user in new[] { "city.admin", "dongcheng.lead" })
            {
                var c = await host.SignIn(user);
                // 东莞 does not run the purchase programme: every one of these endpoints answers 404 before reading anything.
                foreach (var url in new[]
                         {
                             "/api/purchasing/venture-rounds", $"/api/purchasing/venture-rounds/{rid}", "/api/purchasing/incubated-organisations",
                             $"/api/purchasing/incubated-organisations/{oid}", "/api/purchasing/venture-deadlines",
                         })
                    Assert.Equal("programme_not_run", (await c.GetJson(url, HttpStatusCode.NotFound)).Str("code"));
                // Nor does the general deadline list show 瑶海区's street rows.
                Assert.Equal(0, (await c.GetJson("/api/deadlines?obligation=VentureRoundYearly&status=All")).GetProperty("total").GetInt32());
            }
            Assert.True((await bureau.GetJson("/api/deadlines?obligation=VentureRoundYearly&status=All")).GetProperty("total").GetInt32() > 0);
            await StepAsync(bureau, rid, "Open");
        }
        finally
        {
            host.Clock.Set(saved);
        }
    }

    [Theory, BothDatabases]
    public async Task R_PS_02_each_street_owes_a_round_a_year_warned_from_October_overdue_after_the_year_and_met_late_by_a_late_round(Db db)
    {
        var host = TestHost.For(db);
        var saved = host.Clock.GetUtcNow();
        var year = FreshYear();
        try
        {
            // 30 September, 23:30 in Beijing (15:30 UTC): the row is open, not yet warned.
            host.Clock.Set(Local(year, 9, 30, 23, 30));
            var k = await PurchasingKit.StartAsync(db);
            var bureau = await host.SignIn("yaohai.admin");
            var rid = (await bureau.PostJson("/api/purchasing/venture-rounds", Round(k.HongguangId, year, from: $"{year}-12-01", to: $"{year}-12-31"),
                HttpStatusCode.Created)).Str("id");
            var row = await YearRowAsync(bureau, k.HongguangId, year);
            Assert.Equal("Open", row.Str("status"));
            Assert.Equal(Local(year, 10, 1, 0, 0), row.GetProperty("warnAt").GetDateTimeOffset());

            // An hour later it is 1 October in Beijing (still 30 September in UTC): warned.
            host.Clock.Advance(TimeSpan.FromHours(1));
            Assert.Equal("DueSoon", (await YearRowAsync(await host.SignIn("yaohai.admin"), k.HongguangId, year)).Str("status"));

            // The year's last minute in Beijing: still only due soon; a minute past midnight on 1 January: overdue.
            host.Clock.Set(Local(year, 12, 31, 23, 59));
            bureau = await host.SignIn("yaohai.admin");
            Assert.Equal("DueSoon", (await YearRowAsync(bureau, k.HongguangId, year)).Str("status"));
            host.Clock.Set(Local(year + 1, 1, 1, 0, 1));
            bureau = await host.SignIn("yaohai.admin");
            Assert.Equal("Overdue", (await YearRowAsync(bureau, k.HongguangId, year)).Str("status"));

            // Opening the year's round after the year meets the row late, with the round named as the reason.
            await StepAsync(bureau, rid, "Open");
            row = await YearRowAsync(bureau, k.HongguangId, year);
            Assert.Equal("MetLate", row.Str("status"));
            Assert.Contains("补开", row.Str("lateReason"));
        }
        finally
        {
            host.Clock.Set(saved);
        }
    }
}
