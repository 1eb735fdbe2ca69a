using System.Net;
using System.Text.Json;
using Guanjia.Web.Tests.Infrastructure;

namespace Guanjia.Web.Tests.Stations;

/// <summary>三公开 of station-route items: consultation, implementation and evaluation results through three channels (R-ST-07).</summary>
[Collection(ApiCollection.Name)]
public class PublicationTests
{
    private static readonly string[] Three = ["CommunityPlatform", "IntegrityPlatform", "VillageNoticeBoard"];

    private static object Publication(string kind, string text, string publishedOn, string[]? platforms = null) =>
        new { kind, text, platforms = platforms ?? Three, publishedOn };

    // R-ST-07, R-PL-07: the three results are public, and nothing personal is in them.
    [Theory, BothDatabases]
    public async Task R_ST_07_publications_appear_on_the_public_endpoint_without_personal_data(Db db)
    {
        var k = await StationKit.StartAsync(db);
        var s = await k.StationAsync();
        var item = await k.ItemAsync(s.Str("id"), k.Item("Free"));
        var url = $"/api/stations/items/{item.Str("id")}/publications";
        // A resident of the village known to the system, whom staff happen to name in the text.
        var resident = "欧阳美玲";
        var phone = Flow.Phone();
        var point = await k.SocialWorkPointAsync();
        await k.Head.PostJson("/api/stations/referrals", k.Referral(point.Str("id"), resident, phone), HttpStatusCode.Created);

        var consultation = await k.Village.PostJson(url, Publication("Consultation",
            $"经社区协商，长者助餐由驿站无偿提供，由居民{resident}（电话{phone}）牵头组织志愿者；身份证440000199001011234。", k.TodayText), HttpStatusCode.OK);
        Assert.Single(consultation.GetProperty("publications").EnumerateArray());
        await k.Village.PostJson(url, Publication("Implementation", "已开展助餐服务12次，服务长者360人次。", k.TodayText), HttpStatusCode.OK);
        var done = await k.Head.PostJson(url, Publication("Evaluation", "居民评议满意率98%。", k.TodayText), HttpStatusCode.OK);
        Assert.Equal(["Consultation", "Implementation", "Evaluation"], done.GetProperty("publications").EnumerateArray().Select(p => p.Str("kind")));

        var anon = k.Host.Anonymous();
        var res = await anon.GetAsync($"/api/public/station-publications?stationId={s.Str("id")}");
        var raw = await res.Content.ReadAsStringAsync();
        var list = await res.Json(HttpStatusCode.OK);
        Assert.Equal(3, list.GetProperty("total").GetInt32());
        var first = list.GetProperty("items").EnumerateArray().Single(p => p.Str("kind") == "Consultation");
        Assert.Equal("协商结果", first.Str("kindZh"));
        Assert.Equal(["社区公共服务综合信息平台", "农村党风廉政信息公开平台", "党务村（居）务公开栏"], first.GetProperty("platforms").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(s.Str("name"), first.Str("stationName"));
        Assert.Equal("东城街道", first.Str("townName"));
        Assert.Contains("长者助餐由驿站无偿提供", first.Str("text"));
        Assert.DoesNotContain(resident, raw, StringComparison.Ordinal);
        Assert.DoesNotContain(phone, raw, StringComparison.Ordinal);
        Assert.DoesNotContain("440000199001011234", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("recordedByName", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("dongcheng", raw, StringComparison.Ordinal);
        // Masked when recorded: staff read the same masked text.
        var staff = await k.Lead.GetJson($"/api/stations/items/{item.Str("id")}");
        Assert.DoesNotContain(phone, staff.GetProperty("publications")[0].Str("text"), StringComparison.Ordinal);

        var byTown = await anon.GetJson($"/api/public/station-publications?townId={k.TownId}&kind=Evaluation&pageSize=200");
        Assert.Contains(byTown.GetProperty("items").EnumerateArray(), p => p.Str("itemId") == item.Str("id"));
        Assert.All(byTown.GetProperty("items").EnumerateArray(), p => Assert.Equal("Evaluation", p.Str("kind")));
    }

    // R-ST-07: consultation, then implementation, then evaluation, each once, each through all three channels.
    [Theory, BothDatabases]
    public async Task R_ST_07_the_three_results_go_in_order_through_all_three_channels(Db db)
    {
        var k = await StationKit.StartAsync(db);
        var s = await k.StationAsync();
        var item = await k.ItemAsync(s.Str("id"), k.Item("Free"));
        var url = $"/api/stations/items/{item.Str("id")}/publications";

        (await k.Village.PostJson(url, Publication("Implementation", "已实施", k.TodayText), HttpStatusCode.Conflict)).ShouldBeProblem(409);
        var two = await k.Village.PostJson(url, Publication("Consultation", "协商通过", k.TodayText, ["CommunityPlatform", "VillageNoticeBoard"]),
            HttpStatusCode.BadRequest);
        two.ShouldNameField("platforms", "all_three_required");
        var empty = await k.Village.PostJson(url, new { }, HttpStatusCode.BadRequest);
        foreach (var field in new[] { "kind", "text", "platforms", "publishedOn" }) empty.ShouldNameField(field);
        (await k.Village.PostJson(url, Publication("Consultation", "协商通过", k.Today.AddDays(2).ToString("yyyy-MM-dd")), HttpStatusCode.BadRequest))
            .ShouldNameField("publishedOn", "in_future");
        // Only the village publishes, and only its own items.
        foreach (var c in new[] { k.Lead, k.City, k.Supervisor })
            (await c.PostJson(url, Publication("Consultation", "协商通过", k.TodayText), HttpStatusCode.Forbidden)).ShouldBeProblem(403);
        (await k.OtherVillage.PostJson(url, Publication("Consultation", "协商通过", k.TodayText), HttpStatusCode.NotFound)).ShouldBeProblem(404);
        Assert.Empty((await k.Village.GetJson($"/api/stations/items/{item.Str("id")}")).GetProperty("publications").EnumerateArray());
        Assert.Equal(0, (await k.Host.Anonymous().GetJson($"/api/public/station-publications?stationId={s.Str("id")}")).GetProperty("total").GetInt32());

        var ok = await k.Village.PostJson(url, Publication("Consultation", "协商通过", k.TodayText), HttpStatusCode.OK);
        var p = ok.GetProperty("publications")[0];
        Assert.Equal($"{item.Str("title")}协商结果公开", p.Str("title"));
        Assert.Equal(Three, p.GetProperty("platforms").EnumerateArray().Select(x => x.GetString()));
        (await k.Village.PostJson(url, Publication("Consultation", "再次公开", k.TodayText), HttpStatusCode.Conflict)).ShouldBeProblem(409);
        (await k.Village.PostJson(url, Publication("Evaluation", "评议", k.TodayText), HttpStatusCode.Conflict)).ShouldBeProblem(409);
        Assert.Single((await k.Village.GetJson($"/api/stations/items/{item.Str("id")}")).GetProperty("publications").EnumerateArray());
    }
}
