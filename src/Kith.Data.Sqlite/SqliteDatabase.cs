using Kith.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Kith.Data.Sqlite;

/// <summary>SQLite, the embedded default: one file, WAL mode, migrations from this assembly.</summary>
public static class SqliteDatabase
{
    /// <summary>The default connection string: <c>data/kith.db</c> under the working folder.</summary>
    public const string DefaultConnectionString = "Data Source=data/kith.db";

    public static DbContextOptionsBuilder UseKithSqlite(this DbContextOptionsBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.UseSqlite(connectionString, o => o.MigrationsAssembly(typeof(SqliteDatabase).Assembly.GetName().Name));
    }

    /// <summary>Creates the folder of the database file if it is missing, and turns on write-ahead logging.</summary>
    public static void Prepare(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(folder))
        {
            System.IO.Directory.CreateDirectory(folder);
        }

        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        command.ExecuteNonQuery();
    }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the model for SQLite.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<KithDbContext>
{
    public KithDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<KithDbContext>();
        options.UseKithSqlite("Data Source=design.db");
        return new KithDbContext(options.Options);
    }
}
