using System.Net;
using System.Text.Json;
using Guanjia.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Guanjia.Web.Tests.MicroProjects.ClosingPath;

namespace Guanjia.Web.Tests.Deadlines;

/// <summary>Deadlines listed per unit and status, counted per unit, and warned before and after they pass (R-PL-08).</summary>
[Collection(ApiCollection.Name)]
public class DeadlineTests
{
    private static async Task<List<JsonElement>> ListAsync(HttpClient c, string query) =>
        (await c.GetJson($"/api/deadlines?{query}&pageSize=200")).GetProperty("items").EnumerateArray().ToList();

    private static async Task<List<string>> ObligationsAsync(HttpClient c, string status, string subjectId) =>
        (await ListAsync(c, $"status={status}&subjectId={subjectId}")).Select(d => d.Str("obligation")).Order().ToList();

    private static string AckId(JsonElement appeal) =>
        appeal.GetProperty("deadlines").EnumerateArray().Single(d => d.Str("obligation") == "Acknowledge").Str("id");

    private static async Task<List<(string Org, string Kind, string Text)>> NotificationsAsync(Flow f, string deadlineId)
    {
        using var scope = f.Host.Services.CreateScope();
        var id = Guid.Parse(deadlineId);
        var rows = await f.SystemDb(scope).StaffNotifications.IgnoreQueryFilters().Where(n => n.DeadlineId == id).ToListAsync();
        return rows.Select(n => (n.OrganizationId.ToString(), n.Kind, n.Text)).ToList();
    }

    // R-PL-08
    [Theory, BothDatabases]
    public async Task R_PL_08_deadlines_are_listed_by_status_in_the_callers_scope(Db db)
    {
        var f = await Flow.StartAsync(db);
        var appealId = (await AppealAsync(f)).Str("id");

        Assert.Equal(["Acknowledge", "CommitteeMeeting"], await ObligationsAsync(f.Village, "Open", appealId));
        Assert.Empty(await ObligationsAsync(f.Village, "DueSoon", appealId));
        Assert.Empty(await ObligationsAsync(f.Village, "Overdue", appealId));
        Assert.Empty(await ObligationsAsync(f.Village, "Met", appealId));

        await f.AdvanceAsync(TimeSpan.FromHours(13)); // past the 24-hour receipt's warning time (halfway)
        Assert.Equal(["Acknowledge"], await ObligationsAsync(f.Village, "DueSoon", appealId));
        Assert.Empty(await ObligationsAsync(f.Village, "Overdue", appealId));

        await f.AdvanceAsync(TimeSpan.FromHours(12)); // 25 hours: the receipt is overdue
        Assert.Equal(["Acknowledge"], await ObligationsAsync(f.Village, "Overdue", appealId));
        Assert.Equal(["Acknowledge"], await ObligationsAsync(f.Village, "Missed", appealId));
        Assert.Empty(await ObligationsAsync(f.Village, "DueSoon", appealId));
        var overdue = (await ListAsync(f.Village, $"status=Overdue&subjectId={appealId}")).Single();
        Assert.Equal("Overdue", overdue.Str("status"));
        Assert.True(overdue.GetProperty("secondsLeft").GetInt64() < 0);

        await f.AcknowledgeAsync(appealId, new { note = "已接收", lateReason = "值班人员外出" });
        Assert.Equal(["Acknowledge"], await ObligationsAsync(f.Village, "Met", appealId));
        Assert.Equal(["Acknowledge"], await ObligationsAsync(f.Village, "Missed", appealId)); // met late
        Assert.Equal(["CommitteeMeeting"], await ObligationsAsync(f.Village, "Open", appealId));
        Assert.Empty(await ObligationsAsync(f.Village, "Overdue", appealId));

        // The town sees its village's items; another town and another village see none of them.
        Assert.Equal(2, (await ObligationsAsync(f.Town, "All", appealId)).Count);
        var changanLead = await f.Host.SignIn("changan.lead");
        var changanVillage = await f.Host.SignIn("changan.village");
        Assert.Equal(0, (await changanLead.GetJson($"/api/deadlines?status=All&subjectId={appealId}")).GetProperty("total").GetInt32());
        Assert.Equal(0, (await changanVillage.GetJson($"/api/deadlines?status=All&subjectId={appealId}")).GetProperty("total").GetInt32());
        var theirs = await ListAsync(changanLead, "status=All");
        var dongchengTown = await TownIdAsync(f);
        Assert.DoesNotContain(theirs, d => d.Str("responsibleOrgId") == f.VillageId || d.Str("responsibleOrgId") == dongchengTown);
    }

    // R-PL-08
    [Theory, BothDatabases]
    public async Task R_PL_08_deadlines_filter_by_responsible_unit(Db db)
    {
        var f = await Flow.StartAsync(db);
        var townId = await TownIdAsync(f);
        var p = await RegisteredAsync(f, Large); // in the town's review

        var town = await ListAsync(f.Village, $"status=All&subjectId={p.ProjectId}&responsibleOrgId={townId}");
        var village = await ListAsync(f.Village, $"status=All&subjectId={p.ProjectId}&responsibleOrgId={f.VillageId}");

        var review = Assert.Single(town);
        Assert.Equal("TownReview", review.Str("obligation"));
        Assert.Equal("R-MS-08", review.Str("ruleId"));
        Assert.All(village, d => Assert.Equal(f.VillageId, d.Str("responsibleOrgId")));
        Assert.Contains(village, d => d.Str("obligation") == "Consultation");
        Assert.DoesNotContain(village, d => d.Str("obligation") == "TownReview");
        var openForTown = await ListAsync(f.Town, $"status=Open&responsibleOrgId={townId}&obligation=TownReview");
        Assert.Contains(openForTown, d => d.Str("subjectId") == p.ProjectId);
        Assert.All(openForTown, d => Assert.Equal(townId, d.Str("responsibleOrgId")));
    }

    // R-PL-08
    [Theory, BothDatabases]
    public async Task R_PL_08_the_summary_counts_per_unit_and_overdue_grows_after_a_due_passes(Db db)
    {
        var f = await Flow.StartAsync(db);
        static JsonElement? Row(JsonElement summary, string org) =>
            summary.EnumerateArray().Where(r => r.Str("organizationId") == org).Select(r => (JsonElement?)r).FirstOrDefault();
        var before = Row(await f.Town.GetJson("/api/deadlines/summary"), f.VillageId);
        var overdueBefore = before?.GetProperty("overdue").GetInt32() ?? 0;
        var openBefore = before?.GetProperty("open").GetInt32() ?? 0;

        await AppealAsync(f);
        var opened = Row(await f.Town.GetJson("/api/deadlines/summary"), f.VillageId)!.Value;
        Assert.Equal(openBefore + 2, opened.GetProperty("open").GetInt32());
        Assert.False(string.IsNullOrEmpty(opened.Str("name")));
        await f.AdvanceAsync(TimeSpan.FromHours(25));

        var after = Row(await f.Town.GetJson("/api/deadlines/summary"), f.VillageId)!.Value;
        Assert.True(after.GetProperty("overdue").GetInt32() >= overdueBefore + 1, $"overdue {overdueBefore} → {after}");
        // Another town's lead sees no Dongcheng unit in its summary.
        var changan = await f.Host.SignIn("changan.lead");
        var theirs = await changan.GetJson("/api/deadlines/summary");
        Assert.Null(Row(theirs, f.VillageId));
        Assert.Null(Row(theirs, await TownIdAsync(f)));
    }

    // R-PL-08
    [Theory, BothDatabases]
    public async Task R_PL_08_a_warning_reaches_the_unit_and_the_one_above_once_before_the_due_and_again_when_overdue(Db db)
    {
        var f = await Flow.StartAsync(db);
        await DrainWarningsAsync(f);
        var appeal = await AppealAsync(f);
        var ack = AckId(appeal);
        var townId = await TownIdAsync(f);

        await f.WarnAsync();
        Assert.Empty(await NotificationsAsync(f, ack)); // not before its warning time

        await f.AdvanceAsync(TimeSpan.FromHours(13));
        await DrainWarningsAsync(f);
        var warned = await NotificationsAsync(f, ack);
        Assert.Equal(2, warned.Count);
        Assert.All(warned, n => Assert.Equal("DueSoon", n.Kind));
        Assert.Equal(new[] { f.VillageId, townId }.Order().ToArray(), warned.Select(n => n.Org).Order().ToArray());
        var mine = await f.Village.GetJson("/api/notifications");
        Assert.Contains(mine.EnumerateArray(), n => n.Str("deadlineId") == ack && n.Str("kind") == "DueSoon"
            && n.Str("text").Contains(appeal.Str("trackingNumber"), StringComparison.Ordinal)
            && n.Str("subjectType") == "Appeal" && n.Str("subjectId") == appeal.Str("id") && n.Str("subjectRef") == appeal.Str("trackingNumber"));
        var lead = await f.Town.GetJson("/api/notifications");
        Assert.Contains(lead.EnumerateArray(), n => n.Str("deadlineId") == ack && n.Str("kind") == "DueSoon"
            && n.Str("text").StartsWith("【督办】", StringComparison.Ordinal));

        await f.WarnAsync();
        Assert.Equal(2, (await NotificationsAsync(f, ack)).Count); // only once

        await f.AdvanceAsync(TimeSpan.FromHours(12));
        await DrainWarningsAsync(f);
        var all = await NotificationsAsync(f, ack);
        Assert.Equal(4, all.Count);
        Assert.Equal(2, all.Count(n => n.Kind == "Overdue"));
        Assert.Contains((await f.Village.GetJson("/api/notifications")).EnumerateArray(), n => n.Str("deadlineId") == ack && n.Str("kind") == "Overdue");
        await f.WarnAsync();
        Assert.Equal(4, (await NotificationsAsync(f, ack)).Count);
    }

    // R-PL-08
    [Theory, BothDatabases]
    public async Task R_PL_08_a_met_deadline_raises_no_warning(Db db)
    {
        var f = await Flow.StartAsync(db);
        await DrainWarningsAsync(f);
        var appeal = await AppealAsync(f);
        await f.AcknowledgeAsync(appeal.Str("id"));

        await f.AdvanceAsync(TimeSpan.FromHours(30));
        await DrainWarningsAsync(f);

        Assert.Empty(await NotificationsAsync(f, AckId(appeal)));
        Assert.DoesNotContain((await f.Village.GetJson("/api/notifications")).EnumerateArray(), n => n.Str("deadlineId") == AckId(appeal));
    }
}
