using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Kith.Core.Data;
using Kith.Core.Directory;
using Kith.Core.Platform.Postcodes;
using Kith.Data.Postgres;
using Kith.Data.Sqlite;
using Kith.PeopleBench;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Kith.DirectoryBench;

/// <summary>
/// Writes a <see cref="UkDirectoryGenerator"/> directory into a migrated Kith database, fast: prepared INSERTs in one
/// transaction per 10,000 assets on SQLite, binary COPY per table and batch on PostgreSQL. No audit events or
/// revisions are written (this is a benchmark fixture, not an import).
/// </summary>
public static class DirectorySeeder
{
    private const int Batch = 10_000;

    /// <summary>Options for a SQLite file (created if missing): no pooling, so the file can be deleted afterwards.</summary>
    public static DbContextOptions<KithDbContext> SqliteOptions(string file) =>
        (DbContextOptions<KithDbContext>)new DbContextOptionsBuilder<KithDbContext>()
            .UseKithSqlite(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString()).Options;

    public static DbContextOptions<KithDbContext> PostgresOptions(string connectionString) =>
        (DbContextOptions<KithDbContext>)new DbContextOptionsBuilder<KithDbContext>().UseKithPostgres(connectionString).Options;

    /// <summary>Migrates the SQLite file and fills it; refuses a file that already holds assets.</summary>
    public static async Task SeedSqliteAsync(string file, int assets, int seed, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var connectionString = new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString();
        SqliteDatabase.Prepare(connectionString);
        await using var db = new KithDbContext(SqliteOptions(file));
        await db.Database.MigrateAsync();
        await EnsureEmptyAsync(db);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA synchronous=OFF; PRAGMA foreign_keys=OFF; PRAGMA cache_size=-200000;";
            await pragma.ExecuteNonQueryAsync();
        }

        var insert = new BulkInsert(db, connection);
        var sink = new SqliteSink(insert, connection);
        Write(sink, new UkDirectoryGenerator(seed), assets, log);
    }

    /// <summary>Migrates the PostgreSQL database and fills it; refuses a database that already holds assets.</summary>
    public static async Task SeedPostgresAsync(string connectionString, int assets, int seed, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(log);
        await using var db = new KithDbContext(PostgresOptions(connectionString));
        await db.Database.MigrateAsync();
        await EnsureEmptyAsync(db);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        var sink = new CopySink(db, connection);
        Write(sink, new UkDirectoryGenerator(seed), assets, log);
        await using var analyse = connection.CreateCommand();
        analyse.CommandText = "ANALYZE";
        await analyse.ExecuteNonQueryAsync();
    }

    private static async Task EnsureEmptyAsync(KithDbContext db)
    {
        if (await db.CommunityAssets.AnyAsync())
        {
            throw new InvalidOperationException("The database already holds assets. Seed into a new file or an empty database.");
        }
    }

    private static void Write(IRowSink sink, UkDirectoryGenerator generator, int count, TextWriter log)
    {
        var watch = Stopwatch.StartNew();
        foreach (var taxonomy in UkDirectoryGenerator.Taxonomies())
        {
            sink.Add(taxonomy);
            foreach (var term in taxonomy.Terms)
            {
                sink.Add(term);
            }
        }

        var postcodes = 0;
        foreach (var postcode in generator.Postcodes())
        {
            sink.Add(postcode);
            postcodes++;
        }

        sink.Flush();
        var written = 0;
        foreach (var (asset, organization) in generator.Assets(count))
        {
            if (organization is not null)
            {
                sink.Add(organization);
            }

            sink.Add(asset);
            foreach (var link in asset.ServiceAtLocations)
            {
                var location = link.Location!;
                sink.Add(location);
                foreach (var address in location.Addresses)
                {
                    sink.Add(address);
                }

                foreach (var feature in location.Accessibility)
                {
                    sink.Add(feature);
                }

                sink.Add(link);
            }

            foreach (var schedule in asset.Schedules)
            {
                sink.Add(schedule);
            }

            foreach (var cost in asset.CostOptions)
            {
                sink.Add(cost);
            }

            foreach (var area in asset.ServiceAreas)
            {
                sink.Add(area);
            }

            foreach (var language in asset.Languages)
            {
                sink.Add(language);
            }

            foreach (var term in asset.TaxonomyTerms)
            {
                sink.Add(term);
            }

            if (++written % Batch == 0)
            {
                sink.Flush();
                if (written % (Batch * 10) == 0)
                {
                    log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{written,9:N0} assets, {watch.Elapsed.TotalSeconds,6:0.0} s"));
                }
            }
        }

        sink.Flush();
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Seeded {written:N0} assets and {postcodes:N0} postcodes in {watch.Elapsed.TotalSeconds:0.0} s."));
    }

    /// <summary>Where generated rows go, in foreign-key order; <see cref="Flush"/> makes what was added durable.</summary>
    private interface IRowSink
    {
        void Add<T>(T entity)
            where T : class;

        void Flush();
    }

    private sealed class SqliteSink : IRowSink
    {
        private readonly BulkInsert insert;
        private readonly DbConnection connection;

        public SqliteSink(BulkInsert insert, DbConnection connection)
        {
            this.insert = insert;
            this.connection = connection;
            insert.Transaction = connection.BeginTransaction();
        }

        public void Add<T>(T entity)
            where T : class => insert.Add(entity);

        public void Flush()
        {
            insert.Transaction!.Commit();
            insert.Transaction.Dispose();
            insert.Transaction = connection.BeginTransaction();
        }
    }

    /// <summary>Buffers a batch per table, then writes each table with one binary COPY, parents before children.</summary>
    private sealed class CopySink(KithDbContext db, NpgsqlConnection connection) : IRowSink
    {
        private readonly List<(Type Type, List<object> Rows)> tables = [];

        public void Add<T>(T entity)
            where T : class
        {
            var table = tables.Find(t => t.Type == typeof(T)).Rows;
            if (table is null)
            {
                table = [];
                tables.Add((typeof(T), table));
            }

            table.Add(entity);
        }

        public void Flush()
        {
            foreach (var (type, rows) in tables)
            {
                if (rows.Count == 0)
                {
                    continue;
                }

                var entityType = db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not in the model.");
                var tableName = entityType.GetTableName()!;
                var store = Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier.Table(tableName, entityType.GetSchema());
                var columns = entityType.GetProperties().Where(p => p.PropertyInfo is not null && p.GetColumnName(store) is not null).ToList();
                var copy = $"COPY \"{tableName}\" ({string.Join(", ", columns.Select(c => $"\"{c.GetColumnName(store)}\""))}) FROM STDIN (FORMAT BINARY)";
                using var writer = connection.BeginBinaryImport(copy);
                foreach (var row in rows)
                {
                    writer.StartRow();
                    foreach (var column in columns)
                    {
                        var mapping = column.GetRelationalTypeMapping();
                        var value = column.PropertyInfo!.GetValue(row);
                        if (value is not null && mapping.Converter is { } converter)
                        {
                            value = converter.ConvertToProvider(value);
                        }

                        if (value is null)
                        {
                            writer.WriteNull();
                        }
                        else
                        {
                            var storeType = mapping.StoreType;
                            var bracket = storeType.IndexOf('(', StringComparison.Ordinal);
                            writer.Write(value, bracket < 0 ? storeType : storeType[..bracket]);
                        }
                    }
                }

                writer.Complete();
                rows.Clear();
            }
        }
    }
}
