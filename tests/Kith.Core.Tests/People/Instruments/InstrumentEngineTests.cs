using Kith.Core.People.Instruments;

namespace Kith.Core.Tests.People.Instruments;

public class InstrumentEngineTests
{
    private static Instrument BuiltIn(string key) =>
        InstrumentEngine.BuiltInDefinitions().Select(InstrumentEngine.Parse).Select(r => r.Instrument!).Single(i => i.Key == key);

    [Fact]
    public void Every_built_in_definition_is_valid()
    {
        var results = InstrumentEngine.BuiltInDefinitions().Select(InstrumentEngine.Parse).ToList();
        Assert.Equal(3, results.Count);
        Assert.All(results, r => Assert.True(r.IsValid, string.Join("; ", r.Errors)));
    }

    [Fact]
    public void Ons4_is_never_summed_and_anxious_is_reported_lower_is_better_without_reverse_coding()
    {
        var ons4 = BuiltIn("ons4");
        var score = InstrumentEngine.Score(ons4, new Dictionary<string, int?> { ["satisfied"] = 7, ["worthwhile"] = 8, ["happy"] = 6, ["anxious"] = 3 });

        Assert.True(score.IsValid);
        Assert.Null(score.Total);
        Assert.Equal(["satisfied", "worthwhile", "happy", "anxious"], score.Items.Select(i => i.Key));
        var anxious = score.Items.Single(i => i.Key == "anxious");
        Assert.Equal(3, anxious.Answered);
        Assert.Equal(3, anxious.Scored);
        Assert.True(anxious.LowerIsBetter);
    }

    [Fact]
    public void An_ons4_answer_of_11_is_an_error_and_a_missing_item_is_named()
    {
        var score = InstrumentEngine.Score(BuiltIn("ons4"), new Dictionary<string, int?> { ["satisfied"] = 11, ["worthwhile"] = 8, ["happy"] = null });

        Assert.False(score.IsValid);
        Assert.Contains(new InstrumentError("satisfied", "must be a whole number from 0 to 10"), score.Errors);
        Assert.Contains(score.Errors, e => e.Path == "happy" && e.Message.Contains("missing", StringComparison.Ordinal));
        Assert.Contains(score.Errors, e => e.Path == "anxious");
        Assert.Empty(score.Items);
    }

    [Theory]
    [InlineData(1, 1, 1, 3)]
    [InlineData(3, 3, 3, 9)]
    [InlineData(1, 2, 3, 6)]
    public void Ucla3_totals_run_from_3_to_9(int a, int b, int c, int total)
    {
        var score = InstrumentEngine.Score(BuiltIn("ons-loneliness-ucla3"), new Dictionary<string, int?> { ["companionship"] = a, ["left-out"] = b, ["isolated"] = c });

        Assert.True(score.IsValid);
        Assert.Equal(total, score.Total);
    }

    [Fact]
    public void Ucla3_refuses_a_value_that_is_not_an_option()
    {
        var score = InstrumentEngine.Score(BuiltIn("ons-loneliness-ucla3"), new Dictionary<string, int?> { ["companionship"] = 4, ["left-out"] = 1, ["isolated"] = 1 });

        Assert.Equal([new InstrumentError("companionship", "must be one of the answers offered")], score.Errors);
    }

    [Fact]
    public void Reverse_coded_items_are_flipped_within_their_range_before_summing_and_bands_are_labelled()
    {
        const string json = """
            {
              "key": "mood-test", "name": "Mood", "version": "2", "licence": "Written for Kith's tests.", "mayBeShipped": true,
              "items": [
                { "key": "calm", "text": "Calm?", "scale": { "min": 1, "max": 5, "minLabel": "Never", "maxLabel": "Always" } },
                { "key": "tense", "text": "Tense?", "scale": { "min": 1, "max": 5, "minLabel": "Never", "maxLabel": "Always" }, "reverseCoded": true }
              ],
              "scoring": { "method": "sum", "total": { "min": 2, "max": 10 },
                "bands": [ { "min": 2, "max": 5, "label": "Low" }, { "min": 6, "max": 10, "label": "High" } ] }
            }
            """;
        var parsed = InstrumentEngine.Parse(json);
        Assert.True(parsed.IsValid, string.Join("; ", parsed.Errors));

        var score = InstrumentEngine.Score(parsed.Instrument!, new Dictionary<string, int?> { ["calm"] = 4, ["tense"] = 2 });

        var tense = score.Items.Single(i => i.Key == "tense");
        Assert.Equal(2, tense.Answered);
        Assert.Equal(4, tense.Scored);
        Assert.Equal(8, score.Total);
        Assert.Equal("High", score.Band);
    }

    [Fact]
    public void Definition_errors_say_where_and_what()
    {
        const string json = """
            {
              "key": "Bad Key", "name": "", "version": "1", "licence": "x",
              "items": [
                { "key": "a", "text": "A", "scale": { "min": 5, "max": 5, "minLabel": "lo", "maxLabel": "hi" } },
                { "key": "a", "text": "B", "options": [ { "value": 1, "label": "Yes" } ] },
                { "key": "c", "text": "C" }
              ],
              "scoring": { "method": "average" }
            }
            """;
        var result = InstrumentEngine.Parse(json);

        Assert.False(result.IsValid);
        var paths = result.Errors.Select(e => e.Path).ToList();
        Assert.Contains("$.key", paths);
        Assert.Contains("$.name", paths);
        Assert.Contains("$.mayBeShipped", paths);
        Assert.Contains(new InstrumentError("$.items[0].scale.max", "must be greater than min (5)"), result.Errors);
        Assert.Contains(new InstrumentError("$.items[1].key", "'a' is used by an earlier item"), result.Errors);
        Assert.Contains("$.items[1].options", paths);
        Assert.Contains(new InstrumentError("$.items[2]", "must have either options or scale (not both, not neither)"), result.Errors);
        Assert.Contains("$.scoring.method", paths);
    }

    [Fact]
    public void A_summed_total_must_match_the_items_and_a_separate_instrument_has_no_total()
    {
        const string template = """
            { "key": "t", "name": "T", "version": "1", "licence": "x", "mayBeShipped": false,
              "items": [ { "key": "a", "text": "A", "scale": { "min": 0, "max": 10, "minLabel": "lo", "maxLabel": "hi" } } ],
              "scoring": SCORING }
            """;
        var wrongTotal = InstrumentEngine.Parse(template.Replace("SCORING", """{ "method": "sum", "total": { "min": 0, "max": 40 } }""", StringComparison.Ordinal));
        var separateWithTotal = InstrumentEngine.Parse(template.Replace("SCORING", """{ "method": "separate", "total": { "min": 0, "max": 10 } }""", StringComparison.Ordinal));

        Assert.Equal([new InstrumentError("$.scoring.total", "says 0 to 40 but the items add up to 0 to 10")], wrongTotal.Errors);
        Assert.Equal("$.scoring", Assert.Single(separateWithTotal.Errors).Path);
    }

    [Fact]
    public void Broken_json_and_unknown_properties_are_errors_with_a_path_not_exceptions()
    {
        Assert.Equal("$", Assert.Single(InstrumentEngine.Parse("{ not json").Errors).Path[..1]);
        var unknown = InstrumentEngine.Parse("""{ "key": "x", "colour": "red" }""");
        Assert.False(unknown.IsValid);
        Assert.Contains("colour", Assert.Single(unknown.Errors).Message, StringComparison.Ordinal);
    }
}
