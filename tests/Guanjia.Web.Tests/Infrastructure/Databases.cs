using System.Reflection;
using Npgsql;
using Xunit.Sdk;

namespace Guanjia.Web.Tests.Infrastructure;

public enum Db { Sqlite, Postgres }

/// <summary>
/// Where the PostgreSQL tests run: GUANJIA_TEST_POSTGRES names a server on which the role may create
/// databases. With GUANJIA_REQUIRE_POSTGRES=1 (CI) a missing server fails the run instead of skipping.
/// </summary>
public static class Databases
{
    public static string? PostgresAdmin => Environment.GetEnvironmentVariable("GUANJIA_TEST_POSTGRES") is { Length: > 0 } s ? s : null;

    public static bool PostgresRequired => Environment.GetEnvironmentVariable("GUANJIA_REQUIRE_POSTGRES") == "1";

    public static bool RunPostgres => PostgresAdmin is not null || PostgresRequired;

    public static string CreatePostgresDatabase(string purpose)
    {
        var admin = PostgresAdmin ?? throw new InvalidOperationException(
            "GUANJIA_REQUIRE_POSTGRES=1 but GUANJIA_TEST_POSTGRES is not set: PostgreSQL tests cannot run");
        var name = $"guanjia_test_{purpose}_{Guid.NewGuid():N}"[..40];
        using (var conn = new NpgsqlConnection(admin))
        {
            conn.Open();
            using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", conn);
            cmd.ExecuteNonQuery();
        }
        return new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = true }.ConnectionString;
    }

    public static void DropPostgresDatabase(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        // Another test run creating or dropping a database at the same moment can make this fail once.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var conn = new NpgsqlConnection(PostgresAdmin);
                conn.Open();
                using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", conn);
                cmd.ExecuteNonQuery();
                return;
            }
            catch (PostgresException) when (attempt < 3)
            {
                Thread.Sleep(500 * attempt);
            }
        }
    }

    public static string NewSqliteFile(string purpose) =>
        $"Data Source={Path.Combine(Path.GetTempPath(), $"guanjia-test-{purpose}-{Guid.NewGuid():N}.db")}";
}

/// <summary>One test, both databases: SQLite always, PostgreSQL when configured or required.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BothDatabasesAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod)
    {
        yield return [Db.Sqlite];
        if (Databases.RunPostgres) yield return [Db.Postgres];
    }
}
