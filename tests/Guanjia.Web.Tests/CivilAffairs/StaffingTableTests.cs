using System.Net;
using Guanjia.Web.Tests.Documents;
using Guanjia.Web.Tests.Infrastructure;

namespace Guanjia.Web.Tests.CivilAffairs;

/// <summary>
/// Issue 14 §8: the staffing and training table (Excel) of a station, read back cell by cell, on both databases. Uses the demo's
/// 红光街道社会服务工作站 (DemoStations): three workers, the newest short of the 40 pre-job hours, one hired with a recorded exception.
/// </summary>
[Collection(ApiCollection.Name)]
public class StaffingTableTests
{
    [Theory, BothDatabases]
    public async Task R_CA_03_R_PS_04_the_staffing_table_shows_each_workers_hours_and_the_stations_staffing_and_follows_the_ledger(Db db)
    {
        var host = TestHost.For(db);
        if (host.Clock.GetUtcNow() < TestHost.Start) host.Clock.Set(TestHost.Start);
        var bureau = await host.SignIn("yaohai.admin");
        var station = (await bureau.GetJson("/api/civil-affairs/stations")).EnumerateArray().Single(s => s.Str("name") == "红光街道社会服务工作站");
        var id = station.Str("id");
        var newcomer = (await bureau.GetJson($"/api/civil-affairs/staff?stationId={id}")).EnumerateArray().Single(m => m.Str("name") == "吴静（演示）");

        var file = await bureau.DownloadAsync($"/api/civil-affairs/staffing.xlsx?stationId={id}");
        Assert.EndsWith(".xlsx", file.FileName, StringComparison.Ordinal);
        Assert.Contains("人员配备与培训台账", file.FileName, StringComparison.Ordinal);
        var sheets = FileReader.XlsxSheets(file.Bytes);
        var roster = sheets["人员与培训"];
        List<string> Person(List<List<string>> rows, string name) => rows.Single(r => r.Count > 3 && r[3] == name);
        var wu = Person(roster, "吴静（演示）");
        // R-CA-03: 32 of 40 pre-job hours, and the mark the console shows.
        Assert.Equal("32/40", wu[13]);
        Assert.Equal("未满40学时，不能分派个案", wu[14]);
        Assert.Equal("未备案", wu[11]);
        Assert.Equal("可以", Person(roster, "刘佳（演示）")[14]);
        // R-CA-02: the exception is there with its reason, not a refusal.
        Assert.StartsWith("非本地户籍：", Person(roster, "孙磊（演示）")[8], StringComparison.Ordinal);
        // The package's manager and supervisor are on the station's table too (R-PS-04).
        Assert.Equal("项目主管", Person(roster, "赵项目（演示）")[2]);
        Assert.Equal("督导", Person(roster, "钱督导（演示）")[2]);
        Assert.DoesNotContain(roster.SelectMany(r => r), c => c.StartsWith("1390000", StringComparison.Ordinal)); // no phones in a file that travels

        // R-PS-04: five communities at 1 per 1.5 need 4 workers; 3 in post is short.
        var staffing = sheets["配备情况"].Single(r => r.Count > 0 && r[0] == "红光街道社会服务工作站");
        Assert.Equal(["红光街道社会服务工作站", "社会服务工作站", "5", "4", "3", "2", "不足"], staffing.Take(7));
        Assert.Contains("赵项目（演示）", staffing[7], StringComparison.Ordinal);
        Assert.Contains("钱督导（演示）", staffing[8], StringComparison.Ordinal);

        // The file follows the ledger: 8 more pre-job hours and the newcomer may serve.
        await bureau.PostJson($"/api/civil-affairs/staff/{newcomer.Str("id")}/training",
            new { on = Guanjia.Domain.Calendar.ChinaTime.LocalDate(host.Clock.GetUtcNow()).ToString("yyyy-MM-dd"), hours = 8m, kind = "PreJob", topic = "岗前培训：个案工作实务" }, HttpStatusCode.Created);
        var after = Person(FileReader.XlsxSheets((await bureau.DownloadAsync($"/api/civil-affairs/staffing.xlsx?stationId={id}")).Bytes)["人员与培训"], "吴静（演示）");
        Assert.Equal("40/40", after[13]);
        Assert.Equal("可以", after[14]);

        // The jurisdiction's table has the station; 东莞 never gets 瑶海区's station, nor its people in its own table.
        var all = FileReader.XlsxSheets((await bureau.DownloadAsync("/api/civil-affairs/staffing.xlsx")).Bytes);
        Assert.Contains(all["配备情况"], r => r.Count > 0 && r[0] == "红光街道社会服务工作站");
        var city = await host.SignIn("city.admin");
        Assert.Equal(HttpStatusCode.NotFound, (await city.GetAsync($"/api/civil-affairs/staffing.xlsx?stationId={id}")).StatusCode);
        var dongguan = FileReader.XlsxSheets((await city.DownloadAsync("/api/civil-affairs/staffing.xlsx")).Bytes);
        Assert.DoesNotContain(dongguan["人员与培训"].SelectMany(r => r), c => c == "吴静（演示）");
        Assert.Contains(dongguan["人员与培训"], r => r.Count > 3 && r[3] == "周雨（演示）");
    }
}
