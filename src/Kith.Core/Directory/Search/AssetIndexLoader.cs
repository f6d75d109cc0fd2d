using System.Data;
using System.Data.Common;
using Kith.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Kith.Core.Directory.Search;

/// <summary>
/// Reads every searchable asset for a full rebuild without EF's change tracker or entity graphs: plain ADO.NET
/// readers, one query per table per batch of <see cref="BatchSize"/> assets (keyset by asset id), each child query
/// bounded by the batch's first and last id so it uses the foreign-key index. The rows fill plain entity objects
/// that <see cref="AssetDocument.From"/> flattens exactly as for the EF path, while the next batch is read.
/// Table and column names come from the EF model, so it works unchanged on SQLite and PostgreSQL.
/// </summary>
internal static class AssetIndexLoader
{
    public const int BatchSize = 10_000;

    /// <summary>How much of a SQLite file the loader maps into memory while it reads (address space, not memory used).</summary>
    private const long SqliteMapBytes = 16L << 30;

    public static async Task<AssetDocument[]> LoadAsync(KithDbContext db, DocumentBuilder builder, int batchSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var sql = new Statements(db);
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(cancellationToken);
        }

        var sqlite = db.Database.ProviderName?.Contains("Sqlite", StringComparison.OrdinalIgnoreCase) == true;
        if (sqlite)
        {
            // Read through a memory map: the child queries jump about the file, and SQLite's small page cache would
            // otherwise copy every page in through a system call.
            await ExecuteAsync(connection, $"PRAGMA mmap_size = {SqliteMapBytes}", cancellationToken);
        }

        try
        {
            var parts = new List<AssetDocument[]>();
            Task<AssetDocument[]>? building = null;
            object? after = null;
            while (true)
            {
                var (assets, _, last) = await ReadBatchAsync(connection, sql, after, batchSize, cancellationToken);
                if (building is not null)
                {
                    parts.Add(await building);
                    building = null;
                }

                if (assets.Count == 0)
                {
                    break;
                }

                building = Task.Run(() => assets.AsParallel().AsOrdered().Select(a => AssetDocument.From(a, builder)).ToArray(), cancellationToken);
                if (assets.Count < batchSize)
                {
                    parts.Add(await building);
                    break;
                }

                after = last;
            }

            return [.. parts.SelectMany(p => p)];
        }
        finally
        {
            if (sqlite)
            {
                await ExecuteAsync(connection, "PRAGMA mmap_size = 0", CancellationToken.None);
            }

            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }

    private static async Task<(List<CommunityAsset> Assets, object? First, object? Last)> ReadBatchAsync(DbConnection connection, Statements sql, object? after, int batchSize, CancellationToken cancellationToken)
    {
        var assets = new List<CommunityAsset>(batchSize);
        var byId = new Dictionary<Guid, CommunityAsset>(batchSize);
        var organizations = new Dictionary<Guid, Organization>();
        object? first = null, last = null;
        await using (var command = Command(connection, after is null ? sql.FirstAssets : sql.NextAssets, ("status", AssetStatus.Active.ToString()), ("after", after), ("limit", batchSize)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var organizationId = reader.GetGuid(1);
                if (!organizations.TryGetValue(organizationId, out var organization) && !reader.IsDBNull(15))
                {
                    organizations[organizationId] = organization = new Organization
                    {
                        Id = organizationId,
                        Name = reader.GetString(15),
                        ClaimedAt = reader.IsDBNull(16) ? null : Utc(reader.GetDateTime(16)),
                    };
                }

                var asset = new CommunityAsset
                {
                    Id = reader.GetGuid(0),
                    OrganizationId = organizationId,
                    Organization = organization,
                    Name = reader.GetString(2),
                    AlternateName = Text(reader, 3),
                    Description = Text(reader, 4),
                    Kind = Enum.Parse<AssetKind>(reader.GetString(5)),
                    FeesDescription = Text(reader, 6),
                    EligibilityDescription = Text(reader, 7),
                    MinimumAge = reader.IsDBNull(8) ? null : reader.GetInt32(8),
                    MaximumAge = reader.IsDBNull(9) ? null : reader.GetInt32(9),
                    HowToGetInvolved = Text(reader, 10),
                    LastVerifiedOn = reader.IsDBNull(11) ? null : reader.GetFieldValue<DateOnly>(11),
                    LastModified = Utc(reader.GetDateTime(12)),
                    ReviewOverdueSince = reader.IsDBNull(13) ? null : Utc(reader.GetDateTime(13)),
                    CreatedAt = Utc(reader.GetDateTime(14)),
                };
                first ??= reader.GetValue(0);
                last = reader.GetValue(0);
                assets.Add(asset);
                byId[asset.Id] = asset;
            }
        }

        if (assets.Count == 0)
        {
            return (assets, null, null);
        }

        var locations = new Dictionary<(Guid Asset, Guid Location), Location>();
        await ReadAsync(connection, sql.Locations, first, last, reader =>
        {
            if (!byId.TryGetValue(reader.GetGuid(0), out var asset))
            {
                return;
            }

            var location = new Location
            {
                Id = reader.GetGuid(2),
                LocationType = Enum.Parse<LocationType>(reader.GetString(3)),
                Name = Text(reader, 4),
                Latitude = reader.IsDBNull(5) ? null : reader.GetDouble(5),
                Longitude = reader.IsDBNull(6) ? null : reader.GetDouble(6),
            };
            locations[(asset.Id, location.Id)] = location;
            asset.ServiceAtLocations.Add(new ServiceAtLocation { Id = reader.GetGuid(1), ServiceId = asset.Id, LocationId = location.Id, Location = location });
        }, cancellationToken);

        await ReadAsync(connection, sql.Addresses, first, last, reader =>
        {
            if (locations.TryGetValue((reader.GetGuid(0), reader.GetGuid(1)), out var location))
            {
                location.Addresses.Add(new Address { LocationId = location.Id, Address1 = reader.GetString(2), City = reader.GetString(3), PostalCode = reader.GetString(4), StateProvince = string.Empty });
            }
        }, cancellationToken);

        await ReadAsync(connection, sql.Accessibility, first, last, reader =>
        {
            if (locations.TryGetValue((reader.GetGuid(0), reader.GetGuid(1)), out var location))
            {
                location.Accessibility.Add(new Accessibility { LocationId = location.Id, Feature = Enum.Parse<AccessibilityFeature>(reader.GetString(2)) });
            }
        }, cancellationToken);

        foreach (var schedules in sql.Schedules)
        {
            await ReadAsync(connection, schedules, first, last, reader =>
            {
                if (byId.TryGetValue(reader.GetGuid(0), out var asset))
                {
                    asset.Schedules.Add(new Schedule
                    {
                        Id = reader.GetGuid(1),
                        Freq = Text(reader, 2),
                        Interval = reader.IsDBNull(3) ? null : reader.GetInt32(3),
                        ByDay = Text(reader, 4),
                        ByMonthDay = Text(reader, 5),
                        DtStart = reader.IsDBNull(6) ? null : reader.GetFieldValue<DateOnly>(6),
                        OpensAt = reader.IsDBNull(7) ? null : reader.GetFieldValue<TimeOnly>(7),
                        ClosesAt = reader.IsDBNull(8) ? null : reader.GetFieldValue<TimeOnly>(8),
                        ValidTo = reader.IsDBNull(9) ? null : reader.GetFieldValue<DateOnly>(9),
                        AttendingType = Text(reader, 10),
                    });
                }
            }, cancellationToken);
        }

        await ReadAsync(connection, sql.ServiceAreas, first, last, reader =>
        {
            if (byId.TryGetValue(reader.GetGuid(0), out var asset))
            {
                asset.ServiceAreas.Add(new ServiceArea
                {
                    ServiceId = asset.Id,
                    Extent = Text(reader, 1),
                    CentreLatitude = reader.IsDBNull(2) ? null : reader.GetDouble(2),
                    CentreLongitude = reader.IsDBNull(3) ? null : reader.GetDouble(3),
                    RadiusMetres = reader.IsDBNull(4) ? null : reader.GetDouble(4),
                });
            }
        }, cancellationToken);

        await ReadAsync(connection, sql.CostOptions, first, last, reader =>
        {
            if (byId.TryGetValue(reader.GetGuid(0), out var asset))
            {
                asset.CostOptions.Add(new CostOption { ServiceId = asset.Id, Amount = reader.IsDBNull(1) ? null : reader.GetDecimal(1) });
            }
        }, cancellationToken);

        await ReadAsync(connection, sql.Languages, first, last, reader =>
        {
            if (byId.TryGetValue(reader.GetGuid(0), out var asset))
            {
                asset.Languages.Add(new Language { ServiceId = asset.Id, Name = reader.GetString(1) });
            }
        }, cancellationToken);

        await ReadAsync(connection, sql.Terms, first, last, reader =>
        {
            if (byId.TryGetValue(reader.GetGuid(0), out var asset))
            {
                asset.TaxonomyTerms.Add(new AssetTaxonomyTerm { ServiceId = asset.Id, TaxonomyTermId = reader.GetGuid(1) });
            }
        }, cancellationToken);

        return (assets, first, last);
    }

    private static async Task ReadAsync(DbConnection connection, string text, object? first, object? last, Action<DbDataReader> row, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, text, ("first", first), ("last", last));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            row(reader);
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, string text, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, text);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static DbCommand Command(DbConnection connection, string text, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
#pragma warning disable CA2100 // The text is built from the EF model's table and column names, never from input.
        command.CommandText = text;
#pragma warning restore CA2100
        foreach (var (name, value) in parameters)
        {
            if (value is null || !text.Contains("@" + name, StringComparison.Ordinal))
            {
                continue;
            }

            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static DateTime Utc(DateTime value) => value.Kind == DateTimeKind.Utc ? value : DateTime.SpecifyKind(value, DateTimeKind.Utc);

    /// <summary>The loader's SQL, with table and column names read from the EF model and quoted.</summary>
    private sealed class Statements
    {
        public Statements(KithDbContext db)
        {
            var model = db.Model;
            string T<TEntity>() => Quote(model.FindEntityType(typeof(TEntity))!.GetTableName()!);
            string C<TEntity>(string alias, string property) => $"{alias}.{Quote(model.FindEntityType(typeof(TEntity))!.FindProperty(property)!.GetColumnName())}";
            string Cs<TEntity>(string alias, params string[] properties) => string.Join(", ", properties.Select(p => C<TEntity>(alias, p)));

            var assetColumns = Cs<CommunityAsset>(
                "a",
                nameof(CommunityAsset.Id), nameof(CommunityAsset.OrganizationId), nameof(CommunityAsset.Name), nameof(CommunityAsset.AlternateName),
                nameof(CommunityAsset.Description), nameof(CommunityAsset.Kind), nameof(CommunityAsset.FeesDescription), nameof(CommunityAsset.EligibilityDescription),
                nameof(CommunityAsset.MinimumAge), nameof(CommunityAsset.MaximumAge), nameof(CommunityAsset.HowToGetInvolved), nameof(CommunityAsset.LastVerifiedOn),
                nameof(CommunityAsset.LastModified), nameof(CommunityAsset.ReviewOverdueSince), nameof(CommunityAsset.CreatedAt));
            var assets = $"SELECT {assetColumns}, {Cs<Organization>("o", nameof(Organization.Name), nameof(Organization.ClaimedAt))} "
                + $"FROM {T<CommunityAsset>()} a LEFT JOIN {T<Organization>()} o ON {C<Organization>("o", nameof(Organization.Id))} = {C<CommunityAsset>("a", nameof(CommunityAsset.OrganizationId))} "
                + $"WHERE {C<CommunityAsset>("a", nameof(CommunityAsset.Status))} = @status AND {C<CommunityAsset>("a", nameof(CommunityAsset.ArchivedAt))} IS NULL";
            var order = $" ORDER BY {C<CommunityAsset>("a", nameof(CommunityAsset.Id))} LIMIT @limit";
            FirstAssets = assets + order;
            NextAssets = $"{assets} AND {C<CommunityAsset>("a", nameof(CommunityAsset.Id))} > @after{order}";

            var link = C<ServiceAtLocation>("s", nameof(ServiceAtLocation.ServiceId));
            var inBatch = $"{link} BETWEEN @first AND @last";
            var links = $"{T<ServiceAtLocation>()} s";
            Locations = $"SELECT {link}, {C<ServiceAtLocation>("s", nameof(ServiceAtLocation.Id))}, "
                + $"{Cs<Location>("l", nameof(Location.Id), nameof(Location.LocationType), nameof(Location.Name), nameof(Location.Latitude), nameof(Location.Longitude))} "
                + $"FROM {links} JOIN {T<Location>()} l ON {C<Location>("l", nameof(Location.Id))} = {C<ServiceAtLocation>("s", nameof(ServiceAtLocation.LocationId))} "
                + $"WHERE {inBatch} ORDER BY {link}, {C<ServiceAtLocation>("s", nameof(ServiceAtLocation.Id))}";
            Addresses = $"SELECT {link}, {Cs<Address>("d", nameof(Address.LocationId), nameof(Address.Address1), nameof(Address.City), nameof(Address.PostalCode))} "
                + $"FROM {links} JOIN {T<Address>()} d ON {C<Address>("d", nameof(Address.LocationId))} = {C<ServiceAtLocation>("s", nameof(ServiceAtLocation.LocationId))} "
                + $"WHERE {inBatch} ORDER BY {C<Address>("d", nameof(Address.Id))}";
            Accessibility = $"SELECT {link}, {Cs<Accessibility>("x", nameof(Directory.Accessibility.LocationId), nameof(Directory.Accessibility.Feature))} "
                + $"FROM {links} JOIN {T<Accessibility>()} x ON {C<Accessibility>("x", nameof(Directory.Accessibility.LocationId))} = {C<ServiceAtLocation>("s", nameof(ServiceAtLocation.LocationId))} "
                + $"WHERE {inBatch}";

            var scheduleColumns = Cs<Schedule>(
                "sc",
                nameof(Schedule.Id), nameof(Schedule.Freq), nameof(Schedule.Interval), nameof(Schedule.ByDay), nameof(Schedule.ByMonthDay), nameof(Schedule.DtStart),
                nameof(Schedule.OpensAt), nameof(Schedule.ClosesAt), nameof(Schedule.ValidTo), nameof(Schedule.AttendingType));
            var scheduleOwner = C<Schedule>("sc", nameof(Schedule.ServiceId));
            Schedules =
            [
                $"SELECT {scheduleOwner}, {scheduleColumns} FROM {T<Schedule>()} sc WHERE {scheduleOwner} BETWEEN @first AND @last",
                $"SELECT {link}, {scheduleColumns} FROM {links} JOIN {T<Schedule>()} sc ON {C<Schedule>("sc", nameof(Schedule.ServiceAtLocationId))} = {C<ServiceAtLocation>("s", nameof(ServiceAtLocation.Id))} WHERE {inBatch}",
                $"SELECT {link}, {scheduleColumns} FROM {links} JOIN {T<Schedule>()} sc ON {C<Schedule>("sc", nameof(Schedule.LocationId))} = {C<ServiceAtLocation>("s", nameof(ServiceAtLocation.LocationId))} WHERE {inBatch}",
            ];

            ServiceAreas = ByService<ServiceArea>("r", nameof(ServiceArea.ServiceId), nameof(ServiceArea.Extent), nameof(ServiceArea.CentreLatitude), nameof(ServiceArea.CentreLongitude), nameof(ServiceArea.RadiusMetres));
            CostOptions = ByService<CostOption>("c", nameof(CostOption.ServiceId), nameof(CostOption.Amount));
            Languages = ByService<Language>("g", nameof(Language.ServiceId), nameof(Language.Name));
            Terms = ByService<AssetTaxonomyTerm>("t", nameof(AssetTaxonomyTerm.ServiceId), nameof(AssetTaxonomyTerm.TaxonomyTermId));

            string ByService<TEntity>(string alias, string owner, params string[] properties) =>
                $"SELECT {C<TEntity>(alias, owner)}, {Cs<TEntity>(alias, properties)} FROM {T<TEntity>()} {alias} WHERE {C<TEntity>(alias, owner)} BETWEEN @first AND @last";
        }

        public string FirstAssets { get; }

        public string NextAssets { get; }

        public string Locations { get; }

        public string Addresses { get; }

        public string Accessibility { get; }

        public string[] Schedules { get; }

        public string ServiceAreas { get; }

        public string CostOptions { get; }

        public string Languages { get; }

        public string Terms { get; }

        private static string Quote(string name) => $"\"{name}\"";
    }
}
