using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Kith.Core.Directory;
using Kith.Core.Directory.Search;

namespace Kith.Benchmarks;

/// <summary>
/// The directory search index against a naive linear scan (<see cref="LinearScan"/>) on the same
/// synthetic assets: 320 (a demo-sized area) and 20,000 (a large region).
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class SearchBenchmarks
{
    private static readonly AssetSearchCriteria TextNear = new()
    {
        Text = "walking group",
        Near = SyntheticDirectory.Centre,
        RadiusKm = 10,
    };

    private static readonly AssetSearchCriteria FilterOnly = new()
    {
        Near = SyntheticDirectory.Centre,
        RadiusKm = 10,
        FreeOnly = true,
        OpenAt = new OpenAt(DayOfWeek.Tuesday, null),
        Accessibility = new HashSet<AccessibilityFeature> { AccessibilityFeature.StepFreeAccess },
    };

    private List<CommunityAsset> assets = [];
    private List<TaxonomyTerm> terms = [];
    private AssetSearchIndex index = new();

    [Params(320, 20_000)]
    public int Assets { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        (assets, terms) = SyntheticDirectory.Create(Assets);
        index = new AssetSearchIndex();
        index.Replace(assets, terms);
    }

    [Benchmark(Baseline = true, Description = "scan: \"walking group\" within 10 km")]
    [BenchmarkCategory("text near")]
    public int Scan_text_near() => LinearScan.Search(assets, TextNear).Total;

    [Benchmark(Description = "index: \"walking group\" within 10 km")]
    [BenchmarkCategory("text near")]
    public int Index_text_near() => index.Search(TextNear).Total;

    [Benchmark(Baseline = true, Description = "scan: free, Tuesday, step-free, 10 km")]
    [BenchmarkCategory("filters only")]
    public int Scan_filters() => LinearScan.Search(assets, FilterOnly).Total;

    [Benchmark(Description = "index: free, Tuesday, step-free, 10 km")]
    [BenchmarkCategory("filters only")]
    public int Index_filters() => index.Search(FilterOnly).Total;

    [Benchmark(Description = "index: refresh one asset (copy-on-write)")]
    [BenchmarkCategory("refresh")]
    public int Refresh()
    {
        index.Upsert(assets[Assets / 2], terms);
        return index.Count;
    }

    [Benchmark(Description = "index: build from loaded assets")]
    [BenchmarkCategory("build")]
    public int Build()
    {
        var built = new AssetSearchIndex();
        built.Replace(assets, terms);
        return built.Count;
    }
}
