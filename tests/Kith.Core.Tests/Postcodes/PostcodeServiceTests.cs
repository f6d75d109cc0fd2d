using Kith.Core.Platform.Postcodes;
using Kith.Core.Tests.Infrastructure;

namespace Kith.Core.Tests.Postcodes;

public class PostcodeServiceTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Looks_up_postcodes_districts_and_refuses_what_is_not_a_postcode(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var imported = await new PostcodeImporter(db).ImportDemoSampleAsync(CancellationToken.None);
        Assert.True(imported.Succeeded, imported.Error);
        var service = new PostcodeService(db);

        var exact = await service.LookupAsync("  av1   2ab ", CancellationToken.None);
        Assert.Equal(PostcodeMatch.Exact, exact.Match);
        Assert.Equal("AV1 2AB", exact.Display);
        Assert.Equal(53.7004, exact.Point!.Value.Latitude, 4);
        Assert.Equal(-2.2003, exact.Point!.Value.Longitude, 4);

        Assert.Equal(PostcodeMatch.Exact, (await service.LookupAsync("AV12AB", CancellationToken.None)).Match);

        var district = await service.LookupAsync("av3", CancellationToken.None);
        Assert.Equal(PostcodeMatch.District, district.Match);
        Assert.Equal("AV3", district.Display);
        Assert.InRange(district.Point!.Value.Latitude, 53.70, 53.75);

        // "AV3 9ZZ" is not in the sample, but AV3 is: the district's centre, labelled as the district.
        var unknownInKnownDistrict = await service.LookupAsync("AV3 9ZZ", CancellationToken.None);
        Assert.Equal(PostcodeMatch.District, unknownInKnownDistrict.Match);
        Assert.Equal("AV3", unknownInKnownDistrict.Display);
        Assert.Equal(district.Point, unknownInKnownDistrict.Point);

        var unknownDistrict = await service.LookupAsync("ZZ9 9ZZ", CancellationToken.None);
        Assert.Equal(PostcodeMatch.NotFound, unknownDistrict.Match);
        Assert.Equal("ZZ9 9ZZ", unknownDistrict.Display);
        Assert.Null(unknownDistrict.Point);
        Assert.Equal(PostcodeMatch.NotFound, (await service.LookupAsync("AV9", CancellationToken.None)).Match);

        foreach (var malformed in new[] { null, "", "   ", "AV1 2A", "1AV 2AB", "AV1 2AB 3", "A V1 2AB", "AV1-2AB", "'; DROP TABLE \"Postcodes\"; --", new string('A', 2000) })
        {
            var result = await service.LookupAsync(malformed, CancellationToken.None);
            Assert.Equal(PostcodeMatch.Malformed, result.Match);
            Assert.Null(result.Point);
        }

        Assert.Equal(PostcodeMatch.Exact, (await service.LookupAsync("AV1 2AB", CancellationToken.None)).Match);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Terminated_postcodes_still_resolve_but_do_not_move_the_district_centre(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var csv = """
            pcd,pcds,dointr,doterm,lat,long
            "QQ1 1AA","QQ1 1AA",199001,,50.000000,-1.000000
            "QQ1 1AB","QQ1 1AB",199001,,50.002000,-1.002000
            "QQ1 1AD","QQ1 1AD",199001,201503,51.000000,-2.000000
            """;
        var result = await new PostcodeImporter(db).ImportAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv)), CancellationToken.None);
        Assert.True(result.Succeeded, result.Error);
        var service = new PostcodeService(db);

        var terminated = await service.LookupAsync("QQ1 1AD", CancellationToken.None);
        Assert.Equal(PostcodeMatch.Exact, terminated.Match);
        Assert.Equal(51.0, terminated.Point!.Value.Latitude, 6);

        var district = await service.LookupAsync("QQ1", CancellationToken.None);
        Assert.Equal(50.001, district.Point!.Value.Latitude, 6);
        Assert.Equal(-1.001, district.Point!.Value.Longitude, 6);
    }

    [Theory]
    [InlineData("AV1 2AB", "AV1", "2AB")]
    [InlineData("sw1a1aa", "SW1A", "1AA")]
    [InlineData("M1 1AE", "M1", "1AE")]
    [InlineData("B33 8TH", "B33", "8TH")]
    [InlineData("cr2", "CR2", null)]
    [InlineData("\tEC1A\u00a01BB ", "EC1A", "1BB")]
    public void Reads_every_shape_of_postcode(string text, string outward, string? inward)
    {
        Assert.True(PostcodeText.TryParse(text, out var postcode));
        Assert.Equal(new PostcodeText(outward, inward), postcode);
    }

    [Theory]
    [InlineData("AV")]
    [InlineData("AV1 2")]
    [InlineData("AVX 2AB")]
    [InlineData("AV1 2A8")]
    [InlineData("AV1 22AB")]
    [InlineData("<script>")]
    public void Refuses_what_is_not_shaped_like_a_postcode(string text) =>
        Assert.False(PostcodeText.TryParse(text, out _));
}
