using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Guanjia.App.CivilAffairs;
using Guanjia.App.Common;
using Guanjia.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Guanjia.Web.Tests.CivilAffairs;

/// <summary>One person, one file (R-CA-13), its privacy (encryption at rest, keyed-hash lookup, masked lists, audited views) and access.</summary>
[Collection(ApiCollection.Name)]
public class CaseFileTests
{
    // R-CA-13
    [Theory, BothDatabases]
    public async Task R_CA_13_a_file_takes_sex_and_birth_from_the_id_number_and_a_second_registration_answers_409_with_the_link(Db db)
    {
        var k = await CaseworkKit.StartAsync(db);
        var id = CaseworkKit.NewId(new DateOnly(1948, 3, 9));
        var female = id[16] % 2 == 0;
        var file = await k.RegisterAsync(k.Person(id));
        Assert.Equal("1948-03-09", file.Str("birthDate"));
        Assert.Equal(female ? "Female" : "Male", file.Str("sex"));
        Assert.StartsWith("MZ", file.Str("number"));
        Assert.Equal(id[..6] + "********" + id[^4..], file.Str("documentMasked"));

        var again = await k.Worker.PostJson("/api/civil-affairs/files", k.Person(id), HttpStatusCode.Conflict);
        Assert.Equal("already_registered", again.Str("code"));
        Assert.Equal($"/api/civil-affairs/files/{file.Str("id")}", again.Str("link"));

        // Another town learns only that the person is registered elsewhere, and how to ask for a transfer.
        var changanVillage = (await k.City.GetJson("/api/organizations?kind=Community&q=乌沙")).GetProperty("items")[0].Str("id");
        var elsewhere = await k.OtherTown.PostJson("/api/civil-affairs/files", k.Person(id, villageId: changanVillage, assign: false), HttpStatusCode.Conflict);
        Assert.Equal("registered_elsewhere", elsewhere.Str("code"));
        Assert.Equal("/api/civil-affairs/transfer-requests", elsewhere.Str("transferRequest"));
        Assert.False(elsewhere.TryGetProperty("fileId", out _));
        Assert.DoesNotContain(file.Str("number"), elsewhere.ToString());
        Assert.DoesNotContain("东城", elsewhere.ToString());

        // The transfer: the other town asks, the holding town accepts, the file closes, the other town registers anew.
        var request = await k.OtherTown.PostJson("/api/civil-affairs/transfer-requests", new
        {
            villageId = changanVillage, documentKind = "ResidentId", documentNumber = id, reason = "已随子女迁居长安",
        }, HttpStatusCode.Created);
        Assert.Equal("Pending", request.Str("state"));
        Assert.Equal(JsonValueKind.Null, request.GetProperty("caseFileId").ValueKind);
        var incoming = (await k.Town.GetJson("/api/civil-affairs/transfer-requests/incoming")).EnumerateArray().Single(t => t.Str("id") == request.Str("id"));
        Assert.Equal(file.Str("number"), incoming.Str("fileNumber"));
        await k.Town.PostJson($"/api/civil-affairs/transfer-requests/{request.Str("id")}/answer",
            new { accept = true, note = "同意转出", version = incoming.GetProperty("version").GetInt32() }, HttpStatusCode.OK);
        var closed = await k.Worker.GetJson($"/api/civil-affairs/files/{file.Str("id")}");
        Assert.Equal("TransferredOut", closed.Str("status"));
        var mine = (await k.OtherTown.GetJson("/api/civil-affairs/transfer-requests/mine")).EnumerateArray().Single(t => t.Str("id") == request.Str("id"));
        Assert.Equal("Accepted", mine.Str("state"));
        await k.RegisterAsync(k.Person(id, villageId: changanVillage, assign: false), k.OtherTown);
    }

    [Theory, BothDatabases]
    public async Task The_database_holds_no_id_number_or_health_in_clear_and_the_keyed_hash_finds_the_file(Db db)
    {
        var k = await CaseworkKit.StartAsync(db);
        var id = CaseworkKit.NewId();
        var file = await k.RegisterAsync(k.Person(id, health: "糖尿病，胰岛素注射"));
        var fileId = Guid.Parse(file.Str("id"));
        await k.VisitAsync(file.Str("id"), k.Now.AddHours(-1));

        using var scope = k.Host.Services.CreateScope();
        await using var raw = k.Host.NewDb(scope, Actor.System);
        var conn = raw.Database.GetDbConnection();
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        // Every column of the row, read raw: neither the number nor its birth-date digits nor the health text are there.
        cmd.CommandText = db == Db.Postgres
            ? $"SELECT row_to_json(f)::text FROM case_files f WHERE id = '{fileId}'"
            : $"SELECT document_cipher || '|' || document_hash || '|' || document_masked || '|' || COALESCE(health_cipher, '') || '|' || name FROM case_files WHERE id = '{fileId.ToString().ToUpperInvariant()}' OR id = '{fileId}'";
        var row = (string)(await cmd.ExecuteScalarAsync())!;
        Assert.DoesNotContain(id, row);
        Assert.DoesNotContain(id[6..14], row);
        Assert.DoesNotContain("糖尿病", row);
        Assert.Contains("v1:dev-2026:", row);
        await using var visits = conn.CreateCommand();
        visits.CommandText = "SELECT health_cipher FROM visits WHERE health_cipher IS NOT NULL";
        await using (var r = await visits.ExecuteReaderAsync())
            while (await r.ReadAsync()) Assert.DoesNotContain("血压", r.GetString(0));
        // Nor does the audit trail.
        var audit = await raw.AuditEntries.IgnoreQueryFilters().Where(a => a.EntityId == fileId.ToString()).Select(a => a.After).ToListAsync();
        Assert.NotEmpty(audit);
        Assert.All(audit, a => Assert.DoesNotContain(id, a ?? ""));

        // The lookup goes through the keyed hash: the same number finds the file, a different one nothing.
        var hit = await k.Worker.PostJson("/api/civil-affairs/files/lookup", new { documentKind = "ResidentId", documentNumber = id.ToLowerInvariant() }, HttpStatusCode.OK);
        Assert.True(hit.GetProperty("found").GetBoolean());
        Assert.Equal(file.Str("id"), hit.Str("fileId"));
        var miss = await k.Worker.PostJson("/api/civil-affairs/files/lookup", new { documentKind = "ResidentId", documentNumber = CaseworkKit.NewId() }, HttpStatusCode.OK);
        Assert.False(miss.GetProperty("found").GetBoolean());
        var crypto = scope.ServiceProvider.GetRequiredService<CaseworkCrypto>();
        Assert.Equal(crypto.LookupHash(Guanjia.Domain.CivilAffairs.DocumentKind.ResidentId, id),
            await raw.CaseFiles.Where(f => f.Id == fileId).Select(f => f.DocumentHash).SingleAsync());
    }

    [Theory, BothDatabases]
    public async Task A_full_view_is_audited_and_lists_village_staff_and_deputies_see_masked(Db db)
    {
        var k = await CaseworkKit.StartAsync(db);
        var id = CaseworkKit.NewId();
        var file = await k.RegisterAsync(k.Person(id, name: "区演示（演示）"));
        var url = $"/api/civil-affairs/files/{file.Str("id")}";

        var full = await k.Town.GetJson(url);
        Assert.Equal(id, full.Str("documentNumber"));
        Assert.Equal("高血压，长期服药", full.Str("health"));
        var townUser = (await k.Town.GetJson("/api/auth/me")).Str("id");
        var audit = (await k.City.GetJson($"/api/audit?entityType=CaseFileAccess&action=ViewCaseFile&actorId={townUser}&pageSize=200")).GetProperty("items")
            .EnumerateArray().ToList();
        Assert.Contains(audit, a => (a.GetProperty("after").GetString() ?? "").Contains(file.Str("id")));

        var village = await k.Village.GetJson(url);
        Assert.Equal(JsonValueKind.Null, village.GetProperty("documentNumber").ValueKind);
        Assert.Equal(JsonValueKind.Null, village.GetProperty("health").ValueKind);
        Assert.Equal("区演示（演示）", village.Str("name"));
        var deputy = await k.Deputy.GetJson(url);
        Assert.Equal(JsonValueKind.Null, deputy.GetProperty("documentNumber").ValueKind);
        Assert.Equal("区******", deputy.Str("name"));
        var list = await k.Village.GetJson("/api/civil-affairs/files?pageSize=200");
        Assert.All(list.GetProperty("items").EnumerateArray(), i => Assert.Contains("********", i.Str("documentMasked")));
        Assert.DoesNotContain(id, list.ToString());

        // Scope: another town does not see the file at all; a worker may not read the city's audit trail.
        Assert.Equal(HttpStatusCode.NotFound, (await k.OtherTown.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await k.Deputy.PostAsJsonAsync("/api/civil-affairs/files", k.Person(), TestHost.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await k.Village.PostAsJsonAsync("/api/civil-affairs/files", k.Person(), TestHost.Json)).StatusCode);
    }

    [Fact]
    public void Keys_rotate_old_ciphertexts_stay_readable_and_a_host_without_keys_says_what_to_set()
    {
        var old = Convert.FromBase64String(TestHost.OldKey);
        var dev = Convert.FromBase64String(TestHost.DevKey);
        var lookup = Convert.FromBase64String(TestHost.LookupKey);
        var before = new CaseworkCrypto(new Dictionary<string, byte[]> { ["old-2025"] = old }, "old-2025", lookup);
        var cipher = before.Protect("441900194801010012");
        var after = new CaseworkCrypto(new Dictionary<string, byte[]> { ["old-2025"] = old, ["dev-2026"] = dev }, "dev-2026", lookup);
        Assert.Equal("441900194801010012", after.Unprotect(cipher));
        Assert.StartsWith("v1:dev-2026:", after.Protect("x"));
        Assert.Equal(before.LookupHash(Guanjia.Domain.CivilAffairs.DocumentKind.ResidentId, "1"), after.LookupHash(Guanjia.Domain.CivilAffairs.DocumentKind.ResidentId, "1"));
        var withoutOld = new CaseworkCrypto(new Dictionary<string, byte[]> { ["dev-2026"] = dev }, "dev-2026", lookup);
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => withoutOld.Unprotect(cipher));

        var empty = new ConfigurationBuilder().Build();
        var e = Assert.Throws<InvalidOperationException>(() => CaseworkCrypto.From(empty));
        Assert.Contains("CivilAffairs:Encryption:Keys", e.Message);
    }
}
