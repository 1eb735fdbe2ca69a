using System.Text.RegularExpressions;
using Guanjia.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Guanjia.E2E.Tests.Organizations;

/// <summary>
/// R-PL-04, issue 17 point 5: the audit log an official can read. The city administrator filters by a kind of record the server
/// offers in Chinese, reads the action in Chinese, the appeal's own tracking number as a link to it, and the change field by field
/// in Beijing time with the village by its name (no JSON); filtered by person, a sign-in is the person's, not the system's.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AuditLogTests(HostFixture host)
{
    [BrowserFact]
    public async Task R_PL_04_the_audit_log_reads_in_chinese_with_the_records_number_and_the_change_by_field()
    {
        var title = $"审计日志可读{Guid.NewGuid():N}"[..14];
        string tracking;
        await using (var api = await Api.SignInAsync(host, "dongcheng.village"))
        {
            var me = await api.GetAsync("/api/auth/me");
            var appeal = await api.PostAsync("/api/appeals", new
            {
                channel = "GridWorker", title, description = "路灯不亮，夜间出行不便", villageId = me.GetProperty("organizationId").GetString(),
                appellantName = "陈桂芳", appellantPhone = "13800138777", collection = "Daily", category = "ConvenienceWorks",
            });
            tracking = appeal.GetProperty("trackingNumber").GetString()!;
        }

        var page = await host.NewPageAsync(1366, 900);
        await Pages.SignInAsync(page, "city.admin");
        await page.GotoAsync("/admin/audit");
        var toolbar = page.GetByRole(AriaRole.Search);
        await Forms.ChooseAsync(page, toolbar, "对象类型", "诉求");
        await toolbar.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();

        var table = page.Locator("[data-test=audit-table]");
        var row = table.Locator(".el-table__row").Filter(new() { HasText = tracking }).Filter(new() { HasText = "登记诉求" }).First;
        await Expect(row).ToBeVisibleAsync();
        await Expect(row.Locator("[data-test=audit-ref]")).ToHaveTextAsync(tracking);
        await Expect(row).ToContainTextAsync("诉求");
        await Expect(row).ToContainTextAsync("dongcheng.village");
        await Expect(table).Not.ToContainTextAsync("ReceiveAppeal");
        await Expect(table).Not.ToContainTextAsync("Appeal ");

        await row.Locator(".el-table__expand-icon").ClickAsync();
        var change = table.Locator("[data-test=audit-change]").First;
        await Expect(change).ToContainTextAsync("标题");
        await Expect(change).ToContainTextAsync(title);
        await Expect(change).ToContainTextAsync("岗贝社区");
        await Expect(change).ToContainTextAsync("已交派，待接收");
        await Expect(change.Locator("tr").Filter(new() { HasText = "接收时间" })).ToContainTextAsync(new Regex(@"\d{4}年\d{1,2}月\d{1,2}日 \d\d:\d\d"));
        await Expect(change).Not.ToContainTextAsync("{");
        await Expect(change).Not.ToContainTextAsync("ScopePath");
        await Screens.SaveAsync(page, "audit-readable", key: true);

        await row.Locator("[data-test=audit-ref]").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/appeals/[0-9a-f-]{36}$"));

        // By person and action: dongcheng.village's sign-ins are theirs, none the system's.
        await page.GotoAsync("/admin/audit");
        toolbar = page.GetByRole(AriaRole.Search);
        await Forms.ChooseAsync(page, toolbar, "操作人", "dongcheng.village");
        await Forms.ChooseAsync(page, toolbar, "动作", "登录");
        await toolbar.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        var signIn = table.Locator(".el-table__row").First;
        await Expect(signIn).ToContainTextAsync("登录");
        await Expect(signIn).ToContainTextAsync("dongcheng.village");
        await Expect(table).Not.ToContainTextAsync("系统自动");
        await Expect(table).Not.ToContainTextAsync("SignIn");
    }
}
