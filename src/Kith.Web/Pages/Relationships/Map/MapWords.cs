using Kith.Core.Relationships;
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

    public static string Metric(MapMetric metric) => metric switch
    {
        MapMetric.Degree => "Ties (degree)",
        MapMetric.Betweenness => "Go-between (betweenness)",
        MapMetric.Eigenvector => "Well-connected ties (eigenvector)",
        MapMetric.Strength => "Total tie strength",
        MapMetric.Closeness => "Reach (closeness)",
        _ => metric.ToString(),
    };

    /// <summary>What the metric means, in plain words.</summary>
    public static string MetricMeaning(MapMetric metric) => metric switch
    {
        MapMetric.Degree => "How many others an actor is tied to.",
        MapMetric.Betweenness => "How often an actor lies on the shortest path between two others: the people others route through.",
        MapMetric.Eigenvector => "Being tied to actors who are themselves well tied.",
        MapMetric.Strength => "The strengths (1 to 5) of all an actor's ties added up.",
        MapMetric.Closeness => "How few steps an actor needs to reach everyone they can reach.",
        _ => string.Empty,
    };

    public static string Colour(MapColour colour) => colour switch
    {
        MapColour.Community => "Community (groups more tied to each other than to the rest)",
        MapColour.Kind => "Kind of actor",
        MapColour.None => "One colour for everyone",
        _ => colour.ToString(),
    };
}
