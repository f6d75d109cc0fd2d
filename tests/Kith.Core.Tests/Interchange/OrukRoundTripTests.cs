using Kith.Core.Directory.Interchange;
using Kith.Core.Directory.OpenReferral;
using Kith.Core.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using static Kith.Core.Tests.Interchange.InterchangeTestData;

namespace Kith.Core.Tests.Interchange;

public sealed class OrukRoundTripTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Export_ndjson_import_into_an_empty_database_and_export_again_gives_the_same_bytes(Provider provider)
    {
        var path = Path.Combine(Path.GetTempPath(), $"kith-oruk-{Guid.NewGuid():N}.ndjson");
        try
        {
            byte[] first;
            await using (var source = await TestDatabase.CreateAsync(provider))
            {
                await using (var db = source.CreateContext(clock))
                {
                    var report = await new DirectoryImporter(db, clock).ImportAsync("example", OrukJsonSource.ReadFileAsync(Examples("oruk", "service_full.json")));
                    Assert.True(report.Completed, report.Failure);
                    report = await new DirectoryImporter(db, clock).ImportAsync("made-up", Ndjson(Service(1).ToJsonString(), Service(2).ToJsonString(), Service(3).ToJsonString()));
                    Assert.Equal(3, report.Services.Added);
                }

                first = await ExportAsync(source);
            }

            await File.WriteAllBytesAsync(path, first);
            await using var target = await TestDatabase.CreateAsync(provider);
            await using (var db = target.CreateContext(clock))
            {
                var report = await new DirectoryImporter(db, clock).ImportAsync("round-trip", OrukJsonSource.ReadFileAsync(path));
                Assert.True(report.Completed, report.Failure);
                Assert.Empty(report.Rejections);
                Assert.Equal(4, report.Services.Added);
            }

            var second = await ExportAsync(target);
            Assert.Equal(4, System.Text.Encoding.UTF8.GetString(first).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
            Assert.Equal(System.Text.Encoding.UTF8.GetString(first), System.Text.Encoding.UTF8.GetString(second));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task<byte[]> ExportAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        using var buffer = new MemoryStream();
        await OrukExporter.ExportAsync(db, buffer, CancellationToken.None);
        return buffer.ToArray();
    }
}
