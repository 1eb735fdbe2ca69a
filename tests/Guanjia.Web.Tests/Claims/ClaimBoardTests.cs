using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Guanjia.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Guanjia.Web.Tests.Claims.ClaimFlow;

namespace Guanjia.Web.Tests.Claims;

/// <summary>莞家直达: the town confirms, the city publishes, the public claims, the town connects (R-RT-02..04).</summary>
[Collection(ApiCollection.Name)]
public class ClaimBoardTests
{
    private static DateOnly LocalDate(string iso) =>
        DateOnly.FromDateTime(Guanjia.Domain.Calendar.ChinaTime.ToLocal(DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture)).DateTime);

    // R-RT-02
    [Theory, BothDatabases]
    public async Task R_RT_02_the_towns_confirmation_gives_the_city_10_working_days_to_publish_across_National_Day(Db db)
    {
        var f = await Flow.StartAsync(db);
        await f.SetClockAsync(new DateTimeOffset(2026, 9, 30, 8, 0, 0, TimeSpan.FromHours(8)));
        var order = await f.HotlineOrderAsync();
        await f.AcknowledgeAsync(order.Str("id"));
        var projectId = await f.CommitteeAsync(order.Str("id"));
        var minutes = await f.UploadAsync(projectId, "Minutes");
        await f.Village.PostJson($"/api/micro-projects/{projectId}/consultations", f.Consultation(minutes, Budget, "Direct"), HttpStatusCode.OK);
        await f.RegisterAsync(projectId);
        await f.OpinionAsync(projectId);
        await f.AdvanceAsync(TimeSpan.FromHours(2));
        var reviewed = await f.Town.PostJson($"/api/micro-projects/{projectId}/review", Flow.Review(), HttpStatusCode.OK);
        Assert.Equal("AwaitingClaim", reviewed.Str("state"));

        var itemId = await ItemOfAsync(f, projectId);
        var item = await f.City.GetJson($"/api/claim-items/{itemId}");
        Assert.Equal("AwaitingPublication", item.Str("state"));
        Assert.Equal(Budget, item.GetProperty("amountFen").GetInt64());
        // 10 working days from Wednesday 09-30: the holiday 10-01..07 does not count, the make-up Saturday 10-10 does.
        var due = Deadline(item, "DirectPublication");
        Assert.Equal(new DateOnly(2026, 10, 20), LocalDate(due.Str("dueAt")));
        Assert.Equal("R-RT-02", due.Str("ruleId"));

        // Only the city lead department publishes: not the village, not the town.
        var body = new { from = Today(f), to = Today(f, 9) };
        await f.Village.PostJson($"/api/claim-items/{itemId}/publish", body, HttpStatusCode.Forbidden);
        await f.Town.PostJson($"/api/claim-items/{itemId}/publish", body, HttpStatusCode.Forbidden);
        var shortWindow = await f.City.PostJson($"/api/claim-items/{itemId}/publish", new { from = Today(f), to = Today(f, 2) }, HttpStatusCode.BadRequest);
        shortWindow.ShouldNameField("to", "too_short");
        var badPlatform = await f.City.PostJson($"/api/claim-items/{itemId}/publish", new { from = Today(f), to = Today(f, 9), platforms = new[] { "Weibo" } },
            HttpStatusCode.BadRequest);
        badPlatform.ShouldNameField("platforms", "invalid");
        Assert.Equal("AwaitingPublication", (await f.City.GetJson($"/api/claim-items/{itemId}")).Str("state"));

        // Late, on 10-21: a reason is required and kept.
        await f.SetClockAsync(new DateTimeOffset(2026, 10, 21, 9, 0, 0, TimeSpan.FromHours(8)));
        (await f.City.PostJson($"/api/claim-items/{itemId}/publish", new { from = Today(f), to = Today(f, 9) }, HttpStatusCode.BadRequest))
            .ShouldNameField("lateReason");
        var published = await PublishAsync(f, itemId, lateReason: "国庆假期后集中发布");
        Assert.Equal("Open", published.Str("state"));
        Assert.Equal("MetLate", Status(published, "DirectPublication"));
        Assert.Equal(["WeChatAccount", "Hotline12345Portal", "CharityFederationWebsite"],
            published.GetProperty("platforms").EnumerateArray().Select(p => p.GetString()!).ToArray());

        var board = await f.Host.Anonymous().GetJson("/api/public/claim-board?openOnly=true&pageSize=100");
        Assert.Contains(board.GetProperty("items").EnumerateArray(), i => i.Str("id") == itemId && i.GetProperty("claimable").GetBoolean());
        var notices = await f.Host.Anonymous().GetJson("/api/public/notices?kind=ClaimBoard&pageSize=100");
        Assert.Contains(notices.GetProperty("items").EnumerateArray(), n => n.Str("subjectRef") == item.Str("number"));
    }

    // R-RT-02
    [Theory, BothDatabases]
    public async Task R_RT_02_below_the_hint_the_direct_route_asks_why_instead_of_refusing(Db db)
    {
        var f = await Flow.StartAsync(db);
        var order = await f.HotlineOrderAsync();
        await f.AcknowledgeAsync(order.Str("id"));
        var projectId = await f.CommitteeAsync(order.Str("id"));
        var minutes = await f.UploadAsync(projectId, "Minutes");
        // The documents set no floor for 莞家直达 ("涉及金额较大"): the programme's 5万 is a hint, and below it the village says why.
        var small = await f.Village.PostJson($"/api/micro-projects/{projectId}/consultations", f.Consultation(minutes, 3_000_000, "Direct"),
            HttpStatusCode.BadRequest);
        small.ShouldNameField("directRouteReason", "direct_below_hint");
        Assert.Equal("AwaitingConsultation", (await f.Village.GetJson($"/api/micro-projects/{projectId}")).Str("state"));

        var body = System.Text.Json.Nodes.JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(f.Consultation(minutes, 3_000_000, "Direct")))!;
        body["directRouteReason"] = "受助家庭多，村集体无力承担，需爱心企业认领";
        var consulted = await f.Village.PostJson($"/api/micro-projects/{projectId}/consultations", body, HttpStatusCode.OK);
        Assert.Equal("Consulted", consulted.Str("state"));
        Assert.Equal("Direct", consulted.Str("route"));
    }

    // R-RT-03, R-PL-06: the whole direct route through HTTP, from publication through a claim to a closed project.
    [Theory, BothDatabases]
    public async Task R_RT_03_a_direct_item_walks_from_publication_through_a_claim_to_completion(Db db)
    {
        var f = await Flow.StartAsync(db);
        var phone = Flow.Phone();
        var (projectId, itemId, appealId) = await ConfirmedProjectAsync(f, phone);
        await PublishAsync(f, itemId);
        var anon = f.Host.Anonymous();
        await f.AdvanceAsync(TimeSpan.FromDays(2));

        var receipt = await ClaimAsync(f, anon, itemId);
        Assert.Equal("Claimed", receipt.Str("itemState"));
        Assert.Equal(0, receipt.GetProperty("remainingFen").GetInt64());
        var item = await f.Town.GetJson($"/api/claim-items/{itemId}");
        Assert.Equal("东莞市爱心照明科技有限公司", item.GetProperty("claims")[0].Str("claimantName"));
        var start = Deadline(item, "DirectStart");
        // One month from the claim.
        Assert.Equal(LocalDate(item.Str("claimedAt")).AddMonths(1), LocalDate(start.Str("dueAt")));

        // The proposer hears who claimed it.
        await f.DeliverAsync();
        var appeal = await f.Village.GetJson($"/api/appeals/{appealId}");
        var claimMsg = appeal.GetProperty("messages").EnumerateArray().Single(m => m.Str("kind") == "ClaimResult");
        Assert.Contains("东莞市爱心照明科技有限公司", claimMsg.Str("body"));

        // A second claim on a claimed item: 409, nothing changes.
        var late = Flow.Phone();
        var code = await CodeAsync(f, anon, late);
        await anon.PostJson($"/api/public/claim-board/{itemId}/claims", Claim(late, code), HttpStatusCode.Conflict);
        Assert.Single((await f.Town.GetJson($"/api/claim-items/{itemId}")).GetProperty("claims").EnumerateArray());

        // The town connects claimant and beneficiary; the project goes on to publicity and implementation.
        await f.Village.PostJson($"/api/claim-items/{itemId}/connect", new { note = "x" }, HttpStatusCode.Forbidden);
        (await f.Town.PostJson($"/api/claim-items/{itemId}/connect", new { }, HttpStatusCode.BadRequest)).ShouldNameField("note");
        var connected = await f.Town.PostJson($"/api/claim-items/{itemId}/connect", new { note = "已组织企业与社区对接，确定施工方案" }, HttpStatusCode.OK);
        Assert.Equal("Connected", connected.Str("state"));
        Assert.Equal("AwaitingPublicity", (await f.Village.GetJson($"/api/micro-projects/{projectId}")).Str("state"));
        var publicity = await f.PublishAsync(projectId);
        var notices = await anon.GetJson("/api/public/notices?kind=ProjectPublicity&pageSize=100");
        var notice = notices.GetProperty("items").EnumerateArray().Single(n => n.Str("subjectRef") == publicity.Str("number"));
        Assert.Contains("东莞市爱心照明科技有限公司", notice.GetProperty("body").Str("claimants"));
        await f.AdvanceAsync(TimeSpan.FromDays(5));
        var started = await f.StartAsync(projectId);
        Assert.Equal("Met", Status(started, "DirectStart"));
        Assert.Equal("Started", (await f.Town.GetJson($"/api/claim-items/{itemId}")).Str("state"));

        await f.AdvanceAsync(TimeSpan.FromDays(20));
        await f.CompleteAsync(projectId);
        var form = await f.CompletionAsync(projectId, Budget);
        await f.Village.PostJson($"/api/micro-projects/{projectId}/completion", form, HttpStatusCode.OK);
        await f.SurveyAsync(projectId, f.Town, 30);
        var closed = await f.Town.PostJson($"/api/micro-projects/{projectId}/survey/finish", new { }, HttpStatusCode.OK);
        Assert.Equal("Closed", closed.Str("state"));
        appeal = await f.Village.GetJson($"/api/appeals/{appealId}");
        Assert.Equal(["Receipt", "TownDecisionProgramme", "ClaimResult", "Result"],
            appeal.GetProperty("messages").EnumerateArray().Select(m => m.Str("kind")).ToArray());
    }

    // R-RT-03: one claimant per item unless it allows shares; each share an amount; the shares add up.
    [Theory, BothDatabases]
    public async Task R_RT_03_shares_add_up_to_the_item_and_no_claim_goes_over_it(Db db)
    {
        var f = await Flow.StartAsync(db);
        var (_, whole, _) = await ConfirmedProjectAsync(f);
        await PublishAsync(f, whole);
        var anon = f.Host.Anonymous();
        var phone = Flow.Phone();
        var code = await CodeAsync(f, anon, phone);
        (await anon.PostJson($"/api/public/claim-board/{whole}/claims", Claim(phone, code, 5_000_000), HttpStatusCode.BadRequest))
            .ShouldNameField("amountFen", "not_shared");

        var (_, shared, _) = await ConfirmedProjectAsync(f);
        await PublishAsync(f, shared, shares: true, minimumShareFen: 1_000_000);
        phone = Flow.Phone();
        code = await CodeAsync(f, anon, phone);
        (await anon.PostJson($"/api/public/claim-board/{shared}/claims", Claim(phone, code, 500_000), HttpStatusCode.BadRequest))
            .ShouldNameField("amountFen", "below_minimum");
        (await anon.PostJson($"/api/public/claim-board/{shared}/claims", Claim(phone, code, Budget + 1), HttpStatusCode.BadRequest))
            .ShouldNameField("amountFen", "over_remaining");
        (await anon.PostJson($"/api/public/claim-board/{shared}/claims", Claim(phone, code, -100), HttpStatusCode.BadRequest))
            .ShouldNameField("amountFen", "required");

        var first = await anon.PostJson($"/api/public/claim-board/{shared}/claims", Claim(phone, code, 8_000_000), HttpStatusCode.Created);
        Assert.Equal("Open", first.Str("itemState"));
        Assert.Equal(4_000_000, first.GetProperty("remainingFen").GetInt64());
        var second = await ClaimAsync(f, anon, shared, 4_000_000, kind: "Donor", name: "林志强");
        Assert.Equal("Claimed", second.Str("itemState"));

        // A station worker may link this donor to a case as charity (R-CA-09): the donor, a person, stays masked in the case as on the board.
        var ck = await Guanjia.Web.Tests.CivilAffairs.CaseworkKit.StartAsync(db);
        var donor = Assert.Single((await ck.Worker.GetJson("/api/civil-affairs/donors?q=林志强")).EnumerateArray());
        Assert.Equal("Donor", donor.Str("kind"));
        Assert.DoesNotContain("志强", donor.Str("name"), StringComparison.Ordinal);
        var caseFile = await ck.RegisterAsync();
        var linked = await ck.Worker.PostJson($"/api/civil-affairs/files/{caseFile.Str("id")}/links", new
        {
            kind = "Charity", source = "Individual", claimantId = donor.Str("id"), need = "冬季衣物", linkedOn = ck.Today.ToString("yyyy-MM-dd"),
        }, HttpStatusCode.Created);
        Assert.Equal(donor.Str("name"), linked.Str("providerName"));

        var item = await f.Town.GetJson($"/api/claim-items/{shared}");
        Assert.Equal(Budget, item.GetProperty("claimedFen").GetInt64());
        Assert.Equal(Budget, item.GetProperty("claims").EnumerateArray().Sum(c => c.GetProperty("amountFen").GetInt64()));
        // The public sees the donor masked and the enterprise by name.
        var pub = await anon.GetJson($"/api/public/claim-board/{shared}");
        var names = pub.GetProperty("claims").EnumerateArray().Select(c => c.Str("claimant")).ToList();
        Assert.Contains("东莞市爱心照明科技有限公司", names);
        Assert.Contains("爱心人士林**", names);
        Assert.DoesNotContain("林志强", pub.ToString());
        Assert.False(pub.GetProperty("claimable").GetBoolean());
    }

    // R-RT-03: the claim needs a verified phone; wrong codes count, and a used code is spent.
    [Theory, BothDatabases]
    public async Task R_RT_03_a_claim_needs_a_verified_phone_and_bad_claims_change_nothing(Db db)
    {
        var f = await Flow.StartAsync(db);
        var (_, itemId, _) = await ConfirmedProjectAsync(f);
        var anon = f.Host.Anonymous();

        // Not yet published: the public cannot see or claim it.
        var phone = Flow.Phone();
        var code = await CodeAsync(f, anon, phone);
        await anon.PostJson($"/api/public/claim-board/{itemId}/claims", Claim(phone, code), HttpStatusCode.NotFound);
        await PublishAsync(f, itemId);

        var noCode = await anon.PostJson($"/api/public/claim-board/{itemId}/claims", Claim(Flow.Phone(), "123456"), HttpStatusCode.BadRequest);
        noCode.ShouldNameField("code", "expired");
        var bad = await anon.PostJson($"/api/public/claim-board/{itemId}/claims", new
        {
            claimantKind = "Enterprise", name = "", creditCode = "123", contactName = "", phone = "12345", code = "",
        }, HttpStatusCode.BadRequest);
        foreach (var field in new[] { "name", "creditCode", "contactName", "phone", "code" }) bad.ShouldNameField(field);
        (await anon.PostJson($"/api/public/claim-board/{itemId}/claims", new { name = "x", contactName = "y", phone, code },
            HttpStatusCode.BadRequest)).ShouldNameField("claimantKind", "required");

        var wrong = code == "000000" ? "111111" : "000000";
        for (var i = 0; i < 5; i++)
            (await anon.PostJson($"/api/public/claim-board/{itemId}/claims", Claim(phone, wrong), HttpStatusCode.BadRequest)).ShouldNameField("code", "wrong");
        // After five wrong tries even the right code is refused: a new one is needed.
        (await anon.PostJson($"/api/public/claim-board/{itemId}/claims", Claim(phone, code), HttpStatusCode.BadRequest))
            .ShouldNameField("code", "too_many_attempts");
        var item = await f.Town.GetJson($"/api/claim-items/{itemId}");
        Assert.Equal("Open", item.Str("state"));
        Assert.Empty(item.GetProperty("claims").EnumerateArray());

        await f.AdvanceAsync(TimeSpan.FromMinutes(2));
        code = await CodeAsync(f, anon, phone);
        await anon.PostJson($"/api/public/claim-board/{itemId}/claims", Claim(phone, code), HttpStatusCode.Created);
    }

    // R-RT-03: codes are rate-limited per phone: one a minute, five an hour.
    [Theory, BothDatabases]
    public async Task R_RT_03_verification_codes_are_limited_per_phone(Db db)
    {
        var f = await Flow.StartAsync(db);
        var anon = f.Host.Anonymous();
        var phone = Flow.Phone();
        await anon.PostJson("/api/public/contact-verifications", new { phone, purpose = "Claim" }, HttpStatusCode.Accepted);
        var again = await anon.PostAsJsonAsync("/api/public/contact-verifications", new { phone, purpose = "Claim" }, TestHost.Json);
        Assert.Equal(HttpStatusCode.TooManyRequests, again.StatusCode);
        Assert.NotNull(again.Headers.RetryAfter);
        for (var i = 0; i < 4; i++)
        {
            await f.AdvanceAsync(TimeSpan.FromMinutes(2));
            await anon.PostJson("/api/public/contact-verifications", new { phone, purpose = "Claim" }, HttpStatusCode.Accepted);
        }
        await f.AdvanceAsync(TimeSpan.FromMinutes(2));
        await anon.PostJson("/api/public/contact-verifications", new { phone, purpose = "Claim" }, HttpStatusCode.TooManyRequests);
        (await anon.PostJson("/api/public/contact-verifications", new { phone = "110", purpose = "Claim" }, HttpStatusCode.BadRequest))
            .ShouldNameField("phone", "invalid");

        // The code is sent through the outbox and its text is not kept once sent.
        var senders = f.Host.Services.GetRequiredService<Guanjia.App.Feedback.MessageSenders>();
        senders.Use(Guanjia.Domain.Appeals.DeliveryChannel.Sms, new TextSender());
        try
        {
            await f.DeliverAsync();
        }
        finally
        {
            senders.Use(Guanjia.Domain.Appeals.DeliveryChannel.Sms, null);
        }
        using var scope = f.Host.Services.CreateScope();
        var rows = await f.SystemDb(scope).ContactMessages.Where(m => m.Recipient == phone).ToListAsync();
        Assert.Equal(5, rows.Count);
        Assert.All(rows, m => Assert.Equal(Guanjia.Domain.Contacts.ContactMessageState.Sent, m.State));
        Assert.All(rows, m => Assert.DoesNotMatch(@"\d{6}", m.Body));
    }

    // R-RT-03: two claims racing for one whole item: one wins, the other gets 409.
    [Theory, BothDatabases]
    public async Task R_RT_03_two_claims_at_once_on_a_whole_item_one_wins(Db db)
    {
        var f = await Flow.StartAsync(db);
        var (_, itemId, _) = await ConfirmedProjectAsync(f);
        await PublishAsync(f, itemId);
        var a = f.Host.Anonymous();
        var b = f.Host.Anonymous();
        var (pa, pb) = (Flow.Phone(), Flow.Phone());
        var (ca, cb) = (await CodeAsync(f, a, pa), await CodeAsync(f, b, pb));
        var results = await Task.WhenAll(
            a.PostAsJsonAsync($"/api/public/claim-board/{itemId}/claims", Claim(pa, ca), TestHost.Json),
            b.PostAsJsonAsync($"/api/public/claim-board/{itemId}/claims", Claim(pb, cb, name: "东莞市另一家企业有限公司"), TestHost.Json));
        Assert.Equal([HttpStatusCode.Conflict, HttpStatusCode.Created], results.Select(r => r.StatusCode).OrderBy(s => (int)s == 409 ? 0 : 1).ToArray());
        var item = await f.Town.GetJson($"/api/claim-items/{itemId}");
        Assert.Single(item.GetProperty("claims").EnumerateArray());
        Assert.Equal(Budget, item.GetProperty("claimedFen").GetInt64());
    }

    // R-RT-04
    [Theory, BothDatabases]
    public async Task R_RT_04_an_item_unclaimed_when_its_window_ends_returns_to_the_fund_and_its_normal_process(Db db)
    {
        var f = await Flow.StartAsync(db);
        var (projectId, itemId, appealId) = await ConfirmedProjectAsync(f);
        await PublishAsync(f, itemId, days: 7);
        await f.AdvanceAsync(TimeSpan.FromDays(3));
        await SweepAsync(f);
        Assert.Equal("AwaitingClaim", (await f.Village.GetJson($"/api/micro-projects/{projectId}")).Str("state"));

        await f.AdvanceAsync(TimeSpan.FromDays(5));
        // Past the window the board no longer takes claims, even before the job has run.
        var anon = f.Host.Anonymous();
        var phone = Flow.Phone();
        var code = await CodeAsync(f, anon, phone);
        await anon.PostJson($"/api/public/claim-board/{itemId}/claims", Claim(phone, code), HttpStatusCode.Conflict);
        await SweepAsync(f);
        var item = await f.Town.GetJson($"/api/claim-items/{itemId}");
        Assert.Equal("Returned", item.Str("state"));
        var project = await f.Village.GetJson($"/api/micro-projects/{projectId}");
        Assert.Equal("AwaitingPublicity", project.Str("state"));
        Assert.Equal("Express", project.Str("route"));
        await f.DeliverAsync();
        var appeal = await f.Village.GetJson($"/api/appeals/{appealId}");
        Assert.Contains(appeal.GetProperty("messages").EnumerateArray(), m => m.Str("kind") == "ClaimReturned");

        // The normal process: publicity, then the express limits from its end.
        var published = await f.PublishAsync(projectId);
        Assert.Contains(published.GetProperty("deadlines").EnumerateArray(), d => d.Str("obligation") == "WorksFinish");
        await SweepAsync(f);
        Assert.Equal("Returned", (await f.Town.GetJson($"/api/claim-items/{itemId}")).Str("state"));
    }

    // R-RT-03, R-RT-04: partly claimed at the end of the window, the shares stand and the month to start begins.
    [Theory, BothDatabases]
    public async Task R_RT_04_a_partly_claimed_item_keeps_its_shares_when_the_window_ends(Db db)
    {
        var f = await Flow.StartAsync(db);
        var (projectId, itemId, _) = await ConfirmedProjectAsync(f);
        await PublishAsync(f, itemId, days: 5, shares: true, minimumShareFen: 100_000);
        await ClaimAsync(f, f.Host.Anonymous(), itemId, 3_000_000);
        await f.AdvanceAsync(TimeSpan.FromDays(6));
        await SweepAsync(f);
        var item = await f.Town.GetJson($"/api/claim-items/{itemId}");
        Assert.Equal("Claimed", item.Str("state"));
        Assert.Equal("Open", Status(item, "DirectStart"));
        Assert.Equal("AwaitingClaim", (await f.Village.GetJson($"/api/micro-projects/{projectId}")).Str("state"));
    }

    /// <summary>A real gateway as far as the outbox can tell: it accepts every text.</summary>
    private sealed class TextSender : Guanjia.App.Feedback.IMessageSender
    {
        public string Name => "test-sms";

        public Task SendAsync(Guanjia.Domain.Feedback.AppealMessage message, CancellationToken ct) => Task.CompletedTask;

        public Task SendAsync(Guanjia.Domain.Contacts.ContactMessage message, CancellationToken ct) => Task.CompletedTask;
    }
}
