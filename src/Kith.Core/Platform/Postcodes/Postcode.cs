namespace Kith.Core.Platform.Postcodes;

/// <summary>One postcode from the ONS Postcode Directory, with its centre point.</summary>
public class Postcode
{
    /// <summary>Upper case, no spaces: "AV12AB".</summary>
    public required string Code { get; set; }

    /// <summary>As people write it: "AV1 2AB".</summary>
    public required string Display { get; set; }

    /// <summary>The outward code: "AV1".</summary>
    public required string District { get; set; }

    /// <summary>WGS84 degrees.</summary>
    public double Latitude { get; set; }

    /// <summary>WGS84 degrees.</summary>
    public double Longitude { get; set; }

    /// <summary>When the postcode stopped being used, if it has.</summary>
    public DateOnly? TerminatedOn { get; set; }
}
