using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Guanjia.App.Calendar;
using Guanjia.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Guanjia.Web.Tests.MicroProjects.ClosingPath;

namespace Guanjia.Web.Tests.MicroProjects;

/// <summary>Implementation to closing: progress, completion, the completion form and the published result (R-MS-12, 13, 15, 18).</summary>
[Collection(ApiCollection.Name)]
public class CompletionTests
{
    // R-MS-18
    [Theory, BothDatabases]
    public async Task R_MS_18_progress_reports_with_photos_appear_on_the_detail(Db db)
    {
        var f = await Flow.StartAsync(db);
        var p = await ImplementingAsync(f, Large);
        var photo = await f.UploadAsync(p.ProjectId, "Photo", fileName: "progress.jpg", bytes: Flow.Jpeg);

        var detail = await f.Village.PostJson($"/api/micro-projects/{p.ProjectId}/progress",
            new { text = "已安装6盏路灯", percentDone = 50, photoIds = new[] { photo } }, HttpStatusCode.OK);

        var report = Assert.Single(detail.GetProperty("progress").EnumerateArray());
        Assert.Equal("已安装6盏路灯", report.Str("text"));
        Assert.Equal(50, report.GetProperty("percentDone").GetInt32());
        Assert.Equal([photo], report.GetProperty("photoIds").EnumerateArray().Select(x => x.GetString()!).ToArray());
        // The supervising deputy (两代表一委员) reads it too.
        var deputy = await f.Host.SignIn("dongcheng.deputy");
        var seen = await DetailAsync(f, p.ProjectId, deputy);
        Assert.Single(seen.GetProperty("progress").EnumerateArray());
        Assert.Contains(seen.GetProperty("attachments").EnumerateArray(), a => a.Str("id") == photo && a.Str("kind") == "Photo");
    }

    // R-MS-18
    [Theory, BothDatabases]
    public async Task R_MS_18_a_progress_photo_must_be_a_photo_of_this_project(Db db)
    {
        var f = await Flow.StartAsync(db);
        var p = await ImplementingAsync(f, Large);
        var other = await RegisteredAsync(f, Large);
        var foreign = await f.UploadAsync(other.ProjectId, "Photo", fileName: "other.jpg", bytes: Flow.Jpeg);
        var contract = await f.UploadAsync(p.ProjectId, "Contract");
        var before = await DetailAsync(f, p.ProjectId);

        var problem = await f.Village.PostJson($"/api/micro-projects/{p.ProjectId}/progress",
            new { text = "已安装6盏路灯", percentDone = 50, photoIds = new[] { foreign } }, HttpStatusCode.BadRequest);
        problem.ShouldNameField("photoIds", "unknown_attachment");
        var notPhoto = await f.Village.PostJson($"/api/micro-projects/{p.ProjectId}/progress",
            new { text = "已安装6盏路灯", photoIds = new[] { contract } }, HttpStatusCode.BadRequest);
        notPhoto.ShouldNameField("photoIds", "unknown_attachment");

        var after = await DetailAsync(f, p.ProjectId);
        Assert.Empty(after.GetProperty("progress").EnumerateArray());
        Assert.Equal(Version(before), Version(after));
    }

    // R-MS-18
    [Theory, BothDatabases]
    public async Task R_MS_18_a_retried_progress_report_with_the_same_idempotency_key_is_kept_once(Db db)
    {
        var f = await Flow.StartAsync(db);
        var p = await ImplementingAsync(f, Large);
        var photo = await f.UploadAsync(p.ProjectId, "Photo", fileName: "progress.jpg", bytes: Flow.Jpeg);
        var body = new { text = "路灯基础已浇筑", percentDone = 30, photoIds = new[] { photo } };
        var key = Http.Unique("progress-");

        var first = await (await PostWithKeyAsync(f.Village, $"/api/micro-projects/{p.ProjectId}/progress", body, key)).Json(HttpStatusCode.OK);
        var retry = await (await PostWithKeyAsync(f.Village, $"/api/micro-projects/{p.ProjectId}/progress", body, key)).Json(HttpStatusCode.OK);

        Assert.Single(first.GetProperty("progress").EnumerateArray());
        Assert.Single(retry.GetProperty("progress").EnumerateArray());
        Assert.Single((await DetailAsync(f, p.ProjectId)).GetProperty("progress").EnumerateArray());
        // A new key is a new report.
        await (await PostWithKeyAsync(f.Village, $"/api/micro-projects/{p.ProjectId}/progress", body, Http.Unique("progress-"))).Json(HttpStatusCode.OK);
        Assert.Equal(2, (await DetailAsync(f, p.ProjectId)).GetProperty("progress").GetArrayLength());
    }

    // R-MS-12, R-MS-13 (and R-MS-14's survey, R-MS-15's feedback): over the 2026 Spring Festival.
    [Theory, BothDatabases]
    public async Task R_MS_12_R_MS_13_completion_meets_works_finish_and_the_form_is_due_five_working_days_later(Db db)
    {
        var f = await Flow.StartAsync(db);
        var saved = f.Now;
        try
        {
            await f.SetClockAsync(Local(2026, 2, 2));
            var p = await RegisteredAsync(f, Large);
            await PublishAsync(f, p); // publicity 02-02 .. 02-06
            await f.SetClockAsync(Local(2026, 2, 13)); // Friday
            await f.StartAsync(p.ProjectId);
            Assert.Equal("Open", Deadline(await DetailAsync(f, p.ProjectId), "WorksFinish").Str("status"));

            var completed = await f.CompleteAsync(p.ProjectId);

            Assert.Equal("Completed", completed.Str("state"));
            Assert.Equal("Met", Deadline(completed, "WorksFinish").Str("status"));
            // 02-14 is a make-up Saturday, 02-15..02-23 are holidays: 02-14, 24, 25, 26, 27.
            var form = Deadline(completed, "CompletionForm");
            Assert.Equal("R-MS-13", form.Str("ruleId"));
            Assert.Equal(f.VillageId, form.Str("responsibleOrgId"));
            Assert.Equal(EndOfDay(2026, 2, 27), Due(form));
            // R-MS-15: the result's 5 working days start at closing (办结), not when the works finish.
            Assert.DoesNotContain(completed.GetProperty("deadlines").EnumerateArray(), d => d.Str("obligation") == "ResultFeedback");

            var filed = await f.Village.PostJson($"/api/micro-projects/{p.ProjectId}/completion", await f.CompletionAsync(p.ProjectId, p.Budget),
                HttpStatusCode.OK);
            Assert.Equal("Met", Deadline(filed, "CompletionForm").Str("status"));
            var survey = Deadline(filed, "TownSurvey");
            Assert.Equal("R-MS-14", survey.Str("ruleId"));
            Assert.Equal(EndOfDay(2026, 2, 27), Due(survey));
        }
        finally
        {
            await f.SetClockAsync(saved);
        }
    }

    // R-MS-13
    [Theory, BothDatabases]
    public async Task R_MS_13_a_completion_form_without_its_fields_names_each_missing_one(Db db)
    {
        var f = await Flow.StartAsync(db);
        var works = await CompletedAsync(f, Large);
        var before = await DetailAsync(f, works.ProjectId);

        var problem = await f.Village.PostJson($"/api/micro-projects/{works.ProjectId}/completion", new { }, HttpStatusCode.BadRequest);

        foreach (var field in new[]
                 {
                     "periodFrom", "periodTo", "beneficiaries", "beneficiaryCount", "budgeted", "actual", "works", "works.content", "works.unit",
                     "works.plannedQuantity", "works.actualQuantity", "outcomePhotoIds",
                 })
            problem.ShouldNameField(field);
        Assert.DoesNotContain(problem.GetProperty("fieldErrors").EnumerateArray(), e => e.Str("field").StartsWith("service", StringComparison.Ordinal));
        var after = await DetailAsync(f, works.ProjectId);
        Assert.Equal("Completed", after.Str("state"));
        Assert.Equal(Version(before), Version(after));
        Assert.Equal(JsonValueKind.Null, after.GetProperty("completionFiledAt").ValueKind);
    }

    // R-MS-13
    [Theory, BothDatabases]
    public async Task R_MS_13_a_service_project_needs_its_service_section_and_non_negative_amounts(Db db)
    {
        var f = await Flow.StartAsync(db);
        var service = await CompletedAsync(f, Large, "ElderlyCare");
        var photo = await f.UploadAsync(service.ProjectId, "Photo", fileName: "after.jpg", bytes: Flow.Jpeg);

        var missing = await f.Village.PostJson($"/api/micro-projects/{service.ProjectId}/completion",
            new { periodFrom = "2026-01-01", periodTo = "2026-01-02", beneficiaries = "长者", beneficiaryCount = 60 }, HttpStatusCode.BadRequest);
        foreach (var field in new[] { "service", "service.time", "service.place", "service.participants", "budgeted", "actual", "outcomePhotoIds" })
            missing.ShouldNameField(field);
        Assert.DoesNotContain(missing.GetProperty("fieldErrors").EnumerateArray(), e => e.Str("field").StartsWith("works", StringComparison.Ordinal));

        var form = Form(f, service.Budget, photo, works: false);
        form["actual"] = new { programmeFen = -100L, villageFen = 0L, socialFen = 0L };
        var negative = await f.Village.PostJson($"/api/micro-projects/{service.ProjectId}/completion", form, HttpStatusCode.BadRequest);
        negative.ShouldNameField("actual.programmeFen", "out_of_range");

        var after = await DetailAsync(f, service.ProjectId);
        Assert.Equal("Completed", after.Str("state"));
        Assert.Equal(JsonValueKind.Null, after.GetProperty("actualProgrammeFen").ValueKind);
        Assert.Equal("Open", Deadline(after, "CompletionForm").Str("status"));
    }

    // R-MS-13
    [Theory, BothDatabases]
    public async Task R_MS_13_the_budgeted_split_must_add_up_to_the_project_budget(Db db)
    {
        var f = await Flow.StartAsync(db);
        var p = await CompletedAsync(f, Large);
        var form = Form(f, p.Budget, await PhotoAndPapersAsync(f, p));
        form["budgeted"] = new { programmeFen = p.Budget, villageFen = 100_000L, socialFen = 0L };
        var before = await DetailAsync(f, p.ProjectId);

        var problem = await f.Village.PostJson($"/api/micro-projects/{p.ProjectId}/completion", form, HttpStatusCode.BadRequest);

        problem.ShouldNameField("budgeted", "sum_mismatch");
        var after = await DetailAsync(f, p.ProjectId);
        Assert.Equal("Completed", after.Str("state"));
        Assert.Equal(Version(before), Version(after));
    }

    private static async Task<string> PhotoAndPapersAsync(Flow f, Proj p)
    {
        var photo = await f.UploadAsync(p.ProjectId, "Photo", fileName: "after.jpg", bytes: Flow.Jpeg);
        foreach (var kind in new[] { "StampedRegistrationForm", "Contract", "Invoice" }) await f.UploadAsync(p.ProjectId, kind);
        return photo;
    }

    // R-MS-13
    [Theory, BothDatabases]
    public async Task R_MS_13_the_required_attachments_are_named_when_missing_and_tendering_needs_its_papers(Db db)
    {
        var f = await Flow.StartAsync(db);
        var p = await CompletedAsync(f, Large);
        var photo = await f.UploadAsync(p.ProjectId, "Photo", fileName: "after.jpg", bytes: Flow.Jpeg);
        var url = $"/api/micro-projects/{p.ProjectId}/completion";

        var none = await f.Village.PostJson(url, Form(f, p.Budget, photo), HttpStatusCode.BadRequest);
        none.ShouldNameField("attachments", "missing_attachment");
        var message = Message(none);
        foreach (var named in new[] { "登记备案表", "合同", "发票", "StampedRegistrationForm", "Contract", "Invoice" }) Assert.Contains(named, message);

        foreach (var kind in new[] { "StampedRegistrationForm", "Contract", "Invoice" }) await f.UploadAsync(p.ProjectId, kind);
        var tendered = Form(f, p.Budget, photo);
        tendered["tendered"] = true;
        var papers = await f.Village.PostJson(url, tendered, HttpStatusCode.BadRequest);
        papers.ShouldNameField("attachments", "missing_attachment");
        var tenderMessage = Message(papers);
        foreach (var named in new[] { "ProcurementFiling", "TenderDocuments", "SupplierQualification", "TaxRegistration", "采购备案表", "招投标文件" })
            Assert.Contains(named, tenderMessage);
        Assert.DoesNotContain("Invoice", tenderMessage);
        Assert.Equal("Completed", (await DetailAsync(f, p.ProjectId)).Str("state"));

        foreach (var kind in new[] { "ProcurementFiling", "TenderDocuments", "SupplierQualification", "TaxRegistration" })
            await f.UploadAsync(p.ProjectId, kind);
        var filed = await f.Village.PostJson(url, tendered, HttpStatusCode.OK);
        Assert.Equal("AwaitingSurvey", filed.Str("state"));
    }

    private static string Message(JsonElement problem) => string.Join(" | ", problem.GetProperty("fieldErrors").EnumerateArray()
        .Where(e => e.Str("field") == "attachments").SelectMany(e => new[] { e.Str("zh"), e.Str("en") }));

    // R-MS-13
    [Theory, BothDatabases]
    public async Task R_MS_13_filing_after_the_due_needs_a_late_reason(Db db)
    {
        var f = await Flow.StartAsync(db);
        var p = await CompletedAsync(f, Large);
        var photo = await PhotoAndPapersAsync(f, p);
        var due = Due(Deadline(await DetailAsync(f, p.ProjectId), "CompletionForm"));
        await f.AdvanceAsync(due - f.Now + TimeSpan.FromHours(1));
        var before = await DetailAsync(f, p.ProjectId);
        Assert.Equal("Overdue", Deadline(before, "CompletionForm").Str("status"));

        var problem = await f.Village.PostJson($"/api/micro-projects/{p.ProjectId}/completion", Form(f, p.Budget, photo), HttpStatusCode.BadRequest);

        problem.ShouldNameField("lateReason", "late_reason_required");
        var after = await DetailAsync(f, p.ProjectId);
        Assert.Equal("Completed", after.Str("state"));
        Assert.Equal(Version(before), Version(after));
        Assert.Equal("Overdue", Deadline(after, "CompletionForm").Str("status"));

        var late = Form(f, p.Budget, photo);
        late["lateReason"] = "发票开具延误";
        var filed = await f.Village.PostJson($"/api/micro-projects/{p.ProjectId}/completion", late, HttpStatusCode.OK);
        var met = Deadline(filed, "CompletionForm");
        Assert.Equal("MetLate", met.Str("status"));
        Assert.Equal("发票开具延误", met.Str("lateReason"));
    }

    // R-MS-15 (and R-PL-07 for the published result)
    [Theory, BothDatabases]
    public async Task R_MS_15_closing_publishes_the_result_with_fund_use_and_tells_the_appellant(Db db)
    {
        var f = await Flow.StartAsync(db);
        var phone = Flow.Phone();
        const string name = "欧阳明轩";
        var p = await RegisteredAsync(f, Large, name: name, phone: phone);
        await PublishAsync(f, p);
        await f.AdvanceAsync(TimeSpan.FromDays(5));
        await f.StartAsync(p.ProjectId);
        var completed = await f.CompleteAsync(p.ProjectId);
        var completedAt = completed.GetProperty("completedAt").GetDateTimeOffset();
        await f.Village.PostJson($"/api/micro-projects/{p.ProjectId}/completion", await f.CompletionAsync(p.ProjectId, p.Budget), HttpStatusCode.OK);
        await f.SurveyAsync(p.ProjectId, f.Town, 30);
        var survey = (await f.Town.GetJson($"/api/micro-projects/{p.ProjectId}/survey")).GetProperty("summary");

        var closed = await f.Town.PostJson($"/api/micro-projects/{p.ProjectId}/survey/finish", new { }, HttpStatusCode.OK);

        Assert.Equal("Closed", closed.Str("state"));
        var feedback = Deadline(closed, "ResultFeedback");
        Assert.Equal("R-MS-15", feedback.Str("ruleId"));
        Assert.Equal("Met", feedback.Str("status"));
        using (var scope = f.Host.Services.CreateScope())
        {
            var calendar = await scope.ServiceProvider.GetRequiredService<CalendarProvider>().GetAsync(f.SystemDb(scope), default);
            Assert.Equal(calendar.DueAfterWorkingDays(completedAt, 5), Due(feedback));
        }
        var appeal = await f.Village.GetJson($"/api/appeals/{p.AppealId}");
        var result = appeal.GetProperty("messages").EnumerateArray().Where(m => m.Str("kind") == "Result").ToList();
        Assert.Single(result);

        var (notice, raw) = await FindNoticeAsync(f, closed.Str("number"));
        var body = notice.GetProperty("body");
        Assert.Equal(p.Budget - 150_000, body.GetProperty("actualProgrammeFen").GetInt64());
        Assert.Equal(100_000, body.GetProperty("actualVillageFen").GetInt64());
        Assert.Equal(0, body.GetProperty("actualSocialFen").GetInt64());
        Assert.Equal(p.Budget, body.GetProperty("budgetFen").GetInt64());
        Assert.Equal(30, body.GetProperty("surveyResponses").GetInt32());
        Assert.Equal(survey.GetProperty("satisfactionRate").GetDecimal(), body.GetProperty("satisfactionRate").GetDecimal());
        Assert.True(body.GetProperty("satisfactionRate").GetDecimal() > 0);
        // No personal data of the appellant, neither in the raw JSON nor in any decoded value.
        var text = raw + "\n" + AllText(notice);
        Assert.DoesNotContain(name, text, StringComparison.Ordinal);
        Assert.DoesNotContain(phone, text, StringComparison.Ordinal);
        Assert.DoesNotContain(phone[^8..], text, StringComparison.Ordinal);
    }

    /// <summary>Every property name and string value, decoded, so escaped Chinese cannot hide from a search.</summary>
    internal static string AllText(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => string.Join("\n", e.EnumerateObject().Select(p => p.Name + "\n" + AllText(p.Value))),
        JsonValueKind.Array => string.Join("\n", e.EnumerateArray().Select(AllText)),
        JsonValueKind.String => e.GetString()!,
        _ => e.GetRawText(),
    };

    /// <summary>The project's ProjectResult notice from the public board, with its raw JSON as published.</summary>
    internal static async Task<(JsonElement Notice, string Raw)> FindNoticeAsync(Flow f, string number)
    {
        var anon = f.Host.Anonymous();
        for (var page = 1; page < 50; page++)
        {
            var list = await anon.GetJson($"/api/public/notices?kind=ProjectResult&pageSize=100&page={page}");
            var items = list.GetProperty("items").EnumerateArray().ToList();
            var hit = items.FirstOrDefault(n => n.Str("subjectRef") == number);
            if (hit.ValueKind == JsonValueKind.Object) return (hit, hit.GetRawText());
            if (items.Count < 100) break;
        }
        throw new Xunit.Sdk.XunitException($"no ProjectResult notice for {number}");
    }
}

/// <summary>A project made for a test: its appeal, its id, its budget and whether it is under the threshold.</summary>
internal sealed record Proj(string AppealId, string ProjectId, long Budget, bool Small);

/// <summary>
/// Shared steps of the implementation-to-closing tests (R-MS-12..18), the deadline tests and the rules
/// tests: each takes projects through the real HTTP API with the people of <see cref="Flow"/>.
/// </summary>
internal static class ClosingPath
{
    public const long Large = 12_000_000; // 12万元: the town reviews and surveys it
    public const long Small = 3_000_000; // 3万元: the village does it all

    public static DateTimeOffset Local(int y, int m, int d, int h = 10, int min = 0) => new(y, m, d, h, min, 0, TimeSpan.FromHours(8));

    public static DateTimeOffset EndOfDay(int y, int m, int d) => new(y, m, d, 23, 59, 59, TimeSpan.FromHours(8));

    /// <summary>An appeal entered by the village, with a name and phone the test can look for afterwards.</summary>
    public static async Task<JsonElement> AppealAsync(Flow f, string collection = "Daily", string? name = null, string? phone = null,
        HttpClient? by = null, string? villageId = null) =>
        await (by ?? f.Village).PostJson("/api/appeals", new
        {
            channel = "GridWorker", title = "公园增设长者休息座椅", description = "公园缺少座椅，长者散步无处休息", villageId = villageId ?? f.VillageId,
            appellantName = name ?? "李秀英", appellantPhone = phone ?? Flow.Phone(), collection, category = "ConvenienceWorks",
        }, HttpStatusCode.Created);

    /// <summary>Appeal → receipt → committee → consultation → registration form.</summary>
    public static async Task<Proj> RegisteredAsync(Flow f, long budget, string subType = "LivingEnvironment", string collection = "Daily",
        string? name = null, string? phone = null)
    {
        var appealId = (await AppealAsync(f, collection, name, phone)).Str("id");
        await f.AcknowledgeAsync(appealId);
        var projectId = await f.CommitteeAsync(appealId);
        await f.ConsultAsync(projectId, budget);
        var registered = await f.RegisterAsync(projectId, subType);
        return new Proj(appealId, projectId, budget, registered.GetProperty("isSmall").GetBoolean());
    }

    /// <summary>The town's confirmation for a large project, then publicity by whoever the rules name.</summary>
    public static async Task PublishAsync(Flow f, Proj p)
    {
        if (p.Small)
        {
            await f.PublishAsync(p.ProjectId, f.Village);
            return;
        }
        await f.OpinionAsync(p.ProjectId);
        await f.ReviewAsync(p.ProjectId);
        await f.PublishAsync(p.ProjectId);
    }

    /// <summary>Several projects to implementation with one wait for their publicity.</summary>
    public static async Task<IReadOnlyList<Proj>> ImplementingAsync(Flow f, params (long Budget, string SubType)[] specs)
    {
        var list = new List<Proj>();
        foreach (var (budget, subType) in specs)
        {
            var p = await RegisteredAsync(f, budget, subType);
            await PublishAsync(f, p);
            list.Add(p);
        }
        await f.AdvanceAsync(TimeSpan.FromDays(5));
        foreach (var p in list) await f.StartAsync(p.ProjectId);
        return list;
    }

    public static async Task<Proj> ImplementingAsync(Flow f, long budget, string subType = "LivingEnvironment") =>
        (await ImplementingAsync(f, [(budget, subType)]))[0];

    public static async Task<Proj> CompletedAsync(Flow f, long budget, string subType = "LivingEnvironment")
    {
        var p = await ImplementingAsync(f, budget, subType);
        await f.CompleteAsync(p.ProjectId);
        return p;
    }

    public static async Task<JsonElement> DetailAsync(Flow f, string projectId, HttpClient? by = null) =>
        await (by ?? f.Village).GetJson($"/api/micro-projects/{projectId}");

    public static JsonElement Deadline(JsonElement detail, string obligation) =>
        detail.GetProperty("deadlines").EnumerateArray().Single(d => d.Str("obligation") == obligation);

    public static DateTimeOffset Due(JsonElement deadline) => deadline.GetProperty("dueAt").GetDateTimeOffset();

    public static int Version(JsonElement detail) => detail.GetProperty("version").GetInt32();

    /// <summary>The flow's completion form as a dictionary, so a test can break one part of it.</summary>
    public static Dictionary<string, object?> Form(Flow f, long budget, string photoId, bool works = true) =>
        JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(f.CompletionForm(budget, photoId, works)))!;

    /// <summary>A survey questionnaire with every aspect at one level.</summary>
    public static object Answers(string level) => new
    {
        overall = level, quality = level, effect = level, attitude = level, efficiency = level, closeness = level, openness = level,
    };

    public static async Task<HttpResponseMessage> PostWithKeyAsync(HttpClient c, string url, object body, string key)
    {
        using var req = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body, options: TestHost.Json) };
        req.Headers.Add("Idempotency-Key", key);
        return await c.SendAsync(req);
    }

    public static async Task<HttpResponseMessage> UploadRawAsync(HttpClient c, string projectId, string? kind, string fileName, byte[] bytes,
        string contentType = "application/octet-stream")
    {
        using var content = new MultipartFormDataContent();
        if (kind is not null) content.Add(new StringContent(kind), "kind");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        content.Add(file, "file", fileName);
        return await c.PostAsync($"/api/micro-projects/{projectId}/attachments", content);
    }

    /// <summary>Runs the warning job until it has nothing left, so a test starts from a quiet state.</summary>
    public static async Task DrainWarningsAsync(Flow f)
    {
        for (var i = 0; i < 100 && await f.WarnAsync() > 0; i++) { }
    }

    /// <summary>The town (东城街道) of the demo village.</summary>
    public static async Task<string> TownIdAsync(Flow f) => (await f.City.GetJson($"/api/organizations/{f.VillageId}")).Str("parentId");
}
