using System.Text.Json;
using Guanjia.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Guanjia.E2E.Tests.Casework;

/// <summary>
/// The civil-affairs casework in the browser (issue 13): a station worker's phone records visits without a connection and
/// sends them, once, when it returns (R-CA-08, ADR 0025); a worker registers a person, assesses them and downloads the
/// file (R-CA-13, R-CA-07).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CaseworkJourneyTests(HostFixture host)
{
    private const string Worker = "dongcheng.worker";
    private const string Town = "dongcheng.lead";

    private static async Task<int> DoneOnTimeAsync(Api town)
    {
        var figures = await town.GetAsync("/api/civil-affairs/figures?by=Obligation");
        return figures.GetProperty("rows").EnumerateArray()
            .Where(r => r.GetProperty("key").GetString() == "CaseMonthlyVisit")
            .Sum(r => r.GetProperty("doneOnTime").GetInt32());
    }

    private static async Task RecordVisitAsync(IPage page, ILocator item, string mental, string living)
    {
        await item.Locator("[data-test=visit-record]").ClickAsync();
        var form = page.Locator("[data-test=form-visit]");
        await Expect(form).ToBeVisibleAsync();
        await form.Locator("[data-test=visit-mental] label").Filter(new() { HasText = mental }).ClickAsync();
        await form.Locator("[data-test=visit-living] label").Filter(new() { HasText = living }).ClickAsync();
        await form.Locator("label.el-checkbox").Filter(new() { HasText = "助餐" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).Locator("[data-test=step-submit]").ClickAsync();
        await Expect(form).ToHaveCountAsync(0);
    }

    [BrowserFact]
    public async Task A_worker_records_two_visits_offline_and_the_town_counts_each_once()
    {
        await using var town = await Api.SignInAsync(host, Town);
        var before = await DoneOnTimeAsync(town);

        var page = await host.NewPageAsync(390, 844, mobile: true);
        await Pages.SignInAsync(page, Worker);
        await page.GotoAsync("/casework/visits");
        // People still due this month (not yet visited, not overdue from an earlier month).
        var due = page.Locator("[data-test=due-item]").Filter(new() { HasNotText = "本月已探视" }).Filter(new() { HasNotText = "已逾期" });
        await Expect(page.Locator("[data-test=due-item]").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(due.First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        // The app is installable and kept on the phone: its service worker controls the page before the network goes.
        await page.WaitForFunctionAsync("() => navigator.serviceWorker && navigator.serviceWorker.controller !== null", null, new() { Timeout = 30_000 });
        var manifest = await page.EvaluateAsync<string>("() => document.querySelector('link[rel=manifest]').href");
        Assert.EndsWith("/app/manifest.webmanifest", manifest);
        await Screens.SaveAsync(page, "casework-visits-phone", key: true);

        var first = due.Nth(0);
        var second = due.Nth(1);
        var firstName = (await first.Locator("strong.name").InnerTextAsync()).Trim();
        var secondName = (await second.Locator("strong.name").InnerTextAsync()).Trim();

        await page.Context.SetOfflineAsync(true);
        await RecordVisitAsync(page, first, "良好", "有保障");
        var firstItem = page.Locator("[data-test=due-item]").Filter(new() { HasText = firstName });
        await Expect(firstItem).ToContainTextAsync("已记录，待提交");
        await RecordVisitAsync(page, page.Locator("[data-test=due-item]").Filter(new() { HasText = secondName }), "一般", "有困难");
        var outbox = page.Locator("[data-test=visits-outbox]");
        await Expect(outbox.Locator("[data-test=outbox-pending]")).ToHaveCountAsync(2);

        // Without a connection the page opens again from the phone: the app from the service worker, the list and the two
        // visits from IndexedDB.
        await page.ReloadAsync();
        await Expect(page.Locator("[data-test=visits-offline]")).ToContainTextAsync("当前没有网络");
        await Expect(page.Locator("[data-test=due-item]").Filter(new() { HasText = firstName })).ToContainTextAsync("已记录，待提交");
        await Expect(outbox.Locator("[data-test=outbox-pending]")).ToHaveCountAsync(2);
        await Screens.SaveAsync(page, "casework-visits-offline", key: true);
        // What the phone will send: each visit under the key made when it was typed.
        var kept = await page.EvaluateAsync<JsonElement>("""
            () => new Promise((resolve, reject) => {
              const open = indexedDB.open('guanjia-casework');
              open.onsuccess = () => {
                const req = open.result.transaction('outbox').objectStore('outbox').getAll();
                req.onsuccess = () => resolve(req.result.map((e) => ({ key: e.key, request: e.request })));
                req.onerror = () => reject(req.error);
              };
              open.onerror = () => reject(open.error);
            })
            """);
        Assert.Equal(2, kept.GetArrayLength());

        // The connection returns: the outbox sends both, and they leave the phone only with the server's answer.
        await page.Context.SetOfflineAsync(false);
        await Expect(page.Locator("[data-test=visits-sent] .entry")).ToHaveCountAsync(2, new() { Timeout = 30_000 });
        await Expect(page.Locator("[data-test=visits-outbox]")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-test=due-item]").Filter(new() { HasText = firstName })).ToContainTextAsync("已提交");

        // Exactly once: the same visit sent again under its key (an answer lost on the way) is the visit already saved.
        var replay = kept[0];
        await using var worker = await Api.SignInAsync(host, Worker);
        var (workerStatus, replayed) = await worker.PostWithKeyAsync("/api/civil-affairs/visits", replay.GetProperty("request"), replay.GetProperty("key").GetString()!);
        Assert.Equal(200, workerStatus);
        Assert.Equal(replay.GetProperty("key").GetString(), replayed.GetProperty("clientKey").GetString());
        foreach (var e in kept.EnumerateArray())
        {
            var fileId = e.GetProperty("request").GetProperty("caseFileId").GetString();
            var visits = await worker.GetAsync($"/api/civil-affairs/visits?caseFileId={fileId}&pageSize=100");
            Assert.Single(visits.GetProperty("items").EnumerateArray(), v => v.GetProperty("visitedAt").GetDateTimeOffset()
                == e.GetProperty("request").GetProperty("visitedAt").GetDateTimeOffset());
        }

        // The town sees the two visits counted once each.
        Assert.Equal(before + 2, await DoneOnTimeAsync(town));
        var townPage = await host.NewPageAsync(1366, 900);
        await Pages.SignInAsync(townPage, Town);
        await townPage.GotoAsync("/casework/figures");
        await Forms.ChooseAsync(townPage, townPage.Locator("[data-test=casework-figures]"), "统计口径", "按工作事项");
        var row = townPage.Locator("[data-test=figures-table] .el-table__row").Filter(new() { HasText = "探视" }).First;
        // The columns: unit, due, done on time, …
        await Expect(row.Locator("td").Nth(2)).ToHaveTextAsync((before + 2).ToString());
        await Screens.SaveAsync(townPage, "casework-figures", key: true);
    }

    /// <summary>A valid resident ID number (GB 11643 check digit) in the demo's invented area 990000.</summary>
    private static string InventedId()
    {
        var body = $"9900001942{Random.Shared.Next(1, 13):00}{Random.Shared.Next(1, 29):00}{Random.Shared.Next(100, 999)}";
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = body.Select((c, i) => (c - '0') * weights[i]).Sum();
        return body + "10X98765432"[sum % 11];
    }

    [BrowserFact]
    public async Task A_worker_registers_a_person_assesses_them_and_downloads_the_file()
    {
        await using var worker = await Api.SignInAsync(host, Worker);
        var village = (await worker.GetAsync("/api/civil-affairs/files?pageSize=1")).GetProperty("items")[0].GetProperty("villageName").GetString()!;
        var name = $"演旅程{Random.Shared.Next(100, 999)}（演示）";
        var id = InventedId();

        var page = await host.NewPageAsync(1366, 900);
        await Pages.SignInAsync(page, Worker);
        await page.GotoAsync("/casework");
        await Expect(page.Locator("[data-test=casework-people-table]")).ToContainTextAsync("******");
        await Screens.SaveAsync(page, "casework-people", key: true);

        await page.Locator("[data-test=casework-register]").ClickAsync();
        var form = Forms.Dialog(page, "登记服务对象（一人一档）");
        // Nothing is sent without the required fields.
        await form.Locator("[data-test=step-submit]").ClickAsync();
        await Expect(form).ToContainTextAsync("请填写姓名");
        await Forms.ChooseAsync(page, form, "所在村（社区）", village);
        await Forms.FillAsync(form, "姓名", name);
        await Forms.FillAsync(form, "证件号码", id);
        await Forms.FillAsync(form, "住址", "东城街道演示路 1 号");
        var categories = form.GetByLabel("对象类别", new() { Exact = true });
        await categories.ClickAsync(new() { Force = true });
        await page.Locator($"[id='{await categories.GetAttributeAsync("aria-controls")}'] .el-select-dropdown__item")
            .Filter(new() { HasText = "特困人员（分散供养）" }).ClickAsync();
        await categories.PressAsync("Escape");
        await Forms.FillAsync(form, "健康状况", "高血压，需按时服药");
        await Screens.SaveAsync(page, "casework-register", key: true);
        // A wrong check digit is refused by the server, on its field, and nothing is saved.
        await Forms.FillAsync(form, "证件号码", id[..17] + (id[17] == '0' ? '1' : '0'));
        await form.Locator("[data-test=step-submit]").ClickAsync();
        await Expect(form).ToContainTextAsync("校验");
        await Forms.FillAsync(form, "证件号码", id);
        await form.Locator("[data-test=step-submit]").ClickAsync();
        await Expect(form).ToHaveCountAsync(0);

        // The file: the worker may see the full number and the health, and is told the view is recorded.
        var file = page.Locator("[data-test=case-file]");
        await Expect(file.Locator("[data-test=case-file-name]")).ToHaveTextAsync(name);
        await Expect(file.Locator("[data-test=case-document]")).ToHaveTextAsync(id);
        await Expect(file.Locator("[data-test=case-health]")).ToContainTextAsync("高血压");
        await Expect(file.Locator("[data-test=case-file-access]")).ToContainTextAsync("已记入审计日志");

        // R-CA-07: six items, each required; two not managed alone is 部分丧失, 半护理.
        await page.Locator("[data-test=case-assess]").ClickAsync();
        var assess = Forms.Dialog(page, "自理能力评估");
        await assess.Locator("[data-test=step-submit]").ClickAsync();
        await Expect(assess).ToContainTextAsync("请评估“进食”");
        foreach (var item in new[] { "eating", "dressing", "toileting", "walking" })
            await assess.Locator($"[data-test=assess-{item}] label").Filter(new() { HasText = "能" }).First.ClickAsync();
        foreach (var item in new[] { "bathing", "transfer" })
            await assess.Locator($"[data-test=assess-{item}] label").Filter(new() { HasText = "不能" }).ClickAsync();
        await Screens.SaveAsync(page, "casework-assessment-form", key: true);
        await assess.Locator("[data-test=step-submit]").ClickAsync();
        await Expect(assess).ToHaveCountAsync(0);
        await Expect(file.Locator("[data-test=case-file-facts]")).ToContainTextAsync("部分丧失自理能力");
        await page.GetByRole(AriaRole.Tab, new() { Name = "评估记录" }).ClickAsync();
        await Expect(file.Locator("[data-test=case-assessments]")).ToContainTextAsync("半护理");
        await page.GetByRole(AriaRole.Tab, new() { Name = "时间轴" }).ClickAsync();
        await Screens.SaveAsync(page, "casework-file", key: true, fullPage: true);

        // The person's file as Word (一人一档).
        await page.Locator("[data-test=case-download] button").ClickAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-test=case-download-docx]").ClickAsync());
        Assert.EndsWith(".docx", download.SuggestedFilename);
        var path = await download.PathAsync();
        Assert.True(new FileInfo(path).Length > 1000);
    }
}
