using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Guanjia.App.Common;
using Guanjia.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Guanjia.Web.Tests.Appeals;

/// <summary>Small helpers the appeal tests share; kept here so Flow.cs stays untouched.</summary>
internal static class AppealKit
{
    public static object Appeal(Flow f, string title, string channel = "GridWorker", string? villageId = null, string? phone = null,
        string name = "李秀英", bool? isPetitionMatter = null) => new
        {
            channel, title, description = "公园缺少座椅，长者散步无处休息", villageId = villageId ?? f.VillageId, appellantName = name,
            appellantPhone = phone ?? Flow.Phone(), address = "主山社区新村路18号", collection = "Daily", category = "ConvenienceWorks",
            isPetitionMatter,
        };

    public static object WorkOrder(Flow f, string number, string title, string? phone = null, string channel = "Hotline12345",
        bool? isPetitionMatter = null) => new
        {
            workOrderNumber = number, channel, villageCode = f.VillageCode, title, description = "晚上路灯不亮，老人出行不便",
            appellantName = "陈大文", appellantPhone = phone ?? Flow.Phone(), address = "主山社区新村路18号", isPetitionMatter,
        };

    public static Task<HttpResponseMessage> Post(HttpClient c, string url, object body) => c.PostAsJsonAsync(url, body, TestHost.Json);

    /// <summary>Appeals with this title, whoever's scope they are in: proves that a refused request saved nothing.</summary>
    public static async Task<int> CountByTitleAsync(Flow f, string title)
    {
        using var scope = f.Host.Services.CreateScope();
        var sys = f.SystemDb(scope);
        return await sys.Appeals.IgnoreQueryFilters().CountAsync(a => a.Title == title);
    }

    public static async Task<int> CountByWorkOrderAsync(Flow f, string number)
    {
        using var scope = f.Host.Services.CreateScope();
        var sys = f.SystemDb(scope);
        return await sys.Appeals.IgnoreQueryFilters().CountAsync(a => a.ExternalRef == number);
    }

    /// <summary>One pass of the background jobs, as the host's loop runs them: outbox, warnings, claim windows, the towns' yearly duties.</summary>
    public static Task RunJobsAsync(Flow f) =>
        Guanjia.App.Common.Jobs.RunOnceAsync(f.Host.Services.GetRequiredService<IServiceScopeFactory>(), default);

    /// <summary>Runs the outbox until nothing more is due, so a test starts from an empty queue.</summary>
    public static async Task DrainOutboxAsync(Flow f)
    {
        for (var i = 0; i < 50; i++)
        {
            using var scope = f.Host.Services.CreateScope();
            var sent = await scope.ServiceProvider.GetRequiredService<Guanjia.App.Feedback.OutboxDispatcher>()
                .RunOnceAsync(f.Host.NewDb(scope, Actor.System), default);
            if (sent == 0) return;
        }
    }

    public static async Task<string?> RecipientOfAsync(Flow f, Guid messageId)
    {
        using var scope = f.Host.Services.CreateScope();
        var sys = f.SystemDb(scope);
        return await sys.AppealMessages.IgnoreQueryFilters().Where(m => m.Id == messageId).Select(m => m.Recipient).SingleAsync();
    }

    /// <summary>Another village/community of the same town as the Flow's village.</summary>
    public static async Task<string> OtherVillageOfTownAsync(Flow f)
    {
        var village = await f.City.GetJson($"/api/organizations/{f.VillageId}");
        var siblings = await f.City.GetJson($"/api/organizations?parentId={village.Str("parentId")}&pageSize=200");
        return siblings.GetProperty("items").EnumerateArray()
            .First(o => o.Str("id") != f.VillageId && o.Str("kind") is "Village" or "Community").Str("id");
    }

    public static JsonElement Deadline(JsonElement appeal, string obligation) =>
        appeal.GetProperty("deadlines").EnumerateArray().Single(d => d.Str("obligation") == obligation);

    public static List<JsonElement> Messages(JsonElement appeal) => appeal.GetProperty("messages").EnumerateArray().ToList();

    public static JsonElement Message(JsonElement appeal, string kind) => Messages(appeal).Single(m => m.Str("kind") == kind);

    public static int Version(JsonElement e) => e.GetProperty("version").GetInt32();

    public static DateTimeOffset Time(JsonElement e, string name) => e.GetProperty(name).GetDateTimeOffset();

    /// <summary>The record as it is now; compared with a snapshot to prove a refused step changed nothing.</summary>
    public static async Task AssertUnchangedAsync(Flow f, JsonElement before)
    {
        var now = await f.Village.GetJson($"/api/appeals/{before.Str("id")}");
        Assert.Equal(before.Str("state"), now.Str("state"));
        Assert.Equal(Version(before), Version(now));
        Assert.Equal(Messages(before).Count, Messages(now).Count);
    }

    public static async Task<JsonElement> Problem(HttpResponseMessage res, HttpStatusCode expected) => await res.Json(expected);
}
