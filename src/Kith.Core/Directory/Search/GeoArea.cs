using System.Text.Json;

namespace Kith.Core.Directory.Search;

/// <summary>Distances on the Earth's surface.</summary>
public static class GeoMath
{
    /// <summary>Mean Earth radius in metres (IUGG).</summary>
    public const double EarthRadiusMetres = 6_371_008.8;

    /// <summary>Great-circle distance in metres by the haversine formula.</summary>
    public static double DistanceMetres(GeoPoint a, GeoPoint b)
    {
        var lat1 = ToRadians(a.Latitude);
        var lat2 = ToRadians(b.Latitude);
        var dLat = lat2 - lat1;
        var dLon = ToRadians(b.Longitude - a.Longitude);
        var h = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2)) + (Math.Cos(lat1) * Math.Cos(lat2) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * EarthRadiusMetres * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    private static double ToRadians(double degrees) => degrees * Math.PI / 180;
}

/// <summary>How far a service area reaches, from its size: a search ranks a local area that covers the searcher above a regional one, and that above a national one.</summary>
internal enum AreaScope
{
    /// <summary>Reaches no further than <see cref="GeoArea.LocalReachKm"/> from its middle: a neighbourhood, town or district.</summary>
    Local,

    /// <summary>Up to <see cref="GeoArea.RegionalReachKm"/>: a county or region.</summary>
    Regional,

    /// <summary>Larger: a nation or the whole UK.</summary>
    National,
}

/// <summary>
/// Where an asset serves people, ready to test a point against: a circle (centre and radius) or
/// GeoJSON polygons. Polygon tests treat longitude and latitude as a flat plane, which is exact
/// enough for neighbourhood-sized areas.
/// </summary>
internal sealed class GeoArea
{
    /// <summary>The furthest a local area reaches from its middle (a circle's radius, or half the longer side of a boundary's box), in kilometres.</summary>
    public const double LocalReachKm = 25;

    /// <summary>The furthest a regional area reaches, in kilometres; anything larger is national.</summary>
    public const double RegionalReachKm = 200;

    /// <summary>Shared by every circle (most areas): never added to.</summary>
    private static readonly List<List<(double X, double Y)[]>> NoPolygons = [];

    private readonly GeoPoint? centre;
    private readonly double radiusMetres;

    /// <summary>Each polygon: its outer ring then any holes; each ring as (longitude, latitude) pairs.</summary>
    private readonly List<List<(double X, double Y)[]>> polygons;

    private GeoArea(GeoPoint? centre, double radiusMetres, List<List<(double X, double Y)[]>> polygons)
    {
        this.centre = centre;
        this.radiusMetres = radiusMetres;
        this.polygons = polygons;
        Bounds = ComputeBounds();
        var bounds = Bounds;
        var heightKm = (bounds.MaxLatitude - bounds.MinLatitude) * 111.19;
        var widthKm = (bounds.MaxLongitude - bounds.MinLongitude) * 111.19 * Math.Cos((bounds.MinLatitude + bounds.MaxLatitude) / 2 * Math.PI / 180);
        var reachKm = Math.Max(centre is null ? 0 : radiusMetres / 1000, polygons.Count == 0 ? 0 : Math.Max(heightKm, widthKm) / 2);
        Scope = reachKm <= LocalReachKm ? AreaScope.Local : reachKm <= RegionalReachKm ? AreaScope.Regional : AreaScope.National;
    }

    /// <summary>A box holding the whole area (circle and polygons).</summary>
    public Box Bounds { get; }

    public AreaScope Scope { get; }

    /// <summary>The area of a service area row, or null when it has neither a usable circle nor a readable boundary.</summary>
    public static GeoArea? From(ServiceArea area)
    {
        var polygons = string.IsNullOrWhiteSpace(area.Extent) ? NoPolygons : ParseGeoJson(area.Extent);
        GeoPoint? centre = area is { CentreLatitude: { } lat, CentreLongitude: { } lon, RadiusMetres: > 0 } ? new GeoPoint(lat, lon) : null;
        if (polygons.Count == 0 && centre is null)
        {
            return null;
        }

        return new GeoArea(centre, area.RadiusMetres ?? 0, polygons);
    }

    public bool Contains(GeoPoint point)
    {
        if (!Bounds.Contains(point))
        {
            return false;
        }

        if (centre is { } c && GeoMath.DistanceMetres(c, point) <= radiusMetres)
        {
            return true;
        }

        foreach (var polygon in polygons)
        {
            if (InRing(polygon[0], point) && !polygon.Skip(1).Any(hole => InRing(hole, point)))
            {
                return true;
            }
        }

        return false;
    }

    private Box ComputeBounds()
    {
        double minLat = double.MaxValue, maxLat = double.MinValue, minLon = double.MaxValue, maxLon = double.MinValue;
        if (centre is { } c)
        {
            var box = Box.Around(c, radiusMetres / 1000);
            (minLat, maxLat, minLon, maxLon) = (box.MinLatitude, box.MaxLatitude, box.MinLongitude, box.MaxLongitude);
        }

        foreach (var polygon in polygons)
        {
            foreach (var (x, y) in polygon[0])
            {
                minLat = Math.Min(minLat, y);
                maxLat = Math.Max(maxLat, y);
                minLon = Math.Min(minLon, x);
                maxLon = Math.Max(maxLon, x);
            }
        }

        return new Box(minLat, maxLat, minLon, maxLon);
    }

    /// <summary>Reads Polygon and MultiPolygon rings from a GeoJSON geometry, Feature, FeatureCollection or GeometryCollection. Unreadable text gives no polygons.</summary>
    internal static List<List<(double X, double Y)[]>> ParseGeoJson(string json)
    {
        var result = new List<List<(double X, double Y)[]>>();
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 16 });
            Collect(document.RootElement, result);
        }
        catch (JsonException)
        {
            return [];
        }

        return result;
    }

    private static void Collect(JsonElement element, List<List<(double X, double Y)[]>> result)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String)
        {
            return;
        }

        switch (typeElement.GetString())
        {
            case "Polygon" when element.TryGetProperty("coordinates", out var rings):
                AddPolygon(rings, result);
                break;
            case "MultiPolygon" when element.TryGetProperty("coordinates", out var polygons) && polygons.ValueKind == JsonValueKind.Array:
                foreach (var polygon in polygons.EnumerateArray())
                {
                    AddPolygon(polygon, result);
                }

                break;
            case "Feature" when element.TryGetProperty("geometry", out var geometry):
                Collect(geometry, result);
                break;
            case "FeatureCollection" when element.TryGetProperty("features", out var features) && features.ValueKind == JsonValueKind.Array:
                foreach (var feature in features.EnumerateArray())
                {
                    Collect(feature, result);
                }

                break;
            case "GeometryCollection" when element.TryGetProperty("geometries", out var geometries) && geometries.ValueKind == JsonValueKind.Array:
                foreach (var geometry in geometries.EnumerateArray())
                {
                    Collect(geometry, result);
                }

                break;
        }
    }

    private static void AddPolygon(JsonElement rings, List<List<(double X, double Y)[]>> result)
    {
        if (rings.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        var polygon = new List<(double X, double Y)[]>();
        foreach (var ring in rings.EnumerateArray())
        {
            if (ring.ValueKind != JsonValueKind.Array)
            {
                return;
            }

            var points = new List<(double X, double Y)>();
            foreach (var position in ring.EnumerateArray())
            {
                if (position.ValueKind == JsonValueKind.Array && position.GetArrayLength() >= 2
                    && position[0].TryGetDouble(out var x) && position[1].TryGetDouble(out var y))
                {
                    points.Add((x, y));
                }
            }

            if (points.Count < 3)
            {
                return;
            }

            polygon.Add([.. points]);
        }

        if (polygon.Count > 0)
        {
            result.Add(polygon);
        }
    }

    /// <summary>Even-odd ray casting: a ray from the point towards +x crosses the ring's edges an odd number of times when inside.</summary>
    private static bool InRing((double X, double Y)[] ring, GeoPoint point)
    {
        double x = point.Longitude, y = point.Latitude;
        var inside = false;
        for (int i = 0, j = ring.Length - 1; i < ring.Length; j = i++)
        {
            var (xi, yi) = ring[i];
            var (xj, yj) = ring[j];
            if ((yi > y) != (yj > y) && x < ((xj - xi) * (y - yi) / (yj - yi)) + xi)
            {
                inside = !inside;
            }
        }

        return inside;
    }
}
