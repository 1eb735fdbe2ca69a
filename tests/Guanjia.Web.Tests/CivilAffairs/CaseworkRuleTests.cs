using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Guanjia.Web.Tests.Documents;
using Guanjia.Web.Tests.Infrastructure;

namespace Guanjia.Web.Tests.CivilAffairs;

/// <summary>Means investigation (R-CA-05), screening (R-CA-04), resource links (R-CA-09), evaluation (R-CA-06), records of 004 (R-PS-02), plans (R-CA-13), figures, import and documents.</summary>
[Collection(ApiCollection.Name)]
public class CaseworkRuleTests
{
    private static readonly TimeSpan China = CaseworkKit.China;

    private static object Member(string name, long incomeFen) => new
    {
        name, relation = "Head", employment = "零工", monthlyIncomeFen = incomeFen, monthlyExpenditureFen = 50_000L, hardshipType = "因病", hardshipDegree = "一般",
    };

    // R-CA-05
    [Theory, BothDatabases]
    public async Task R_CA_05_income_per_head_is_compared_with_the_years_standard_and_a_change_is_flagged_for_the_town_never_applied(Db db)
    {
        var k = await CaseworkKit.StartAsync(db);
        var saved = k.Now;
        try
        {
            await k.SetClockAsync(new DateTimeOffset(2026, 12, 28, 10, 0, 0, China));
            var file = await k.RegisterAsync(k.Person(category: "Subsistence", dynamic: true));
            var household = file.Str("householdId");
            Assert.Contains(await k.DeadlinesAsync(household), d => d.Str("obligation") == "CaseMeansInvestigation" && d.Str("ruleId") == "R-CA-05");
            // 2026's standard is 1,400 元: two people on 3,000 元 a month are 1,500 元 a head, above it: the town should look.
            var x = await k.Worker.PostJson($"/api/civil-affairs/households/{household}/investigations", new
            {
                investigatedOn = "2026-12-28", methods = new[] { "HomeVisit", "NeighbourInterview" }, economy = "务工收入增加", housing = "自有住房",
                education = "初中", health = "慢性病", members = new[] { Member("户主", 300_000), Member("配偶", 0) },
            }, HttpStatusCode.Created);
            Assert.Equal(150_000, x.GetProperty("incomePerHeadFen").GetInt64());
            Assert.Equal(140_000, x.GetProperty("standardFen").GetInt64());
            Assert.Equal("MayMoveToLowIncome", x.Str("flag"));
            Assert.Equal("Pending", x.Str("decision"));
            Assert.Equal("Met", (await k.DeadlinesAsync(household)).Single(d => d.Str("obligation") == "CaseMeansInvestigation").Str("status"));
            // The town decides; the person stays on 低保 until the town's own procedure changes it.
            var decided = await k.Town.PostJson($"/api/civil-affairs/investigations/{x.Str("id")}/decision",
                new { decision = "StatusChangeStarted", note = "启动复核", version = x.GetProperty("version").GetInt32() }, HttpStatusCode.OK);
            Assert.Equal("StatusChangeStarted", decided.Str("decision"));
            var after = await k.Worker.GetJson($"/api/civil-affairs/files/{file.Str("id")}");
            Assert.Contains(after.GetProperty("categories").EnumerateArray(), c => c.Str("code") == "Subsistence" && c.GetProperty("valid").GetBoolean());
            Assert.Equal("InCare", after.Str("status"));
            // Village staff and deputies see the flag but not the income.
            var masked = await k.Village.GetJson($"/api/civil-affairs/investigations/{x.Str("id")}");
            Assert.Equal(JsonValueKind.Null, masked.GetProperty("incomePerHeadFen").ValueKind);

            // The city raises the standard for 2027; in January the same income is below it.
            var settings = await k.City.GetJson("/api/civil-affairs/settings");
            var standards = settings.GetProperty("settings").GetProperty("subsistenceStandards").EnumerateArray()
                .Select(s => new { year = s.GetProperty("year").GetInt32(), monthlyFen = s.GetProperty("monthlyFen").GetInt64() }).ToList();
            standards.Add(new { year = 2027, monthlyFen = 160_000L });
            await k.City.PutJson("/api/civil-affairs/settings", new { version = settings.GetProperty("version").GetInt32(), subsistenceStandards = standards,
                reason = "2027年低保标准" }, HttpStatusCode.OK);
            await k.SetClockAsync(new DateTimeOffset(2027, 1, 5, 10, 0, 0, China));
            await k.OpenPeriodAsync();
            var jan = await k.Worker.PostJson($"/api/civil-affairs/households/{household}/investigations", new
            {
                investigatedOn = "2027-01-05", methods = new[] { "HomeVisit" }, economy = "同上月", housing = "自有住房",
                members = new[] { Member("户主", 300_000), Member("配偶", 0) },
            }, HttpStatusCode.Created);
            Assert.Equal(160_000, jan.GetProperty("standardFen").GetInt64());
            Assert.Equal("None", jan.Str("flag"));
            Assert.Equal("NoChange", jan.Str("decision"));
            (await k.Worker.PostJson($"/api/civil-affairs/households/{household}/investigations", new
            {
                investigatedOn = "2027-01-05", methods = new[] { "HomeVisit" }, economy = "x", housing = "x", members = new[] { new { name = "户主" } },
            }, HttpStatusCode.BadRequest)).ShouldNameField("members[0].monthlyIncomeFen");
            // Only the city edits the settings.
            Assert.Equal(HttpStatusCode.Forbidden, (await k.Town.PutAsJsonAsync("/api/civil-affairs/settings", new { version = 1, reason = "x" }, TestHost.Json)).StatusCode);
        }
        finally
        {
            await k.SetClockAsync(saved);
        }
    }

    // R-CA-04
    [Theory, BothDatabases]
    public async Task R_CA_04_a_villages_monthly_screening_meets_its_deadline_and_its_problems_go_to_the_town(Db db)
    {
        var k = await CaseworkKit.StartAsync(db);
        var saved = k.Now;
        try
        {
            await k.SetClockAsync(new DateTimeOffset(2026, 10, 31, 9, 0, 0, China));
            await k.OpenPeriodAsync();
            var octRows = await k.DeadlinesAsync(k.VillageId);
            var oct = octRows.Single(d => d.Str("obligation") == "CaseTargetScreening"
                && d.GetProperty("dueAt").GetDateTimeOffset() == new DateTimeOffset(2026, 10, 31, 23, 59, 59, China));
            Assert.Equal("R-CA-04", oct.Str("ruleId"));
            var s = await k.Worker.PostJson("/api/civil-affairs/screenings", new
            {
                villageId = k.VillageId, screenedOn = "2026-10-31", methods = new[] { "DataComparison", "HomeVisits", "ActiveDiscovery" }, householdsChecked = 120,
                peopleFound = 1, notes = "与残联数据比对", problems = new[] { new { area = "Medical", text = "一户慢病患者未享受门诊慢病待遇" } },
            }, HttpStatusCode.Created);
            var found = await k.RegisterAsync(new
            {
                villageId = k.VillageId, relation = "Head", name = "排查发现（演示）", documentKind = "ResidentId", documentNumber = CaseworkKit.NewId(),
                localHukou = true, address = "岗贝社区演示路9号", categories = new[] { new { code = "LowIncome", validFrom = "2026-10-31" } },
                screeningId = s.Str("id"),
            });
            Assert.Equal("Met", (await k.DeadlinesAsync(k.VillageId)).Single(d => d.Str("id") == oct.Str("id")).Str("status"));
            var view = await k.Town.GetJson($"/api/civil-affairs/screenings/{s.Str("id")}");
            Assert.Equal(1, view.GetProperty("peopleRegistered").GetInt32());
            var problem = view.GetProperty("problems")[0];
            Assert.False(problem.GetProperty("villageMustAnswer").GetBoolean());
            (await k.Village.PostJson($"/api/civil-affairs/problems/{problem.Str("id")}/answer", new { answer = "x" }, HttpStatusCode.BadRequest))
                .ShouldNameField("answer", "town_only");
            var answered = await k.Town.PostJson($"/api/civil-affairs/problems/{problem.Str("id")}/answer", new { answer = "已转医保分局办理" }, HttpStatusCode.OK);
            Assert.False(answered.GetProperty("isOpen").GetBoolean());
            Assert.NotNull(found.Str("id"));
            // November opens a new screening for the village.
            await k.SetClockAsync(new DateTimeOffset(2026, 11, 1, 9, 0, 0, China));
            await k.OpenPeriodAsync();
            Assert.Contains(await k.DeadlinesAsync(k.VillageId, "Open"), d => d.Str("obligation") == "CaseTargetScreening"
                && d.GetProperty("dueAt").GetDateTimeOffset() == new DateTimeOffset(2026, 11, 30, 23, 59, 59, China));
        }
        finally
        {
            await k.SetClockAsync(saved);
        }
    }

    // R-CA-09
    [Theory, BothDatabases]
    public async Task R_CA_09_a_resource_link_to_policy_aid_or_charity_is_tracked_to_its_result(Db db)
    {
        var k = await CaseworkKit.StartAsync(db);
        var file = await k.RegisterAsync();
        var id = file.Str("id");
        (await k.Worker.PostJson($"/api/civil-affairs/files/{id}/links", new
        {
            kind = "Policy", source = "Firm", providerName = "某公司", need = "x", linkedOn = k.Today.ToString("yyyy-MM-dd"),
        }, HttpStatusCode.BadRequest)).ShouldNameField("source", "mismatch");
        var link = await k.Worker.PostJson($"/api/civil-affairs/files/{id}/links", new
        {
            kind = "Policy", source = "Education", providerName = "东城街道教育管理中心", need = "孙子入学资助", linkedOn = k.Today.ToString("yyyy-MM-dd"),
        }, HttpStatusCode.Created);
        Assert.Equal("Linked", link.Str("state"));
        var open = await k.Town.GetJson("/api/civil-affairs/links?state=Linked&pageSize=200");
        Assert.Contains(open.GetProperty("items").EnumerateArray(), l => l.Str("id") == link.Str("id"));
        var done = await k.Worker.PostJson($"/api/civil-affairs/links/{link.Str("id")}/outcome", new
        {
            state = "Succeeded", result = "获批教育资助", resultOn = k.Today.ToString("yyyy-MM-dd"), amountFen = 200_000L, version = link.GetProperty("version").GetInt32(),
        }, HttpStatusCode.OK);
        Assert.Equal("Succeeded", done.Str("state"));
        Assert.Contains((await k.Worker.GetJson($"/api/civil-affairs/files/{id}/timeline")).EnumerateArray(), e => e.Str("kind") == "ResourceLink");
        var donors = await k.Worker.GetJson("/api/civil-affairs/donors");
        Assert.Equal(JsonValueKind.Array, donors.ValueKind);
    }

    // R-CA-06
    [Theory, BothDatabases]
    public async Task R_CA_06_the_quarterly_evaluation_computes_its_rates_from_the_interviews_and_meets_the_quarter(Db db)
    {
        var k = await CaseworkKit.StartAsync(db);
        var saved = k.Now;
        try
        {
            await k.SetClockAsync(new DateTimeOffset(2026, 12, 31, 16, 0, 0, China));
            await k.OpenPeriodAsync();
            var station = (await k.Town.GetJson("/api/civil-affairs/stations")).EnumerateArray().Single();
            Assert.Equal("东城街道民政服务站", station.Str("name"));
            var q4 = (await k.DeadlinesAsync(station.Str("id"))).Single(d => d.Str("obligation") == "CasePolicyEvaluation"
                && d.GetProperty("dueAt").GetDateTimeOffset() == new DateTimeOffset(2026, 12, 31, 23, 59, 59, China));
            object I(bool s, bool p, bool a, string sat) => new { standardRight = s, paymentRight = p, awareOfPolicy = a, satisfaction = sat };
            var e = await k.Worker.PostJson("/api/civil-affairs/evaluations", new
            {
                townId = k.TownId, year = 2026, quarter = 4, evaluatedOn = "2026-12-31", methods = new[] { "HomeVisit", "DataCheck" },
                interviews = new[] { I(true, true, true, "VerySatisfied"), I(true, false, true, "Satisfied"), I(false, true, false, "Neutral"), I(true, true, true, "Dissatisfied") },
                findings = "个别对象资金发放延迟",
            }, HttpStatusCode.Created);
            Assert.Equal(4, e.GetProperty("interviews").GetInt32());
            Assert.Equal(75.0m, e.GetProperty("standardsRightRate").GetDecimal());
            Assert.Equal(75.0m, e.GetProperty("paymentsRightRate").GetDecimal());
            Assert.Equal(75.0m, e.GetProperty("awarenessRate").GetDecimal());
            Assert.Equal(50.0m, e.GetProperty("satisfactionRate").GetDecimal());
            Assert.Equal("Met", (await k.DeadlinesAsync(station.Str("id"))).Single(d => d.Str("id") == q4.Str("id")).Str("status"));
            (await k.Worker.PostJson("/api/civil-affairs/evaluations", new
            {
                townId = k.TownId, year = 2026, quarter = 4, evaluatedOn = "2026-12-31", methods = new[] { "HomeVisit" },
                interviews = new[] { new { standardRight = true, paymentRight = true, satisfaction = "Satisfied" } },
            }, HttpStatusCode.BadRequest)).ShouldNameField("interviews[0].awareOfPolicy");
            // The new year's first quarter opens in January.
            await k.SetClockAsync(new DateTimeOffset(2027, 1, 1, 9, 0, 0, China));
            await k.OpenPeriodAsync();
            Assert.Contains(await k.DeadlinesAsync(station.Str("id"), "Open"), d => d.Str("obligation") == "CasePolicyEvaluation"
                && d.GetProperty("dueAt").GetDateTimeOffset() == new DateTimeOffset(2027, 3, 31, 23, 59, 59, China));
        }
        finally
        {
            await k.SetClockAsync(saved);
        }
    }

    // R-PS-02 (record-keeping: elderly, children and youth, retired workers in hardship), R-CA-13 (one plan)
    [Theory, BothDatabases]
    public async Task R_PS_02_elderly_children_and_retired_workers_are_kept_as_categories_with_validity_and_a_plan_with_feedback(Db db)
    {
        var k = await CaseworkKit.StartAsync(db);
        var today = k.Today.ToString("yyyy-MM-dd");
        var elder = await k.RegisterAsync(k.Person(CaseworkKit.NewId(new DateOnly(1936, 5, 5)), categories:
        [
            new { code = "Widowed", validFrom = today }, new { code = "LivingAlone", validFrom = today }, new { code = "OldestOld", validFrom = today },
            new { code = "RetiredWorkerInHardship", validFrom = today, validTo = k.Today.AddMonths(6).ToString("yyyy-MM-dd") },
        ]));
        var child = await k.RegisterAsync(k.Person(CaseworkKit.NewId(new DateOnly(2016, 2, 2)), categories: [new { code = "LeftBehindChild", validFrom = today }]));
        // The city adds a category of its own; from then on a person can be in it.
        var settings = await k.City.GetJson("/api/civil-affairs/settings");
        var extra = settings.GetProperty("settings").GetProperty("extraCategories").EnumerateArray()
            .Select(c => new { code = c.Str("code"), zh = c.Str("zh"), en = c.Str("en"), hasGrade = c.GetProperty("hasGrade").GetBoolean() }).ToList();
        if (!extra.Any(c => c.code == "DisasterHardship"))
        {
            extra.Add(new { code = "DisasterHardship", zh = "受灾困难群众", en = "Disaster hardship", hasGrade = false });
            await k.City.PutJson("/api/civil-affairs/settings", new { version = settings.GetProperty("version").GetInt32(), extraCategories = extra, reason = "新增类别" },
                HttpStatusCode.OK);
        }
        var victim = await k.RegisterAsync(k.Person(categories: [new { code = "DisasterHardship", validFrom = today }]));
        Assert.Equal("受灾困难群众", victim.GetProperty("categories")[0].Str("zh"));
        Assert.Equal(4, elder.GetProperty("categories").GetArrayLength());
        var list = await k.Town.GetJson("/api/civil-affairs/files?category=RetiredWorkerInHardship&pageSize=200");
        Assert.Contains(list.GetProperty("items").EnumerateArray(), f => f.Str("id") == elder.Str("id"));
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), f => f.Str("id") == child.Str("id"));
        // Ending the category: the person is no longer listed as one.
        var cat = elder.GetProperty("categories").EnumerateArray().Single(c => c.Str("code") == "RetiredWorkerInHardship");
        await k.Worker.PostJson($"/api/civil-affairs/files/{elder.Str("id")}/categories/{cat.Str("id")}/end",
            new { validTo = k.Today.AddDays(-1).ToString("yyyy-MM-dd"), note = "已纳入其他保障" }, HttpStatusCode.BadRequest);
        await k.Worker.PostJson($"/api/civil-affairs/files/{elder.Str("id")}/categories/{cat.Str("id")}/end",
            new { validTo = today, note = "已纳入其他保障" }, HttpStatusCode.OK);
        (await k.Worker.PostJson($"/api/civil-affairs/files/{elder.Str("id")}/categories", new { code = "Emperor", validFrom = today }, HttpStatusCode.BadRequest))
            .ShouldNameField("code", "unknown_category");
        // A visit to a retired worker is kept like any other; the one plan carries the person's own feedback.
        await k.VisitAsync(elder.Str("id"), k.Now.AddMinutes(-10));
        var plan = await k.Worker.PostJson($"/api/civil-affairs/files/{elder.Str("id")}/plans",
            new { kind = "Individual", needs = "独居高龄，子女在外", goals = "每周问候，每月上门" }, HttpStatusCode.Created);
        await k.Worker.PostJson($"/api/civil-affairs/plans/{plan.Str("id")}/entries", new { kind = "Action", on = today, text = "链接志愿者每周陪伴" }, HttpStatusCode.OK);
        await k.Worker.PostJson($"/api/civil-affairs/plans/{plan.Str("id")}/close", new { note = "目标达成", version = plan.GetProperty("version").GetInt32() }, HttpStatusCode.OK);
        var closed = await k.Worker.PostJson($"/api/civil-affairs/plans/{plan.Str("id")}/entries", new { kind = "Feedback", on = today, text = "老人表示满意" }, HttpStatusCode.OK);
        Assert.Equal("Closed", closed.Str("state"));
        Assert.Equal(["Action", "Feedback"], closed.GetProperty("entries").EnumerateArray().Select(e => e.Str("kind")).ToArray());
        var timeline = (await k.Worker.GetJson($"/api/civil-affairs/files/{elder.Str("id")}/timeline")).EnumerateArray().Select(e => e.Str("kind")).ToList();
        Assert.Contains("Visit", timeline);
        Assert.Contains("PlanClosed", timeline);
        Assert.Contains("CategoryTo", timeline);
    }

    [Theory, BothDatabases]
    public async Task The_months_figures_count_due_on_time_late_and_missing_per_village_worker_and_station(Db db)
    {
        var k = await CaseworkKit.StartAsync(db);
        var saved = k.Now;
        var villages = (await k.City.GetJson($"/api/organizations?parentId={k.TownId}&pageSize=100")).GetProperty("items").EnumerateArray()
            .Where(o => o.Str("kind") is "Community" or "Village" && o.Str("id") != k.VillageId).ToList();
        Assert.NotEmpty(villages);
        var v2 = villages[^1].Str("id");
        try
        {
            await k.SetClockAsync(new DateTimeOffset(2026, 10, 8, 9, 0, 0, China));
            var a = (await k.RegisterAsync(k.Person(villageId: v2))).Str("id");
            var b = (await k.RegisterAsync(k.Person(villageId: v2))).Str("id");
            var c = (await k.RegisterAsync(k.Person(villageId: v2))).Str("id");
            await k.VisitAsync(a, k.Now.AddHours(-1), suddenChange: "HospitalStay");
            await k.Worker.PostJson($"/api/civil-affairs/files/{c}/end-care", new { status = "LeftCare", on = "2026-10-08", note = "入住敬老院" }, HttpStatusCode.OK);
            await k.SetClockAsync(new DateTimeOffset(2026, 10, 30, 10, 0, 0, China));
            await k.Worker.PostJson($"/api/civil-affairs/files/{a}/assessments", new { assessedOn = "2026-10-30", reason = "SuddenChange", items = CaseworkKit.Items() },
                HttpStatusCode.Created);
            await k.SetClockAsync(new DateTimeOffset(2026, 11, 2, 10, 0, 0, China));

            JsonElement Of(JsonElement figures, string key) => figures.GetProperty("rows").EnumerateArray().Single(r => r.Str("key") == key);
            var visits = await k.Town.GetJson("/api/civil-affairs/figures?month=202610&by=Village&obligation=CaseMonthlyVisit");
            var row = Of(visits, v2);
            Assert.Equal((2, 1, 0, 1), (row.GetProperty("due").GetInt32(), row.GetProperty("doneOnTime").GetInt32(), row.GetProperty("late").GetInt32(),
                row.GetProperty("missing").GetInt32()));
            var re = Of(await k.Town.GetJson("/api/civil-affairs/figures?month=202610&by=Village&obligation=CaseReassessment"), v2);
            Assert.Equal(1, re.GetProperty("late").GetInt32());
            var byStation = await k.City.GetJson("/api/civil-affairs/figures?month=202610&by=Station");
            Assert.Contains(byStation.GetProperty("rows").EnumerateArray(), r => r.Str("name") == "东城街道民政服务站");
            var byWorker = await k.Town.GetJson("/api/civil-affairs/figures?month=202610&by=Worker&obligation=CaseMonthlyVisit");
            Assert.True(Of(byWorker, k.WorkerId).GetProperty("due").GetInt32() >= 2);
            // Another town's lead sees nothing of 东城's.
            var other = await k.OtherTown.GetJson("/api/civil-affairs/figures?month=202610&by=Village");
            Assert.DoesNotContain(other.GetProperty("rows").EnumerateArray(), r => r.Str("key") == v2);
            (await k.Town.GetJson("/api/civil-affairs/figures?month=202613", HttpStatusCode.BadRequest)).ShouldNameField("month");
            Assert.NotEqual(b, a);
        }
        finally
        {
            await k.SetClockAsync(saved);
        }
    }

    [Theory, BothDatabases]
    public async Task An_import_previews_every_row_and_saves_all_or_nothing(Db db)
    {
        var k = await CaseworkKit.StartAsync(db);
        var village = (await k.Village.GetJson($"/api/organizations/{k.VillageId}")).Str("name");
        string Line(string name, string id, string birthOrBad, string category = "低保对象", string head = "", string relation = "户主") =>
            $"{name},身份证,{id},,,13900000000,是,{village},岗贝社区演示路1号,{relation},{head},{category},{birthOrBad},,,,是,";
        var header = string.Join(",", "姓名,证件类型,证件号码,性别,出生日期,联系电话,本地户籍,村（社区）,住址,与户主关系,户主证件号码,对象类别,类别生效日期,类别失效日期,残疾等级,建档日期,动态调整,健康状况".Split(','));
        var headId = CaseworkKit.NewId();
        var spouseId = CaseworkKit.NewId();
        var thirdId = CaseworkKit.NewId();
        var bad = string.Join("\r\n", header, Line("导入甲（演示）", headId, "2026-01-01"), Line("导入乙（演示）", spouseId, "2026-01-01", head: headId, relation: "配偶"),
            Line("导入丙（演示）", thirdId, "2026-02-30", category: "特困人员（分散供养）")) + "\r\n";
        async Task<HttpResponseMessage> Post(string url, string csv)
        {
            using var content = new MultipartFormDataContent();
            var file = new ByteArrayContent(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray());
            file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            content.Add(file, "file", "export.csv");
            return await k.Worker.PostAsync(url, content);
        }
        var preview = await (await Post("/api/civil-affairs/imports/preview", bad)).Json(HttpStatusCode.OK);
        Assert.Equal(3, preview.GetProperty("rows").GetInt32());
        Assert.Equal(1, preview.GetProperty("invalid").GetInt32());
        var badRow = preview.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("errors").GetArrayLength() > 0);
        Assert.Equal(4, badRow.GetProperty("row").GetInt32());
        Assert.Equal("rows[4].categories.validFrom", badRow.GetProperty("errors")[0].Str("field"));

        var refused = await (await Post("/api/civil-affairs/imports", bad)).Json(HttpStatusCode.BadRequest);
        refused.ShouldNameField("rows[4].categories.validFrom", "invalid_date");
        var lookup = await k.Worker.PostJson("/api/civil-affairs/files/lookup", new { documentKind = "ResidentId", documentNumber = headId }, HttpStatusCode.OK);
        Assert.False(lookup.GetProperty("found").GetBoolean());

        var good = bad.Replace("2026-02-30", "2026-02-28");
        var done = await (await Post("/api/civil-affairs/imports", good)).Json(HttpStatusCode.OK);
        Assert.Equal(3, done.GetProperty("imported").GetInt32());
        var ids = done.GetProperty("fileIds").EnumerateArray().Select(i => i.GetString()).ToList();
        var head = await k.Worker.GetJson($"/api/civil-affairs/files/{ids[0]}");
        var spouse = await k.Worker.GetJson($"/api/civil-affairs/files/{ids[1]}");
        Assert.Equal(head.Str("householdId"), spouse.Str("householdId"));
        Assert.Equal("Spouse", spouse.Str("relation"));
        Assert.True(head.GetProperty("underDynamicAdjustment").GetBoolean());
        // An Excel export (title above the table, as the system's own sheets have it) reads the same.
        var xlsxId = CaseworkKit.NewId();
        var sheet = new Guanjia.App.Documents.TableSheet("导出", "救助对象名单", Guanjia.App.CivilAffairs.ImportPeople.Columns.Select(c => new Guanjia.App.Documents.TableColumn(c)).ToList(),
            [["导入丁（演示）", "身份证", xlsxId, "", "", "13900000000", "否", village, "岗贝社区演示路2号", "户主", "", "高龄老人、独居老人", "2026-03-01", "", "", "", "否", ""]]);
        using (var content = new MultipartFormDataContent())
        {
            var file = new ByteArrayContent(Guanjia.App.Documents.Xlsx.Write(sheet));
            file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            content.Add(file, "file", "export.xlsx");
            var xlsx = await (await k.Worker.PostAsync("/api/civil-affairs/imports", content)).Json(HttpStatusCode.OK);
            var person = await k.Worker.GetJson($"/api/civil-affairs/files/{xlsx.GetProperty("fileIds")[0].GetString()}");
            Assert.Equal(xlsxId, person.Str("documentNumber"));
            Assert.Equal(["LivingAlone", "OldestOld"], person.GetProperty("categories").EnumerateArray().Select(c => c.Str("code")).Order().ToArray());
        }
        // The same file again: every row is already on file, nothing is added.
        (await (await Post("/api/civil-affairs/imports", good)).Json(HttpStatusCode.BadRequest)).ShouldNameField("rows[2].documentNumber", "already_registered");
    }

    [Theory, BothDatabases]
    public async Task Documents_the_file_the_ledger_the_assessment_list_and_the_forms(Db db)
    {
        var k = await CaseworkKit.StartAsync(db);
        var file = await k.RegisterAsync();
        var id = file.Str("id");
        await k.VisitAsync(id, k.Now.AddMinutes(-20));
        var a = await k.Worker.PostJson($"/api/civil-affairs/files/{id}/assessments",
            new { assessedOn = k.Today.ToString("yyyy-MM-dd"), reason = "Yearly", items = CaseworkKit.Items(walking: false) }, HttpStatusCode.Created);

        var docx = await k.Town.GetAsync($"/api/civil-affairs/files/{id}/document.docx");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        var text = DocxText(await docx.Content.ReadAsByteArrayAsync());
        Assert.Contains(file.Str("number"), text);
        Assert.Contains("部分丧失生活自理能力", text);
        var month = k.Today.Year * 100 + k.Today.Month;
        var ledger = await k.Town.GetAsync($"/api/civil-affairs/visits/ledger.xlsx?month={month}");
        Assert.Equal(HttpStatusCode.OK, ledger.StatusCode);
        var cells = XlsxText(await ledger.Content.ReadAsByteArrayAsync());
        Assert.Contains(file.Str("number"), cells);
        Assert.Contains("探视巡访台账", cells);
        var list = XlsxText(await (await k.Town.GetAsync($"/api/civil-affairs/assessments/list.xlsx?year={k.Today.Year}")).Content.ReadAsByteArrayAsync());
        Assert.Contains(file.Str("number"), list);
        var form = DocxText(await (await k.Worker.GetAsync($"/api/civil-affairs/assessments/{a.Str("id")}/form.docx")).Content.ReadAsByteArrayAsync());
        Assert.Contains("特困人员生活自理能力评估表", form);
        var other = XlsxText(await (await k.OtherTown.GetAsync($"/api/civil-affairs/visits/ledger.xlsx?month={month}")).Content.ReadAsByteArrayAsync());
        Assert.DoesNotContain(file.Str("number"), other);
    }

    private static string DocxText(byte[] bytes) =>
        string.Join("\n", FileReader.DocxParagraphs(bytes).Concat(FileReader.DocxRows(bytes).SelectMany(r => r)));

    private static string XlsxText(byte[] bytes) =>
        string.Join("\n", FileReader.XlsxSheets(bytes).SelectMany(s => s.Value.SelectMany(r => r).Append(s.Key)));
}
