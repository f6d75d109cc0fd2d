using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;

namespace Kith.PostgresBaseline;

/// <summary>
/// The benchmark's query shapes as plain PostgreSQL: full-text search over a stored, weighted tsvector with a GIN
/// index, a lat/lon bounding box on btree indexes, and a haversine distance filter in SQL. One connection, one
/// prepared statement per shape.
/// </summary>
public sealed class PostgresSearch : IAsyncDisposable
{
    /// <summary>Metres per degree of latitude (and of longitude at the equator), for the bounding box.</summary>
    private const double MetresPerDegree = 111_195;

    /// <summary>The bounding box for "postcode only", which has no radius: the nearest 20 within this many km.</summary>
    public const double PostcodeOnlyBoxKm = 10;

    private const string NotArchived = "a.\"ArchivedAt\" IS NULL";

    /// <summary>Great-circle distance in metres from (@lat, @lon) to the location row l (haversine, mean Earth radius).</summary>
    private const string Haversine =
        "12742000 * asin(sqrt(power(sin(radians(l.\"Latitude\" - @lat) / 2), 2) + " +
        "cos(radians(@lat)) * cos(radians(l.\"Latitude\")) * power(sin(radians(l.\"Longitude\" - @lon) / 2), 2)))";

    private const string InBox = "l.\"Latitude\" BETWEEN @min_lat AND @max_lat AND l.\"Longitude\" BETWEEN @min_lon AND @max_lon";

    private const string Located =
        "\"CommunityAssets\" a JOIN \"ServiceAtLocations\" sal ON sal.\"ServiceId\" = a.\"Id\" JOIN \"Locations\" l ON l.\"Id\" = sal.\"LocationId\"";

    private static readonly Dictionary<Shape, string> Sql = new()
    {
        [Shape.Text] =
            "SELECT a.\"Id\" FROM \"CommunityAssets\" a, websearch_to_tsquery('english', @q) q " +
            $"WHERE a.\"BaselineSearch\" @@ q AND {NotArchived} ORDER BY ts_rank(a.\"BaselineSearch\", q) DESC LIMIT 20",
        [Shape.TextNear] =
            $"SELECT a.\"Id\", min({Haversine}) AS metres, ts_rank(a.\"BaselineSearch\", q) AS rank " +
            $"FROM websearch_to_tsquery('english', @q) q, {Located} " +
            $"WHERE a.\"BaselineSearch\" @@ q AND {NotArchived} AND {InBox} AND {Haversine} <= @radius_m " +
            "GROUP BY a.\"Id\", rank ORDER BY rank DESC, metres LIMIT 20",
        [Shape.CategoryNearOpen] =
            $"SELECT a.\"Id\", min({Haversine}) AS metres FROM {Located} " +
            $"WHERE {NotArchived} AND {InBox} AND {Haversine} <= @radius_m " +
            "AND EXISTS (SELECT 1 FROM \"AssetTaxonomyTerms\" att JOIN \"TaxonomyTerms\" t ON t.\"Id\" = att.\"TaxonomyTermId\" " +
            "WHERE att.\"ServiceId\" = a.\"Id\" AND (t.\"Id\" = @term OR t.\"ParentId\" = @term)) " +
            "AND EXISTS (SELECT 1 FROM \"Schedules\" s WHERE (s.\"ServiceId\" = a.\"Id\" OR s.\"ServiceAtLocationId\" = sal.\"Id\") " +
            "AND (s.\"ValidTo\" IS NULL OR s.\"ValidTo\" >= @today) AND s.\"ByDay\" LIKE @by_day " +
            "AND s.\"OpensAt\" <= @time AND s.\"ClosesAt\" > @time) " +
            "GROUP BY a.\"Id\" ORDER BY metres LIMIT 20",
        [Shape.PostcodeOnly] =
            $"SELECT a.\"Id\", min({Haversine}) AS metres FROM {Located} " +
            $"WHERE {NotArchived} AND {InBox} GROUP BY a.\"Id\" ORDER BY metres LIMIT 20",
    };

    private readonly NpgsqlConnection connection;
    private readonly Dictionary<Shape, NpgsqlCommand> commands = [];
    private readonly Dictionary<string, Guid> terms;
    private readonly DateOnly today;

    private PostgresSearch(NpgsqlConnection connection, Dictionary<string, Guid> terms, DateOnly today)
    {
        this.connection = connection;
        this.terms = terms;
        this.today = today;
    }

    /// <summary>
    /// Adds what the baseline needs, if missing: a stored tsvector column (name and alternate name weight A,
    /// description B, how to get involved C) with a GIN index, and btree indexes on location latitude and longitude.
    /// Then ANALYZE. Returns how long each step took.
    /// </summary>
    public static async Task<IReadOnlyList<(string Step, TimeSpan Took)>> SetUpAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var steps = new (string Step, string Sql)[]
        {
            ("tsvector column", "ALTER TABLE \"CommunityAssets\" ADD COLUMN IF NOT EXISTS \"BaselineSearch\" tsvector GENERATED ALWAYS AS (" +
                "setweight(to_tsvector('english', coalesce(\"Name\", '') || ' ' || coalesce(\"AlternateName\", '')), 'A') || " +
                "setweight(to_tsvector('english', coalesce(\"Description\", '')), 'B') || " +
                "setweight(to_tsvector('english', coalesce(\"HowToGetInvolved\", '')), 'C')) STORED"),
            ("GIN index", "CREATE INDEX IF NOT EXISTS \"IX_Baseline_CommunityAssets_Search\" ON \"CommunityAssets\" USING gin (\"BaselineSearch\")"),
            ("latitude index", "CREATE INDEX IF NOT EXISTS \"IX_Baseline_Locations_Latitude\" ON \"Locations\" (\"Latitude\", \"Longitude\")"),
            ("longitude index", "CREATE INDEX IF NOT EXISTS \"IX_Baseline_Locations_Longitude\" ON \"Locations\" (\"Longitude\")"),
            ("analyse", "ANALYZE"),
        };
        var took = new List<(string, TimeSpan)>();
        foreach (var (step, sql) in steps)
        {
            var watch = Stopwatch.StartNew();
            await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 3600 };
            await command.ExecuteNonQueryAsync();
            took.Add((step, watch.Elapsed));
        }

        return took;
    }

    /// <summary>Opens a connection and prepares one statement per shape. Needs <see cref="SetUpAsync"/> to have run.</summary>
    public static async Task<PostgresSearch> OpenAsync(string connectionString, DateOnly today)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var terms = new Dictionary<string, Guid>(StringComparer.Ordinal);
        await using (var read = new NpgsqlCommand("SELECT \"Code\", \"Id\" FROM \"TaxonomyTerms\" WHERE \"Code\" IS NOT NULL", connection))
        await using (var reader = await read.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                terms.TryAdd(reader.GetString(0), reader.GetGuid(1));
            }
        }

        var search = new PostgresSearch(connection, terms, today);
        foreach (var (shape, sql) in Sql)
        {
            var command = new NpgsqlCommand(sql, connection);
            foreach (var name in new[] { "lat", "lon", "min_lat", "max_lat", "min_lon", "max_lon", "radius_m" })
            {
                if (sql.Contains('@' + name, StringComparison.Ordinal))
                {
                    command.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Double));
                }
            }

            if (sql.Contains("@q", StringComparison.Ordinal))
            {
                command.Parameters.Add(new NpgsqlParameter("q", NpgsqlDbType.Text));
            }

            if (shape == Shape.CategoryNearOpen)
            {
                command.Parameters.Add(new NpgsqlParameter("term", NpgsqlDbType.Uuid));
                command.Parameters.Add(new NpgsqlParameter("today", NpgsqlDbType.Date));
                command.Parameters.Add(new NpgsqlParameter("by_day", NpgsqlDbType.Text));
                command.Parameters.Add(new NpgsqlParameter("time", NpgsqlDbType.Time));
            }

            await command.PrepareAsync();
            search.commands[shape] = command;
        }

        return search;
    }

    /// <summary>The id of a taxonomy term by code, e.g. "walking-groups".</summary>
    public Guid TermId(string code) =>
        terms.TryGetValue(code, out var id) ? id : throw new InvalidOperationException($"The database has no taxonomy term \"{code}\". Seed it with bench/Kith.DirectoryBench.");

    /// <summary>Runs one query and returns how many rows came back (at most 20).</summary>
    public async Task<int> RunAsync(WorkloadQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var command = commands[query.Shape == Shape.Typo ? Shape.Text : query.Shape];
        if (query.Text is not null)
        {
            command.Parameters["q"].Value = query.Text;
        }

        if (query.Latitude is { } lat && query.Longitude is { } lon)
        {
            var boxKm = query.RadiusKm ?? PostcodeOnlyBoxKm;
            var dLat = boxKm * 1000 / MetresPerDegree;
            var dLon = dLat / Math.Cos(lat * Math.PI / 180);
            command.Parameters["lat"].Value = lat;
            command.Parameters["lon"].Value = lon;
            command.Parameters["min_lat"].Value = lat - dLat;
            command.Parameters["max_lat"].Value = lat + dLat;
            command.Parameters["min_lon"].Value = lon - dLon;
            command.Parameters["max_lon"].Value = lon + dLon;
            if (command.Parameters.Contains("radius_m"))
            {
                command.Parameters["radius_m"].Value = boxKm * 1000;
            }
        }

        if (query.Shape == Shape.CategoryNearOpen)
        {
            command.Parameters["term"].Value = TermId(query.WhatCode!);
            command.Parameters["today"].Value = today;
            command.Parameters["by_day"].Value = "%" + ByDayCode(query.Day!.Value) + "%";
            command.Parameters["time"].Value = query.Time!.Value.ToTimeSpan();
        }

        var rows = 0;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows++;
        }

        return rows;
    }

    /// <summary>How many assets match a text query in all, without the LIMIT (not timed: for comparing recall with Kith).</summary>
    public async Task<int> CountTextMatchesAsync(string text)
    {
        await using var command = new NpgsqlCommand(
            $"SELECT count(*) FROM \"CommunityAssets\" a WHERE a.\"BaselineSearch\" @@ websearch_to_tsquery('english', @q) AND {NotArchived}", connection);
        command.Parameters.AddWithValue("q", text);
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The iCalendar BYDAY code of a weekday: MO, TU, ... SU (a rule like "1FR", the first Friday, contains it).</summary>
    public static string ByDayCode(DayOfWeek day) => "SUMOTUWETHFRSA".Substring(2 * (int)day, 2);

    public async ValueTask DisposeAsync()
    {
        foreach (var command in commands.Values)
        {
            await command.DisposeAsync();
        }

        await connection.DisposeAsync();
    }
}
