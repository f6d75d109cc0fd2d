using Kith.Core.Directory;

namespace Kith.Web.Tests.People.Connections;

/// <summary>Community assets for connection tests, placed north of central Leeds (postcode LS1 1AA), meeting on Tuesday mornings.</summary>
internal static class ConnectionTestAssets
{
    /// <summary>Central Leeds; 0.01° of latitude is about 1.11 km.</summary>
    public const double Latitude = 53.8;

    public const double Longitude = -1.55;

    /// <summary>An asset at one venue <paramref name="northKm"/> north of LS1 1AA, with those access features, meeting Tuesdays 10:00 to 12:00.</summary>
    public static CommunityAsset Asset(string name, double northKm, params AccessibilityFeature[] features)
    {
        var now = DateTime.UtcNow;
        var asset = new CommunityAsset
        {
            Name = name,
            Organization = new Organization { Name = $"{name} group" },
            LastVerifiedOn = DateOnly.FromDateTime(now),
            CreatedAt = now,
            LastModified = now,
        };
        var location = new Location { Name = $"{name} venue", Latitude = Latitude + (northKm / 111.2), Longitude = Longitude, LastModified = now };
        foreach (var feature in features)
        {
            location.Accessibility.Add(new Accessibility { Feature = feature });
        }

        asset.ServiceAtLocations.Add(new ServiceAtLocation { ServiceId = asset.Id, Location = location, LocationId = location.Id });
        asset.Schedules.Add(new Schedule { ServiceId = asset.Id, Freq = "WEEKLY", ByDay = "TU", OpensAt = new TimeOnly(10, 0), ClosesAt = new TimeOnly(12, 0) });
        return asset;
    }
}
