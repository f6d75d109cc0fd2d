namespace Kith.Core.Directory.Search;

/// <summary>The ways one search gathers its candidates; every way ends in <see cref="Run.Consider"/>, which filters and ranks the same.</summary>
public sealed partial class AssetSearchIndex
{
    /// <summary>One search in progress: the candidates it has ranked so far (best kept in <see cref="Top"/>) and how many matched.</summary>
    private sealed class Run(Snapshot snapshot, AssetSearchCriteria criteria, Query query, Prefilter prefilter, DateOnly today, TopK top)
    {
        /// <summary>Computed once a search: ranking asks for it for every candidate.</summary>
        private readonly int staleBefore = StaleBefore(today);

        public TopK Top { get; } = top;

        public int Total { get; private set; }

        /// <summary>Every document, in ordinal order (no text).</summary>
        public void CollectAll()
        {
            for (var ordinal = 0; ordinal < snapshot.Documents.Length; ordinal++)
            {
                Consider(ordinal, 1.0);
            }
        }

        /// <summary>
        /// Text: each query word's postings add its best stem's BM25F into per-document scratch, counting the words
        /// each document matched; then documents with every word are ranked, or, when none passes the filters,
        /// those with any word. With <paramref name="scan"/>, the same from each document's own words instead.
        /// </summary>
        public void CollectText(bool scan)
        {
            if (!scan && criteria.RadiusKm is null && query.Tokens is [{ Stems: [var only] }])
            {
                CollectOneStem(only);
                return;
            }

            var scratch = Scratch.For(snapshot.Documents.Length);
            var words = query.Tokens.Count;
            var everyWordTried = false;
            List<int> touched;
            if (scan)
            {
                touched = ScoreByDocument(scratch, Enumerable.Range(0, snapshot.Documents.Length));
            }
            else if (criteria is { Near: { } near, RadiusKm: { } radiusKm })
            {
                // Few documents near the searcher: look their words up; many: read the postings, keeping those in the region.
                var region = Region(near, radiusKm, scratch);
                if (region.Count * LookupCost * Math.Max(1, query.Tokens.Sum(t => t.Stems.Count)) < Postings())
                {
                    touched = ScoreByDocument(scratch, region);
                }
                else
                {
                    if (words > 1)
                    {
                        everyWordTried = true;
                        if (CollectEveryWord(scratch, scratch.RegionStamp))
                        {
                            return;
                        }
                    }

                    touched = ScoreByPostings(scratch, scratch.RegionStamp);
                }
            }
            else
            {
                if (words > 1)
                {
                    everyWordTried = true;
                    if (CollectEveryWord(scratch, inRegion: null))
                    {
                        return;
                    }
                }

                touched = ScoreByPostings(scratch, inRegion: null);
            }

            foreach (var needed in words > 1 && !everyWordTried ? new[] { words, 1 } : [1])
            {
                foreach (var ordinal in touched)
                {
                    if (scratch.Matched[ordinal] < needed)
                    {
                        continue;
                    }

                    if (scan)
                    {
                        Consider(ordinal, scratch.Total[ordinal]);
                    }
                    else
                    {
                        ConsiderText(ordinal, scratch.Total[ordinal]);
                    }
                }

                if (Total > 0)
                {
                    return;
                }
            }
        }

        /// <summary>
        /// Several words, every one needed: the rarest word's postings give the candidates (those the prefilter admits
        /// and, given <paramref name="inRegion"/>, the region holds), and each other word, rarest first, keeps the
        /// candidates it has, found by galloping through its postings (both are in ordinal order), so a common word's
        /// long list is skipped through rather than read. Each candidate's score is the sum of each word's best stem,
        /// as in <see cref="ScoreByPostings"/>. False when no candidate passes the filters: the caller then ranks
        /// documents with any word.
        /// </summary>
        private bool CollectEveryWord(Scratch scratch, int? inRegion)
        {
            var tokens = query.Tokens.OrderBy(t => t.Stems.Sum(s => (long)snapshot.DocumentFrequency(s.StemId))).ToList();
            if (tokens.Exists(t => t.Stems.Count == 0))
            {
                return false;
            }

            var candidates = scratch.Candidates;
            var totals = scratch.CandidateTotals;
            candidates.Clear();
            totals.Clear();
            var wordStamp = scratch.NextStamp();
            foreach (var stem in tokens[0].Stems)
            {
                var postings = snapshot.PostingsOf(stem.StemId);
                var idf = Idf(snapshot, postings.Length);
                foreach (var posting in postings)
                {
                    var ordinal = posting.Ordinal;
                    if (inRegion is { } region && scratch.Region[ordinal] != region)
                    {
                        continue;
                    }

                    ref readonly var columns = ref snapshot.Columns[ordinal];
                    if (!prefilter.Admits(columns))
                    {
                        continue;
                    }

                    var score = StemScore(FieldCounts.Unpack(posting.Counts), columns, snapshot, idf, stem.Weight);
                    if (scratch.WordStamp[ordinal] != wordStamp)
                    {
                        scratch.WordStamp[ordinal] = wordStamp;
                        scratch.Best[ordinal] = score;
                        candidates.Add(ordinal);
                    }
                    else if (score > scratch.Best[ordinal])
                    {
                        scratch.Best[ordinal] = score;
                    }
                }
            }

            if (tokens[0].Stems.Count > 1)
            {
                candidates.Sort();
            }

            foreach (var ordinal in candidates)
            {
                totals.Add(scratch.Best[ordinal]);
            }

            var best = scratch.CandidateBest;
            for (var word = 1; word < tokens.Count && candidates.Count > 0; word++)
            {
                best.Clear();
                best.AddRange(Enumerable.Repeat(double.NegativeInfinity, candidates.Count));
                foreach (var stem in tokens[word].Stems)
                {
                    var postings = snapshot.PostingsOf(stem.StemId);
                    var idf = Idf(snapshot, postings.Length);
                    var at = 0;
                    for (var i = 0; i < candidates.Count && at < postings.Length; i++)
                    {
                        at = Seek(postings, at, candidates[i]);
                        if (at < postings.Length && postings[at].Ordinal == candidates[i])
                        {
                            var score = StemScore(FieldCounts.Unpack(postings[at].Counts), snapshot.Columns[candidates[i]], snapshot, idf, stem.Weight);
                            best[i] = Math.Max(best[i], score);
                        }
                    }
                }

                var kept = 0;
                for (var i = 0; i < candidates.Count; i++)
                {
                    if (best[i] > double.NegativeInfinity)
                    {
                        candidates[kept] = candidates[i];
                        totals[kept] = totals[i] + best[i];
                        kept++;
                    }
                }

                candidates.RemoveRange(kept, candidates.Count - kept);
                totals.RemoveRange(kept, totals.Count - kept);
            }

            for (var i = 0; i < candidates.Count; i++)
            {
                ConsiderScored(candidates[i], totals[i], snapshot.Columns[candidates[i]]);
            }

            return Total > 0;
        }

        /// <summary>The first index at or after <paramref name="from"/> whose ordinal is at least <paramref name="ordinal"/>: gallop, then halve.</summary>
        private static int Seek(Posting[] postings, int from, int ordinal)
        {
            if (from >= postings.Length || postings[from].Ordinal >= ordinal)
            {
                return from;
            }

            // postings[low] < ordinal throughout; find a high with postings[high] >= ordinal, or the end.
            var (low, step) = (from, 1);
            var high = from + step;
            while (high < postings.Length && postings[high].Ordinal < ordinal)
            {
                low = high;
                step *= 2;
                high = low + step;
            }

            high = Math.Min(high, postings.Length);
            while (high - low > 1)
            {
                var middle = low + ((high - low) / 2);
                if (postings[middle].Ordinal < ordinal)
                {
                    low = middle;
                }
                else
                {
                    high = middle;
                }
            }

            return high;
        }

        /// <summary>
        /// One word with one stem and no radius, the commonest text search: each posting is scored and considered in
        /// the same pass, with nothing to add up across words or stems.
        /// </summary>
        private void CollectOneStem(QueryStem stem)
        {
            var postings = snapshot.PostingsOf(stem.StemId);
            var idf = Idf(snapshot, postings.Length);
            foreach (var posting in postings)
            {
                ref readonly var columns = ref snapshot.Columns[posting.Ordinal];
                if (prefilter.Admits(columns))
                {
                    ConsiderScored(posting.Ordinal, StemScore(FieldCounts.Unpack(posting.Counts), columns, snapshot, idf, stem.Weight), columns);
                }
            }
        }

        /// <summary>How many postings the query's stems have in all.</summary>
        private long Postings() => query.Tokens.Sum(t => t.Stems.Sum(s => (long)snapshot.DocumentFrequency(s.StemId)));

        /// <summary>
        /// The ordinals a radius search can admit, as <see cref="CollectAround"/> reads them, each marked in
        /// <see cref="Scratch.Region"/> with <see cref="Scratch.RegionStamp"/>.
        /// </summary>
        private List<int> Region(GeoPoint near, double radiusKm, Scratch scratch)
        {
            var grid = snapshot.Grid;
            var stamp = scratch.NextRegionStamp();
            var region = scratch.RegionMembers;
            void Add(int[] ordinals)
            {
                foreach (var ordinal in ordinals)
                {
                    if (scratch.Region[ordinal] != stamp)
                    {
                        scratch.Region[ordinal] = stamp;
                        region.Add(ordinal);
                    }
                }
            }

            foreach (var key in SpatialGrid.CellsOf(Box.Around(near, radiusKm)))
            {
                if (grid.Places.TryGetValue(key, out var ordinals))
                {
                    Add(ordinals);
                }
            }

            if (grid.Areas.TryGetValue(SpatialGrid.AreaKey(near), out var covering))
            {
                Add(covering);
            }

            Add(grid.WideAreas);
            if (criteria.Attendance == AttendanceMode.Online)
            {
                Add(snapshot.OnlineOnly);
            }

            return region;
        }

        /// <summary>Radius: the documents with a place in the cells the circle's box overlaps, or an area over the searcher's cell, or a wide area, or (asking for online) online-only ones.</summary>
        public void CollectAround(GeoPoint near, double radiusKm)
        {
            foreach (var ordinal in Region(near, radiusKm, Scratch.For(snapshot.Documents.Length)))
            {
                Consider(ordinal, 1.0);
            }
        }

        /// <summary>
        /// Nearest first with no filters: every document matches, so read squares of cells growing around the
        /// searcher until the page's last result is nearer than anything outside the square can be.
        /// </summary>
        public void CollectNearest(GeoPoint near)
        {
            var scratch = Scratch.For(snapshot.Documents.Length);
            var stamp = scratch.NextStamp();
            var grid = snapshot.Grid;
            var (row, column) = (SpatialGrid.Row(near.Latitude), SpatialGrid.Column(near.Longitude));
            var extent = grid.Extent;
            var located = 0;
            for (var ring = 0; ; ring++)
            {
                for (var r = Math.Max(row - ring, extent.MinRow); r <= Math.Min(row + ring, extent.MaxRow); r++)
                {
                    if (r == row - ring || r == row + ring)
                    {
                        for (var c = Math.Max(column - ring, extent.MinColumn); c <= Math.Min(column + ring, extent.MaxColumn); c++)
                        {
                            located += ConsiderCell(grid, r, c, scratch, stamp);
                        }
                    }
                    else
                    {
                        located += ConsiderCell(grid, r, column - ring, scratch, stamp) + (ring > 0 ? ConsiderCell(grid, r, column + ring, scratch, stamp) : 0);
                    }
                }

                var coversGrid = row - ring <= extent.MinRow && row + ring >= extent.MaxRow && column - ring <= extent.MinColumn && column + ring >= extent.MaxColumn;
                // An overdue listing at the bottom of the page could still be beaten by one not overdue further out.
                if ((Top.IsFull && snapshot.Documents[Top.Worst.Ordinal].ReviewOverdueSince is null && Top.Worst.Distance < NearestOutside(near, row, column, ring)) || coversGrid)
                {
                    break;
                }
            }

            if (!Top.IsFull && located < snapshot.Documents.Length)
            {
                // The page reaches past every located document: the rest (no place) come last, by name.
                for (var ordinal = 0; ordinal < snapshot.Documents.Length; ordinal++)
                {
                    if (scratch.Stamp[ordinal] != stamp)
                    {
                        Consider(ordinal, 1.0);
                    }
                }
            }

            Total = snapshot.Documents.Length;
        }

        /// <summary>
        /// Filters, radius and ranking for one document with its text score (1 without text); a match goes to
        /// <see cref="Top"/> and counts in <see cref="Total"/>.
        /// </summary>
        public bool Consider(int ordinal, double text)
        {
            ref readonly var columns = ref snapshot.Columns[ordinal];
            return prefilter.Admits(columns) && ConsiderAdmitted(ordinal, text, columns);
        }

        /// <summary><see cref="ConsiderScored"/> after the prefilter.</summary>
        private void ConsiderText(int ordinal, double text)
        {
            ref readonly var columns = ref snapshot.Columns[ordinal];
            if (prefilter.Admits(columns))
            {
                ConsiderScored(ordinal, text, columns);
            }
        }

        /// <summary>
        /// <see cref="Consider"/> for an admitted document with a text score, skipping the ranking when the document cannot
        /// reach the page: once the page is full, a document whose best possible score (<see cref="RankBound"/>) is below
        /// the page's worst, or equal to it with a name that sorts after, is only counted, after its filters when the
        /// packed columns do not settle them. Radius searches are not skipped, since whether a document is inside the
        /// radius needs its places. The bound and the score multiply the same factors in the same order, the bound's
        /// never smaller, so comparing them exactly is safe.
        /// </summary>
        private void ConsiderScored(int ordinal, double text, in DocumentColumns columns)
        {
            if (criteria.RadiusKm is null && Top.IsFull && CannotReachPage(ordinal, RankBound(text, columns, criteria.Near, staleBefore), columns))
            {
                if (prefilter.IsExact || PassesFilters(snapshot.Documents[ordinal], criteria, today))
                {
                    Total++;
                }

                return;
            }

            ConsiderAdmitted(ordinal, text, columns);
        }

        /// <summary>Whether a document scoring at most <paramref name="bound"/> would rank after the full page's worst.</summary>
        private bool CannotReachPage(int ordinal, double bound, in DocumentColumns columns)
        {
            var worst = Top.Worst;
            if (bound != worst.Score)
            {
                return bound < worst.Score;
            }

            // A tie on score goes by name, then id: the packed name keys settle most of them without the records.
            var (key, worstKey) = (columns.NameKey, snapshot.Columns[worst.Ordinal].NameKey);
            return key != DocumentColumns.NoNameKey && worstKey != DocumentColumns.NoNameKey && key != worstKey
                ? key > worstKey
                : TopK.ByNameThenId(snapshot.Documents[ordinal], snapshot.Documents[worst.Ordinal]) > 0;
        }

        /// <summary>The exact filters, radius and ranking of <see cref="Consider"/>, for a document the prefilter admitted.</summary>
        private bool ConsiderAdmitted(int ordinal, double text, in DocumentColumns columns)
        {
            var document = snapshot.Documents[ordinal];
            if (!PassesFilters(document, criteria, today))
            {
                return false;
            }

            var (distance, nearest) = Nearest(document, criteria.Near);
            var coverage = criteria.Near is { } near && columns.HasAreas ? Coverage(document, near) : null;
            if (criteria is { Near: not null, RadiusKm: { } radiusKm } && coverage is null)
            {
                var inRadius = distance is { } d && d <= radiusKm * 1000;
                var onlineOnly = !document.HasPhysicalLocation && document.IsOnline && criteria.Attendance == AttendanceMode.Online;
                if (!inRadius && !onlineOnly)
                {
                    return false;
                }
            }

            var score = Rank(text, columns, criteria.Near, distance, coverage, staleBefore);
            Total++;
            Top.Offer(new Candidate(ordinal, score, distance ?? double.MaxValue, distance is not null, nearest, coverage));
            return true;
        }

        /// <summary>A lower bound (metres) on the distance from the point to anywhere outside the square of cells <paramref name="ring"/> around its cell.</summary>
        private static double NearestOutside(GeoPoint near, int row, int column, int ring)
        {
            var south = ((row - ring) * SpatialGrid.CellDegrees) - 90;
            var north = ((row + ring + 1) * SpatialGrid.CellDegrees) - 90;
            var west = ((column - ring) * SpatialGrid.CellDegrees) - 180;
            var east = ((column + ring + 1) * SpatialGrid.CellDegrees) - 180;
            var latitudeGap = Math.Min(near.Latitude - south, north - near.Latitude) * Math.PI / 180;
            var longitudeGap = Math.Min(near.Longitude - west, east - near.Longitude) * Math.PI / 180;
            var widest = Math.Max(Math.Abs(south), Math.Abs(north)) * Math.PI / 180;
            var alongLongitude = 2 * Math.Asin(Math.Min(1, Math.Cos(widest) * Math.Sin(longitudeGap / 2)));
            return Math.Min(latitudeGap, alongLongitude) * GeoMath.EarthRadiusMetres * 0.999;
        }

        private int ConsiderCell(SpatialGrid grid, int row, int column, Scratch scratch, int stamp) =>
            column >= grid.Extent.MinColumn && column <= grid.Extent.MaxColumn && grid.Places.TryGetValue(SpatialGrid.Key(row, column), out var ordinals) ? ConsiderOnce(ordinals, scratch, stamp) : 0;

        private int ConsiderOnce(int[] ordinals, Scratch scratch, int stamp)
        {
            var read = 0;
            foreach (var ordinal in ordinals)
            {
                if (scratch.Stamp[ordinal] != stamp)
                {
                    scratch.Stamp[ordinal] = stamp;
                    read++;
                    Consider(ordinal, 1.0);
                }
            }

            return read;
        }

        /// <summary>
        /// Each word's best stem score per document, from the postings, for the documents the prefilter admits and,
        /// given <paramref name="inRegion"/>, that <see cref="Region"/> marked with it.
        /// </summary>
        private List<int> ScoreByPostings(Scratch scratch, int? inRegion)
        {
            var touched = scratch.Touched;
            var docStamp = scratch.NextStamp();
            foreach (var token in query.Tokens)
            {
                var wordStamp = scratch.NextStamp();
                var wordTouched = scratch.WordTouched;
                wordTouched.Clear();
                foreach (var stem in token.Stems)
                {
                    var postings = snapshot.PostingsOf(stem.StemId);
                    var idf = Idf(snapshot, postings.Length);
                    foreach (var posting in postings)
                    {
                        var ordinal = posting.Ordinal;
                        if (inRegion is { } region && scratch.Region[ordinal] != region)
                        {
                            continue;
                        }

                        ref readonly var columns = ref snapshot.Columns[ordinal];
                        if (!prefilter.Admits(columns))
                        {
                            // Consider would turn it away: no need to score it.
                            continue;
                        }

                        var score = StemScore(FieldCounts.Unpack(posting.Counts), columns, snapshot, idf, stem.Weight);
                        if (scratch.WordStamp[ordinal] != wordStamp)
                        {
                            scratch.WordStamp[ordinal] = wordStamp;
                            scratch.Best[ordinal] = score;
                            wordTouched.Add(ordinal);
                        }
                        else if (score > scratch.Best[ordinal])
                        {
                            scratch.Best[ordinal] = score;
                        }
                    }
                }

                foreach (var ordinal in wordTouched)
                {
                    if (scratch.Stamp[ordinal] != docStamp)
                    {
                        scratch.Stamp[ordinal] = docStamp;
                        scratch.Total[ordinal] = 0;
                        scratch.Matched[ordinal] = 0;
                        touched.Add(ordinal);
                    }

                    scratch.Total[ordinal] += scratch.Best[ordinal];
                    scratch.Matched[ordinal]++;
                }
            }

            return touched;
        }

        private List<int> ScoreByDocument(Scratch scratch, IEnumerable<int> ordinals)
        {
            var touched = scratch.Touched;
            var idfs = query.Tokens.Select(t => t.Stems.Select(s => Idf(snapshot, snapshot.DocumentFrequency(s.StemId))).ToArray()).ToArray();
            foreach (var ordinal in ordinals)
            {
                var total = 0.0;
                var matched = 0;
                for (var word = 0; word < query.Tokens.Count; word++)
                {
                    var best = double.NegativeInfinity;
                    var stems = query.Tokens[word].Stems;
                    for (var i = 0; i < stems.Count; i++)
                    {
                        if (snapshot.CountsOf(stems[i].StemId, ordinal) is { } counts)
                        {
                            best = Math.Max(best, StemScore(FieldCounts.Unpack(counts), snapshot.Columns[ordinal], snapshot, idfs[word][i], stems[i].Weight));
                        }
                    }

                    if (best > double.NegativeInfinity)
                    {
                        total += best;
                        matched++;
                    }
                }

                if (matched > 0)
                {
                    scratch.Total[ordinal] = total;
                    scratch.Matched[ordinal] = matched;
                    touched.Add(ordinal);
                }
            }

            return touched;
        }
    }

    /// <summary>
    /// Per-thread working arrays, one slot per document, reused across searches so a search over a million
    /// documents allocates nothing that size. Slots are told apart by stamps instead of being cleared.
    /// </summary>
    private sealed class Scratch
    {
        [ThreadStatic]
        private static Scratch? perThread;

        private int stamp;

        private Scratch(int size)
        {
            Stamp = new int[size];
            WordStamp = new int[size];
            Total = new double[size];
            Best = new double[size];
            Matched = new int[size];
            Region = new int[size];
        }

        public int[] Stamp { get; }

        public int[] WordStamp { get; }

        public double[] Total { get; }

        public double[] Best { get; }

        public int[] Matched { get; }

        /// <summary>Which documents are in the region of a radius search: those holding <see cref="RegionStamp"/>.</summary>
        public int[] Region { get; }

        public int RegionStamp { get; private set; }

        public List<int> RegionMembers { get; } = [];

        public List<int> Touched { get; } = [];

        public List<int> WordTouched { get; } = [];

        /// <summary>The documents still holding every word so far, in ordinal order (<see cref="Run"/>'s every-word path).</summary>
        public List<int> Candidates { get; } = [];

        /// <summary>Each candidate's score so far, at the same index as <see cref="Candidates"/>.</summary>
        public List<double> CandidateTotals { get; } = [];

        /// <summary>Each candidate's best stem score for the word being read, at the same index as <see cref="Candidates"/>.</summary>
        public List<double> CandidateBest { get; } = [];

        public static Scratch For(int size)
        {
            var scratch = perThread;
            if (scratch is null || scratch.Stamp.Length < size)
            {
                perThread = scratch = new Scratch(Math.Max(size, 16));
            }

            scratch.Touched.Clear();
            return scratch;
        }

        /// <summary>A new <see cref="RegionStamp"/>, with <see cref="RegionMembers"/> emptied.</summary>
        public int NextRegionStamp()
        {
            if (RegionStamp == int.MaxValue)
            {
                Array.Clear(Region);
                RegionStamp = 0;
            }

            RegionMembers.Clear();
            return ++RegionStamp;
        }

        /// <summary>A stamp no slot holds yet (clearing every slot on the rare wrap-around).</summary>
        public int NextStamp()
        {
            if (stamp == int.MaxValue)
            {
                Array.Clear(Stamp);
                Array.Clear(WordStamp);
                stamp = 0;
            }

            return ++stamp;
        }
    }

    /// <summary>The best <c>capacity</c> candidates seen, in a binary heap with the worst at the root.</summary>
    private sealed class TopK(int capacity, ResultOrder order, AssetDocument[] documents)
    {
        private readonly List<Candidate> heap = new(Math.Min(capacity, 1024));

        public bool IsFull => heap.Count >= capacity;

        public Candidate Worst => heap[0];

        public void Offer(Candidate candidate)
        {
            if (heap.Count < capacity)
            {
                heap.Add(candidate);
                SiftUp(heap.Count - 1);
            }
            else if (Compare(candidate, heap[0]) < 0)
            {
                heap[0] = candidate;
                SiftDown(0);
            }
        }

        /// <summary>The kept candidates, best first.</summary>
        public List<Candidate> Sorted()
        {
            var sorted = new List<Candidate>(heap);
            sorted.Sort(Compare);
            return sorted;
        }

        /// <summary>With no text, listings whose review is overdue come after the rest.</summary>
        private static int ByOverdue(AssetDocument a, AssetDocument b) => (a.ReviewOverdueSince is not null).CompareTo(b.ReviewOverdueSince is not null);

        /// <summary>Negative when <paramref name="a"/> ranks before <paramref name="b"/>.</summary>
        private int Compare(Candidate a, Candidate b)
        {
            var (x, y) = (documents[a.Ordinal], documents[b.Ordinal]);
            var primary = order switch
            {
                ResultOrder.Score => b.Score.CompareTo(a.Score),
                ResultOrder.Distance => ByOverdue(x, y) is var overdue and not 0 ? overdue : a.Distance.CompareTo(b.Distance),
                _ => ByOverdue(x, y),
            };
            if (primary != 0)
            {
                return primary;
            }

            return ByNameThenId(x, y);
        }

        /// <summary>The order of candidates tied on their primary key.</summary>
        public static int ByNameThenId(AssetDocument x, AssetDocument y)
        {
            var byName = string.Compare(x.Name, y.Name, StringComparison.OrdinalIgnoreCase);
            return byName != 0 ? byName : x.Id.CompareTo(y.Id);
        }

        private void SiftUp(int index)
        {
            while (index > 0)
            {
                var parent = (index - 1) / 2;
                if (Compare(heap[index], heap[parent]) <= 0)
                {
                    return;
                }

                (heap[index], heap[parent]) = (heap[parent], heap[index]);
                index = parent;
            }
        }

        private void SiftDown(int index)
        {
            while (true)
            {
                var (left, right, worst) = ((2 * index) + 1, (2 * index) + 2, index);
                if (left < heap.Count && Compare(heap[left], heap[worst]) > 0)
                {
                    worst = left;
                }

                if (right < heap.Count && Compare(heap[right], heap[worst]) > 0)
                {
                    worst = right;
                }

                if (worst == index)
                {
                    return;
                }

                (heap[index], heap[worst]) = (heap[worst], heap[index]);
                index = worst;
            }
        }
    }
}
