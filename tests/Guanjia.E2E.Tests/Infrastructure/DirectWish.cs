namespace Guanjia.E2E.Tests.Infrastructure;

/// <summary>
/// A 莞家直达 item made through the API as the demo users would: 东城街道's village enters a resident's appeal, the committee
/// makes it a wish, the town verifies it and decides it on the direct route, which puts an item on the city's claim board
/// awaiting publication.
/// </summary>
public static class DirectWish
{
    public sealed record Item(string Id, string Number, string WishId);

    /// <summary>Today in China, plus some days, as the API's dates are written.</summary>
    public static string Today(int plus = 0) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime)
            .AddDays(plus).ToString("yyyy-MM-dd");

    public static async Task<Item> AwaitingPublicationAsync(HostFixture host, string projectName, string beneficiary, string phone, long amountFen,
        string assistanceForm)
    {
        await using var village = await Api.SignInAsync(host, "dongcheng.village");
        await using var town = await Api.SignInAsync(host, "dongcheng.lead");
        await using var city = await Api.SignInAsync(host, "city.admin");
        var me = await village.GetAsync("/api/auth/me");
        var villageId = me.GetProperty("organizationId").GetString();
        var appeal = await village.PostAsync("/api/appeals", new
        {
            channel = "GridWorker", title = "独居老人行动不便需要轮椅", description = "老人腿脚不便，家中无轮椅，出门就医困难", villageId,
            appellantName = beneficiary, appellantPhone = phone, collection = "Daily", category = "ConvenienceWorks",
        });
        var appealId = appeal.GetProperty("id").GetString();
        await village.PostAsync($"/api/appeals/{appealId}/acknowledge", new { note = "已接收" });
        var decided = await village.PostAsync($"/api/appeals/{appealId}/committee-decision", new
        {
            meetingAt = DateTimeOffset.UtcNow, outcome = "MicroWish", note = "个人诉求，报镇街核查", wishKind = "SpecialGroupAid", targetGroup = "Disabled",
            assistanceType = "LivingAid", projectName, beneficiaryName = beneficiary, beneficiaryIdNumber = "441900194501011234",
            household = "独居", requestedFen = amountFen,
        });
        var wishId = decided.GetProperty("wishId").GetString()!;
        await town.PostAsync($"/api/micro-wishes/{wishId}/verify", new
        {
            authentic = true, reasonable = true, budgetSound = true, departments = "东城街道社会事务局", outcome = "Verified",
        });
        await town.PostAsync($"/api/micro-wishes/{wishId}/decide", new
        {
            decisionBody = "JointMeeting", participants = new[] { "张主任", "李科长" }, route = "Direct", amountFen, assistanceForm,
        });
        var items = await city.GetAsync($"/api/claim-items?subjectId={wishId}");
        var item = items.GetProperty("items")[0];
        return new Item(item.GetProperty("id").GetString()!, item.GetProperty("number").GetString()!, wishId);
    }
}
