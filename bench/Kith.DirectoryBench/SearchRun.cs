namespace Kith.DirectoryBench;

/// <summary>Builds the search index from a seeded database and times the query shapes.</summary>
public static class SearchRun
{
    public static Task<int> RunAsync(string? sqlite, string? postgres, int runs, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(log);
        log.WriteLine($"Not written yet ({sqlite}{postgres}, {runs}).");
        return Task.FromResult(1);
    }

    public static Task<int> CurveAsync(string folder, int runs, int seed, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(log);
        log.WriteLine($"Not written yet ({folder}, {runs}, {seed}).");
        return Task.FromResult(1);
    }
}
