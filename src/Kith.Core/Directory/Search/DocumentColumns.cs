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
/// accessibility features found at any location, a 64-bit signature of its terms, the box around its places (in
/// floats rounded outwards); what the ranking multiplies by (last verified, review overdue, claimed); and its field
/// lengths, which the text score reads for every posting. A search rejects most documents from these alone, and
/// bounds the score of the rest, reading the full document only for those that can reach the page.
/// </summary>
internal readonly record struct DocumentColumns(
    int KindBit,
    bool IsFree,
    bool HasPhysicalLocation,
    bool IsOnline,
    bool HasAreas,
    bool HasBounds,
    bool IsClaimed,
    bool IsOverdue,
    int DayMask,
    int AccessibilityMask,
    int VerifiedDay,
    ulong TermSignature,
    ulong NameKey,
    float MinLatitude,
    float MaxLatitude,
    float MinLongitude,
    float MaxLongitude,
    int NameLength,
    int TermsLength,
    int BodyLength)
{
    /// <summary><see cref="VerifiedDay"/> of a listing never verified.</summary>
    public const int NeverVerified = int.MinValue;

    /// <summary><see cref="NameKey"/> of a name whose first nine characters are not all ASCII: it orders nothing.</summary>
    public const ulong NoNameKey = ulong.MaxValue;

    /// <summary>
    /// The first nine characters of a name, upper-cased, seven bits each, packed so that when two names' keys differ
    /// they order the names as <see cref="StringComparison.OrdinalIgnoreCase"/> does; equal keys say nothing. ASCII
    /// only, where upper case is unambiguous; any other name gets <see cref="NoNameKey"/>, which no packed key can be
    /// (the top bit is never set).
    /// </summary>
    public static ulong KeyOf(string name)
    {
        var key = 0UL;
        for (var i = 0; i < 9; i++)
        {
            var c = i < name.Length ? name[i] : '\0';
            if (c > 0x7F)
            {
                return NoNameKey;
            }

            key = (key << 7) | char.ToUpperInvariant(c);
        }

        return key;
    }

    /// <summary>
    /// The bit a term sets in <see cref="TermSignature"/>. Several terms can share a bit, so a missing bit proves a
    /// document lacks the term and a present one proves nothing: the exact check still reads the document.
    /// </summary>
    public static ulong TermBit(Guid term) => 1UL << (int)((uint)term.GetHashCode() % 64);

    public static DocumentColumns From(AssetDocument document)
    {
        var (minLatitude, maxLatitude, minLongitude, maxLongitude, located) = (double.MaxValue, double.MinValue, double.MaxValue, double.MinValue, false);
        foreach (var location in document.Locations)
        {
            if (location.Point is not { } p)
            {
                continue;
            }

            located = true;
            (minLatitude, maxLatitude) = (Math.Min(minLatitude, p.Latitude), Math.Max(maxLatitude, p.Latitude));
            (minLongitude, maxLongitude) = (Math.Min(minLongitude, p.Longitude), Math.Max(maxLongitude, p.Longitude));
        }

        var signature = 0UL;
        foreach (var term in document.TermClosure)
        {
            signature |= TermBit(term);
        }

        return new DocumentColumns(
            1 << (int)document.Kind,
            document.IsFree,
            document.HasPhysicalLocation,
            document.IsOnline,
            document.Areas.Length > 0,
            located,
            document.IsClaimed,
            document.ReviewOverdueSince is not null,
            document.Schedules.Aggregate(0, (mask, s) => mask | s.Rule.DayMask),
            document.Locations.Aggregate(0, (mask, l) => mask | l.AccessibilityMask),
            document.LastVerifiedOn?.DayNumber ?? NeverVerified,
            signature,
            KeyOf(document.Name),
            located ? Down(minLatitude) : 0,
            located ? Up(maxLatitude) : 0,
            located ? Down(minLongitude) : 0,
            located ? Up(maxLongitude) : 0,
            document.NameLength,
            document.TermsLength,
            document.BodyLength);

        // Rounded outwards, so the float box always holds the places.
        static float Down(double value) => (float)value > value ? MathF.BitDecrement((float)value) : (float)value;
        static float Up(double value) => (float)value < value ? MathF.BitIncrement((float)value) : (float)value;
    }

    /// <summary>Whether the box around the places meets <paramref name="box"/>; false with no located place.</summary>
    public bool BoundsIntersect(Box box) =>
        HasBounds && MinLatitude <= box.MaxLatitude && box.MinLatitude <= MaxLatitude && MinLongitude <= box.MaxLongitude && box.MinLongitude <= MaxLongitude;

    /// <summary>
    /// A lower bound, in metres, on the distance from <paramref name="point"/> to any place in the box; null with no
    /// located place. From the haversine formula, with each difference at its least over the box and both cosines at
    /// the widest latitude involved (which can only shorten the distance).
    /// </summary>
    public double? LeastDistanceMetres(GeoPoint point)
    {
        if (!HasBounds)
        {
            return null;
        }

        var latitudeGap = Gap(point.Latitude, MinLatitude, MaxLatitude);
        var longitudeGap = Gap(point.Longitude, MinLongitude, MaxLongitude);
        if (longitudeGap > 180)
        {
            longitudeGap = 360 - longitudeGap;
        }

        var widest = Math.Max(Math.Abs(point.Latitude), Math.Max(Math.Abs(MinLatitude), Math.Abs(MaxLatitude))) * Math.PI / 180;
        var sinLatitude = Math.Sin(latitudeGap * Math.PI / 360);
        var sinLongitude = Math.Cos(widest) * Math.Sin(longitudeGap * Math.PI / 360);
        var haversine = Math.Min(1, Math.Sqrt((sinLatitude * sinLatitude) + (sinLongitude * sinLongitude)));
        return 2 * Math.Asin(haversine) * GeoMath.EarthRadiusMetres * 0.999;

        static double Gap(double value, double min, double max) => value < min ? min - value : value > max ? value - max : 0;
    }
}
