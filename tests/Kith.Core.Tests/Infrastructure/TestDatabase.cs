using Kith.Core.Data;
using Kith.Data.Postgres;
using Kith.Data.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Kith.Core.Tests.Infrastructure;

/// <summary>The database engines every database test runs against.</summary>
public enum Provider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// A fresh, migrated database for one test: a SQLite file in the temp folder, or a new database on
/// the test PostgreSQL server that <c>./test</c> starts (connection string in KITH_TEST_POSTGRES).
/// Dropped on dispose.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? sqlitePath;
    private readonly string? postgresDatabase;

    private TestDatabase(Provider provider, string connectionString, string? sqlitePath, string? postgresDatabase)
    {
        Provider = provider;
        ConnectionString = connectionString;
        this.sqlitePath = sqlitePath;
        this.postgresDatabase = postgresDatabase;
    }

    public Provider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>Both engines, for <c>[Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]</c>.</summary>
    public static TheoryData<Provider> Providers => new(Provider.Sqlite, Provider.Postgres);

    /// <summary>The server connection string for PostgreSQL tests.</summary>
    /// <exception cref="InvalidOperationException">When KITH_TEST_POSTGRES is not set: run the tests through ./test.</exception>
    public static string PostgresServer =>
        Environment.GetEnvironmentVariable("KITH_TEST_POSTGRES")
        ?? throw new InvalidOperationException("KITH_TEST_POSTGRES is not set. Run the tests with ./test, which starts a PostgreSQL server for them.");

    public static async Task<TestDatabase> CreateAsync(Provider provider, bool migrate = true)
    {
        TestDatabase database;
        if (provider == Provider.Sqlite)
        {
            var path = Path.Combine(Path.GetTempPath(), $"kith-test-{Guid.NewGuid():N}.db");
            var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
            SqliteDatabase.Prepare(connectionString);
            database = new TestDatabase(provider, connectionString, path, null);
        }
        else
        {
            var name = $"kith_test_{Guid.NewGuid():N}";
            await using (var connection = new NpgsqlConnection(PostgresServer))
            {
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = $"CREATE DATABASE \"{name}\"";
                await command.ExecuteNonQueryAsync();
            }

            var connectionString = new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name, Pooling = false }.ToString();
            database = new TestDatabase(provider, connectionString, null, name);
        }

        if (migrate)
        {
            await using var db = database.CreateContext();
            await db.Database.MigrateAsync();
        }

        return database;
    }

    public DbContextOptions<KithDbContext> Options
    {
        get
        {
            var builder = new DbContextOptionsBuilder<KithDbContext>();
            if (Provider == Provider.Sqlite)
            {
                builder.UseKithSqlite(ConnectionString);
            }
            else
            {
                builder.UseKithPostgres(ConnectionString);
            }

            return builder.Options;
        }
    }

    public KithDbContext CreateContext(TimeProvider? clock = null) => new(Options, clock, TestFieldProtector.Instance);

    public async ValueTask DisposeAsync()
    {
        if (sqlitePath is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
            {
                File.Delete(sqlitePath + suffix);
            }
        }

        if (postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(PostgresServer);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"DROP DATABASE IF EXISTS \"{postgresDatabase}\" WITH (FORCE)";
            await command.ExecuteNonQueryAsync();
        }
    }
}
