using Kith.Core.Directory.Search;

namespace Kith.Core.Tests.Search;

/// <summary>The packed columns a search decides from without the full record must never decide wrongly.</summary>
public class DocumentColumnsTests
{
    [Fact]
    public void Name_keys_that_differ_order_names_as_the_result_order_does()
    {
        var random = new Random(20261203);
        const string letters = "aAbBcC -'zZ19";
        var names = Enumerable.Range(0, 3000)
            .Select(_ => new string(Enumerable.Range(0, random.Next(0, 13)).Select(_ => letters[random.Next(letters.Length)]).ToArray()))
            .Concat(["Café", "cafe", "Cafe club", "CAFE CLUB", "Walking group", "walking", "Ŵyn"])
            .ToList();

        var decided = 0;
        foreach (var a in names)
        {
            var b = names[random.Next(names.Count)];
            var (keyA, keyB) = (DocumentColumns.KeyOf(a), DocumentColumns.KeyOf(b));
            if (keyA == DocumentColumns.NoNameKey || keyB == DocumentColumns.NoNameKey || keyA == keyB)
            {
                continue;
            }

            decided++;
            Assert.Equal(Math.Sign(string.Compare(a, b, StringComparison.OrdinalIgnoreCase)), Math.Sign(keyA.CompareTo(keyB)));
        }

        Assert.True(decided > 2000, $"only {decided} pairs were decided by their keys");
        Assert.Equal(DocumentColumns.NoNameKey, DocumentColumns.KeyOf("Ŵyn"));
        Assert.Equal(DocumentColumns.KeyOf("walking group"), DocumentColumns.KeyOf("WALKING GROUP"));
    }

    [Fact]
    public void The_least_distance_to_a_box_is_never_more_than_the_distance_to_a_place_in_it()
    {
        var random = new Random(7);
        for (var i = 0; i < 20_000; i++)
        {
            // Boxes from one place to a few spread up to 8° (the UK is about 10° wide), searchers anywhere nearby.
            var places = Enumerable.Range(0, 1 + random.Next(4))
                .Select(_ => new GeoPoint(49 + (random.NextDouble() * 12), -8 + (random.NextDouble() * 10)))
                .ToList();
            var asset = TestAsset.Named("Box");
            foreach (var place in places)
            {
                asset.At(place.Latitude, place.Longitude);
            }

            var columns = Columns(asset);
            var searcher = new GeoPoint(45 + (random.NextDouble() * 20), -15 + (random.NextDouble() * 25));
            var least = columns.LeastDistanceMetres(searcher);
            Assert.NotNull(least);
            foreach (var place in places)
            {
                Assert.True(least <= GeoMath.DistanceMetres(searcher, place), $"{least} m to the box, but a place is {GeoMath.DistanceMetres(searcher, place)} m away");
            }
        }
    }

    [Fact]
    public void The_columns_stay_at_72_bytes_a_document()
    {
        // A million documents' columns are read on every search and held in memory: each byte is a megabyte.
        Assert.Equal(72, System.Runtime.CompilerServices.Unsafe.SizeOf<DocumentColumns>());
    }

    [Fact]
    public void A_document_with_no_located_place_has_no_least_distance()
    {
        var columns = Columns(TestAsset.Named("Online chess").Online());

        Assert.Null(columns.LeastDistanceMetres(TestAsset.Centre));
        Assert.False(columns.BoundsIntersect(Box.Around(TestAsset.Centre, 1000)));
    }

    private static DocumentColumns Columns(TestAsset asset) =>
        DocumentColumns.From(AssetDocument.From(asset.Asset, new DocumentBuilder([], new Vocabulary())));
}
