using System.Text.Json;
using System.Text.RegularExpressions;
using Guanjia.App.Auditing;
using Guanjia.App.Persistence;
using Guanjia.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Guanjia.Web.Tests.Auditing;

/// <summary>
/// R-PL-04, issue 17 point 5: the audit log an official can read — every action and kind of record in Chinese (and English),
/// the record's own number with its page, the change as labelled fields, and filters over every kind of record and person.
/// </summary>
[Collection(ApiCollection.Name)]
public partial class AuditReadableTests
{
    /// <summary>Every action the code base names with <c>Audit("…")</c> (literals, both arms of a choice, VerifyWish's outcomes).</summary>
    private static IEnumerable<string> WrittenActions()
    {
        var dir = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dir, "Guanjia.slnx"))) dir = Path.GetDirectoryName(dir) ?? throw new InvalidOperationException("repository root not found");
        foreach (var file in Directory.EnumerateFiles(Path.Combine(dir, "src"), "*.cs", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            foreach (Match call in AuditCall().Matches(text))
            foreach (Match literal in Literal().Matches(call.Groups[1].Value))
                yield return literal.Groups[1].Value;
            // SignIn's helper is handed its action: the literals passed to it.
            if (file.EndsWith("SignIn.cs", StringComparison.Ordinal))
                foreach (Match literal in HandedAction().Matches(text)) yield return literal.Groups[1].Value;
        }
        foreach (var outcome in Enum.GetNames<App.MicroWishes.VerifyWish.Outcome>()) yield return $"VerifyWish{outcome}";
    }

    [GeneratedRegex(@"\.Audit\(([^;]*?)\)\s*\.", RegexOptions.Singleline)]
    private static partial Regex AuditCall();

    [GeneratedRegex(@"(?<!\$)""([A-Z][A-Za-z]+)""")]
    private static partial Regex Literal();

    [GeneratedRegex(@"\},\s*""([A-Z][A-Za-z]+)"",\s*ct\)")]
    private static partial Regex HandedAction();

    [Fact]
    public void R_PL_04_every_action_the_code_writes_has_a_chinese_and_english_label()
    {
        var written = WrittenActions().Distinct().ToList();
        Assert.Contains("SignIn", written);
        Assert.Contains("RecordFundReceipt", written);
        Assert.Contains("RecordMatchingReceipt", written);
        Assert.True(written.Count > 100, $"only {written.Count} actions found: the scan is broken");
        var missing = written.Where(a => !AuditLabels.HasAction(a)).ToList();
        Assert.True(missing.Count == 0, "actions without a label in AuditLabels: " + string.Join(", ", missing));
        // A workflow's steps are labelled by their rows' own text.
        foreach (var (action, _) in AuditLabels.WorkflowRows()) Assert.True(AuditLabels.HasAction(action), action);
        foreach (var (code, label) in AuditLabels.AllActions)
            Assert.True(Regex.IsMatch(label.Zh, @"\p{IsCJKUnifiedIdeographs}"), $"{code}'s label {label.Zh} is not Chinese");
    }

    [Theory, BothDatabases]
    public async Task R_PL_04_every_kind_of_record_the_trail_names_has_a_label_and_the_filter_offers_them_all(Db db)
    {
        var host = TestHost.For(db);
        using (var scope = host.Services.CreateScope())
        {
            var types = AuditQueries.AuditedTypes(scope.ServiceProvider.GetRequiredService<GuanjiaDb>());
            var missing = types.Where(t => !AuditLabels.HasKind(t)).ToList();
            Assert.True(missing.Count == 0, "kinds of record without a label in AuditLabels: " + string.Join(", ", missing));
        }
        var c = await host.SignIn("city.admin");
        var kinds = await c.GetJson("/api/audit/kinds");
        var entityTypes = kinds.GetProperty("entityTypes").EnumerateArray().ToList();
        Assert.True(entityTypes.Count > 50, $"{entityTypes.Count} kinds of record offered");
        Assert.Contains(entityTypes, k => k.Str("code") == "Appeal" && k.Str("zh") == "诉求");
        Assert.Contains(entityTypes, k => k.Str("code") == "ServiceContract" && k.Str("zh") == "服务合同");
        Assert.Contains(kinds.GetProperty("actions").EnumerateArray(), k => k.Str("code") == "SignIn" && k.Str("zh") == "登录");
        // The people in the trail: the administrator who just signed in, by name.
        Assert.Contains(kinds.GetProperty("actors").EnumerateArray(), a => a.Str("name") == "city.admin");
    }

    [Theory, BothDatabases]
    public async Task R_PL_04_an_appeals_entry_names_the_action_in_chinese_its_tracking_number_with_a_link_and_the_change_by_field(Db db)
    {
        var host = TestHost.For(db);
        var village = await host.SignIn("dongcheng.village");
        var me = await village.GetJson("/api/auth/me");
        var appeal = await village.PostJson("/api/appeals", new
        {
            channel = "GridWorker", title = "审计日志可读性测试", description = "路灯不亮", villageId = me.Str("organizationId"),
            appellantName = "陈桂芳", appellantPhone = "13800138777", collection = "Daily", category = "ConvenienceWorks",
        }, System.Net.HttpStatusCode.Created);
        var id = appeal.Str("id");

        var city = await host.SignIn("city.admin");
        var entry = (await city.GetJson($"/api/audit?entityType=Appeal&entityId={id}")).GetProperty("items").EnumerateArray()
            .First(e => e.Str("action") == "ReceiveAppeal");
        Assert.Equal("登记诉求", entry.GetProperty("actionLabel").Str("zh"));
        Assert.Equal("诉求", entry.GetProperty("entityLabel").Str("zh"));
        Assert.Equal(appeal.Str("trackingNumber"), entry.Str("ref"));
        Assert.Equal($"/appeals/{id}", entry.Str("link"));
        Assert.Equal("dongcheng.village", entry.Str("actorName"));

        var changes = entry.GetProperty("changes").EnumerateArray().ToList();
        JsonElement Field(string f) => changes.Single(c => c.Str("field") == f);
        Assert.Equal("标题", Field("Title").Str("label"));
        Assert.Equal("审计日志可读性测试", Field("Title").Str("after"));
        Assert.Equal("enum", Field("State").Str("kind"));
        Assert.Equal("AppealState", Field("State").Str("enumType"));
        Assert.Equal("time", Field("ReceivedAt").Str("kind"));
        // The village by its name, not its id; bookkeeping (ids, versions, scope paths, hashes) is not shown.
        Assert.Equal("org", Field("VillageId").Str("kind"));
        Assert.DoesNotMatch("^[0-9a-f-]{36}$", Field("VillageId").Str("after"));
        Assert.DoesNotContain(changes, c => c.Str("field") is "Id" or "ScopePath" or "Version" or "TrackingKeyHash");
    }
}
