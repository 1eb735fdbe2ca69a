using System.Net;
using System.Text.Json;
using Guanjia.Web.Tests.Infrastructure;
using Guanjia.Web.Tests.Stations;
using Guanjia.Web.Tests.MicroProjects;
using static Guanjia.Web.Tests.MicroProjects.ClosingPath;

namespace Guanjia.Web.Tests.Documents;

/// <summary>
/// The official forms generated from the system's records (issue 5, ADR 0014): each test reads the file back and
/// finds the record's values in the cells the template puts them in, with the checkboxes ticked from the data.
/// </summary>
[Collection(ApiCollection.Name)]
public class FormTests
{
    internal const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    internal const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    // R-MS-05, R-MS-07, R-MS-08: the registration form holds the consultation's fields and the town's review.
    [Theory, BothDatabases]
    public async Task R_MS_05_the_registration_form_carries_the_project_the_consultation_and_the_review(Db db)
    {
        var f = await Flow.StartAsync(db);
        var p = await RegisteredAsync(f, Large);
        await f.OpinionAsync(p.ProjectId, signedOff: true);
        await f.ReviewAsync(p.ProjectId);
        var detail = await DetailAsync(f, p.ProjectId);

        var file = await f.Village.DownloadAsync($"/api/micro-projects/{p.ProjectId}/documents/registration-form.docx");
        Assert.Equal(Docx, file.ContentType);
        Assert.Equal($"登记备案表-{detail.Str("number")}-新村路路灯改造.docx", file.FileName);
        var rows = FileReader.DocxRows(file.Bytes);
        var text = FileReader.DocxParagraphs(file.Bytes);
        Assert.Contains(text, t => t.Contains("登记备案表", StringComparison.Ordinal));
        Assert.Contains(text, t => t.Contains($"申报村（社区）：{detail.Str("townName")}{detail.Str("villageName")}", StringComparison.Ordinal));

        Assert.Equal("新村路路灯改造", rows.After("项目名称"));
        var content = rows.After("项目内容");
        Assert.Contains("☑便民工程项目", content, StringComparison.Ordinal);
        Assert.Contains("☐公益服务项目", content, StringComparison.Ordinal);
        Assert.Contains("具体类型：人居环境改善", content, StringComparison.Ordinal);
        var source = rows.After("来源渠道");
        Assert.Contains("☑网络及热线征集", source, StringComparison.Ordinal);
        Assert.Contains("☐群众提议", source, StringComparison.Ordinal);
        Assert.Equal(1, source.Count(ch => ch == '☑'));
        Assert.Equal("主山社区新村路", rows.After("实施地点"));
        Assert.Equal("12", rows.After("项目预算（万元）"));
        Assert.Equal("王干事", rows.After("项目联系人"));
        Assert.Equal("社区专职工作人员", rows.After("职务"));
        Assert.Equal("0769-22001234", rows.After("联系电话"));

        Assert.Equal("主山社区党群服务中心", rows.After("协商地点"));
        Assert.Equal("张书记", rows.After("主持人"));
        Assert.Equal("王干事", rows.After("记录人"));
        Assert.StartsWith("☑村（居）民（代表）会议", rows.After("协商形式"), StringComparison.Ordinal);
        var participants = rows.After("参与主体");
        foreach (var on in new[] { "村（居）民委员会", "村（居）务监督委员会", "村（居）民代表", "受惠群体" })
            Assert.Contains("☑" + on, participants, StringComparison.Ordinal);
        Assert.Contains("☐物业服务企业", participants, StringComparison.Ordinal);
        Assert.Equal(4, participants.Count(ch => ch == '☑'));
        Assert.Contains("合共 23 人", participants, StringComparison.Ordinal);
        var result = rows.After("协商结果");
        Assert.Contains("新村路增设太阳能路灯12盏并修复旧灯", result, StringComparison.Ordinal);
        Assert.Contains("新村路沿线居民约800人", result, StringComparison.Ordinal);
        Assert.Contains("☑莞家速递  ☐莞家直达  ☐莞家驿站", result, StringComparison.Ordinal);
        Assert.Contains("4.项目经费预算（万元）：12", result, StringComparison.Ordinal);
        Assert.Contains("☑“民生大莞家”资金  ☐社会捐赠  ☑村（社区）自筹", result, StringComparison.Ordinal);
        Assert.Contains("东莞市某照明工程有限公司", result, StringComparison.Ordinal);

        Assert.Contains("预算安排合理，同意（同意，已盖章确认）", rows.After("部门审核意见"), StringComparison.Ordinal);
        var town = rows.After("镇（街道）审核意见");
        Assert.Contains("☑协商过程规范", town, StringComparison.Ordinal);
        Assert.Contains("☐可由现行政策或其他专项资金解决", town, StringComparison.Ordinal);
        Assert.Contains("由“民生大莞家”服务机制解决", town, StringComparison.Ordinal);
        // R-MS-20: the opinion in attachment 1's own sentence, with where the money comes from.
        Assert.Contains($"经{detail.GetProperty("departmentOpinions")[0].Str("departmentName")}等部门审核，该项目属于“民生大莞家”服务范围", town, StringComparison.Ordinal);
        Assert.Contains("通过莞家速递途径办理", town, StringComparison.Ordinal);
        Assert.Contains($"所需经费从{detail.Str("villageName")}“民生大莞家”专项资金中列支", town, StringComparison.Ordinal);
        Assert.Contains("（盖章）", town, StringComparison.Ordinal);
    }

    // R-PL-03: a document of a record outside the caller's scope is refused like the record itself.
    [Theory, BothDatabases]
    public async Task R_PL_03_a_form_outside_the_callers_scope_is_404_and_an_unfinished_one_409(Db db)
    {
        var f = await Flow.StartAsync(db);
        var appealId = (await AppealAsync(f)).Str("id");
        await f.AcknowledgeAsync(appealId);
        var projectId = await f.CommitteeAsync(appealId);
        var url = $"/api/micro-projects/{projectId}/documents/registration-form.docx";

        var early = await f.Village.GetJson(url, HttpStatusCode.Conflict);
        Assert.Equal(409, early.GetProperty("status").GetInt32());
        await f.ConsultAsync(projectId, Small);
        await f.RegisterAsync(projectId);
        var other = await f.Host.SignIn("changan.village");
        foreach (var path in new[] { url, $"/api/micro-projects/{projectId}/documents/survey-results.xlsx", $"/api/micro-projects/{projectId}/survey-results" })
        {
            var problem = await other.GetJson(path, HttpStatusCode.NotFound);
            Assert.Equal(404, problem.GetProperty("status").GetInt32());
            Assert.False(string.IsNullOrEmpty(problem.Str("title")));
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await f.Host.Anonymous().GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await f.Village.GetAsync($"/api/micro-projects/{projectId}/documents/registration-form.txt")).StatusCode);
        var completion = await f.Village.GetJson($"/api/micro-projects/{projectId}/documents/completion-form.docx", HttpStatusCode.Conflict);
        Assert.Equal(409, completion.GetProperty("status").GetInt32());
    }

    /// <summary>A small project run by the village to its close: 30 questionnaires (6 of 30 at 满意, openness always 满意) and one more with a phone number in its suggestion.</summary>
    internal static async Task<Proj> ClosedSmallProjectAsync(Flow f)
    {
        var p = await CompletedAsync(f, Small);
        await f.SurveyAsync(p.ProjectId, f.Village, 30);
        await f.Village.PostJson($"/api/micro-projects/{p.ProjectId}/survey-responses", new
        {
            overall = "Satisfied", quality = "Satisfied", effect = "Satisfied", attitude = "Satisfied", efficiency = "Satisfied", closeness = "Satisfied",
            openness = "Satisfied", suggestion = "路灯再亮一点更好，有问题请打13812345678", signature = "张三丰",
        }, HttpStatusCode.OK);
        var closed = await f.Village.PostJson($"/api/micro-projects/{p.ProjectId}/completion", await f.CompletionAsync(p.ProjectId, p.Budget), HttpStatusCode.OK);
        Assert.Equal("Closed", closed.Str("state"));
        return p;
    }

    // R-MS-13, R-MS-14: the completion form's funding split, works section, attachments and survey section.
    [Theory, BothDatabases]
    public async Task R_MS_13_the_completion_form_carries_the_funding_split_the_works_and_the_survey(Db db)
    {
        var f = await Flow.StartAsync(db);
        var p = await ClosedSmallProjectAsync(f);

        var file = await f.Village.DownloadAsync($"/api/micro-projects/{p.ProjectId}/documents/completion-form.docx");
        Assert.Equal(Docx, file.ContentType);
        Assert.StartsWith("结项表-", file.FileName, StringComparison.Ordinal);
        var rows = FileReader.DocxRows(file.Bytes);
        Assert.StartsWith("新村路路灯改造", rows.After("项目名称"), StringComparison.Ordinal);
        Assert.Equal("便民工程项目☑   公益服务项目☐", rows.After("项目类型"));
        Assert.Equal("莞家速递☑  莞家直达☐  莞家驿站☐", rows.After("办理方式"));
        Assert.Equal("东莞市某照明工程有限公司", rows.After("实施主体"));
        Assert.Equal("新村路沿线居民", rows.After("受益对象"));
        Assert.Equal("800", rows.After("受益人数"));

        // 预算投入 then 实际投入, three rows each: programme fund, village collective, social (万元).
        Assert.Equal("2.9", rows.After("“民生大莞家”专项资金投入（万元）", 0));
        Assert.Equal("0.1", rows.After("村（社区）集体经济投入（万元）", 0));
        Assert.Equal("0", rows.After("社会投入（万元）", 0));
        Assert.Equal("2.85", rows.After("“民生大莞家”专项资金投入（万元）", 1));
        Assert.Equal("预算投入", rows.Single(r => r.Contains("2.9")).First());
        Assert.Equal("实际投入", rows.Single(r => r.Contains("2.85")).First());

        Assert.Contains(rows, r => r.SequenceEqual(["☑（一）便民工程项目", "☐（二）公益服务项目"]));
        Assert.Equal("安装太阳能路灯12盏", rows.After("施工内容"));
        Assert.Equal("盏", rows.After("计量单位"));
        Assert.Equal("12", rows.After("计划工程量"));
        Assert.Equal("12", rows.After("实际工程量"));
        Assert.Contains(rows, r => r.Any(c => c.Contains("已上传成效照片1张：after.jpg", StringComparison.Ordinal)));

        // R-MS-14: 31 respondents, at least 30.
        Assert.Equal("31（不少于30人：已达到）", rows.After("参与测评人数"));
        Assert.Equal(["测评项目", "非常满意", "满意", "基本满意", "不满意", "非常不满意"], rows.Row("测评项目"));
        Assert.Equal(["项目总体评价", "24", "7", "0", "0", "0"], rows.Row("项目总体评价"));
        Assert.Equal(["信息公开程度", "0", "31", "0", "0", "0"], rows.Row("信息公开程度"));
        var note = rows.Single(r => r[0].StartsWith("备注：", StringComparison.Ordinal))[0];
        Assert.Contains("☑1.东莞市“民生大莞家”服务项目“民生微实事”登记备案表（需加盖公章）", note, StringComparison.Ordinal);
        Assert.Contains("☑3.发票", note, StringComparison.Ordinal);
        Assert.Contains("☐4.其他资料", note, StringComparison.Ordinal);
        Assert.Contains(FileReader.DocxParagraphs(file.Bytes), t => t.StartsWith("填报单位：", StringComparison.Ordinal));
    }

    // R-MS-14, R-MS-18: per aspect distribution, rate and score, the 30 minimum; the public reads numbers only.
    [Theory, BothDatabases]
    public async Task R_MS_14_survey_results_count_rate_score_and_the_minimum_for_staff_the_file_and_the_public(Db db)
    {
        var f = await Flow.StartAsync(db);
        var p = await ClosedSmallProjectAsync(f);
        var detail = await DetailAsync(f, p.ProjectId);

        var json = await f.Town.GetJson($"/api/micro-projects/{p.ProjectId}/survey-results");
        var report = json.GetProperty("report");
        Assert.Equal(31, report.GetProperty("responses").GetInt32());
        Assert.Equal(30, report.GetProperty("minimum").GetInt32());
        Assert.True(report.GetProperty("minimumMet").GetBoolean());
        Assert.Equal(100m, report.GetProperty("satisfactionRate").GetDecimal());
        // 144 ratings 非常满意 (100) and 73 满意 (75) of 217: 19875 / 217 = 91.59.
        Assert.Equal(91.6m, report.GetProperty("score").GetDecimal());
        var overall = report.GetProperty("aspects")[0];
        Assert.Equal("项目总体评价", overall.Str("zh"));
        Assert.Equal([24, 7, 0, 0, 0], overall.GetProperty("counts").EnumerateArray().Select(c => c.GetInt32()));
        Assert.Equal(94.4m, overall.GetProperty("score").GetDecimal());
        var suggestions = json.GetProperty("suggestions").EnumerateArray().Select(s => s.GetString()!).ToList();
        Assert.Contains("路灯再亮一点更好，有问题请打138****5678", suggestions);
        Assert.DoesNotContain("13812345678", json.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("张三丰", json.GetRawText(), StringComparison.Ordinal);

        var file = await f.Town.DownloadAsync($"/api/micro-projects/{p.ProjectId}/documents/survey-results.xlsx");
        Assert.Equal(Xlsx, file.ContentType);
        var sheets = FileReader.XlsxSheets(file.Bytes);
        var results = sheets["测评结果"];
        Assert.Contains(results, r => r[0].Contains("参与测评人数：31人（原则上不少于30人：已达到）", StringComparison.Ordinal));
        Assert.Equal(["项目总体评价", "24", "7", "0", "0", "0", "31", "100", "94.4"], results.Row("项目总体评价"));
        Assert.Equal(["信息公开程度", "0", "31", "0", "0", "0", "31", "100", "75"], results.Row("信息公开程度"));
        Assert.Equal("91.6", results.Row("全部评价项")[^1]);
        Assert.Contains(sheets["意见建议"], r => r.Count > 1 && r[1] == "路灯再亮一点更好，有问题请打138****5678");
        Assert.DoesNotContain(sheets.Values.SelectMany(s => s).SelectMany(r => r), c => c.Contains("张三丰", StringComparison.Ordinal));

        // R-PL-07: the portal reads the numbers of a published result, nothing a respondent wrote.
        var anonymous = f.Host.Anonymous();
        var pub = await anonymous.GetJson($"/api/public/survey-results/{detail.Str("number")}");
        Assert.Equal(31, pub.GetProperty("report").GetProperty("responses").GetInt32());
        Assert.Equal(91.6m, pub.GetProperty("report").GetProperty("score").GetDecimal());
        Assert.False(pub.TryGetProperty("suggestions", out _));
        Assert.DoesNotContain("138", pub.GetRawText(), StringComparison.Ordinal);
        var open = await RegisteredAsync(f, Small);
        var notYet = await anonymous.GetJson($"/api/public/survey-results/{(await DetailAsync(f, open.ProjectId)).Str("number")}", HttpStatusCode.NotFound);
        Assert.Equal(404, notYet.GetProperty("status").GetInt32());
    }

    // R-MS-14: attachment 3 for paper use, seven aspects (and 其他) on five levels, unticked.
    [Theory, BothDatabases]
    public async Task R_MS_14_the_blank_questionnaire_has_the_seven_aspects_on_five_levels(Db db)
    {
        var f = await Flow.StartAsync(db);
        var file = await f.Village.DownloadAsync("/api/documents/survey-questionnaire.docx");
        Assert.Equal("东莞市“民生大莞家”项目满意度调查表.docx", file.FileName);
        var rows = FileReader.DocxRows(file.Bytes);
        Assert.Equal(["您对“民生大莞家”品牌服务项目的满意度评价", "非常满意", "满意", "基本满意", "不满意", "非常不满意"], rows[0]);
        var aspects = new[] { "项目总体评价", "项目质量评价", "项目效果评价", "项目服务态度评价", "项目办理效率评价", "项目与您的需求贴近程度", "信息公开程度", "其他" };
        Assert.Equal(aspects, rows.Skip(1).Take(8).Select(r => r[0]));
        Assert.All(rows.Skip(1).Take(8), r => Assert.Equal(Enumerable.Repeat("☐", 5), r.Skip(1)));
        Assert.Contains(rows, r => r[0].Contains("参加者签名（可选择不填写）", StringComparison.Ordinal));
        Assert.Contains(FileReader.DocxParagraphs(file.Bytes), t => t.Contains("您参与评价的项目为：", StringComparison.Ordinal));

        var p = await RegisteredAsync(f, Small);
        var named = await f.Village.DownloadAsync($"/api/micro-projects/{p.ProjectId}/documents/survey-questionnaire.docx");
        Assert.Contains(FileReader.DocxParagraphs(named.Bytes), t => t.Contains("您参与评价的项目为：“新村路路灯改造”项目。", StringComparison.Ordinal));
    }

    // R-ST-05: the procurement filing form with the method ticked, the contractor, and the committee's opinion.
    [Theory, BothDatabases]
    public async Task R_ST_05_the_procurement_filing_form_carries_the_purchase_and_the_committees_opinion(Db db)
    {
        var k = await StationKit.StartAsync(db);
        var (station, item, id) = await RecordedFilingAsync(k);

        var file = await k.Lead.DownloadAsync($"/api/stations/procurement-filings/{id}/document.docx");
        Assert.Equal(Docx, file.ContentType);
        Assert.StartsWith("采购备案表-", file.FileName, StringComparison.Ordinal);
        var rows = FileReader.DocxRows(file.Bytes);
        Assert.Equal(item.Str("title"), rows.After("项目名称"));
        Assert.Equal(station.Str("name"), rows.After("所属驿站"));
        Assert.Equal("☐无偿提供服务   ☑项目购买   ☐整体打包", rows.After("运作方式"));
        var method = rows.After("采购方式");
        Assert.Contains("☑竞争性磋商", method, StringComparison.Ordinal);
        Assert.Contains("☐公开招标", method, StringComparison.Ordinal);
        Assert.Equal(1, method.Count(ch => ch == '☑'));
        Assert.Equal("东莞市暖莞社会工作服务中心", rows.After("承接服务方"));
        Assert.Equal("2.88", rows.After("采购金额（万元）"));
        Assert.Contains("东莞市暖莞社会工作服务中心；东莞市启航青少年社会工作服务中心", rows.After("协商确定的候选承接方"), StringComparison.Ordinal);
        var opinion = rows.After("村（居）务监督委员会审核意见");
        Assert.Contains("采购程序规范，价格合理，同意报镇（街道）备案", opinion, StringComparison.Ordinal);
        Assert.Contains("审核人：陈监委", opinion, StringComparison.Ordinal);
        Assert.Contains("材料齐全，予以备案", rows.After("镇（街道）“民生大莞家”牵头部门备案意见"), StringComparison.Ordinal);
        Assert.Contains(FileReader.DocxParagraphs(file.Bytes), t => t.Contains("民生微实事项目采购备案表", StringComparison.Ordinal));

        // Another town's lead department does not see the filing, nor its form.
        var outside = await k.OtherLead.GetJson($"/api/stations/procurement-filings/{id}/document.docx", HttpStatusCode.NotFound);
        Assert.Equal(404, outside.GetProperty("status").GetInt32());
    }

    // R-MS-17: the annual implementation plan as a table: its projects, budgets, the total against the allocation.
    [Theory, BothDatabases]
    public async Task R_MS_17_the_annual_plan_table_lists_its_projects_and_the_total_against_the_allocation(Db db)
    {
        var f = await Flow.StartAsync(db);
        var saved = f.Now;
        const int year = 2029;
        try
        {
            var plan = await FiledPlanAsync(f, year);
            var file = await f.Town.DownloadAsync($"/api/annual-plans/{plan.Id}/document.xlsx");
            Assert.Equal(Xlsx, file.ContentType);
            Assert.Equal($"东城街道{year}年度“民生微实事”项目实施计划表.xlsx", file.FileName);
            var rows = FileReader.XlsxSheets(file.Bytes)["实施计划"];
            Assert.Equal($"东城街道{year}年度“民生微实事”项目实施计划表", rows[0][0]);
            Assert.Contains(rows, r => r[0].Contains("市分配“民生微实事”经费额度：8万元", StringComparison.Ordinal)
                && r[0].Contains("集中征集项目合计：9万元（不少于市分配额度）", StringComparison.Ordinal));
            var header = rows.Row("序号");
            Assert.Equal("项目预算（万元）", header[10]);
            foreach (var number in plan.Numbers)
            {
                var row = rows.Single(r => r.Count > 1 && r[1] == number);
                Assert.Equal("新村路路灯改造", row[2]);
                Assert.Equal("便民工程项目", row[4]);
                Assert.Equal("莞家速递", row[8]);
                Assert.Equal("3", row[10]);
                Assert.Equal("市分配经费", row[11]);
                Assert.Equal("集中征集", row[12]);
            }
            Assert.Equal(["合计", "3项"], rows.Row("合计").Take(2));
            Assert.Equal("9", rows.Row("合计")[10]);
            Assert.Contains(rows, r => r[0].Contains("党委或政府（盖章）", StringComparison.Ordinal));

            // The plan is the town's record: a village does not read it.
            var village = await f.Village.GetJson($"/api/annual-plans/{plan.Id}/document.xlsx", HttpStatusCode.NotFound);
            Assert.Equal(404, village.GetProperty("status").GetInt32());
        }
        finally
        {
            await f.SetClockAsync(saved);
        }
    }

    /// <summary>A purchased station item whose filing went the whole way: drafted, reviewed by the committee, filed, recorded by the town.</summary>
    internal static async Task<(JsonElement Station, JsonElement Item, string FilingId)> RecordedFilingAsync(StationKit k, string? station = null,
        string? title = null)
    {
        var s = await k.StationAsync(name: station);
        var item = await k.ItemAsync(s.Str("id"), k.Item("Purchased", amountFen: 2_880_000, title: title,
            candidates: ["东莞市暖莞社会工作服务中心", "东莞市启航青少年社会工作服务中心"]));
        var agreement = await k.UploadAsync($"/api/stations/items/{item.Str("id")}/attachments", "Contract");
        var id = (await k.Village.PostJson($"/api/stations/items/{item.Str("id")}/procurement-filing", k.Filing(agreement), HttpStatusCode.Created)).Str("id");
        await k.Supervisor.PostJson($"/api/stations/procurement-filings/{id}/supervisory-opinion", k.Opinion(), HttpStatusCode.OK);
        await k.Village.PostJson($"/api/stations/procurement-filings/{id}/file", new { }, HttpStatusCode.OK);
        await k.Lead.PostJson($"/api/stations/procurement-filings/{id}/record", new { note = "材料齐全，予以备案" }, HttpStatusCode.OK);
        return (s, item, id);
    }

    internal sealed record Plan(string Id, IReadOnlyList<string> Numbers);

    /// <summary>The town's plan for a year of its own: allocation 8万元, three small concentrated projects of 3万元.</summary>
    internal static async Task<Plan> FiledPlanAsync(Flow f, int year, (string Name, string SubType)[]? named = null)
    {
        await f.SetClockAsync(Local(year - 1, 12, 1));
        var village = await f.City.GetJson($"/api/organizations/{f.VillageId}");
        var townId = village.Str("parentId");
        await f.City.PutJson($"/api/allocations/{year}/{townId}", new { microProjectFen = 8_000_000L, microWishFen = 0L }, HttpStatusCode.OK);
        await f.Town.PostJson("/api/annual-plans/campaigns", new { year }, HttpStatusCode.OK);
        var projects = new List<Proj>();
        for (var i = 0; i < 3; i++)
            projects.Add(named is null ? await RegisteredAsync(f, Small, collection: "Concentrated")
                : await NamedAsync(f, named[i].Name, named[i].SubType, Small, "Concentrated"));
        var plan = await f.Town.PostJson("/api/annual-plans", new { year, projectIds = projects.Select(p => p.ProjectId), stampNote = "已加盖街道办事处公章" },
            HttpStatusCode.OK);
        var numbers = new List<string>();
        foreach (var p in projects) numbers.Add((await DetailAsync(f, p.ProjectId)).Str("number"));
        return new Plan(plan.Str("id"), numbers);
    }

    /// <summary>Like <see cref="ClosingPath.RegisteredAsync"/>, with a project name and type of its own.</summary>
    internal static async Task<Proj> NamedAsync(Flow f, string name, string subType, long budget, string collection = "Daily")
    {
        var appealId = (await AppealAsync(f, collection)).Str("id");
        await f.AcknowledgeAsync(appealId);
        var projectId = await f.CommitteeAsync(appealId);
        await f.ConsultAsync(projectId, budget);
        var registered = await f.Village.PostJson($"/api/micro-projects/{projectId}/registration", new
        {
            name, subType, content = $"实施“{name}”项目", source = "Residents", location = "岗贝社区", contactName = "王干事", contactTitle = "社区专职工作人员", contactPhone = "0769-22001234",
            policyCheck = new { resolvableByPolicy = false, note = "对照政策清单，无可解决的政策" },
        }, HttpStatusCode.OK);
        return new Proj(appealId, projectId, budget, registered.GetProperty("isSmall").GetBoolean());
    }
}
