using System.Net;
using Guanjia.Web.Tests.Infrastructure;

namespace Guanjia.Web.Tests.Reports;

/// <summary>The dashboard's figures: counted in the database, in the caller's scope (R-PL-03).</summary>
[Collection(ApiCollection.Name)]
public class OverviewTests
{
    private static int Count(System.Text.Json.JsonElement list, string key, string value) =>
        list.EnumerateArray().Where(x => x.Str(key) == value).Select(x => x.GetProperty("count").GetInt32()).SingleOrDefault();

    [Theory, BothDatabases]
    public async Task R_PL_03_the_overview_counts_new_appeals_by_channel_month_and_town_in_scope(Db db)
    {
        var f = await Flow.StartAsync(db);
        var before = await f.Town.GetJson("/api/reports/overview");
        await f.HotlineOrderAsync();
        await f.StaffAppealAsync();
        var after = await f.Town.GetJson("/api/reports/overview");

        Assert.Equal(Count(before.GetProperty("appealsByChannel"), "channel", "Hotline12345") + 1,
            Count(after.GetProperty("appealsByChannel"), "channel", "Hotline12345"));
        Assert.Equal(Count(before.GetProperty("appealsByChannel"), "channel", "GridWorker") + 1,
            Count(after.GetProperty("appealsByChannel"), "channel", "GridWorker"));
        var month = Guanjia.Domain.Calendar.ChinaTime.ToLocal(f.Now).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(Count(before.GetProperty("appealsByMonth"), "month", month) + 2, Count(after.GetProperty("appealsByMonth"), "month", month));
        Assert.Equal(12, after.GetProperty("appealsByMonth").GetArrayLength());

        // The town sees only itself; Changan's lead sees none of Dongcheng's appeals.
        var towns = after.GetProperty("byTown").EnumerateArray().ToList();
        Assert.Single(towns);
        var changan = await (await f.Host.SignIn("changan.lead")).GetJson("/api/reports/overview");
        Assert.DoesNotContain(changan.GetProperty("byTown").EnumerateArray(), t => t.Str("townId") == towns[0].Str("townId"));
        var city = await f.City.GetJson($"/api/reports/overview?townId={towns[0].Str("townId")}");
        Assert.Equal(towns[0].GetProperty("appeals").GetInt32(), city.GetProperty("byTown")[0].GetProperty("appeals").GetInt32());
        await (await f.Host.SignIn("contractor.demo")).GetJson("/api/reports/overview", HttpStatusCode.Forbidden);
    }
}
