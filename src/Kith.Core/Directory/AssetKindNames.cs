namespace Kith.Core.Directory;

/// <summary>The one place the ABCD kinds get their names in words: search filters, result tags, the asset page and the editing journey.</summary>
public static class AssetKindNames
{
    /// <summary>Short enough for a tag on a result: "Group or club".</summary>
    public static string Label(AssetKind kind) => kind switch
    {
        AssetKind.Association => "Group or club",
        AssetKind.Institution => "Service from an organisation",
        AssetKind.Physical => "Place or space",
        AssetKind.Economic => "Local economy",
        AssetKind.Cultural => "Culture and heritage",
        _ => kind.ToString(),
    };
}
