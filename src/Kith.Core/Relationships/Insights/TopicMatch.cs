using System.Globalization;
using System.Text;

namespace Kith.Core.Relationships.Insights;

/// <summary>
/// A topic or decision as a manager typed it ("mental health in Northfield"), split into the words that matter, and
/// the rules that match it against an actor's topic lists and area. The rules, in plain words:
/// <list type="bullet">
/// <item>Words are compared ignoring case and punctuation; small words ("in", "and", "the", "for", …) are dropped, and a
/// plural "s" is ignored ("services" matches "service").</item>
/// <item>An area is named when every word of an actor's <see cref="RelationshipActor.Area"/> appears in the topic
/// ("Northfield"). The words left once the named areas are taken out are the <em>subject</em> ("mental health").</item>
/// <item>A list entry ("mental health") matches when all its words are in the subject, or all the subject's words are in
/// the entry (so the subject "mental health" also matches "mental health and wellbeing").</item>
/// </list>
/// </summary>
public sealed class TopicMatch
{
    private static readonly HashSet<string> SmallWords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "the", "of", "in", "on", "at", "for", "to", "with", "about", "by", "from", "into", "or",
        "our", "their", "its", "is", "are", "be", "we", "us", "all", "across", "around", "within", "plan", "decision",
    };

    private readonly HashSet<string> subject;

    private TopicMatch(string text, IReadOnlyList<string> words, IReadOnlyList<string> areas, HashSet<string> subject)
    {
        Text = text;
        Words = words;
        Areas = areas;
        this.subject = subject;
    }

    /// <summary>The topic as typed, trimmed.</summary>
    public string Text { get; }

    /// <summary>Every word that matters, in order.</summary>
    public IReadOnlyList<string> Words { get; }

    /// <summary>The areas the topic names, as actors spell them ("Northfield").</summary>
    public IReadOnlyList<string> Areas { get; }

    /// <summary>Whether the topic has words besides the areas it names.</summary>
    public bool HasSubject => subject.Count > 0;

    /// <summary>Splits <paramref name="text"/>, finding which of <paramref name="knownAreas"/> it names.</summary>
    public static TopicMatch Parse(string text, IEnumerable<string?> knownAreas)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(knownAreas);
        var words = WordsOf(text);
        var present = words.ToHashSet(StringComparer.Ordinal);
        var areas = new List<string>();
        var areaWords = new HashSet<string>(StringComparer.Ordinal);
        foreach (var area in knownAreas.Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a!.Trim()).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var own = WordsOf(area);
            if (own.Count > 0 && own.All(present.Contains))
            {
                areas.Add(area);
                areaWords.UnionWith(own);
            }
        }

        var subject = words.Where(w => !areaWords.Contains(w)).ToHashSet(StringComparer.Ordinal);
        return new TopicMatch(text.Trim(), words, areas.OrderBy(a => a, StringComparer.OrdinalIgnoreCase).ToList(), subject);
    }

    /// <summary>The entries of a ';'-separated list (<see cref="RelationshipActor.SplitList"/>) that match the subject, as written.</summary>
    public IReadOnlyList<string> MatchingEntries(string? list)
    {
        if (subject.Count == 0)
        {
            return [];
        }

        var found = new List<string>();
        foreach (var entry in RelationshipActor.SplitList(list))
        {
            var own = WordsOf(entry);
            if (own.Count == 0)
            {
                continue;
            }

            var ownSet = own.ToHashSet(StringComparer.Ordinal);
            if (own.All(subject.Contains) || subject.All(ownSet.Contains))
            {
                found.Add(entry);
            }
        }

        return found;
    }

    /// <summary>Whether an actor's area is one the topic names.</summary>
    public bool NamesArea(string? area) =>
        !string.IsNullOrWhiteSpace(area) && Areas.Contains(area.Trim(), StringComparer.OrdinalIgnoreCase);

    /// <summary>Lower-case words of letters and digits, small words dropped, a final plural "s" taken off.</summary>
    internal static List<string> WordsOf(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            if (char.IsLetterOrDigit(c))
            {
                current.Append(char.ToLower(c, CultureInfo.InvariantCulture));
            }
            else if (c is '\'' or '\u2019')
            {
                // "Children's" reads as "childrens" → "children".
            }
            else
            {
                Flush();
            }
        }

        Flush();
        return words;

        void Flush()
        {
            if (current.Length == 0)
            {
                return;
            }

            var word = current.ToString();
            current.Clear();
            if (SmallWords.Contains(word))
            {
                return;
            }

            if (word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal))
            {
                word = word[..^1];
            }

            words.Add(word);
        }
    }
}
