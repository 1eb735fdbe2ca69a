using System.Globalization;
using System.Net;
using Guanjia.Web.Tests.Infrastructure;
using static Guanjia.Web.Tests.Funds.FundKit;

namespace Guanjia.Web.Tests.Documents;

/// <summary>The disbursement ledger (资金发放台账) as Excel, read back with the Open XML SDK (R-FD-06, issue 5).</summary>
[Collection(ApiCollection.Name)]
public class LedgerDocumentTests
{
    private const int Seq = 0, Date = 1, Reference = 2, Town = 3, Village = 4, Number = 5, Name = 6, Source = 7, Account = 8, Amount = 9, Payee = 10,
        Link = 11;

    // R-FD-06: every disbursement is a row with its project, source, account and amount in 元; a reversal is its own row that
    // names the original (and the original names it); the totals per source are what was really paid; a town gets only its town.
    [Theory, BothDatabases]
    public async Task R_FD_06_the_ledger_document_lists_payments_and_reversals_with_totals_per_source_in_scope(Db db)
    {
        var f = await Flow.StartAsync(db);
        var village = await VillageAccountAsync(f);
        var project = await ApprovedProjectAsync(f);
        var number = (await f.Town.GetJson($"/api/micro-projects/{project}")).Str("number");
        var town = await TownIdAsync(f);
        await ReceiveAsync(f.Town, village, "VillageCollective", 50_000);
        var paid = await PayAsync(f.Finance, village, "VillageCollective", 12_345, project);
        var wrong = await PayAsync(f.Finance, village, "VillageCollective", 20_000, project);
        var reversal = await f.Finance.PostJson($"/api/funds/ledger/{wrong.Str("id")}/reversal", new { reason = "金额填错，冲正" }, HttpStatusCode.OK);
        var year = paid.GetProperty("year").GetInt32();

        var file = await f.Town.DownloadAsync($"/api/funds/ledger/document.xlsx?year={year}&townId={town}");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file.ContentType);
        Assert.Contains("资金发放台账", file.FileName, StringComparison.Ordinal);
        var sheets = FileReader.XlsxSheets(file.Bytes);
        var rows = sheets["资金发放台账"];
        Assert.Contains("资金发放台账", rows[0][0], StringComparison.Ordinal);
        Assert.Contains(rows, r => r.Count == 1 && r[0].StartsWith("填报单位：东城街道", StringComparison.Ordinal) && r[0].Contains($"{year}年1月1日至", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Count == 1 && r[0].Contains("财务负责人", StringComparison.Ordinal));
        var header = rows.FindIndex(r => r.Count > 1 && r[0] == "序号");
        Assert.Equal("金额（元）", rows[header][Amount]);
        var body = rows.Skip(header + 1).Where(r => r.Count > Link && int.TryParse(r[0], out _)).ToList();

        var mine = body.Where(r => r[Number] == number).ToList();
        Assert.Equal(3, mine.Count);
        var pay = mine.Single(r => Fen(r[Amount]) == 12_345);
        Assert.Equal(12_345, Fen(pay[Amount]));
        Assert.Equal("记账凭证001", pay[Reference]);
        Assert.Equal("东城街道", pay[Town]);
        Assert.False(string.IsNullOrEmpty(pay[Village]));
        Assert.Equal("村（社区）集体资金", pay[Source]);
        Assert.Contains("东莞市某照明工程有限公司", pay[Payee], StringComparison.Ordinal);
        Assert.Equal("", pay[Link]);
        Assert.Matches(@"^\d{4}年\d{1,2}月\d{1,2}日$", pay[Date]);
        var (original, reversing) = (mine.Single(r => Fen(r[Amount]) == 20_000), mine.Single(r => Fen(r[Amount]) == -20_000));
        Assert.Equal(20_000, Fen(original[Amount]));
        Assert.Equal(-20_000, Fen(reversing[Amount]));
        Assert.Equal($"已由第{reversing[Seq]}笔冲正", original[Link]);
        Assert.Equal($"冲正第{original[Seq]}笔", reversing[Link]);
        Assert.Equal(reversal.Str("reference"), reversing[Reference]);
        Assert.All(body, r => Assert.Equal("东城街道", r[Town]));

        // The totals: the table's sum row is the rows' sum; the sheet by source adds up to it, reversals netted out.
        var totalRow = rows.Single(r => r.Count > Amount && r[0] == "合计");
        Assert.Equal(body.Sum(r => Fen(r[Amount])), Fen(totalRow[Amount]));
        var bySource = sheets["按资金来源汇总"];
        var village_ = bySource.Single(r => r[0] == "村（社区）集体资金");
        Assert.Equal(body.Where(r => r[Source] == "村（社区）集体资金").Sum(r => Fen(r[Amount])), Fen(village_[5]));
        Assert.Equal(body.Count(r => r[Source] == "村（社区）集体资金" && Fen(r[Amount]) < 0), int.Parse(village_[3], CultureInfo.InvariantCulture));
        Assert.Equal(Fen(totalRow[Amount]), Fen(bySource.Single(r => r[0] == "合计")[5]));

        // Scope: another town sees none of it and may not ask for Dongcheng; the city may. Bad input is a ProblemDetails.
        var changan = await f.Host.SignIn("changan.lead");
        var theirs = FileReader.XlsxSheets((await changan.DownloadAsync($"/api/funds/ledger/document.xlsx?year={year}")).Bytes)["资金发放台账"];
        Assert.DoesNotContain(theirs, r => r.Contains(number));
        await changan.GetJson($"/api/funds/ledger/document.xlsx?townId={town}", HttpStatusCode.NotFound);
        var city = FileReader.XlsxSheets((await f.City.DownloadAsync($"/api/funds/ledger/document.xlsx?year={year}&townId={town}")).Bytes)["资金发放台账"];
        Assert.Equal(3, city.Count(r => r.Count > Number && r[Number] == number));
        (await f.Town.GetJson("/api/funds/ledger/document.xlsx?year=twenty", HttpStatusCode.BadRequest)).ShouldNameField("year", "invalid");
        (await f.Town.GetJson("/api/funds/ledger/document.xlsx?year=1999", HttpStatusCode.BadRequest)).ShouldNameField("year", "out_of_range");
        (await f.Town.GetJson($"/api/funds/ledger/document.xlsx?townId={f.VillageId}", HttpStatusCode.BadRequest)).ShouldNameField("townId", "not_a_town");
        var own = FileReader.XlsxSheets((await f.Village.DownloadAsync("/api/funds/ledger/document.xlsx")).Bytes)["资金发放台账"];
        Assert.Contains(own, r => r.Count > Number && r[Number] == number);
    }

    /// <summary>A money cell as written (元, invariant culture) back to fen.</summary>
    private static long Fen(string yuan) => (long)(decimal.Parse(yuan, NumberStyles.Number | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) * 100);
}
