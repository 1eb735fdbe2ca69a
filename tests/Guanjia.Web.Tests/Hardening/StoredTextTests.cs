using System.Net;
using System.Text;
using Guanjia.App.Common;
using Guanjia.Web.Tests.Documents;
using Guanjia.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Guanjia.Web.Tests.MicroProjects.ClosingPath;

namespace Guanjia.Web.Tests.Hardening;

/// <summary>
/// Issue 16, defect 1 (ADR 0030): text that JSON carries but XML cannot is cleaned where it enters, and the document
/// writers clean it again, so no stored string can make a Word form or an Excel export fail.
/// </summary>
[Collection(ApiCollection.Name)]
public class StoredTextTests
{
    private const string Dirty = "路灯\uFFFF坏了\u0000\u202E反向\u0001\vX\uFDD0";

    /// <summary>What a table can hold of it: PostgreSQL refuses NUL (which, before the rule, made that intake answer 500).</summary>
    private const string Stored = "路灯\uFFFF坏了\u202E反向\u0001\vX\uFDD0";

    [Theory, BothDatabases]
    public async Task An_anonymous_appeal_with_characters_xml_cannot_carry_does_not_break_the_export(Db db)
    {
        var f = await Flow.StartAsync(db);
        var receipt = await f.Host.Anonymous().PostJson("/api/public/appeals", new
        {
            title = "门口" + Dirty, description = "描述" + Dirty, villageId = f.VillageId, name = "黄\uFFFF小明", phone = Flow.Phone(),
        }, HttpStatusCode.Created);
        var number = receipt.Str("trackingNumber");
        var appeal = (await f.Village.GetJson($"/api/appeals?q={number}")).GetProperty("items")[0];
        Assert.Equal("门口路灯坏了反向\nX", appeal.Str("title"));

        var xlsx = await f.Village.DownloadAsync("/api/exports/appeals.xlsx");
        Assert.Contains(FileReader.XlsxSheets(xlsx.Bytes)["诉求清单"], r => r.Count > 2 && r[0] == number && r[2] == "门口路灯坏了反向\nX");
    }

    [Theory, BothDatabases]
    public async Task A_row_stored_before_the_rule_still_exports(Db db)
    {
        var f = await Flow.StartAsync(db);
        var receipt = await f.Host.Anonymous().PostJson("/api/public/appeals", new
        {
            title = "旧数据", description = "旧数据", villageId = f.VillageId, name = "黄小明", phone = Flow.Phone(),
        }, HttpStatusCode.Created);
        var number = receipt.Str("trackingNumber");
        using (var scope = f.Host.Services.CreateScope())
        {
            var sys = f.Host.NewDb(scope, Actor.System);
            // As a row written before the rule: straight to the table, past the API (no lone surrogate: PostgreSQL's UTF-8 cannot hold one).
            await sys.Appeals.IgnoreQueryFilters().Where(a => a.TrackingNumber == number)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Title, "旧" + Stored + "尾"));
        }
        foreach (var format in new[] { "xlsx", "csv" })
        {
            var file = await f.Village.DownloadAsync($"/api/exports/appeals.{format}?q={number}");
            Assert.NotEmpty(file.Bytes);
        }
        var sheet = FileReader.XlsxSheets((await f.Village.DownloadAsync($"/api/exports/appeals.xlsx?q={number}")).Bytes)["诉求清单"];
        Assert.Contains(sheet, r => r.Count > 2 && r[2] == "旧路灯坏了反向\nX尾");
    }

    [Theory, BothDatabases]
    public async Task A_department_opinion_with_a_vertical_tab_leaves_the_registration_form_downloadable(Db db)
    {
        var f = await Flow.StartAsync(db);
        var p = await RegisteredAsync(f, Large);
        await f.Finance.PostJson($"/api/micro-projects/{p.ProjectId}/department-opinions", new
        {
            opinion = "预算合理\v同意\uFFFF实施", agrees = true, signedOff = true,
        }, HttpStatusCode.OK);
        var file = await f.Village.DownloadAsync($"/api/micro-projects/{p.ProjectId}/documents/registration-form.docx");
        Assert.Contains("预算合理\n同意实施", FileReader.DocxRows(file.Bytes).After("部门审核意见"), StringComparison.Ordinal);

        // An opinion stored before the rule, with every kind of character the rule removes.
        using (var scope = f.Host.Services.CreateScope())
        {
            var sys = f.Host.NewDb(scope, Actor.System);
            await sys.DepartmentOpinions.IgnoreQueryFilters().Where(o => o.ProjectId == Guid.Parse(p.ProjectId))
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.Opinion, "旧意见" + Stored));
        }
        file = await f.Village.DownloadAsync($"/api/micro-projects/{p.ProjectId}/documents/registration-form.docx");
        Assert.Contains("旧意见路灯坏了反向\nX", FileReader.DocxRows(file.Bytes).After("部门审核意见"), StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task An_escaped_unpaired_surrogate_is_refused_naming_the_field(Db db)
    {
        var f = await Flow.StartAsync(db);
        var json = $$"""{"title":"坏\ud800","description":"描述","villageId":"{{f.VillageId}}","name":"黄小明","phone":"{{Flow.Phone()}}"}""";
        var res = await f.Host.Anonymous().PostAsync("/api/public/appeals", new StringContent(json, Encoding.UTF8, "application/json"));
        (await res.Json(HttpStatusCode.BadRequest)).ShouldNameField("title", "invalid_value");
    }
}
