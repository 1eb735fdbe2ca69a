using System.Net;
using Guanjia.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Guanjia.Web.Tests.Common;

/// <summary>
/// The demo samples the README's run command loads (Demo:Samples) are made through the use cases, and a failing
/// step only logs a warning at start-up; this test makes sure every sample is there, including the closed project
/// whose result and outcome photo the portal shows (issue 6: "a person can do every journey by clicking").
/// </summary>
[Collection(ApiCollection.Name)]
public class DemoSamplesTests
{
    private sealed class SamplesHost(Db db) : TestHost(db)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Demo:Samples", "true");
        }
    }

    [Theory, BothDatabases]
    public async Task The_demo_samples_load_completely_with_a_closed_project_and_its_public_photo(Db db)
    {
        using var host = new SamplesHost(db);
        var city = await host.SignIn("city.admin");
        var projects = (await city.GetJson("/api/micro-projects?pageSize=100")).GetProperty("items").EnumerateArray().ToList();
        var states = projects.Select(p => p.Str("state")).ToHashSet();
        Assert.Superset(new HashSet<string> { "AwaitingConsultation", "TownReview", "Publicity", "Implementation", "AwaitingClaim", "Closed" }, states);
        Assert.Equal(3, (await city.GetJson("/api/micro-wishes?pageSize=50")).GetProperty("total").GetInt32());
        Assert.Equal(2, (await city.GetJson("/api/stations?pageSize=50")).GetProperty("total").GetInt32());

        var anon = host.Anonymous();
        var results = (await anon.GetJson("/api/public/notices?kind=ProjectResult")).GetProperty("items").EnumerateArray().ToList();
        var result = Assert.Single(results);
        var photo = Assert.Single(result.GetProperty("body").GetProperty("photoIds").EnumerateArray()).GetString();
        var res = await anon.GetAsync($"/api/public/notices/{result.Str("id")}/photos/{photo}");
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        Assert.Equal("image/png", res.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], (await res.Content.ReadAsByteArrayAsync())[..4]);
        Assert.Equal(30, result.GetProperty("body").GetProperty("surveyResponses").GetInt32());
        Assert.NotEmpty((await anon.GetJson("/api/public/claim-board")).GetProperty("items").EnumerateArray());
    }
}
