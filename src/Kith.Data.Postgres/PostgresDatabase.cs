using Kith.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Kith.Data.Postgres;

/// <summary>PostgreSQL, the production engine: migrations from this assembly.</summary>
public static class PostgresDatabase
{
    public static DbContextOptionsBuilder UseKithPostgres(this DbContextOptionsBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.UseNpgsql(connectionString, o => o.MigrationsAssembly(typeof(PostgresDatabase).Assembly.GetName().Name));
    }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the model for PostgreSQL.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<KithDbContext>
{
    public KithDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<KithDbContext>();
        options.UseKithPostgres("Host=127.0.0.1;Database=kith");
        return new KithDbContext(options.Options);
    }
}
