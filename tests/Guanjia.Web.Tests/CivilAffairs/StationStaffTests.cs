using System.Net;
using System.Text.Json;
using Guanjia.Web.Tests.Infrastructure;

namespace Guanjia.Web.Tests.CivilAffairs;

/// <summary>
/// Issue 14 part C: the stations and workstations with their public page (R-CA-01, R-CA-14), the roster and training ledger
/// (R-CA-02, R-CA-03, R-PS-04), activities and publicity deadlines (R-CA-10, R-CA-11), in 瑶海区 and 东莞, on both databases.
/// </summary>
[Collection(ApiCollection.Name)]
public class StationStaffTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    private sealed record Yaohai(TestHost Host, HttpClient Bureau)
    {
        public DateOnly Today => Guanjia.Domain.Calendar.ChinaTime.LocalDate(Host.Clock.GetUtcNow());
    }

    private static async Task<Yaohai> StartAsync(Db db, DateTimeOffset? at = null)
    {
        var host = TestHost.For(db);
        if (at is { } t) host.Clock.Set(t);
        else if (host.Clock.GetUtcNow() < TestHost.Start) host.Clock.Set(TestHost.Start);
        return new Yaohai(host, await host.SignIn("yaohai.admin"));
    }

    /// <summary>A street, town or zone of 瑶海区 with no station yet.</summary>
    private static async Task<(string Id, string Name)> FreeTownAsync(HttpClient bureau)
    {
        var taken = (await bureau.GetJson("/api/civil-affairs/stations")).EnumerateArray().Select(s => s.Str("townId")).ToHashSet();
        foreach (var kind in new[] { "Street", "Town", "Park" })
            foreach (var o in (await bureau.GetJson($"/api/organizations?kind={kind}&pageSize=50")).GetProperty("items").EnumerateArray())
                if (!taken.Contains(o.Str("id"))) return (o.Str("id"), o.Str("name"));
        throw new InvalidOperationException("No free town left in 瑶海区");
    }

    private static async Task<JsonElement> WorkstationAsync(HttpClient bureau)
    {
        var (townId, _) = await FreeTownAsync(bureau);
        return await bureau.PostJson("/api/civil-affairs/stations", new { townId, kind = "SocialServiceWorkstation" }, HttpStatusCode.Created);
    }

    private static async Task<string> ContractorIdAsync(HttpClient c) =>
        (await c.GetJson("/api/organizations?kind=Contractor&pageSize=5")).GetProperty("items")[0].Str("id");

    private static object Worker(string? stationId, string employerId, DateOnly birth, string education = "Bachelor", bool localHukou = true,
        string? reason = null, string? userId = null, string role = "Worker", string? packageId = null, string? phone = "13912345678", string? name = null) => new
    {
        role, stationId, packageId, employerId, userId, name = name ?? Http.Unique("测试社工"), phone, birthDate = birth.ToString("yyyy-MM-dd"), education,
        localHukou, exceptionReason = reason, hiredByOpenExam = true, socialInsurance = true, filedWithBureauOn = (string?)null,
    };

    private static async Task TrainAsync(HttpClient c, string staffId, decimal hours, string kind, DateOnly on) =>
        await c.PostJson($"/api/civil-affairs/staff/{staffId}/training", new { on = on.ToString("yyyy-MM-dd"), hours, kind, topic = "社会救助政策与个案工作" },
            HttpStatusCode.Created);

    [Theory, BothDatabases]
    public async Task R_CA_01_a_station_name_not_in_the_required_form_is_refused_and_nothing_is_saved(Db db)
    {
        var k = await StartAsync(db);
        var (townId, townName) = await FreeTownAsync(k.Bureau);
        var before = (await k.Bureau.GetJson("/api/civil-affairs/stations")).GetArrayLength();

        var bad = await k.Bureau.PostJson("/api/civil-affairs/stations", new { townId, kind = "SocialServiceWorkstation", name = $"{townName}社工站" },
            HttpStatusCode.BadRequest);
        bad.ShouldNameField("name", "name_form");
        Assert.Contains("R-CA-01", bad.GetProperty("fieldErrors")[0].Str("zh"), StringComparison.Ordinal);
        // A 民政服务站 name on a workstation is not its form either.
        (await k.Bureau.PostJson("/api/civil-affairs/stations", new { townId, kind = "SocialServiceWorkstation", name = $"{townName}民政服务站" },
            HttpStatusCode.BadRequest)).ShouldNameField("name", "name_form");
        Assert.Equal(before, (await k.Bureau.GetJson("/api/civil-affairs/stations")).GetArrayLength());

        var ok = await k.Bureau.PostJson("/api/civil-affairs/stations", new { townId, kind = "SocialServiceWorkstation", name = $" {townName}社会服务工作站 " },
            HttpStatusCode.Created);
        Assert.Equal($"{townName}社会服务工作站", ok.Str("name"));
        Assert.Equal("SocialServiceWorkstation", ok.Str("kind"));

        // Renaming it on its profile is checked the same way, and nothing changes.
        var profile = await k.Bureau.GetJson($"/api/civil-affairs/stations/{ok.Str("id")}/profile");
        (await k.Bureau.PutJson($"/api/civil-affairs/stations/{ok.Str("id")}/profile", new
        {
            version = profile.GetProperty("version").GetInt32(), name = "瑶海区民政服务站", venue = "改名测试",
        }, HttpStatusCode.BadRequest)).ShouldNameField("name", "name_form");
        var again = await k.Bureau.GetJson($"/api/civil-affairs/stations/{ok.Str("id")}/profile");
        Assert.Equal($"{townName}社会服务工作站", again.Str("name"));
        Assert.Equal(JsonValueKind.Null, again.GetProperty("venue").ValueKind);

        // In 东莞 the 001 form: "××镇(街道)民政服务站".
        var city = await k.Host.SignIn("city.admin");
        var dongguanTown = (await city.GetJson("/api/organizations?q=长安镇&kind=Town")).GetProperty("items")[0].Str("id");
        (await city.PostJson("/api/civil-affairs/stations", new { townId = dongguanTown, name = "长安镇社工站" }, HttpStatusCode.BadRequest))
            .ShouldNameField("name", "name_form");
    }

    [Theory, BothDatabases]
    public async Task R_CA_02_a_worker_missing_a_general_requirement_is_hired_only_with_a_recorded_reason(Db db)
    {
        var k = await StartAsync(db);
        var station = await WorkstationAsync(k.Bureau);
        var sid = station.Str("id");
        var employer = await ContractorIdAsync(k.Bureau);
        var fifty = k.Today.AddYears(-50);

        var bad = await k.Bureau.PostJson("/api/civil-affairs/staff", Worker(sid, employer, fifty, education: "BelowCollege"), HttpStatusCode.BadRequest);
        bad.ShouldNameField("exceptionReason", "exception_reason_required");
        var zh = bad.GetProperty("fieldErrors").EnumerateArray().First(e => e.Str("field") == "exceptionReason").Str("zh");
        Assert.Contains("R-CA-02", zh, StringComparison.Ordinal);
        Assert.Contains("年龄超过45岁", zh, StringComparison.Ordinal);
        Assert.Equal(0, (await k.Bureau.GetJson($"/api/civil-affairs/staff?stationId={sid}")).GetArrayLength());

        // A young graduate with local hukou needs no reason; the older one is hired with the reason recorded.
        await k.Bureau.PostJson("/api/civil-affairs/staff", Worker(sid, employer, k.Today.AddYears(-30)), HttpStatusCode.Created);
        var hired = await k.Bureau.PostJson("/api/civil-affairs/staff",
            Worker(sid, employer, fifty, education: "BelowCollege", localHukou: false, reason: "从事社区养老服务二十年，经公开招考择优录用"), HttpStatusCode.Created);
        Assert.Equal(["over_age", "below_college", "not_local_hukou"], hired.GetProperty("exceptions").EnumerateArray().Select(e => e.GetString()!).ToArray());
        Assert.Equal("从事社区养老服务二十年，经公开招考择优录用", hired.Str("exceptionReason"));
        Assert.Equal(2, (await k.Bureau.GetJson($"/api/civil-affairs/staff?stationId={sid}")).GetArrayLength());

        // The age limit is the jurisdiction's configuration, not a constant.
        var current = await k.Bureau.GetJson("/api/jurisdiction");
        var rules = System.Text.Json.Nodes.JsonNode.Parse(current.GetProperty("rules").GetRawText())!;
        try
        {
            rules["civilAffairs"]!["workerAgeLimit"] = 55;
            await k.Bureau.PostJson("/api/jurisdiction/rules", new { rules, reason = "测试：调整年龄要求" }, HttpStatusCode.OK);
            var fine = await k.Bureau.PostJson("/api/civil-affairs/staff", Worker(sid, employer, fifty), HttpStatusCode.Created);
            Assert.Equal(0, fine.GetProperty("exceptions").GetArrayLength());
        }
        finally
        {
            rules["civilAffairs"]!["workerAgeLimit"] = 45;
            await k.Bureau.PostJson("/api/jurisdiction/rules", new { rules, reason = "测试结束：恢复年龄要求" }, HttpStatusCode.OK);
        }
    }

    [Theory, BothDatabases]
    public async Task R_CA_03_a_worker_short_of_40_hours_of_pre_job_training_is_refused_by_casework(Db db)
    {
        var k = await CaseworkKit.StartAsync(db);
        var station = (await k.City.GetJson("/api/civil-affairs/stations")).EnumerateArray().First(s => s.Str("townId") == k.TownId);
        var employer = await ContractorIdAsync(k.City);
        var userName = Http.Unique("dc.w");
        var user = await k.City.PostJson("/api/users", new { userName, displayName = "新到岗驻站人员（测试）", role = "StationWorker", organizationId = k.TownId, password = "Demo@2026" },
            HttpStatusCode.Created);
        await k.City.PostJson($"/api/civil-affairs/stations/{station.Str("id")}/workers", new { userId = user.Str("id") }, HttpStatusCode.OK);
        var staff = await k.City.PostJson("/api/civil-affairs/staff", Worker(station.Str("id"), employer, k.Today.AddYears(-28), userId: user.Str("id")),
            HttpStatusCode.Created);
        await TrainAsync(k.City, staff.Str("id"), 39.5m, "PreJob", k.Today);
        await TrainAsync(k.City, staff.Str("id"), 8m, "Continuing", k.Today); // continuing education does not count towards the pre-job hours
        var view = await k.City.GetJson($"/api/civil-affairs/staff/{staff.Str("id")}");
        Assert.Equal(39.5m, view.GetProperty("preJobHours").GetDecimal());
        Assert.False(view.GetProperty("mayServe").GetBoolean());

        // Assigned to a person: refused, nothing saved.
        var person = k.Person();
        var json = JsonSerializer.SerializeToNode(person, TestHost.Json)!;
        json["assignedWorkerId"] = user.Str("id");
        var refused = await k.Worker.PostJson("/api/civil-affairs/files", json, HttpStatusCode.BadRequest);
        refused.ShouldNameField("assignedWorkerId", "pre_job_training_incomplete");
        Assert.Contains("R-CA-03", refused.GetProperty("fieldErrors")[0].Str("zh"), StringComparison.Ordinal);
        // Recording a visit themselves: refused too.
        var file = await k.RegisterAsync();
        var newcomer = await k.Host.SignIn(userName);
        var visit = await newcomer.PostJson("/api/civil-affairs/visits", CaseworkKit.Visit(file.Str("id"), k.Now.AddMinutes(-5)), HttpStatusCode.BadRequest);
        visit.ShouldNameField("worker", "pre_job_training_incomplete");
        // Moving a file to them: refused.
        (await k.Worker.PutJson($"/api/civil-affairs/files/{file.Str("id")}", new { version = file.GetProperty("version").GetInt32(), assignedWorkerId = user.Str("id") },
            HttpStatusCode.BadRequest)).ShouldNameField("assignedWorkerId", "pre_job_training_incomplete");

        // Half an hour more and they serve.
        await TrainAsync(k.City, staff.Str("id"), 0.5m, "PreJob", k.Today);
        await newcomer.PostJson("/api/civil-affairs/visits", CaseworkKit.Visit(file.Str("id"), k.Now.AddMinutes(-5)), HttpStatusCode.Created);
        await k.Worker.PostJson("/api/civil-affairs/files", json, HttpStatusCode.Created);
    }

    [Theory, BothDatabases]
    public async Task R_CA_03_continuing_education_is_shown_against_60_hours_and_warned_in_the_last_quarter_only(Db db)
    {
        var host = TestHost.For(db);
        var saved = host.Clock.GetUtcNow();
        try
        {
            var k = await StartAsync(db, new DateTimeOffset(2041, 9, 30, 23, 30, 0, China));
            var station = await WorkstationAsync(k.Bureau);
            var staff = await k.Bureau.PostJson("/api/civil-affairs/staff", Worker(station.Str("id"), await ContractorIdAsync(k.Bureau), new DateOnly(2010, 3, 1)),
                HttpStatusCode.Created);
            var id = staff.Str("id");
            await TrainAsync(k.Bureau, id, 40, "PreJob", new DateOnly(2041, 1, 10));
            await TrainAsync(k.Bureau, id, 20, "Continuing", new DateOnly(2041, 6, 1));

            // 30 September, 23:30 in Beijing (15:30 UTC): the third quarter, no warning yet.
            var q3 = (await k.Bureau.GetJson($"/api/civil-affairs/staff/{id}")).GetProperty("continuing");
            Assert.Equal(2041, q3.GetProperty("year").GetInt32());
            Assert.Equal(60, q3.GetProperty("requiredHours").GetInt32());
            Assert.Equal(40m, q3.GetProperty("shortHours").GetDecimal());
            Assert.False(q3.GetProperty("warn").GetBoolean());

            // An hour later it is 1 October in Beijing (still 30 September in UTC): warned.
            host.Clock.Advance(TimeSpan.FromHours(1));
            var bureau = await host.SignIn("yaohai.admin");
            var q4 = (await bureau.GetJson($"/api/civil-affairs/staff/{id}")).GetProperty("continuing");
            Assert.True(q4.GetProperty("warn").GetBoolean());
            Assert.Equal(40m, q4.GetProperty("shortHours").GetDecimal());

            // Enough hours: no warning in the last quarter either.
            await TrainAsync(bureau, id, 40, "Continuing", new DateOnly(2041, 10, 1));
            Assert.False((await bureau.GetJson($"/api/civil-affairs/staff/{id}")).GetProperty("continuing").GetProperty("warn").GetBoolean());

            // Across the year's end: a new year starts from nought and is not warned until its own last quarter.
            host.Clock.Set(new DateTimeOffset(2042, 1, 1, 0, 30, 0, China));
            bureau = await host.SignIn("yaohai.admin");
            var next = (await bureau.GetJson($"/api/civil-affairs/staff/{id}")).GetProperty("continuing");
            Assert.Equal(2042, next.GetProperty("year").GetInt32());
            Assert.Equal(0m, next.GetProperty("doneHours").GetDecimal());
            Assert.False(next.GetProperty("warn").GetBoolean());
            Assert.True((await bureau.GetJson($"/api/civil-affairs/staff/{id}")).GetProperty("mayServe").GetBoolean());
        }
        finally
        {
            host.Clock.Set(saved);
        }
    }

    [Theory, BothDatabases]
    public async Task R_CA_11_policy_publicity_is_due_every_month_and_three_news_reports_every_year(Db db)
    {
        var host = TestHost.For(db);
        var saved = host.Clock.GetUtcNow();
        try
        {
            var k = await StartAsync(db, new DateTimeOffset(2043, 12, 20, 10, 0, 0, China));
            var station = await WorkstationAsync(k.Bureau);
            var sid = station.Str("id");
            async Task<List<JsonElement>> Rows(HttpClient c) => (await c.GetJson($"/api/civil-affairs/stations/{sid}/publicity")).EnumerateArray().ToList();
            JsonElement Row(List<JsonElement> rows, string obligation, DateTimeOffset start) =>
                rows.Single(r => r.Str("obligation") == obligation && r.GetProperty("startsAt").GetDateTimeOffset() == start);

            // The station opens December's policy publicity (due at the month's end in Beijing) and the year's news reports.
            var rows = await Rows(k.Bureau);
            var dec = Row(rows, "StationPolicyPublicity", new DateTimeOffset(2043, 12, 1, 0, 0, 0, China));
            Assert.Equal(new DateOnly(2043, 12, 31), DateOnly.FromDateTime(dec.GetProperty("dueAt").GetDateTimeOffset().ToOffset(China).DateTime));
            Assert.Equal("Open", dec.Str("status"));
            Assert.Equal(3, Row(rows, "StationNewsReports", new DateTimeOffset(2043, 1, 1, 0, 0, 0, China)).GetProperty("required").GetInt32());

            await k.Bureau.PostJson($"/api/civil-affairs/stations/{sid}/activities", new { kind = "PolicyPublicity", title = "低保政策进社区", on = "2043-12-20" },
                HttpStatusCode.Created);
            (await k.Bureau.PostJson($"/api/civil-affairs/stations/{sid}/activities", new { kind = "NewsReport", title = "救助故事", on = "2043-12-20" },
                HttpStatusCode.BadRequest)).ShouldNameField("source", "required");
            foreach (var t in new[] { "救助故事一", "救助故事二" })
                await k.Bureau.PostJson($"/api/civil-affairs/stations/{sid}/activities", new { kind = "NewsReport", title = t, on = "2043-12-20", source = "瑶海发布" },
                    HttpStatusCode.Created);
            rows = await Rows(k.Bureau);
            Assert.Equal("Met", Row(rows, "StationPolicyPublicity", new DateTimeOffset(2043, 12, 1, 0, 0, 0, China)).Str("status"));
            var news = Row(rows, "StationNewsReports", new DateTimeOffset(2043, 1, 1, 0, 0, 0, China));
            Assert.Equal(2, news.GetProperty("done").GetInt32());
            Assert.NotEqual("Met", news.Str("status"));

            // Across the year's end: January's publicity and the new year's reports open; last year's two reports were not enough.
            host.Clock.Set(new DateTimeOffset(2044, 1, 1, 0, 5, 0, China));
            var ck = await CaseworkKit.StartAsync(db);
            await ck.OpenPeriodAsync();
            var bureau = await host.SignIn("yaohai.admin");
            rows = await Rows(bureau);
            Assert.Equal("Overdue", Row(rows, "StationNewsReports", new DateTimeOffset(2043, 1, 1, 0, 0, 0, China)).Str("status"));
            Assert.Equal("Open", Row(rows, "StationNewsReports", new DateTimeOffset(2044, 1, 1, 0, 0, 0, China)).Str("status"));
            var jan = Row(rows, "StationPolicyPublicity", new DateTimeOffset(2044, 1, 1, 0, 0, 0, China));
            Assert.Equal(new DateOnly(2044, 1, 31), DateOnly.FromDateTime(jan.GetProperty("dueAt").GetDateTimeOffset().ToOffset(China).DateTime));
            Assert.Equal("Open", jan.Str("status"));

            // Across a month's end with no publicity in January: January is overdue, February (a leap month) is open until the 29th.
            host.Clock.Set(new DateTimeOffset(2044, 2, 1, 0, 5, 0, China));
            await ck.OpenPeriodAsync();
            bureau = await host.SignIn("yaohai.admin");
            rows = await Rows(bureau);
            Assert.Equal("Overdue", Row(rows, "StationPolicyPublicity", new DateTimeOffset(2044, 1, 1, 0, 0, 0, China)).Str("status"));
            var feb = Row(rows, "StationPolicyPublicity", new DateTimeOffset(2044, 2, 1, 0, 0, 0, China));
            Assert.Equal("Open", feb.Str("status"));
            Assert.Equal(new DateOnly(2044, 2, 29), DateOnly.FromDateTime(feb.GetProperty("dueAt").GetDateTimeOffset().ToOffset(China).DateTime));

            // The third report of a year meets that year's row.
            foreach (var t in new[] { "新闻一", "新闻二", "新闻三" })
                await bureau.PostJson($"/api/civil-affairs/stations/{sid}/activities", new { kind = "NewsReport", title = t, on = "2044-02-01", source = "合肥晚报" },
                    HttpStatusCode.Created);
            Assert.Equal("Met", Row(await Rows(bureau), "StationNewsReports", new DateTimeOffset(2044, 1, 1, 0, 0, 0, China)).Str("status"));
        }
        finally
        {
            host.Clock.Set(saved);
        }
    }

    [Theory, BothDatabases]
    public async Task R_CA_10_capacity_building_of_incubated_organisations_is_recorded_when_it_happened(Db db)
    {
        var k = await StartAsync(db);
        var station = await WorkstationAsync(k.Bureau);
        var sid = station.Str("id");
        (await k.Bureau.PostJson($"/api/civil-affairs/stations/{sid}/activities",
            new { kind = "CapacityBuilding", title = "社区社会组织骨干培训", on = k.Today.AddDays(3).ToString("yyyy-MM-dd") }, HttpStatusCode.BadRequest))
            .ShouldNameField("on", "in_future");
        await k.Bureau.PostJson($"/api/civil-affairs/stations/{sid}/activities",
            new { kind = "CapacityBuilding", title = "社区社会组织骨干培训", on = k.Today.ToString("yyyy-MM-dd"), description = "孵化“邻里守望”志愿队" }, HttpStatusCode.Created);
        var list = await k.Bureau.GetJson($"/api/civil-affairs/stations/{sid}/activities?kind=CapacityBuilding");
        Assert.Equal("社区社会组织骨干培训", Assert.Single(list.EnumerateArray()).Str("title"));
    }

    [Theory, BothDatabases]
    public async Task R_CA_14_R_CA_01_the_public_page_shows_this_weeks_activities_and_no_workers_phone(Db db)
    {
        var host = TestHost.For(db);
        var saved = host.Clock.GetUtcNow();
        try
        {
            // Sunday 9 June 2041, 22:00 in Beijing: the week is Monday 3 to Sunday 9 June (ADR 0042).
            var k = await StartAsync(db, new DateTimeOffset(2041, 6, 9, 22, 0, 0, China));
            var station = await WorkstationAsync(k.Bureau);
            var sid = station.Str("id");
            var profile = await k.Bureau.GetJson($"/api/civil-affairs/stations/{sid}/profile");
            await k.Bureau.PutJson($"/api/civil-affairs/stations/{sid}/profile", new
            {
                version = profile.GetProperty("version").GetInt32(), contactName = "王站长", phone = "0551-64440000", venue = "街道党群服务中心一楼",
                venueUse = "周一至周五 8:30-17:30 开放，居民可预约活动室", services = new[] { "社会救助", "养老服务", "儿童关爱" },
                complaintChannel = "瑶海区民政局监督电话 0551-12345", serviceProcess = "来访登记→需求评估→服务→回访", brandProject = "“邻里守望”一站一品",
            }, HttpStatusCode.OK);
            var worker = await k.Bureau.PostJson("/api/civil-affairs/staff",
                Worker(sid, await ContractorIdAsync(k.Bureau), new DateOnly(2010, 5, 1), phone: "13987654321", name: "赵社工"), HttpStatusCode.Created);
            foreach (var (on, title) in new[] { ("2041-06-02", "上周日活动"), ("2041-06-03", "周一长者健康讲座"), ("2041-06-09", "周日亲子阅读"), ("2041-06-10", "下周一活动") })
                await k.Bureau.PostJson($"/api/civil-affairs/stations/{sid}/activities", new { kind = "WeeklyActivity", title, on, time = "09:30", place = "活动室" },
                    HttpStatusCode.Created);

            var anonymous = host.Anonymous();
            var res = await anonymous.GetAsync($"/api/public/civil-affairs-stations/{sid}");
            var raw = await res.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, res.StatusCode);
            var page = JsonDocument.Parse(raw).RootElement;
            Assert.Equal(["周一长者健康讲座", "周日亲子阅读"], page.GetProperty("thisWeek").EnumerateArray().Select(a => a.Str("title")).ToArray());
            Assert.Equal("2041-06-03", page.Str("weekFrom"));
            Assert.Contains("赵社工", page.GetProperty("staff").EnumerateArray().Select(s => s.GetString()));
            Assert.Equal("0551-64440000", page.Str("phone"));
            Assert.Equal("瑶海区民政局监督电话 0551-12345", page.Str("complaintChannel"));
            Assert.Equal(3, page.GetProperty("services").GetArrayLength());
            Assert.DoesNotContain("13987654321", raw, StringComparison.Ordinal);
            Assert.DoesNotContain(worker.Str("id"), raw, StringComparison.Ordinal);
            Assert.DoesNotContain("birth", raw, StringComparison.OrdinalIgnoreCase);

            // Two hours later it is Monday in Beijing (still Sunday in UTC): the next week shows.
            host.Clock.Advance(TimeSpan.FromHours(2));
            var monday = await anonymous.GetJson($"/api/public/civil-affairs-stations/{sid}");
            Assert.Equal(["下周一活动"], monday.GetProperty("thisWeek").EnumerateArray().Select(a => a.Str("title")).ToArray());
            Assert.Contains((await anonymous.GetJson("/api/public/civil-affairs-stations?jurisdiction=340102")).EnumerateArray(), s => s.Str("id") == sid);
        }
        finally
        {
            host.Clock.Set(saved);
        }
    }

    [Theory, BothDatabases]
    public async Task R_PS_04_a_workstation_shows_its_staffing_against_the_ratio_and_a_package_its_manager_and_supervisor(Db db)
    {
        var k = await StartAsync(db);
        var station = await WorkstationAsync(k.Bureau);
        var sid = station.Str("id");
        var communities = (await k.Bureau.GetJson($"/api/organizations?parentId={station.Str("townId")}&kind=Community&pageSize=50")).GetProperty("items")
            .EnumerateArray().Select(o => o.Str("id")).Take(5).ToList();
        Assert.True(communities.Count >= 2);
        var needed = (int)Math.Ceiling(communities.Count / 1.5m);
        var profile = await k.Bureau.GetJson($"/api/civil-affairs/stations/{sid}/profile");
        profile = await k.Bureau.PutJson($"/api/civil-affairs/stations/{sid}/profile",
            new { version = profile.GetProperty("version").GetInt32(), communityIds = communities }, HttpStatusCode.OK);
        var staffing = profile.GetProperty("staffing");
        Assert.Equal(communities.Count, staffing.GetProperty("communities").GetInt32());
        Assert.Equal(needed, staffing.GetProperty("workersNeeded").GetInt32()); // ⌈n / 1.5⌉ at the jurisdiction's ratio
        Assert.True(staffing.GetProperty("short").GetBoolean());

        var employer = await ContractorIdAsync(k.Bureau);
        for (var i = 0; i < needed; i++)
            await k.Bureau.PostJson("/api/civil-affairs/staff", Worker(sid, employer, k.Today.AddYears(-30)), HttpStatusCode.Created);
        staffing = (await k.Bureau.GetJson($"/api/civil-affairs/stations/{sid}/profile")).GetProperty("staffing");
        Assert.Equal(needed, staffing.GetProperty("workersInPost").GetInt32());
        Assert.False(staffing.GetProperty("short").GetBoolean());
        Assert.Equal(0, staffing.GetProperty("workersMayServe").GetInt32()); // nobody has had the pre-job training yet (R-CA-03)

        // A package's project manager (the contractor's) and supervisor (the governance academy's).
        var year = Guanjia.Web.Tests.Purchasing.PurchasingKit.FreshYear();
        var pc = communities.Take(1).ToList();
        var package = await k.Bureau.PostJson("/api/purchasing/packages", Guanjia.Web.Tests.Purchasing.PurchasingKit.Package($"{year}-01-01", $"{year}-12-31", pc),
            HttpStatusCode.Created);
        var academy = (await k.Bureau.GetJson("/api/organizations?q=基层治理学院")).GetProperty("items")[0].Str("id");
        (await k.Bureau.PostJson("/api/civil-affairs/staff", Worker(null, academy, k.Today.AddYears(-35), role: "ProjectManager", packageId: package.Str("id")),
            HttpStatusCode.BadRequest)).ShouldNameField("employerId", "not_a_contractor");
        await k.Bureau.PostJson("/api/civil-affairs/staff", Worker(null, employer, k.Today.AddYears(-35), role: "ProjectManager", packageId: package.Str("id")),
            HttpStatusCode.Created);
        await k.Bureau.PostJson("/api/civil-affairs/staff", Worker(null, academy, k.Today.AddYears(-40), role: "Supervisor", packageId: package.Str("id")),
            HttpStatusCode.Created);
        var roster = (await k.Bureau.GetJson($"/api/civil-affairs/staff?packageId={package.Str("id")}")).EnumerateArray().Select(s => s.Str("role")).Order().ToArray();
        Assert.Equal(["ProjectManager", "Supervisor"], roster);
    }

    [Theory, BothDatabases]
    public async Task A_Dongguan_user_sees_no_station_or_staff_of_Yaohai(Db db)
    {
        var k = await StartAsync(db);
        var station = await WorkstationAsync(k.Bureau);
        var sid = station.Str("id");
        var staff = await k.Bureau.PostJson("/api/civil-affairs/staff", Worker(sid, await ContractorIdAsync(k.Bureau), k.Today.AddYears(-30)), HttpStatusCode.Created);
        var city = await k.Host.SignIn("city.admin");
        await city.GetJson($"/api/civil-affairs/stations/{sid}/profile", HttpStatusCode.NotFound);
        await city.GetJson($"/api/civil-affairs/staff/{staff.Str("id")}", HttpStatusCode.NotFound);
        await city.GetJson($"/api/civil-affairs/stations/{sid}/activities", HttpStatusCode.NotFound);
        Assert.DoesNotContain((await city.GetJson("/api/civil-affairs/staff")).EnumerateArray(), s => s.Str("id") == staff.Str("id"));
        Assert.DoesNotContain((await city.GetJson("/api/civil-affairs/stations")).EnumerateArray(), s => s.Str("id") == sid);
        (await city.PostJson($"/api/civil-affairs/staff/{staff.Str("id")}/training", new { on = "2026-11-01", hours = 8, kind = "PreJob", topic = "越权" },
            HttpStatusCode.NotFound)).GetProperty("status");
    }
}
