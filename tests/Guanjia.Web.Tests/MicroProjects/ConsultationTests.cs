using System.Net;
using System.Text.Json;
using Guanjia.Web.Tests.Infrastructure;

namespace Guanjia.Web.Tests.MicroProjects;

/// <summary>The community consultation after the committee's decision: its deadline, its form, a failed one (R-MS-04..06).</summary>
[Collection(ApiCollection.Name)]
public class ConsultationTests
{
    private static string Url(string projectId) => $"/api/micro-projects/{projectId}/consultations";

    // R-MS-04
    [Theory, BothDatabases]
    public async Task R_MS_04_the_consultation_is_due_ten_calendar_days_after_the_committee_meeting_and_met_on_time(Db db)
    {
        var f = await Flow.StartAsync(db);
        var (_, projectId) = await DecisionToStart.NewProjectAsync(f);
        var before = await DecisionToStart.GetAsync(f, projectId);
        Assert.Equal("AwaitingConsultation", before.Str("state"));
        var meeting = before.GetProperty("committeeDecidedAt").GetDateTimeOffset();
        var deadline = DecisionToStart.Deadline(before, "Consultation");
        Assert.Equal("R-MS-04", deadline.Str("ruleId"));
        Assert.Equal("Open", deadline.Str("status"));
        Assert.Equal(f.VillageId, deadline.Str("responsibleOrgId"));
        Assert.Equal(DecisionToStart.EndOfLocalDay(meeting, days: 10), DecisionToStart.DueAt(deadline));

        await f.ConsultAsync(projectId, 3_000_000);
        var after = await DecisionToStart.GetAsync(f, projectId);
        Assert.Equal("Consulted", after.Str("state"));
        Assert.Equal("Met", DecisionToStart.Deadline(after, "Consultation").Str("status"));
    }

    // R-MS-04
    [Theory, BothDatabases]
    public async Task R_MS_04_a_consultation_after_the_due_time_needs_a_late_reason_and_is_met_late(Db db)
    {
        var f = await Flow.StartAsync(db);
        var (_, projectId) = await DecisionToStart.NewProjectAsync(f);
        var due = DecisionToStart.DueAt(DecisionToStart.Deadline(await DecisionToStart.GetAsync(f, projectId), "Consultation"));

        await DecisionToStart.WithClockAsync(f, due.AddSeconds(1), async () =>
        {
            var minutes = await f.UploadAsync(projectId, "Minutes");
            var before = await DecisionToStart.GetAsync(f, projectId);
            var late = await f.Village.PostJson(Url(projectId), f.Consultation(minutes, 3_000_000), HttpStatusCode.BadRequest);
            late.ShouldNameField("lateReason", "late_reason_required");

            var unchanged = await DecisionToStart.AssertUnchangedAsync(f, projectId, before);
            Assert.Equal("AwaitingConsultation", unchanged.Str("state"));
            Assert.Equal(0, unchanged.GetProperty("consultations").GetArrayLength());
            Assert.Equal("Overdue", DecisionToStart.Deadline(unchanged, "Consultation").Str("status"));

            var ok = await f.Village.PostJson(Url(projectId), f.Consultation(minutes, 3_000_000, lateReason: "村委换届，会议推迟"), HttpStatusCode.OK);
            Assert.Equal("Consulted", ok.Str("state"));
            var d = DecisionToStart.Deadline(ok, "Consultation");
            Assert.Equal("MetLate", d.Str("status"));
            Assert.Equal("村委换届，会议推迟", d.Str("lateReason"));
        });
    }

    // R-MS-04: lateness is judged by when the meeting was held, so a meeting at the last second counts as on time.
    [Theory, BothDatabases]
    public async Task R_MS_04_a_meeting_entered_after_its_deadline_is_late_whatever_date_it_is_given(Db db)
    {
        var f = await Flow.StartAsync(db);
        var (_, projectId) = await DecisionToStart.NewProjectAsync(f);
        var due = DecisionToStart.DueAt(DecisionToStart.Deadline(await DecisionToStart.GetAsync(f, projectId), "Consultation"));

        // Issue 12 (backdating): a meeting dated on its due time but recorded nine hours later is late; the date stays as given.
        await DecisionToStart.WithClockAsync(f, due.AddHours(9), async () =>
        {
            var minutes = await f.UploadAsync(projectId, "Minutes");
            var body = DecisionToStart.With(f.Consultation(minutes, 3_000_000), ("heldAt", due));
            var refused = await f.Village.PostJson(Url(projectId), body, HttpStatusCode.BadRequest);
            refused.ShouldNameField("lateReason", "late_reason_required");
            Assert.Equal("AwaitingConsultation", (await DecisionToStart.GetAsync(f, projectId)).Str("state"));

            var late = DecisionToStart.With(f.Consultation(minutes, 3_000_000, lateReason: "会议记录整理后补录"), ("heldAt", due));
            var ok = await f.Village.PostJson(Url(projectId), late, HttpStatusCode.OK);
            var d = DecisionToStart.Deadline(ok, "Consultation");
            Assert.Equal("MetLate", d.Str("status"));
            Assert.Equal("会议记录整理后补录", d.Str("lateReason"));
            Assert.Equal(due.AddHours(9), d.GetProperty("metAt").GetDateTimeOffset());
            Assert.Equal(due, ok.GetProperty("consultedAt").GetDateTimeOffset());
        });
    }

    // R-MS-05
    [Theory, BothDatabases]
    public async Task R_MS_05_every_field_of_the_registration_form_is_required(Db db)
    {
        var f = await Flow.StartAsync(db);
        var (_, projectId) = await DecisionToStart.NewProjectAsync(f);
        var before = await DecisionToStart.GetAsync(f, projectId);

        var passedOnly = await f.Village.PostJson(Url(projectId), new { passed = true }, HttpStatusCode.BadRequest);
        foreach (var field in new[]
                 {
                     "heldAt", "place", "host", "recorder", "form", "participantTypes", "headCount", "minutesAttachmentId",
                     "content", "beneficiaries", "route", "budgetFen", "fundingSources", "implementingBody", "implementationPeriod",
                 })
            passedOnly.ShouldNameField(field);

        var empty = await f.Village.PostJson(Url(projectId), new { }, HttpStatusCode.BadRequest);
        empty.ShouldNameField("passed", "required");
        empty.ShouldNameField("heldAt", "required");

        var minutes = await f.UploadAsync(projectId, "Minutes");
        var zero = await f.Village.PostJson(Url(projectId), f.Consultation(minutes, 0), HttpStatusCode.BadRequest);
        zero.ShouldNameField("budgetFen", "out_of_range");
        var noPeople = await f.Village.PostJson(Url(projectId),
            DecisionToStart.With(f.Consultation(minutes, 3_000_000), ("participantTypes", Array.Empty<string>()), ("headCount", 0)),
            HttpStatusCode.BadRequest);
        noPeople.ShouldNameField("participantTypes", "required");
        noPeople.ShouldNameField("headCount", "out_of_range");

        var unchanged = await DecisionToStart.AssertUnchangedAsync(f, projectId, before);
        Assert.Equal(0, unchanged.GetProperty("consultations").GetArrayLength());
        Assert.Null(unchanged.GetProperty("budgetFen").GetInt64OrNull());
    }

    // R-MS-05
    [Theory, BothDatabases]
    public async Task R_MS_05_the_form_other_needs_its_description(Db db)
    {
        var f = await Flow.StartAsync(db);
        var (_, projectId) = await DecisionToStart.NewProjectAsync(f);
        var minutes = await f.UploadAsync(projectId, "Minutes");
        var before = await DecisionToStart.GetAsync(f, projectId);

        var missing = await f.Village.PostJson(Url(projectId), DecisionToStart.With(f.Consultation(minutes, 3_000_000), ("form", "Other")),
            HttpStatusCode.BadRequest);
        missing.ShouldNameField("formOther", "required");
        await DecisionToStart.AssertUnchangedAsync(f, projectId, before);

        var ok = await f.Village.PostJson(Url(projectId),
            DecisionToStart.With(f.Consultation(minutes, 3_000_000), ("form", "Other"), ("formOther", "楼栋长议事会")), HttpStatusCode.OK);
        var c = ok.GetProperty("consultations")[0];
        Assert.Equal("Other", c.Str("form"));
        Assert.Equal("楼栋长议事会", c.Str("formOther"));
    }

    // R-MS-05
    [Theory, BothDatabases]
    public async Task R_MS_05_the_minutes_must_be_this_projects_minutes(Db db)
    {
        var f = await Flow.StartAsync(db);
        var (_, projectId) = await DecisionToStart.NewProjectAsync(f);
        var (_, otherId) = await DecisionToStart.NewProjectAsync(f);
        var invoice = await f.UploadAsync(projectId, "Invoice");
        var othersMinutes = await f.UploadAsync(otherId, "Minutes");
        var before = await DecisionToStart.GetAsync(f, projectId);

        var none = await f.Village.PostJson(Url(projectId), DecisionToStart.With(f.Consultation(invoice, 3_000_000), ("minutesAttachmentId", null)),
            HttpStatusCode.BadRequest);
        none.ShouldNameField("minutesAttachmentId", "required");
        foreach (var wrong in new[] { invoice, othersMinutes, Guid.NewGuid().ToString() })
        {
            var res = await f.Village.PostJson(Url(projectId), f.Consultation(wrong, 3_000_000), HttpStatusCode.BadRequest);
            res.ShouldNameField("minutesAttachmentId", "unknown_attachment");
        }
        var unchanged = await DecisionToStart.AssertUnchangedAsync(f, projectId, before);
        Assert.Equal(0, unchanged.GetProperty("consultations").GetArrayLength());
        Assert.Equal("AwaitingConsultation", (await DecisionToStart.GetAsync(f, otherId)).Str("state"));

        var minutes = await f.UploadAsync(projectId, "Minutes");
        var ok = await f.Village.PostJson(Url(projectId), f.Consultation(minutes, 3_000_000), HttpStatusCode.OK);
        Assert.Equal(minutes, ok.GetProperty("consultations")[0].Str("minutesAttachmentId"));
    }

    // R-MS-05
    [Theory, BothDatabases]
    public async Task R_MS_05_a_consultation_cannot_be_dated_in_the_future_or_before_the_committee(Db db)
    {
        var f = await Flow.StartAsync(db);
        var (_, projectId) = await DecisionToStart.NewProjectAsync(f);
        var minutes = await f.UploadAsync(projectId, "Minutes");
        var before = await DecisionToStart.GetAsync(f, projectId);
        var committee = before.GetProperty("committeeDecidedAt").GetDateTimeOffset();

        var future = await f.Village.PostJson(Url(projectId), DecisionToStart.With(f.Consultation(minutes, 3_000_000), ("heldAt", f.Now.AddHours(1))),
            HttpStatusCode.BadRequest);
        future.ShouldNameField("heldAt", "in_future");
        var early = await f.Village.PostJson(Url(projectId), DecisionToStart.With(f.Consultation(minutes, 3_000_000), ("heldAt", committee.AddDays(-1))),
            HttpStatusCode.BadRequest);
        early.ShouldNameField("heldAt", "before_committee");

        var unchanged = await DecisionToStart.AssertUnchangedAsync(f, projectId, before);
        Assert.Equal(0, unchanged.GetProperty("consultations").GetArrayLength());
    }

    // R-MS-05
    [Theory, BothDatabases]
    public async Task R_MS_05_the_detail_returns_the_consultation_with_all_its_fields(Db db)
    {
        var f = await Flow.StartAsync(db);
        var (_, projectId) = await DecisionToStart.NewProjectAsync(f, category: "WelfareService");
        var minutes = await f.UploadAsync(projectId, "Minutes");
        await f.Village.PostJson(Url(projectId), f.Consultation(minutes, 3_600_000, route: "Station"), HttpStatusCode.OK);

        var p = await DecisionToStart.GetAsync(f, projectId, f.Town);
        var c = Assert.Single(p.GetProperty("consultations").EnumerateArray());
        Assert.Equal("Consultation", c.Str("kind"));
        Assert.Equal("主山社区党群服务中心", c.Str("place"));
        Assert.Equal("张书记", c.Str("host"));
        Assert.Equal("王干事", c.Str("recorder"));
        Assert.Equal("VillagersMeeting", c.Str("form"));
        Assert.Equal(["VillagersCommittee", "SupervisoryCommittee", "VillagersRepresentatives", "Beneficiaries"],
            c.GetProperty("participantTypes").EnumerateArray().Select(x => x.GetString()!).ToArray());
        Assert.Equal(23, c.GetProperty("headCount").GetInt32());
        Assert.True(c.GetProperty("passed").GetBoolean());
        Assert.Equal("新村路增设太阳能路灯12盏并修复旧灯", c.Str("content"));
        Assert.Equal("新村路沿线居民约800人", c.Str("beneficiaries"));
        Assert.Equal("Station", c.Str("route"));
        Assert.Equal(3_600_000, c.GetProperty("budgetFen").GetInt64());
        Assert.Equal(["ProgrammeFund", "VillageSelfFunded"], c.GetProperty("fundingSources").EnumerateArray().Select(x => x.GetString()!).ToArray());
        Assert.Equal("东莞市某照明工程有限公司", c.Str("implementingBody"));
        Assert.Equal("公示结束后3个月内完工", c.Str("implementationPeriod"));
        Assert.Equal(minutes, c.Str("minutesAttachmentId"));
        Assert.True(Math.Abs((c.GetProperty("heldAt").GetDateTimeOffset() - f.Now).TotalSeconds) < 1);

        // The passed consultation settles the project's content, route, budget and implementing body.
        Assert.Equal("Consulted", p.Str("state"));
        Assert.Equal(3_600_000, p.GetProperty("budgetFen").GetInt64());
        Assert.Equal("Station", p.Str("route"));
        Assert.Equal("新村路沿线居民约800人", p.Str("beneficiaries"));
        Assert.Equal("东莞市某照明工程有限公司", p.Str("implementingBody"));
        Assert.Contains(p.GetProperty("attachments").EnumerateArray(), a => a.Str("id") == minutes && a.Str("kind") == "Minutes");
    }

    // R-MS-06
    [Theory, BothDatabases]
    public async Task R_MS_06_a_failed_consultation_keeps_the_project_open(Db db)
    {
        var f = await Flow.StartAsync(db);
        var (_, projectId) = await DecisionToStart.NewProjectAsync(f);
        var minutes = await f.UploadAsync(projectId, "Minutes");
        var before = await DecisionToStart.GetAsync(f, projectId);
        var noNote = await f.Village.PostJson(Url(projectId), DecisionToStart.With(f.Consultation(minutes, 0, passed: false), ("failureNote", null)),
            HttpStatusCode.BadRequest);
        noNote.ShouldNameField("failureNote", "required");
        await DecisionToStart.AssertUnchangedAsync(f, projectId, before);

        var failed = await f.Village.PostJson(Url(projectId), f.Consultation(minutes, 0, passed: false), HttpStatusCode.OK);
        Assert.Equal("ConsultationFailed", failed.Str("state"));
        Assert.Null(failed.GetProperty("budgetFen").GetInt64OrNull());
        var c = Assert.Single(failed.GetProperty("consultations").EnumerateArray());
        Assert.False(c.GetProperty("passed").GetBoolean());
        Assert.Equal("预算与方案分歧较大，需进一步论证", c.Str("failureNote"));
        // Open: the village may consult again or put it to the assembly; nothing is closed or cancelled.
        var allowed = DecisionToStart.Allowed(failed);
        Assert.Contains("RecordConsultation", allowed);
        Assert.Contains("RecordAssemblyVote", allowed);
        Assert.Equal("Met", DecisionToStart.Deadline(failed, "Consultation").Str("status"));
        var appeal = await f.Village.GetJson($"/api/appeals/{failed.Str("appealId")}");
        Assert.Equal(["Receipt"], DecisionToStart.Kinds(appeal));
    }

    // R-MS-06
    [Theory, BothDatabases]
    public async Task R_MS_06_consulting_again_needs_a_feasibility_study(Db db)
    {
        var f = await Flow.StartAsync(db);
        var (_, projectId) = await DecisionToStart.NewProjectAsync(f);
        var first = await f.UploadAsync(projectId, "Minutes");
        await f.Village.PostJson(Url(projectId), f.Consultation(first, 0, passed: false), HttpStatusCode.OK);

        var second = await f.UploadAsync(projectId, "Minutes");
        var before = await DecisionToStart.GetAsync(f, projectId);
        var without = await f.Village.PostJson(Url(projectId), f.Consultation(second, 4_000_000), HttpStatusCode.BadRequest);
        without.ShouldNameField("feasibilityStudy", "required");
        var unchanged = await DecisionToStart.AssertUnchangedAsync(f, projectId, before);
        Assert.Equal("ConsultationFailed", unchanged.Str("state"));
        Assert.Equal(1, unchanged.GetProperty("consultations").GetArrayLength());

        var ok = await f.Village.PostJson(Url(projectId), f.Consultation(second, 4_000_000, feasibility: "经实地测量，方案调整为8盏，预算下调"), HttpStatusCode.OK);
        Assert.Equal("Consulted", ok.Str("state"));
        Assert.Equal(4_000_000, ok.GetProperty("budgetFen").GetInt64());
        var rows = ok.GetProperty("consultations").EnumerateArray().ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains(rows, r => r.GetProperty("passed").GetBoolean() && r.Str("feasibilityStudy") == "经实地测量，方案调整为8盏，预算下调");
    }

    // R-MS-06
    [Theory, BothDatabases]
    public async Task R_MS_06_the_assembly_vote_settles_a_failed_consultation(Db db)
    {
        var f = await Flow.StartAsync(db);
        var (_, projectId) = await DecisionToStart.NewProjectAsync(f);
        var first = await f.UploadAsync(projectId, "Minutes");
        await f.Village.PostJson(Url(projectId), f.Consultation(first, 0, passed: false), HttpStatusCode.OK);

        var vote = await f.UploadAsync(projectId, "Minutes");
        var body = DecisionToStart.With(f.Consultation(vote, 4_500_000), ("form", "VillagersMeeting"), ("headCount", 61));
        var ok = await f.Village.PostJson($"/api/micro-projects/{projectId}/assembly-votes", body, HttpStatusCode.OK);
        Assert.Equal("Consulted", ok.Str("state"));
        Assert.Equal(4_500_000, ok.GetProperty("budgetFen").GetInt64());
        var rows = ok.GetProperty("consultations").EnumerateArray().ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains(rows, r => r.Str("kind") == "AssemblyVote" && r.GetProperty("passed").GetBoolean() && r.GetProperty("headCount").GetInt32() == 61);
    }

    // R-MS-06
    [Theory, BothDatabases]
    public async Task R_MS_06_an_assembly_vote_needs_a_failed_consultation_first(Db db)
    {
        var f = await Flow.StartAsync(db);
        var (_, projectId) = await DecisionToStart.NewProjectAsync(f);
        var minutes = await f.UploadAsync(projectId, "Minutes");
        var before = await DecisionToStart.GetAsync(f, projectId);
        Assert.DoesNotContain("RecordAssemblyVote", DecisionToStart.Allowed(before));

        var res = await f.Village.PostJson($"/api/micro-projects/{projectId}/assembly-votes", f.Consultation(minutes, 4_500_000), HttpStatusCode.Conflict);
        Assert.Equal("conflict", res.Str("code"));
        var unchanged = await DecisionToStart.AssertUnchangedAsync(f, projectId, before);
        Assert.Equal("AwaitingConsultation", unchanged.Str("state"));
        Assert.Equal(0, unchanged.GetProperty("consultations").GetArrayLength());
        Assert.Equal("Open", DecisionToStart.Deadline(unchanged, "Consultation").Str("status"));
    }
}

/// <summary>Steps and checks shared by the tests from the committee's decision to the start of implementation.</summary>
internal static class DecisionToStart
{
    public static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    /// <summary>23:59:59 Beijing time of the local date of <paramref name="instant"/> plus months and days, computed here independently.</summary>
    public static DateTimeOffset EndOfLocalDay(DateTimeOffset instant, int days = 0, int months = 0)
    {
        var date = instant.ToOffset(Beijing).Date.AddMonths(months).AddDays(days);
        return new DateTimeOffset(date.Year, date.Month, date.Day, 23, 59, 59, Beijing);
    }

    public static DateOnly Today(Flow f) => DateOnly.FromDateTime(f.Now.ToOffset(Beijing).DateTime);

    /// <summary>A Beijing wall-clock time.</summary>
    public static DateTimeOffset At(int year, int month, int day, int hour = 10) => new(year, month, day, hour, 0, 0, Beijing);

    /// <summary>An appeal acknowledged and decided by the two committees: the project waits for its consultation.</summary>
    public static async Task<(string AppealId, string ProjectId)> NewProjectAsync(Flow f, bool hotline = false, string? phone = null,
        string category = "ConvenienceWorks")
    {
        var appeal = hotline ? await f.HotlineOrderAsync(phone: phone) : await f.StaffAppealAsync(category: category);
        var appealId = appeal.Str("id");
        await f.AcknowledgeAsync(appealId);
        return (appealId, await f.CommitteeAsync(appealId));
    }

    public static async Task<string> ConsultedAsync(Flow f, long budgetFen, string route = "Express")
    {
        // R-RT-05: the station route serves public-welfare services, so a station project starts as one.
        var (_, projectId) = await NewProjectAsync(f, category: route == "Station" ? "WelfareService" : "ConvenienceWorks");
        await f.ConsultAsync(projectId, budgetFen, route);
        return projectId;
    }

    /// <summary>A project of 12万元 (or the given budget) filed with the town, waiting for its review.</summary>
    public static async Task<string> InTownReviewAsync(Flow f, long budgetFen = 12_000_000, string subType = "LivingEnvironment", string route = "Express")
    {
        var projectId = await ConsultedAsync(f, budgetFen, route);
        var registered = await f.Village.PostJson($"/api/micro-projects/{projectId}/registration", Flow.Registration(subType), HttpStatusCode.OK);
        Assert.Equal("TownReview", registered.Str("state"));
        return projectId;
    }

    /// <summary>Reviewed by the town with a finance opinion: waiting for publicity.</summary>
    public static async Task<string> AwaitingPublicityAsync(Flow f, long budgetFen = 12_000_000, string subType = "LivingEnvironment",
        string route = "Express")
    {
        var projectId = await InTownReviewAsync(f, budgetFen, subType, route);
        await f.OpinionAsync(projectId);
        var reviewed = await f.ReviewAsync(projectId);
        Assert.Equal("AwaitingPublicity", reviewed.Str("state"));
        return projectId;
    }

    public static async Task<JsonElement> GetAsync(Flow f, string projectId, HttpClient? by = null) =>
        await (by ?? f.Village).GetJson($"/api/micro-projects/{projectId}");

    /// <summary>Re-reads the project and asserts a refused step left its state and version as they were.</summary>
    public static async Task<JsonElement> AssertUnchangedAsync(Flow f, string projectId, JsonElement before)
    {
        var after = await GetAsync(f, projectId);
        Assert.Equal(before.Str("state"), after.Str("state"));
        Assert.Equal(before.GetProperty("version").GetInt32(), after.GetProperty("version").GetInt32());
        Assert.Equal(before.GetProperty("consultations").GetArrayLength(), after.GetProperty("consultations").GetArrayLength());
        Assert.Equal(before.GetProperty("deadlines").GetArrayLength(), after.GetProperty("deadlines").GetArrayLength());
        Assert.Equal(
            before.GetProperty("deadlines").EnumerateArray().Select(d => d.Str("status")).ToArray(),
            after.GetProperty("deadlines").EnumerateArray().Select(d => d.Str("status")).ToArray());
        return after;
    }

    public static List<JsonElement> Deadlines(JsonElement project, string obligation) =>
        project.GetProperty("deadlines").EnumerateArray().Where(d => d.Str("obligation") == obligation).ToList();

    public static JsonElement Deadline(JsonElement project, string obligation) => Assert.Single(Deadlines(project, obligation));

    public static DateTimeOffset DueAt(JsonElement deadline) => deadline.GetProperty("dueAt").GetDateTimeOffset();

    public static List<string> Allowed(JsonElement project) =>
        project.GetProperty("allowedActions").EnumerateArray().Select(x => x.GetString()!).ToList();

    public static List<string> Kinds(JsonElement appeal) =>
        appeal.GetProperty("messages").EnumerateArray().Select(m => m.Str("kind")).ToList();

    public static long? GetInt64OrNull(this JsonElement e) => e.ValueKind == JsonValueKind.Null ? null : e.GetInt64();

    /// <summary>A request body with some fields replaced (null included), for one wrong field at a time.</summary>
    public static Dictionary<string, object?> With(object body, params (string Key, object? Value)[] changes)
    {
        var json = JsonSerializer.SerializeToElement(body, TestHost.Json);
        var d = json.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value.Clone());
        foreach (var (k, v) in changes) d[k] = v;
        return d;
    }

    /// <summary>Runs <paramref name="body"/> with the shared clock at <paramref name="at"/>, and puts the clock back after.</summary>
    public static async Task WithClockAsync(Flow f, DateTimeOffset at, Func<Task> body)
    {
        var saved = f.Now;
        await f.SetClockAsync(at);
        try
        {
            await body();
        }
        finally
        {
            await f.SetClockAsync(saved);
        }
    }
}
