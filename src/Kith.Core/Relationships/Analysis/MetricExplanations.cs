namespace Kith.Core.Relationships.Analysis;

/// <summary>What a metric is called and means, in plain words for managers; pages show these beside the figures.</summary>
/// <param name="Key">A stable key, e.g. "betweenness", for linking and tests.</param>
/// <param name="Title">A short heading, e.g. "People others route through".</param>
/// <param name="Meaning">One or two sentences on what the figure measures.</param>
/// <param name="HighMeans">What a high value suggests.</param>
/// <param name="LowMeans">What a low value suggests.</param>
/// <param name="Range">The values it can take, in words.</param>
public sealed record MetricExplanation(string Key, string Title, string Meaning, string HighMeans, string LowMeans, string Range);

/// <summary>Plain-words explanations of every metric in <see cref="NetworkMetrics"/>, in UK English.</summary>
public static class MetricExplanations
{
    public static MetricExplanation Degree { get; } = new(
        "degree",
        "Number of relationships",
        "How many other people or organisations this actor has a relationship with, counting each one once however many kinds of tie there are.",
        "Many direct relationships: well known and easy to reach.",
        "Few direct relationships: may be new, specialist, or left out.",
        "0 up to the number of other actors on the map.");

    public static MetricExplanation InDegree { get; } = new(
        "in-degree",
        "Named by others",
        "How many others say they have a relationship with this actor, for example that they go to them for advice or refer to them.",
        "Sought out by many: a go-to source of help or advice.",
        "Rarely named by others, even if they name others themselves.",
        "0 up to the number of other actors.");

    public static MetricExplanation OutDegree { get; } = new(
        "out-degree",
        "Names others",
        "How many others this actor says they have a relationship with.",
        "Reaches out to many others.",
        "Names few others, or has not answered a survey yet.",
        "0 up to the number of other actors.");

    public static MetricExplanation Strength { get; } = new(
        "strength",
        "Weight of relationships",
        "The number of relationships with each one counted by how strong it is (1 to 5), so a few strong ties can outweigh many weak ones.",
        "Many or strong relationships.",
        "Few or weak relationships.",
        "0 or more; five times the number of relationships at most, per kind of tie.");

    public static MetricExplanation Betweenness { get; } = new(
        "betweenness",
        "People others route through",
        "How often this actor sits on the shortest chain of relationships between two others. On large maps it is estimated from a sample, and the page says how far out the estimate could be.",
        "A broker or gatekeeper: many connections between others depend on them, so if they leave or are overloaded, others lose touch.",
        "Others can reach each other without going through this actor.",
        "0 or more; the larger the map, the larger the possible value.");

    public static MetricExplanation Closeness { get; } = new(
        "closeness",
        "Few steps from everyone",
        "How few steps this actor needs, on average, to reach everyone else through the relationships on the map, allowing for people they cannot reach at all.",
        "Close to everyone: news and requests reach them, and spread from them, quickly.",
        "On the edge of the map, or in a group cut off from the rest.",
        "0 to 1; 1 means tied directly to everyone.");

    public static MetricExplanation Eigenvector { get; } = new(
        "eigenvector",
        "Connected to the well connected",
        "A score that is high when an actor's relationships are with others who are themselves well connected.",
        "Close to the centre of influence, even with few relationships of their own.",
        "Connected mainly to people who are themselves on the edge, or not connected at all.",
        "0 to 1, compared across the map (the squares of all the scores add up to 1).");

    public static MetricExplanation EffectiveSize { get; } = new(
        "effective-size",
        "Different circles reached",
        "How many separate groups this actor's contacts really give access to: contacts who all know each other count as little more than one.",
        "Links otherwise separate people: can bring new ideas and resources together.",
        "Contacts mostly know each other already: a close, well-supported circle with little reach beyond it.",
        "0 up to the number of contacts; empty for an actor with no relationships.");

    public static MetricExplanation Constraint { get; } = new(
        "constraint",
        "Little room to broker",
        "How much an actor's contacts all know each other, or depend on one main contact, so there is little room to broker between them.",
        "Tightly held in one close group or by one relationship: secure, but with few openings to bring people together.",
        "Contacts spread across groups that do not otherwise connect: room to broker and to bring in fresh ideas.",
        "Above 0, usually no more than 1 (1 for someone with a single contact); empty for an actor with no relationships.");

    public static MetricExplanation Bridge { get; } = new(
        "bridge",
        "The only link between two groups",
        "A relationship that is the only link between two groups: if it ended, the groups would have no relationship left between them.",
        "Not a scale: a relationship either is a bridge or is not. Bridges are single points of failure worth strengthening with a second link.",
        "A relationship that is not a bridge has other routes round it.",
        "Yes or no, for each relationship.");

    public static MetricExplanation ArticulationPoint { get; } = new(
        "articulation-point",
        "A single point of failure",
        "An actor whose leaving would split the map: some others would then have no chain of relationships between them.",
        "Not a scale: an actor either is one or is not. Others depend on them to stay in touch.",
        "An actor who is not one could leave without cutting anyone off.",
        "Yes or no, for each actor.");

    public static MetricExplanation Density { get; } = new(
        "density",
        "How much of the map is joined up",
        "The share of all possible pairs of actors who have a relationship.",
        "Most actors know each other directly: close-knit, though perhaps inward-looking.",
        "Most pairs have no direct relationship; normal for large maps, where it matters more whether groups are linked at all.",
        "0 to 1 (0% to 100%).");

    public static MetricExplanation Reciprocity { get; } = new(
        "reciprocity",
        "Relationships named from both ends",
        "Of the one-way relationships on the map (for example, survey answers saying who someone goes to), the share that the other person also names back.",
        "Relationships are mutual: people see them the same way.",
        "Many relationships are one-sided, which can mean unequal standing or a tie one side does not value.",
        "0 to 1; not shown when the map has no one-way relationships.");

    public static MetricExplanation Community { get; } = new(
        "community",
        "Groups that hang together",
        "Groups of actors with many relationships inside the group and fewer to the rest of the map, found by the Louvain method.",
        "Not a scale: each actor belongs to one group. An actor with no relationships is a group of their own.",
        "—",
        "A group number for each actor.");

    public static MetricExplanation Modularity { get; } = new(
        "modularity",
        "How separate the groups are",
        "How clearly the map splits into the groups found, compared with relationships placed at random.",
        "Above about 0.3: distinct groups, each mostly talking to itself; check the links between them.",
        "Near 0: the map is one well-mixed network without clear groups.",
        "Below 0 to 1; in practice 0 to about 0.8.");

    /// <summary>Every explanation, in the order pages list them.</summary>
    public static IReadOnlyList<MetricExplanation> All { get; } =
    [
        Degree, InDegree, OutDegree, Strength, Betweenness, Closeness, Eigenvector, EffectiveSize, Constraint, Bridge,
        ArticulationPoint, Density, Reciprocity, Community, Modularity,
    ];

    /// <summary>The explanation with this <see cref="MetricExplanation.Key"/>, or null.</summary>
    public static MetricExplanation? Find(string key) => All.FirstOrDefault(e => string.Equals(e.Key, key, StringComparison.Ordinal));
}
