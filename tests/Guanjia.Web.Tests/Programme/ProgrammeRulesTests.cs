using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Guanjia.Web.Tests.Infrastructure;
using static Guanjia.Web.Tests.MicroProjects.ClosingPath;

namespace Guanjia.Web.Tests.Programme;

/// <summary>
/// The programme's numbers are configuration: Dongguan's by default, a new version when the city saves
/// one, and an item keeps the version it started under (R-MS-01, R-MS-07, R-MS-08, R-MS-14 …).
/// </summary>
[Collection(ApiCollection.Name)]
public class ProgrammeRulesTests
{
    private static async Task<int> VersionsAsync(Flow f) => (await f.City.GetJson("/api/programme-rules")).GetArrayLength();

    private static JsonObject Rules(JsonElement current) => JsonNode.Parse(current.GetProperty("rules").GetRawText())!.AsObject();

    private static void Limit(JsonElement rules, string name, int amount, string unit)
    {
        var l = rules.GetProperty(name);
        Assert.Equal(amount, l.GetProperty("amount").GetInt32());
        Assert.Equal(unit, l.Str("unit"));
    }

    // R-MS-01, R-MS-02, R-MS-07, R-MS-08, R-MS-13, R-MS-14, R-MS-15
    [Theory, BothDatabases]
    public async Task R_MS_07_the_current_rules_are_dongguans(Db db)
    {
        var f = await Flow.StartAsync(db);

        var current = await f.Village.GetJson("/api/programme-rules/current");

        var r = current.GetProperty("rules");
        Assert.Equal(5_000_000, r.GetProperty("directImplementationThresholdFen").GetInt64());
        Assert.Equal(50_000_000, r.GetProperty("convenienceWorksCapFen").GetInt64());
        Assert.Equal(20_000_000, r.GetProperty("welfareServiceCapFen").GetInt64());
        Assert.Equal(30, r.GetProperty("surveyMinimumResponses").GetInt32());
        Assert.Equal(5, r.GetProperty("publicityMinimumDays").GetInt32());
        Limit(r, "acknowledge", 24, "Hours");
        Limit(r, "committeeMeeting", 5, "CalendarDays");
        Limit(r, "consultation", 10, "CalendarDays");
        Limit(r, "townReview", 5, "WorkingDays");
        Limit(r, "smallWorksFinish", 1, "Months");
        Limit(r, "smallServiceStart", 10, "CalendarDays");
        Limit(r, "expressWorksFinish", 6, "Months");
        Limit(r, "expressServiceStart", 15, "CalendarDays");
        Limit(r, "completionForm", 5, "WorkingDays");
        Limit(r, "townSurvey", 5, "WorkingDays");
        Limit(r, "resultFeedback", 5, "WorkingDays");
        Assert.Equal(1, r.GetProperty("collectionEndMonth").GetInt32());
        Assert.Equal(31, r.GetProperty("collectionEndDay").GetInt32());
        Assert.Equal(2, r.GetProperty("annualPlanMonth").GetInt32());
    }

    // R-PL-03: only the city configures the programme.
    [Theory, BothDatabases]
    public async Task R_PL_03_a_village_or_town_user_cannot_save_rules(Db db)
    {
        var f = await Flow.StartAsync(db);
        var current = await f.City.GetJson("/api/programme-rules/current");
        var rules = Rules(current);
        rules["directImplementationThresholdFen"] = 1;
        var before = await VersionsAsync(f);

        await f.Village.PostJson("/api/programme-rules", new { rules, reason = "村里想改" }, HttpStatusCode.Forbidden);
        await f.Town.PostJson("/api/programme-rules", new { rules, reason = "镇里想改" }, HttpStatusCode.Forbidden);

        Assert.Equal(before, await VersionsAsync(f));
        Assert.Equal(current.GetProperty("version").GetInt32(), (await f.City.GetJson("/api/programme-rules/current")).GetProperty("version").GetInt32());
    }

    // R-MS-07, R-MS-08: a rule set that could not run is refused, naming the field.
    [Theory, BothDatabases]
    public async Task R_MS_08_invalid_rules_are_refused_naming_the_field(Db db)
    {
        var f = await Flow.StartAsync(db);
        var current = await f.City.GetJson("/api/programme-rules/current");
        var before = await VersionsAsync(f);

        var negative = Rules(current);
        negative["directImplementationThresholdFen"] = -1;
        (await f.City.PostJson("/api/programme-rules", new { rules = negative, reason = "测试" }, HttpStatusCode.BadRequest))
            .ShouldNameField("directImplementationThresholdFen", "out_of_range");

        var zero = Rules(current);
        zero["townReview"] = new JsonObject { ["amount"] = 0, ["unit"] = "WorkingDays" };
        (await f.City.PostJson("/api/programme-rules", new { rules = zero, reason = "测试" }, HttpStatusCode.BadRequest))
            .ShouldNameField("townReview.amount", "out_of_range");

        var fortnights = Rules(current);
        fortnights["townReview"] = new JsonObject { ["amount"] = 2, ["unit"] = "Fortnights" };
        var unit = await f.City.PostJson("/api/programme-rules", new { rules = fortnights, reason = "测试" }, HttpStatusCode.BadRequest);
        // An unknown unit fails while the body is read, so the field carries the body's path.
        unit.ShouldNameField("rules.townReview.unit", "invalid_value");

        var noReason = await f.City.PostJson("/api/programme-rules", new { rules = Rules(current) }, HttpStatusCode.BadRequest);
        noReason.ShouldNameField("reason");

        Assert.Equal(before, await VersionsAsync(f));
    }

    // R-MS-07, R-MS-08: a change applies to appeals received after it; running ones keep their version.
    [Theory, BothDatabases]
    public async Task R_MS_08_a_rules_change_applies_only_to_appeals_received_after_it(Db db)
    {
        var f = await Flow.StartAsync(db);
        var saved = f.Now;
        var original = await f.City.GetJson("/api/programme-rules/current");
        try
        {
            await f.SetClockAsync(Local(2026, 6, 1, 9)); // a Monday with no holiday in the next two weeks
            var before = await OpenToConsultedAsync(f, Large);
            var smallBefore = await OpenToConsultedAsync(f, 4_000_000);

            var changed = Rules(original);
            changed["townReview"] = new JsonObject { ["amount"] = 3, ["unit"] = "WorkingDays" };
            changed["directImplementationThresholdFen"] = 100_000;
            var saveAt = f.Now;
            var version = await f.City.PostJson("/api/programme-rules", new { rules = changed, reason = "试行：审核时限缩短为3个工作日" }, HttpStatusCode.OK);
            var newVersion = version.GetProperty("version").GetInt32();
            Assert.Equal(saveAt, version.GetProperty("effectiveFrom").GetDateTimeOffset());
            Assert.Equal(newVersion, (await f.Village.GetJson("/api/programme-rules/current")).GetProperty("version").GetInt32());
            var after = await OpenToConsultedAsync(f, 4_000_000);

            await f.SetClockAsync(Local(2026, 6, 1, 10));
            var oldLarge = await f.RegisterAsync(before);
            var oldSmall = await f.RegisterAsync(smallBefore);
            var newLarge = await f.RegisterAsync(after);

            Assert.Equal(original.GetProperty("version").GetInt32(), oldLarge.GetProperty("rulesVersion").GetInt32());
            Assert.Equal(EndOfDay(2026, 6, 8), Due(Deadline(oldLarge, "TownReview"))); // 5 working days
            Assert.True(oldSmall.GetProperty("isSmall").GetBoolean()); // 4万元 is under the old 5万元
            Assert.Equal("AwaitingPublicity", oldSmall.Str("state"));
            Assert.Equal(newVersion, newLarge.GetProperty("rulesVersion").GetInt32());
            Assert.False(newLarge.GetProperty("isSmall").GetBoolean()); // 4万元 is over the new 1000元
            Assert.Equal("TownReview", newLarge.Str("state"));
            Assert.Equal(EndOfDay(2026, 6, 4), Due(Deadline(newLarge, "TownReview"))); // 3 working days
        }
        finally
        {
            var restore = Rules(original);
            await f.City.PostJson("/api/programme-rules", new { rules = restore, reason = "恢复东莞市默认规则" }, HttpStatusCode.OK);
            await f.SetClockAsync(saved);
        }
        var now = (await f.City.GetJson("/api/programme-rules/current")).GetProperty("rules");
        Assert.Equal(5_000_000, now.GetProperty("directImplementationThresholdFen").GetInt64());
        Limit(now, "townReview", 5, "WorkingDays");
    }

    /// <summary>Appeal → receipt → committee → consultation; returns the project id.</summary>
    private static async Task<string> OpenToConsultedAsync(Flow f, long budget)
    {
        var appealId = (await AppealAsync(f)).Str("id");
        await f.AcknowledgeAsync(appealId);
        var projectId = await f.CommitteeAsync(appealId);
        await f.ConsultAsync(projectId, budget);
        return projectId;
    }
}
