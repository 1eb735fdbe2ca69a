using Guanjia.Web.Tests.Infrastructure;

namespace Guanjia.Web.Tests.Appeals;

/// <summary>The appeal's transition table, like the project's and the wish's: the console reads the deadlines each step meets from it.</summary>
[Collection(ApiCollection.Name)]
public class AppealWorkflowTests
{
    // R-MS-02 (receipt within 24 hours) and R-MS-03 (the two-committee meeting): the steps, their states and their deadlines.
    [Theory, BothDatabases]
    public async Task The_appeal_workflow_lists_each_step_with_its_states_permission_and_deadlines(Db db)
    {
        var f = await Flow.StartAsync(db);

        var table = (await f.Village.GetJson("/api/appeals/workflow")).EnumerateArray().ToList();

        Assert.Equal(["Dispatch", "Acknowledge", "RecordCommitteeDecision"], table.Select(t => t.Str("action")).Distinct());
        var dispatch = table.Single(t => t.Str("action") == "Dispatch" && t.Str("outcome") is null);
        Assert.Equal(["Acknowledge", "CommitteeMeeting"], dispatch.GetProperty("starts").EnumerateArray().Select(x => x.Str("obligation")));
        var ack = table.Single(t => t.Str("action") == "Acknowledge");
        Assert.Equal(["Dispatched"], ack.GetProperty("from").EnumerateArray().Select(x => x.GetString()));
        Assert.Equal("Acknowledged", ack.Str("to"));
        Assert.Equal("projects.village", ack.Str("permission"));
        Assert.Equal(["Acknowledge"], ack.GetProperty("meets").EnumerateArray().Select(x => x.GetString()));
        Assert.Equal("Receipt", ack.Str("sends"));
        var committee = table.Where(t => t.Str("action") == "RecordCommitteeDecision").ToList();
        Assert.All(committee, c => Assert.Equal(["Acknowledged"], c.GetProperty("from").EnumerateArray().Select(x => x.GetString())));
        Assert.Contains("BecameWish", committee.Select(c => c.Str("to")));
        Assert.All(committee, c => Assert.Equal(["CommitteeMeeting"], c.GetProperty("meets").EnumerateArray().Select(x => x.GetString())));
    }

    [Theory, BothDatabases]
    public async Task The_appeal_workflow_needs_a_signed_in_caller(Db db)
    {
        var res = await TestHost.For(db).Anonymous().GetAsync("/api/appeals/workflow");
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, res.StatusCode);
    }
}
