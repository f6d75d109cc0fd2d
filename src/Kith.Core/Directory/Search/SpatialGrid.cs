namespace Kith.Core.Directory.Search;

/// <summary>
/// Documents by where they are, so a radius search or a nearest-first list reads the cells around the searcher
/// instead of every document. Two kinds of entry: a document's located places, each in its cell of
/// <see cref="CellDegrees"/>° (about 2.2 km by 1.3 km in the UK, so a cell in central London holds hundreds, not
/// thousands); and its service areas, in coarser cells of <see cref="AreaCellDegrees"/>°. An area is entered in
/// every coarse cell its box overlaps when that is at most <see cref="MaxAreaCells"/> cells; a wider one (regional
/// or national) goes in a short list every search checks. Immutable; <see cref="With"/> and
/// <see cref="Without"/> copy only the cells they change.
/// </summary>
internal sealed class SpatialGrid
{
    public const double CellDegrees = 0.02;

    public const double AreaCellDegrees = 0.1;

    /// <summary>The most cells an area is entered in before it counts as wide.</summary>
    public const int MaxAreaCells = 64;

    private const int Columns = 18_000;

    private SpatialGrid(Dictionary<int, int[]> places, Dictionary<int, int[]> areas, int[] wideAreas, (int MinRow, int MaxRow, int MinColumn, int MaxColumn) extent)
    {
        Places = places;
        Areas = areas;
        WideAreas = wideAreas;
        Extent = extent;
    }

    public static SpatialGrid Empty { get; } = new([], [], [], (0, -1, 0, -1));

    /// <summary>Cell → ordinals of documents with a located place in it (each once, ascending).</summary>
    public Dictionary<int, int[]> Places { get; }

    /// <summary>Coarse cell → ordinals of documents with a (not wide) service area overlapping it.</summary>
    public Dictionary<int, int[]> Areas { get; }

    /// <summary>Ordinals of documents with a service area too wide for cells.</summary>
    public int[] WideAreas { get; }

    /// <summary>The rows and columns that hold any place: a nearest-first search stops growing its square past them.</summary>
    public (int MinRow, int MaxRow, int MinColumn, int MaxColumn) Extent { get; }

    public static int Row(double latitude, double cell = CellDegrees) => (int)Math.Floor((latitude + 90) / cell);

    public static int Column(double longitude, double cell = CellDegrees) => (int)Math.Floor((longitude + 180) / cell);

    /// <summary>The key of the coarse area cell holding a point.</summary>
    public static int AreaKey(GeoPoint point) => Key(Row(point.Latitude, AreaCellDegrees), Column(point.Longitude, AreaCellDegrees));

    public static int Key(int row, int column) => (row * Columns) + column;

    public static SpatialGrid Build(AssetDocument[] documents)
    {
        var places = new Dictionary<int, List<int>>();
        var areas = new Dictionary<int, List<int>>();
        var wide = new List<int>();
        var extent = (MinRow: int.MaxValue, MaxRow: int.MinValue, MinColumn: int.MaxValue, MaxColumn: int.MinValue);
        for (var ordinal = 0; ordinal < documents.Length; ordinal++)
        {
            foreach (var key in PlaceCells(documents[ordinal]))
            {
                Add(places, key, ordinal);
                extent = Grow(extent, key);
            }

            var (cells, isWide) = AreaCells(documents[ordinal]);
            foreach (var key in cells)
            {
                Add(areas, key, ordinal);
            }

            if (isWide)
            {
                wide.Add(ordinal);
            }
        }

        return new SpatialGrid(
            places.ToDictionary(p => p.Key, p => p.Value.ToArray()),
            areas.ToDictionary(p => p.Key, p => p.Value.ToArray()),
            [.. wide],
            extent);
    }

    /// <summary>This grid with <paramref name="document"/> entered at <paramref name="ordinal"/> (after <see cref="Without"/> for the one it replaces).</summary>
    public SpatialGrid With(AssetDocument document, int ordinal)
    {
        var places = new Dictionary<int, int[]>(Places);
        var extent = Extent;
        foreach (var key in PlaceCells(document))
        {
            places[key] = Insert(places.GetValueOrDefault(key, []), ordinal);
            extent = Grow(extent, key);
        }

        var areas = Areas;
        var (cells, isWide) = AreaCells(document);
        if (cells.Count > 0)
        {
            areas = new Dictionary<int, int[]>(Areas);
            foreach (var key in cells)
            {
                areas[key] = Insert(areas.GetValueOrDefault(key, []), ordinal);
            }
        }

        return new SpatialGrid(places, areas, isWide ? Insert(WideAreas, ordinal) : WideAreas, extent);
    }

    /// <summary>This grid without <paramref name="document"/>'s entries at <paramref name="ordinal"/>.</summary>
    public SpatialGrid Without(AssetDocument document, int ordinal)
    {
        var places = new Dictionary<int, int[]>(Places);
        foreach (var key in PlaceCells(document))
        {
            Take(places, key, ordinal);
        }

        var areas = Areas;
        var (cells, isWide) = AreaCells(document);
        if (cells.Count > 0)
        {
            areas = new Dictionary<int, int[]>(Areas);
            foreach (var key in cells)
            {
                Take(areas, key, ordinal);
            }
        }

        return new SpatialGrid(places, areas, isWide ? WideAreas.Where(o => o != ordinal).ToArray() : WideAreas, Extent);
    }

    /// <summary>The keys of the cells (of <paramref name="cell"/> degrees) a box overlaps.</summary>
    public static IEnumerable<int> CellsOf(Box box, double cell = CellDegrees)
    {
        var (minRow, maxRow) = (Row(box.MinLatitude, cell), Row(box.MaxLatitude, cell));
        var (minColumn, maxColumn) = (Column(box.MinLongitude, cell), Column(box.MaxLongitude, cell));
        for (var row = minRow; row <= maxRow; row++)
        {
            for (var column = minColumn; column <= maxColumn; column++)
            {
                yield return Key(row, column);
            }
        }
    }

    private static List<int> PlaceCells(AssetDocument document)
    {
        var cells = new List<int>(1);
        foreach (var location in document.Locations)
        {
            if (location.Point is { } p && Key(Row(p.Latitude), Column(p.Longitude)) is var key && !cells.Contains(key))
            {
                cells.Add(key);
            }
        }

        return cells;
    }

    private static (List<int> Cells, bool Wide) AreaCells(AssetDocument document)
    {
        var cells = new List<int>();
        var wide = false;
        foreach (var area in document.Areas)
        {
            var box = area.Bounds;
            var rows = Row(box.MaxLatitude, AreaCellDegrees) - Row(box.MinLatitude, AreaCellDegrees) + 1;
            var columns = Column(box.MaxLongitude, AreaCellDegrees) - Column(box.MinLongitude, AreaCellDegrees) + 1;
            if ((long)rows * columns > MaxAreaCells)
            {
                wide = true;
                continue;
            }

            foreach (var key in CellsOf(box, AreaCellDegrees))
            {
                if (!cells.Contains(key))
                {
                    cells.Add(key);
                }
            }
        }

        return (cells, wide);
    }

    private static (int, int, int, int) Grow((int MinRow, int MaxRow, int MinColumn, int MaxColumn) extent, int key)
    {
        var (row, column) = (key / Columns, key % Columns);
        return (Math.Min(extent.MinRow, row), Math.Max(extent.MaxRow, row), Math.Min(extent.MinColumn, column), Math.Max(extent.MaxColumn, column));
    }

    private static void Add(Dictionary<int, List<int>> cells, int key, int ordinal)
    {
        if (!cells.TryGetValue(key, out var list))
        {
            cells[key] = list = [];
        }

        list.Add(ordinal);
    }

    /// <summary>A copy of a sorted array with the ordinal in its place (unchanged when already there).</summary>
    private static int[] Insert(int[] sorted, int ordinal)
    {
        var index = Array.BinarySearch(sorted, ordinal);
        if (index >= 0)
        {
            return sorted;
        }

        index = ~index;
        var result = new int[sorted.Length + 1];
        Array.Copy(sorted, result, index);
        result[index] = ordinal;
        Array.Copy(sorted, index, result, index + 1, sorted.Length - index);
        return result;
    }

    private static void Take(Dictionary<int, int[]> cells, int key, int ordinal)
    {
        if (!cells.TryGetValue(key, out var sorted))
        {
            return;
        }

        var remaining = sorted.Where(o => o != ordinal).ToArray();
        if (remaining.Length == 0)
        {
            cells.Remove(key);
        }
        else
        {
            cells[key] = remaining;
        }
    }
}
