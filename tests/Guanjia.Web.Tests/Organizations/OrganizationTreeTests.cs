using System.Net;
using System.Net.Http.Json;
using Guanjia.Web.Tests.Infrastructure;

namespace Guanjia.Web.Tests.Organizations;

/// <summary>R-PL-02: the organisation tree, its demo data and the shape rules of the tree.</summary>
[Collection(ApiCollection.Name)]
public class OrganizationTreeTests
{
    [Theory, BothDatabases]
    public async Task R_PL_02_demo_tree_has_dongguan_towns_with_class_and_the_ten_pilots(Db db)
    {
        var host = TestHost.For(db);
        var c = await host.SignIn("city.admin");
        var tree = await c.GetJson("/api/organizations/tree");
        var city = Assert.Single(tree.EnumerateArray());
        Assert.Equal("东莞市", city.Str("name"));
        var towns = city.GetProperty("children").EnumerateArray().ToList();
        Assert.Equal(34, towns.Count);
        Assert.All(towns, t => Assert.InRange(t.GetProperty("economicClass").GetInt32(), 1, 4));
        Assert.All(towns, t => Assert.True(t.GetProperty("children").GetArrayLength() >= 3)); // demo: 3–5 each, tests may add more
        var pilots = towns.Where(t => t.GetProperty("isPilot").GetBoolean()).Select(t => t.Str("name")).Order().ToList();
        Assert.Equal(new[] { "东城街道", "洪梅镇", "道滘镇", "沙田镇", "长安镇", "塘厦镇", "清溪镇", "常平镇", "横沥镇", "石排镇" }.Order(), pilots);

        var filtered = await c.GetJson("/api/organizations?pilot=true&kind=Town&pageSize=50");
        Assert.Equal(9, filtered.GetProperty("total").GetInt32()); // 东城 is a street, the other nine are towns
        var depts = await c.GetJson("/api/organizations?kind=CityDepartment&pageSize=50");
        Assert.Contains(depts.GetProperty("items").EnumerateArray(), d => d.Str("name") == "东莞市民政局");
        foreach (var kind in new[] { "TownDepartment", "Contractor", "SocialWorkPoint", "Evaluator" })
            Assert.True((await c.GetJson($"/api/organizations?kind={kind}")).GetProperty("total").GetInt32() > 0, kind);
    }

    [Theory, BothDatabases]
    public async Task R_PL_02_city_adds_a_village_under_a_town_and_the_path_follows_the_tree(Db db)
    {
        var host = TestHost.For(db);
        var c = await host.SignIn("city.admin");
        var town = (await c.GetJson("/api/organizations?q=东城街道&kind=Street")).GetProperty("items")[0];
        var code = Http.Unique("V");
        var created = await c.PostJson("/api/organizations",
            new { code, name = "测试社区" + code[^4..], kind = "Community", parentId = town.Str("id"), reason = "新设社区" }, HttpStatusCode.Created);
        Assert.Equal(town.Str("path") + code + "/", created.Str("path"));
        var fetched = await c.GetJson($"/api/organizations/{created.Str("id")}");
        Assert.Equal("Community", fetched.Str("kind"));
    }

    [Theory, BothDatabases]
    public async Task R_PL_02_bad_organisations_are_refused_with_the_field_and_nothing_is_saved(Db db)
    {
        var host = TestHost.For(db);
        var c = await host.SignIn("city.admin");
        var before = (await c.GetJson("/api/organizations?pageSize=1")).GetProperty("total").GetInt32();
        var town = (await c.GetJson("/api/organizations?q=长安镇&kind=Town")).GetProperty("items")[0];
        var village = (await c.GetJson($"/api/organizations?parentId={town.Str("id")}&kind=Community")).GetProperty("items")[0];

        (await c.PostJson("/api/organizations", new { code = Http.Unique("X"), name = "无上级", kind = "Village", parentId = Guid.NewGuid() },
            HttpStatusCode.BadRequest)).ShouldNameField("parentId", "unknown_organization");
        (await c.PostJson("/api/organizations", new { code = Http.Unique("X"), name = "村下建村", kind = "Village", parentId = village.Str("id") },
            HttpStatusCode.BadRequest)).ShouldNameField("parentId", "invalid_parent");
        (await c.PostJson("/api/organizations", new { code = town.Str("code"), name = "重复编码", kind = "Village", parentId = town.Str("id") },
            HttpStatusCode.BadRequest)).ShouldNameField("code", "duplicate");
        var city = (await c.GetJson("/api/organizations?kind=City")).GetProperty("items")[0];
        (await c.PostJson("/api/organizations", new { code = Http.Unique("T"), name = "无类别镇", kind = "Town", parentId = city.Str("id") },
            HttpStatusCode.BadRequest)).ShouldNameField("economicClass", "out_of_range");
        (await c.PostJson("/api/organizations", new { code = Http.Unique("D"), name = "第二个牵头部门", kind = "TownDepartment", parentId = town.Str("id"),
            function = "CivilAffairs", isLead = true }, HttpStatusCode.BadRequest)).ShouldNameField("isLead", "duplicate_lead");
        (await c.PostJson("/api/organizations", new { code = Http.Unique("X"), name = "坏类型", kind = "Galaxy", parentId = town.Str("id") },
            HttpStatusCode.BadRequest)).ShouldNameField("kind");

        Assert.Equal(before, (await c.GetJson("/api/organizations?pageSize=1")).GetProperty("total").GetInt32());
    }

    [Theory, BothDatabases]
    public async Task R_PL_02_only_the_city_changes_the_tree(Db db)
    {
        var host = TestHost.For(db);
        var town = await host.SignIn("dongcheng.lead");
        var me = await town.GetJson("/api/auth/me");
        var res = await town.PostAsync("/api/organizations", System.Net.Http.Json.JsonContent.Create(
            new { code = Http.Unique("V"), name = "越权社区", kind = "Community", parentId = me.Str("organizationId") }));
        var problem = await res.Json(HttpStatusCode.Forbidden);
        Assert.Equal("forbidden", problem.Str("code"));
    }

    [Theory, BothDatabases]
    public async Task R_PL_02_a_stale_version_answers_409_and_changes_nothing(Db db)
    {
        var host = TestHost.For(db);
        var c = await host.SignIn("city.admin");
        var town = (await c.GetJson("/api/organizations?q=洪梅镇")).GetProperty("items")[0];
        var id = town.Str("id");
        var version = town.GetProperty("version").GetInt32();
        object Body(string name) => new { name, economicClass = town.GetProperty("economicClass").GetInt32(), isPilot = true, isActive = true, version, reason = "更正名称" };

        // Two reviewers send the same version at once: one wins, the other gets 409.
        var results = await Task.WhenAll(c.PutAsJsonAsync($"/api/organizations/{id}", Body("洪梅镇")), c.PutAsJsonAsync($"/api/organizations/{id}", Body("洪梅镇甲")));
        Assert.Equal(new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }, results.Select(r => r.StatusCode).Order());
        var after = await c.GetJson($"/api/organizations/{id}");
        Assert.Equal(version + 1, after.GetProperty("version").GetInt32());
        await c.PutJson($"/api/organizations/{id}", Body("洪梅镇乙"), HttpStatusCode.Conflict);
        // restore for other tests
        await c.PutJson($"/api/organizations/{id}", new { name = "洪梅镇", economicClass = town.GetProperty("economicClass").GetInt32(), isPilot = true, isActive = true,
            version = version + 1, reason = "恢复" }, HttpStatusCode.OK);
    }
}
