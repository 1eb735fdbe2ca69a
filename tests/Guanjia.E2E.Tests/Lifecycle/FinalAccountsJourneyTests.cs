using Guanjia.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Guanjia.E2E.Tests.Lifecycle;

/// <summary>
/// R-MS-19 (issue 12): after a project closes, the town completes its final accounts and audit and publishes the audit
/// result with the use of funds and the effect. 东城街道's lead opens the demo's closed 小游园 project, uploads the audit
/// report from the step's form, records the accounts; the portal's 公示 shows them under 决算审计.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FinalAccountsJourneyTests(HostFixture host)
{
    private const string ProjectName = "小游园增设晾衣架和路灯（演示）";

    // R-MS-19
    [BrowserFact]
    public async Task The_town_records_a_closed_projects_final_accounts_and_the_portal_publishes_them()
    {
        string id;
        await using (var api = await Api.SignInAsync(host, "dongcheng.lead"))
        {
            var list = await api.GetAsync("/api/micro-projects?q=" + Uri.EscapeDataString(ProjectName));
            var row = list.GetProperty("items")[0];
            Assert.Equal("Closed", row.GetProperty("state").GetString());
            id = row.GetProperty("id").GetString()!;
        }

        var lead = await host.NewPageAsync(1366, 900);
        await Pages.SignInAsync(lead, "dongcheng.lead");
        await lead.GotoAsync($"/projects/{id}");
        await Expect(lead.Locator("[data-test=project-state]")).ToHaveTextAsync("已办结");
        // The closed project's deadline of the final accounts, owed by the town.
        await Expect(lead.Locator("[data-test=deadline-table]")).ToContainTextAsync("完成项目决算和审计并公示");

        await lead.Locator("[data-test=action-RecordFinalAccounts]").ClickAsync();
        var form = Forms.Dialog(lead, "录入决算审计结果");
        // What was spent on completion (2.65 + 0.2 万元) is the amount offered.
        await Expect(form.Locator("[data-test=fa-money]")).ToContainTextAsync("2.85 万元");
        await Expect(form.Locator("#fa-amount")).ToHaveValueAsync("2.85");
        await form.Locator("[data-test=step-submit]").ClickAsync();
        await Expect(form).ToContainTextAsync("请上传审计报告");
        await Expect(form).ToContainTextAsync("审计单位不能为空");
        await form.Locator("input#fa-report").SetInputFilesAsync(Forms.Pdf("审计报告.pdf"));
        await Expect(form).ToContainTextAsync("✓ 审计报告.pdf");
        await Forms.FillAsync(form, "审计单位", "东莞市明信会计师事务所（演示）");
        await Forms.FillAsync(form, "审计结果", "资金使用符合规定，决算金额2.85万元，未发现违规支出。");
        await Forms.FillAsync(form, "实施效果", "晾衣架和路灯已投入使用，周边居民夜间出行和晾晒更加方便。");
        await Screens.SaveAsync(lead, "project-final-accounts-form", key: true);
        await form.Locator("[data-test=step-submit]").ClickAsync();

        var accounts = lead.Locator("[data-test=final-accounts]");
        await Expect(accounts).ToContainTextAsync("东莞市明信会计师事务所（演示）");
        await Expect(accounts).ToContainTextAsync("2.85 万元");
        await Expect(lead.Locator("[data-test=attachments]")).ToContainTextAsync("审计报告.pdf");
        // Once per project: the step is done.
        await Expect(lead.Locator("[data-test=action-RecordFinalAccounts]")).ToHaveCountAsync(0);

        // The public board, on a phone: 决算审计 beside the results, nothing personal.
        var phone = await host.NewPageAsync(390, 844, mobile: true);
        await phone.GotoAsync("/portal/publicity");
        await phone.Locator("[data-test=portal-publicity] label.el-radio-button").Filter(new() { HasText = "决算审计" }).ClickAsync();
        var notice = phone.Locator("[data-test=notice]").Filter(new() { HasText = ProjectName }).First;
        await Expect(notice).ToContainTextAsync("决算审计结果及资金使用情况");
        await Expect(notice.Locator("[data-test=notice-final-accounts]")).ToHaveTextAsync("2.85 万元");
        await Expect(notice.Locator("[data-test=notice-audit-result]")).ToContainTextAsync("未发现违规支出");
        await Expect(notice).Not.ToContainTextAsync("13900000016");
        Assert.False(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth"), "the board scrolls sideways at 390 px");
        await Screens.SaveAsync(phone, "portal-audit", key: true);
    }
}
