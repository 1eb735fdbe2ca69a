using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Guanjia.App.Persistence;

/// <summary>
/// Applies the versioned SQL scripts of the current provider (Persistence/Migrations/{Sqlite,Postgres})
/// in order, each once, each in its own transaction. `dotnet ef` is not available here (see
/// docs/decisions/0002-migrations-as-sql-per-provider.md), so migrations are plain SQL kept per provider.
/// </summary>
public static class Migrator
{
    private const long PostgresLockKey = 0x6775616e6a6961; // "guanjia"

    public sealed record Script(string Version, string Name, string Sql);

    public static IReadOnlyList<Script> Scripts(DbProvider provider)
    {
        var asm = typeof(Migrator).Assembly;
        var marker = $".Persistence.Migrations.{provider}.";
        return asm.GetManifestResourceNames()
            .Where(n => n.Contains(marker, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n =>
            {
                var file = n[(n.IndexOf(marker, StringComparison.Ordinal) + marker.Length)..];
                using var s = asm.GetManifestResourceStream(n)!;
                using var r = new StreamReader(s);
                return new Script(file.Split('_')[0], file, r.ReadToEnd());
            })
            .OrderBy(s => s.Version, StringComparer.Ordinal)
            .ToList();
    }

    public static async Task<IReadOnlyList<string>> MigrateAsync(GuanjiaDb db, ILogger? log = null, CancellationToken ct = default)
    {
        var provider = db.IsPostgres ? DbProvider.Postgres : DbProvider.Sqlite;
        var conn = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        var applied = new List<string>();
        try
        {
            // Two instances starting together must not both migrate.
            if (provider == DbProvider.Postgres) await Exec(conn, null, $"SELECT pg_advisory_lock({PostgresLockKey})", ct);
            // WAL lets readers go on while one request writes; it is a property of the file, set once.
            else if (!conn.DataSource.Contains(":memory:", StringComparison.Ordinal)) await Exec(conn, null, "PRAGMA journal_mode=WAL", ct);
            await Exec(conn, null,
                "CREATE TABLE IF NOT EXISTS schema_migrations (version VARCHAR(20) PRIMARY KEY, name VARCHAR(200) NOT NULL, applied_at VARCHAR(40) NOT NULL)", ct);
            var done = new HashSet<string>(StringComparer.Ordinal);
            await using (var cmd = conn.CreateCommand())
            {
                cmd.CommandText = "SELECT version FROM schema_migrations";
                await using var rd = await cmd.ExecuteReaderAsync(ct);
                while (await rd.ReadAsync(ct)) done.Add(rd.GetString(0));
            }
            foreach (var script in Scripts(provider).Where(s => !done.Contains(s.Version)))
            {
                await using var tx = await conn.BeginTransactionAsync(ct);
                await Exec(conn, tx, script.Sql, ct);
                await using (var cmd = conn.CreateCommand())
                {
                    cmd.Transaction = tx;
                    cmd.CommandText = "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@v, @n, @a)";
                    AddParam(cmd, "@v", script.Version);
                    AddParam(cmd, "@n", script.Name);
                    AddParam(cmd, "@a", DateTimeOffset.UtcNow.ToString("O"));
                    await cmd.ExecuteNonQueryAsync(ct);
                }
                await tx.CommitAsync(ct);
                applied.Add(script.Name);
                log?.LogInformation("Applied migration {Migration}", script.Name);
            }
        }
        finally
        {
            if (provider == DbProvider.Postgres) await Exec(conn, null, $"SELECT pg_advisory_unlock({PostgresLockKey})", CancellationToken.None);
            await db.Database.CloseConnectionAsync();
        }
        return applied;
    }

    private static async Task Exec(DbConnection conn, DbTransaction? tx, string sql, CancellationToken ct)
    {
        await using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static void AddParam(DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }
}
