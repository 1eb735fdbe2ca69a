using Guanjia.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Guanjia.E2E.Tests.Lifecycle;

/// <summary>
/// R-IN-05, R-MS-16 (issue 12): a project under 50,000 CNY is not reviewed by the town, so the village checks it against the
/// current policy list when it files the registration form, with the catalogue's matches shown; the filing is the proposer's
/// decision feedback. The demo's 社区篮球场照明改造 is consulted at 3万元 through the API; the village files it in the browser.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SmallProjectFilingTests(HostFixture host)
{
    private const string ProjectName = "社区篮球场照明改造（演示）";

    // R-IN-05, R-MS-16
    [BrowserFact]
    public async Task The_village_files_a_small_project_with_its_policy_check_and_the_proposer_is_told()
    {
        string id, appealId;
        await using (var village = await Api.SignInAsync(host, "dongcheng.village"))
        {
            var list = await village.GetAsync("/api/micro-projects?q=" + Uri.EscapeDataString(ProjectName));
            var row = list.GetProperty("items")[0];
            id = row.GetProperty("id").GetString()!;
            Assert.Equal("AwaitingConsultation", row.GetProperty("state").GetString());
            var minutes = await village.UploadAsync(id, "Minutes", Forms.Pdf("篮球场协商记录.pdf"));
            var consulted = await village.PostAsync($"/api/micro-projects/{id}/consultations", new
            {
                heldAt = DateTimeOffset.UtcNow.AddSeconds(-5), place = "岗贝社区党群服务中心", host = "李书记", recorder = "王干事", form = "TopicalCouncil",
                participantTypes = new[] { "VillagersCommittee", "Beneficiaries" }, headCount = 18, passed = true,
                content = "篮球场更换LED投光灯6盏", beneficiaries = "岗贝社区居民", route = "Express", budgetFen = 3_000_000L,
                fundingSources = new[] { "ProgrammeFund" }, implementingBody = "岗贝社区居民委员会", implementationPeriod = "公示期满后1个月内",
                minutesAttachmentId = minutes,
            });
            Assert.Equal("Consulted", consulted.GetProperty("state").GetString());
            appealId = consulted.GetProperty("appealId").GetString()!;
        }

        var page = await host.NewPageAsync(1366, 900);
        await Pages.SignInAsync(page, "dongcheng.village");
        await page.GotoAsync($"/projects/{id}");
        await page.Locator("[data-test=action-FileRegistration]").ClickAsync();
        var reg = Forms.Dialog(page, "填报登记备案表");
        await Expect(reg.Locator("[data-test=reg-budget]")).ToContainTextAsync("备案后由村（社区）自行公示实施");
        var check = reg.Locator("[data-test=reg-policy-check]");
        await Expect(check).ToContainTextAsync("现行政策核对（R-IN-05）");
        // The catalogue's answer is shown either way: its matches, or that it has none.
        await Expect(check.Locator("[data-test=reg-policy-matches]")).ToContainTextAsync("政策");
        await Forms.ChooseAsync(page, reg, "项目类别与具体内容", "公共设施完善");
        await Forms.ChooseAsync(page, reg, "来源渠道", "群众提议");
        await Forms.FillAsync(reg, "实施地点", "岗贝社区篮球场");
        await Forms.FillAsync(reg, "项目联系人", "王干事");
        await Forms.FillAsync(reg, "职务", "社区专职工作人员");
        await Forms.FillAsync(reg, "联系电话", "0769-22001234");
        // The check is required: nothing is sent before it is answered.
        await reg.Locator("[data-test=step-submit]").ClickAsync();
        await Expect(reg).ToContainTextAsync("请对照现行民生保障政策清单核对可否由现行政策解决");
        await Forms.CheckAsync(reg.Locator("[data-test=reg-resolvable]"), "可由现行政策解决");
        await Expect(check).ToContainTextAsync("项目将转相关部门按现行政策办理");
        await Forms.CheckAsync(reg.Locator("[data-test=reg-resolvable]"), "不能由现行政策解决");
        await Forms.FillAsync(reg, "核对说明", "对照现行民生保障政策清单，篮球场照明不属于现行政策保障范围。");
        await check.ScrollIntoViewIfNeededAsync();
        await Screens.SaveAsync(page, "project-registration-policy-check", key: true);
        await reg.Locator("[data-test=step-submit]").ClickAsync();

        await Expect(page.Locator("[data-test=project-state]")).ToHaveTextAsync("待公示");
        await Expect(page.Locator("[data-test=project-head]")).ToContainTextAsync("5万元以下");
        await Expect(page.Locator("[data-test=project-policy-check]")).ToContainTextAsync("不能由现行政策解决");

        // R-MS-16: the filing is the decision feedback to the proposer.
        await page.GotoAsync($"/appeals/{appealId}");
        await Expect(page.Locator("[data-test=appeal-messages]")).ToContainTextAsync("村（社区）备案：专项资金资助");
    }
}
