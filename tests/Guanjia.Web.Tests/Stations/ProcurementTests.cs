using System.Net;
using System.Text.Json;
using Guanjia.Web.Tests.Infrastructure;

namespace Guanjia.Web.Tests.Stations;

/// <summary>The 采购备案表 of purchased and packaged items: the supervisory committee's opinion, then the town's record (R-ST-05).</summary>
[Collection(ApiCollection.Name)]
public class ProcurementTests
{
    private static string FilingUrl(string id, string step = "") => $"/api/stations/procurement-filings/{id}{step}";

    // R-ST-05: "经加具村（居）务监督委员会审核意见后，报镇街牵头部门备案".
    [Theory, BothDatabases]
    public async Task R_ST_05_a_procurement_filing_without_the_supervisory_opinion_is_refused(Db db)
    {
        var k = await StationKit.StartAsync(db);
        var s = await k.StationAsync();
        var (item, agreement) = await k.PurchasedItemAsync(s.Str("id"));
        var filing = await k.Village.PostJson($"/api/stations/items/{item.Str("id")}/procurement-filing", k.Filing(agreement), HttpStatusCode.Created);
        var id = filing.Str("id");
        Assert.Equal("Draft", filing.Str("state"));
        Assert.Equal(JsonValueKind.Null, filing.GetProperty("supervisoryOpinion").ValueKind);

        var refused = await k.Village.PostJson(FilingUrl(id, "/file"), new { version = filing.GetProperty("version").GetInt32() }, HttpStatusCode.BadRequest);
        refused.ShouldNameField("supervisoryOpinion", "required");
        var unchanged = await k.Village.GetJson(FilingUrl(id));
        Assert.Equal("Draft", unchanged.Str("state"));
        Assert.Equal(JsonValueKind.Null, unchanged.GetProperty("filedAt").ValueKind);
        Assert.Equal(filing.GetProperty("version").GetInt32(), unchanged.GetProperty("version").GetInt32());
        Assert.Equal(0, (await k.Lead.GetJson($"/api/stations/procurement-filings?state=Filed&villageId={k.VillageId}&pageSize=200"))
            .GetProperty("items").EnumerateArray().Count(f => f.Str("id") == id));

        // The committee's opinion names who, what and when; each is required.
        var empty = await k.Supervisor.PostJson(FilingUrl(id, "/supervisory-opinion"), new { }, HttpStatusCode.BadRequest);
        foreach (var field in new[] { "reviewer", "opinion", "reviewedOn" }) empty.ShouldNameField(field, "required");
        Assert.Equal(JsonValueKind.Null, (await k.Village.GetJson(FilingUrl(id))).GetProperty("supervisoryOpinion").ValueKind);

        var reviewed = await k.Supervisor.PostJson(FilingUrl(id, "/supervisory-opinion"), k.Opinion(), HttpStatusCode.OK);
        var opinion = reviewed.GetProperty("supervisoryOpinion");
        Assert.Equal("陈监委", opinion.Str("by"));
        Assert.Equal(k.TodayText, opinion.Str("on"));
        Assert.Contains("同意报镇", opinion.Str("text"));
        Assert.Contains("File", (await k.Village.GetJson(FilingUrl(id))).GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()));

        var filed = await k.Village.PostJson(FilingUrl(id, "/file"), new { version = reviewed.GetProperty("version").GetInt32() }, HttpStatusCode.OK);
        Assert.Equal("Filed", filed.Str("state"));
        var inbox = await k.Lead.GetJson("/api/notifications");
        Assert.Contains(inbox.EnumerateArray(), n => n.Str("kind") == "ProcurementFiling" && n.Str("text").Contains(item.Str("title"), StringComparison.Ordinal));
        Assert.Contains("Record", (await k.Lead.GetJson(FilingUrl(id))).GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()));

        var recorded = await k.Lead.PostJson(FilingUrl(id, "/record"), new { note = "已备案" }, HttpStatusCode.OK);
        Assert.Equal("Recorded", recorded.Str("state"));
        Assert.Equal("已备案", recorded.Str("recordNote"));
        Assert.Equal("Recorded", (await k.Village.GetJson($"/api/stations/items/{item.Str("id")}")).GetProperty("procurement").Str("state"));
    }

    // R-ST-05, R-PL-03: the village files, the committee opines, the town lead records — each only their own step, in their own scope.
    [Theory, BothDatabases]
    public async Task R_ST_05_each_step_belongs_to_its_own_unit(Db db)
    {
        var k = await StationKit.StartAsync(db);
        var s = await k.StationAsync();
        var (item, agreement) = await k.PurchasedItemAsync(s.Str("id"));
        var url = $"/api/stations/items/{item.Str("id")}/procurement-filing";
        foreach (var c in new[] { k.Supervisor, k.Lead, k.City, k.Deputy })
            (await c.PostJson(url, k.Filing(agreement), HttpStatusCode.Forbidden)).ShouldBeProblem(403);
        (await k.OtherVillage.PostJson(url, k.Filing(agreement), HttpStatusCode.NotFound)).ShouldBeProblem(404);
        var id = (await k.Village.PostJson(url, k.Filing(agreement), HttpStatusCode.Created)).Str("id");
        (await k.Village.PostJson(url, k.Filing(agreement), HttpStatusCode.Conflict)).ShouldBeProblem(409);

        foreach (var c in new[] { k.Village, k.Head, k.Lead, k.City })
            (await c.PostJson(FilingUrl(id, "/supervisory-opinion"), k.Opinion(), HttpStatusCode.Forbidden)).ShouldBeProblem(403);
        (await k.Lead.PostJson(FilingUrl(id, "/record"), new { }, HttpStatusCode.Conflict)).ShouldBeProblem(409);
        await k.Supervisor.PostJson(FilingUrl(id, "/supervisory-opinion"), k.Opinion(), HttpStatusCode.OK);
        (await k.Supervisor.PostJson(FilingUrl(id, "/file"), new { }, HttpStatusCode.Forbidden)).ShouldBeProblem(403);
        await k.Head.PostJson(FilingUrl(id, "/file"), new { }, HttpStatusCode.OK);

        foreach (var c in new[] { k.Village, k.Supervisor, k.City })
            (await c.PostJson(FilingUrl(id, "/record"), new { }, HttpStatusCode.Forbidden)).ShouldBeProblem(403);
        (await k.OtherLead.PostJson(FilingUrl(id, "/record"), new { }, HttpStatusCode.NotFound)).ShouldBeProblem(404);
        await k.OtherLead.GetJson(FilingUrl(id), HttpStatusCode.NotFound);
        (await k.Supervisor.PostJson(FilingUrl(id, "/supervisory-opinion"), k.Opinion(), HttpStatusCode.Conflict)).ShouldBeProblem(409);
        Assert.Equal("Filed", (await k.City.GetJson(FilingUrl(id))).Str("state"));
        await k.Lead.PostJson(FilingUrl(id, "/record"), new { }, HttpStatusCode.OK);
        (await k.Lead.PostJson(FilingUrl(id, "/record"), new { }, HttpStatusCode.Conflict)).ShouldBeProblem(409);
    }

    // R-ST-05: only purchased or packaged items are procured; the form names method, supplier, amount and the signed agreement.
    [Theory, BothDatabases]
    public async Task R_ST_05_the_filing_names_method_supplier_amount_and_the_signed_agreement(Db db)
    {
        var k = await StationKit.StartAsync(db);
        var s = await k.StationAsync();
        var free = await k.ItemAsync(s.Str("id"), k.Item("Free"));
        (await k.Village.PostJson($"/api/stations/items/{free.Str("id")}/procurement-filing", k.Filing(Guid.NewGuid().ToString()), HttpStatusCode.Conflict))
            .ShouldBeProblem(409);

        var (item, _) = await k.PurchasedItemAsync(s.Str("id"));
        var url = $"/api/stations/items/{item.Str("id")}/procurement-filing";
        var empty = await k.Village.PostJson(url, new { }, HttpStatusCode.BadRequest);
        foreach (var field in new[] { "method", "amountFen", "agreementSignedOn", "agreementAttachmentId", "supplierName" }) empty.ShouldNameField(field);
        var photo = await k.UploadAsync($"/api/stations/items/{item.Str("id")}/attachments", "Photo");
        (await k.Village.PostJson(url, k.Filing(photo), HttpStatusCode.BadRequest)).ShouldNameField("agreementAttachmentId", "unknown_attachment");
        var otherItem = await k.PurchasedItemAsync(s.Str("id"));
        (await k.Village.PostJson(url, k.Filing(otherItem.AgreementId), HttpStatusCode.BadRequest)).ShouldNameField("agreementAttachmentId", "unknown_attachment");
        Assert.Equal(JsonValueKind.Null, (await k.Village.GetJson($"/api/stations/items/{item.Str("id")}")).GetProperty("procurement").ValueKind);

        // R-ST-04: an item that goes to the host platform's operator is procured from that operator.
        var contractors = await k.OrganizationIdsAsync("Contractor");
        var operated = await k.StationAsync(operatorId: contractors[0]);
        var toHost = await k.ItemAsync(operated.Str("id"), k.Item("Purchased", amountFen: 600_000, operatorInvited: true));
        var contract = await k.UploadAsync($"/api/stations/items/{toHost.Str("id")}/attachments", "Contract");
        var hostUrl = $"/api/stations/items/{toHost.Str("id")}/procurement-filing";
        (await k.Village.PostJson(hostUrl, k.Filing(contract, supplierId: contractors[1]), HttpStatusCode.BadRequest))
            .ShouldNameField("supplierId", "not_item_operator");
        // The filing's amount agrees with the item's agreed fee (R-ST-10; a difference needs its reason, see StationMoneyTests).
        var filing = await k.Village.PostJson(hostUrl, k.Filing(contract, amountFen: 600_000, supplierName: null), HttpStatusCode.Created);
        Assert.Equal(contractors[0], filing.Str("supplierId"));
        Assert.Equal(toHost.Str("operatorName"), filing.Str("supplierName"));
        Assert.Equal(600_000, filing.GetProperty("amountFen").GetInt64());
        Assert.Equal("CompetitiveConsultation", filing.Str("method"));
    }

    // R-ST-05: the committee reviews what is filed — a draft changed after its review needs the opinion again.
    [Theory, BothDatabases]
    public async Task R_ST_05_a_draft_changed_after_the_review_needs_the_opinion_again(Db db)
    {
        var k = await StationKit.StartAsync(db);
        var s = await k.StationAsync();
        var (item, agreement) = await k.PurchasedItemAsync(s.Str("id"));
        var filing = await k.Village.PostJson($"/api/stations/items/{item.Str("id")}/procurement-filing", k.Filing(agreement), HttpStatusCode.Created);
        var id = filing.Str("id");
        var reviewed = await k.Supervisor.PostJson(FilingUrl(id, "/supervisory-opinion"), k.Opinion(), HttpStatusCode.OK);
        var v = reviewed.GetProperty("version").GetInt32();

        // The same content again keeps the opinion; a stale edit is a conflict.
        var same = await k.Village.PutJson(FilingUrl(id), k.Filing(agreement, version: v), HttpStatusCode.OK);
        Assert.NotEqual(JsonValueKind.Null, same.GetProperty("supervisoryOpinion").ValueKind);
        (await k.Village.PutJson(FilingUrl(id), k.Filing(agreement, amountFen: 3_500_000, version: v - 1), HttpStatusCode.Conflict)).ShouldBeProblem(409);
        (await k.Village.PutJson(FilingUrl(id), k.Filing(agreement, amountFen: 3_500_000), HttpStatusCode.BadRequest)).ShouldNameField("version", "required");

        var changed = await k.Village.PutJson(FilingUrl(id), k.Filing(agreement, amountFen: 3_500_000, version: same.GetProperty("version").GetInt32(),
            differenceReason: "增加周末送餐"), HttpStatusCode.OK);
        Assert.Equal(3_500_000, changed.GetProperty("amountFen").GetInt64());
        Assert.Equal(JsonValueKind.Null, changed.GetProperty("supervisoryOpinion").ValueKind);
        (await k.Village.PostJson(FilingUrl(id, "/file"), new { }, HttpStatusCode.BadRequest)).ShouldNameField("supervisoryOpinion", "required");
        Assert.Equal("Draft", (await k.Village.GetJson(FilingUrl(id))).Str("state"));
    }
}
