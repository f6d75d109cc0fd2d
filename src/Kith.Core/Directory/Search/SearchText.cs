using System.Globalization;
using System.Text;

namespace Kith.Core.Directory.Search;

/// <summary>One word of text: as folded (lower case, accents and punctuation gone) and as stemmed for matching.</summary>
internal readonly record struct SearchToken(string Surface, string Stem);

/// <summary>
/// Turns text into search tokens: lower case, accents folded ("café" → "cafe"), split on anything that
/// is not a letter or digit, apostrophes dropped ("men's" → "mens"), then a light English stemmer so
/// "walks", "walking" and "walked" all match "walk".
/// </summary>
internal static class SearchText
{
    /// <summary>The longest query text read; the rest is ignored.</summary>
    public const int MaxQueryLength = 500;

    /// <summary>The most words of a query used.</summary>
    public const int MaxQueryTokens = 16;

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "the", "for", "in", "of", "on", "or", "to", "with", "at", "near", "me", "my", "by", "is",
    };

    public static List<SearchToken> Tokenise(string? text, int maxLength = int.MaxValue)
    {
        var tokens = new List<SearchToken>();
        if (string.IsNullOrEmpty(text))
        {
            return tokens;
        }

        if (text.Length > maxLength)
        {
            text = text[..maxLength];
        }

        var folded = Fold(text);
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var isWordChar = i < folded.Length && char.IsLetterOrDigit(folded[i]);
            if (isWordChar && start < 0)
            {
                start = i;
            }
            else if (!isWordChar && start >= 0)
            {
                var word = folded[start..i];
                tokens.Add(new SearchToken(word, Stem(word)));
                start = -1;
            }
        }

        return tokens;
    }

    /// <summary>The query's words worth matching: stop words dropped unless nothing else is left.</summary>
    public static List<SearchToken> QueryTokens(string? text)
    {
        var all = Tokenise(text, MaxQueryLength);
        var kept = all.Where(t => !StopWords.Contains(t.Surface)).ToList();
        var tokens = kept.Count > 0 ? kept : all;
        return tokens.DistinctBy(t => t.Stem).Take(MaxQueryTokens).ToList();
    }

    /// <summary>Lower case, accents removed, apostrophes dropped so "men's" reads as one word.</summary>
    public static string Fold(string text)
    {
        if (System.Text.Ascii.IsValid(text))
        {
            // The usual case: no accents to fold, so lower-case and drop apostrophes without normalising.
            return text.Contains('\'', StringComparison.Ordinal)
                ? text.Replace("'", string.Empty, StringComparison.Ordinal).ToLowerInvariant()
                : text.ToLowerInvariant();
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark || c is '\'' or '\u2019')
            {
                continue;
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>
    /// A light English stemmer: plurals (-ies, -es, -s), -ing and -ed, a doubled final consonant after
    /// those ("swimming" → "swim"), then a final silent e ("dance" and "dancing" → "danc"). Words of
    /// three letters or fewer, and numbers, are left alone.
    /// </summary>
    public static string Stem(string word)
    {
        if (word.Length <= 3 || char.IsDigit(word[0]))
        {
            return word;
        }

        var w = word;
        if (w.EndsWith("ies", StringComparison.Ordinal) && w.Length > 4)
        {
            w = w[..^3] + "y";
        }
        else if (w.EndsWith("sses", StringComparison.Ordinal))
        {
            w = w[..^2];
        }
        else if (w.EndsWith("ches", StringComparison.Ordinal) || w.EndsWith("shes", StringComparison.Ordinal) || w.EndsWith("xes", StringComparison.Ordinal))
        {
            w = w[..^2];
        }
        else if (w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) && !w.EndsWith("us", StringComparison.Ordinal) && !w.EndsWith("is", StringComparison.Ordinal))
        {
            w = w[..^1];
        }

        var stripped = false;
        if (w.EndsWith("ing", StringComparison.Ordinal) && w.Length > 5)
        {
            w = w[..^3];
            stripped = true;
        }
        else if (w.EndsWith("ed", StringComparison.Ordinal) && w.Length > 4 && !w.EndsWith("eed", StringComparison.Ordinal))
        {
            w = w[..^2];
            stripped = true;
        }

        if (stripped && w.Length > 2 && w[^1] == w[^2] && !IsVowel(w[^1]) && w[^1] is not ('l' or 's' or 'z'))
        {
            w = w[..^1];
        }

        if (w.Length > 3 && w.EndsWith('e') && !w.EndsWith("ee", StringComparison.Ordinal))
        {
            w = w[..^1];
        }

        return w;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';
}
