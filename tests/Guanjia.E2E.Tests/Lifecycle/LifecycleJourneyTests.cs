using System.Text.RegularExpressions;
using Guanjia.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Guanjia.E2E.Tests.Lifecycle;

/// <summary>
/// Issue 3 end to end in the browser: a resident raises an appeal on the portal at phone width and tracks
/// it; 岗贝社区 acknowledges it, holds the committee meeting and the consultation with its uploaded minutes
/// and files a 12万元 registration form, which goes to 东城街道; the finance department gives its opinion;
/// the town lead answers the four checks, names where the money comes from (R-MS-20) and publishes it on all five
/// linked platforms (R-MS-11); the notice is on the portal's board.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LifecycleJourneyTests(HostFixture host)
{
    private const string Title = "岗贝社区新风路巷口路灯不亮";

    [BrowserFact]
    public async Task A_residents_appeal_becomes_a_published_micro_project()
    {
        // ---- the resident, on a phone, without an account
        var phone = await host.NewPageAsync(390, 844, mobile: true);
        await phone.GotoAsync("/portal/submit");
        var form = phone.Locator("[data-test=portal-submit]");
        await Forms.FillAsync(form, "标题", Title);
        await Forms.FillAsync(form, "具体情况", "新风路12号巷口两盏路灯已坏一个多月，夜里老人出行不便，建议更换并增加照明。");
        await Forms.ChooseAsync(phone, form, "所在镇街", "东城街道");
        await Forms.ChooseAsync(phone, form, "所在村（社区）", "岗贝社区");
        await Forms.FillAsync(form, "详细地址（可不填）", "新风路12号");
        await Forms.FillAsync(form, "您的称呼（可不填）", "陈阿姨");
        await Forms.FillAsync(form, "手机号码", "13800138123");
        // A photo of the dark lane, from the phone's gallery: previewed before it is sent.
        await phone.Locator("[data-test=photo-input]").SetInputFilesAsync(new FilePayload
        {
            Name = "巷口.png", MimeType = "image/png", Buffer = await Pictures.DarkLaneAsync(phone),
        });
        await Expect(form.Locator(".thumb img")).ToHaveCountAsync(1);
        await Expect(form.Locator("[data-test=photo-add]")).ToContainTextAsync("1/6");
        Assert.False(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth"), "the form scrolls sideways at 390 px");
        await Screens.SaveAsync(phone, "portal-submit-form", key: true);
        // The phone is required (it is how the resident tracks the appeal): said under the input, nothing sent.
        await Forms.FillAsync(form, "手机号码", "");
        await phone.Locator("[data-test=portal-submit-button]").ClickAsync();
        await Expect(form).ToContainTextAsync("手机号码不能为空");
        await Forms.FillAsync(form, "手机号码", "13800138123");
        await phone.Locator("[data-test=portal-submit-button]").ClickAsync();

        var numberBox = phone.Locator("[data-test=tracking-number]");
        await Expect(numberBox).ToHaveTextAsync(new Regex("^GJ\\d{6}[0-9A-Z]{6}$"));
        var tracking = (await numberBox.InnerTextAsync()).Trim();
        await Expect(phone.Locator("[data-test=portal-receipt]")).ToContainTextAsync("凭编号和手机后四位查询");
        await Screens.SaveAsync(phone, "portal-submit-receipt", key: true);

        await phone.Locator("[data-test=track-now]").ClickAsync();
        await Expect(phone).ToHaveURLAsync(new Regex("/portal/track\\?number=GJ"));
        await Expect(phone.Locator("[data-test=track-state]")).ToContainTextAsync("已交派");
        await Expect(phone.Locator("[data-test=track-steps]")).ToContainTextAsync("诉求已受理并交派");
        await Screens.SaveAsync(phone, "portal-track", key: true);

        // ---- 岗贝社区: its work list shows the appeal's 24-hour acknowledgement
        var village = await host.NewPageAsync(1366, 900);
        await Pages.SignInAsync(village, "dongcheng.village");
        var work = village.Locator("[data-test=my-deadlines]");
        await Expect(work).ToContainTextAsync(tracking);
        await Expect(work).ToContainTextAsync("接收诉求并反馈接收情况");
        await Expect(work).ToContainTextAsync("剩余");
        await Screens.SaveAsync(village, "my-work", key: true);
        await work.GetByRole(AriaRole.Link, new() { Name = tracking }).First.ClickAsync();
        await Expect(village).ToHaveURLAsync(new Regex("/appeals/[0-9a-f-]{36}$"));
        await Expect(village.Locator("[data-test=appeal-head]")).ToContainTextAsync(Title);
        // Village staff handle the case: the contact is in clear.
        await Expect(village.Locator("[data-test=appeal-contact]")).ToContainTextAsync("13800138123");
        // The resident's photo came with the appeal, and it is a picture the browser can draw.
        var photo = village.Locator("[data-test=appeal-photos] img");
        await Expect(photo).ToHaveCountAsync(1);
        await Expect(photo).ToHaveJSPropertyAsync("complete", true);
        Assert.True(await photo.EvaluateAsync<int>("img => img.naturalWidth") > 0, "the appeal's photo does not load");

        await village.Locator("[data-test=action-Acknowledge]").ClickAsync();
        await Forms.Dialog(village, "接收诉求").Locator("[data-test=step-submit]").ClickAsync();
        await Expect(village.Locator("[data-test=appeal-state]")).ToHaveTextAsync("已接收，待研究");
        await Expect(village.Locator("[data-test=appeal-messages]")).ToContainTextAsync("已由岗贝社区接收");

        await village.Locator("[data-test=action-RecordCommitteeDecision]").ClickAsync();
        var committee = Forms.Dialog(village, "记录“两委”联席会议");
        await Forms.CheckAsync(committee, "列为“民生微实事”项目");
        await Forms.ChooseAsync(village, committee, "类别", "便民工程项目");
        await committee.Locator("[data-test=step-submit]").ClickAsync();
        await Expect(village.Locator("[data-test=appeal-state]")).ToHaveTextAsync("已列为微实事项目");
        await Expect(village.Locator("[data-test=timeline]")).ToContainTextAsync("“两委”联席会议初步确认");
        await Screens.SaveAsync(village, "appeal-detail", key: true, fullPage: true);

        await village.Locator("[data-test=open-project]").ClickAsync();
        await Expect(village).ToHaveURLAsync(new Regex("/projects/[0-9a-f-]{36}$"));
        var projectUrl = village.Url;
        await Expect(village.Locator("[data-test=project-state]")).ToHaveTextAsync("待协商");

        // ---- the consultation, with its minutes uploaded from the form
        await village.Locator("[data-test=action-RecordConsultation]").ClickAsync();
        var consult = Forms.Dialog(village, "记录社区协商");
        await Forms.FillAsync(consult, "协商地点", "岗贝社区党群服务中心");
        await Forms.FillAsync(consult, "主持人", "李书记");
        await Forms.FillAsync(consult, "记录人", "王干事");
        await Forms.ChooseAsync(village, consult, "协商形式", "专题议事会");
        var participants = consult.Locator("[data-test=c-participants]");
        foreach (var p in new[] { "村（居）民委员会", "村（居）民代表", "受惠群体" })
            await participants.Locator("label.el-checkbox").Filter(new() { HasText = p }).First.ClickAsync();
        await Forms.FillAsync(consult, "参与人数", "26");
        await Forms.CheckAsync(consult.Locator("[data-test=c-passed]"), "通过");
        await Forms.FillAsync(consult, "项目建设（服务）内容", "更换新风路巷口LED路灯8盏，新增太阳能路灯4盏");
        await Forms.FillAsync(consult, "项目惠及人群", "新风路周边居民约1200人");
        await Forms.ChooseAsync(village, consult, "办理方式", "莞家速递");
        await Forms.FillAsync(consult, "项目经费预算（万元）", "12");
        await Forms.FillAsync(consult, "实施主体", "岗贝社区居民委员会");
        await Forms.FillAsync(consult, "实施时限", "公示期满后3个月内");
        await consult.Locator("input#c-minutes").SetInputFilesAsync(Forms.Pdf("协商记录.pdf"));
        await Expect(consult).ToContainTextAsync("✓ 协商记录.pdf");
        await Screens.SaveAsync(village, "project-consultation-form", key: true);
        await consult.Locator("[data-test=step-submit]").ClickAsync();
        await Expect(village.Locator("[data-test=project-state]")).ToHaveTextAsync("协商通过，待备案");
        await Expect(village.Locator("[data-test=consultation]")).ToContainTextAsync("12.00 万元");
        await Expect(village.Locator("[data-test=attachments]")).ToContainTextAsync("协商记录.pdf");

        // ---- the registration form: 12万元 is at least 5万元, so it goes to the town
        await village.Locator("[data-test=action-FileRegistration]").ClickAsync();
        var reg = Forms.Dialog(village, "填报登记备案表");
        await Expect(reg.Locator("[data-test=reg-budget]")).ToContainTextAsync("提交镇（街道）审核");
        await Forms.ChooseAsync(village, reg, "项目类别与具体内容", "公共设施完善");
        await Forms.ChooseAsync(village, reg, "来源渠道", "网络及热线征集");
        await Forms.FillAsync(reg, "实施地点", "东城街道岗贝社区新风路");
        await Forms.FillAsync(reg, "项目联系人", "李书记");
        await Forms.FillAsync(reg, "职务", "社区党委书记");
        await Forms.FillAsync(reg, "联系电话", "0769-22001234");
        await reg.Locator("[data-test=step-submit]").ClickAsync();
        await Expect(village.Locator("[data-test=project-state]")).ToHaveTextAsync("镇（街道）审核中");
        await Expect(village.Locator("[data-test=project-head]")).ToContainTextAsync("5万元及以上");

        // ---- 东城街道财政分局 gives its opinion
        var finance = await host.NewPageAsync(1366, 900);
        await Pages.SignInAsync(finance, "dongcheng.finance");
        await finance.GotoAsync(projectUrl);
        await finance.Locator("[data-test=action-RecordDepartmentOpinion]").ClickAsync();
        var opinion = Forms.Dialog(finance, "出具部门审核意见");
        await Forms.CheckAsync(opinion.Locator("[data-test=opinion-agrees]"), "同意按《登记备案表》实施");
        await Forms.FillAsync(opinion, "审核意见", "预算测算合理，同意使用专项资金。");
        await Forms.CheckAsync(opinion, "已在《登记备案表》盖章");
        await opinion.Locator("[data-test=step-submit]").ClickAsync();
        await Expect(finance.Locator("[data-test=opinions]")).ToContainTextAsync("财政分局");
        // Issue 17 point 7: the opinion says what the department agrees to, not a bare 是.
        await Expect(finance.Locator("[data-test=opinion-verdict]").First).ToContainTextAsync("同意实施（预算");

        // ---- the town lead reviews (the four checks) and publishes
        var lead = await host.NewPageAsync(1366, 900);
        await Pages.SignInAsync(lead, "dongcheng.lead");
        await Expect(lead.Locator("[data-test=my-deadlines]")).ToContainTextAsync("镇（街道）审核确认");
        await lead.GotoAsync(projectUrl);
        await lead.Locator("[data-test=action-Review]").ClickAsync();
        var review = Forms.Dialog(lead, "镇（街道）审核");
        // R-MS-08: none of the four checks is assumed; each is answered, and the form says which are missing.
        await Expect(review.Locator("[data-test^=review-] label.el-radio.is-checked")).ToHaveCountAsync(0);
        await Forms.CheckAsync(review.Locator("[data-test=review-decision]"), "由专项资金资助");
        await review.Locator("[data-test=step-submit]").ClickAsync();
        await Expect(review).ToContainTextAsync("请审核协商过程是否规范");
        await Expect(review).ToContainTextAsync("请选择所需经费的列支渠道");
        foreach (var check in new[] { "consultationCompliant", "budgetReasonable", "routeFeasible" })
            await Forms.CheckAsync(review.Locator($"[data-test=review-{check}]"), "是");
        await Forms.CheckAsync(review.Locator("[data-test=review-resolvableByPolicy]"), "否");
        // R-MS-20: where the money comes from, in the registration form's words.
        await Forms.CheckAsync(review.Locator("[data-test=review-funding]"), "村（社区）“民生大莞家”专项资金");
        await Expect(review.Locator("[data-test=review-funding-sentence]")).ToHaveTextAsync("所需经费从岗贝社区“民生大莞家”专项资金中列支");
        await Forms.FillAsync(review, "镇（街道）审核意见", "四项审核均通过，同意由“民生大莞家”专项资金资助，按莞家速递办理。");
        await Screens.SaveAsync(lead, "project-review-form", key: true);
        await review.Locator("[data-test=step-submit]").ClickAsync();
        await Expect(lead.Locator("[data-test=project-state]")).ToHaveTextAsync("待公示");
        await Expect(lead.Locator("[data-test=review-result]")).ToContainTextAsync("由专项资金资助");
        await Expect(lead.Locator("[data-test=review-result]")).ToContainTextAsync("所需经费从岗贝社区“民生大莞家”专项资金中列支");

        await lead.Locator("[data-test=action-Publish]").ClickAsync();
        var publish = Forms.Dialog(lead, "项目公示");
        await Expect(publish).ToContainTextAsync("共 5 日");
        // R-MS-11: all five linked platforms by default; leaving one out asks why.
        var platforms = publish.Locator("[data-test=publish-platforms]");
        await Expect(platforms.Locator("label.el-checkbox.is-checked")).ToHaveCountAsync(5);
        await Forms.CheckAsync(platforms, "东莞市民政局官网");
        await publish.Locator("[data-test=step-submit]").ClickAsync();
        await Expect(publish).ToContainTextAsync("经确认的项目须在全部关联平台公示");
        await Forms.CheckAsync(platforms, "东莞市民政局官网");
        await Expect(publish.Locator("[data-test=publish-override]")).ToHaveCountAsync(0);
        await publish.Locator("[data-test=step-submit]").ClickAsync();
        // Issue 17 point 7: before it goes out to five public platforms, the notice as the public will read it, the resident masked.
        var preview = lead.Locator("[data-test=publish-preview]");
        await Expect(preview).ToContainTextAsync("个人信息已脱敏");
        await Expect(preview).ToContainTextAsync("将在以下 5 个平台公示");
        await Expect(preview).Not.ToContainTextAsync("陈阿姨");
        await Screens.SaveAsync(lead, "project-publish-preview", key: true);
        await lead.Locator(".el-message-box").GetByRole(AriaRole.Button, new() { Name = "确认发布" }).ClickAsync();
        await Expect(lead.Locator("[data-test=project-state]")).ToHaveTextAsync("公示中");
        await Expect(lead.Locator("[data-test=publicity]")).ToBeVisibleAsync();
        await Screens.SaveAsync(lead, "project-detail", key: true, fullPage: true);
        // English second: the same page, switched.
        await lead.Locator("[data-test=lang-switch]").ClickAsync();
        await Expect(lead.Locator("[data-test=project-state]")).ToHaveTextAsync("In publicity");
        await Expect(lead.Locator("[data-test=project-head]")).ToContainTextAsync("Guanjia Express");
        await lead.Locator("[data-test=lang-switch]").ClickAsync();
        await Expect(lead.Locator("[data-test=project-state]")).ToHaveTextAsync("公示中");

        // ---- the public board, on the phone, and the resident's own tracking
        await phone.GotoAsync("/portal/publicity");
        var notice = phone.Locator("[data-test=notice]").Filter(new() { HasText = Title });
        await Expect(notice).ToBeVisibleAsync();
        await Expect(notice.Locator("[data-test=notice-budget]")).ToHaveTextAsync("12.00 万元");
        // Published text never carries the appellant's contact.
        await Expect(notice).Not.ToContainTextAsync("13800138123");
        Assert.False(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth"), "the board scrolls sideways at 390 px");
        await Screens.SaveAsync(phone, "portal-publicity", key: true);

        await phone.GotoAsync($"/portal/track?number={tracking}&last4=8123");
        await Expect(phone.Locator("[data-test=track-state]")).ToHaveTextAsync("公示中");
        await Expect(phone.Locator("[data-test=track-messages]")).ToContainTextAsync("经东城街道审核");
    }
}
