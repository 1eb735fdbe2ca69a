using System.Net;
using System.Net.Http.Json;
using Guanjia.App.Accounts;
using Guanjia.App.Common;
using Guanjia.Domain.Accounts;
using Guanjia.Domain.Common;
using Guanjia.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Guanjia.Web.Tests.Accounts;

/// <summary>R-PL-03: nobody reads or changes a record outside their organisational scope.</summary>
[Collection(ApiCollection.Name)]
public class ScopeTests
{
    private static async Task<string> OrgId(HttpClient c, string name) =>
        (await c.GetJson($"/api/organizations?q={Uri.EscapeDataString(name)}")).GetProperty("items")[0].Str("id");

    private static async Task<string> UserId(HttpClient c, string userName) =>
        (await c.GetJson($"/api/users?q={userName}")).GetProperty("items").EnumerateArray().First(u => u.Str("userName") == userName).Str("id");

    [Theory, BothDatabases]
    public async Task R_PL_03_a_town_user_lists_only_its_own_town(Db db)
    {
        var host = TestHost.For(db);
        var city = await host.SignIn("city.admin");
        var town = await host.SignIn("dongcheng.lead");
        var me = await town.GetJson("/api/auth/me");
        var scope = me.Str("scopePath");

        var all = await city.GetJson("/api/users?pageSize=200");
        var mine = await town.GetJson("/api/users?pageSize=200");
        Assert.Contains(all.GetProperty("items").EnumerateArray(), u => u.Str("userName") == "changan.village");
        Assert.All(mine.GetProperty("items").EnumerateArray(), u => Assert.StartsWith(scope, u.Str("scopePath")));
        Assert.DoesNotContain(mine.GetProperty("items").EnumerateArray(), u => u.Str("userName") is "changan.village" or "changan.lead" or "city.admin");
        Assert.Contains(mine.GetProperty("items").EnumerateArray(), u => u.Str("userName") == "dongcheng.village");
        Assert.True(mine.GetProperty("total").GetInt32() < all.GetProperty("total").GetInt32());
    }

    [Theory, BothDatabases]
    public async Task R_PL_03_another_towns_record_cannot_be_read_or_changed(Db db)
    {
        var host = TestHost.For(db);
        var city = await host.SignIn("city.admin");
        var town = await host.SignIn("dongcheng.lead");
        var otherId = await UserId(city, "changan.village");
        var other = await city.GetJson($"/api/users/{otherId}");

        var read = await town.GetJson($"/api/users/{otherId}", HttpStatusCode.NotFound);
        Assert.Equal("not_found", read.Str("code"));
        await town.PutJson($"/api/users/{otherId}", new
        {
            displayName = "改名", role = "VillageStaff", organizationId = other.Str("organizationId"), isActive = true,
            version = other.GetProperty("version").GetInt32(), reason = "越权",
        }, HttpStatusCode.NotFound);
        var reset = await town.PostAsJsonAsync($"/api/users/{otherId}/password", new { password = "Hacked12345", reason = "越权" });
        Assert.Equal(HttpStatusCode.NotFound, reset.StatusCode);

        var unchanged = await city.GetJson($"/api/users/{otherId}");
        Assert.Equal(other.Str("displayName"), unchanged.Str("displayName"));
        Assert.Equal(other.GetProperty("version").GetInt32(), unchanged.GetProperty("version").GetInt32());
        await host.SignIn("changan.village"); // the old password still works
    }

    [Theory, BothDatabases]
    public async Task R_PL_03_a_village_user_sees_only_its_village_and_may_not_manage_accounts(Db db)
    {
        var host = TestHost.For(db);
        var village = await host.SignIn("dongcheng.village");
        var me = await village.GetJson("/api/auth/me");
        var list = await village.GetJson("/api/users?pageSize=200");
        Assert.All(list.GetProperty("items").EnumerateArray(), u => Assert.StartsWith(me.Str("scopePath"), u.Str("scopePath")));
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), u => u.Str("userName") == "dongcheng.lead");

        var res = await village.PostAsJsonAsync("/api/users", new
        {
            userName = Http.Unique("v"), displayName = "新人", role = "VillageStaff", organizationId = me.Str("organizationId"), password = "Passw0rd!x",
        });
        Assert.Equal(HttpStatusCode.Forbidden, res.StatusCode);
    }

    [Theory, BothDatabases]
    public async Task R_PL_03_a_town_may_grant_only_roles_and_organisations_inside_its_scope(Db db)
    {
        var host = TestHost.For(db);
        var town = await host.SignIn("dongcheng.lead");
        var city = await host.SignIn("city.admin");
        var ownVillage = await OrgId(city, "岗贝社区");
        var otherVillage = await OrgId(city, "乌沙社区");
        var cityBureau = await OrgId(city, "东莞市民政局");
        object Body(string role, string org) => new { userName = Http.Unique("u"), displayName = "测试", role, organizationId = org, password = "Passw0rd!x" };

        (await town.PostJson("/api/users", Body("CityCivilAffairs", cityBureau), HttpStatusCode.BadRequest)).ShouldNameField("role", "outside_scope");
        (await town.PostJson("/api/users", Body("VillageStaff", otherVillage), HttpStatusCode.BadRequest)).ShouldNameField("organizationId", "outside_scope");
        (await town.PostJson("/api/users", Body("VillageStaff", Guid.NewGuid().ToString()), HttpStatusCode.BadRequest)).ShouldNameField("organizationId", "unknown_organization");
        (await town.PostJson("/api/users", Body("TownReviewer", ownVillage), HttpStatusCode.BadRequest)).ShouldNameField("organizationId", "role_mismatch");
        (await town.PostJson("/api/users", Body("Emperor", ownVillage), HttpStatusCode.BadRequest)).ShouldNameField("role");

        var created = await town.PostJson("/api/users", Body("VillageStaff", ownVillage), HttpStatusCode.Created);
        Assert.EndsWith("/441900003901/", created.Str("scopePath"));
    }

    [Theory, BothDatabases]
    public async Task R_PL_03_the_data_layer_filters_every_scoped_query_and_refuses_writes_outside_scope(Db db)
    {
        var host = TestHost.For(db);
        using var scope = host.Services.CreateScope();
        var system = host.NewDb(scope, Actor.System);
        var villageUser = await system.Users.SingleAsync(u => u.UserName == "dongcheng.village");
        var villageActor = ActorFactory.ForUser(villageUser);

        // A query written without any scope check still only returns the village's rows.
        await using var asVillage = host.NewDb(scope, villageActor);
        var visible = await asVillage.Users.Select(u => u.ScopePath).ToListAsync();
        Assert.NotEmpty(visible);
        Assert.All(visible, p => Assert.StartsWith(villageUser.ScopePath, p));
        Assert.Empty(await asVillage.ApiTokens.ToListAsync());
        Assert.All(await asVillage.AuditEntries.Take(200).ToListAsync(), a => Assert.StartsWith(villageUser.ScopePath, a.ScopePath));

        // A record of another village attached by hand is refused at save time.
        var other = await system.Users.AsNoTracking().SingleAsync(u => u.UserName == "changan.village");
        asVillage.Users.Attach(other);
        other.DisplayName = "改了别村的人";
        await Assert.ThrowsAsync<Forbidden>(() => asVillage.SaveChangesAsync());

        // A deputy (两代表一委员) is read-only, even inside its scope.
        var deputy = await system.Users.SingleAsync(u => u.UserName == "dongcheng.deputy");
        await using var asDeputy = host.NewDb(scope, ActorFactory.ForUser(deputy));
        var inScope = await asDeputy.Users.FirstAsync(u => u.UserName == "dongcheng.village");
        inScope.DisplayName = "代表改名";
        await Assert.ThrowsAsync<Forbidden>(() => asDeputy.SaveChangesAsync());

        Assert.Equal(villageUser.DisplayName, (await system.Users.AsNoTracking().SingleAsync(u => u.Id == villageUser.Id)).DisplayName);
        Assert.NotEqual("改了别村的人", (await system.Users.AsNoTracking().SingleAsync(u => u.Id == other.Id)).DisplayName);
    }

    [Fact]
    public void R_PL_03_role_table_binds_roles_to_the_right_level()
    {
        Assert.True(RoleCatalog.CanGrant(Role.CityCivilAffairs, Role.CityCivilAffairs));
        Assert.True(RoleCatalog.CanGrant(Role.TownLead, Role.VillageStaff));
        Assert.False(RoleCatalog.CanGrant(Role.TownLead, Role.CityCivilAffairs));
        Assert.False(RoleCatalog.CanGrant(Role.VillageStaff, Role.VillageStaff));
        Assert.True(RoleCatalog.Get(Role.Deputy).ReadOnly);
        Assert.Equal(ScopeLevel.Village, RoleCatalog.Get(Role.VillageStaff).Scope);
        Assert.DoesNotContain(Permissions.UsersManage, RoleCatalog.Get(Role.VillageStaff).Permissions);
    }
}
