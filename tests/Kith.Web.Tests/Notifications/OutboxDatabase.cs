using Kith.Core.Data;
using Kith.Core.Platform.Notifications;
using Kith.Data.Sqlite;
using Kith.Web.Infrastructure;
using Kith.Web.Notifications;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Kith.Web.Tests.Notifications;

/// <summary>
/// A migrated database of its own with just the services the outbox dispatcher needs: a SQLite file
/// in the temp folder, or a new database on the PostgreSQL server named by KITH_TEST_POSTGRES
/// (which <c>./test</c> starts). Dropped on dispose.
/// </summary>
public sealed class OutboxDatabase : IAsyncDisposable
{
    private readonly ServiceProvider services;
    private readonly string? sqlitePath;
    private readonly string? postgresDatabase;

    private OutboxDatabase(ServiceProvider services, string? sqlitePath, string? postgresDatabase)
    {
        this.services = services;
        this.sqlitePath = sqlitePath;
        this.postgresDatabase = postgresDatabase;
    }

    /// <summary>Both engines, for <c>[Theory, MemberData(nameof(OutboxDatabase.Providers), MemberType = typeof(OutboxDatabase))]</c>.</summary>
    public static TheoryData<string> Providers => new("Sqlite", "Postgres");

    public static async Task<OutboxDatabase> CreateAsync(string provider)
    {
        string? path = null;
        string? name = null;
        string connectionString;
        if (provider == "Postgres")
        {
            var server = Environment.GetEnvironmentVariable("KITH_TEST_POSTGRES")
                ?? throw new InvalidOperationException("KITH_TEST_POSTGRES is not set. Run the tests with ./test, which starts a PostgreSQL server for them.");
            name = $"kith_outbox_{Guid.NewGuid():N}";
            await using (var connection = new NpgsqlConnection(server))
            {
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = $"CREATE DATABASE \"{name}\"";
                await command.ExecuteNonQueryAsync();
            }

            connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();
        }
        else
        {
            path = Path.Combine(Path.GetTempPath(), $"kith-outbox-{Guid.NewGuid():N}.db");
            connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
            SqliteDatabase.Prepare(connectionString);
        }

        var database = new DatabaseOptions { Provider = provider, ConnectionString = connectionString };
        var collection = new ServiceCollection();
        collection.AddDbContext<KithDbContext>(options => KithWebApp.ConfigureDatabase(options, database));
        var provided = collection.BuildServiceProvider();
        await using (var scope = provided.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<KithDbContext>().Database.MigrateAsync();
        }

        return new OutboxDatabase(provided, path, name);
    }

    /// <summary>A dispatcher of its own over this database, as one web node would run it.</summary>
    public OutboxDispatcher Dispatcher(INotificationSender sender, TimeProvider clock, OutboxOptions? settings = null) =>
        new(services.GetRequiredService<IServiceScopeFactory>(), sender, Options.Create(settings ?? new OutboxOptions()), clock, NullLogger<OutboxDispatcher>.Instance);

    /// <summary>Runs <paramref name="work"/> with a context of its own, in a scope that ends with it.</summary>
    public async Task<T> WithContextAsync<T>(Func<KithDbContext, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var scope = services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<KithDbContext>());
    }

    /// <summary>Queues emails due at <paramref name="due"/> and returns their ids.</summary>
    public Task<List<Guid>> QueueAsync(int count, DateTime due) => WithContextAsync(async db =>
    {
        var messages = Enumerable.Range(0, count).Select(i => new OutboxMessage
        {
            Channel = NotificationChannel.Email,
            Recipient = $"person{i}@example.org",
            Subject = $"Message {i}",
            Body = $"Hello, this is message {i}.",
            CreatedAt = due,
            NextAttemptAt = due,
            EventKey = $"test-event:{i}",
        }).ToList();
        db.OutboxMessages.AddRange(messages);
        await db.SaveChangesAsync();
        return messages.Select(m => m.Id).ToList();
    });

    public Task<OutboxMessage> LoadAsync(Guid id) => WithContextAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id));

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
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
            await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable("KITH_TEST_POSTGRES"));
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"DROP DATABASE IF EXISTS \"{postgresDatabase}\" WITH (FORCE)";
            await command.ExecuteNonQueryAsync();
        }
    }
}
