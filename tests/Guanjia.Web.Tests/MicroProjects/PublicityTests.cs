using System.Net;
using Guanjia.Web.Tests.Infrastructure;

namespace Guanjia.Web.Tests.MicroProjects;

/// <summary>Publicity of a confirmed project, the public notice, and the implementation limits it starts (R-MS-11, R-MS-12, R-PL-07).</summary>
[Collection(ApiCollection.Name)]
public class PublicityTests
{
    private static string Url(string projectId) => $"/api/micro-projects/{projectId}/publicity";

    private static object Period(DateOnly from, DateOnly to, string[]? platforms = null) =>
        new { from = from.ToString("yyyy-MM-dd"), to = to.ToString("yyyy-MM-dd"), platforms };

    // R-MS-11
    [Theory, BothDatabases]
    public async Task R_MS_11_publicity_lasts_at_least_five_days_from_today_on_the_linked_platforms(Db db)
    {
        var f = await Flow.StartAsync(db);
        var projectId = await DecisionToStart.AwaitingPublicityAsync(f);
        var today = DecisionToStart.Today(f);
        var before = await DecisionToStart.GetAsync(f, projectId);

        var four = await f.Town.PostJson(Url(projectId), Period(today, today.AddDays(3)), HttpStatusCode.BadRequest);
        four.ShouldNameField("to", "too_short");
        var past = await f.Town.PostJson(Url(projectId), Period(today.AddDays(-1), today.AddDays(5)), HttpStatusCode.BadRequest);
        past.ShouldNameField("from", "in_past");
        var platform = await f.Town.PostJson(Url(projectId), Period(today, today.AddDays(4), ["WeChatAccount", "Weibo"]), HttpStatusCode.BadRequest);
        platform.ShouldNameField("platforms", "invalid");
        var missing = await f.Town.PostJson(Url(projectId), new { }, HttpStatusCode.BadRequest);
        missing.ShouldNameField("from", "required");
        missing.ShouldNameField("to", "required");

        var unchanged = await DecisionToStart.AssertUnchangedAsync(f, projectId, before);
        Assert.Equal("AwaitingPublicity", unchanged.Str("state"));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, unchanged.GetProperty("publicityFrom").ValueKind);
        var notices = await f.Host.Anonymous().GetJson("/api/public/notices?kind=ProjectPublicity&pageSize=200");
        Assert.DoesNotContain(notices.GetProperty("items").EnumerateArray(), n => n.Str("subjectRef") == unchanged.Str("number"));

        var ok = await f.Town.PostJson(Url(projectId), Period(today, today.AddDays(4)), HttpStatusCode.OK);
        Assert.Equal("Publicity", ok.Str("state"));
        Assert.Equal(new DateTimeOffset(today.Year, today.Month, today.Day, 0, 0, 0, DecisionToStart.Beijing), ok.GetProperty("publicityFrom").GetDateTimeOffset());
        Assert.Equal(DecisionToStart.EndOfLocalDay(f.Now, days: 4), ok.GetProperty("publicityTo").GetDateTimeOffset());
        // R-MS-11 (reworded): 003's four platforms and 002's, the 党务村（居）务公开栏 among them.
        Assert.Equal(["Hotline12345Portal", "WeChatAccount", "CivilAffairsWebsite", "CommunityPlatform", "VillageNoticeBoard"],
            ok.GetProperty("publicityPlatforms").EnumerateArray().Select(x => x.GetString()!).ToArray());
    }

    // R-MS-11, issue 17 point 7: the town sees the notice as the public will read it, every person masked, before it publishes; the
    // preview saves nothing and the published notice is the same text.
    [Theory, BothDatabases]
    public async Task R_MS_11_the_town_previews_the_masked_notice_and_the_published_notice_is_the_same(Db db)
    {
        var f = await Flow.StartAsync(db);
        var projectId = await DecisionToStart.AwaitingPublicityAsync(f);
        var today = DecisionToStart.Today(f);
        var before = await DecisionToStart.GetAsync(f, projectId);

        var preview = await f.Town.GetJson($"{Url(projectId)}/preview");
        Assert.Equal(5, preview.GetProperty("platforms").GetArrayLength());
        Assert.All(preview.GetProperty("platforms").EnumerateArray(), x => Assert.Matches("\\p{IsCJKUnifiedIdeographs}", x.GetString()!));
        var board = await f.Town.GetJson($"{Url(projectId)}/preview?platforms=VillageNoticeBoard");
        Assert.Equal(1, board.GetProperty("platforms").GetArrayLength());
        Assert.Contains(before.Str("name"), preview.Str("title"));
        Assert.DoesNotContain(preview.GetProperty("body").EnumerateObject(), x => x.Value.ValueKind == System.Text.Json.JsonValueKind.String && x.Value.GetString()!.Contains("李秀英"));
        await DecisionToStart.AssertUnchangedAsync(f, projectId, before);
        // Only who may publish it now: the village does not publish a confirmed large project.
        var village = await f.Village.GetAsync($"{Url(projectId)}/preview");
        Assert.False(village.IsSuccessStatusCode);

        var published = await f.Town.PostJson(Url(projectId), Period(today, today.AddDays(4)), HttpStatusCode.OK);
        var notices = await f.Host.Anonymous().GetJson("/api/public/notices?kind=ProjectPublicity&pageSize=200");
        var notice = notices.GetProperty("items").EnumerateArray().Single(n => n.Str("subjectRef") == published.Str("number"));
        Assert.Equal(preview.Str("title"), notice.Str("title"));
        Assert.Equal(preview.GetProperty("body").GetProperty("content").GetString(), notice.GetProperty("body").GetProperty("content").GetString());
    }

    // R-MS-11: a confirmed project goes on every linked platform; leaving one out (a notice board alone) is an override with its reason.
    [Theory, BothDatabases]
    public async Task R_MS_11_leaving_a_linked_platform_out_needs_a_recorded_reason(Db db)
    {
        var f = await Flow.StartAsync(db);
        var projectId = await DecisionToStart.AwaitingPublicityAsync(f);
        var today = DecisionToStart.Today(f);
        var before = await DecisionToStart.GetAsync(f, projectId);

        var boardOnly = await f.Town.PostJson(Url(projectId), Period(today, today.AddDays(4), ["VillageNoticeBoard"]), HttpStatusCode.BadRequest);
        boardOnly.ShouldNameField("platforms", "platform_left_out");
        await DecisionToStart.AssertUnchangedAsync(f, projectId, before);

        var body = new
        {
            from = today.ToString("yyyy-MM-dd"), to = today.AddDays(4).ToString("yyyy-MM-dd"),
            platforms = new[] { "Hotline12345Portal", "WeChatAccount", "CommunityPlatform", "VillageNoticeBoard" },
            platformOverrideReason = "民政局官网系统升级，暂停发布",
        };
        var ok = await f.Town.PostJson(Url(projectId), body, HttpStatusCode.OK);
        Assert.Equal("Publicity", ok.Str("state"));
        Assert.Equal("民政局官网系统升级，暂停发布", ok.Str("platformOverrideReason"));
        Assert.DoesNotContain("CivilAffairsWebsite", ok.GetProperty("publicityPlatforms").EnumerateArray().Select(x => x.GetString()));
        var audit = await f.City.GetJson($"/api/audit?entityType=MicroProject&entityId={projectId}&pageSize=50");
        Assert.Contains(audit.GetProperty("items").EnumerateArray(), a => a.Str("action") == "Publish" && a.Str("reason") == "民政局官网系统升级，暂停发布");
    }

    // R-MS-11, R-PL-07
    [Theory, BothDatabases]
    public async Task R_MS_11_the_public_notice_shows_the_project_and_nothing_personal(Db db)
    {
        var f = await Flow.StartAsync(db);
        var phone = Flow.Phone();
        var (_, projectId) = await DecisionToStart.NewProjectAsync(f, hotline: true, phone: phone);
        var minutes = await f.UploadAsync(projectId, "Minutes");
        // The village wrote the proposer's phone into the result; the notice must not show it.
        var consultation = DecisionToStart.With(f.Consultation(minutes, 12_000_000),
            ("content", $"新村路增设太阳能路灯12盏，提议人联系电话{phone}"), ("beneficiaries", "新村路沿线居民约800人"));
        await f.Village.PostJson($"/api/micro-projects/{projectId}/consultations", consultation, HttpStatusCode.OK);
        await f.RegisterAsync(projectId);
        await f.OpinionAsync(projectId);
        await f.ReviewAsync(projectId);
        var published = await f.PublishAsync(projectId);

        var anon = f.Host.Anonymous();
        var res = await anon.GetAsync("/api/public/notices?kind=ProjectPublicity&pageSize=200");
        var raw = await res.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        Assert.DoesNotContain(phone, raw);
        var notices = System.Text.Json.JsonDocument.Parse(raw).RootElement;
        var notice = Assert.Single(notices.GetProperty("items").EnumerateArray(), n => n.Str("subjectRef") == published.Str("number"));
        var body = notice.GetProperty("body");
        Assert.Contains("新村路增设太阳能路灯12盏", body.Str("content"));
        // The system knows this is the appellant's phone, so it is masked whole, not only in the middle.
        Assert.Contains("提议人联系电话******", body.Str("content"));
        Assert.DoesNotContain(phone[^4..], body.Str("content"));
        Assert.Equal("主山社区新村路", body.Str("location"));
        Assert.Equal("公示结束后3个月内完工", body.Str("timeLimit"));
        Assert.Equal(12_000_000, body.GetProperty("budgetFen").GetInt64());
        Assert.Equal("新村路沿线居民约800人", body.Str("beneficiaries"));
        Assert.Equal(published.GetProperty("publicityTo").GetDateTimeOffset(), notice.GetProperty("to").GetDateTimeOffset());

        // The appellant (陈大文, 主山社区新村路18号) appears nowhere in the notice.
        var text = notice.GetRawText();
        Assert.DoesNotContain("陈大文", text);
        Assert.DoesNotContain("18号", text);
        Assert.DoesNotContain(phone[3..], text);
    }

    // R-MS-11
    [Theory, BothDatabases]
    public async Task R_MS_11_implementation_starts_only_after_the_publicity_has_ended(Db db)
    {
        var f = await Flow.StartAsync(db);
        var projectId = await DecisionToStart.AwaitingPublicityAsync(f);
        var published = await f.PublishAsync(projectId);
        var end = published.GetProperty("publicityTo").GetDateTimeOffset();
        Assert.DoesNotContain("StartImplementation", DecisionToStart.Allowed(await DecisionToStart.GetAsync(f, projectId, f.Town)));
        Assert.Contains("StartImplementation", DecisionToStart.Allowed(await DecisionToStart.GetAsync(f, projectId)));

        var before = await DecisionToStart.GetAsync(f, projectId);
        var now = await f.Village.PostJson($"/api/micro-projects/{projectId}/start", new { note = "提前进场" }, HttpStatusCode.BadRequest);
        now.ShouldNameField("startedAt", "publicity_not_over");
        await DecisionToStart.AssertUnchangedAsync(f, projectId, before);

        await DecisionToStart.WithClockAsync(f, end, async () =>
        {
            var last = await f.Village.PostJson($"/api/micro-projects/{projectId}/start", new { note = "公示最后一秒" }, HttpStatusCode.BadRequest);
            last.ShouldNameField("startedAt", "publicity_not_over");
            var unchanged = await DecisionToStart.AssertUnchangedAsync(f, projectId, before);
            Assert.Equal("Publicity", unchanged.Str("state"));
            Assert.Equal(System.Text.Json.JsonValueKind.Null, unchanged.GetProperty("implementationStartedAt").ValueKind);
        });

        await DecisionToStart.WithClockAsync(f, end.AddSeconds(1), async () =>
        {
            var backdated = await f.Village.PostJson($"/api/micro-projects/{projectId}/start", new { startedAt = end.AddDays(-1), note = "补录" },
                HttpStatusCode.BadRequest);
            backdated.ShouldNameField("startedAt", "publicity_not_over");
            var started = await f.StartAsync(projectId);
            Assert.Equal("Implementation", started.Str("state"));
            Assert.Equal(end.AddSeconds(1), started.GetProperty("implementationStartedAt").GetDateTimeOffset());
        });
    }

    // R-MS-12
    [Theory, BothDatabases]
    public async Task R_MS_12_large_express_works_finish_within_six_months_of_the_end_of_publicity(Db db)
    {
        var f = await Flow.StartAsync(db);
        var projectId = await DecisionToStart.AwaitingPublicityAsync(f);
        Assert.Empty(DecisionToStart.Deadlines(await DecisionToStart.GetAsync(f, projectId), "WorksFinish"));

        var p = await f.PublishAsync(projectId);
        var end = p.GetProperty("publicityTo").GetDateTimeOffset();
        var d = DecisionToStart.Deadline(p, "WorksFinish");
        Assert.Equal("R-MS-12", d.Str("ruleId"));
        Assert.Equal(f.VillageId, d.Str("responsibleOrgId"));
        Assert.Equal(end, d.GetProperty("startsAt").GetDateTimeOffset());
        Assert.Equal(DecisionToStart.EndOfLocalDay(end, months: 6), DecisionToStart.DueAt(d));
        Assert.Empty(DecisionToStart.Deadlines(p, "ServiceStart"));
    }

    // R-MS-12
    [Theory, BothDatabases]
    public async Task R_MS_12_a_large_express_service_starts_within_fifteen_days_of_the_end_of_publicity(Db db)
    {
        var f = await Flow.StartAsync(db);
        var projectId = await DecisionToStart.AwaitingPublicityAsync(f, subType: "ElderlyCare");
        var p = await f.PublishAsync(projectId);
        var end = p.GetProperty("publicityTo").GetDateTimeOffset();
        var d = DecisionToStart.Deadline(p, "ServiceStart");
        Assert.Equal(DecisionToStart.EndOfLocalDay(end, days: 15), DecisionToStart.DueAt(d));
        Assert.Empty(DecisionToStart.Deadlines(p, "WorksFinish"));

        // Started on time after publicity, the limit is met.
        await DecisionToStart.WithClockAsync(f, end.AddDays(3), async () =>
        {
            var started = await f.StartAsync(projectId);
            Assert.Equal("Met", DecisionToStart.Deadline(started, "ServiceStart").Str("status"));
        });
    }

    // R-MS-12: 003 sets no start or finish limit for the station route.
    [Theory, BothDatabases]
    public async Task R_MS_12_a_large_station_route_project_gets_no_implementation_deadline(Db db)
    {
        var f = await Flow.StartAsync(db);
        var projectId = await DecisionToStart.AwaitingPublicityAsync(f, subType: "ElderlyCare", route: "Station");
        var p = await f.PublishAsync(projectId);
        Assert.Equal("Publicity", p.Str("state"));
        Assert.DoesNotContain(p.GetProperty("deadlines").EnumerateArray(), d => d.Str("ruleId") == "R-MS-12");
        Assert.DoesNotContain(p.GetProperty("deadlines").EnumerateArray(), d => d.Str("status") is "Open" or "DueSoon" or "Overdue");
    }

    // R-MS-11: the transition table — publicity only after the town's confirmation, and by the town for a large project.
    [Theory, BothDatabases]
    public async Task R_MS_11_publicity_from_the_wrong_state_or_by_the_wrong_role_changes_nothing(Db db)
    {
        var f = await Flow.StartAsync(db);
        var projectId = await DecisionToStart.InTownReviewAsync(f);
        var today = DecisionToStart.Today(f);
        var before = await DecisionToStart.GetAsync(f, projectId);

        var conflict = await f.Town.PostJson(Url(projectId), Period(today, today.AddDays(4)), HttpStatusCode.Conflict);
        Assert.Equal("conflict", conflict.Str("code"));
        var unchanged = await DecisionToStart.AssertUnchangedAsync(f, projectId, before);
        Assert.Equal("TownReview", unchanged.Str("state"));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, unchanged.GetProperty("publicityFrom").ValueKind);
        var notices = await f.Host.Anonymous().GetJson("/api/public/notices?kind=ProjectPublicity&pageSize=200");
        Assert.DoesNotContain(notices.GetProperty("items").EnumerateArray(), n => n.Str("subjectRef") == before.Str("number"));

        await f.OpinionAsync(projectId);
        await f.ReviewAsync(projectId);
        var reviewed = await DecisionToStart.GetAsync(f, projectId);
        await f.Village.PostJson(Url(projectId), Period(today, today.AddDays(4)), HttpStatusCode.Forbidden);
        var still = await DecisionToStart.AssertUnchangedAsync(f, projectId, reviewed);
        Assert.Equal("AwaitingPublicity", still.Str("state"));
        await f.Village.PostJson($"/api/micro-projects/{projectId}/start", new { note = "未公示即实施" }, HttpStatusCode.Conflict);
        await DecisionToStart.AssertUnchangedAsync(f, projectId, reviewed);
    }
}
