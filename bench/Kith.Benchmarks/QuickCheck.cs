using System.Diagnostics;
using System.Globalization;

namespace Kith.Benchmarks;

/// <summary>
/// A seconds-long sanity check without BenchmarkDotNet: each workload timed with a stopwatch, index
/// against the linear scan in the same process. For a quick look after a change, not for the record.
///   dotnet run -c Release --project bench/Kith.Benchmarks -- --quick
/// </summary>
public static class QuickCheck
{
    public static void Run()
    {
        foreach (var size in new[] { 320, 20_000 })
        {
            var benchmarks = new SearchBenchmarks { Assets = size };
            benchmarks.Setup();
            var rounds = size > 1000 ? 30 : 2000;
            Report(size, "text near, scan ", Median(benchmarks.Scan_text_near, rounds));
            Report(size, "text near, index", Median(benchmarks.Index_text_near, rounds));
            Report(size, "filters, scan   ", Median(benchmarks.Scan_filters, rounds));
            Report(size, "filters, index  ", Median(benchmarks.Index_filters, rounds));
            Report(size, "refresh one     ", Median(benchmarks.Refresh, size > 1000 ? 10 : 200));
            Report(size, "build           ", Median(benchmarks.Build, size > 1000 ? 3 : 20));
        }
    }

    private static double Median(Func<int> workload, int rounds)
    {
        workload();
        var batch = Math.Max(1, rounds / 10);
        var samples = new List<double>();
        for (var i = 0; i < 10; i++)
        {
            var watch = Stopwatch.StartNew();
            for (var j = 0; j < batch; j++)
            {
                workload();
            }

            samples.Add(watch.Elapsed.TotalMicroseconds / batch);
        }

        samples.Sort();
        return (samples[4] + samples[5]) / 2;
    }

    private static void Report(int size, string what, double microseconds) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{size,6} assets  {what}  median {microseconds,12:0.0} µs"));
}
