using Kith.Core.People;
using Kith.Core.People.Conversations;

namespace Kith.Core.Tests.People.AboutMe;

public class ConversationValidationTests
{
    private static readonly DateOnly Today = new(2026, 12, 3);

    [Fact]
    public void An_empty_conversation_is_refused()
    {
        var errors = ConversationService.Validate(new ConversationDraft { HeldOn = Today, Quotes = [" ", null] }, Today);

        Assert.Equal(ConversationService.EmptyMessage, errors["Content"]);
    }

    [Fact]
    public void A_date_in_the_future_is_refused()
    {
        var errors = ConversationService.Validate(new ConversationDraft { HeldOn = Today.AddDays(1), Notes = "Tea at the café" }, Today);

        Assert.Contains("today or in the past", errors["HeldOn"], StringComparison.Ordinal);
    }

    [Fact]
    public void A_quote_over_two_thousand_characters_is_refused_with_the_limit()
    {
        var errors = ConversationService.Validate(new ConversationDraft { HeldOn = Today, Quotes = ["fine", new string('x', 2_001)] }, Today);

        Assert.Contains("2,000", errors["Quotes[1]"], StringComparison.Ordinal);
        Assert.False(errors.ContainsKey("Quotes[0]"));
    }

    [Fact]
    public void A_safety_plan_alone_is_enough_for_support_in_a_crisis()
    {
        var errors = ConversationService.Validate(new ConversationDraft { HeldOn = Today, Type = ConversationType.IntensiveSupport, SafetyPlan = "Call Jo first" }, Today);

        Assert.Empty(errors);
    }
}
