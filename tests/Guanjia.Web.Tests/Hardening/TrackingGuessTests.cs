using System.Net;
using Guanjia.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Guanjia.Web.Tests.Hardening;

/// <summary>Issue 16, defect 7: wrong guesses of the phone digits are capped per tracking number, from whatever addresses.</summary>
[Collection(ApiCollection.Name)]
public class TrackingGuessTests
{
    [Theory, BothDatabases]
    public async Task Ten_wrong_guesses_close_a_tracking_number_for_a_day_even_from_many_addresses(Db db)
    {
        var f = await Flow.StartAsync(db);
        var phone = Flow.Phone();
        var number = (await f.Host.Anonymous().PostJson("/api/public/appeals", new
        {
            title = "查询测试", description = "查询测试", villageId = f.VillageId, name = "黄小明", phone,
        }, HttpStatusCode.Created)).Str("trackingNumber");
        var c = f.Host.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        Task<HttpResponseMessage> Guess(string digits)
        {
            var req = new HttpRequestMessage(HttpMethod.Get, $"/api/public/tracking?number={number.ToLowerInvariant()}&phoneLast4={digits}");
            req.Headers.Add(TestClientAddress.Header, SignInHardeningTests.NewAddress()); // a new address every time
            return c.SendAsync(req);
        }
        var wrong = Enumerable.Range(0, 10000).Select(i => i.ToString("0000")).Where(d => d != phone[^4..]).Take(10).ToList();
        foreach (var d in wrong) Assert.Equal(HttpStatusCode.NotFound, (await Guess(d)).StatusCode);
        var closed = await Guess(phone[^4..]);
        Assert.Equal(HttpStatusCode.TooManyRequests, closed.StatusCode);
        Assert.NotNull(closed.Headers.RetryAfter);
        Assert.Equal("rate_limited", (await closed.Json(HttpStatusCode.TooManyRequests)).Str("code"));
        // Another number is not affected; after a day the appellant's own digits work again.
        Assert.Equal(HttpStatusCode.NotFound, (await c.GetAsync($"/api/public/tracking?number=GJ{Guid.NewGuid():N}"[..60] + "&phoneLast4=1234")).StatusCode);
        f.Host.Clock.Advance(TimeSpan.FromDays(1));
        await (await Guess(phone[^4..])).Json(HttpStatusCode.OK);
    }
}
