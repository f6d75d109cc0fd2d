namespace Kith.Core.Platform;

/// <summary>A named setting kept in the database, e.g. that this database holds the demo area.</summary>
public class SystemSetting
{
    public required string Key { get; set; }

    public required string Value { get; set; }
}

public static class SystemSettingKeys
{
    /// <summary>Set by the demo seed: the name of the fictional area. Its presence labels the UI as demo data.</summary>
    public const string DemoArea = "demo.area";
}
