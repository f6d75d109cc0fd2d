using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Kith.Core.Data;
using Kith.Core.Platform;
using Kith.Core.Platform.Accounts;
using Kith.Core.Platform.Audit;
using Kith.Core.Platform.Postcodes;
using Microsoft.EntityFrameworkCore;
using static Kith.Core.Directory.Demo.DemoAreaContent;

namespace Kith.Core.Directory.Demo;

/// <summary>A demo account: shown once when the demo area is seeded, never stored in plain text.</summary>
public sealed record DemoCredential(string Role, string Email, string Password);

/// <param name="Password">
/// The password every demo account gets. When null, each gets its own random password. Browser tests set it
/// (configuration <c>Demo:Password</c>) so they can sign in; it must meet the password rules (12 characters or more).
/// </param>
public sealed record DemoSeedOptions(string? Password = null);

/// <summary>What the demo seed made.</summary>
public sealed record DemoSeedResult(int Organizations, int Assets, int Postcodes, IReadOnlyList<DemoCredential> Credentials);

/// <summary>
/// Fills an empty database with "Ashworth Vale", a FICTIONAL town in postcode districts AV1 to AV6 around
/// 53.70 N, 2.20 W: its postcodes, the "What" and "Who" taxonomies, about 120 organisations and 340 community
/// assets of every kind, the <see cref="SystemSettingKeys.DemoArea"/> setting and one demo account per role.
/// </summary>
/// <remarks>
/// <para>To try a search, use the demo postcode <see cref="DemoPostcode"/> ("AV1 2AB", the main gate of
/// Victoria Park in Old Town): at least six walking groups meet within two kilometres of it, most of them
/// free and with step-free access.</para>
/// <para>Deterministic: the same data (ids included) on every run on the same day. The random choices use a
/// fixed seed, and dates ("last verified", "created") count back from today's date in Europe/London, taken
/// from the injected clock, so the data stays as fresh on every start. Demo account passwords are the
/// exception: random unless <see cref="DemoSeedOptions.Password"/> is given.</para>
/// <para>All in one transaction: if anything fails, the database is left as it was.</para>
/// </remarks>
public sealed class DemoAreaSeeder(KithDbContext db, AccountService accounts, TimeProvider clock)
{
    /// <summary>The value of the <see cref="SystemSettingKeys.DemoArea"/> setting.</summary>
    public const string AreaName = "Ashworth Vale (demo)";

    /// <summary>A postcode in the demo data to search near: walking groups and much else are close by.</summary>
    public const string DemoPostcode = "AV1 2AB";

    /// <summary>The domain of the demo accounts' email addresses (reserved: mail to it goes nowhere).</summary>
    public const string EmailDomain = "demo.kith.invalid";

    private const int Seed = 20261123;

    /// <summary>How many of the demo organisations (the first built) the demo community editor looks after.</summary>
    public const int DemoEditorOrganizations = 3;

    private static readonly (string Role, string Email, string Name)[] DemoUsers =
    [
        (KithRoles.Administrator, "admin", "Demo administrator"),
        (KithRoles.Practitioner, "practitioner", "Demo link worker"),
        (KithRoles.Manager, "manager", "Demo team manager"),
        (KithRoles.CommunityEditor, "editor", "Demo community editor"),
        (KithRoles.Person, "person", "Demo resident"),
    ];

    private static readonly Dictionary<string, string> LanguageCodes = new(StringComparer.Ordinal)
    {
        ["English"] = "en", ["Urdu"] = "ur", ["Punjabi"] = "pa", ["Bengali"] = "bn", ["Arabic"] = "ar", ["Polish"] = "pl",
        ["Ukrainian"] = "uk", ["Dari"] = "prs", ["Farsi"] = "fa", ["Tigrinya"] = "ti", ["British Sign Language"] = "bfi",
    };

    /// <summary>Whether the database already holds community assets (the seed then refuses to run).</summary>
    public Task<bool> HasAssetsAsync(CancellationToken cancellationToken) => db.CommunityAssets.AnyAsync(cancellationToken);

    /// <summary>Seeds the demo area.</summary>
    /// <exception cref="InvalidOperationException">The database already has community assets, or a demo account could not be created.</exception>
    public async Task<DemoSeedResult> SeedAsync(DemoSeedOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (await HasAssetsAsync(cancellationToken))
        {
            throw new InvalidOperationException("The database already holds community assets; the demo area is only seeded into an empty directory.");
        }

        db.Actor = ProcessContext.System("demo seed");
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var imported = await new PostcodeImporter(db).ImportDemoSampleAsync(cancellationToken);
        if (!imported.Succeeded)
        {
            throw new InvalidOperationException($"The embedded demo postcodes could not be imported: {imported.Error}");
        }

        var postcodes = await db.Postcodes.AsNoTracking()
            .Where(p => p.TerminatedOn == null)
            .OrderBy(p => p.Code)
            .ToListAsync(cancellationToken);
        var area = new AreaBuilder(postcodes, Today());
        db.Taxonomies.AddRange(DemoTaxonomies.Create());
        db.Organizations.AddRange(area.Organizations);
        db.Locations.AddRange(area.Locations);
        db.SystemSettings.Add(new SystemSetting { Key = SystemSettingKeys.DemoArea, Value = AreaName });
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();

        var credentials = new List<DemoCredential>();
        foreach (var (role, name, displayName) in DemoUsers)
        {
            var email = $"{name}@{EmailDomain}";
            var password = options.Password ?? GeneratePassword();
            var outcome = await accounts.CreateUserAsync(new CreateUserOptions(email, displayName, password, [role]), db.Actor, cancellationToken);
            if (!outcome.Succeeded)
            {
                throw new InvalidOperationException($"The demo account {email} could not be created: {string.Join(" ", outcome.Errors)}");
            }

            credentials.Add(new DemoCredential(role, email, password));
        }

        // A community editor may change only the listings of organisations they look after (ADR 15), so
        // the demo editor looks after the first few organisations. No claim badge: the demo ranking stays as it was.
        var editor = await db.Users.Where(u => u.Email == $"editor@{EmailDomain}").Select(u => u.Id).SingleAsync(cancellationToken);
        var editorsOrganizations = area.Organizations.Take(DemoEditorOrganizations).Select(o => o.Id).ToList();
        await db.Organizations.Where(o => editorsOrganizations.Contains(o.Id))
            .ExecuteUpdateAsync(o => o.SetProperty(x => x.ClaimedByUserId, editor), cancellationToken);

        await new Kith.Core.People.Records.DemoPeopleSeeder(db).SeedAsync(Today(), await db.Users.Where(u => u.Email == $"practitioner@{EmailDomain}" || u.Email == $"manager@{EmailDomain}").OrderByDescending(u => u.Email).Select(u => u.Id).ToListAsync(cancellationToken), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return new DemoSeedResult(area.Organizations.Count, area.AssetCount, imported.Added, credentials);
    }

    private DateOnly Today()
    {
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), london).DateTime);
    }

    private static string GeneratePassword()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return RandomNumberGenerator.GetString(alphabet, 20);
    }

    /// <summary>Builds the whole area in memory from the hand-written content and a fixed-seed random source.</summary>
    private sealed class AreaBuilder
    {
#pragma warning disable CA5394 // Not for security: a fixed seed is the point, so the demo data is reproducible.
        private readonly Random random = new(Seed);
        private readonly DateOnly today;
        private readonly DateTime midnight;
        private readonly Dictionary<string, List<Platform.Postcodes.Postcode>> postcodesByDistrict;
        private readonly Dictionary<string, Location> venues = new(StringComparer.Ordinal);
        private readonly Dictionary<string, (double Latitude, double Longitude)> centres = new(StringComparer.Ordinal);
        private readonly (double Latitude, double Longitude) townCentre;
        private int phoneNumber;

        public AreaBuilder(List<Platform.Postcodes.Postcode> postcodes, DateOnly today)
        {
            this.today = today;
            midnight = today.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            postcodesByDistrict = postcodes.GroupBy(p => p.District, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
            foreach (var neighbourhood in Neighbourhoods)
            {
                var inDistrict = postcodesByDistrict[neighbourhood.District];
                centres[neighbourhood.Name] = (inDistrict.Average(p => p.Latitude), inDistrict.Average(p => p.Longitude));
            }

            townCentre = (centres.Values.Average(c => c.Latitude), centres.Values.Average(c => c.Longitude));
            Build();
        }

        public List<Organization> Organizations { get; } = [];

        public List<Location> Locations { get; } = [];

        public int AssetCount { get; private set; }

        private void Build()
        {
            // Organisations in every neighbourhood first, then the town-wide ones: the order fixes every id.
            foreach (var neighbourhood in Neighbourhoods)
            {
                foreach (var local in LocalOrganisations)
                {
                    var organization = NewOrganization(Fill(local.Name, neighbourhood), local.LegalStatus, Fill(local.Description, neighbourhood));
                    foreach (var activity in local.Activities)
                    {
                        AddAsset(organization, activity, neighbourhood, local: true);
                    }
                }
            }

            foreach (var town in TownOrganisations)
            {
                var organization = NewOrganization(town.Name, town.LegalStatus, town.Description);
                foreach (var (activity, places) in town.Activities)
                {
                    foreach (var neighbourhood in PlacesFor(activity, places))
                    {
                        AddAsset(organization, activity, neighbourhood, local: false);
                    }
                }
            }
        }

        /// <summary>Walking groups always include Old Town and Millbrook (AV1, AV2), so the demo postcode finds them.</summary>
        private IEnumerable<Neighbourhood> PlacesFor(Activity activity, int places)
        {
            var order = Neighbourhoods.OrderBy(_ => random.Next()).ToList();
            if (activity.What.Contains("walking-groups"))
            {
                order = [Neighbourhoods[0], Neighbourhoods[1], .. order.Where(n => n != Neighbourhoods[0] && n != Neighbourhoods[1])];
            }

            return order.Take(places);
        }

        private Organization NewOrganization(string name, string legalStatus, string description)
        {
            var slug = Slug(name);
            var organization = new Organization
            {
                Id = NewId(),
                Name = name,
                Description = description,
                Email = $"hello@{slug}.example",
                Website = $"https://{slug}.example",
                LegalStatus = legalStatus,
                YearIncorporated = legalStatus.Contains("association", StringComparison.Ordinal) ? null : random.Next(1950, 2024),
                LastModified = midnight.AddDays(-random.Next(10, 400)).AddMinutes(random.Next(8 * 60, 18 * 60)),
            };
            organization.Phones.Add(new Phone { Id = NewId(), Number = NextPhone(), Type = "voice" });
            Organizations.Add(organization);
            return organization;
        }

        private void AddAsset(Organization organization, Activity activity, Neighbourhood neighbourhood, bool local)
        {
            var location = VenueFor(activity.Venue, neighbourhood, organization);
            var online = activity.Venue == Venue.Online;
            string Text(string template) => Fill(template, neighbourhood).Replace("{V}", location.Name, StringComparison.Ordinal);

            var name = Text(activity.Name);
            var street = location.Addresses.FirstOrDefault()?.Address1;
            var where = online
                ? Pick("It all happens online or by phone, so you can join in from home.", "No need to travel: it runs online and by phone.")
                : activity.Venue == Venue.Park
                    ? $"You will find it in {Text("{P}")}, in {neighbourhood.Name}."
                    : activity.Venue == Venue.Allotments
                    ? $"The site is off {street?.Split(' ', 2)[^1]}, in {neighbourhood.Name}."
                    : location.Name == name
                    ? $"You will find it on {street?.Split(' ', 2)[^1]}, in {neighbourhood.Name}."
                    : Pick($"It takes place at {location.Name}, {street}.", $"Find it at {location.Name} on {street?.Split(' ', 2)[^1]}.", $"It is held at {location.Name} in {neighbourhood.Name}.");
            var created = midnight.AddDays(-random.Next(60, 1500)).AddMinutes(random.Next(8 * 60, 20 * 60));
            var verified = random.NextDouble() < 0.1
                ? today.AddDays(-random.Next(380, 900))
                : today.AddDays(-random.Next(0, 330));
            var lastModified = verified.ToDateTime(new TimeOnly(random.Next(9, 17), random.Next(0, 60)), DateTimeKind.Utc);
            if (lastModified < created)
            {
                lastModified = created;
            }

            var sourceRoll = random.NextDouble();
            var asset = new CommunityAsset
            {
                Id = NewId(),
                OrganizationId = organization.Id,
                Name = name,
                Description = $"{Text(activity.Summary)} {where} {Pick(online ? OnlineWelcomes : activity.When is null || location.Name == name ? PlaceWelcomes : Welcomes)}",
                Url = random.NextDouble() < 0.4 ? $"{organization.Website}/{Slug(name)}" : null,
                Email = random.NextDouble() < 0.5 ? organization.Email : null,
                Kind = activity.Kind,
                HowToGetInvolved = Text(activity.Involve),
                IntroductionPolicy = activity.Policy,
                EligibilityDescription = activity.Eligibility,
                MinimumAge = activity.MinAge,
                MaximumAge = activity.MaxAge,
                FeesDescription = activity.Price?.Description,
                LastVerifiedOn = verified,
                Source = sourceRoll < 0.6 ? RecordSource.Staff : sourceRoll < 0.9 ? RecordSource.Community : RecordSource.Import,
                CreatedAt = created,
                LastModified = lastModified,
            };
            if (asset.Source == RecordSource.Import)
            {
                asset.SourceId = $"ashworth-vale-directory:{random.Next(1000, 9999)}";
            }

            var protectedWalk = activity.What.Contains("walking-groups") && neighbourhood.District is "AV1" or "AV2";
            var roll = random.NextDouble();
            if (!protectedWalk && roll < 0.03)
            {
                asset.ArchivedAt = midnight.AddDays(-random.Next(5, 200)).AddHours(11);
            }
            else if (!protectedWalk && roll < 0.045)
            {
                asset.Status = AssetStatus.TemporarilyClosed;
                asset.Alert = Pick("Closed for building work until the spring.", "Taking a break over the summer; back in September.");
            }

            var serviceAtLocation = new ServiceAtLocation { Id = NewId(), ServiceId = asset.Id, LocationId = location.Id };
            asset.ServiceAtLocations.Add(serviceAtLocation);
            if (activity.When is { } slot)
            {
                asset.Schedules.Add(NewSchedule(asset.Id, slot, online));
            }

            AddServiceArea(asset, activity, neighbourhood, local, online);
            var price = activity.Price;
            asset.CostOptions.Add(new CostOption
            {
                Id = NewId(),
                ServiceId = asset.Id,
                Option = price?.Option ?? "Free",
                Amount = price?.Amount ?? 0m,
                AmountDescription = price?.Description,
            });
            AddLanguages(asset, activity);
            foreach (var code in activity.What.Distinct(StringComparer.Ordinal))
            {
                asset.TaxonomyTerms.Add(new AssetTaxonomyTerm { ServiceId = asset.Id, TaxonomyTermId = DemoTaxonomies.What(code) });
            }

            foreach (var code in activity.Who.Distinct(StringComparer.Ordinal))
            {
                asset.TaxonomyTerms.Add(new AssetTaxonomyTerm { ServiceId = asset.Id, TaxonomyTermId = DemoTaxonomies.Who(code) });
            }

            if (random.NextDouble() < 0.6)
            {
                var contact = Pick(ContactNames);
                asset.Contacts.Add(new Contact
                {
                    Id = NewId(),
                    ServiceId = asset.Id,
                    Name = contact,
                    Title = Pick("Organiser", "Coordinator", "Volunteer lead", "Group leader"),
                    Email = $"{contact.ToLowerInvariant()}@{Slug(organization.Name)}.example",
                });
            }

            if (random.NextDouble() < 0.5)
            {
                asset.Phones.Add(new Phone { Id = NewId(), ServiceId = asset.Id, Number = NextPhone(), Type = Pick("voice", "voice", "text") });
            }

            organization.Assets.Add(asset);
            AssetCount++;
        }

        private Schedule NewSchedule(Guid assetId, Slot slot, bool online)
        {
            var byDay = Pick(slot.Days);
            var firstDay = byDay.Split(',')[0].TrimStart('-', '0', '1', '2', '3', '4', '5');
            var start = today.AddDays(-28);
            while (DayCode(start.DayOfWeek) != firstDay)
            {
                start = start.AddDays(-1);
            }

            return new Schedule
            {
                Id = NewId(),
                ServiceId = assetId,
                Freq = slot.Freq,
                Interval = slot.Interval,
                ByDay = byDay,
                OpensAt = slot.Opens,
                ClosesAt = slot.Closes,
                DtStart = start,
                ValidFrom = start,
                AttendingType = online ? "online" : "in_person",
            };
        }

        private void AddServiceArea(CommunityAsset asset, Activity activity, Neighbourhood neighbourhood, bool local, bool online)
        {
            if (online || (!local && random.NextDouble() < 0.4))
            {
                asset.ServiceAreas.Add(new ServiceArea
                {
                    Id = NewId(),
                    ServiceId = asset.Id,
                    Name = online ? "Ashworth Vale and around" : Town,
                    Description = online ? "Anyone living in or near Ashworth Vale." : "The whole of Ashworth Vale.",
                    CentreLatitude = Math.Round(townCentre.Latitude, 6),
                    CentreLongitude = Math.Round(townCentre.Longitude, 6),
                    RadiusMetres = online ? 10_000 : 6_000,
                });
            }
            else if (local && (random.NextDouble() < 0.35 || activity.Kind == AssetKind.Association && activity.Name.Contains("Good Neighbours", StringComparison.Ordinal)))
            {
                asset.ServiceAreas.Add(new ServiceArea
                {
                    Id = NewId(),
                    ServiceId = asset.Id,
                    Name = neighbourhood.Name,
                    Description = $"People who live in {neighbourhood.Name} ({neighbourhood.District}).",
                    Extent = Polygon(centres[neighbourhood.Name], 1_300),
                    ExtentType = "geojson",
                });
            }
        }

        private void AddLanguages(CommunityAsset asset, Activity activity)
        {
            var names = new List<string> { "English" };
            names.AddRange(activity.Languages ?? []);
            if (random.NextDouble() < 0.08)
            {
                names.Add(Pick("Polish", "Urdu", "British Sign Language", "Bengali"));
            }

            foreach (var name in names.Distinct(StringComparer.Ordinal))
            {
                asset.Languages.Add(new Language { Id = NewId(), ServiceId = asset.Id, Name = name, Code = LanguageCodes[name] });
            }
        }

        private Location VenueFor(Venue venue, Neighbourhood neighbourhood, Organization organization)
        {
            var key = venue switch
            {
                Venue.Online or Venue.Own => $"{venue}/{organization.Name}",
                _ => $"{venue}/{neighbourhood.Name}",
            };
            if (venues.TryGetValue(key, out var existing))
            {
                return existing;
            }

            var location = venue == Venue.Online ? NewVirtualLocation(organization) : NewPlace(venue, neighbourhood, organization);
            venues[key] = location;
            Locations.Add(location);
            return location;
        }

        private Location NewVirtualLocation(Organization organization) => new()
        {
            Id = NewId(),
            OrganizationId = organization.Id,
            LocationType = LocationType.Virtual,
            Name = $"{organization.Name} online",
            Description = "Online, by video call or phone.",
            Url = organization.Website,
            LastModified = organization.LastModified,
        };

        private Location NewPlace(Venue venue, Neighbourhood n, Organization organization)
        {
            var name = venue switch
            {
                Venue.Centre => $"{n.Name} Community Centre",
                Venue.Faith1 => $"{n.Faith1} Hall",
                Venue.Faith2 => n.Faith2,
                Venue.School => n.School,
                Venue.Cafe => n.Cafe,
                Venue.Business => n.Business,
                Venue.Sport => $"{n.Sport} clubhouse",
                Venue.Library => n.Library,
                Venue.Park => n.Park,
                Venue.Allotments => $"{n.Name} Allotments",
                Venue.Pool => $"{n.Name} Swimming Pool",
                _ => organization.Name,
            };

            // The demo postcode is Victoria Park's main gate, so searches near it find the walks that start there.
            var inDistrict = postcodesByDistrict[n.District];
            var postcode = venue == Venue.Park && n.District == "AV1"
                ? inDistrict.Single(p => p.Code == "AV12AB")
                : inDistrict[random.Next(inDistrict.Count)];
            var exact = postcode.Code == "AV12AB";
            var street = Pick(n.Streets);
            var location = new Location
            {
                Id = NewId(),
                OrganizationId = venue is Venue.Own ? organization.Id : null,
                LocationType = LocationType.Physical,
                Name = name,
                Description = venue == Venue.Park ? $"{n.Park}, in {n.Character}." : $"In {n.Name}, {n.Character}.",
                Transportation = Pick("Buses stop outside.", "Five minutes' walk from the bus station.", "On the 464 bus route; free parking nearby.", "Ten minutes' walk from the railway station."),
                Latitude = Math.Round(postcode.Latitude + (exact ? 0 : (random.NextDouble() - 0.5) * 0.0008), 6),
                Longitude = Math.Round(postcode.Longitude + (exact ? 0 : (random.NextDouble() - 0.5) * 0.0012), 6),
                LastModified = midnight.AddDays(-random.Next(10, 500)),
            };
            location.Addresses.Add(new Address
            {
                Id = NewId(),
                LocationId = location.Id,
                Address1 = venue switch
                {
                    Venue.Park => $"Main gate, {street}",
                    Venue.Allotments => $"Allotment gates, {street}",
                    _ => $"{random.Next(1, 140)} {street}",
                },
                City = Town,
                StateProvince = County,
                PostalCode = postcode.Display,
            });
            AddAccessibility(location, venue);
            return location;
        }

        private void AddAccessibility(Location location, Venue venue)
        {
            void Add(AccessibilityFeature feature, string description) =>
                location.Accessibility.Add(new Accessibility { Id = NewId(), LocationId = location.Id, Feature = feature, Description = description });

            var bigBuilding = venue is Venue.Centre or Venue.Library or Venue.Pool or Venue.Own;
            if (venue == Venue.Park)
            {
                Add(AccessibilityFeature.StepFreeAccess, "Step-free main gate and tarmac paths around the park.");
            }
            else if (venue == Venue.Allotments)
            {
                Add(AccessibilityFeature.StepFreeAccess, "Firm, level paths to the raised beds.");
            }
            else if (bigBuilding || random.NextDouble() < 0.6)
            {
                Add(AccessibilityFeature.StepFreeAccess, Pick(AccessibilityNotes));
            }

            if (venue is not (Venue.Park or Venue.Allotments) && (bigBuilding || random.NextDouble() < 0.5))
            {
                Add(AccessibilityFeature.AccessibleToilet, "Accessible toilet on the ground floor.");
            }

            if (venue is not (Venue.Park or Venue.Allotments) && random.NextDouble() < (bigBuilding ? 0.8 : 0.3))
            {
                Add(AccessibilityFeature.HearingLoop, "Hearing loop in the main room.");
            }

            if (random.NextDouble() < 0.5)
            {
                Add(AccessibilityFeature.BlueBadgeParking, "Blue Badge parking spaces close to the entrance.");
            }

            if (venue is not (Venue.Park or Venue.Allotments) && random.NextDouble() < 0.3)
            {
                Add(AccessibilityFeature.QuietSpace, "A quiet room you can use if things get too much.");
            }

            if (venue is Venue.Library or Venue.Pool && random.NextDouble() < 0.5)
            {
                Add(AccessibilityFeature.ChangingPlaces, "Changing Places toilet with a hoist and adult-sized bench.");
            }

            if (venue == Venue.Library)
            {
                Add(AccessibilityFeature.LargePrint, "Large print and audio books; leaflets in large print on request.");
            }

            if (random.NextDouble() < 0.1)
            {
                Add(AccessibilityFeature.BritishSignLanguage, "A BSL interpreter can be booked with two weeks' notice.");
            }

            Add(AccessibilityFeature.AssistanceDogsWelcome, "Assistance dogs welcome.");
        }

        private static string Fill(string template, Neighbourhood n) => template
            .Replace("{N}", n.Name, StringComparison.Ordinal)
            .Replace("{P}", n.Park, StringComparison.Ordinal)
            .Replace("{F1}", n.Faith1, StringComparison.Ordinal)
            .Replace("{F2}", n.Faith2, StringComparison.Ordinal)
            .Replace("{SP}", n.Sport, StringComparison.Ordinal)
            .Replace("{S}", n.School, StringComparison.Ordinal)
            .Replace("{C}", n.Cafe, StringComparison.Ordinal)
            .Replace("{BB-cap}", char.ToUpperInvariant(n.BusinessBlurb[0]) + n.BusinessBlurb[1..], StringComparison.Ordinal)
            .Replace("{BB}", n.BusinessBlurb, StringComparison.Ordinal)
            .Replace("{B}", n.Business, StringComparison.Ordinal);

        /// <summary>A closed octagon around a centre, as a GeoJSON Polygon (longitude first).</summary>
        private static string Polygon((double Latitude, double Longitude) centre, double radiusMetres)
        {
            var points = new List<string>();
            for (var i = 0; i <= 8; i++)
            {
                var angle = Math.PI * 2 * (i % 8) / 8;
                var lat = centre.Latitude + radiusMetres * Math.Cos(angle) / 111_320;
                var lon = centre.Longitude + radiusMetres * Math.Sin(angle) / (111_320 * Math.Cos(centre.Latitude * Math.PI / 180));
                points.Add(string.Create(CultureInfo.InvariantCulture, $"[{lon:F6},{lat:F6}]"));
            }

            return $"{{\"type\":\"Polygon\",\"coordinates\":[[{string.Join(",", points)}]]}}";
        }

        private static string DayCode(DayOfWeek day) => day switch
        {
            DayOfWeek.Monday => "MO",
            DayOfWeek.Tuesday => "TU",
            DayOfWeek.Wednesday => "WE",
            DayOfWeek.Thursday => "TH",
            DayOfWeek.Friday => "FR",
            DayOfWeek.Saturday => "SA",
            _ => "SU",
        };

        private static string Slug(string name)
        {
            var builder = new StringBuilder();
            foreach (var c in name.ToLowerInvariant())
            {
                if (char.IsAsciiLetterOrDigit(c))
                {
                    builder.Append(c);
                }
                else if (builder.Length > 0 && builder[^1] != '-' && c != '\'')
                {
                    builder.Append('-');
                }
            }

            return builder.ToString().Trim('-');
        }

        private string NextPhone() => string.Create(CultureInfo.InvariantCulture, $"01632 960{phoneNumber++ % 1000:000}");

        private T Pick<T>(params T[] items) => items[random.Next(items.Length)];

        private Guid NewId()
        {
            Span<byte> bytes = stackalloc byte[16];
            random.NextBytes(bytes);
            bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
            bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
            return new Guid(bytes);
        }
#pragma warning restore CA5394
    }
}
