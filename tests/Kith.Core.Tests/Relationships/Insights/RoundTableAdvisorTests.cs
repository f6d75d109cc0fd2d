using Kith.Core.Relationships;
using Kith.Core.Relationships.Insights;

namespace Kith.Core.Tests.Relationships.Insights;

public class RoundTableAdvisorTests
{
    private const string Topic = "mental health in Northfield";

    [Fact]
    public void Actors_who_decide_about_the_topic_are_suggested_and_those_in_the_area_rank_first()
    {
        var map = new InsightMap();
        var city = map.Actor("City commissioners", with: a => { a.DecidesAbout = "Mental health; housing"; a.Area = "Birmingham"; });
        var local = map.Actor("Northfield locality board", with: a => { a.DecidesAbout = "mental health"; a.Area = "Northfield"; });
        map.Actor("Housing board", with: a => a.DecidesAbout = "housing");
        map.Actor("Somewhere else", with: a => a.Area = "Birmingham");

        var advice = Advise(map, Topic);

        Assert.Equal([local, city], advice.Suggestions.Select(s => s.Actor));
        Assert.Equal(["Decides about mental health", "Works in Northfield"], Reasons(advice, local));
        Assert.Equal(["Decides about Mental health"], Reasons(advice, city));
        Assert.Equal(["Northfield"], advice.Topic.Areas);
    }

    [Fact]
    public void Budget_holders_are_suggested_with_their_band_when_their_topics_or_area_touch_the_topic()
    {
        var map = new InsightMap();
        var fund = map.Actor("Wellbeing fund", with: a => { a.HoldsBudget = true; a.BudgetBand = BudgetBand.From100kTo1m; a.Tags = "mental health"; });
        var ward = map.Actor("Ward councillors", with: a => { a.HoldsBudget = true; a.BudgetBand = BudgetBand.Under10k; a.Area = "Northfield"; });
        map.Actor("Roads budget", with: a => { a.HoldsBudget = true; a.BudgetBand = BudgetBand.Over1m; a.DecidesAbout = "roads"; });

        var advice = Advise(map, Topic);

        Assert.Equal(["Holds a budget (£100,000 to £1 million)"], Reasons(advice, fund));
        Assert.Equal(["Holds a budget (under £10,000)", "Works in Northfield"], Reasons(advice, ward));
        Assert.Equal(2, advice.Suggestions.Count);
    }

    [Fact]
    public void Actors_with_knowledge_of_the_topic_are_suggested_and_every_reason_that_applies_is_listed()
    {
        var map = new InsightMap();
        var mind = map.Actor("Northfield Mind", ActorKind.CommunityGroup, a =>
        {
            a.KnowsAbout = "mental health; peer support";
            a.DecidesAbout = "mental health and wellbeing";
            a.HoldsBudget = true;
            a.BudgetBand = BudgetBand.From10kTo100k;
            a.Area = "Northfield";
        });
        var nurse = map.Actor("Community psychiatric nurse", ActorKind.StaffMember, a => a.KnowsAbout = "Mental health");

        var advice = Advise(map, Topic);

        Assert.Equal([mind, nurse], advice.Suggestions.Select(s => s.Actor));
        Assert.Equal(
            ["Decides about mental health and wellbeing", "Holds a budget (£10,000 to £100,000)", "Knows about mental health", "Community group: a community voice", "Works in Northfield"],
            Reasons(advice, mind));
        Assert.Equal(["Knows about Mental health"], Reasons(advice, nurse));
    }

    [Fact]
    public void Community_voices_in_the_area_or_on_the_topic_are_suggested_only_while_none_is_invited()
    {
        var map = new InsightMap();
        var resident = map.Actor("Residents' panel member", ActorKind.ResidentRepresentative, a => a.Area = "Northfield");
        var garden = map.Actor("Community garden", ActorKind.CommunityAsset, a => a.Tags = "mental health; growing");
        map.Actor("Choir elsewhere", ActorKind.CommunityGroup, a => a.Area = "Southside");
        var staff = map.Actor("Staff member in Northfield", ActorKind.StaffMember, a => a.Area = "Northfield");

        var advice = Advise(map, Topic);

        Assert.Equal(["Resident voice", "Works in Northfield"], Reasons(advice, resident));
        Assert.Equal(["Community asset: a community voice"], Reasons(advice, garden));
        Assert.Equal(2, advice.Suggestions.Count);
        Assert.False(advice.CommunityVoiceInvited);

        var withVoice = Advise(map, Topic, garden);
        Assert.True(withVoice.CommunityVoiceInvited);
        Assert.Empty(withVoice.Suggestions);
        Assert.DoesNotContain(withVoice.Suggestions, s => s.Actor == staff);
    }

    [Fact]
    public void The_best_connected_actor_of_a_group_with_nobody_at_the_table_is_suggested_as_its_link()
    {
        var map = new InsightMap();
        var chair = map.Actor("Chair");
        var colleague = map.Actor("Colleague");
        var hub = map.Actor("Faith forum");
        var mosque = map.Actor("Mosque");
        var church = map.Actor("Church");
        var gurdwara = map.Actor("Gurdwara");
        var lonely = map.Actor("Alone");
        map.Tie(chair, colleague);
        map.Tie(colleague, hub, 1);
        map.Tie(hub, mosque);
        map.Tie(hub, church);
        map.Tie(hub, gurdwara);
        map.Tie(mosque, church);
        var loaded = map.Build();
        var metrics = InsightMap.HandMetrics(loaded, membership: [0, 0, 1, 1, 1, 1, 2], betweenness: [0, 5, 8, 0, 0, 0, 0]);

        var advice = RoundTableAdvisor.Advise(loaded, metrics, "faith and wellbeing", [chair.Id]);

        var only = Assert.Single(advice.Suggestions);
        Assert.Equal(hub, only.Actor);
        Assert.Equal(["The link into 3 actors who are not yet connected to anyone at the table"], only.Reasons.Select(r => r.Text));
        Assert.DoesNotContain(advice.Suggestions, s => s.Actor == lonely);

        // With a member of that group at the table, the group is connected and nobody is suggested for it.
        Assert.Empty(RoundTableAdvisor.Advise(loaded, metrics, "faith", [chair.Id, mosque.Id]).Suggestions);
    }

    [Fact]
    public void The_invited_are_never_suggested_unknown_ids_are_ignored_and_an_empty_answer_is_possible()
    {
        var map = new InsightMap();
        var board = map.Actor("Board", with: a => a.DecidesAbout = "mental health");

        var advice = Advise(map, Topic, board);

        Assert.Empty(advice.Suggestions);
        Assert.Equal([board], advice.Invited);
        Assert.Empty(Advise(map, "roads and bridges").Suggestions);
        Assert.Single(RoundTableAdvisor.Advise(map.Build(), InsightMap.HandMetrics(map.Build()), Topic, [Guid.NewGuid()]).Suggestions);
    }

    private static RoundTableAdvice Advise(InsightMap map, string topic, params RelationshipActor[] invited)
    {
        var loaded = map.Build();
        return RoundTableAdvisor.Advise(loaded, InsightMap.HandMetrics(loaded), topic, invited.Select(a => a.Id));
    }

    private static List<string> Reasons(RoundTableAdvice advice, RelationshipActor actor) =>
        advice.Suggestions.Single(s => s.Actor == actor).Reasons.Select(r => r.Text).ToList();
}

/// <summary>The round table on the import template's map (docs/templates on rel-data), with the real metrics.</summary>
public class RoundTableOnTemplateMapTests
{
    [Fact]
    public void Mental_health_in_Northfield_suggests_the_decider_the_budget_holders_the_knowledgeable_and_the_community_voices()
    {
        var map = new InsightMap();
        var association = map.Actor("Northfield Community Association", ActorKind.CommunityGroup, a => { a.Area = "Northfield"; a.Sector = "voluntary and community"; a.Tags = "older people; food"; a.KnowsAbout = "loneliness; Northfield"; });
        var publicHealth = map.Actor("Council Public Health", ActorKind.Team, a => { a.Area = "Ashworth Vale"; a.DecidesAbout = "mental health; loneliness"; a.HoldsBudget = true; a.BudgetBand = BudgetBand.Over1m; a.KnowsAbout = "health data"; });
        var valeMind = map.Actor("Vale Mind", ActorKind.Organisation, a => { a.Area = "Ashworth Vale"; a.HoldsBudget = true; a.BudgetBand = BudgetBand.From100kTo1m; a.KnowsAbout = "mental health"; });
        var alex = map.Actor("Alex Example", ActorKind.StaffMember, a => { a.Area = "Northfield"; a.KnowsAbout = "mental health"; });
        var pat = map.Actor("Pat Example", ActorKind.ResidentRepresentative, a => { a.Area = "Northfield"; a.KnowsAbout = "Northfield"; });
        map.Tie(publicHealth, valeMind, 4, TieType.Funds, directed: true);
        map.Tie(valeMind, association, 3);
        map.Tie(alex, association, 2, TieType.RefersTo, directed: true);
        var loaded = map.Build();

        var advice = RoundTableAdvisor.Advise(loaded, Kith.Core.Relationships.Analysis.NetworkAnalysis.Run(loaded.Graph), "Mental health in Northfield", [alex.Id]);

        Assert.Equal(publicHealth, advice.Suggestions[0].Actor);
        Assert.Equal(["Decides about mental health", "Holds a budget (over £1 million)"], advice.Suggestions[0].Reasons.Select(r => r.Text).Take(2));
        var reasons = advice.Suggestions.ToDictionary(s => s.Actor, s => s.Reasons.Select(r => r.Text).ToList());
        Assert.Contains("Holds a budget (£100,000 to £1 million)", reasons[valeMind]);
        Assert.Contains("Knows about mental health", reasons[valeMind]);
        Assert.Equal(["Resident voice", "Works in Northfield"], reasons[pat]);
        Assert.Contains("Community group: a community voice", reasons[association]);
        Assert.DoesNotContain(alex, reasons.Keys);
    }
}
