namespace Kith.Core.Directory.Search;

/// <summary>A latitude and longitude box, in degrees.</summary>
internal readonly record struct Box(double MinLatitude, double MaxLatitude, double MinLongitude, double MaxLongitude)
{
    /// <summary>A box that holds every point within <paramref name="radiusKm"/> of <paramref name="centre"/> (and a little more at the corners).</summary>
    public static Box Around(GeoPoint centre, double radiusKm)
    {
        var latitudeDegrees = (radiusKm / 111.19) * 1.01;
        var cos = Math.Cos(Math.Min(89, Math.Abs(centre.Latitude) + latitudeDegrees) * Math.PI / 180);
        var longitudeDegrees = Math.Min(180, latitudeDegrees / Math.Max(cos, 0.01));
        return new Box(centre.Latitude - latitudeDegrees, centre.Latitude + latitudeDegrees, centre.Longitude - longitudeDegrees, centre.Longitude + longitudeDegrees);
    }

    public bool Contains(GeoPoint point) =>
        point.Latitude >= MinLatitude && point.Latitude <= MaxLatitude && point.Longitude >= MinLongitude && point.Longitude <= MaxLongitude;

    public bool Intersects(Box other) =>
        MinLatitude <= other.MaxLatitude && other.MinLatitude <= MaxLatitude
        && MinLongitude <= other.MaxLongitude && other.MinLongitude <= MaxLongitude;
}

/// <summary>
/// One document's facts packed for a tight first pass over every document: kind, weekdays, the
/// accessibility features found at any location, the box around its places; and its field lengths, which the
/// text score reads for every posting. A search rejects most documents from these alone and reads the full
/// document only for the rest.
/// </summary>
internal readonly record struct DocumentColumns(
    int KindBit,
    bool IsFree,
    bool HasPhysicalLocation,
    bool IsOnline,
    bool HasAreas,
    int DayMask,
    int AccessibilityMask,
    Box? Bounds,
    int NameLength,
    int TermsLength,
    int BodyLength)
{
    public static DocumentColumns From(AssetDocument document)
    {
        Box? bounds = null;
        foreach (var location in document.Locations)
        {
            if (location.Point is not { } p)
            {
                continue;
            }

            bounds = bounds is { } b
                ? new Box(Math.Min(b.MinLatitude, p.Latitude), Math.Max(b.MaxLatitude, p.Latitude), Math.Min(b.MinLongitude, p.Longitude), Math.Max(b.MaxLongitude, p.Longitude))
                : new Box(p.Latitude, p.Latitude, p.Longitude, p.Longitude);
        }

        return new DocumentColumns(
            1 << (int)document.Kind,
            document.IsFree,
            document.HasPhysicalLocation,
            document.IsOnline,
            document.Areas.Length > 0,
            document.Schedules.Aggregate(0, (mask, s) => mask | s.Rule.DayMask),
            document.Locations.Aggregate(0, (mask, l) => mask | l.AccessibilityMask),
            bounds,
            document.NameLength,
            document.TermsLength,
            document.BodyLength);
    }
}
