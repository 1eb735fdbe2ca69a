using System.Net;
using Guanjia.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Guanjia.Web.Tests.Platform;

/// <summary>A production start without demo data gets exactly one city administrator from configuration (R-PL-03).</summary>
[Collection(ApiCollection.Name)]
public class BootstrapTests
{
    private sealed class BareHost(Db db) : TestHost(db)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Demo:Seed", "false");
            builder.UseSetting("Bootstrap:AdminUserName", "admin");
            builder.UseSetting("Bootstrap:AdminPassword", "FirstStart2026");
        }
    }

    [Theory, BothDatabases]
    public async Task R_PL_03_a_bare_database_gets_one_city_administrator_and_nothing_else(Db db)
    {
        using var host = new BareHost(db);
        var admin = await host.SignIn("admin", "FirstStart2026");
        var me = await admin.GetJson("/api/auth/me");
        Assert.Equal("CityCivilAffairs", me.Str("role"));
        Assert.Equal(1, (await admin.GetJson("/api/users")).GetProperty("total").GetInt32());
        Assert.Equal(2, (await admin.GetJson("/api/organizations")).GetProperty("total").GetInt32()); // the city and its bureau
        Assert.Equal(7, (await admin.GetJson("/api/calendar/years")).GetArrayLength()); // the calendar loads regardless
        var anon = host.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anon.PostAsync("/api/auth/sign-in",
            System.Net.Http.Json.JsonContent.Create(new { userName = "city.admin", password = "Demo@2026" }))).StatusCode);
    }
}
