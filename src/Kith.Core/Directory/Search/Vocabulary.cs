using System.Collections.Concurrent;

namespace Kith.Core.Directory.Search;

/// <summary>
/// Every word stem (and every folded surface word) the index has seen, each with a dense int id, so documents and
/// postings hold ints instead of strings. Append-only and thread-safe: documents are built in parallel, and a
/// refresh adds words while searches read. A full rebuild starts a new vocabulary, so words nothing uses any more
/// do not pile up.
/// </summary>
/// <summary>What <see cref="Vocabulary.ForEachStem"/> does with each word's stem id.</summary>
internal delegate void StemAction<TState>(ref TState state, int stemId);

internal sealed class Vocabulary
{
    private readonly ConcurrentDictionary<string, int> ids = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> surfaces = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> surfacesBySpan;
    private readonly Lock gate = new();
    private string[] stems = new string[1024];
    private int count;

    public Vocabulary() => surfacesBySpan = surfaces.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>How many stems have ids.</summary>
    public int Count => Volatile.Read(ref count);

    /// <summary>How many distinct surface words have been seen.</summary>
    public int SurfaceCount => surfaces.Count;

    /// <summary>The stem with this id.</summary>
    public string Stem(int id) => Volatile.Read(ref stems)[id];

    public bool TryGetId(string stem, out int id) => ids.TryGetValue(stem, out id);

    /// <summary>The id of a stem, giving it the next id when it is new.</summary>
    public int Id(string stem)
    {
        if (ids.TryGetValue(stem, out var id))
        {
            return id;
        }

        lock (gate)
        {
            if (ids.TryGetValue(stem, out id))
            {
                return id;
            }

            id = count;
            if (id == stems.Length)
            {
                var grown = new string[stems.Length * 2];
                Array.Copy(stems, grown, stems.Length);
                Volatile.Write(ref stems, grown);
            }

            stems[id] = stem;
            Volatile.Write(ref count, id + 1);
            ids[stem] = id;
            return id;
        }
    }

    /// <summary>
    /// Calls <paramref name="stem"/> with the stem id of each word of the text, in order, tokenised exactly as
    /// <see cref="SearchText.Tokenise"/> does; a word seen before costs a lookup by span and no allocation.
    /// </summary>
    /// <returns>How many words the text has.</returns>
    public int ForEachStem<TState>(string? text, ref TState state, StemAction<TState> stem)
    {
        ArgumentNullException.ThrowIfNull(stem);
        if (string.IsNullOrEmpty(text))
        {
            return 0;
        }

        // The usual case, ASCII text, is lower-cased into a buffer without a new string; the rest is folded fully.
        char[]? rented = null;
        Span<char> stackBuffer = stackalloc char[512];
        scoped ReadOnlySpan<char> folded;
        if (System.Text.Ascii.IsValid(text) && !text.Contains('\'', StringComparison.Ordinal))
        {
            var buffer = text.Length <= stackBuffer.Length ? stackBuffer[..text.Length] : (rented = System.Buffers.ArrayPool<char>.Shared.Rent(text.Length)).AsSpan(0, text.Length);
            System.Text.Ascii.ToLower(text, buffer, out _);
            folded = buffer;
        }
        else
        {
            folded = SearchText.Fold(text);
        }

        var words = 0;
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
                if (!surfacesBySpan.TryGetValue(word, out var id))
                {
                    var surface = word.ToString();
                    id = Id(SearchText.Stem(surface));
                    AddSurface(surface, id);
                }

                stem(ref state, id);
                words++;
                start = -1;
            }
        }

        if (rented is not null)
        {
            System.Buffers.ArrayPool<char>.Shared.Return(rented);
        }

        return words;
    }

    /// <summary>Records a folded word and the id of its stem (for prefix and typo matching of the words people type).</summary>
    public void AddSurface(string surface, int stemId) => surfaces.TryAdd(surface, stemId);

    /// <summary>Every surface word with its stem id, sorted ordinally by surface.</summary>
    public (string[] Surfaces, int[] StemIds) SortedSurfaces()
    {
        var pairs = surfaces.ToArray();
        var keys = new string[pairs.Length];
        var values = new int[pairs.Length];
        for (var i = 0; i < pairs.Length; i++)
        {
            keys[i] = pairs[i].Key;
            values[i] = pairs[i].Value;
        }

        Array.Sort(keys, values, StringComparer.Ordinal);
        return (keys, values);
    }
}
