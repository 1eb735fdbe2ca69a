using System.Text.RegularExpressions;
using Guanjia.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Guanjia.E2E.Tests.Portal;

/// <summary>
/// The online satisfaction survey at phone width (issue 6, R-MS-14): the demo's 新村路太阳能路灯 is finished and its completion
/// form filed through the API, so the town's survey is open. The town commissions a third-party evaluator, who signs in to
/// its one page and enters a paper questionnaire with the 其他 row (R-MS-18); a resident finds the survey from the project's
/// notice on 公示, verifies the phone with a code, answers the seven aspects and is thanked; the same phone cannot answer
/// again. The town's paper answers then make the 30 that close it, and the result notice shows the rate.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OnlineSurveyJourneyTests(HostFixture host)
{
    private const string ProjectName = "新村路太阳能路灯（演示）";
    private const string Phone = "13912340088";

    private static readonly string[] Aspects = ["overall", "quality", "effect", "attitude", "efficiency", "closeness", "openness"];

    /// <summary>The demo project under way: completed, its completion form filed, awaiting the town's survey.</summary>
    private async Task<(string Id, string Number)> AwaitingSurveyAsync(Api village)
    {
        var list = await village.GetAsync("/api/micro-projects?q=" + Uri.EscapeDataString(ProjectName));
        var row = list.GetProperty("items")[0];
        var id = row.GetProperty("id").GetString()!;
        var budget = row.GetProperty("budgetFen").GetInt64();
        await village.PostAsync($"/api/micro-projects/{id}/complete", new { note = "路灯全部安装调试完毕" });
        var photo = await village.UploadAsync(id, "Photo", Forms.Jpeg("完工照片.jpg"));
        foreach (var kind in new[] { "StampedRegistrationForm", "Contract", "Invoice" })
            await village.UploadAsync(id, kind, Forms.Pdf($"{kind}.pdf"));
        var detail = await village.PostAsync($"/api/micro-projects/{id}/completion", new
        {
            periodFrom = DirectWish.Today(-12), periodTo = DirectWish.Today(), beneficiaries = "新村路沿线居民", beneficiaryCount = 600,
            budgeted = new { programmeFen = budget, villageFen = 0L, socialFen = 0L },
            actual = new { programmeFen = budget - 200_000, villageFen = 0L, socialFen = 0L },
            works = new { content = "新村路增设太阳能路灯12盏并修复旧灯", unit = "盏", plannedQuantity = 12, actualQuantity = 12 },
            outcomePhotoIds = new[] { photo }, tendered = false,
        });
        Assert.Equal("AwaitingSurvey", detail.GetProperty("state").GetString());
        return (id, detail.GetProperty("number").GetString()!);
    }

    // R-MS-14
    [BrowserFact]
    public async Task A_resident_answers_the_survey_once_from_the_phone()
    {
        await using var village = await Api.SignInAsync(host, "dongcheng.village");
        var (id, number) = await AwaitingSurveyAsync(village);

        // The town shares the survey's link from the project's page (a chat group, a notice board's QR code).
        var desk = await host.NewPageAsync(1366, 900);
        await Pages.SignInAsync(desk, "dongcheng.lead");
        await desk.GotoAsync($"/projects/{id}");
        await Expect(desk.Locator("[data-test=survey-url]")).ToHaveValueAsync(new Regex($"/portal/surveys/{number}$"));

        // R-MS-18: the town commissions a third-party evaluator to run the survey with it.
        var commissions = desk.Locator("[data-test=commissions]");
        await Forms.ChooseAsync(desk, commissions, "第三方评估机构", "东莞市明衡社会服务评估中心");
        await commissions.GetByLabel("委托说明").FillAsync("入户发放纸质问卷，不少于30份");
        await commissions.Locator("[data-test=commission-submit]").ClickAsync();
        await Expect(commissions.Locator("[data-test=commission-list]")).ToContainTextAsync("东莞市明衡社会服务评估中心");
        await Expect(commissions.Locator("[data-test=commission-list]")).ToContainTextAsync("受托中");
        await commissions.ScrollIntoViewIfNeededAsync();
        await Screens.SaveAsync(desk, "project-survey-commission", key: true);
        await desk.Context.CloseAsync();

        // The evaluator signs in to its one page: the commissioned project, and nothing else in the menu or behind it.
        var evaluator = await host.NewPageAsync(1366, 900);
        await Pages.SignInAsync(evaluator, "evaluator.demo");
        await Expect(evaluator).ToHaveURLAsync(new Regex("/evaluations$"));
        await Expect(evaluator.Locator(".staff-menu [data-test^=menu-]")).ToHaveCountAsync(1);
        await Expect(evaluator.Locator("[data-test=menu-evaluations]")).ToContainTextAsync("受托测评");
        var commissioned = evaluator.Locator("[data-test=evaluation-table]");
        await Expect(commissioned).ToContainTextAsync(ProjectName);
        await evaluator.Locator($"[data-test=evaluation-enter-{number}]").ClickAsync();
        var sheet = evaluator.GetByRole(AriaRole.Dialog, new() { Name = $"录入满意度测评表 · {ProjectName}" });
        await sheet.GetByRole(AriaRole.Button, new() { Name = "满意", Exact = true }).ClickAsync();
        // The eighth row 其他 (R-MS-14): what the respondent rates besides the seven, and its level.
        await sheet.GetByLabel("其他评价事项").FillAsync("施工期间文明施工");
        await Forms.CheckAsync(sheet.Locator("[data-test=survey-other-level]"), "非常满意");
        await Screens.SaveAsync(evaluator, "evaluator-survey-form", key: true);
        await sheet.Locator("[data-test=step-submit]").ClickAsync();
        await Expect(evaluator.Locator($"[data-test=evaluation-count-{number}]")).ToContainTextAsync("1 / 最少 30 份");
        await sheet.GetByRole(AriaRole.Button, new() { Name = "取消" }).ClickAsync();
        await Screens.SaveAsync(evaluator, "evaluator-projects", key: true);
        // Any other page leads back to its own.
        await evaluator.GotoAsync("/appeals");
        await Expect(evaluator).ToHaveURLAsync(new Regex("/evaluations$"));
        await evaluator.Context.CloseAsync();

        // 公示 → all notices → the project's notice leads to its survey.
        var phone = await host.NewPageAsync(390, 844, mobile: true);
        await phone.GotoAsync("/portal/publicity");
        await phone.Locator("[data-test=portal-publicity] label.el-radio-button").Filter(new() { HasText = "全部" }).ClickAsync();
        var notice = phone.Locator("[data-test=notice]").Filter(new() { HasText = ProjectName }).First;
        await notice.Locator("[data-test=notice-survey]").ClickAsync();
        await phone.WaitForURLAsync($"**/portal/surveys/{number}");

        var page = phone.Locator("[data-test=portal-survey]");
        await Expect(page).ToContainTextAsync(ProjectName);
        await Expect(page).ToContainTextAsync("已有 1 人参与（不少于 30 人）");
        // Nothing answered: each aspect, the phone and the code say what they need; nothing is sent.
        await page.Locator("[data-test=survey-submit]").ClickAsync();
        var unanswered = page.Locator(".el-form-item__error").Filter(new() { HasText = "请选择一项评价" });
        await Expect(unanswered).ToHaveCountAsync(7);
        await Expect(page).ToContainTextAsync("请填写11位手机号码");
        // The button is at the bottom of a long form: the first question with a message comes into sight.
        await Expect(unanswered.First).ToBeInViewportAsync();

        // Six aspects by tapping, the last by keyboard: 非常满意, then the arrow key moves to 满意.
        foreach (var aspect in Aspects[..6])
            await Level(page, aspect, "非常满意").ClickAsync();
        await Level(page, "openness", "非常满意").ClickAsync();
        await page.Locator("[data-test=aspect-openness] input[type=radio]").First.PressAsync("ArrowDown");
        await Expect(page.Locator("[data-test=aspect-openness] label.is-checked")).ToHaveTextAsync("满意");
        await Expect(page.Locator(".el-form-item__error").Filter(new() { HasText = "请选择一项评价" })).ToHaveCountAsync(0);
        await page.GetByLabel("意见建议（可不填）").FillAsync("路灯很亮，希望定期检修");
        await page.GetByLabel("手机号码", new() { Exact = true }).FillAsync(Phone);
        await page.Locator("[data-test=send-code]").ClickAsync();
        var firstCodeSent = System.Diagnostics.Stopwatch.StartNew();
        await Expect(page.Locator("[data-test=send-code]")).ToBeDisabledAsync();
        var hint = page.Locator("[data-test=dev-code]");
        await Expect(hint).ToContainTextAsync(new Regex("\\d{6}"));
        var code = Regex.Match(await hint.InnerTextAsync(), "\\d{6}").Value;
        await page.Locator("#s-code").FillAsync(code);
        Assert.False(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth"), "the survey scrolls sideways at 390 px");
        await page.Locator("[data-test=survey-submit]").ScrollIntoViewIfNeededAsync();
        await Screens.SaveAsync(phone, "portal-survey-form", key: true);
        await page.Locator("[data-test=survey-submit]").ClickAsync();
        await Expect(page.Locator("[data-test=survey-thanks]")).ToContainTextAsync("感谢您的评价！");
        // The count includes the answer just given, and the thanks is seen from the top of the page.
        await Expect(page).ToContainTextAsync("已有 2 人参与（不少于 30 人）");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "满意度测评" })).ToBeInViewportAsync();
        await Screens.SaveAsync(phone, "portal-survey-thanks", key: true);

        // Once per phone: another visit with the same phone, with a fresh code (a code is used up by its answer, and the
        // API says nothing about a phone without its code), is refused with the API's words, in Chinese.
        await phone.ReloadAsync();
        await Expect(page).ToContainTextAsync("已有 2 人参与（不少于 30 人）");
        foreach (var aspect in Aspects)
            await Level(page, aspect, "不满意").ClickAsync();
        await page.GetByLabel("手机号码", new() { Exact = true }).FillAsync(Phone);
        await page.Locator("#s-code").FillAsync(code);
        await page.Locator("[data-test=survey-submit]").ClickAsync();
        await Expect(page.Locator("[data-test=survey-problem], .el-form-item__error").Filter(new() { HasText = "验证码" }).First).ToBeVisibleAsync();
        // One code a minute per phone (the SMS gateway's limit): wait out the first code's minute.
        var wait = TimeSpan.FromSeconds(61) - firstCodeSent.Elapsed;
        if (wait > TimeSpan.Zero) await Task.Delay(wait);
        await page.Locator("[data-test=send-code]").ClickAsync();
        await Expect(hint).Not.ToContainTextAsync(code);
        var second = Regex.Match(await hint.InnerTextAsync(), "\\d{6}").Value;
        await page.Locator("#s-code").FillAsync(second);
        await page.Locator("[data-test=survey-submit]").ClickAsync();
        var refused = page.Locator("[data-test=survey-problem]");
        await Expect(refused).ToContainTextAsync("该手机号已参与本项目的满意度测评");
        // Shown by the button just tapped, not at the top of a long form out of sight.
        await Expect(refused).ToBeInViewportAsync();
        await Expect(page.Locator("[data-test=survey-thanks]")).ToHaveCountAsync(0);
        await Screens.SaveAsync(phone, "portal-survey-refused", key: true);

        // The town's 28 paper answers, the evaluator's and the online one make 30: it closes the survey and publishes the result.
        await using (var town = await Api.SignInAsync(host, "dongcheng.lead"))
        {
            var staff = await town.GetAsync($"/api/micro-projects/{id}/survey");
            Assert.Equal(2, staff.GetProperty("summary").GetProperty("responses").GetInt32());
            for (var i = 0; i < 28; i++)
            {
                var level = i % 4 == 0 ? "Satisfied" : "VerySatisfied";
                await town.PostAsync($"/api/micro-projects/{id}/survey-responses", new
                {
                    overall = level, quality = level, effect = level, attitude = level, efficiency = level, closeness = level, openness = level,
                });
            }
            await town.PostAsync($"/api/micro-projects/{id}/survey/finish", new { });
        }
        // Reached by its number from the portal's home page, the closed survey shows its published result.
        await phone.GotoAsync("/portal");
        await phone.Locator("#home-survey-number").FillAsync(number.ToLowerInvariant());
        await phone.Locator("#home-survey-number").PressAsync("Enter");
        await phone.WaitForURLAsync($"**/portal/surveys/{number}");
        await Expect(page.Locator("[data-test=survey-closed]")).ToContainTextAsync("测评已结束");
        await Expect(page).ToContainTextAsync("已有 30 人参与");
        await Expect(page.Locator("[data-test=survey-result]")).ToContainTextAsync("满意率");
        await Expect(page.Locator("[data-test=survey-result]")).ToContainTextAsync("30");

        await phone.GotoAsync("/portal/publicity");
        await phone.Locator("[data-test=portal-publicity] label.el-radio-button").Filter(new() { HasText = "办理结果" }).ClickAsync();
        var result = phone.Locator("[data-test=notice]").Filter(new() { HasText = ProjectName }).First;
        await Expect(result).ToContainTextAsync("30）");
        // The result carries the rate itself; it no longer invites to a survey that is over.
        await Expect(result.Locator("[data-test=notice-survey]")).ToHaveCountAsync(0);
    }

    private static ILocator Level(ILocator page, string aspect, string level) =>
        page.Locator($"[data-test=aspect-{aspect}]").GetByText(level, new() { Exact = true });
}
