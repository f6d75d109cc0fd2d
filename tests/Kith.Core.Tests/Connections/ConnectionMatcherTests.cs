using Kith.Core.Connections;
using Kith.Core.Connections.Matching;
using Kith.Core.Data;
using Kith.Core.Directory;
using Kith.Core.Directory.Search;
using Kith.Core.People;
using Kith.Core.Platform.Audit;
using Kith.Core.Platform.Postcodes;
using Kith.Core.Tests.Infrastructure;
using Kith.Core.Tests.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Kith.Core.Tests.Connections;

/// <summary>The ranking's rules, on hand-built assets in a real SQLite database searched through the real index.</summary>
public class ConnectionMatcherTests
{
    private static readonly ProcessContext Sam = new("user-sam", "Sam Practitioner");
    private static readonly TimeOnly Ten = new(10, 0);
    private static readonly TimeOnly Noon = new(12, 0);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_wheelchair_user_never_sees_an_inaccessible_venue_above_an_accessible_one_with_an_equal_match(Provider provider)
    {
        await using var world = await World.CreateAsync(
            provider,
            Robin(),
            TestAsset.Named("Close Gardening Club").NorthOfCentre(0.3).Runs("WEEKLY", "TU", Ten, Noon),
            TestAsset.Named("Far Gardening Club").NorthOfCentre(2.5, null, AccessibilityFeature.StepFreeAccess).Runs("WEEKLY", "TU", Ten, Noon),
            TestAsset.Named("Gardening and Baking Club").NorthOfCentre(0.2).Runs("WEEKLY", "TU", Ten, Noon));

        var names = (await world.SuggestAsync()).Suggestions.Select(s => s.Name).ToList();

        // Nearer, and the third matches both strengths, but neither is step-free: both come after the step-free one.
        Assert.Equal(["Far Gardening Club", "Gardening and Baking Club", "Close Gardening Club"], names);
        var inaccessible = (await world.SuggestAsync()).Suggestions.Single(s => s.Name == "Close Gardening Club");
        Assert.Equal(1, inaccessible.Misfits);
        Assert.Contains("no step-free access listed", inaccessible.DoesNotFit);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Each_suggestion_says_in_plain_words_why_it_fits_and_what_does_not(Provider provider)
    {
        await using var world = await World.CreateAsync(
            provider,
            Robin(),
            TestAsset.Named("Riverside Community Garden").Describe("Grow vegetables with neighbours.")
                .NorthOfCentre(1.2, null, AccessibilityFeature.StepFreeAccess).Runs("WEEKLY", "TU", Ten, Noon),
            TestAsset.Named("Evening Garden Group").NorthOfCentre(1.0).Runs("WEEKLY", "TH", new TimeOnly(18, 30), new TimeOnly(20, 0)).Costs(4));

        var suggestions = (await world.SuggestAsync()).Suggestions;

        var garden = suggestions[0];
        Assert.Equal("Riverside Community Garden", garden.Name);
        Assert.Equal(["matches 'gardening' from strengths", "1.2 km away", "Tuesday mornings, when they said they're free", "free", "step-free access"], garden.Fits);
        Assert.Empty(garden.DoesNotFit);
        Assert.Equal(0, garden.Misfits);

        var evening = suggestions[1];
        Assert.Equal(
            ["runs Thursdays 18:30 to 20:00, weekly: not when they said they're free", "costs £4.00; they said free things only", "no step-free access listed"],
            evening.DoesNotFit);
        Assert.Equal(["matches 'gardening' from strengths", "1.0 km away"], evening.Fits);
    }

    [Fact]
    public async Task A_dismissed_asset_never_returns()
    {
        await using var world = await World.CreateAsync(
            Robin(),
            TestAsset.Named("Riverside Gardening Club").NorthOfCentre(0.5, null, AccessibilityFeature.StepFreeAccess),
            TestAsset.Named("Hillside Gardening Club").NorthOfCentre(1.5, null, AccessibilityFeature.StepFreeAccess));
        var first = (await world.SuggestAsync()).Suggestions[0];
        Assert.Equal("Riverside Gardening Club", first.Name);

        await ConnectionServiceTests.Service(world.Db, world.Clock).DismissAsync(world.PersonId, first.AssetId, "Went once, not for them", Sam);

        var after = await world.SuggestAsync(count: 100);
        Assert.DoesNotContain(after.Suggestions, s => s.AssetId == first.AssetId);
        Assert.Equal(["Hillside Gardening Club"], after.Suggestions.Select(s => s.Name));
    }

    [Fact]
    public async Task What_they_already_attend_or_are_connected_with_is_not_suggested_again()
    {
        await using var world = await World.CreateAsync(
            Robin(),
            TestAsset.Named("Riverside Gardening Club").NorthOfCentre(0.5),
            TestAsset.Named("Bakers Circle").NorthOfCentre(0.6),
            TestAsset.Named("Hillside Gardening Club").NorthOfCentre(1.5),
            TestAsset.Named("Old Baking Class").NorthOfCentre(0.7));
        var all = (await world.SuggestAsync()).Suggestions.ToDictionary(s => s.Name, s => s.AssetId);
        Assert.Equal(4, all.Count);

        var service = ConnectionServiceTests.Service(world.Db, world.Clock);
        var connection = await service.CreateAsync(new CreateConnectionOptions(world.PersonId, all["Riverside Gardening Club"], ConnectionKind.SignpostOnly), Sam);
        await service.MoveAsync(world.PersonId, connection, ConnectionStatus.Requested, 1, null, Sam);
        var now = world.Clock.GetUtcNow().UtcDateTime;
        world.Db.Actor = Sam;
        world.Db.NetworkTies.Add(new NetworkTie { PersonId = world.PersonId, To = TieTo.Group, Name = "Bakers Circle", CommunityAssetId = all["Bakers Circle"], CreatedAt = now, LastModified = now });
        world.Db.NetworkTies.Add(new NetworkTie
        {
            PersonId = world.PersonId, To = TieTo.Group, Name = "Old Baking Class", CommunityAssetId = all["Old Baking Class"], CreatedAt = now, LastModified = now, EndedOn = new DateOnly(2025, 1, 1),
        });
        await world.Db.SaveChangesAsync();

        // A tie that has ended is no longer something they attend.
        Assert.Equal(["Old Baking Class", "Hillside Gardening Club"], (await world.SuggestAsync()).Suggestions.Select(s => s.Name));
    }

    [Fact]
    public async Task Ties_break_deterministically_by_name_then_id_whatever_the_order_assets_were_added()
    {
        var alpha = TestAsset.Named("Alpha Gardening").NorthOfCentre(1.0);
        var beta = TestAsset.Named("Beta Gardening").NorthOfCentre(1.0);
        var twinA = TestAsset.Named("Twin Gardening").NorthOfCentre(1.0);
        var twinB = TestAsset.Named("Twin Gardening").NorthOfCentre(1.0);
        var byId = new[] { twinA.Asset.Id, twinB.Asset.Id }.Order().ToList();

        await using var forwards = await World.CreateAsync(Robin(), alpha, beta, twinA, twinB);
        var first = (await forwards.SuggestAsync()).Suggestions;
        Assert.Equal(["Alpha Gardening", "Beta Gardening", "Twin Gardening", "Twin Gardening"], first.Select(s => s.Name));
        Assert.Equal(byId, first.Skip(2).Select(s => s.AssetId));
        Assert.Equal(first[0].Score, first[1].Score);

        await forwards.Index.RebuildAsync(forwards.Db, CancellationToken.None);
        Assert.Equal(first.Select(s => s.AssetId), (await forwards.SuggestAsync()).Suggestions.Select(s => s.AssetId));
    }

    [Fact]
    public async Task Free_times_cost_limit_travel_and_age_decide_between_equal_matches()
    {
        await using var world = await World.CreateAsync(
            Robin(born: new DateOnly(1955, 6, 1)),
            TestAsset.Named("Morning Gardening").NorthOfCentre(1.0, null, AccessibilityFeature.StepFreeAccess).Runs("WEEKLY", "WE", Ten, Noon),
            TestAsset.Named("Evening Gardening").NorthOfCentre(1.0, null, AccessibilityFeature.StepFreeAccess).Runs("WEEKLY", "WE", new TimeOnly(19, 0), new TimeOnly(21, 0)),
            TestAsset.Named("Paid Gardening").NorthOfCentre(0.5, null, AccessibilityFeature.StepFreeAccess).Runs("WEEKLY", "WE", Ten, Noon).Costs(3),
            TestAsset.Named("Children's Gardening").NorthOfCentre(0.5, null, AccessibilityFeature.StepFreeAccess).Runs("WEEKLY", "WE", Ten, Noon).Ages(5, 11),
            TestAsset.Named("Distant Gardening").NorthOfCentre(12, null, AccessibilityFeature.StepFreeAccess).Runs("WEEKLY", "WE", Ten, Noon));

        var suggestions = (await world.SuggestAsync()).Suggestions;

        Assert.Equal(["Morning Gardening", "Evening Gardening", "Paid Gardening"], suggestions.Select(s => s.Name));
        Assert.Equal(1, suggestions[2].Misfits);
        Assert.Contains("Wednesday mornings, when they said they're free", suggestions[0].Fits);
    }

    [Fact]
    public async Task Goals_in_their_own_words_and_gifts_they_could_share_are_matched_and_volunteering_counts()
    {
        var person = Robin() with
        {
            Strengths = [(StrengthCategory.Gift, "Fixing bikes")],
            Goals = ["I want to get back on my bike"],
        };
        await using var world = await World.CreateAsync(
            person,
            TestAsset.Named("Bike Repair Cafe").Involve("Volunteers welcome to help fix bikes.").NorthOfCentre(0.8, null, AccessibilityFeature.StepFreeAccess),
            TestAsset.Named("Knitting Circle").NorthOfCentre(0.4, null, AccessibilityFeature.StepFreeAccess));

        var suggestions = (await world.SuggestAsync()).Suggestions;

        var cafe = suggestions[0];
        Assert.Equal("Bike Repair Cafe", cafe.Name);
        Assert.Contains("could share 'Fixing bikes' (a gift): a chance to volunteer", cafe.Fits);
        Assert.Contains("matches 'I want to get back on my bike' from goals", cafe.Fits);
        Assert.Contains("welcomes volunteers, and they have gifts to share", cafe.Fits);
        Assert.DoesNotContain(suggestions[1].Fits, f => f.StartsWith("matches", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Their_language_lifts_an_asset_that_works_in_it()
    {
        var urdu = TestAsset.Named("Gardening Together").NorthOfCentre(1.0, null, AccessibilityFeature.StepFreeAccess);
        urdu.Asset.Languages.Add(new Language { ServiceId = urdu.Asset.Id, Name = "Urdu", Code = "ur" });
        var english = TestAsset.Named("Gardening Friends").NorthOfCentre(1.0, null, AccessibilityFeature.StepFreeAccess);
        english.Asset.Languages.Add(new Language { ServiceId = english.Asset.Id, Name = "English", Code = "en" });
        await using var world = await World.CreateAsync(Robin() with { Language = "Urdu" }, english, urdu);

        var suggestions = (await world.SuggestAsync()).Suggestions;

        Assert.Equal(["Gardening Together", "Gardening Friends"], suggestions.Select(s => s.Name));
        Assert.Contains("in Urdu", suggestions[0].Fits);
        Assert.Contains("Urdu not listed", suggestions[1].DoesNotFit);
    }

    [Fact]
    public async Task Every_call_is_audited_as_a_read_of_the_person_and_an_unknown_person_gets_null()
    {
        await using var world = await World.CreateAsync(Robin(), TestAsset.Named("Riverside Gardening Club").NorthOfCentre(0.5));

        var results = await world.SuggestAsync();

        Assert.True(results.HomeKnown);
        Assert.Equal(5, results.RadiusKm);
        var read = await world.Db.AuditEvents.AsNoTracking().SingleAsync(e => e.PersonId == world.PersonId && e.Action == AuditActions.Viewed);
        Assert.Contains("suggestions", read.Changes, StringComparison.Ordinal);
        Assert.Null(await world.Matcher.SuggestAsync(Guid.NewGuid(), Sam));
    }

    [Theory]
    [InlineData("gardening", "garden")]
    [InlineData("gardeners", "garden")]
    [InlineData("knitting", "knit")]
    [InlineData("swimming", "swim")]
    [InlineData("classes", "class")]
    [InlineData("stories", "story")]
    [InlineData("walks", "walk")]
    [InlineData("baked", "bak")]
    [InlineData("grass", "grass")]
    [InlineData("art", "art")]
    public void Stems_strip_one_english_ending(string word, string stem) => Assert.Equal(stem, InterestWords.Stem(word));

    [Fact]
    public void Keywords_drop_short_and_common_words_and_prefixes_match_only_near_stems()
    {
        Assert.Equal(["bike"], InterestWords.Keywords("I want to get back on my bike"));
        Assert.Equal("bike", InterestWords.QueryText("I want to get back on my bike"));
        var stems = InterestWords.StemsOf(["Cookery and arthritis support"]);
        Assert.True(InterestWords.Matches("cook", stems));
        Assert.False(InterestWords.Matches("art", stems));
    }

    /// <summary>Robin: strengths "gardening" and "baking", needs step-free access, free weekday mornings, free things only, 5 km.</summary>
    private static PersonFixture Robin(DateOnly? born = null) => new(
        [(StrengthCategory.PassionOrInterest, "gardening"), (StrengthCategory.Skill, "baking")],
        [],
        new ConnectingPreferences
        {
            TravelKm = 5,
            FreeTimes = FreeTimes.On(FreeTimes.Weekdays, DayPart.Morning),
            CostLimit = 0,
            AccessNeeds = [AccessibilityFeature.StepFreeAccess],
        },
        born,
        null);

    private sealed record PersonFixture(
        IReadOnlyList<(StrengthCategory Category, string Words)> Strengths,
        IReadOnlyList<string> Goals,
        ConnectingPreferences Preferences,
        DateOnly? Born,
        string? Language);

    /// <summary>A database with the person at home in <see cref="TestAsset.Centre"/>, the assets, and the index built from them.</summary>
    private sealed class World : IAsyncDisposable
    {
        private World(TestDatabase database, FakeTimeProvider clock, KithDbContext db, AssetSearchIndex index, Guid personId)
        {
            Database = database;
            Clock = clock;
            Db = db;
            Index = index;
            PersonId = personId;
            Matcher = new ConnectionMatcher(db, index, new PostcodeService(db), new PersonAccessService(db, clock), clock);
        }

        public TestDatabase Database { get; }

        public FakeTimeProvider Clock { get; }

        public KithDbContext Db { get; }

        public AssetSearchIndex Index { get; }

        public Guid PersonId { get; }

        public ConnectionMatcher Matcher { get; }

        public static Task<World> CreateAsync(PersonFixture fixture, params TestAsset[] assets) => CreateAsync(Provider.Sqlite, fixture, assets);

        /// <summary>As above, on <paramref name="provider"/>: the matcher's own queries must read the same on both.</summary>
        public static async Task<World> CreateAsync(Provider provider, PersonFixture fixture, params TestAsset[] assets)
        {
            var database = await TestDatabase.CreateAsync(provider);
            var clock = new FakeTimeProvider(new DateTimeOffset(TestAsset.Today.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero));
            var db = database.CreateContext(clock);
            db.Actor = Sam;
            var now = clock.GetUtcNow().UtcDateTime;
            db.Postcodes.Add(new Postcode { Code = "LS11AA", Display = "LS1 1AA", District = "LS1", Latitude = TestAsset.Centre.Latitude, Longitude = TestAsset.Centre.Longitude });
            var person = new Person { Name = "Robin Example", Postcode = "LS1 1AA", DateOfBirth = fixture.Born, PreferredLanguage = fixture.Language, CreatedAt = now, LastModified = now };
            db.People.Add(person);
            foreach (var (category, words) in fixture.Strengths)
            {
                db.Strengths.Add(new Strength { PersonId = person.Id, Category = category, Words = words, SearchText = words.ToLowerInvariant(), RecordedAt = now, RecordedByName = "Sam" });
            }

            foreach (var words in fixture.Goals)
            {
                db.Goals.Add(new Goal { PersonId = person.Id, Words = words, CreatedAt = now, LastModified = now });
            }

            fixture.Preferences.PersonId = person.Id;
            fixture.Preferences.LastModified = now;
            db.ConnectingPreferences.Add(fixture.Preferences);
            foreach (var asset in assets)
            {
                db.CommunityAssets.Add(asset.Asset);
            }

            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
            var index = new AssetSearchIndex(clock);
            await index.RebuildAsync(db, CancellationToken.None);
            return new World(database, clock, db, index, person.Id);
        }

        public async Task<SuggestionResults> SuggestAsync(int count = 10) =>
            (await Matcher.SuggestAsync(PersonId, Sam, count))!;

        public async ValueTask DisposeAsync()
        {
            await Db.DisposeAsync();
            await Database.DisposeAsync();
        }
    }
}
