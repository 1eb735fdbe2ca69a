using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Guanjia.App.Common;
using Guanjia.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Guanjia.Web.Tests.Claims;

/// <summary>Steps of the 莞家直达 route, through the HTTP API only, shared by the claim tests.</summary>
internal static class ClaimFlow
{
    public const long Budget = 12_000_000; // 12万元: above the threshold, the town confirms it

    /// <summary>A 12345 appeal made into a direct-route project the town has confirmed; returns (projectId, claimItemId).</summary>
    public static async Task<(string ProjectId, string ItemId, string AppealId)> ConfirmedProjectAsync(Flow f, string? phone = null, object? consultation = null)
    {
        var order = await f.HotlineOrderAsync(phone: phone);
        await f.AcknowledgeAsync(order.Str("id"));
        var projectId = await f.CommitteeAsync(order.Str("id"));
        var minutes = await f.UploadAsync(projectId, "Minutes");
        await f.Village.PostJson($"/api/micro-projects/{projectId}/consultations", consultation ?? f.Consultation(minutes, Budget, "Direct"), HttpStatusCode.OK);
        await f.RegisterAsync(projectId);
        await f.OpinionAsync(projectId);
        var reviewed = await f.ReviewAsync(projectId);
        Assert.Equal("AwaitingClaim", reviewed.Str("state"));
        return (projectId, await ItemOfAsync(f, projectId), order.Str("id"));
    }

    public static async Task<string> ItemOfAsync(Flow f, string subjectId)
    {
        var list = await f.Town.GetJson($"/api/claim-items?subjectId={subjectId}");
        return list.GetProperty("items").EnumerateArray().Single().Str("id");
    }

    public static string Today(Flow f, int plusDays = 0) =>
        DateOnly.FromDateTime(Guanjia.Domain.Calendar.ChinaTime.ToLocal(f.Now).DateTime).AddDays(plusDays).ToString("yyyy-MM-dd");

    public static async Task<JsonElement> PublishAsync(Flow f, string itemId, int days = 10, bool shares = false, long? minimumShareFen = null,
        string? lateReason = null) =>
        await f.City.PostJson($"/api/claim-items/{itemId}/publish", new
        {
            from = Today(f), to = Today(f, days - 1), allowsShares = shares, minimumShareFen, lateReason,
        }, HttpStatusCode.OK);

    /// <summary>Asks for a code and reads it from the text the outbox would send.</summary>
    public static async Task<string> CodeAsync(Flow f, HttpClient anon, string phone, string purpose = "Claim")
    {
        await anon.PostJson("/api/public/contact-verifications", new { phone, purpose }, HttpStatusCode.Accepted);
        using var scope = f.Host.Services.CreateScope();
        var db = f.SystemDb(scope);
        var body = await db.ContactMessages.Where(m => m.Recipient == phone).OrderByDescending(m => m.CreatedAt).Select(m => m.Body).FirstAsync();
        return Regex.Match(body, @"\d{6}").Value;
    }

    public static object Claim(string phone, string code, long? amountFen = null, string kind = "Enterprise", string name = "东莞市爱心照明科技有限公司") => new
    {
        claimantKind = kind, name, creditCode = kind == "Donor" ? null : "91441900MA4W1234X5", contactName = "周经理", phone, code, amountFen,
        note = "愿意出资并组织施工",
    };

    public static async Task<JsonElement> ClaimAsync(Flow f, HttpClient anon, string itemId, long? amountFen = null, string kind = "Enterprise",
        string name = "东莞市爱心照明科技有限公司", string? phone = null)
    {
        phone ??= Flow.Phone();
        var code = await CodeAsync(f, anon, phone);
        return await anon.PostJson($"/api/public/claim-board/{itemId}/claims", Claim(phone, code, amountFen, kind, name), HttpStatusCode.Created);
    }

    /// <summary>Runs the claim-window job once, as the background loop would.</summary>
    public static async Task<int> SweepAsync(Flow f)
    {
        using var scope = f.Host.Services.CreateScope();
        var db = f.SystemDb(scope);
        return await scope.ServiceProvider.GetRequiredService<Guanjia.App.Claims.ClaimWindows>().RunOnceAsync(db, default);
    }

    public static string Status(JsonElement subject, string obligation) =>
        subject.GetProperty("deadlines").EnumerateArray().Last(d => d.Str("obligation") == obligation).Str("status");

    public static JsonElement Deadline(JsonElement subject, string obligation) =>
        subject.GetProperty("deadlines").EnumerateArray().Last(d => d.Str("obligation") == obligation);
}

internal static class JsonMerge
{
    /// <summary>The first object's properties, replaced or extended by the second's.</summary>
    public static JsonElement Merge(this JsonElement a, JsonElement b)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(a.GetRawText())!.AsObject();
        foreach (var p in b.EnumerateObject()) node[p.Name] = System.Text.Json.Nodes.JsonNode.Parse(p.Value.GetRawText());
        return JsonDocument.Parse(node.ToJsonString()).RootElement.Clone();
    }
}
