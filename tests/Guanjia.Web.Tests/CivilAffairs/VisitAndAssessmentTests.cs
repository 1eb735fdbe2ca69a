using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Guanjia.Web.Tests.Infrastructure;

namespace Guanjia.Web.Tests.CivilAffairs;

/// <summary>Monthly visits (R-CA-08) and self-care assessments (R-CA-07) on the fake clock across month and year ends and holidays.</summary>
[Collection(ApiCollection.Name)]
public class VisitAndAssessmentTests
{
    private static readonly TimeSpan China = CaseworkKit.China;

    private static JsonElement Row(List<JsonElement> deadlines, string obligation, DateTimeOffset due) =>
        deadlines.Single(d => d.Str("obligation") == obligation && d.GetProperty("dueAt").GetDateTimeOffset() == due);

    // R-CA-08
    [Theory, BothDatabases]
    public async Task R_CA_08_each_month_a_visit_is_due_by_month_end_an_offline_visit_counts_once_and_no_home_visit_is_flagged(Db db)
    {
        var k = await CaseworkKit.StartAsync(db);
        var saved = k.Now;
        try
        {
            await k.SetClockAsync(new DateTimeOffset(2026, 12, 30, 10, 0, 0, China));
            var file = await k.RegisterAsync();
            var id = file.Str("id");
            var decEnd = new DateTimeOffset(2026, 12, 31, 23, 59, 59, China);
            Assert.Equal("Open", Row(await k.DeadlinesAsync(id), "CaseMonthlyVisit", decEnd).Str("status"));
            (await k.Worker.PostJson("/api/civil-affairs/visits", CaseworkKit.Visit(id, k.Now.AddHours(2)), HttpStatusCode.BadRequest))
                .ShouldNameField("visitedAt", "in_future");

            // Typed offline on New Year's Eve, sent the next morning, sent again when the answer was lost.
            await k.SetClockAsync(new DateTimeOffset(2027, 1, 1, 9, 0, 0, China));
            var offline = CaseworkKit.Visit(id, new DateTimeOffset(2026, 12, 31, 20, 0, 0, China));
            var key = Guid.NewGuid().ToString();
            async Task<HttpResponseMessage> Send(object body)
            {
                using var req = new HttpRequestMessage(HttpMethod.Post, "/api/civil-affairs/visits") { Content = JsonContent.Create(body, options: TestHost.Json) };
                req.Headers.Add("Idempotency-Key", key);
                return await k.Worker.SendAsync(req);
            }
            var first = await (await Send(offline)).Json(HttpStatusCode.Created);
            var replay = await (await Send(offline)).Json(HttpStatusCode.OK);
            Assert.Equal(first.Str("id"), replay.Str("id"));
            Assert.Equal(HttpStatusCode.Conflict, (await Send(CaseworkKit.Visit(id, new DateTimeOffset(2026, 12, 31, 21, 0, 0, China)))).StatusCode);
            var visits = await k.Town.GetJson($"/api/civil-affairs/visits?month=202612&caseFileId={id}");
            Assert.Equal(1, visits.GetProperty("total").GetInt32());
            var dec = Row(await k.DeadlinesAsync(id), "CaseMonthlyVisit", decEnd);
            Assert.Equal("Met", dec.Str("status"));

            // January opens; a phone visit meets it. February passes with none: missing. By March the home visit is two months old.
            Assert.True(await k.OpenPeriodAsync() >= 1);
            await k.SetClockAsync(new DateTimeOffset(2027, 1, 10, 11, 0, 0, China));
            await k.VisitAsync(id, k.Now.AddHours(-1), mode: "Phone");
            Assert.Equal("Met", Row(await k.DeadlinesAsync(id), "CaseMonthlyVisit", new DateTimeOffset(2027, 1, 31, 23, 59, 59, China)).Str("status"));
            await k.SetClockAsync(new DateTimeOffset(2027, 2, 1, 8, 0, 0, China));
            await k.OpenPeriodAsync();
            await k.SetClockAsync(new DateTimeOffset(2027, 3, 2, 8, 0, 0, China));
            await k.OpenPeriodAsync();
            Assert.Equal("Overdue", Row(await k.DeadlinesAsync(id), "CaseMonthlyVisit", new DateTimeOffset(2027, 2, 28, 23, 59, 59, China)).Str("status"));
            var flagged = await k.Worker.GetJson("/api/civil-affairs/files?noHomeVisit=true&pageSize=200");
            Assert.Contains(flagged.GetProperty("items").EnumerateArray(), f => f.Str("id") == id);
            Assert.True((await k.Worker.GetJson($"/api/civil-affairs/files/{id}")).GetProperty("noHomeVisitFlag").GetBoolean());
            // A home visit clears the flag.
            await k.VisitAsync(id, k.Now.AddHours(-1));
            Assert.False((await k.Worker.GetJson($"/api/civil-affairs/files/{id}")).GetProperty("noHomeVisitFlag").GetBoolean());

            // The due list on the worker's phone has the person, this month, without sensitive fields.
            var due = await k.Worker.GetJson("/api/civil-affairs/my-due");
            Assert.Equal(202703, due.GetProperty("month").GetInt32());
            var item = due.GetProperty("items").EnumerateArray().Single(i => i.Str("fileId") == id && i.Str("obligation") == "CaseMonthlyVisit"
                && i.GetProperty("dueAt").GetDateTimeOffset() == new DateTimeOffset(2027, 3, 31, 23, 59, 59, China));
            Assert.Equal("Met", item.Str("status"));
            Assert.False(item.TryGetProperty("health", out _));
            Assert.DoesNotContain("documentNumber", due.ToString());
        }
        finally
        {
            await k.SetClockAsync(saved);
        }
    }

    [Theory, BothDatabases]
    public async Task R_CA_08_a_stale_edit_answers_409_with_the_servers_visit_and_problems_go_to_village_and_town_until_answered(Db db)
    {
        var k = await CaseworkKit.StartAsync(db);
        var file = await k.RegisterAsync();
        var visit = await k.Worker.PostJson("/api/civil-affairs/visits", CaseworkKit.Visit(file.Str("id"), k.Now.AddMinutes(-30),
            problems: [new { area = "Housing", text = "屋顶漏水，需维修" }]), HttpStatusCode.Created);
        var url = $"/api/civil-affairs/visits/{visit.Str("id")}";
        var v0 = visit.GetProperty("version").GetInt32();
        var edited = await k.Worker.PutJson(url, new { version = v0, notes = "补充：已联系社区" }, HttpStatusCode.OK);
        var stale = await k.Worker2.PutJson(url, new { version = v0, notes = "另一台手机的离线修改" }, HttpStatusCode.Conflict);
        Assert.Equal("stale", stale.Str("code"));
        Assert.Equal(edited.GetProperty("version").GetInt32(), stale.GetProperty("serverVersion").GetInt32());
        Assert.Equal("补充：已联系社区", stale.GetProperty("current").Str("notes"));

        var problem = visit.GetProperty("problems")[0];
        var pid = problem.Str("id");
        Assert.True(problem.GetProperty("villageMustAnswer").GetBoolean());
        Assert.Contains((await k.Village.GetJson("/api/civil-affairs/problems?open=true&pageSize=200")).GetProperty("items").EnumerateArray(), p => p.Str("id") == pid);
        var afterVillage = await k.Village.PostJson($"/api/civil-affairs/problems/{pid}/answer", new { answer = "已安排维修" }, HttpStatusCode.OK);
        Assert.True(afterVillage.GetProperty("isOpen").GetBoolean());
        var afterTown = await k.Town.PostJson($"/api/civil-affairs/problems/{pid}/answer", new { answer = "纳入危房改造跟进" }, HttpStatusCode.OK);
        Assert.False(afterTown.GetProperty("isOpen").GetBoolean());
        Assert.Equal(HttpStatusCode.Forbidden, (await k.Worker.PostAsJsonAsync($"/api/civil-affairs/problems/{pid}/answer", new { answer = "x" })).StatusCode);
    }

    // R-CA-07
    [Theory, BothDatabases]
    public async Task R_CA_07_a_fall_opens_a_reassessment_due_in_ten_working_days_across_national_day_and_the_result_follows_the_items_not_met(Db db)
    {
        var k = await CaseworkKit.StartAsync(db);
        var saved = k.Now;
        try
        {
            await k.SetClockAsync(new DateTimeOffset(2026, 9, 30, 15, 0, 0, China));
            var file = await k.RegisterAsync(k.Person(registeredOn: new DateOnly(2026, 9, 1)));
            var id = file.Str("id");
            var first = await k.Worker.PostJson($"/api/civil-affairs/files/{id}/assessments",
                new { assessedOn = "2026-09-02", reason = "Initial", items = CaseworkKit.Items() }, HttpStatusCode.Created);
            Assert.Equal("Capable", first.Str("result"));
            Assert.Equal("SelfCare", first.Str("careLevel"));
            var visit = await k.VisitAsync(id, k.Now.AddHours(-1), suddenChange: "Fall");

            // Ten working days after 30 September: 1–7 October are National Day, 10 October (Saturday) is a make-up working day.
            var due = new DateTimeOffset(2026, 10, 20, 23, 59, 59, China);
            var re = (await k.DeadlinesAsync(id)).Single(d => d.Str("obligation") == "CaseReassessment");
            Assert.Equal(due, re.GetProperty("dueAt").GetDateTimeOffset());
            Assert.Equal("R-CA-07", re.Str("ruleId"));

            await k.SetClockAsync(new DateTimeOffset(2026, 10, 21, 10, 0, 0, China));
            var after = await k.Worker.PostJson($"/api/civil-affairs/files/{id}/assessments", new
            {
                assessedOn = "2026-10-21", reason = "SuddenChange", triggerVisitId = visit.Str("id"),
                items = CaseworkKit.Items(bathing: false, toileting: false, transfer: false, walking: false),
            }, HttpStatusCode.Created);
            Assert.Equal(4, after.GetProperty("notMet").GetInt32());
            Assert.Equal("FullyLost", after.Str("result"));
            Assert.Equal("FullCare", after.Str("careLevel"));
            Assert.Equal("MetLate", (await k.DeadlinesAsync(id)).Single(d => d.Str("obligation") == "CaseReassessment").Str("status"));
            var f = await k.Worker.GetJson($"/api/civil-affairs/files/{id}");
            Assert.Equal("FullCare", f.Str("careLevel"));
            var history = await k.Worker.GetJson($"/api/civil-affairs/files/{id}/assessments");
            Assert.Equal(["FullyLost", "Capable"], history.EnumerateArray().Select(a => a.Str("result")).ToArray());

            var partly = await k.Worker.PostJson($"/api/civil-affairs/files/{id}/assessments",
                new { assessedOn = "2026-10-21", reason = "Yearly", items = CaseworkKit.Items(eating: false, dressing: false, walking: false) }, HttpStatusCode.Created);
            Assert.Equal("PartlyLost", partly.Str("result"));
            Assert.Equal("PartialCare", partly.Str("careLevel"));
        }
        finally
        {
            await k.SetClockAsync(saved);
        }
    }

    // R-CA-07
    [Theory, BothDatabases]
    public async Task R_CA_07_the_yearly_assessment_is_due_by_year_end_and_the_new_year_opens_its_own(Db db)
    {
        var k = await CaseworkKit.StartAsync(db);
        var saved = k.Now;
        try
        {
            await k.SetClockAsync(new DateTimeOffset(2026, 12, 20, 10, 0, 0, China));
            var id = (await k.RegisterAsync()).Str("id");
            var end2026 = new DateTimeOffset(2026, 12, 31, 23, 59, 59, China);
            Assert.Equal("Open", Row(await k.DeadlinesAsync(id), "CaseYearlyAssessment", end2026).Str("status"));
            await k.SetClockAsync(new DateTimeOffset(2027, 1, 2, 9, 0, 0, China));
            await k.OpenPeriodAsync();
            Assert.Equal("Overdue", Row(await k.DeadlinesAsync(id), "CaseYearlyAssessment", end2026).Str("status"));
            var end2027 = new DateTimeOffset(2027, 12, 31, 23, 59, 59, China);
            Assert.Equal("Open", Row(await k.DeadlinesAsync(id), "CaseYearlyAssessment", end2027).Str("status"));
            await k.Worker.PostJson($"/api/civil-affairs/files/{id}/assessments",
                new { assessedOn = "2027-01-02", reason = "Yearly", items = CaseworkKit.Items(walking: false) }, HttpStatusCode.Created);
            Assert.Equal("Met", Row(await k.DeadlinesAsync(id), "CaseYearlyAssessment", end2027).Str("status"));
            Assert.Equal("Overdue", Row(await k.DeadlinesAsync(id), "CaseYearlyAssessment", end2026).Str("status"));
        }
        finally
        {
            await k.SetClockAsync(saved);
        }
    }

    [Theory, BothDatabases]
    public async Task Bad_input_names_the_field_and_saves_nothing(Db db)
    {
        var k = await CaseworkKit.StartAsync(db);
        var before = (await k.Worker.GetJson("/api/civil-affairs/files?pageSize=1")).GetProperty("total").GetInt32();
        var wrong = CaseworkKit.WithWrongCheckDigit(CaseworkKit.NewId());
        (await k.Worker.PostJson("/api/civil-affairs/files", k.Person(wrong), HttpStatusCode.BadRequest)).ShouldNameField("documentNumber", "check_digit");
        Assert.Equal(before, (await k.Worker.GetJson("/api/civil-affairs/files?pageSize=1")).GetProperty("total").GetInt32());

        var file = await k.RegisterAsync(k.Person(registeredOn: k.Today.AddDays(-3)));
        var id = file.Str("id");
        (await k.Worker.PostJson("/api/civil-affairs/visits", CaseworkKit.Visit(id, k.Now.AddDays(-5)), HttpStatusCode.BadRequest))
            .ShouldNameField("visitedAt", "before_registration");
        (await k.Worker.PostJson("/api/civil-affairs/visits", CaseworkKit.Visit(id, k.Now.AddDays(1)), HttpStatusCode.BadRequest))
            .ShouldNameField("visitedAt", "in_future");
        (await k.Worker.PostJson($"/api/civil-affairs/files/{id}/assessments",
                new { assessedOn = k.Today.ToString("yyyy-MM-dd"), reason = "Yearly", items = new { eating = true, bathing = true, dressing = true, toileting = true, transfer = true } },
                HttpStatusCode.BadRequest))
            .ShouldNameField("items.walking", "required");
        Assert.Empty((await k.Worker.GetJson($"/api/civil-affairs/files/{id}/assessments")).EnumerateArray());
        Assert.Equal(0, (await k.Worker.GetJson($"/api/civil-affairs/visits?caseFileId={id}")).GetProperty("total").GetInt32());

        await k.Worker.PostJson($"/api/civil-affairs/files/{id}/end-care", new { status = "Died", on = k.Today.ToString("yyyy-MM-dd"), note = "病故" }, HttpStatusCode.OK);
        (await k.Worker.PostJson("/api/civil-affairs/visits", CaseworkKit.Visit(id, k.Now.AddMinutes(-5)), HttpStatusCode.BadRequest))
            .ShouldNameField("caseFileId", "died");
        Assert.All(await k.DeadlinesAsync(id), d => Assert.Equal("Cancelled", d.Str("status")));
        Assert.Equal(0, (await k.Worker.GetJson($"/api/civil-affairs/visits?caseFileId={id}")).GetProperty("total").GetInt32());
    }
}
