using Kith.Core.Directory.Search;

namespace Kith.Core.Tests.Search;

public class SearchTextTests
{
    [Theory]
    [InlineData("walks", "walk")]
    [InlineData("walking", "walk")]
    [InlineData("walked", "walk")]
    [InlineData("swimming", "swim")]
    [InlineData("families", "family")]
    [InlineData("classes", "class")]
    [InlineData("dancing", "danc")]
    [InlineData("dance", "danc")]
    [InlineData("bus", "bus")]
    [InlineData("tea", "tea")]
    public void The_light_stemmer_brings_word_forms_together(string word, string stem) =>
        Assert.Equal(stem, SearchText.Stem(word));

    [Fact]
    public void Tokenise_folds_case_accents_and_apostrophes_and_splits_on_punctuation()
    {
        var tokens = SearchText.Tokenise("Men's Café-Club, NAÏVE art!");

        Assert.Equal(["mens", "cafe", "club", "naive", "art"], tokens.Select(t => t.Surface));
    }

    [Fact]
    public void Query_tokens_drop_stop_words_unless_nothing_else_is_left()
    {
        Assert.Equal(["walk", "park"], SearchText.QueryTokens("a walk in the park").Select(t => t.Stem));
        Assert.Equal(["the"], SearchText.QueryTokens("the").Select(t => t.Stem));
    }
}
