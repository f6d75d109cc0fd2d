using Kith.Core.Directory;
using Kith.Core.Directory.Interchange;
using Kith.Core.Platform.Postcodes;
using Kith.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Kith.Core.Tests.Interchange;

public sealed class CommunityCsvTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));

    private const string Sheet = """
        Name,What it is,Kind,Organisation,Address,Town,Postcode,Day and times,Cost,Who it's for,Phone,Email
        Tuesday lunch club,A hot lunch and a chat,group,St Mary's Church,St Mary's Hall,Avonford,AV1 2AB,Tuesdays 12:00-14:00,£3,Older people,01234 567890,lunch@example.org
        Chair yoga,Gentle yoga sitting down,place,Avonford Leisure,Leisure Centre,Avonford,AV1 2AB,Mon and Thu 10am-11am,Free,Anyone,,
        No organisation,Something,,,,,,,,,,
        Bad postcode,Something,group,Somebody,1 Road,Avonford,ZZ99 9ZZ,,,,,
        Odd kind,Something,spaceship,Somebody,,,,,,,,
        """;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_workshop_sheet_imports_with_postcodes_placed_and_bad_rows_explained(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.CreateContext())
        {
            await new PostcodeImporter(db).ImportDemoSampleAsync(CancellationToken.None);
        }

        var path = Path.Combine(Path.GetTempPath(), $"kith-sheet-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, Sheet);
        try
        {
            ImportReport report;
            await using (var db = database.CreateContext(clock))
            {
                report = await new DirectoryImporter(db, clock).ImportAsync("workshop", CommunityCsvSource.ReadFileAsync(path, new PostcodeService(db)));
            }

            Assert.True(report.Completed, report.Failure);
            Assert.Equal(2, report.Services.Added);
            Assert.Equal(3, report.Services.Rejected);
            Assert.Contains(report.Rejections, r => r.Where == "line 4" && r.Reason.Contains("organisation is empty", StringComparison.Ordinal));
            Assert.Contains(report.Rejections, r => r.Where == "line 5" && r.Reason.Contains("ZZ99 9ZZ", StringComparison.Ordinal));
            Assert.Contains(report.Rejections, r => r.Where == "line 6" && r.Reason.Contains("spaceship", StringComparison.Ordinal));

            await using (var db = database.CreateContext())
            {
                var lunch = await db.CommunityAssets.Include(a => a.Schedules).Include(a => a.CostOptions)
                    .Include(a => a.ServiceAtLocations).ThenInclude(s => s.Location).SingleAsync(a => a.Name == "Tuesday lunch club");
                Assert.Equal(AssetKind.Association, lunch.Kind);
                var schedule = Assert.Single(lunch.Schedules);
                Assert.Equal(("WEEKLY", "TU", new TimeOnly(12, 0), new TimeOnly(14, 0)), (schedule.Freq!, schedule.ByDay!, schedule.OpensAt!.Value, schedule.ClosesAt!.Value));
                Assert.Equal(3m, Assert.Single(lunch.CostOptions).Amount);
                Assert.Equal(53.7004, Assert.Single(lunch.ServiceAtLocations).Location!.Latitude!.Value, 3);
                var yoga = await db.CommunityAssets.Include(a => a.Schedules).Include(a => a.CostOptions).SingleAsync(a => a.Name == "Chair yoga");
                Assert.Equal(AssetKind.Physical, yoga.Kind);
                Assert.Equal(("MO,TH", new TimeOnly(10, 0), new TimeOnly(11, 0)), (yoga.Schedules[0].ByDay!, yoga.Schedules[0].OpensAt!.Value, yoga.Schedules[0].ClosesAt!.Value));
                Assert.True(yoga.IsFree);
            }

            await using (var db = database.CreateContext(clock))
            {
                var again = await new DirectoryImporter(db, clock).ImportAsync("workshop", CommunityCsvSource.ReadFileAsync(path, new PostcodeService(db)));
                Assert.Equal(2, again.Services.Unchanged);
                Assert.Equal(0, again.Services.Added);
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_shipped_template_has_every_column_in_order()
    {
        var template = FindTemplate();
        var header = File.ReadLines(template).First().Split(',');
        Assert.Equal(CommunityCsvSource.Columns, header);
    }

    private static string FindTemplate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "docs", "templates", "community-assets.csv");
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new FileNotFoundException("docs/templates/community-assets.csv was not found above the test folder.");
    }
}
