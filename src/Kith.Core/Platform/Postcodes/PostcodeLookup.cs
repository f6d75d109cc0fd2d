using Kith.Core.Directory.Search;

namespace Kith.Core.Platform.Postcodes;

/// <summary>The outcome of looking up what a person typed as a postcode.</summary>
public enum PostcodeMatch
{
    /// <summary>A full postcode that is in the directory.</summary>
    Exact,

    /// <summary>A postcode district ("AV1") or an unknown full postcode in a known district: the district's centre.</summary>
    District,

    /// <summary>Well formed, but neither it nor its district is known.</summary>
    NotFound,

    /// <summary>Not shaped like a UK postcode.</summary>
    Malformed,
}

/// <param name="Display">The postcode or district as it should be shown, e.g. "AV1 2AB".</param>
/// <param name="Point">Its centre, when found.</param>
public sealed record PostcodeLookupResult(PostcodeMatch Match, string Display, GeoPoint? Point)
{
    public bool Found => Point is not null;
}
