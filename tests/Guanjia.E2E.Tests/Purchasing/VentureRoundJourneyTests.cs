using Guanjia.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Guanjia.E2E.Tests.Purchasing;

/// <summary>
/// Issue 14 §5 in the browser (R-PS-02, R-CA-10, ADR 0035): from the purchasing page 瑶海区民政局 drafts a micro venture-philanthropy
/// round for 红光街道 (application window from today to the year's end, on the real clock the host runs on), publishes it, records a
/// building team's application, a panel member scores it, the round funds it and the funded project takes its first progress entry.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class VentureRoundJourneyTests(HostFixture host)
{
    // R-PS-02, R-CA-10
    [BrowserFact]
    public async Task The_bureau_creates_a_round_an_application_is_scored_and_funded_and_the_funded_project_shows_its_progress()
    {
        var title = $"红光街道微公益创投{Guid.NewGuid():N}"[..20];
        const string project = "楼道微治理";
        var page = await host.NewPageAsync(1366, 900);
        await Pages.SignInAsync(page, "yaohai.admin");
        await page.Locator("[data-test=menu-purchasing]").ClickAsync();
        await page.Locator("[data-test=venture-link]").ClickAsync();

        // The call: street, title, budget and cap in yuan, the default criteria (30 + 40 + 30 %), a panel of two.
        await page.Locator("[data-test=round-create]").ClickAsync();
        var call = page.Locator("[data-test=round-dialog]");
        await Forms.ChooseAsync(page, call, "街道（乡镇、开发区）", "红光街道");
        await Forms.FillAsync(call, "创投活动名称", title);
        await Forms.FillAsync(call, "本届预算（元）", "50000");
        await Forms.FillAsync(call, "单个项目资助上限（元）", "20000");
        await Forms.FillAsync(call, "评审小组", "张评审，李评审");
        await call.Locator("[data-test=round-save]").ClickAsync();
        await Expect(page.Locator("[data-test=round-state]")).ToHaveTextAsync("草拟");
        await page.Locator("[data-test=round-publish]").ClickAsync();
        await Expect(page.Locator("[data-test=round-state]")).ToHaveTextAsync("申报中");

        // A building team's application within the cap.
        await page.Locator("[data-test=round-apply]").ClickAsync();
        var apply = page.Locator("[data-test=apply-dialog]");
        await Forms.FillAsync(apply, "申报主体", "红光街道3号楼“两长多员”团队");
        await Forms.FillAsync(apply, "项目名称", project);
        await Forms.FillAsync(apply, "项目简介", "楼栋居民自我管理，整治楼道堆物，组织邻里互助。");
        await Forms.FillAsync(apply, "申请金额（元）", "15000");
        var people = apply.Locator("[data-test=apply-beneficiaries] input");
        await people.FillAsync("120");
        await people.PressAsync("Tab");
        await apply.Locator("[data-test=apply-save]").ClickAsync();
        await Expect(page.Locator("[data-test=application-table]")).ToContainTextAsync(project);

        // The review: 张评审 scores every criterion 80; the application's mean is 80.
        await page.Locator("[data-test=round-review]").ClickAsync();
        await Expect(page.Locator("[data-test=round-state]")).ToHaveTextAsync("评审中");
        await page.Locator($"[data-test='score-open-{project}']").ClickAsync();
        var sheet = page.Locator("[data-test=score-dialog]");
        foreach (var criterion in new[] { "需求分析", "项目设计", "可行性与预算" })
        {
            var input = sheet.Locator($"[data-test='score-{criterion}'] input");
            await input.FillAsync("80");
            await input.PressAsync("Tab");
        }
        await sheet.Locator("[data-test=score-save]").ClickAsync();
        await Expect(page.Locator($"[data-test='score-{project}']")).ToHaveTextAsync("80");

        // The decision funds it with what it asked, within the budget.
        await page.Locator("[data-test=round-decide]").ClickAsync();
        var decide = page.Locator("[data-test=decide-dialog]");
        await decide.Locator($"[data-test='fund-{project}']").ClickAsync();
        await decide.Locator("[data-test=decide-save]").ClickAsync();
        await Expect(page.Locator("[data-test=round-state]")).ToHaveTextAsync("已确定资助");

        // The funded project and its first progress entry.
        var card = page.Locator($"[data-test='project-{project}']");
        await Expect(card).ToContainTextAsync("获资助");
        await card.Locator($"[data-test='progress-{project}']").ClickAsync();
        var progress = page.Locator("[data-test=progress-dialog]");
        await Forms.FillAsync(progress, "进展情况", "清理楼道堆物12处，成立楼栋互助小组。");
        await progress.Locator("[data-test=progress-save]").ClickAsync();
        await Expect(card).ToContainTextAsync("清理楼道堆物12处");
    }
}
