using System.Text.Json;
using Guanjia.Web.Tests.Infrastructure;
using static Guanjia.Web.Tests.MicroProjects.ClosingPath;

namespace Guanjia.Web.Tests.Deadlines;

/// <summary>
/// 我的工作 (issue 17 point 2, R-PL-08): my unit's own open deadlines with the item's title and the step, earliest first, and the
/// units I supervise on a second list, grouped by unit.
/// </summary>
[Collection(ApiCollection.Name)]
public class MyWorkTests
{
    private static List<JsonElement> Items(JsonElement e) => e.GetProperty("items").EnumerateArray().ToList();

    // R-PL-08
    [Theory, BothDatabases]
    public async Task R_PL_08_my_work_lists_only_my_units_duties_with_title_and_step_and_the_units_below_as_a_second_list(Db db)
    {
        var f = await Flow.StartAsync(db);
        var townId = await TownIdAsync(f);
        var p = await RegisteredAsync(f, Large); // in the town's review
        var projectName = (await DetailAsync(f, p.ProjectId)).Str("name");
        var appealId = (await AppealAsync(f)).Str("id"); // the village owes its receipt

        var village = await f.Village.GetJson("/api/deadlines/mine?take=500");
        Assert.Equal(f.VillageId, village.Str("unitId"));
        Assert.All(Items(village), i => Assert.Equal(f.VillageId, i.Str("responsibleOrgId")));
        // The town's review of the village's project is not the village's work.
        Assert.DoesNotContain(Items(village), i => i.Str("subjectId") == p.ProjectId && i.Str("obligation") == "TownReview");
        var ack = Items(village).Single(i => i.Str("subjectId") == appealId && i.Str("obligation") == "Acknowledge");
        Assert.Equal("公园增设长者休息座椅", ack.Str("title"));
        Assert.Equal("接收诉求并反馈接收情况", ack.Str("stepZh"));
        Assert.Equal("Appeal", ack.Str("subjectType"));
        // A village supervises no unit.
        Assert.Empty((await f.Village.GetJson("/api/deadlines/supervised")).GetProperty("units").EnumerateArray());

        var town = await f.Town.GetJson("/api/deadlines/mine?take=500");
        Assert.Equal(townId, town.Str("unitId"));
        Assert.All(Items(town), i => Assert.Equal(townId, i.Str("responsibleOrgId")));
        var review = Items(town).Single(i => i.Str("subjectId") == p.ProjectId);
        Assert.Equal("TownReview", review.Str("obligation"));
        Assert.Equal(projectName, review.Str("title"));
        Assert.Equal("镇（街道）审核确认", review.Str("stepZh"));
        Assert.DoesNotContain(Items(town), i => i.Str("subjectId") == appealId);

        // The town's second list: its villages' duties, grouped by village; its own are not there.
        // All of the village's rows: other tests leave it overdue casework visits, which come first within the default twenty.
        var supervised = await f.Town.GetJson("/api/deadlines/supervised?perUnit=100");
        var units = supervised.GetProperty("units").EnumerateArray().ToList();
        Assert.DoesNotContain(units, u => u.Str("organizationId") == townId);
        var mine = units.Single(u => u.Str("organizationId") == f.VillageId);
        Assert.Equal("岗贝社区", mine.Str("name"));
        Assert.Contains(Items(mine), i => i.Str("subjectId") == appealId && i.Str("title") == "公园增设长者休息座椅");
        Assert.All(Items(mine), i => Assert.Equal(f.VillageId, i.Str("responsibleOrgId")));
        // Another town sees none of it.
        var changan = await (await f.Host.SignIn("changan.lead")).GetJson("/api/deadlines/supervised");
        Assert.DoesNotContain(changan.GetProperty("units").EnumerateArray(), u => u.Str("organizationId") == f.VillageId);
    }

    // R-PL-08: overdue first, then due today (a Beijing date), counted.
    [Theory, BothDatabases]
    public async Task R_PL_08_my_work_puts_overdue_then_due_today_first_by_the_Beijing_date(Db db)
    {
        var f = await Flow.StartAsync(db);
        var beijing = TimeSpan.FromHours(8);
        var first = (await AppealAsync(f)).Str("id");
        JsonElement Row(JsonElement mine, string id) => Items(mine).Single(i => i.Str("subjectId") == id && i.Str("obligation") == "Acknowledge");

        var before = await f.Village.GetJson("/api/deadlines/mine?take=500");
        var due = Row(before, first).GetProperty("dueAt").GetDateTimeOffset();
        var dueDay = due.ToOffset(beijing).Date;
        Assert.Equal(dueDay == f.Now.ToOffset(beijing).Date, Row(before, first).GetProperty("dueToday").GetBoolean());

        // One minute into the Beijing day it is due (08:00 UTC the day before would be the wrong day): due today, counted.
        var startOfDueDay = new DateTimeOffset(dueDay, beijing).AddMinutes(1);
        if (startOfDueDay > f.Now && startOfDueDay < due)
        {
            await f.AdvanceAsync(startOfDueDay - f.Now);
            var today = await f.Village.GetJson("/api/deadlines/mine?take=500");
            Assert.True(Row(today, first).GetProperty("dueToday").GetBoolean());
            Assert.True(today.GetProperty("dueToday").GetInt32() >= 1);
            await f.AdvanceAsync(-TimeSpan.FromMinutes(2)); // the minute before midnight: tomorrow's, not today's
            Assert.False(Row(await f.Village.GetJson("/api/deadlines/mine?take=500"), first).GetProperty("dueToday").GetBoolean());
        }

        var second = (await AppealAsync(f)).Str("id");
        // Just past the first receipt's due time: it is overdue and listed before the second, which is still open.
        await f.AdvanceAsync(due - f.Now + TimeSpan.FromMinutes(1));
        var after = await f.Village.GetJson("/api/deadlines/mine?take=500");
        var items = Items(after);
        var a = items.FindIndex(i => i.Str("subjectId") == first && i.Str("obligation") == "Acknowledge");
        var b = items.FindIndex(i => i.Str("subjectId") == second && i.Str("obligation") == "Acknowledge");
        Assert.True(a >= 0 && b > a, "the overdue receipt comes before the one still due");
        Assert.Equal("Overdue", items[a].Str("status"));
        Assert.False(items[a].GetProperty("dueToday").GetBoolean());
        Assert.True(after.GetProperty("overdue").GetInt32() >= 1);
        Assert.All(items.Take(after.GetProperty("overdue").GetInt32()), i => Assert.Equal("Overdue", i.Str("status")));
        Assert.Equal(items.OrderBy(i => i.GetProperty("dueAt").GetDateTimeOffset()).Select(i => i.Str("deadlineId")), items.Select(i => i.Str("deadlineId")));
    }
}
