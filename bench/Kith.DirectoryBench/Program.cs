using System.Globalization;
using Kith.DirectoryBench;

// Search at national scale (docs/benchmarks.md, "Search at national scale"):
//   seed   --assets N --sqlite FILE [--postgres CONN] [--seed S]   fill a new database with a synthetic UK directory
//   search --sqlite FILE | --postgres CONN [--runs R] [--by-query] build the index from it, report build and memory, time the query shapes
//   match  --sqlite FILE [--people P] [--runs R]                  rank suggestions for P synthetic people (issue 5) against a plain radius search
//   curve  [--folder DIR] [--runs R] [--sizes 10000,100000,1000000]  seed (if needed) and search each size, with the EF loader as a baseline up to 100k
if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.WriteLine("Usage: seed --assets N --sqlite FILE [--postgres CONN] [--seed S] | search --sqlite FILE [--runs R] [--by-query] | match --sqlite FILE [--people P] [--runs R] | curve [--folder DIR] [--runs R] [--sizes N,N]");
    return 0;
}

var seed = IntOption("--seed", 20261203);
switch (args[0])
{
    case "seed":
        var assets = IntOption("--assets", 10_000);
        var sqlite = Option("--sqlite");
        var postgres = Option("--postgres");
        if (sqlite is null && postgres is null)
        {
            Console.Error.WriteLine("Say where to seed: --sqlite FILE, --postgres CONNECTION-STRING, or both.");
            return 2;
        }

        if (sqlite is not null)
        {
            await DirectorySeeder.SeedSqliteAsync(sqlite, assets, seed, Console.Out);
        }

        if (postgres is not null)
        {
            await DirectorySeeder.SeedPostgresAsync(postgres, assets, seed, Console.Out);
        }

        return 0;
    case "search":
        return await SearchRun.RunAsync(Option("--sqlite"), Option("--postgres"), IntOption("--runs", 5), args.Contains("--by-query"), Console.Out);
    case "match":
        return await MatchRun.RunAsync(Option("--sqlite"), IntOption("--people", 200), IntOption("--runs", 3), Console.Out);
    case "curve":
        var sizes = (Option("--sizes") ?? "10000,100000,1000000").Split(',').Select(s => int.Parse(s, NumberStyles.Integer, CultureInfo.InvariantCulture)).ToList();
        return await SearchRun.CurveAsync(Option("--folder") ?? "/tmp/kith-directory-bench", IntOption("--runs", 5), seed, sizes, Console.Out);
    default:
        Console.Error.WriteLine($"Unknown command \"{args[0]}\". Use seed, search, match or curve.");
        return 2;
}

string? Option(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}

int IntOption(string name, int fallback) =>
    Option(name) is { } text ? int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture) : fallback;
