using Kith.Core.Relationships.Analysis;

namespace Kith.Core.Relationships.Insights;

/// <summary>Why an actor is suggested for the table.</summary>
public enum RoundTableRule
{
    /// <summary>Makes decisions about the topic.</summary>
    Decides,

    /// <summary>Holds a budget, and their topics or area touch the topic.</summary>
    HoldsBudget,

    /// <summary>Holds knowledge of the topic.</summary>
    Knows,

    /// <summary>A resident representative, community group or community asset, when no community voice is invited yet.</summary>
    CommunityVoice,

    /// <summary>The best-connected actor of a group with nobody at the table.</summary>
    Broker,

    /// <summary>Works in the area the topic names (said alongside another reason, never alone).</summary>
    WorksInArea,
}

/// <summary>One reason, in words ("Decides about mental health").</summary>
public sealed record RoundTableReason(RoundTableRule Rule, string Text);

/// <summary>An actor to think about inviting, with every reason that applies; a higher <see cref="Score"/> ranks first.</summary>
public sealed record RoundTableSuggestion(RelationshipActor Actor, IReadOnlyList<RoundTableReason> Reasons, int Score);

/// <summary>What the advisor found for one topic and table.</summary>
/// <param name="Invited">The invited actors found on the map, by name.</param>
/// <param name="CommunityVoiceInvited">Whether a resident representative, community group or community asset is already invited (so the community-voice rule stood down).</param>
public sealed record RoundTableAdvice(
    TopicMatch Topic,
    IReadOnlyList<RelationshipActor> Invited,
    IReadOnlyList<RoundTableSuggestion> Suggestions,
    bool CommunityVoiceInvited);

/// <summary>
/// "Who else needs to be round the table?" Given a topic and the actors already invited, suggests the actors who are
/// missing, each with its reasons. Topic words match as <see cref="TopicMatch"/> describes. The rules:
/// <list type="number">
/// <item>Decides: an entry of <see cref="RelationshipActor.DecidesAbout"/> matches the topic (weight 5).</item>
/// <item>Holds a budget: <see cref="RelationshipActor.HoldsBudget"/>, and a topic list or tag matches or the actor works in
/// the area the topic names (weight 4).</item>
/// <item>Knows: an entry of <see cref="RelationshipActor.KnowsAbout"/> matches (weight 3).</item>
/// <item>Community voice: a resident representative, community group or community asset in the named area or on the topic
/// (lists or tags), only while none of those kinds is invited (weight 3).</item>
/// <item>Broker (once someone is invited): for each community (from the metrics) of two or more actors with nobody invited, its actor with the
/// highest betweenness (then most ties, then name): the link into the members not tied to anyone at the table (weight 2 + 1
/// per 5 such members, at most 5).</item>
/// </list>
/// An actor in the named area gets "Works in …" and one more point. An actor recorded in another area keeps its score: an
/// area-wide body ("Ashworth Vale") may well decide for the neighbourhood the topic names, and Kith does not know which
/// areas lie inside which.
/// The invited are never suggested. Equal scores rank by influence, then name.
/// </summary>
public static class RoundTableAdvisor
{
    private const int DecidesWeight = 5;
    private const int BudgetWeight = 4;
    private const int KnowsWeight = 3;
    private const int VoiceWeight = 3;
    private const int BrokerWeight = 2;

    /// <param name="metrics">The metrics of <paramref name="map"/>'s graph (communities and betweenness for the broker rule).</param>
    /// <param name="invited">Actor ids already invited; ids not on the map are ignored.</param>
    public static RoundTableAdvice Advise(LoadedMap map, NetworkMetrics metrics, string topic, IEnumerable<Guid> invited)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(topic);
        ArgumentNullException.ThrowIfNull(invited);

        var match = TopicMatch.Parse(topic, map.Actors.Select(a => a.Area));
        var invitedNodes = invited.Select(map.IndexOf).Where(i => i >= 0).ToHashSet();
        var invitedActors = invitedNodes.Select(i => map.Actors[i]).OrderBy(a => a.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
        var voiceInvited = invitedActors.Any(a => IsCommunityVoice(a.Kind));
        var reasons = new Dictionary<int, List<(RoundTableReason Reason, int Weight)>>();

        for (var i = 0; i < map.Actors.Count; i++)
        {
            if (invitedNodes.Contains(i))
            {
                continue;
            }

            var actor = map.Actors[i];
            var decides = match.MatchingEntries(actor.DecidesAbout);
            var knows = match.MatchingEntries(actor.KnowsAbout);
            var tagged = match.MatchingEntries(actor.Tags);
            var inArea = match.NamesArea(actor.Area);
            var onTopic = decides.Count > 0 || knows.Count > 0 || tagged.Count > 0;
            if (decides.Count > 0)
            {
                Add(i, RoundTableRule.Decides, $"Decides about {Join(decides)}", DecidesWeight);
            }

            if (actor.HoldsBudget && (onTopic || inArea))
            {
                var band = actor.BudgetBand is { } b ? $" ({BudgetBandText(b)})" : string.Empty;
                Add(i, RoundTableRule.HoldsBudget, $"Holds a budget{band}", BudgetWeight);
            }

            if (knows.Count > 0)
            {
                Add(i, RoundTableRule.Knows, $"Knows about {Join(knows)}", KnowsWeight);
            }

            if (!voiceInvited && IsCommunityVoice(actor.Kind) && (onTopic || inArea))
            {
                Add(i, RoundTableRule.CommunityVoice, VoiceText(actor.Kind), VoiceWeight);
            }
        }

        if (invitedNodes.Count > 0)
        {
            AddBrokers(map, metrics, invitedNodes, Add);
        }

        var suggestions = new List<RoundTableSuggestion>();
        foreach (var (node, found) in reasons)
        {
            var actor = map.Actors[node];
            var score = found.Sum(f => f.Weight);
            var list = found.Select(f => f.Reason).ToList();
            if (match.NamesArea(actor.Area))
            {
                list.Add(new RoundTableReason(RoundTableRule.WorksInArea, $"Works in {actor.Area!.Trim()}"));
                score++;
            }

            suggestions.Add(new RoundTableSuggestion(actor, list, score));
        }

        var ranked = suggestions
            .OrderByDescending(s => s.Score)
            .ThenByDescending(s => s.Actor.Influence ?? 0)
            .ThenBy(s => s.Actor.Name, StringComparer.CurrentCultureIgnoreCase)
            .ThenBy(s => s.Actor.Id)
            .ToList();
        return new RoundTableAdvice(match, invitedActors, ranked, voiceInvited);

        void Add(int node, RoundTableRule rule, string text, int weight)
        {
            if (!reasons.TryGetValue(node, out var list))
            {
                reasons[node] = list = [];
            }

            list.Add((new RoundTableReason(rule, text), weight));
        }
    }

    /// <summary>"£100,000 to £1 million", for a reason or a table.</summary>
    public static string BudgetBandText(BudgetBand band) => band switch
    {
        BudgetBand.Under10k => "under £10,000",
        BudgetBand.From10kTo100k => "£10,000 to £100,000",
        BudgetBand.From100kTo1m => "£100,000 to £1 million",
        BudgetBand.Over1m => "over £1 million",
        _ => throw new ArgumentOutOfRangeException(nameof(band), band, "Unknown budget band."),
    };

    private static bool IsCommunityVoice(ActorKind kind) =>
        kind is ActorKind.ResidentRepresentative or ActorKind.CommunityGroup or ActorKind.CommunityAsset;

    private static string VoiceText(ActorKind kind) => kind switch
    {
        ActorKind.ResidentRepresentative => "Resident voice",
        ActorKind.CommunityGroup => "Community group: a community voice",
        _ => "Community asset: a community voice",
    };

    private static string Join(IReadOnlyList<string> entries) =>
        entries.Count == 1 ? entries[0] : string.Join(", ", entries.Take(entries.Count - 1)) + " and " + entries[^1];

    private static void AddBrokers(
        LoadedMap map, NetworkMetrics metrics, HashSet<int> invitedNodes, Action<int, RoundTableRule, string, int> add)
    {
        var graph = map.Graph;
        var membership = metrics.Communities.Membership;
        var touched = new bool[graph.NodeCount];
        foreach (var node in invitedNodes)
        {
            touched[node] = true;
            foreach (var neighbour in graph.Neighbours(node))
            {
                touched[neighbour] = true;
            }
        }

        var byCommunity = Enumerable.Range(0, graph.NodeCount).GroupBy(n => membership[n]);
        foreach (var community in byCommunity)
        {
            var members = community.ToList();
            if (members.Count < 2 || members.Any(invitedNodes.Contains))
            {
                continue;
            }

            var broker = members
                .Where(m => graph.Neighbours(m).Length > 0)
                .OrderByDescending(m => metrics.Betweenness[m])
                .ThenByDescending(m => graph.Neighbours(m).Length)
                .ThenBy(m => map.Actors[m].Name, StringComparer.CurrentCultureIgnoreCase)
                .Select(m => (int?)m)
                .FirstOrDefault();
            if (broker is not { } b)
            {
                continue;
            }

            var untouched = members.Count(m => m != b && !touched[m]);
            if (untouched == 0)
            {
                continue;
            }

            var text = untouched == 1
                ? "The link into 1 actor who is not yet connected to anyone at the table"
                : $"The link into {untouched} actors who are not yet connected to anyone at the table";
            add(b, RoundTableRule.Broker, text, BrokerWeight + Math.Min(3, untouched / 5));
        }
    }
}
