using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Guanjia.App.Common;
using Guanjia.App.Persistence;
using Guanjia.Domain.Organizations;
using Guanjia.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Guanjia.Web.Tests.Auditing;

/// <summary>R-PL-04: every change is recorded in its own transaction; the record cannot be edited, and tampering shows.</summary>
[Collection(ApiCollection.Name)]
public class AuditTrailTests
{
    [Theory, BothDatabases]
    public async Task R_PL_04_a_change_records_who_when_what_and_why(Db db)
    {
        var host = TestHost.For(db);
        var c = await host.SignIn("city.admin");
        var town = (await c.GetJson("/api/organizations?q=道滘镇")).GetProperty("items")[0];
        var id = town.Str("id");
        var newClass = town.GetProperty("economicClass").GetInt32() % 4 + 1;
        await c.PutJson($"/api/organizations/{id}", new
        {
            name = "道滘镇", economicClass = newClass, isPilot = true, isActive = true, address = "道滘镇政府",
            version = town.GetProperty("version").GetInt32(), reason = "年度经济类别调整",
        }, HttpStatusCode.OK);

        var entry = (await c.GetJson($"/api/audit?entityType=Organization&entityId={id}")).GetProperty("items")[0];
        Assert.Equal("city.admin", entry.Str("actorName"));
        Assert.Equal("UpdateOrganization", entry.Str("action"));
        Assert.Equal("年度经济类别调整", entry.Str("reason"));
        var before = JsonDocument.Parse(entry.Str("before")).RootElement;
        var after = JsonDocument.Parse(entry.Str("after")).RootElement;
        Assert.Equal(town.GetProperty("economicClass").GetInt32(), before.GetProperty("EconomicClass").GetInt32());
        Assert.Equal(newClass, after.GetProperty("EconomicClass").GetInt32());
        Assert.Equal("道滘镇政府", after.GetProperty("Address").GetString());
        Assert.False(after.TryGetProperty("Name", out _)); // unchanged fields are not listed
        var clock = host.Clock.GetUtcNow();
        Assert.Equal(clock.AddTicks(-(clock.Ticks % 10)), entry.GetProperty("at").GetDateTimeOffset()); // stored to the microsecond

        // restore
        var now = await c.GetJson($"/api/organizations/{id}");
        await c.PutJson($"/api/organizations/{id}", new { name = "道滘镇", economicClass = town.GetProperty("economicClass").GetInt32(), isPilot = true, isActive = true,
            version = now.GetProperty("version").GetInt32(), reason = "恢复" }, HttpStatusCode.OK);
    }

    // R-PL-04, issue 17 point 5: a sign-in runs as the system (nobody is signed in yet), but the trail names the person, as do a wrong password's
    // entries; none of them is attributed to "system".
    [Theory, BothDatabases]
    public async Task R_PL_04_a_sign_in_is_recorded_as_the_person_not_the_system(Db db)
    {
        var host = TestHost.For(db);
        var village = await host.SignIn("dongcheng.village");
        var me = await village.GetJson("/api/auth/me");
        var wrong = await host.Anonymous().PostAsJsonAsync("/api/auth/sign-in", new { userName = "dongcheng.village", password = "not-the-password" });
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        var city = await host.SignIn("city.admin");

        var userId = me.Str("id");
        var entries = (await city.GetJson($"/api/audit?entityType=User&entityId={userId}&pageSize=50")).GetProperty("items").EnumerateArray().ToList();
        var signIn = entries.First(e => e.Str("action") == "SignIn");
        Assert.Equal("dongcheng.village", signIn.Str("actorName"));
        Assert.Equal(userId, signIn.Str("actorId"));
        Assert.Equal("VillageStaff", signIn.Str("actorRole"));
        var failed = entries.First(e => e.Str("action") == "SignInFailed");
        Assert.Equal("dongcheng.village", failed.Str("actorName"));
        Assert.DoesNotContain(entries, e => e.Str("action") is "SignIn" or "SignInFailed" && e.Str("actorName") == "system");
    }

    [Theory, BothDatabases]
    public async Task R_PL_04_a_failed_save_leaves_neither_the_change_nor_an_audit_entry(Db db)
    {
        var host = TestHost.For(db);
        using var scope = host.Services.CreateScope();
        var sys = host.NewDb(scope, Actor.System);
        var count = await sys.AuditEntries.CountAsync();
        var orgs = await sys.Organizations.CountAsync();
        var town = await sys.Organizations.AsNoTracking().FirstAsync(o => o.Kind == OrganizationKind.Town);

        await using var db2 = host.NewDb(scope, Actor.System);
        // Two rows in one save, the second violating the unique code: the first must not survive either.
        var code = Http.Unique("DUP");
        db2.Organizations.Add(new Organization { Id = Guid.NewGuid(), Code = Http.Unique("OK"), Name = "甲", Kind = OrganizationKind.Village, ParentId = town.Id, Path = town.Path + "a" + code + "/" });
        db2.Organizations.Add(new Organization { Id = Guid.NewGuid(), Code = town.Code, Name = "乙", Kind = OrganizationKind.Village, ParentId = town.Id, Path = town.Path + "b" + code + "/" });
        await Assert.ThrowsAsync<DbUpdateException>(() => db2.SaveChangesAsync());

        Assert.Equal(count, await sys.AuditEntries.CountAsync());
        Assert.Equal(orgs, await sys.Organizations.CountAsync());
    }

    [Theory, BothDatabases]
    public async Task R_PL_04_the_database_refuses_edits_and_deletions_of_the_trail(Db db)
    {
        var host = TestHost.For(db);
        using var scope = host.Services.CreateScope();
        var sys = host.NewDb(scope, Actor.System);
        await Assert.ThrowsAnyAsync<Exception>(() => sys.Database.ExecuteSqlRawAsync("UPDATE audit_entries SET reason = 'x' WHERE seq = 1"));
        await Assert.ThrowsAnyAsync<Exception>(() => sys.Database.ExecuteSqlRawAsync("DELETE FROM audit_entries WHERE seq = 1"));
        var first = await sys.AuditEntries.AsNoTracking().SingleAsync(a => a.Seq == 1);
        Assert.NotEqual("x", first.Reason);

        // and the system itself never updates an entry
        var tracked = await sys.AuditEntries.SingleAsync(a => a.Seq == 1);
        tracked.Reason = "改写";
        await Assert.ThrowsAsync<InvalidOperationException>(() => sys.SaveChangesAsync());
    }

    [Theory, BothDatabases]
    public async Task R_PL_04_verify_detects_a_changed_or_deleted_entry(Db db)
    {
        var host = TestHost.For(db);
        var c = await host.SignIn("city.admin");
        var ok = await c.GetJson("/api/audit/verify");
        Assert.True(ok.GetProperty("valid").GetBoolean(), ok.ToString());
        Assert.True(ok.GetProperty("entries").GetInt64() > 100);

        using var scope = host.Services.CreateScope();
        var sys = host.NewDb(scope, Actor.System);
        var victim = await sys.AuditEntries.AsNoTracking().OrderBy(a => a.Seq).Skip(5).FirstAsync();

        // Someone with database access switches the guard off and edits an entry.
        await WithoutGuard(sys, db, $"UPDATE audit_entries SET reason = 'tampered' WHERE seq = {victim.Seq}");
        var changed = await c.GetJson("/api/audit/verify");
        Assert.False(changed.GetProperty("valid").GetBoolean());
        Assert.Equal(victim.Seq, changed.GetProperty("firstBrokenSeq").GetInt64());
        var reason = victim.Reason is null ? "NULL" : $"'{victim.Reason.Replace("'", "''")}'";
        await WithoutGuard(sys, db, $"UPDATE audit_entries SET reason = {reason} WHERE seq = {victim.Seq}");
        Assert.True((await c.GetJson("/api/audit/verify")).GetProperty("valid").GetBoolean());

        // ... or deletes one: the chain breaks at the gap.
        var rowCopy = await sys.AuditEntries.AsNoTracking().SingleAsync(a => a.Seq == victim.Seq);
        await WithoutGuard(sys, db, $"DELETE FROM audit_entries WHERE seq = {victim.Seq}");
        var deleted = await c.GetJson("/api/audit/verify");
        Assert.False(deleted.GetProperty("valid").GetBoolean());
        Assert.Equal(victim.Seq, deleted.GetProperty("firstBrokenSeq").GetInt64());
        sys.AuditEntries.Add(rowCopy); // put it back exactly as it was
        await sys.SaveChangesAsync();
        Assert.True((await c.GetJson("/api/audit/verify")).GetProperty("valid").GetBoolean());
    }

    [Theory, BothDatabases]
    public async Task R_PL_04_only_the_city_verifies_and_a_town_reads_only_its_own_trail(Db db)
    {
        var host = TestHost.For(db);
        var town = await host.SignIn("dongcheng.lead");
        Assert.Equal(HttpStatusCode.Forbidden, (await town.GetAsync("/api/audit/verify")).StatusCode);
        var trail = await town.GetJson("/api/audit?pageSize=200");
        Assert.True(trail.GetProperty("total").GetInt32() > 0);
        var city = await host.SignIn("city.admin");
        Assert.True((await city.GetJson("/api/audit?pageSize=1")).GetProperty("total").GetInt32() > trail.GetProperty("total").GetInt32());
        var village = await host.SignIn("dongcheng.village");
        Assert.Equal(HttpStatusCode.Forbidden, (await village.GetAsync("/api/audit")).StatusCode);
    }

    private static async Task WithoutGuard(GuanjiaDb sys, Db db, string sql)
    {
        if (db == Db.Sqlite)
        {
            await sys.Database.ExecuteSqlRawAsync("DROP TRIGGER audit_entries_no_update; DROP TRIGGER audit_entries_no_delete;");
            await sys.Database.ExecuteSqlRawAsync(sql);
            await sys.Database.ExecuteSqlRawAsync(
                "CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON audit_entries BEGIN SELECT RAISE(ABORT, 'audit_entries is append-only'); END;");
            await sys.Database.ExecuteSqlRawAsync(
                "CREATE TRIGGER audit_entries_no_delete BEFORE DELETE ON audit_entries BEGIN SELECT RAISE(ABORT, 'audit_entries is append-only'); END;");
        }
        else
        {
            await sys.Database.ExecuteSqlRawAsync("ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_no_change");
            await sys.Database.ExecuteSqlRawAsync(sql);
            await sys.Database.ExecuteSqlRawAsync("ALTER TABLE audit_entries ENABLE TRIGGER audit_entries_no_change");
        }
    }
}
