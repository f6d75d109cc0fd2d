namespace Kith.Core.Directory.Interchange;

/// <summary>
/// The largest values an import takes. A field over its limit rejects the row, with the limit in the
/// reason, so one oversized field cannot fill the database or the search index.
/// </summary>
public static class ImportLimits
{
    /// <summary>Names of services and organisations, as the database stores them.</summary>
    public const int NameLength = 300;

    /// <summary>Ids in the source.</summary>
    public const int IdLength = 200;

    /// <summary>Web addresses and email addresses.</summary>
    public const int UrlLength = 2000;

    /// <summary>Any other text field, such as a description.</summary>
    public const int TextLength = 20_000;

    /// <summary>A GeoJSON service area extent.</summary>
    public const int ExtentLength = 1_000_000;

    /// <summary>One record (one ndjson line or one list item), in bytes.</summary>
    public const int RecordBytes = 16 * 1024 * 1024;

    /// <summary>Services written in one transaction.</summary>
    public const int BatchSize = 500;
}
