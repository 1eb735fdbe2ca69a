using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Guanjia.App.Common;
using Guanjia.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Guanjia.Web.Tests.Purchasing;

/// <summary>R-CA-12, R-PS-05: the contractor's reports on their working days, late filing warned through the deadline rows, major events at once.</summary>
[Collection(ApiCollection.Name)]
public class ReportTests
{
    private static DateTimeOffset Local(DateOnly d, int h = 23, int m = 59, int s = 59) => new(d.Year, d.Month, d.Day, h, m, s, TimeSpan.FromHours(8));

    /// <summary>
    /// Runs the deadline warnings as the job would, but only over the deadlines under <paramref name="scopePath"/>: a test that
    /// moves the shared clock years ahead must not warn every other test's deadlines (their inboxes would fill with notices
    /// dated in the future).
    /// </summary>
    internal static async Task WarnAllAsync(TestHost host, string scopePath)
    {
        for (var i = 0; i < 100; i++)
        {
            using var scope = host.Services.CreateScope();
            var db = host.NewDb(scope, Actor.SystemIn(scopePath));
            if (await scope.ServiceProvider.GetRequiredService<Guanjia.App.Deadlines.DeadlineWarnings>().RunOnceAsync(db, default) == 0) return;
        }
    }

    private static JsonElement Report(JsonElement contract, string period) =>
        contract.GetProperty("reports").EnumerateArray().Single(r => r.Str("kind") == "MonthlyBrief" && r.Str("period") == period);

    [Theory, BothDatabases]
    public async Task R_CA_12_briefs_fall_due_on_working_days_across_holidays_and_quarter_ends_and_filing_late_needs_a_reason(Db db)
    {
        var k = await PurchasingKit.StartAsync(db);
        var tongling = (await k.Bureau.GetJson("/api/organizations?q=铜陵路街道&kind=Street")).GetProperty("items")[0].Str("id");
        // A contract signed today for a term that began last year: every brief of it is already due.
        var (contract, cid, contractor) = await k.SignedAsync(start: "2025-09-01", end: "2026-10-31", townId: tongling);
        var id = contract.Str("id");
        Assert.Equal(Local(new DateOnly(2026, 1, 8)), Report(contract, "2025-12").GetProperty("dueAt").GetDateTimeOffset());  // 元旦, 4 Jan worked
        Assert.Equal(Local(new DateOnly(2026, 4, 8)), Report(contract, "2026-03").GetProperty("dueAt").GetDateTimeOffset());  // 清明 after the quarter
        Assert.Equal(Local(new DateOnly(2026, 10, 13)), Report(contract, "2026-09").GetProperty("dueAt").GetDateTimeOffset()); // 国庆, 10 Oct worked
        Assert.True(Report(contract, "2026-09").GetProperty("overdue").GetBoolean());

        // Late filing is warned through the deadline rows: the contractor is told, the bureau above it is told too.
        await WarnAllAsync(k.Host, await k.PathOfAsync(cid));
        var number = contract.Str("number");
        Assert.Contains(await k.NotificationsAsync(contractor), n => n.Str("kind") == "Overdue" && n.Str("text").Contains($"{number}·2026-09月度工作简报", StringComparison.Ordinal));
        Assert.Contains(await k.BureauInboxAsync(), n => n.StartsWith("【督办】", StringComparison.Ordinal) && n.Contains(number, StringComparison.Ordinal));

        var attachment = await k.UploadAsync(contractor, id);
        var body = new { kind = "MonthlyBrief", period = "2026-09", summary = PurchasingKit.Summary, attachmentId = attachment, lateReason = (string?)null };
        (await contractor.PostJson($"/api/purchasing/contracts/{id}/reports", body, HttpStatusCode.BadRequest)).ShouldNameField("lateReason", "late_reason_required");
        (await contractor.PostJson($"/api/purchasing/contracts/{id}/reports", body with { attachmentId = (string?)null! }, HttpStatusCode.BadRequest))
            .ShouldNameField("attachmentId", "required");
        (await contractor.PostJson($"/api/purchasing/contracts/{id}/reports", new { kind = "MonthlyBrief", period = "2026-09", attachmentId = attachment, lateReason = "国庆假期" },
            HttpStatusCode.BadRequest)).ShouldNameField("summary", "required");
        Assert.Equal("Due", (await k.Bureau.GetJson($"/api/purchasing/reports/{Report(contract, "2026-09").Str("id")}")).Str("state"));
        // Only the contractor files; the bureau cannot file for it.
        Assert.Equal(HttpStatusCode.Forbidden, (await k.Bureau.PostAsJsonAsync($"/api/purchasing/contracts/{id}/reports", body)).StatusCode);

        var filed = await contractor.PostJson($"/api/purchasing/contracts/{id}/reports", body with { lateReason = "国庆假期后补报" }, HttpStatusCode.OK);
        Assert.Equal("Filed", filed.Str("state"));
        Assert.True(filed.GetProperty("late").GetBoolean());
        Assert.Equal(320, filed.GetProperty("summary").GetProperty("peopleServed").GetInt32());
        Assert.True(filed.GetProperty("awaitingAcknowledgement").GetBoolean());
        Assert.Equal(HttpStatusCode.Conflict, (await contractor.PostAsJsonAsync($"/api/purchasing/contracts/{id}/reports", body with { lateReason = "再报" })).StatusCode);
        var met = await contractor.GetJson($"/api/deadlines?subjectId={filed.Str("id")}&status=Met");
        Assert.Equal("MetLate", met.GetProperty("items")[0].Str("status"));

        var acknowledged = await k.Bureau.PostJson($"/api/purchasing/reports/{filed.Str("id")}/acknowledge", new { note = "已阅" }, HttpStatusCode.OK);
        Assert.False(acknowledged.GetProperty("awaitingAcknowledgement").GetBoolean());
        Assert.Equal("Bureau", acknowledged.GetProperty("acknowledgements")[0].Str("party"));
        Assert.Equal(HttpStatusCode.Conflict, (await k.Bureau.PostAsJsonAsync($"/api/purchasing/reports/{filed.Str("id")}/acknowledge", new { note = "再阅" })).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task R_CA_12_the_contractor_is_warned_before_a_brief_falls_due_and_files_it_on_time_on_the_fake_clock(Db db)
    {
        var k = await PurchasingKit.StartAsync(db);
        var (contract, cid, contractor) = await k.SignedAsync();
        var path = await k.PathOfAsync(cid);
        var year = int.Parse(contract.Str("termStart")[..4], System.Globalization.CultureInfo.InvariantCulture);
        // The fifth working day of February on 瑶海区's own calendar.
        var dueDay = DateOnly.Parse((await k.Bureau.GetJson($"/api/calendar/add?from={year}-01-31&days=5")).Str("result"), System.Globalization.CultureInfo.InvariantCulture);
        var january = Report(contract, $"{year}-01");
        Assert.Equal(Local(dueDay), january.GetProperty("dueAt").GetDateTimeOffset());
        var febDue = DateOnly.Parse((await k.Bureau.GetJson($"/api/calendar/add?from={year}-02-{DateTime.DaysInMonth(year, 2)}&days=5")).Str("result"),
            System.Globalization.CultureInfo.InvariantCulture);
        var userName = (await contractor.GetJson("/api/auth/me")).Str("name");
        var saved = k.Host.Clock.GetUtcNow();
        try
        {
            // Two days before: warned (72 hours ahead by default), not yet overdue.
            k.Host.Clock.Set(Local(dueDay.AddDays(-2), 10, 0, 0));
            await WarnAllAsync(k.Host, path);
            var c = await k.Host.SignIn(userName);
            Assert.Contains(await k.NotificationsAsync(c), n => n.Str("kind") == "DueSoon" && n.Str("text").Contains($"{contract.Str("number")}·{year}-01月度工作简报",
                StringComparison.Ordinal));
            var attachment = await k.UploadAsync(c, contract.Str("id"));
            var filed = await c.PostJson($"/api/purchasing/contracts/{contract.Str("id")}/reports",
                new { kind = "MonthlyBrief", period = $"{year}-01", summary = PurchasingKit.Summary, attachmentId = attachment }, HttpStatusCode.OK);
            Assert.False(filed.GetProperty("late").GetBoolean());
            // March's brief cannot be filed in February.
            (await c.PostJson($"/api/purchasing/contracts/{contract.Str("id")}/reports",
                new { kind = "MonthlyBrief", period = $"{year}-03", summary = PurchasingKit.Summary, attachmentId = attachment }, HttpStatusCode.BadRequest))
                .ShouldNameField("period", "too_early");

            // A second past February's due day: overdue, and told so.
            k.Host.Clock.Set(Local(febDue).AddSeconds(1));
            await WarnAllAsync(k.Host, path);
            c = await k.Host.SignIn(userName);
            Assert.Contains(await k.NotificationsAsync(c), n => n.Str("kind") == "Overdue" && n.Str("text").Contains($"{year}-02月度工作简报", StringComparison.Ordinal));
        }
        finally
        {
            k.Host.Clock.Set(saved);
        }
    }

    [Theory, BothDatabases]
    public async Task R_CA_12_a_major_event_reaches_the_street_and_the_bureau_at_once_and_waits_for_both(Db db)
    {
        var k = await PurchasingKit.StartAsync(db);
        var (contract, _, contractor) = await k.SignedAsync();
        var id = contract.Str("id");
        var community = (await k.CommunitiesAsync())[0];
        var tongling = (await k.Bureau.GetJson("/api/organizations?q=铜陵路街道&kind=Street")).GetProperty("items")[0].Str("id");
        var elsewhere = (await k.CommunitiesAsync(tongling))[0];
        var title = Http.Unique("独居老人突发疾病送医");
        object Event(string place) => new { title, occurredAt = k.Host.Clock.GetUtcNow().AddHours(-1), placeId = place, summary = PurchasingKit.Summary };

        (await contractor.PostJson($"/api/purchasing/contracts/{id}/major-events", Event(elsewhere), HttpStatusCode.BadRequest)).ShouldNameField("placeId", "not_in_package");
        var ev = await contractor.PostJson($"/api/purchasing/contracts/{id}/major-events", Event(community), HttpStatusCode.Created);
        Assert.NotNull(ev.GetProperty("deliveredAt").GetString());
        Assert.True(ev.GetProperty("awaitingAcknowledgement").GetBoolean());

        // At once, without the background job: the street and the bureau have it in their inboxes.
        Assert.Contains(await k.InboxAsync(k.HongguangId), n => n.StartsWith("【重大事件】", StringComparison.Ordinal) && n.Contains(title, StringComparison.Ordinal));
        Assert.Contains(await k.BureauInboxAsync(), n => n.StartsWith("【重大事件】", StringComparison.Ordinal) && n.Contains(title, StringComparison.Ordinal));
        // The street's inbox over HTTP carries it, with the kind the console shows.
        Assert.Contains(await k.NotificationsAsync(k.Street), n => n.Str("kind") == "MajorEvent" && n.Str("text").Contains(title, StringComparison.Ordinal));
        var mine = await k.Street.GetJson("/api/purchasing/major-events?awaitingOnly=true");
        Assert.Contains(mine.EnumerateArray(), e => e.Str("id") == ev.Str("id"));
        // The street sees the event, not the contract; another street sees neither; Dongguan's programme has no such thing.
        Assert.Equal(HttpStatusCode.NotFound, (await k.Street.GetAsync($"/api/purchasing/contracts/{id}")).StatusCode);
        var otherLead = Http.Unique("yh.tl");
        var dept = (await k.Bureau.GetJson($"/api/organizations?parentId={tongling}&kind=TownDepartment")).GetProperty("items")[0].Str("id");
        await k.Bureau.PostJson("/api/users", new { userName = otherLead, displayName = "铜陵路街道工作站", role = "TownLead", organizationId = dept, password = "Demo@2026" },
            HttpStatusCode.Created);
        var other = await k.Host.SignIn(otherLead);
        Assert.DoesNotContain((await other.GetJson("/api/purchasing/major-events")).EnumerateArray(), e => e.Str("id") == ev.Str("id"));
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/purchasing/reports/{ev.Str("id")}/acknowledge", new { note = "越权" })).StatusCode);
        var dongguan = await k.Host.SignIn("dongcheng.lead");
        var notRun = await dongguan.GetJson("/api/purchasing/major-events", HttpStatusCode.NotFound);
        Assert.Equal("programme_not_run", notRun.Str("code"));

        // The street acknowledges: it still waits for the bureau; then the bureau does.
        var afterStreet = await k.Street.PostJson($"/api/purchasing/reports/{ev.Str("id")}/acknowledge", new { note = "街道已知悉，已安排走访" }, HttpStatusCode.OK);
        Assert.True(afterStreet.GetProperty("awaitingAcknowledgement").GetBoolean());
        Assert.Equal("Town", afterStreet.GetProperty("acknowledgements")[0].Str("party"));
        var afterBureau = await k.Bureau.PostJson($"/api/purchasing/reports/{ev.Str("id")}/acknowledge", new { note = "已阅" }, HttpStatusCode.OK);
        Assert.False(afterBureau.GetProperty("awaitingAcknowledgement").GetBoolean());
        Assert.Equal(2, afterBureau.GetProperty("acknowledgements").GetArrayLength());
        var deadlines = await k.Bureau.GetJson($"/api/deadlines?subjectId={ev.Str("id")}&status=Met");
        Assert.Equal(["MajorEventBureauAck", "MajorEventTownAck"], deadlines.GetProperty("items").EnumerateArray().Select(d => d.Str("obligation")).Order());
    }
}
