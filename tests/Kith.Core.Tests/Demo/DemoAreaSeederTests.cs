using System.Text;
using System.Text.Json;
using Kith.Core.Data;
using Kith.Core.Directory;
using Kith.Core.Directory.Demo;
using Kith.Core.Platform;
using Kith.Core.Platform.Accounts;
using Kith.Core.Platform.Notifications;
using Kith.Core.Platform.Postcodes;
using Kith.Core.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Kith.Core.Tests.Demo;

public class DemoAreaSeederTests
{
    private const string Password = "demo-password-for-tests";

    /// <summary>The services the seeder needs, on the test database, with the app's password rules.</summary>
    private static ServiceProvider Services(TestDatabase database, TimeProvider clock)
    {
        var services = new ServiceCollection();
        services.AddKithAccounts(database, clock);
        services.AddScoped<DemoAreaSeeder>();
        return services.BuildServiceProvider();
    }

    private static async Task<DemoSeedResult> SeedAsync(TestDatabase database, DateTimeOffset now, string password = Password)
    {
        await using var services = Services(database, new FakeTimeProvider(now));
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DemoAreaSeeder>().SeedAsync(new DemoSeedOptions(password), CancellationToken.None);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Seeds_a_realistic_area_the_same_way_twice_on_the_same_day(Provider provider)
    {
        var morning = new DateTimeOffset(2026, 11, 23, 8, 5, 0, TimeSpan.Zero);
        await using var first = await TestDatabase.CreateAsync(provider);
        var result = await SeedAsync(first, morning);

        await using (var db = first.CreateContext())
        {
            var assets = await db.CommunityAssets.AsNoTracking()
                .Include(a => a.CostOptions).Include(a => a.TaxonomyTerms).Include(a => a.Schedules).Include(a => a.ServiceAreas)
                .Include(a => a.ServiceAtLocations).ThenInclude(s => s.Location).ThenInclude(l => l!.Accessibility)
                .Include(a => a.ServiceAtLocations).ThenInclude(s => s.Location).ThenInclude(l => l!.Addresses)
                .AsSplitQuery().ToListAsync();
            Assert.Equal(result.Assets, assets.Count);
            Assert.True(assets.Count >= 320, $"{assets.Count} assets");
            Assert.InRange(await db.Organizations.CountAsync(), 110, 130);
            Assert.Equal(Enum.GetValues<AssetKind>().Order(), assets.Select(a => a.Kind).Distinct().Order());
            Assert.InRange(assets.Count(a => a.IsArchived), 3, assets.Count / 15);
            var today = new DateOnly(2026, 11, 23);
            var stale = assets.Count(a => a.LastVerifiedOn < today.AddMonths(-12));
            Assert.InRange(stale, assets.Count / 20, assets.Count / 6);
            Assert.All(assets, a => Assert.InRange(a.LastVerifiedOn!.Value, today.AddYears(-3), today));
            Assert.True(assets.Count(a => a.IsFree) > assets.Count / 2);
            Assert.Contains(assets, a => a.CostOptions.Any(c => c.Amount == 2m));
            Assert.Contains(assets, a => a.ServiceAtLocations.Any(s => s.Location!.LocationType == LocationType.Virtual));
            Assert.Contains(assets, a => a.ServiceAreas.Any(s => s.ExtentType == "geojson" && s.Extent!.StartsWith("{\"type\":\"Polygon\"", StringComparison.Ordinal)));
            Assert.Contains(assets, a => a.ServiceAreas.Any(s => s.RadiusMetres > 0));
            Assert.Contains(assets, a => a.Schedules.Any(s => s.Interval == 2));
            Assert.Contains(assets, a => a.Schedules.Any(s => s.Freq == "MONTHLY" && s.ByDay!.EndsWith("MO", StringComparison.Ordinal)));
            Assert.Contains(assets, a => a.Schedules.Any(s => s.Freq == "DAILY" && s.ByDay == "MO,TU,WE,TH,FR"));
            Assert.Contains(assets, a => a.MinimumAge == 50);
            Assert.Contains(assets, a => a.MinimumAge == 11 && a.MaximumAge == 18);
            Assert.Contains(assets, a => a.MaximumAge == 5);
            Assert.Equal(3, assets.Select(a => a.Source).Distinct().Count());
            Assert.Equal(2, assets.Select(a => a.IntroductionPolicy).Distinct().Count());
            Assert.All(assets, a => Assert.False(string.IsNullOrWhiteSpace(a.HowToGetInvolved)));
            Assert.All(assets.SelectMany(a => a.ServiceAtLocations).Select(s => s.Location!).Where(l => l.LocationType == LocationType.Physical),
                l => Assert.StartsWith("AV", l.Addresses.Single().PostalCode, StringComparison.Ordinal));
            Assert.Equal(assets.Count, assets.Select(a => a.Id).Distinct().Count());
            Assert.Equal(DemoAreaSeeder.AreaName, (await db.SystemSettings.SingleAsync(s => s.Key == SystemSettingKeys.DemoArea)).Value);

            // Walking groups near the demo postcode: at least six within 2 km, several free with step-free access.
            var demo = await new PostcodeService(db).LookupAsync(DemoAreaSeeder.DemoPostcode, CancellationToken.None);
            Assert.Equal(PostcodeMatch.Exact, demo.Match);
            var walking = DemoTaxonomies.What("walking-groups");
            var nearbyWalks = assets
                .Where(a => !a.IsArchived && a.TaxonomyTerms.Any(t => t.TaxonomyTermId == walking))
                .Where(a => a.ServiceAtLocations.Any(s => s.Location!.Latitude is { } lat
                    && DistanceKm(demo.Point!.Value.Latitude, demo.Point.Value.Longitude, lat, s.Location.Longitude!.Value) <= 2))
                .ToList();
            Assert.True(nearbyWalks.Count >= 6, $"{nearbyWalks.Count} walking groups near {DemoAreaSeeder.DemoPostcode}");
            Assert.True(nearbyWalks.Count(a => a.IsFree && a.ServiceAtLocations.Any(s => s.Location!.Accessibility.Any(x => x.Feature == AccessibilityFeature.StepFreeAccess))) >= 4);
            Assert.All(nearbyWalks, a => Assert.Contains("walking group", a.Description, StringComparison.OrdinalIgnoreCase));

            var whatTerms = await db.TaxonomyTerms.Where(t => t.TaxonomyId == KithTaxonomies.What).ToListAsync();
            Assert.Contains(whatTerms, t => t.Name == "Walking groups" && t.ParentId == DemoTaxonomies.What("physical-activity"));
            Assert.Contains(await db.TaxonomyTerms.Where(t => t.TaxonomyId == KithTaxonomies.Who).Select(t => t.Name).ToListAsync(), n => n == "People with dementia");
        }

        // One account per role, with the configured password (stored only as a hash).
        Assert.Equal(KithRoles.All.Order(), result.Credentials.Select(c => c.Role).Order());
        await using (var services = Services(first, TimeProvider.System))
        await using (var scope = services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<KithUser>>();
            foreach (var credential in result.Credentials)
            {
                Assert.Equal(Password, credential.Password);
                var user = await users.FindByEmailAsync(credential.Email);
                Assert.NotNull(user);
                Assert.True(await users.CheckPasswordAsync(user, Password));
                Assert.DoesNotContain(Password, user.PasswordHash, StringComparison.Ordinal);
                Assert.True(await users.IsInRoleAsync(user, credential.Role));
            }
        }

        // The demo community editor looks after the first few organisations, so they have listings to keep up to date.
        await using (var db = first.CreateContext())
        {
            var editor = await db.Users.Where(u => u.Email == $"editor@{DemoAreaSeeder.EmailDomain}").Select(u => u.Id).SingleAsync();
            Assert.Equal(DemoAreaSeeder.DemoEditorOrganizations, await db.Organizations.CountAsync(o => o.ClaimedByUserId == editor));
            Assert.True(await db.CommunityAssets.AnyAsync(a => a.Organization!.ClaimedByUserId == editor));
        }

        // The same day, later on: exactly the same directory, ids and all.
        await using var second = await TestDatabase.CreateAsync(provider);
        var again = await SeedAsync(second, morning.AddHours(9), password: "another-password-entirely");
        Assert.NotEqual(result.Credentials[0].Password, again.Credentials[0].Password);
        Assert.Equal(await DumpAsync(first), await DumpAsync(second));

        // And it refuses to seed twice.
        await Assert.ThrowsAsync<InvalidOperationException>(() => SeedAsync(first, morning));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_failure_half_way_leaves_the_database_as_it_was(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        // The directory is saved before the accounts are made; a password the rules refuse fails the accounts.
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => SeedAsync(database, new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero), password: "short"));
        Assert.Contains("admin@demo.kith.invalid", failure.Message, StringComparison.Ordinal);

        await using var db = database.CreateContext();
        Assert.Equal(0, await db.CommunityAssets.CountAsync());
        Assert.Equal(0, await db.Organizations.CountAsync());
        Assert.Equal(0, await db.Locations.CountAsync());
        Assert.Equal(0, await db.TaxonomyTerms.CountAsync());
        Assert.Equal(0, await db.Postcodes.CountAsync());
        Assert.Equal(0, await db.SystemSettings.CountAsync());
        Assert.Equal(0, await db.Users.CountAsync());
        Assert.Equal(0, await db.AuditEvents.CountAsync());
    }

    [Fact]
    public void Taxonomy_term_ids_are_stable_and_distinct()
    {
        Assert.Equal(DemoTaxonomies.What("walking-groups"), DemoTaxonomies.What("walking-groups"));
        Assert.NotEqual(DemoTaxonomies.What("carers-support"), DemoTaxonomies.Who("carers"));
        var ids = DemoTaxonomies.Create().SelectMany(t => t.Terms).Select(t => t.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(new Guid("6b1f3f3e-2c0a-4d7e-9d55-2f0f6a1e0001"), KithTaxonomies.What);
    }

    /// <summary>Every directory table, ordered by key and serialised: equal dumps mean equal data.</summary>
    private static async Task<string> DumpAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var dump = new StringBuilder();
        async Task Add<T>(IQueryable<T> rows, Func<T, string> key)
            where T : class
        {
            var list = (await rows.AsNoTracking().ToListAsync()).OrderBy(key, StringComparer.Ordinal).ToList();
            dump.AppendLine(typeof(T).Name).AppendLine(JsonSerializer.Serialize(list));
        }

        // Account ids are new each time; which organisations the demo editor looks after is what must repeat.
        var editor = await db.Users.Where(u => u.Email == $"editor@{DemoAreaSeeder.EmailDomain}").Select(u => u.Id).SingleAsync();
        var organizations = (await db.Organizations.AsNoTracking().ToListAsync()).OrderBy(o => o.Id.ToString(), StringComparer.Ordinal).ToList();
        organizations.ForEach(o => o.ClaimedByUserId = o.ClaimedByUserId == editor ? "the demo editor" : o.ClaimedByUserId);
        dump.AppendLine(nameof(Organization)).AppendLine(JsonSerializer.Serialize(organizations));
        await Add(db.CommunityAssets, a => a.Id.ToString());
        await Add(db.Locations, l => l.Id.ToString());
        await Add(db.Addresses, a => a.Id.ToString());
        await Add(db.AccessibilityFeatures, a => a.Id.ToString());
        await Add(db.ServiceAtLocations, s => s.Id.ToString());
        await Add(db.Contacts, c => c.Id.ToString());
        await Add(db.Phones, p => p.Id.ToString());
        await Add(db.Schedules, s => s.Id.ToString());
        await Add(db.ServiceAreas, s => s.Id.ToString());
        await Add(db.CostOptions, c => c.Id.ToString());
        await Add(db.Languages, l => l.Id.ToString());
        await Add(db.Taxonomies, t => t.Id.ToString());
        await Add(db.TaxonomyTerms, t => t.Id.ToString());
        await Add(db.AssetTaxonomyTerms, t => $"{t.ServiceId}/{t.TaxonomyTermId}");
        await Add(db.Postcodes, p => p.Code);
        await Add(db.SystemSettings, s => s.Key);
        return dump.ToString();
    }

    private static double DistanceKm(double lat1, double lon1, double lat2, double lon2)
    {
        const double radius = 6371;
        var dLat = (lat2 - lat1) * Math.PI / 180;
        var dLon = (lon2 - lon1) * Math.PI / 180;
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2)
                + Math.Cos(lat1 * Math.PI / 180) * Math.Cos(lat2 * Math.PI / 180) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * radius * Math.Asin(Math.Sqrt(a));
    }
}
