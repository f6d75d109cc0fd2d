namespace Kith.Core.Directory.Search;

/// <summary>One entry of a posting list: a document ordinal and the stem's <see cref="FieldCounts"/> in it, packed.</summary>
internal readonly record struct Posting(int Ordinal, uint Counts);

/// <summary>The immutable view a search reads.</summary>
public sealed partial class AssetSearchIndex
{
    /// <summary>
    /// An immutable view of the index: documents, packed columns, postings (stem id → documents with their counts,
    /// ascending by ordinal), the spatial grid, and the sorted surface words for prefixes and typos. Never changed
    /// once published: <see cref="WithUpsert"/> and <see cref="WithRemoved"/> return a new snapshot that shares
    /// every array they did not need to change.
    /// </summary>
    private sealed class Snapshot
    {
        public static readonly Snapshot Empty = Build([], new DocumentBuilder([], new Vocabulary()));

        private readonly Lazy<TypoMatcher> typos;

        private Snapshot(
            AssetDocument[] documents,
            DocumentColumns[] columns,
            Dictionary<Guid, int> byId,
            Posting[][] postings,
            SpatialGrid grid,
            int[] onlineOnly,
            Vocabulary vocabulary,
            (string[] Surfaces, int[] StemIds) surfaces,
            (long Name, long Terms, long Body) lengths,
            Lazy<TypoMatcher>? typos = null)
        {
            Documents = documents;
            Columns = columns;
            ById = byId;
            Postings = postings;
            Grid = grid;
            OnlineOnly = onlineOnly;
            Vocabulary = vocabulary;
            Surfaces = surfaces.Surfaces;
            SurfaceStems = surfaces.StemIds;
            Lengths = lengths;
            var count = Math.Max(1, documents.Length);
            AverageNameLength = (double)lengths.Name / count;
            AverageTermsLength = (double)lengths.Terms / count;
            AverageBodyLength = (double)lengths.Body / count;
            this.typos = typos ?? new Lazy<TypoMatcher>(() => TypoMatcher.Build(Surfaces, SurfaceStems));
        }

        public AssetDocument[] Documents { get; }

        /// <summary>Per document ordinal, the packed facts the prefilter and the text score read.</summary>
        public DocumentColumns[] Columns { get; }

        public Dictionary<Guid, int> ById { get; }

        /// <summary>By stem id; may be shorter than the vocabulary (see <see cref="PostingsOf"/>).</summary>
        public Posting[][] Postings { get; }

        public SpatialGrid Grid { get; }

        /// <summary>Ordinals of documents with no physical location that are online: a radius search asking for online includes them.</summary>
        public int[] OnlineOnly { get; }

        public Vocabulary Vocabulary { get; }

        /// <summary>Every folded word, sorted ordinally, with its stem id at the same index of <see cref="SurfaceStems"/>. May keep words no document has any more; they match nothing.</summary>
        public string[] Surfaces { get; }

        public int[] SurfaceStems { get; }

        /// <summary>Corrections for typos, built on first use.</summary>
        public TypoMatcher Typos => typos.Value;

        public double AverageNameLength { get; }

        public double AverageTermsLength { get; }

        public double AverageBodyLength { get; }

        private (long Name, long Terms, long Body) Lengths { get; }

        public static Snapshot Build(AssetDocument[] documents, DocumentBuilder builder)
        {
            var vocabulary = builder.Vocabulary;
            var byId = new Dictionary<Guid, int>(documents.Length);
            var frequencies = new int[vocabulary.Count];
            long name = 0, terms = 0, body = 0;
            var online = new List<int>();
            for (var ordinal = 0; ordinal < documents.Length; ordinal++)
            {
                var document = documents[ordinal];
                byId[document.Id] = ordinal;
                name += document.NameLength;
                terms += document.TermsLength;
                body += document.BodyLength;
                foreach (var id in document.DecodeWordIds())
                {
                    frequencies[id]++;
                }

                if (!document.HasPhysicalLocation && document.IsOnline)
                {
                    online.Add(ordinal);
                }
            }

            var postings = new Posting[frequencies.Length][];
            for (var id = 0; id < postings.Length; id++)
            {
                postings[id] = frequencies[id] == 0 ? [] : new Posting[frequencies[id]];
                frequencies[id] = 0;
            }

            for (var ordinal = 0; ordinal < documents.Length; ordinal++)
            {
                var document = documents[ordinal];
                var ids = document.DecodeWordIds();
                var counts = document.PendingCounts ?? throw new InvalidOperationException("A document can join only one snapshot as new.");
                for (var i = 0; i < ids.Length; i++)
                {
                    var id = ids[i];
                    postings[id][frequencies[id]++] = new Posting(ordinal, counts[i]);
                }

                document.ReleaseCounts();
            }

            var columns = new DocumentColumns[documents.Length];
            Parallel.For(0, documents.Length, ordinal => columns[ordinal] = DocumentColumns.From(documents[ordinal]));
            return new Snapshot(documents, columns, byId, postings, SpatialGrid.Build(documents), [.. online], vocabulary, vocabulary.SortedSurfaces(), (name, terms, body));
        }

        /// <summary>The postings of a stem; none for a stem added to the vocabulary after this snapshot was made.</summary>
        public Posting[] PostingsOf(int stemId) => stemId < Postings.Length ? Postings[stemId] : [];

        /// <summary>The packed <see cref="FieldCounts"/> of a stem in the document at an ordinal, or null when it lacks the stem.</summary>
        public uint? CountsOf(int stemId, int ordinal)
        {
            var postings = PostingsOf(stemId);
            var index = Find(postings, ordinal);
            return index >= 0 ? postings[index].Counts : null;
        }

        /// <summary>How many documents have the stem.</summary>
        public int DocumentFrequency(int stemId) => PostingsOf(stemId).Length;

        /// <summary>This snapshot with the document added, or replacing the one with its id.</summary>
        public Snapshot WithUpsert(AssetDocument document)
        {
            var postings = Grown(Postings, Vocabulary.Count);
            var newIds = document.DecodeWordIds();
            var newCounts = document.PendingCounts ?? throw new InvalidOperationException("A document can join only one snapshot as new.");
            var lengths = (Name: Lengths.Name + document.NameLength, Terms: Lengths.Terms + document.TermsLength, Body: Lengths.Body + document.BodyLength);
            AssetDocument[] documents;
            DocumentColumns[] columns;
            Dictionary<Guid, int> byId;
            SpatialGrid grid;
            if (ById.TryGetValue(document.Id, out var ordinal))
            {
                var old = Documents[ordinal];
                documents = (AssetDocument[])Documents.Clone();
                columns = (DocumentColumns[])Columns.Clone();
                byId = ById;
                lengths = (lengths.Name - old.NameLength, lengths.Terms - old.TermsLength, lengths.Body - old.BodyLength);
                var oldIds = old.DecodeWordIds();
                foreach (var id in oldIds)
                {
                    var index = Array.BinarySearch(newIds, id);
                    if (index < 0)
                    {
                        postings[id] = WithoutPosting(postings[id], ordinal);
                    }
                    else if (CountsOf(id, ordinal) is not { } counts || counts != newCounts[index])
                    {
                        postings[id] = WithPosting(postings[id], new Posting(ordinal, newCounts[index]));
                    }
                }

                for (var i = 0; i < newIds.Length; i++)
                {
                    if (Array.BinarySearch(oldIds, newIds[i]) < 0)
                    {
                        postings[newIds[i]] = WithPosting(postings[newIds[i]], new Posting(ordinal, newCounts[i]));
                    }
                }

                grid = Grid.Without(old, ordinal).With(document, ordinal);
            }
            else
            {
                ordinal = Documents.Length;
                documents = [.. Documents, document];
                columns = [.. Columns, default];
                byId = new Dictionary<Guid, int>(ById) { [document.Id] = ordinal };
                for (var i = 0; i < newIds.Length; i++)
                {
                    postings[newIds[i]] = WithPosting(postings[newIds[i]], new Posting(ordinal, newCounts[i]));
                }

                grid = Grid.With(document, ordinal);
            }

            documents[ordinal] = document;
            columns[ordinal] = DocumentColumns.From(document);
            document.ReleaseCounts();
            var onlineOnly = OnlineOnly.Where(o => o != ordinal).ToList();
            if (!document.HasPhysicalLocation && document.IsOnline)
            {
                onlineOnly.Add(ordinal);
                onlineOnly.Sort();
            }

            var sameWords = Vocabulary.SurfaceCount == Surfaces.Length;
            return new Snapshot(
                documents, columns, byId, postings, grid, [.. onlineOnly], Vocabulary,
                sameWords ? (Surfaces, SurfaceStems) : Vocabulary.SortedSurfaces(), lengths, sameWords ? typos : null);
        }

        /// <summary>This snapshot without the document; the last document takes its ordinal.</summary>
        public Snapshot WithRemoved(Guid id)
        {
            if (!ById.TryGetValue(id, out var ordinal))
            {
                return this;
            }

            var removed = Documents[ordinal];
            var last = Documents.Length - 1;
            var postings = (Posting[][])Postings.Clone();
            foreach (var stem in removed.DecodeWordIds())
            {
                postings[stem] = WithoutPosting(postings[stem], ordinal);
            }

            var documents = Documents[..last];
            var columns = Columns[..last];
            var byId = new Dictionary<Guid, int>(ById);
            byId.Remove(id);
            var grid = Grid.Without(removed, ordinal);
            var onlineOnly = OnlineOnly.Where(o => o != ordinal).ToList();
            if (ordinal != last)
            {
                var moved = Documents[last];
                documents[ordinal] = moved;
                columns[ordinal] = Columns[last];
                byId[moved.Id] = ordinal;
                foreach (var stem in moved.DecodeWordIds())
                {
                    var counts = CountsOf(stem, last) ?? 0;
                    postings[stem] = WithPosting(WithoutPosting(postings[stem], last), new Posting(ordinal, counts));
                }

                grid = grid.Without(moved, last).With(moved, ordinal);
                if (onlineOnly.Remove(last))
                {
                    onlineOnly.Add(ordinal);
                    onlineOnly.Sort();
                }
            }

            var lengths = (Lengths.Name - removed.NameLength, Lengths.Terms - removed.TermsLength, Lengths.Body - removed.BodyLength);
            return new Snapshot(documents, columns, byId, postings, grid, [.. onlineOnly], Vocabulary, (Surfaces, SurfaceStems), lengths, typos);
        }

        public IEnumerable<int> StemsStartingWith(string prefix, int limit)
        {
            var index = Array.BinarySearch(Surfaces, prefix, StringComparer.Ordinal);
            if (index < 0)
            {
                index = ~index;
            }

            var seen = new HashSet<int>();
            for (; index < Surfaces.Length && seen.Count < limit && Surfaces[index].StartsWith(prefix, StringComparison.Ordinal); index++)
            {
                if (seen.Add(SurfaceStems[index]))
                {
                    yield return SurfaceStems[index];
                }
            }
        }

        private static Posting[][] Grown(Posting[][] postings, int size)
        {
            var result = new Posting[Math.Max(size, postings.Length)][];
            Array.Copy(postings, result, postings.Length);
            for (var i = postings.Length; i < result.Length; i++)
            {
                result[i] = [];
            }

            return result;
        }

        /// <summary>A copy of the sorted list with the posting in its place (replacing one for the same ordinal).</summary>
        private static Posting[] WithPosting(Posting[] postings, Posting posting)
        {
            var index = Find(postings, posting.Ordinal);
            if (index >= 0)
            {
                var copy = (Posting[])postings.Clone();
                copy[index] = posting;
                return copy;
            }

            index = ~index;
            var result = new Posting[postings.Length + 1];
            Array.Copy(postings, result, index);
            result[index] = posting;
            Array.Copy(postings, index, result, index + 1, postings.Length - index);
            return result;
        }

        private static Posting[] WithoutPosting(Posting[] postings, int ordinal)
        {
            var index = Find(postings, ordinal);
            if (index < 0)
            {
                return postings;
            }

            var result = new Posting[postings.Length - 1];
            Array.Copy(postings, result, index);
            Array.Copy(postings, index + 1, result, index, postings.Length - index - 1);
            return result;
        }

        /// <summary>Binary search by ordinal: the index, or its complement where it would go.</summary>
        private static int Find(Posting[] postings, int ordinal)
        {
            int low = 0, high = postings.Length - 1;
            while (low <= high)
            {
                var middle = low + ((high - low) / 2);
                var value = postings[middle].Ordinal;
                if (value == ordinal)
                {
                    return middle;
                }

                if (value < ordinal)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle - 1;
                }
            }

            return ~low;
        }
    }
}
