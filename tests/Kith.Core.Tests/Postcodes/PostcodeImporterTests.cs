using System.Text;
using Kith.Core.Platform.Postcodes;
using Kith.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kith.Core.Tests.Postcodes;

public class PostcodeImporterTests
{
    private const string Header = "pcd,pcd2,pcds,dointr,doterm,oscty,lat,long,imd";

    private static MemoryStream Csv(params string[] lines) => new(Encoding.UTF8.GetBytes(string.Join("\n", [Header, .. lines]) + "\n"));

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Imports_in_batches_skips_rows_without_a_grid_reference_and_upserts_by_code(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.CreateContext())
        {
            var importer = new PostcodeImporter(db) { BatchRows = 2 };
            var first = await importer.ImportAsync(Csv(
                "AV1 1AA,AV1  1AA,AV1 1AA,199001,,E1,53.700000,-2.200000,100",
                "AV1 1AB,AV1  1AB,AV1 1AB,199001,,E1,53.701000,-2.201000,100",
                "AV1 1AD,AV1  1AD,AV1 1AD,199001,201912,E1,53.702000,-2.202000,100",
                "AV1 1AE,AV1  1AE,AV1 1AE,199001,,E1,99.999999,0.000000,100",
                "AV2 1AA,AV2  1AA,AV2 1AA,199001,,E1,53.720000,-2.230000,100"), CancellationToken.None);
            Assert.True(first.Succeeded, first.Error);
            Assert.Equal((4, 0, 0), (first.Added, first.Updated, first.Unchanged));
            Assert.Equal(1, first.Skipped[PostcodeImporter.NoGridReference]);

            var second = await importer.ImportAsync(Csv(
                "AV1 1AA,AV1  1AA,AV1 1AA,199001,,E1,53.700000,-2.200000,100",
                "AV1 1AB,AV1  1AB,AV1 1AB,199001,202405,E1,53.701000,-2.201000,100",
                "AV3 1AA,AV3  1AA,AV3 1AA,199001,,E1,53.730000,-2.190000,100"), CancellationToken.None);
            Assert.True(second.Succeeded, second.Error);
            Assert.Equal((1, 1, 1), (second.Added, second.Updated, second.Unchanged));
            Assert.Equal(0, second.SkippedCount);
        }

        await using (var check = database.CreateContext())
        {
            var all = await check.Postcodes.OrderBy(p => p.Code).ToListAsync();
            Assert.Equal(["AV11AA", "AV11AB", "AV11AD", "AV21AA", "AV31AA"], all.Select(p => p.Code));
            var terminated = all.Single(p => p.Code == "AV11AB");
            Assert.Equal(new DateOnly(2024, 5, 1), terminated.TerminatedOn);
            Assert.Equal("AV1 1AB", terminated.Display);
            Assert.Equal("AV1", terminated.District);
            Assert.Null(all.Single(p => p.Code == "AV11AA").TerminatedOn);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_postcode_looked_up_before_an_import_moves_with_it(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var importer = new PostcodeImporter(db);
        var lookups = new PostcodeService(db);
        Assert.True((await importer.ImportAsync(Csv("AV1 1AA,AV1  1AA,AV1 1AA,199001,,E1,53.700000,-2.200000,100"), CancellationToken.None)).Succeeded);

        var before = await lookups.LookupAsync("AV1 1AA", CancellationToken.None);
        Assert.Equal(53.7, before.Point!.Value.Latitude, 6);
        Assert.Equal(before, await lookups.LookupAsync("av1 1aa", CancellationToken.None));

        Assert.True((await importer.ImportAsync(Csv("AV1 1AA,AV1  1AA,AV1 1AA,199001,,E1,53.710000,-2.200000,100"), CancellationToken.None)).Succeeded);

        var after = await lookups.LookupAsync("AV1 1AA", CancellationToken.None);
        Assert.Equal(53.71, after.Point!.Value.Latitude, 6);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_broken_file_changes_nothing_and_names_the_line(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.CreateContext())
        {
            var seeded = await new PostcodeImporter(db).ImportAsync(Csv("AV1 1AA,AV1  1AA,AV1 1AA,199001,,E1,53.700000,-2.200000,100"), CancellationToken.None);
            Assert.True(seeded.Succeeded, seeded.Error);
        }

        var broken = new (string[] Lines, string Line)[]
        {
            // A bad latitude on line 5, after a whole batch has been saved.
            (["AV1 1AA,AV1  1AA,AV1 1AA,199001,,E1,50.000000,-1.000000,100", "AV1 1AB,AV1  1AB,AV1 1AB,199001,,E1,50.1,-1.1,100",
              "AV1 1AD,AV1  1AD,AV1 1AD,199001,,E1,50.2,-1.2,100", "AV1 1AE,AV1  1AE,AV1 1AE,199001,,E1,north,-1.3,100"], "Line 5"),
            (["AV1 1AB,AV1  1AB,AV1 1AB,199001,,E1,50.1,-1.1,100", "AV1 1AD,AV1  1AD,AV1 1AD,199001,,E1,50.2"], "Line 3"),
            (["NOT A POSTCODE,x,x,199001,,E1,50.1,-1.1,100"], "Line 2"),
            (["AV1 1AB,AV1  1AB,AV1 1AB,199001,2019-12,E1,50.1,-1.1,100"], "Line 2"),
        };
        foreach (var (lines, line) in broken)
        {
            await using var db = database.CreateContext();
            var result = await new PostcodeImporter(db) { BatchRows = 2 }.ImportAsync(Csv(lines), CancellationToken.None);
            Assert.False(result.Succeeded);
            Assert.StartsWith(line + ":", result.Error, StringComparison.Ordinal);
        }

        await using (var db = database.CreateContext())
        {
            var wrongFile = await new PostcodeImporter(db).ImportAsync(new MemoryStream("name,email\nSam,sam@example.org\n"u8.ToArray()), CancellationToken.None);
            Assert.Contains("pcds", wrongFile.Error, StringComparison.Ordinal);
            var missing = await new PostcodeImporter(db).ImportFileAsync("/nowhere/ONSPD.csv", CancellationToken.None);
            Assert.Contains("There is no file", missing.Error, StringComparison.Ordinal);
        }

        await using var check = database.CreateContext();
        var only = Assert.Single(await check.Postcodes.ToListAsync());
        Assert.Equal(("AV11AA", 53.7, -2.2), (only.Code, only.Latitude, only.Longitude));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_demo_sample_has_a_few_hundred_postcodes_in_six_districts(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var result = await new PostcodeImporter(db).ImportDemoSampleAsync(CancellationToken.None);
        Assert.True(result.Succeeded, result.Error);
        Assert.InRange(result.Added, 250, 400);
        Assert.True(result.SkippedCount > 0);
        Assert.Equal(["AV1", "AV2", "AV3", "AV4", "AV5", "AV6"], await db.Postcodes.Select(p => p.District).Distinct().OrderBy(d => d).ToListAsync());
        Assert.True(await db.Postcodes.AnyAsync(p => p.TerminatedOn != null));
    }
}
