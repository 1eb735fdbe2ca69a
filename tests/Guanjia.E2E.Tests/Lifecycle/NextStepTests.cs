using Guanjia.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Guanjia.E2E.Tests.Lifecycle;

/// <summary>
/// Issue 17 point 3: on a phone an appeal and a project open with their state and the one next step as the primary button, in the
/// first screen, then the facts; a project offers only the documents that exist.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class NextStepTests(HostFixture host)
{
    [BrowserFact]
    public async Task An_appeal_and_a_project_open_on_a_phone_with_the_state_and_the_next_step_in_the_first_screen()
    {
        string appealId, projectId;
        await using (var api = await Api.SignInAsync(host, "dongcheng.village"))
        {
            var me = await api.GetAsync("/api/auth/me");
            var appeal = await api.PostAsync("/api/appeals", new
            {
                channel = "GridWorker", title = "小区门口人行道砖块松动", description = "人行道砖块松动，雨天溅水，老人易绊倒", villageId = me.GetProperty("organizationId").GetString(),
                appellantName = "黄志强", appellantPhone = "13800138555", collection = "Daily", category = "ConvenienceWorks",
            });
            appealId = appeal.GetProperty("id").GetString()!;
            // A project of its own, awaiting its consultation: the demo's may have been moved on by another journey.
            var other = await api.PostAsync("/api/appeals", new
            {
                channel = "GridWorker", title = "小区门口路灯不亮", description = "路灯损坏，夜间出行不便", villageId = me.GetProperty("organizationId").GetString(),
                appellantName = "黄志强", appellantPhone = "13800138556", collection = "Daily", category = "ConvenienceWorks",
            });
            var otherId = other.GetProperty("id").GetString();
            await api.PostAsync($"/api/appeals/{otherId}/acknowledge", new { note = "已接收" });
            var decided = await api.PostAsync($"/api/appeals/{otherId}/committee-decision", new
            {
                meetingAt = DateTimeOffset.UtcNow, outcome = "MicroProject", includeInPlan = true, note = "同意列入民生微实事",
                projectName = "小区门口路灯修复", category = "ConvenienceWorks",
            });
            projectId = decided.GetProperty("projectId").GetString()!;
        }

        var phone = await host.NewPageAsync(390, 844, mobile: true);
        await Pages.SignInAsync(phone, "dongcheng.village");
        await phone.GotoAsync($"/appeals/{appealId}");
        var head = phone.Locator("[data-test=appeal-head]");
        await Expect(head.Locator("[data-test=appeal-state]")).ToBeInViewportAsync();
        var next = head.Locator("[data-test=next-step]");
        var acknowledge = next.Locator("[data-test=action-Acknowledge]");
        await Expect(acknowledge).ToBeInViewportAsync();
        await Expect(acknowledge).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("el-button--primary"));
        // The deadline the step meets is said next to it.
        await Expect(next.Locator("[data-test=next-step-due]")).ToContainTextAsync("截止");
        // The facts come after the step.
        var headBottom = (await head.BoundingBoxAsync())!.Y + (await head.BoundingBoxAsync())!.Height;
        var contactTop = (await phone.Locator("[data-test=appeal-contact]").BoundingBoxAsync())!.Y;
        Assert.True(contactTop >= headBottom, "the facts are below the next step");
        await Screens.SaveAsync(phone, "appeal-phone-next-step", key: true);

        await phone.GotoAsync($"/projects/{projectId}");
        var projectHead = phone.Locator("[data-test=project-head]");
        await Expect(projectHead.Locator("[data-test=project-state]")).ToContainTextAsync("待协商");
        var consult = projectHead.Locator("[data-test=action-RecordConsultation]");
        await Expect(consult).ToBeInViewportAsync();
        await Expect(consult).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("el-button--primary"));
        // Before the consultation there is no registration form, completion form or survey to download, and no empty registration table.
        await Expect(phone.Locator("[data-test=project-documents]")).ToHaveCountAsync(0);
        await Expect(phone.Locator("[data-test=project-registration]")).ToHaveCountAsync(0);
        await Screens.SaveAsync(phone, "project-phone-next-step", key: true);
        await consult.ClickAsync();
        await Expect(Forms.Dialog(phone, "记录社区协商")).ToBeVisibleAsync();
    }
}
