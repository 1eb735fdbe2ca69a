using System.Net;
using System.Text.Json;
using Guanjia.Web.Tests.Documents;
using Guanjia.Web.Tests.Infrastructure;

namespace Guanjia.Web.Tests.Purchasing;

/// <summary>
/// Issue 14 §8 (R-PS-04, R-PS-05, R-PS-06): the contract's performance summary and the evaluation report as Word, and the bureau's
/// supervision figures per package, as JSON and as Excel, say what the contract's page says; the contractor gets its own contract's
/// summary and nothing of the bureau's figures.
/// </summary>
[Collection(ApiCollection.Name)]
public class PurchasingDocumentTests
{
    private static string DocxText(byte[] bytes) =>
        string.Join("\n", FileReader.DocxParagraphs(bytes).Concat(FileReader.DocxRows(bytes).SelectMany(r => r)));

    [Theory, BothDatabases]
    public async Task R_PS_05_R_PS_06_the_summary_the_evaluation_report_and_the_supervision_table_tell_the_contract_as_it_stands(Db db)
    {
        var k = await PurchasingKit.StartAsync(db);
        var (contract, _, contractor) = await k.SignedAsync(1_000_000_00);
        var id = contract.Str("id");
        var url = $"/api/purchasing/contracts/{id}";
        string Today(int plus = 0) => k.Today.AddDays(plus).ToString("yyyy-MM-dd");
        var first = contract.GetProperty("instalments").EnumerateArray().Single(i => i.GetProperty("seq").GetInt32() == 1);
        await k.Bureau.PostJson($"{url}/instalments/{first.Str("id")}/accept", new { note = "合同已签订" }, HttpStatusCode.OK);
        await k.Bureau.PostJson($"{url}/inspections", new
        {
            body = "Finance", inspectedOn = Today(), summary = "抽查资金专项核算",
            findings = new[] { new { description = "部分支出凭证未附活动签到表", dueOn = Today(10) } },
        }, HttpStatusCode.Created);
        await k.Bureau.PostJson($"{url}/penalties", new { clauseCode = "第十条", amountFen = 3_000_00L, reason = "月度简报逾期报送" }, HttpStatusCode.Created);
        await k.Bureau.PostJson("/api/purchasing/accounts/receipts", new { source = "CityBudget", amountFen = 1_000_000_00L }, HttpStatusCode.OK);
        var account = (await k.Bureau.GetJson("/api/purchasing/accounts")).EnumerateArray().Single().Str("id");
        await k.Bureau.PostJson($"{url}/instalments/{first.Str("id")}/payments", new { accountId = account, source = "CityBudget", amountFen = 100_000_00L },
            HttpStatusCode.OK);
        var evaluation = await k.Bureau.PostJson($"{url}/evaluations", new
        {
            evaluatorId = k.EvaluatorId, dueOn = Today(30),
            indicators = new object[]
            {
                new { name = "困境老人建档与走访", category = "Effect", weightPercent = 40 },
                new { name = "服务对象满意度", category = "Satisfaction", weightPercent = 30 },
                new { name = "台账与报告按时", category = "Process", weightPercent = 30 },
            },
        }, HttpStatusCode.Created);

        // The summary: the contract, the penalty against the first instalment, what was paid, the open rectification.
        var summary = await k.Bureau.GetAsync($"{url}/summary.docx");
        Assert.Equal(HttpStatusCode.OK, summary.StatusCode);
        var text = DocxText(await summary.Content.ReadAsByteArrayAsync());
        Assert.Contains(contract.Str("number"), text, StringComparison.Ordinal);
        Assert.Contains("第十条：月度简报逾期报送", text, StringComparison.Ordinal);
        Assert.Contains("已付100,000.00元", text, StringComparison.Ordinal);
        Assert.Contains("部分支出凭证未附活动签到表", text, StringComparison.Ordinal);
        Assert.Contains("安徽明鉴社会服务评估中心", text, StringComparison.Ordinal);
        // The contractor reads its own contract's summary; Dongguan does not find it.
        Assert.Equal(HttpStatusCode.OK, (await contractor.GetAsync($"{url}/summary.docx")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await k.Host.SignIn("city.admin")).GetAsync($"{url}/summary.docx")).StatusCode);

        // The evaluation report before scoring says so, and names each indicator with its weight.
        var report = DocxText(await (await k.Bureau.GetAsync($"/api/purchasing/evaluations/{evaluation.Str("id")}/report.docx")).Content.ReadAsByteArrayAsync());
        Assert.Contains("困境老人建档与走访", report, StringComparison.Ordinal);
        Assert.Contains("实际效果 / 40%", report, StringComparison.Ordinal);
        Assert.Contains("未评分", report, StringComparison.Ordinal);

        // The supervision figures: the package's row with its contract.
        var rows = (await k.Bureau.GetJson("/api/purchasing/figures")).GetProperty("rows").EnumerateArray().ToList();
        var row = rows.Single(r => r.GetProperty("contractId").ValueKind == JsonValueKind.String && r.Str("contractId") == id);
        Assert.Equal(3_000_00, row.GetProperty("penaltyFen").GetInt64());
        Assert.Equal(100_000_00, row.GetProperty("paidFen").GetInt64());
        Assert.Equal(1_000_000_00, row.GetProperty("amountFen").GetInt64());
        Assert.Equal(1, row.GetProperty("rectificationsOpen").GetInt32());
        Assert.True(row.GetProperty("workersNeeded").GetInt32() >= 1);
        Assert.Equal(JsonValueKind.Null, row.GetProperty("evaluationScore").ValueKind);
        var xlsx = await k.Bureau.GetAsync("/api/purchasing/figures.xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var cells = FileReader.XlsxSheets(await xlsx.Content.ReadAsByteArrayAsync()).First(s => s.Key == "监管一览表").Value.SelectMany(r => r).ToList();
        Assert.Contains(contract.Str("number"), cells);
        Assert.Equal(HttpStatusCode.Forbidden, (await contractor.GetAsync("/api/purchasing/figures")).StatusCode);
    }
}
