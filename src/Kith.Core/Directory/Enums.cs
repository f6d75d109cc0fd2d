namespace Kith.Core.Directory;

/// <summary>The asset-based community development kind of a community asset.</summary>
/// <remarks>The sixth ABCD kind, individual gifts, belongs to people and staff, not the directory.</remarks>
public enum AssetKind
{
    /// <summary>An informal group or club run by its members.</summary>
    Association,

    /// <summary>A service of a public, voluntary or private organisation.</summary>
    Institution,

    /// <summary>A space: a park, hall, garden or building people can use.</summary>
    Physical,

    /// <summary>A time bank, credit union, local business or other economic asset.</summary>
    Economic,

    /// <summary>Heritage, stories, traditions and cultural activity.</summary>
    Cultural,
}

/// <summary>Whether a community asset welcomes introductions or only wants people to turn up.</summary>
public enum IntroductionPolicy
{
    AcceptsIntroductions,
    SignpostOnly,
}

/// <summary>Where a record came from.</summary>
public enum RecordSource
{
    Staff,
    Community,
    Import,
}

/// <summary>HSDS service.status.</summary>
public enum AssetStatus
{
    Active,
    Inactive,
    Defunct,
    TemporarilyClosed,
}

/// <summary>HSDS location.location_type.</summary>
public enum LocationType
{
    Physical,
    Postal,
    Virtual,
}

/// <summary>How people take part: at a place, online, or either.</summary>
public enum AttendanceMode
{
    InPerson,
    Online,
}
