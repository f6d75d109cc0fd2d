using Kith.Core.Relationships.Insights;

namespace Kith.Core.Tests.Relationships.Insights;

public class TopicMatchTests
{
    [Fact]
    public void A_topic_names_the_areas_it_contains_and_the_rest_is_its_subject()
    {
        var topic = TopicMatch.Parse("Mental health in Northfield", ["Northfield", "Southside", null, " northfield "]);

        Assert.Equal(["Northfield"], topic.Areas);
        Assert.True(topic.HasSubject);
        Assert.True(topic.NamesArea("NORTHFIELD"));
        Assert.False(topic.NamesArea("Southside"));
        Assert.Equal(["mental health"], topic.MatchingEntries("housing; mental health"));
    }

    [Fact]
    public void An_entry_matches_when_its_words_are_in_the_subject_or_the_subject_is_in_the_entry()
    {
        var topic = TopicMatch.Parse("mental health in Northfield", ["Northfield"]);

        Assert.Equal(["Mental health and wellbeing", "Health"], topic.MatchingEntries("Mental health and wellbeing; Health; housing"));
        Assert.Empty(topic.MatchingEntries("physical health; mental arithmetic"));
        Assert.Empty(topic.MatchingEntries(null));
    }

    [Fact]
    public void Plurals_case_and_punctuation_do_not_stop_a_match_and_small_words_do_not_make_one()
    {
        var topic = TopicMatch.Parse("Services for young people's housing", []);

        Assert.Equal(["housing service", "Young People"], topic.MatchingEntries("housing service; Young People; the and of"));
        Assert.Equal(["young", "people", "housing"], TopicMatch.Parse("young people's housing", []).Words);
    }

    [Fact]
    public void A_topic_that_is_only_an_area_has_no_subject_and_matches_no_entry()
    {
        var topic = TopicMatch.Parse("Northfield", ["Northfield"]);

        Assert.False(topic.HasSubject);
        Assert.Empty(topic.MatchingEntries("Northfield; mental health"));
        Assert.True(topic.NamesArea("Northfield"));
    }
}
