using Kith.Core.People;

namespace Kith.Web.People.Strengths;

/// <summary>Plain words for the network's choices, as shown on screen.</summary>
public static class NetworkLabels
{
    public static string To(TieTo to) => to switch
    {
        TieTo.Person => "A person",
        TieTo.Group => "A group",
        TieTo.CommunityAsset => "A community asset",
        _ => "A service",
    };

    public static string Formal(bool isFormal) => isFormal ? "Formal" : "Informal";

    public static string Valence(TieValence valence) => valence switch
    {
        TieValence.Supportive => "Supportive",
        TieValence.Neutral => "Neutral",
        TieValence.Stressful => "Stressful",
        _ => "Mixed",
    };

    public static string Direction(SupportDirection direction) => direction switch
    {
        SupportDirection.TheyGive => "They support the person",
        SupportDirection.TheyReceive => "The person supports them",
        _ => "Both ways",
    };

    public static string Frequency(TieFrequency frequency) => frequency switch
    {
        TieFrequency.Daily => "Daily",
        TieFrequency.Weekly => "Weekly",
        TieFrequency.Monthly => "Monthly",
        TieFrequency.FewTimesAYear => "A few times a year",
        _ => "Rarely",
    };
}
