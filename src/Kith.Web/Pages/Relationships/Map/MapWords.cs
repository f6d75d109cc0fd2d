using Kith.Core.Relationships;
using Kith.Core.Relationships.Analysis;
using Kith.Web.Api;

namespace Kith.Web.Pages.Relationships.Map;

/// <summary>The map page's words for kinds, tie types and metrics.</summary>
public static class MapWords
{
    public static string Kind(ActorKind kind) => kind switch
    {
        ActorKind.StaffMember => "Staff member",
        ActorKind.Team => "Team",
        ActorKind.Organisation => "Organisation",
        ActorKind.CommunityGroup => "Community group",
        ActorKind.CommunityAsset => "Community asset",
        ActorKind.ResidentRepresentative => "Resident representative",
        _ => kind.ToString(),
    };

    public static string TieType(TieType type) => type switch
    {
        Core.Relationships.TieType.WorksWith => "Works with",
        Core.Relationships.TieType.RefersTo => "Refers to",
        Core.Relationships.TieType.Funds => "Funds",
        Core.Relationships.TieType.SharesInformationWith => "Shares information with",
        Core.Relationships.TieType.Trusts => "Trusts",
        Core.Relationships.TieType.SeeksAdviceFrom => "Seeks advice from",
        _ => type.ToString(),
    };

    /// <summary>The metric's explanation, shared with the other relationship pages.</summary>
    public static MetricExplanation Explanation(MapMetric metric) => metric switch
    {
        MapMetric.Degree => MetricExplanations.Degree,
        MapMetric.Betweenness => MetricExplanations.Betweenness,
        MapMetric.Eigenvector => MetricExplanations.Eigenvector,
        MapMetric.Strength => MetricExplanations.Strength,
        MapMetric.Closeness => MetricExplanations.Closeness,
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, null),
    };

    /// <summary>"People others route through": the metric's heading.</summary>
    public static string Metric(MapMetric metric) => Explanation(metric).Title;

    public static string Colour(MapColour colour) => colour switch
    {
        MapColour.Community => "Community (groups more tied to each other than to the rest)",
        MapColour.Kind => "Kind of actor",
        MapColour.None => "One colour for everyone",
        _ => colour.ToString(),
    };
}
