using System.Net;
using Guanjia.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Guanjia.Web.Tests.MicroProjects;

/// <summary>
/// Project and wish numbers are handed out from a series row, not by counting: staff of different villages
/// recording their committee meetings at the same moment all succeed, with different numbers.
/// </summary>
[Collection(ApiCollection.Name)]
public class NumberingTests
{
    [Theory, BothDatabases]
    public async Task Parallel_committee_decisions_all_get_a_project_with_its_own_number(Db db)
    {
        var f = await Flow.StartAsync(db);
        const int n = 8;
        var appeals = new List<string>();
        for (var i = 0; i < n; i++)
        {
            var a = await f.StaffAppealAsync();
            await f.AcknowledgeAsync(a.Str("id"));
            appeals.Add(a.Str("id"));
        }
        // Each with its own client (own connection), all at once.
        var clients = await Task.WhenAll(Enumerable.Range(0, n).Select(_ => f.Host.SignIn("dongcheng.village")));
        var responses = await Task.WhenAll(appeals.Select((id, i) => clients[i].PostJson($"/api/appeals/{id}/committee-decision", new
        {
            meetingAt = f.Now, outcome = "MicroProject", includeInPlan = true, note = "同意列入实施计划",
        }, HttpStatusCode.OK)));
        Assert.All(responses, r => Assert.True(r.TryGetProperty("projectId", out _), r.ToString()));

        var numbers = new List<string>();
        foreach (var r in responses)
            numbers.Add((await f.Village.GetJson($"/api/micro-projects/{r.Str("projectId")}")).Str("number"));
        Assert.Equal(n, numbers.Distinct().Count());
        Assert.All(numbers, x => Assert.Matches(@"^MS\d{4}-\d{6}$", x));

        // A database from before the series table (its row missing): the series starts after the numbers already there.
        var series = numbers[0][..7];
        using (var scope = f.Host.Services.CreateScope())
        {
            var sys = f.SystemDb(scope);
            await sys.NumberSeries.Where(x => x.Series == series).ExecuteDeleteAsync();
        }
        var late = await f.StaffAppealAsync();
        await f.AcknowledgeAsync(late.Str("id"));
        var lateNumber = (await f.Village.GetJson($"/api/micro-projects/{await f.CommitteeAsync(late.Str("id"))}")).Str("number");
        Assert.DoesNotContain(lateNumber, numbers);
    }
}
