using System.Collections.Concurrent;

namespace Kith.Core.Directory.Search;

/// <summary>
/// Every word stem (and every folded surface word) the index has seen, each with a dense int id, so documents and
/// postings hold ints instead of strings. Append-only and thread-safe: documents are built in parallel, and a
/// refresh adds words while searches read. A full rebuild starts a new vocabulary, so words nothing uses any more
/// do not pile up.
/// </summary>
internal sealed class Vocabulary
{
    private readonly ConcurrentDictionary<string, int> ids = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> surfaces = new(StringComparer.Ordinal);
    private readonly Lock gate = new();
    private string[] stems = new string[1024];
    private int count;

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
