using System.Net;
using Guanjia.Web.Tests.Claims;
using Guanjia.Web.Tests.Infrastructure;

namespace Guanjia.Web.Tests.Hardening;

/// <summary>
/// Issue 16 defect 8 (R-PL-07, ADR 0033): one masking rule for phone and ID numbers in free text, for read-only roles and
/// for whoever the record's contacts are masked for; the product's own numbers are not phones.
/// </summary>
[Collection(ApiCollection.Name)]
public class FreeTextMaskingTests
{
    private const string IdNumber = "441900199001011234";

    [Theory, BothDatabases]
    public async Task Issue16_8_R_PL_07_a_deputy_sees_no_phone_or_id_number_in_an_appeals_description(Db db)
    {
        var f = await Flow.StartAsync(db);
        var phone = Flow.Phone();
        var appeal = await f.Village.PostJson("/api/appeals", new
        {
            channel = "GridWorker", title = $"王五 {phone} 反映路灯不亮", description = $"王五 {phone}，身份证{IdNumber}，反映楼下路灯不亮",
            villageId = f.VillageId, appellantName = "王五", appellantPhone = Flow.Phone(), collection = "Daily", category = "ConvenienceWorks",
        }, HttpStatusCode.Created);
        var url = $"/api/appeals/{appeal.Str("id")}";

        var deputy = await f.Host.SignIn("dongcheng.deputy");
        var seen = await deputy.GetJson(url);
        foreach (var text in new[] { seen.Str("description"), seen.Str("title") })
        {
            Assert.DoesNotContain(phone, text);
            Assert.DoesNotContain(IdNumber, text);
        }
        Assert.Contains($"{phone[..3]}****{phone[^4..]}", seen.Str("description"));
        Assert.Contains("441900********1234", seen.Str("description"));
        Assert.Contains("反映楼下路灯不亮", seen.Str("description")); // the rest of the text is the text
        var listed = (await deputy.GetJson($"/api/appeals?q={Uri.EscapeDataString("反映路灯不亮")}&pageSize=100")).GetProperty("items").EnumerateArray()
            .Single(r => r.Str("id") == appeal.Str("id"));
        Assert.DoesNotContain(phone, listed.Str("title"));

        // The village that handles it reads what was written.
        Assert.Contains(phone, (await f.Village.GetJson(url)).Str("description"));
    }

    [Theory, BothDatabases]
    public async Task Issue16_8_R_PL_07_a_claims_note_shows_phone_and_id_only_to_the_staff_who_connect_it(Db db)
    {
        var f = await Flow.StartAsync(db);
        var (_, itemId, _) = await ClaimFlow.ConfirmedProjectAsync(f);
        await ClaimFlow.PublishAsync(f, itemId);
        var anon = f.Host.Anonymous();
        var phone = Flow.Phone();
        var other = Flow.Phone();
        var code = await ClaimFlow.CodeAsync(f, anon, phone);
        await anon.PostJson($"/api/public/claim-board/{itemId}/claims", new
        {
            claimantKind = "Enterprise", name = "东莞市爱心照明科技有限公司", creditCode = "91441900MA4W1234X5", contactName = "周经理", phone, code,
            note = $"施工负责人刘工 {other}，身份证{IdNumber}",
        }, HttpStatusCode.Created);

        string NoteOf(System.Text.Json.JsonElement item) => item.GetProperty("claims").EnumerateArray().Single().Str("note");
        foreach (var reader in new[] { f.Village, await f.Host.SignIn("dongcheng.deputy") })
        {
            var note = NoteOf(await reader.GetJson($"/api/claim-items/{itemId}"));
            Assert.DoesNotContain(other, note);
            Assert.DoesNotContain(IdNumber, note);
            Assert.Contains("施工负责人", note);
        }
        Assert.Contains(other, NoteOf(await f.Town.GetJson($"/api/claim-items/{itemId}")));
    }
}
