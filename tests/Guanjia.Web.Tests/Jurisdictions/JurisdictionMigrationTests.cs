using Guanjia.App.Common;
using Guanjia.App.Persistence;
using Guanjia.Domain.Accounts;
using Guanjia.Domain.Organizations;
using Guanjia.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.Web.Tests.Jurisdictions;

/// <summary>Migration 0040 on a database of the one-city product: what was the city's ("/") becomes its jurisdiction's (ADR 0040).</summary>
[Collection(ApiCollection.Name)]
public class JurisdictionMigrationTests
{
    private static GuanjiaDb Open(Db db, string cs)
    {
        var o = new DbContextOptionsBuilder<GuanjiaDb>();
        new Guanjia.App.DatabaseSettings(db == Db.Postgres ? DbProvider.Postgres : DbProvider.Sqlite, cs).Apply(o);
        return new GuanjiaDb(o.Options, new FixedActor(Actor.System), TimeProvider.System);
    }

    [Theory, BothDatabases]
    public async Task A_one_city_database_moves_its_city_wide_accounts_tokens_calendar_and_rules_into_its_jurisdiction(Db db)
    {
        var cs = db == Db.Postgres ? Databases.CreatePostgresDatabase("mig") : Databases.NewSqliteFile("mig");
        try
        {
            await using var ctx = Open(db, cs);
            var provider = db == Db.Postgres ? DbProvider.Postgres : DbProvider.Sqlite;
            // The database as the product left it before 0040.
            await ctx.Database.ExecuteSqlRawAsync(
                "CREATE TABLE schema_migrations (version VARCHAR(20) PRIMARY KEY, name VARCHAR(200) NOT NULL, applied_at VARCHAR(40) NOT NULL)");
            foreach (var s in Migrator.Scripts(provider).Where(s => string.CompareOrdinal(s.Version, "0040") < 0))
            {
                // Raw SQL goes through string.Format: a script's own braces (JSON literals) are escaped.
                await ctx.Database.ExecuteSqlRawAsync(s.Sql.Replace("{", "{{").Replace("}", "}}"));
                await ctx.Database.ExecuteSqlAsync($"INSERT INTO schema_migrations (version, name, applied_at) VALUES ({s.Version}, {s.Name}, {"2026-01-01"})");
            }
            var now = DateTimeOffset.UtcNow;
            var city = new Organization { Id = Guid.NewGuid(), Code = "441900", Name = "东莞市", Kind = OrganizationKind.City, Path = "/441900/", CreatedAt = now };
            var bureau = new Organization
            {
                Id = Guid.NewGuid(), Code = "D441900-01", Name = "东莞市民政局", Kind = OrganizationKind.CityDepartment, ParentId = city.Id, Path = "/441900/D441900-01/",
                Function = DepartmentFunction.CivilAffairs, CreatedAt = now,
            };
            ctx.Organizations.AddRange(city, bureau);
            var admin = new User
            {
                Id = Guid.NewGuid(), UserName = "old.admin", DisplayName = "管理员", Role = Role.CityCivilAffairs, OrganizationId = bureau.Id, ScopePath = "/",
                SecurityStamp = "old-stamp", CreatedAt = now,
            };
            ctx.Users.Add(admin);
            ctx.ApiTokens.Add(new ApiToken
            {
                Id = Guid.NewGuid(), Name = "12345", Prefix = "gj_x", TokenHash = new string('a', 64), OrganizationId = bureau.Id, ScopePath = "/",
                Permissions = "appeals.create", CreatedAt = now,
            });
            await ctx.Audit("Test").SaveChangesAsync();
            var (day, stamp) = db == Db.Postgres ? ("DATE '2026-10-01'", "now()") : ("'2026-10-01'", "0");
            // Literals of this test's own making: the old tables' shapes differ per provider in their date columns.
            string[] rows =
            [
                $"INSERT INTO calendar_days (date, kind, name, year, updated_at) VALUES ({day}, 'Holiday', '国庆节', 2026, {stamp})",
                $"INSERT INTO calendar_years (year, notice, updated_at) VALUES (2026, '国办发明电〔2025〕7号', {stamp})",
                $"INSERT INTO programme_rules (version, rules_json, effective_from, reason, created_by) VALUES (1, 'rules', {stamp}, '默认', 'system')",
            ];
            foreach (var sql in rows) await ctx.Database.ExecuteSqlRawAsync(sql);

            Assert.Equal(["0040_jurisdictions.sql", "0041_purchasing.sql", "0042_stations_staff.sql", "0044_venture_rounds.sql", "0046_contract_surveys.sql"],
                (await Migrator.MigrateAsync(ctx)).Where(n => n.StartsWith("004", StringComparison.Ordinal)));
            ctx.ChangeTracker.Clear();
            var moved = await ctx.Users.IgnoreQueryFilters().AsNoTracking().SingleAsync(u => u.Id == admin.Id);
            Assert.Equal("/441900/", moved.ScopePath);
            Assert.NotEqual("old-stamp", moved.SecurityStamp); // the old session, scoped "/", ends
            Assert.Equal("/441900/", (await ctx.ApiTokens.IgnoreQueryFilters().AsNoTracking().SingleAsync()).ScopePath);
            Assert.Equal("/441900/", (await ctx.CalendarDays.IgnoreQueryFilters().AsNoTracking().SingleAsync()).JurisdictionPath);
            Assert.Equal("/441900/", (await ctx.CalendarYears.IgnoreQueryFilters().AsNoTracking().SingleAsync()).JurisdictionPath);
            Assert.Equal("/441900/", (await ctx.ProgrammeRules.IgnoreQueryFilters().AsNoTracking().SingleAsync()).JurisdictionPath);
        }
        finally
        {
            if (db == Db.Postgres) Databases.DropPostgresDatabase(cs);
        }
    }
}
