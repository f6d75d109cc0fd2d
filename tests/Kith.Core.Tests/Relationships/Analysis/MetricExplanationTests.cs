using System.Reflection;
using Kith.Core.Relationships.Analysis;

namespace Kith.Core.Tests.Relationships.Analysis;

public class MetricExplanationTests
{
    [Fact]
    public void Every_explanation_is_listed_once_with_a_unique_key_and_text()
    {
        var properties = typeof(MetricExplanations).GetProperties(BindingFlags.Public | BindingFlags.Static)
            .Where(p => p.PropertyType == typeof(MetricExplanation))
            .Select(p => (MetricExplanation)p.GetValue(null)!)
            .ToList();

        Assert.Equal(properties.Count, MetricExplanations.All.Count);
        Assert.Equal(properties.Count, MetricExplanations.All.Select(e => e.Key).Distinct().Count());
        Assert.All(MetricExplanations.All, e =>
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Title));
            Assert.False(string.IsNullOrWhiteSpace(e.Meaning));
            Assert.False(string.IsNullOrWhiteSpace(e.Range));
        });
    }

    [Fact]
    public void Explanations_use_the_projects_words()
    {
        string[] avoided = ["client", "case", "service user"];
        foreach (var e in MetricExplanations.All)
        {
            var text = string.Join(' ', e.Title, e.Meaning, e.HighMeans, e.LowMeans, e.Range);
            Assert.DoesNotContain(avoided, word => text.Contains(word, StringComparison.OrdinalIgnoreCase));
        }

        Assert.Equal("People others route through", MetricExplanations.Find("betweenness")!.Title);
        Assert.Null(MetricExplanations.Find("no-such-metric"));
    }
}
