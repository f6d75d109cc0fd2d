using Kith.Core.Directory.Interchange;
using Kith.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using static Kith.Core.Tests.Interchange.InterchangeTestData;

namespace Kith.Core.Tests.Interchange;

public sealed class HsdsCsvTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));

    private async Task<ImportReport> ImportFolderAsync(TestDatabase database, string key, string folder)
    {
        await using var db = database.CreateContext(clock);
        return await new DirectoryImporter(db, clock).ImportAsync(key, HsdsCsvSource.ReadFolderAsync(folder));
    }

    [Theory]
    [InlineData("hsds")]
    [InlineData("oruk")]
    public async Task The_example_datapackages_import_once(string standard)
    {
        await using var database = await TestDatabase.CreateAsync(Provider.Sqlite);
        var first = await ImportFolderAsync(database, "example", Examples(standard, "csv"));
        Assert.True(first.Completed, first.Failure);
        Assert.Empty(first.Rejections);
        Assert.True(first.Services.Added >= 1);
        var second = await ImportFolderAsync(database, "example", Examples(standard, "csv"));
        Assert.Equal(first.Services.Added, second.Services.Unchanged);
        Assert.Equal(0, second.Services.Added + second.Services.Updated);
        await using var db = database.CreateContext();
        Assert.Equal(first.Services.Added, await db.CommunityAssets.CountAsync());
        Assert.True(await db.ServiceAtLocations.AnyAsync());
        Assert.True(await db.Addresses.AnyAsync());
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Export_import_into_an_empty_database_and_export_again_gives_the_same_files(Provider provider)
    {
        var first = System.IO.Directory.CreateTempSubdirectory("kith-hsds-a").FullName;
        var second = System.IO.Directory.CreateTempSubdirectory("kith-hsds-b").FullName;
        try
        {
            await using (var source = await TestDatabase.CreateAsync(provider))
            {
                await ImportFolderAsync(source, "example", Examples("hsds", "csv"));
                await using var importJson = source.CreateContext(clock);
                await new DirectoryImporter(importJson, clock).ImportAsync("json", OrukJsonSource.ReadFileAsync(Examples("oruk", "service_full.json")));
                await using var db = source.CreateContext();
                Assert.Equal(2, await new HsdsCsvExporter(db).ExportAsync(first));
            }

            await using (var target = await TestDatabase.CreateAsync(provider))
            {
                var report = await ImportFolderAsync(target, "round-trip", first);
                Assert.True(report.Completed, report.Failure);
                Assert.Empty(report.Rejections);
                await using var db = target.CreateContext();
                await new HsdsCsvExporter(db).ExportAsync(second);
            }

            var files = System.IO.Directory.GetFiles(first).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(files, System.IO.Directory.GetFiles(second).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList());
            Assert.Contains("services.csv", files);
            foreach (var file in files)
            {
                Assert.Equal(await File.ReadAllTextAsync(Path.Combine(first, file!)), await File.ReadAllTextAsync(Path.Combine(second, file!)));
            }

            Assert.Contains("ac148810-d857-441c-9679-408f346de14b", await File.ReadAllTextAsync(Path.Combine(second, "services.csv")), StringComparison.Ordinal);
        }
        finally
        {
            System.IO.Directory.Delete(first, recursive: true);
            System.IO.Directory.Delete(second, recursive: true);
        }
    }

    [Fact]
    public async Task A_missing_folder_fails_with_a_message()
    {
        await using var database = await TestDatabase.CreateAsync(Provider.Sqlite);
        var report = await ImportFolderAsync(database, "example", "/nowhere/at/all");
        Assert.False(report.Completed);
        Assert.Contains("There is no folder", report.Failure, StringComparison.Ordinal);
        Assert.True(report.NothingTaken);
    }
}
