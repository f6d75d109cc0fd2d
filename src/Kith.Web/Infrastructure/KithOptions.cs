using System.ComponentModel.DataAnnotations;

namespace Kith.Web.Infrastructure;

/// <summary>Which database Kith uses. Bound from the <c>Database</c> section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary><c>Sqlite</c> (the embedded default) or <c>Postgres</c>.</summary>
    [RegularExpression("^(Sqlite|Postgres)$", ErrorMessage = "Database:Provider must be Sqlite or Postgres.")]
    public string Provider { get; set; } = "Sqlite";

    /// <summary>Connection string; for SQLite defaults to <c>data/kith.db</c>.</summary>
    public string? ConnectionString { get; set; }

    public bool IsPostgres => string.Equals(Provider, "Postgres", StringComparison.OrdinalIgnoreCase);
}

/// <summary>What happens on the first start of an empty database. Bound from the <c>Demo</c> section.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Seed the fictional demo area when the database holds no community assets.</summary>
    public bool SeedOnEmptyDatabase { get; set; } = true;

    /// <summary>
    /// When set, every demo account gets this password instead of a random one, so automated tests can sign in
    /// (the browser tests set it). At least 12 characters. Leave it unset anywhere people will see the demo.
    /// </summary>
    public string? Password { get; set; }
}

/// <summary>Map tiles: the only third-party requests Kith makes at runtime. Bound from the <c>Map</c> section.</summary>
public sealed class MapOptions
{
    public const string Section = "Map";

    /// <summary>A Leaflet tile URL template; empty turns the map off and leaves the list.</summary>
    public string TileUrl { get; set; } = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";

    public string Attribution { get; set; } = "&copy; OpenStreetMap contributors";

    /// <summary>The origin of <see cref="TileUrl"/> for the content security policy, or null when there is none.</summary>
    public string? TileOrigin =>
        Uri.TryCreate(TileUrl.Replace("{s}", "a", StringComparison.Ordinal).Replace("{z}", "0", StringComparison.Ordinal)
            .Replace("{x}", "0", StringComparison.Ordinal).Replace("{y}", "0", StringComparison.Ordinal), UriKind.Absolute, out var uri)
            ? uri.GetLeftPart(UriPartial.Authority)
            : null;
}
