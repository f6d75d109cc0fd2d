using Kith.Core.People.Strengths;

namespace Kith.Core.Tests.People.Strengths;

public class MatchTextTests
{
    [Theory]
    [InlineData("Café-Owner!", "cafe owner")]
    [InlineData("  I grow   TOMATOES on the allotment.  ", "i grow tomatoes on the allotment")]
    [InlineData("Zoë's crochet & knitting", "zoe s crochet knitting")]
    [InlineData("Łódź, naïve; résumé", "łodz naive resume")]
    [InlineData("tab\tand\nnew line", "tab and new line")]
    [InlineData("...", "")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Folds_to_lower_case_words_without_accents_or_punctuation(string? text, string expected) =>
        Assert.Equal(expected, MatchText.Fold(text));

    [Fact]
    public void Composed_and_decomposed_accents_fold_the_same() =>
        Assert.Equal(MatchText.Fold("caf\u00e9"), MatchText.Fold("cafe\u0301"));
}
