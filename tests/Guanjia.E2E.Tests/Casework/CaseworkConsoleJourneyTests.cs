using System.Text;
using Guanjia.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Guanjia.E2E.Tests.Casework;

/// <summary>
/// The casework console's second part (issue 13): what the station worker and the town do by clicking instead of through
/// the API — bulk registration from the assistance system's export (R-CA-13), the village's monthly screening (R-CA-04), the
/// town's answer to the problem it reported, and the town's quarterly policy evaluation (R-CA-06).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CaseworkConsoleJourneyTests(HostFixture host)
{
    private const string Worker = "dongcheng.worker";
    private const string Town = "dongcheng.lead";

    /// <summary>A valid resident ID number (GB 11643 check digit) in the demo's invented area 990000.</summary>
    private static string InventedId()
    {
        var body = $"9900001950{Random.Shared.Next(1, 13):00}{Random.Shared.Next(1, 29):00}{Random.Shared.Next(100, 999)}";
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = body.Select((c, i) => (c - '0') * weights[i]).Sum();
        return body + "10X98765432"[sum % 11];
    }

    private static FilePayload Csv(string name, params string[][] rows)
    {
        string[] header = ["姓名", "证件类型", "证件号码", "村（社区）", "住址", "对象类别", "类别生效日期", "本地户籍"];
        var text = string.Join("\r\n", new[] { header }.Concat(rows).Select(r => string.Join(",", r))) + "\r\n";
        return new FilePayload { Name = name, MimeType = "text/csv", Buffer = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray() };
    }

    private static async Task<int> FilesNamedAsync(Api api, string name) =>
        (await api.GetAsync($"/api/civil-affairs/files?q={Uri.EscapeDataString(name)}&status=InCare")).GetProperty("total").GetInt32();

    [BrowserFact]
    public async Task R_CA_13_a_worker_imports_an_export_all_or_nothing_and_R_CA_04_the_town_answers_a_screening_problem_and_R_CA_06_evaluates()
    {
        await using var worker = await Api.SignInAsync(host, Worker);
        var village = (await worker.GetAsync("/api/civil-affairs/files?pageSize=1")).GetProperty("items")[0].GetProperty("villageName").GetString()!;
        var tag = Random.Shared.Next(100, 999);
        var first = $"导入甲{tag}（演示）";
        var second = $"导入乙{tag}（演示）";
        var (id1, id2) = (InventedId(), InventedId());
        while (id2[..17] == id1[..17]) id2 = InventedId();

        var page = await host.NewPageAsync(1366, 900);
        await Pages.SignInAsync(page, Worker);
        await page.GotoAsync("/casework");
        await page.Locator("[data-test=casework-import-link]").ClickAsync();
        var import = page.Locator("[data-test=casework-import]");
        await Expect(import).ToContainTextAsync("批量导入服务对象");

        // R-CA-13: one row with a date that is no date; the preview names its row and column, and nothing can be imported.
        await import.Locator("[data-test=import-file]").SetInputFilesAsync(Csv("救助系统导出.csv",
            [first, "身份证", id1, village, "东城街道演示路 2 号", "特困人员（分散供养）", "2026-01-01", "是"],
            [second, "身份证", id2, village, "东城街道演示路 3 号", "特困人员（分散供养）", "2026-13-45", "是"]));
        await Expect(import.Locator("[data-test=import-summary]")).ToContainTextAsync("共 2 行：1 行无误，1 行有错误");
        var wrong = import.Locator("[data-test=import-rows] .el-table__row").Filter(new() { Has = page.Locator("[data-test=import-row-errors]") });
        await Expect(wrong).ToHaveCountAsync(1);
        await Expect(wrong.Locator("td").First).ToHaveTextAsync("3");
        await Expect(wrong).ToContainTextAsync("“类别生效日期”");
        await Expect(wrong).ToContainTextAsync("第3行");
        await Expect(import.Locator("[data-test=import-confirm]")).ToBeDisabledAsync();
        await Screens.SaveAsync(page, "casework-import-preview", key: true);
        Assert.Equal(0, await FilesNamedAsync(worker, first));

        // The corrected file: every row right, imported in one go.
        await import.Locator("[data-test=import-file]").SetInputFilesAsync(Csv("救助系统导出（已改正）.csv",
            [first, "身份证", id1, village, "东城街道演示路 2 号", "特困人员（分散供养）", "2026-01-01", "是"],
            [second, "身份证", id2, village, "东城街道演示路 3 号", "特困人员（分散供养）", "2026-01-05", "是"]));
        await Expect(import.Locator("[data-test=import-summary]")).ToContainTextAsync("全部无误");
        await import.Locator("[data-test=import-confirm]").ClickAsync();
        await page.Locator(".el-message-box__btns .el-button--primary").ClickAsync();
        await Expect(import.Locator("[data-test=import-done]")).ToContainTextAsync("已导入 2 人");
        Assert.Equal(1, await FilesNamedAsync(worker, first));
        Assert.Equal(1, await FilesNamedAsync(worker, second));

        // R-CA-04: the village's monthly screening, with a housing problem reported to the town.
        var problem = $"一户房屋漏雨待修缮（演示{tag}）";
        await page.GotoAsync("/casework/screenings");
        await page.Locator("[data-test=screening-record]").ClickAsync();
        var form = Forms.Dialog(page, "登记对象排查");
        // Nothing is sent without the methods.
        await form.Locator("[data-test=step-submit]").ClickAsync();
        await Expect(form).ToContainTextAsync("请选择排查方式");
        await Forms.ChooseAsync(page, form, "村（社区）", village);
        await Forms.CheckAsync(form, "入户走访");
        await Forms.CheckAsync(form, "数据比对");
        await form.GetByLabel("排查户数", new() { Exact = true }).FillAsync("36");
        await form.GetByLabel("发现对象人数", new() { Exact = true }).FillAsync("2");
        await form.Locator("[data-test=scr-add-problem]").ClickAsync();
        await Forms.ChooseAsync(page, form.Locator("[data-test=scr-problem]"), "问题类型", "住房");
        await Forms.FillAsync(form.Locator("[data-test=scr-problem]"), "问题描述", problem);
        await Screens.SaveAsync(page, "casework-screening-form", key: true);
        await form.Locator("[data-test=step-submit]").ClickAsync();
        await Expect(form).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-test=screenings-table]")).ToContainTextAsync(problem);
        await Screens.SaveAsync(page, "casework-screenings", key: true);
        // The worker may not answer it (casework.town or casework.village-answer): no button.
        await page.GotoAsync("/casework/problems");
        var mine = page.Locator("[data-test=problems-table] .el-table__row").Filter(new() { HasText = problem });
        await Expect(mine).ToHaveCountAsync(1);
        await Expect(mine.Locator("[data-test=problem-answer]")).ToHaveCountAsync(0);

        // The town sees the open count on the people list, answers, and the problem leaves the open list.
        var townPage = await host.NewPageAsync(1366, 900);
        await Pages.SignInAsync(townPage, Town);
        await townPage.GotoAsync("/casework");
        await Expect(townPage.Locator("[data-test=casework-open-problems]")).ToContainTextAsync("待答复问题");
        await townPage.Locator("[data-test=casework-open-problems]").ClickAsync();
        var row = townPage.Locator("[data-test=problems-table] .el-table__row").Filter(new() { HasText = problem });
        await Expect(row).ToContainTextAsync("待镇（街道）答复");
        await Screens.SaveAsync(townPage, "casework-problems", key: true);
        await row.Locator("[data-test=problem-answer]").ClickAsync();
        var answer = Forms.Dialog(townPage, "答复问题");
        await answer.Locator("[data-test=step-submit]").ClickAsync();
        await Expect(answer).ToContainTextAsync("请填写答复");
        await Forms.FillAsync(answer, "答复内容", "已安排镇住建办下周上门查看并修缮");
        await answer.Locator("[data-test=step-submit]").ClickAsync();
        await Expect(answer).ToHaveCountAsync(0);
        await Expect(row).ToHaveCountAsync(0);
        await townPage.Locator("[data-test=problems-state] label").Filter(new() { HasText = "已答复" }).ClickAsync();
        await Expect(row).ToContainTextAsync("已安排镇住建办");
        var open = await worker.GetAsync("/api/civil-affairs/problems?open=true&pageSize=100");
        Assert.DoesNotContain(open.GetProperty("items").EnumerateArray(), p => p.GetProperty("text").GetString() == problem);

        // R-CA-06: the town's quarterly evaluation from two interviews; the rates are computed from what was entered.
        var findings = $"政策知晓度有待提高（演示{tag}）";
        await townPage.GotoAsync("/casework/evaluations");
        await townPage.Locator("[data-test=evaluation-record]").ClickAsync();
        var evaluation = Forms.Dialog(townPage, "登记政策落实评估");
        await Forms.CheckAsync(evaluation, "入户访谈");
        await evaluation.Locator("[data-test=eva-add-interview]").ClickAsync();
        var interviews = evaluation.Locator("[data-test=eva-interview]");
        foreach (var (n, aware, satisfaction) in new[] { (0, "是", "满意"), (1, "否", "一般") })
        {
            var iv = interviews.Nth(n);
            await iv.Locator("[data-test=eva-standardRight] label").Filter(new() { HasText = "是" }).ClickAsync();
            await iv.Locator("[data-test=eva-paymentRight] label").Filter(new() { HasText = "是" }).ClickAsync();
            await iv.Locator("[data-test=eva-awareOfPolicy] label").Filter(new() { HasText = aware }).ClickAsync();
            await Forms.ChooseAsync(townPage, iv, "满意度", satisfaction);
        }
        await Expect(evaluation.Locator("[data-test=eva-totals]")).ToContainTextAsync("政策知晓率 50%");
        await Expect(evaluation.Locator("[data-test=eva-totals]")).ToContainTextAsync("满意度 50%");
        await Forms.FillAsync(evaluation, "评估发现", findings);
        await Screens.SaveAsync(townPage, "casework-evaluation-form", key: true);
        await evaluation.Locator("[data-test=step-submit]").ClickAsync();
        await Expect(evaluation).ToHaveCountAsync(0);
        var saved = townPage.Locator("[data-test=evaluations-table] .el-table__row").Filter(new() { HasText = findings });
        await Expect(saved).ToContainTextAsync("100%");
        await Expect(saved).ToContainTextAsync("50%");
        await Screens.SaveAsync(townPage, "casework-evaluations", key: true);
    }

    [BrowserFact]
    public async Task R_CA_13_a_worker_makes_a_plan_with_an_action_and_R_CA_09_links_charity_to_its_result_on_the_persons_page()
    {
        await using var worker = await Api.SignInAsync(host, Worker);
        var fileId = (await worker.GetAsync("/api/civil-affairs/files?status=InCare&pageSize=1")).GetProperty("items")[0].GetProperty("id").GetString()!;
        var tag = Random.Shared.Next(100, 999);

        var page = await host.NewPageAsync(1366, 900);
        await Pages.SignInAsync(page, Worker);
        await page.GotoAsync($"/casework/files/{fileId}");
        await Expect(page.Locator("[data-test=case-file-name]")).ToBeVisibleAsync();

        // R-CA-13: one person, one plan — needs and goals required, then an action on it.
        await page.GetByRole(AriaRole.Tab, new() { Name = "服务方案" }).ClickAsync();
        await page.Locator("[data-test=plan-create]").ClickAsync();
        var form = Forms.Dialog(page, "制定服务方案");
        await form.Locator("[data-test=step-submit]").ClickAsync();
        await Expect(form).ToContainTextAsync("请填写需求评估");
        await Forms.FillAsync(form, "需求评估", $"独居，行动不便，需助餐（演示{tag}）");
        await Forms.FillAsync(form, "服务目标", "每周助餐三次，每月上门探视");
        await form.Locator("[data-test=step-submit]").ClickAsync();
        await Expect(form).ToHaveCountAsync(0);
        var plan = page.Locator("[data-test=plan]").Filter(new() { HasText = $"演示{tag}" });
        await Expect(plan).ToContainTextAsync("进行中");
        await plan.Locator("[data-test=plan-add-entry]").ClickAsync();
        var entry = Forms.Dialog(page, "添加记录");
        await Forms.CheckAsync(entry, "服务行动");
        await Forms.FillAsync(entry, "内容", "已联系长者饭堂送餐");
        await entry.Locator("[data-test=step-submit]").ClickAsync();
        await Expect(entry).ToHaveCountAsync(0);
        await Expect(plan).ToContainTextAsync("已联系长者饭堂送餐");

        // R-CA-09: a charity link, tracked to its result.
        await page.GetByRole(AriaRole.Tab, new() { Name = "资源链接" }).ClickAsync();
        await page.Locator("[data-test=link-create]").ClickAsync();
        var link = Forms.Dialog(page, "链接资源");
        await Forms.CheckAsync(link, "慈善资源");
        await Forms.ChooseAsync(page, link, "资源来源", "爱心企业");
        await Forms.FillAsync(link, "资源提供方", $"演示爱心企业{tag}");
        await Forms.FillAsync(link, "需求", "冬季棉被");
        await Screens.SaveAsync(page, "casework-link-form", key: true);
        await link.Locator("[data-test=step-submit]").ClickAsync();
        await Expect(link).ToHaveCountAsync(0);
        var row = page.Locator("[data-test=case-links] .el-table__row").Filter(new() { HasText = $"演示爱心企业{tag}" });
        await Expect(row).ToContainTextAsync("已链接");
        await row.Locator("[data-test=link-outcome]").ClickAsync();
        var outcome = Forms.Dialog(page, "登记结果");
        await Forms.CheckAsync(outcome, "链接成功");
        await Forms.FillAsync(outcome, "结果说明", "已送达棉被两床");
        await outcome.Locator("[data-test=step-submit]").ClickAsync();
        await Expect(outcome).ToHaveCountAsync(0);
        await Expect(row).ToContainTextAsync("链接成功 · 已送达棉被两床");
        await Expect(row.Locator("[data-test=link-outcome]")).ToHaveCountAsync(0);
    }
}
