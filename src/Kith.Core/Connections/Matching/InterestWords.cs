using Kith.Core.People.Strengths;

namespace Kith.Core.Connections.Matching;

/// <summary>
/// The words of a strength or goal that are worth matching, and whether an asset's word matches one. Deliberately
/// small and predictable (docs/adr/0018-connections-lifecycle-and-matching.md): fold, drop short and common words,
/// strip a few English endings, then compare stems.
/// </summary>
public static class InterestWords
{
    /// <summary>At most this many keywords are kept from one strength or goal, in the order written.</summary>
    public const int MaxKeywords = 8;

    private static readonly HashSet<string> Common = new(StringComparer.Ordinal)
    {
        "the", "and", "for", "with", "from", "that", "this", "have", "has", "had", "was", "were", "are", "but", "not",
        "you", "your", "our", "ours", "their", "they", "them", "his", "her", "hers", "she", "him", "its", "who", "what",
        "when", "where", "how", "why", "all", "any", "can", "could", "would", "should", "will", "just", "very", "really",
        "more", "most", "some", "into", "onto", "about", "again", "back", "get", "got", "getting", "want", "wants", "wanted",
        "like", "likes", "love", "loves", "enjoy", "enjoys", "good", "great", "able", "make", "doing", "being", "going",
        "other", "people", "things", "thing", "lot", "lots", "also", "too", "out", "off", "over", "used", "use", "one",
    };

    private static readonly (string Ending, string Replacement)[] Endings =
    [
        ("ing", ""), ("ers", ""), ("ies", "y"), ("er", ""), ("es", ""), ("ed", ""), ("s", ""),
    ];

    /// <summary>The stems worth matching in <paramref name="words"/>, distinct, in the order written (at most <see cref="MaxKeywords"/>).</summary>
    public static IReadOnlyList<string> Keywords(string? words) => Kept(words).Select(w => w.Stem).ToList();

    /// <summary>The words behind <see cref="Keywords"/>, folded but not stemmed, joined by spaces: the text to give the directory search.</summary>
    public static string QueryText(string? words) => string.Join(' ', Kept(words).Select(w => w.Word));

    private static List<(string Word, string Stem)> Kept(string? words)
    {
        var result = new List<(string Word, string Stem)>();
        foreach (var word in MatchText.Fold(words).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (word.Length < 3 || Common.Contains(word) || word.All(char.IsDigit))
            {
                continue;
            }

            var stem = Stem(word);
            if (!result.Exists(w => w.Stem == stem))
            {
                result.Add((word, stem));
            }

            if (result.Count == MaxKeywords)
            {
                break;
            }
        }

        return result;
    }

    /// <summary>Every stem in an asset's text, for <see cref="Matches"/>.</summary>
    public static HashSet<string> StemsOf(IEnumerable<string?> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var stems = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            foreach (var word in MatchText.Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (word.Length >= 3)
                {
                    stems.Add(Stem(word));
                }
            }
        }

        return stems;
    }

    /// <summary>
    /// Whether a keyword stem matches any of the asset's stems: the same stem, or one beginning the other when the
    /// shorter has 3 letters or more and the longer at most 3 more ("cook" and "cookery", not "art" and "arthritis").
    /// </summary>
    public static bool Matches(string keyword, IReadOnlySet<string> assetStems)
    {
        ArgumentNullException.ThrowIfNull(keyword);
        ArgumentNullException.ThrowIfNull(assetStems);
        if (assetStems.Contains(keyword))
        {
            return true;
        }

        foreach (var stem in assetStems)
        {
            var (shorter, longer) = stem.Length <= keyword.Length ? (stem, keyword) : (keyword, stem);
            if (shorter.Length >= 3 && longer.Length - shorter.Length <= 3 && longer.StartsWith(shorter, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A folded word without one English ending: "-ing", "-ers", "-er", "-ies" (to "y"), "-es", "-ed", "-s"; a doubled
    /// last letter left by "-ing" or "-ed" is undoubled ("knitting" → "knit"). The stem keeps at least 3 letters.
    /// </summary>
    public static string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        foreach (var (ending, replacement) in Endings)
        {
            if (word.Length - ending.Length >= 3 && word.EndsWith(ending, StringComparison.Ordinal) && !(ending == "s" && word.EndsWith("ss", StringComparison.Ordinal)))
            {
                var stem = string.Concat(word.AsSpan(0, word.Length - ending.Length), replacement);
                if (ending is "ing" or "ed" && stem.Length >= 4 && stem[^1] == stem[^2] && stem[^1] is not ('l' or 's' or 'z'))
                {
                    stem = stem[..^1];
                }

                return stem;
            }
        }

        return word;
    }
}
