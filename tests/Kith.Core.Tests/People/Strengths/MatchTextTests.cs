using Kith.Core.People.Strengths;

namespace Kith.Core.Tests.People.Strengths;

public class MatchTextTests
{
    [Theory]
    [InlineData("I grow TOMATOES", "i grow tomatoes")]
    [InlineData("Café crème", "cafe creme")]
    [InlineData("  knitting,   crochet & sewing!  ", "knitting crochet sewing")]
    [InlineData("Bike-fixing (road/mountain)", "bike fixing road mountain")]
    [InlineData("Naïve £5 £-tips™", "naive 5 tips")]
    [InlineData("Zoë's   garden\t\nallotment", "zoe s garden allotment")]
    [InlineData("", "")]
    [InlineData("  !!! ", "")]
    public void Folds_case_accents_punctuation_and_spaces(string text, string expected) =>
        Assert.Equal(expected, MatchText.Fold(text));

    [Fact]
    public void Null_folds_to_empty() => Assert.Equal(string.Empty, MatchText.Fold(null));
}
