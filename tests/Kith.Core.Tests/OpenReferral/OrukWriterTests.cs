using System.Text;
using System.Text.Json;
using Kith.Core.Directory;
using Kith.Core.Directory.OpenReferral;

namespace Kith.Core.Tests.OpenReferral;

public class OrukWriterTests
{
    private static readonly Guid ServiceId = new("11111111-1111-4111-8111-111111111111");

    [Fact]
    public void The_same_service_gives_the_same_bytes_whatever_order_its_collections_were_loaded_in()
    {
        var forwards = Write(NewService(reverse: false), ServiceShape.Full);
        var backwards = Write(NewService(reverse: true), ServiceShape.Full);

        Assert.Equal(forwards, backwards);
        using var json = JsonDocument.Parse(forwards);
        var phones = json.RootElement.GetProperty("phones").EnumerateArray().Select(p => p.GetProperty("id").GetString()).ToList();
        Assert.Equal(phones.Order(StringComparer.Ordinal), phones);
    }

    [Theory]
    [InlineData(AssetStatus.Active, "active")]
    [InlineData(AssetStatus.Inactive, "inactive")]
    [InlineData(AssetStatus.Defunct, "defunct")]
    [InlineData(AssetStatus.TemporarilyClosed, "temporarily closed")]
    public void Status_uses_the_HSDS_vocabulary(AssetStatus status, string expected)
    {
        var service = NewService(reverse: false);
        service.Status = status;

        using var json = JsonDocument.Parse(Write(service, ServiceShape.List));

        Assert.Equal(expected, json.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public void Empty_and_invalid_optional_fields_are_left_out()
    {
        var service = NewService(reverse: false);
        service.AlternateName = "   ";
        service.Url = "not a web address";
        service.Email = "Someone <someone@example.org>";
        service.Languages.Clear();

        using var json = JsonDocument.Parse(Write(service, ServiceShape.Full));

        Assert.False(json.RootElement.TryGetProperty("alternate_name", out _));
        Assert.False(json.RootElement.TryGetProperty("url", out _));
        Assert.False(json.RootElement.TryGetProperty("email", out _));
        Assert.False(json.RootElement.TryGetProperty("languages", out _));
        Assert.DoesNotContain("null", json.RootElement.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_daily_rule_is_said_weekly_because_the_UK_profile_allows_only_weekly_and_monthly()
    {
        var service = NewService(reverse: false);
        service.Schedules.Clear();
        service.Schedules.Add(new Schedule { ServiceId = ServiceId, Freq = "DAILY", Interval = 1, OpensAt = new TimeOnly(9, 0), ClosesAt = new TimeOnly(17, 30) });
        service.Schedules.Add(new Schedule { ServiceId = ServiceId, Freq = "YEARLY", Description = "Every spring" });

        using var json = JsonDocument.Parse(Write(service, ServiceShape.Full));

        var schedules = json.RootElement.GetProperty("schedules").EnumerateArray().ToList();
        var daily = Assert.Single(schedules, s => s.TryGetProperty("opens_at", out _));
        Assert.Equal("WEEKLY", daily.GetProperty("freq").GetString());
        Assert.Equal("MO,TU,WE,TH,FR,SA,SU", daily.GetProperty("byday").GetString());
        Assert.Equal("09:00", daily.GetProperty("opens_at").GetString());
        Assert.Equal("17:30", daily.GetProperty("closes_at").GetString());
        var yearly = Assert.Single(schedules, s => s.TryGetProperty("description", out _));
        Assert.False(yearly.TryGetProperty("freq", out _));
    }

    [Fact]
    public void Last_verified_is_the_assured_date_and_the_kind_is_an_attribute()
    {
        var service = NewService(reverse: false);

        using var json = JsonDocument.Parse(Write(service, ServiceShape.Full));

        Assert.Equal("2026-11-30", json.RootElement.GetProperty("assured_date").GetString());
        Assert.Equal("2026-12-01T09:05:03.250Z", json.RootElement.GetProperty("last_modified").GetString());
        var kind = KithVocabularies.KindTerm(AssetKind.Association).Id.ToString();
        Assert.Contains(json.RootElement.GetProperty("attributes").EnumerateArray(), a => a.GetProperty("taxonomy_term_id").GetString() == kind);
    }

    [Fact]
    public void A_circular_service_area_is_a_closed_geojson_polygon()
    {
        var polygon = JsonDocument.Parse(OrukWriter.CirclePolygon(53.7, -2.2, 5_000)).RootElement;

        Assert.Equal("Polygon", polygon.GetProperty("type").GetString());
        var ring = polygon.GetProperty("coordinates")[0].EnumerateArray().ToList();
        Assert.Equal(33, ring.Count);
        Assert.Equal(ring[0].GetRawText(), ring[^1].GetRawText());
    }

    [Fact]
    public void Kiths_vocabulary_ids_are_stable_and_distinct()
    {
        var ids = KithVocabularies.Terms.Select(t => t.Id).ToList();

        Assert.Equal(7, ids.Distinct().Count());
        Assert.Equal(ids, KithVocabularies.Terms.Select(t => t.Id));
        Assert.Equal(AssetKind.Cultural, KithVocabularies.KindOf(KithVocabularies.KindTerm(AssetKind.Cultural).Id));
        Assert.Null(KithVocabularies.KindOf(Guid.NewGuid()));
    }

    private static string Write(CommunityAsset service, ServiceShape shape)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            new OrukWriter(new Dictionary<Guid, TaxonomyTerm>()).WriteService(writer, service, shape);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static CommunityAsset NewService(bool reverse)
    {
        var organization = new Organization { Id = new Guid("22222222-2222-4222-8222-222222222222"), Name = "Vale Walkers" };
        var service = new CommunityAsset
        {
            Id = ServiceId,
            OrganizationId = organization.Id,
            Organization = organization,
            Name = "Tuesday walk",
            Description = "A gentle walk round the park.",
            Url = "https://walkers.example/tuesday",
            Email = "hello@walkers.example",
            Kind = AssetKind.Association,
            LastVerifiedOn = new DateOnly(2026, 11, 30),
            LastModified = new DateTime(2026, 12, 1, 9, 5, 3, 250, DateTimeKind.Utc),
        };
        var phones = Enumerable.Range(1, 4).Select(i => new Phone { Id = new Guid($"3333333{i}-3333-4333-8333-333333333333"), ServiceId = ServiceId, Number = $"01632 96000{i}" }).ToList();
        var languages = new[] { "English", "Polish", "Urdu" }.Select((name, i) => new Language { Id = new Guid($"4444444{i}-4444-4444-8444-444444444444"), ServiceId = ServiceId, Name = name }).ToList();
        if (reverse)
        {
            phones.Reverse();
            languages.Reverse();
        }

        service.Phones.AddRange(phones);
        service.Languages.AddRange(languages);
        service.ServiceAreas.Add(new ServiceArea { ServiceId = ServiceId, Id = new Guid("55555555-5555-4555-8555-555555555555"), Name = "Ashworth Vale", CentreLatitude = 53.7, CentreLongitude = -2.2, RadiusMetres = 6_000 });
        return service;
    }
}
