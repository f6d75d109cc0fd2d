using System.Numerics;

namespace Kith.Core.Directory.Search;

/// <summary>
/// Finds the indexed words a mistyped query word was probably meant to be: words within an edit distance of 1
/// (for a query word of 4 to 7 letters) or 2 (8 or more), counting a swap of two neighbouring letters as one edit
/// ("gardning" → "gardening"). Shorter words are never corrected. The words are held by length with a bit set of
/// the letters in each, so a lookup reads only words of a near length whose letters nearly agree before it
/// measures any distance. Immutable; built from the vocabulary's surface words.
/// </summary>
internal sealed class TypoMatcher
{
    /// <summary>The shortest query word that is corrected.</summary>
    public const int MinLength = 4;

    /// <summary>From this length up, two edits are allowed instead of one.</summary>
    public const int TwoEditsFrom = 8;

    /// <summary>The most corrections one word expands to.</summary>
    public const int MaxCorrections = 5;

    private readonly Dictionary<int, (string[] Words, ulong[] Letters, int[] StemIds)> byLength;

    private TypoMatcher(Dictionary<int, (string[], ulong[], int[])> byLength) => this.byLength = byLength;

    public static TypoMatcher Build(string[] surfaces, int[] stemIds)
    {
        ArgumentNullException.ThrowIfNull(surfaces);
        ArgumentNullException.ThrowIfNull(stemIds);
        var groups = new Dictionary<int, (List<string> Words, List<ulong> Letters, List<int> StemIds)>();
        for (var i = 0; i < surfaces.Length; i++)
        {
            var word = surfaces[i];
            if (word.Length < MinLength - 2 || char.IsDigit(word[0]))
            {
                continue;
            }

            if (!groups.TryGetValue(word.Length, out var group))
            {
                groups[word.Length] = group = ([], [], []);
            }

            group.Words.Add(word);
            group.Letters.Add(Letters(word));
            group.StemIds.Add(stemIds[i]);
        }

        return new TypoMatcher(groups.ToDictionary(g => g.Key, g => (g.Value.Words.ToArray(), g.Value.Letters.ToArray(), g.Value.StemIds.ToArray())));
    }

    /// <summary>How many edits a query word of this length may be away from an indexed word; 0 when too short to correct.</summary>
    public static int AllowedEdits(int length) => length < MinLength ? 0 : length < TwoEditsFrom ? 1 : 2;

    /// <summary>The closest indexed words (all at the smallest distance found, at most <see cref="MaxCorrections"/>), with their stem ids.</summary>
    public List<(string Word, int StemId)> Corrections(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var result = new List<(string Word, int StemId)>();
        var allowed = AllowedEdits(word.Length);
        if (allowed == 0 || char.IsDigit(word[0]))
        {
            return result;
        }

        var letters = Letters(word);
        var best = allowed + 1;
        for (var length = word.Length - allowed; length <= word.Length + allowed; length++)
        {
            if (!byLength.TryGetValue(length, out var group))
            {
                continue;
            }

            for (var i = 0; i < group.Words.Length; i++)
            {
                // Each edit changes at most two letters of the set of letters used.
                if (BitOperations.PopCount(letters ^ group.Letters[i]) > 2 * allowed)
                {
                    continue;
                }

                var distance = Distance(word, group.Words[i], Math.Min(allowed, best));
                if (distance < best)
                {
                    best = distance;
                    result.Clear();
                }

                if (distance == best && distance <= allowed && result.Count < MaxCorrections && !result.Exists(r => r.StemId == group.StemIds[i]))
                {
                    result.Add((group.Words[i], group.StemIds[i]));
                }
            }
        }

        result.Sort((a, b) => string.CompareOrdinal(a.Word, b.Word));
        return result;
    }

    /// <summary>Optimal string alignment distance (Levenshtein with adjacent swaps), or <paramref name="limit"/> + 1 once it must exceed the limit.</summary>
    internal static int Distance(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
        {
            return limit + 1;
        }

        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMinimum = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }

                current[j] = value;
                rowMinimum = Math.Min(rowMinimum, value);
            }

            if (rowMinimum > limit)
            {
                return limit + 1;
            }

            (previous2, previous, current) = (previous, current, previous2);
        }

        return Math.Min(previous[b.Length], limit + 1);
    }

    private static ulong Letters(string word)
    {
        var mask = 0UL;
        foreach (var c in word)
        {
            mask |= c is >= 'a' and <= 'z' ? 1UL << (c - 'a') : c is >= '0' and <= '9' ? 1UL << (26 + c - '0') : 1UL << 63;
        }

        return mask;
    }
}
