using System.Net;
using System.Text;
using Guanjia.Web.Tests.Infrastructure;
using Guanjia.Web.Tests.MicroProjects;
using static Guanjia.Web.Tests.MicroProjects.ClosingPath;

namespace Guanjia.Web.Tests.Documents;

/// <summary>Lists as CSV and Excel: the list endpoints' filters and scope, unpaged, masked like the lists (R-PL-03, R-PL-07).</summary>
[Collection(ApiCollection.Name)]
public class ExportTests
{
    private static List<string[]> CsvLines(byte[] bytes)
    {
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]); // Excel reads Chinese only with the BOM
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        return text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(',')).ToList();
    }

    // R-PL-03: same filters and scope as GET /api/appeals.
    [Theory, BothDatabases]
    public async Task R_PL_03_the_appeals_export_has_the_lists_filters_and_scope(Db db)
    {
        var f = await Flow.StartAsync(db);
        var appeal = await AppealAsync(f);
        await AppealAsync(f);
        var number = appeal.Str("trackingNumber");

        var csv = await f.Village.DownloadAsync($"/api/exports/appeals.csv?q={number}");
        Assert.Equal("text/csv; charset=utf-8", csv.ContentType);
        Assert.Matches(@"^诉求清单-\d{8}\.csv$", csv.FileName);
        var lines = CsvLines(csv.Bytes);
        Assert.Equal(["受理编号", "征集渠道", "诉求标题", "类别", "状态", "所属村（社区）", "受理时间", "是否已列为项目"], lines[0]);
        var row = Assert.Single(lines.Skip(1));
        Assert.Equal(number, row[0]);
        Assert.Equal("公园增设长者休息座椅", row[2]);
        Assert.Equal("已交派，待接收", row[4]);
        Assert.Equal("否", row[7]);

        // The whole list in scope, not one page: as many rows as the list's total.
        var total = (await f.Village.GetJson("/api/appeals?pageSize=1")).GetProperty("total").GetInt32();
        Assert.True(total > 1);
        var all = await f.Village.DownloadAsync("/api/exports/appeals.xlsx");
        var sheet = FileReader.XlsxSheets(all.Bytes)["诉求清单"];
        var headerAt = sheet.FindIndex(r => r.Count > 0 && r[0] == "受理编号");
        Assert.Equal(total, sheet.Count - headerAt - 1);
        Assert.Contains(sheet, r => r[0] == number);

        // Another town's village gets its own scope: an empty list, not our appeal.
        var other = await f.Host.SignIn("changan.village");
        Assert.Single(CsvLines((await other.DownloadAsync($"/api/exports/appeals.csv?q={number}")).Bytes));
        // Bad filters answer like the list does.
        var bad = await f.Village.GetJson("/api/exports/appeals.csv?from=2026-11-02&to=2026-11-01", HttpStatusCode.BadRequest);
        bad.ShouldNameField("from", "invalid_range");
    }

    [Theory, BothDatabases]
    public async Task The_micro_project_export_writes_budgets_in_yuan_as_numbers(Db db)
    {
        var f = await Flow.StartAsync(db);
        var p = await RegisteredAsync(f, Large);
        var number = (await DetailAsync(f, p.ProjectId)).Str("number");

        var xlsx = await f.Town.DownloadAsync($"/api/exports/micro-projects.xlsx?q={number}");
        Assert.Equal(FormTests.Xlsx, xlsx.ContentType);
        var rows = FileReader.XlsxSheets(xlsx.Bytes)["微实事项目清单"];
        var row = rows.Single(r => r[0] == number);
        Assert.Equal(["新村路路灯改造", "便民工程项目", "莞家速递", "镇（街道）审核中", "120000"], row.Skip(1).Take(5));
        var csv = CsvLines((await f.Town.DownloadAsync($"/api/exports/micro-projects.csv?q={number}")).Bytes);
        Assert.Equal("120000.00", csv[1][5]);
        Assert.Equal(HttpStatusCode.NotFound, (await f.Town.GetAsync("/api/exports/micro-projects.pdf")).StatusCode);
    }

    // R-PL-07: free text in an export is masked like published text; the wish list carries no identity.
    [Theory, BothDatabases]
    public async Task R_PL_07_the_wish_export_masks_phone_numbers_in_the_need(Db db)
    {
        var f = await Flow.StartAsync(db);
        var order = await f.HotlineOrderAsync(title: "独居老人需要助行器");
        await f.AcknowledgeAsync(order.Str("id"));
        var decided = await f.Village.PostJson($"/api/appeals/{order.Str("id")}/committee-decision", new
        {
            meetingAt = f.Now, outcome = "MicroWish", note = "个人诉求，报镇街核查", wishKind = "SpecialGroupAid", targetGroup = "LonelyElderly",
            assistanceType = "LivingAid", projectName = "为独居老人配置助行器（家属13912345678）", beneficiaryName = "黄伯", requestedFen = 80_000,
        }, HttpStatusCode.OK);
        var wish = await f.Town.GetJson($"/api/micro-wishes/{decided.Str("wishId")}");

        var lines = CsvLines((await f.Town.DownloadAsync("/api/exports/micro-wishes.csv?state=AwaitingVerification")).Bytes);
        var row = lines.Single(l => l[0] == wish.Str("number"));
        Assert.Equal("为独居老人配置助行器（家属139****5678）", row[2]);
        Assert.Equal("特殊群体帮扶", row[1]);
        Assert.Equal("待核实", row[3]);
        var sheet = FileReader.XlsxSheets((await f.Town.DownloadAsync("/api/exports/micro-wishes.xlsx")).Bytes)["微心愿清单"];
        Assert.Equal("为独居老人配置助行器（家属139****5678）", sheet.Single(r => r[0] == wish.Str("number"))[2]);
        foreach (var cells in new[] { lines.SelectMany(l => l), sheet.SelectMany(r => r) })
        {
            Assert.DoesNotContain(cells, c => c.Contains("13912345678", StringComparison.Ordinal));
            Assert.DoesNotContain(cells, c => c.Contains("黄伯", StringComparison.Ordinal));
        }
    }
}
