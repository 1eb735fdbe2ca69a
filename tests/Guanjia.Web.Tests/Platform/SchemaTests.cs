using Guanjia.App.Common;
using Guanjia.App.Persistence;
using Guanjia.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.Web.Tests.Platform;

/// <summary>The hand-written SQL migrations must build exactly the schema the EF model describes.</summary>
[Collection(ApiCollection.Name)]
public class SchemaTests
{
    private static GuanjiaDb Open(Db db, string cs)
    {
        var o = new DbContextOptionsBuilder<GuanjiaDb>();
        new Guanjia.App.DatabaseSettings(db == Db.Postgres ? DbProvider.Postgres : DbProvider.Sqlite, cs).Apply(o);
        return new GuanjiaDb(o.Options, new FixedActor(Actor.System), TimeProvider.System);
    }

    private static string NewDatabase(Db db) => db == Db.Postgres ? Databases.CreatePostgresDatabase("schema") : Databases.NewSqliteFile("schema");

    [Theory, BothDatabases]
    public async Task Migrated_schema_matches_the_model_and_migrating_again_changes_nothing(Db db)
    {
        var migratedCs = NewDatabase(db);
        var modelCs = NewDatabase(db);
        try
        {
            await using var migrated = Open(db, migratedCs);
            var applied = await Migrator.MigrateAsync(migrated);
            Assert.Equal(Migrator.Scripts(db == Db.Postgres ? DbProvider.Postgres : DbProvider.Sqlite).Count, applied.Count);
            Assert.Empty(await Migrator.MigrateAsync(migrated));

            await using var model = Open(db, modelCs);
            if (db == Db.Sqlite) await model.Database.EnsureCreatedAsync();
            else await model.Database.ExecuteSqlRawAsync(SchemaScript.For(DbProvider.Postgres));

            var expected = await Describe(model, db);
            var actual = (await Describe(migrated, db)).Where(l => !l.Contains("schema_migrations", StringComparison.Ordinal)).ToList();
            var missing = expected.Except(actual).ToList();
            var extra = actual.Except(expected).ToList();
            Assert.True(missing.Count == 0 && extra.Count == 0,
                $"Migrations differ from the model.\nMissing from migrations:\n  {string.Join("\n  ", missing)}\nOnly in migrations:\n  {string.Join("\n  ", extra)}\n" +
                "Print the model's DDL with: dotnet src/Guanjia.Web/bin/Debug/net10.0/Guanjia.Web.dll --print-schema " + db);
        }
        finally
        {
            if (db == Db.Postgres) { Databases.DropPostgresDatabase(migratedCs); Databases.DropPostgresDatabase(modelCs); }
        }
    }

    /// <summary>Tables, columns with type and nullability, and indexes with their columns and uniqueness.</summary>
    private static async Task<List<string>> Describe(GuanjiaDb db, Db kind)
    {
        var conn = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        var lines = new List<string>();
        async Task Read(string sql, Func<System.Data.Common.DbDataReader, string> row)
        {
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = sql;
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync()) lines.Add(row(r));
        }
        if (kind == Db.Sqlite)
        {
            await Read("""
                SELECT m.name, p.name, p.type, p."notnull", p.pk FROM sqlite_master m JOIN pragma_table_info(m.name) p
                WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'
                """, r => $"column {r.GetString(0)}.{r.GetString(1)} {r.GetString(2)} notnull={r.GetInt64(3)} pk={r.GetInt64(4)}");
            await Read("""
                SELECT m.name, il.name, il."unique", group_concat(ii.name, ',') FROM sqlite_master m
                JOIN pragma_index_list(m.name) il JOIN pragma_index_info(il.name) ii
                WHERE m.type = 'table' AND il.origin = 'c' GROUP BY m.name, il.name, il."unique"
                """, r => $"index {r.GetString(0)}.{r.GetString(1)} unique={r.GetInt64(2)} ({r.GetString(3)})");
            await Read("SELECT name FROM sqlite_master WHERE type = 'trigger'", r => $"trigger {r.GetString(0)}");
        }
        else
        {
            await Read("""
                SELECT table_name, column_name, data_type, coalesce(character_maximum_length, 0), is_nullable FROM information_schema.columns
                WHERE table_schema = 'public'
                """, r => $"column {r.GetString(0)}.{r.GetString(1)} {r.GetString(2)}({r.GetInt32(3)}) nullable={r.GetString(4)}");
            await Read("SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'",
                r => $"index {r.GetString(0)}.{r.GetString(1)} {r.GetString(2)}");
            await Read("SELECT event_object_table, trigger_name FROM information_schema.triggers", r => $"trigger {r.GetString(0)}.{r.GetString(1)}");
        }
        await db.Database.CloseConnectionAsync();
        // The append-only triggers exist only in migrations, on purpose (R-PL-04, R-FD-06, R-FD-03); the model cannot express them.
        return lines.Where(l => !l.StartsWith("trigger ", StringComparison.Ordinal)
            || !(l.Contains("audit_entries", StringComparison.Ordinal) || l.Contains("fund_ledger_", StringComparison.Ordinal)
                || l.Contains("fund_allocation_", StringComparison.Ordinal))).Order().ToList();
    }

    [Theory, BothDatabases]
    public async Task Migrations_create_the_append_only_triggers(Db db)
    {
        var cs = NewDatabase(db);
        try
        {
            await using var migrated = Open(db, cs);
            await Migrator.MigrateAsync(migrated);
            var sql = db == Db.Sqlite
                ? "SELECT count(*) AS \"Value\" FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_entries'"
                : "SELECT count(*)::int AS \"Value\" FROM information_schema.triggers WHERE event_object_table = 'audit_entries'";
            var n = await migrated.Database.SqlQueryRaw<int>(sql).SingleAsync();
            Assert.True(n >= 2, $"expected the append-only triggers, found {n}");
        }
        finally
        {
            if (db == Db.Postgres) Databases.DropPostgresDatabase(cs);
        }
    }
}
