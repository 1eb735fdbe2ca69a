using Guanjia.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Guanjia.E2E.Tests.Purchasing;

/// <summary>
/// Issue 14's journey in the browser: 瑶海区民政局 sets up a package, records its tender and signs the contract (R-PS-03, R-PS-08);
/// the contractor files a monthly brief late and is told so (R-CA-12); the bureau commissions the evaluation, the evaluator surveys the
/// beneficiaries (the last questionnaire on its page) and scores it, its finding is rectified and closed (R-PS-06); a penalty is recorded and the first instalment is accepted, payable less the
/// penalty (R-PS-06). A Dongguan user sees none of it (ADR 0040). The package's period lies in the past six months, so its briefs
/// are overdue on the real clock the host runs on, and its communities are not in the demo packages that start this month.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PurchasingJourneyTests(HostFixture host)
{
    private const string Package = "试点服务包（演示）";
    private const string Contractor = "合肥市瑶海区暖阳社会工作服务中心（虚构）";

    private static DateOnly Today() => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    private static async Task DateAsync(ILocator scope, string label, string date)
    {
        var input = scope.GetByLabel(label, new() { Exact = true });
        await input.FillAsync(date);
        await input.PressAsync("Enter");
        await Expect(input).ToHaveValueAsync(date);
    }

    // R-PS-03, R-PS-06, R-PS-08, R-CA-12, R-FD-07
    [BrowserFact]
    public async Task The_bureau_buys_services_the_contractor_reports_late_the_evaluator_scores_and_the_instalment_is_paid_less_the_penalty()
    {
        var today = Today();
        var start = new DateOnly(today.Year, today.Month, 1).AddMonths(-6);
        var end = new DateOnly(today.Year, today.Month, 1).AddDays(-1);
        var firstMonth = start.ToString("yyyy-MM");

        // The bureau: a package of one community for the past six months, its tender, its contract.
        var bureau = await host.NewPageAsync(1366, 900);
        await Pages.SignInAsync(bureau, "yaohai.admin");
        await bureau.Locator("[data-test=menu-purchasing]").ClickAsync();
        await bureau.Locator("[data-test=package-create]").ClickAsync();
        var dialog = Forms.Dialog(bureau, "新增服务包");
        await Forms.FillAsync(dialog, "服务包名称", Package);
        await DateAsync(dialog, "服务期起", start.ToString("yyyy-MM-dd"));
        await DateAsync(dialog, "服务期止", end.ToString("yyyy-MM-dd"));
        await Forms.CheckAsync(dialog.Locator("[data-test=package-contents]"), "社区公共养老服务");
        var communities = dialog.GetByLabel("选择社区（每期一个社区只能在一个服务包中）", new() { Exact = true });
        await communities.FillAsync("晨光");
        await bureau.Locator(".el-select-dropdown__item").Filter(new() { HasText = "晨光社区（虚构）" }).First.ClickAsync();
        await Expect(dialog.Locator("[data-test=package-communities]")).ToContainTextAsync("晨光社区（虚构）");
        // The list of a multiple select stays open over the buttons: a click elsewhere in the form closes it.
        await dialog.GetByLabel("服务包名称", new() { Exact = true }).ClickAsync();
        await Expect(bureau.Locator(".el-select-dropdown").Filter(new() { Visible = true })).ToHaveCountAsync(0);
        await dialog.Locator("[data-test=package-save]").ClickAsync();
        await Expect(bureau.Locator("[data-test=package-table]")).ToContainTextAsync(Package);

        await bureau.Locator($"[data-test='package-tender-{Package}']").ClickAsync();
        var tender = Forms.Dialog(bureau, $"登记招标结果：{Package}");
        await Forms.ChooseAsync(bureau, tender, "投标人 1", Contractor);
        await Forms.FillAsync(tender, "报价（元） 1", "300000");
        // A public tender has competition: one bidder alone is refused (no_competition).
        await tender.GetByRole(AriaRole.Button, new() { Name = "添加投标人" }).ClickAsync();
        await Forms.ChooseAsync(bureau, tender, "投标人 2", "合肥市瑶海区同心社会工作服务社（虚构）");
        await Forms.FillAsync(tender, "报价（元） 2", "312000");
        await Forms.ChooseAsync(bureau, tender, "中标人", Contractor);
        await tender.Locator("[data-test=tender-save]").ClickAsync();
        await Expect(tender).ToBeHiddenAsync();

        await bureau.Locator($"[data-test='package-sign-{Package}']").ClickAsync();
        var sign = Forms.Dialog(bureau, $"签订购买服务合同：{Package}");
        await Expect(sign.GetByLabel("合同金额", new() { Exact = true })).ToHaveValueAsync("300000");
        await DateAsync(sign, "签订日期", today.ToString("yyyy-MM-dd"));
        await Forms.FillAsync(sign, "金额（元） 1", "90000");
        await Forms.FillAsync(sign, "金额（元） 2", "120000");
        await Forms.FillAsync(sign, "金额（元） 3", "90000");
        await sign.Locator("[data-test=sign-save]").ClickAsync();
        await Expect(sign).ToBeHiddenAsync();
        await Expect(bureau.Locator("[data-test=contract-detail]")).ToContainTextAsync(Contractor);
        await Expect(bureau.Locator("[data-test=contract-state]")).ToHaveTextAsync("履行中");
        var contractUrl = bureau.Url;

        // The contractor files the first month's brief after its day: the form asks why, and the report says it was late.
        var contractor = await host.NewPageAsync(1366, 900);
        await Pages.SignInAsync(contractor, "yaohai.contractor");
        await contractor.GotoAsync(contractUrl);
        await contractor.Locator($"[data-test=report-file-{firstMonth}]").ClickAsync();
        var report = contractor.Locator("[data-test=report-dialog]");
        await Expect(report.Locator("[data-test=report-late-hint]")).ToContainTextAsync("已超过报送期限");
        await Forms.FillAsync(report, "工作开展情况", "走访困境老人42户，开展青少年四点半课堂8次。");
        await report.Locator("[data-test=report-file]").SetInputFilesAsync(Forms.Pdf("月度工作简报.pdf"));
        await report.Locator("[data-test=report-save]").ClickAsync();
        // Nothing is filed late without its reason.
        await Expect(contractor.Locator(".el-message--error")).ToContainTextAsync("超期原因");
        await Forms.FillAsync(report, "超期原因", "系统上线前以纸质报送，现补录。");
        await report.Locator("[data-test=report-save]").ClickAsync();
        await Expect(contractor.Locator($"[data-test=report-state-{firstMonth}]")).ToContainTextAsync("超期报送");

        // The bureau commissions the third-party evaluation.
        await bureau.ReloadAsync();
        await bureau.Locator("[data-test=evaluation-commission]").ClickAsync();
        await Forms.Dialog(bureau, "委托评估").Locator("[data-test=commission-save]").ClickAsync();
        await Expect(bureau.Locator("[data-test=evaluation-summary]")).ToContainTextAsync("已委托");

        // The evaluator runs the beneficiaries' survey (R-PS-06, ADR 0036): 29 paper questionnaires through the API, the 30th on the page;
        // the satisfaction indicator then scores the survey (6 非常满意 and 24 满意: 80) and is not typed. It scores the rest, with one finding.
        var number = (await bureau.Locator("[data-test=contract-number]").InnerTextAsync()).Trim();
        await using (var api = await Api.SignInAsync(host, "yaohai.evaluator"))
        {
            var eid = (await api.GetAsync("/api/purchasing/evaluations")).EnumerateArray()
                .Single(e => e.GetProperty("contractNumber").GetString() == number).GetProperty("id").GetString()!;
            for (var i = 0; i < 29; i++)
            {
                var level = i < 6 ? "VerySatisfied" : "Satisfied";
                await api.PostAsync($"/api/purchasing/evaluations/{eid}/survey/responses",
                    new { overall = level, quality = level, effect = level, attitude = level, efficiency = level, closeness = level, openness = level });
            }
        }
        var evaluator = await host.NewPageAsync(1366, 900);
        await Pages.SignInAsync(evaluator, "yaohai.evaluator");
        await evaluator.Locator("[data-test=menu-purchase-evaluations]").ClickAsync();
        await evaluator.Locator($"[data-test=purchase-evaluation-score-{number}]").ClickAsync();
        var score = evaluator.Locator("[data-test=score-dialog]");
        await Expect(score.Locator("[data-test=survey-count]")).ToContainTextAsync("已录入29份 / 最少30份");
        await Expect(score.Locator("[data-test=survey-short]")).ToContainTextAsync("还差1份");
        await Expect(score.Locator("[data-test=score-1] input")).ToBeDisabledAsync();
        await score.Locator("[data-test=survey-enter]").ClickAsync();
        var sheet = evaluator.Locator(".el-dialog").Filter(new() { Has = evaluator.Locator("[data-test=form-survey]") });
        await Expect(sheet).ToContainTextAsync("服务总体评价");
        await sheet.GetByRole(AriaRole.Button, new() { Name = "满意", Exact = true }).ClickAsync();
        await sheet.Locator("[data-test=step-submit]").ClickAsync();
        await Expect(score.Locator("[data-test=survey-count]")).ToContainTextAsync("已录入30份 / 最少30份");
        await Expect(score.Locator("[data-test=survey-result]")).ToContainTextAsync("测评得分80");
        await sheet.GetByRole(AriaRole.Button, new() { Name = "取消" }).ClickAsync();
        await Expect(score.Locator("[data-test=score-1] input")).ToHaveValueAsync("80");
        foreach (var (i, value) in new[] { (0, "85"), (2, "80") })
        {
            var input = score.Locator($"[data-test=score-{i}] input");
            await input.FillAsync(value);
            await input.PressAsync("Tab");
        }
        await Forms.FillAsync(score, "评估结论", "服务开展扎实，台账需完善。");
        await score.Locator("[data-test=finding-add]").ClickAsync();
        await Forms.FillAsync(score, "问题 1", "服务台账签字不全");
        await score.Locator("[data-test=score-save]").ClickAsync();
        await Expect(evaluator.Locator($"[data-test=purchase-evaluation-state-{number}]")).ToHaveTextAsync("已评分");

        // The bureau accepts the result: the finding becomes a rectification.
        await bureau.ReloadAsync();
        await Expect(bureau.Locator("[data-test=evaluation-summary]")).ToContainTextAsync("已评分");
        await bureau.Locator("[data-test=evaluation-accept]").ClickAsync();
        await Expect(bureau.Locator("[data-test=rectification-state-0]")).ToHaveTextAsync("待整改");

        // The contractor rectifies; the bureau closes it.
        await contractor.ReloadAsync();
        await contractor.Locator("[data-test=rectification-evidence-0]").ClickAsync();
        var evidence = contractor.Locator("[data-test=evidence-dialog]");
        await Forms.FillAsync(evidence, "整改情况", "已补齐全部服务台账签字。");
        await evidence.Locator("[data-test=evidence-save]").ClickAsync();
        await Expect(contractor.Locator("[data-test=rectification-state-0]")).ToHaveTextAsync("已提交整改材料");
        await bureau.ReloadAsync();
        await bureau.Locator("[data-test=rectification-close-0]").ClickAsync();
        await Expect(bureau.Locator("[data-test=rectification-state-0]")).ToHaveTextAsync("已销号");

        // A penalty under the contract's clause, against the first instalment; accepted, it is due less the penalty.
        await bureau.Locator("[data-test=penalty-record]").ClickAsync();
        var penalty = bureau.Locator("[data-test=penalty-dialog]");
        await Forms.FillAsync(penalty, "扣款金额（元）", "2000");
        await Forms.FillAsync(penalty, "原因", "月度简报超期报送");
        await penalty.Locator("[data-test=penalty-save]").ClickAsync();
        await Expect(bureau.Locator("[data-test=instalment-penalty-1]")).ToContainTextAsync("2,000.00 元");
        await bureau.Locator("[data-test=instalment-accept-1]").ClickAsync();
        await bureau.Locator(".el-message-box").GetByRole(AriaRole.Button, new() { Name = "确定" }).ClickAsync();
        await Expect(bureau.Locator("[data-test=instalment-table]")).ToContainTextAsync("已验收");
        await Expect(bureau.Locator("[data-test=instalment-due-1]")).ToContainTextAsync("8.80 万元");

        // Paid through the ledger from the district's ring-fenced purchased-service money, less the penalty and not a fen more (R-FD-07).
        await bureau.Locator("[data-test=instalment-pay-1]").ClickAsync();
        var pay = bureau.Locator("[data-test=pay-dialog]");
        await Expect(pay).ToContainTextAsync("购买服务专项资金");
        await Expect(pay.GetByLabel("本次支付金额（元）", new() { Exact = true })).ToHaveValueAsync("88000.00");
        await Forms.FillAsync(pay, "本次支付金额（元）", "88000.01");
        await pay.Locator("[data-test=pay-save]").ClickAsync();
        await Expect(bureau.Locator(".el-message--error")).ToContainTextAsync("超出该期应付金额");
        await Forms.FillAsync(pay, "本次支付金额（元）", "88000.00");
        await Forms.FillAsync(pay, "凭证号", "瑶财支付〔测试〕1号");
        await pay.Locator("[data-test=pay-save]").ClickAsync();
        await Expect(bureau.Locator("[data-test=instalment-paid-1]")).ToContainTextAsync("8.80 万元");
        await Expect(bureau.Locator("[data-test=instalment-due-1]")).ToContainTextAsync("0.00");
        await Expect(bureau.Locator("[data-test=instalment-pay-1]")).ToHaveCountAsync(0);

        // Dongguan: no menu entry, and the API answers as if nothing were there.
        var dongguan = await host.NewPageAsync(1366, 900);
        await Pages.SignInAsync(dongguan, "city.admin");
        await Expect(dongguan.Locator("[data-test=menu-purchasing]")).ToHaveCountAsync(0);
        var answer = await dongguan.APIRequest.GetAsync("/api/purchasing/contracts");
        Assert.Equal(404, answer.Status);
    }
}
