using System.Globalization;
using Kith.Core.Data;
using Kith.Core.Directory.Search;
using Kith.Core.Platform.Audit;
using Kith.Core.Platform.Postcodes;
using Microsoft.EntityFrameworkCore;

namespace Kith.Core.Directory;

/// <summary>A saved asset: its id and the version now stored.</summary>
public sealed record AssetSaved(Guid AssetId, int Version);

/// <summary>An asset as an editor sees it: the editable details and the version they were read at.</summary>
/// <param name="LastModified">UTC.</param>
/// <param name="ArchivedAt">UTC, when archived.</param>
public sealed record AssetDetailsVersion(Guid AssetId, int Version, DateTime LastModified, DateTime? ArchivedAt, AssetDetails Details)
{
    public bool IsArchived => ArchivedAt is not null;
}

/// <summary>
/// Adds, edits, archives and restores community assets. Every save checks the version the editor
/// started from (a stale one throws <see cref="AssetConflictException"/> and writes nothing), moves the
/// version on by one, writes an <see cref="AssetRevision"/> and the audit events in one transaction,
/// then refreshes the search index so the change is findable at once. Scoped.
/// </summary>
public sealed class AssetService(KithDbContext db, PostcodeService postcodes, AssetSearchIndex index, TimeProvider clock)
{
    private static readonly TimeZoneInfo UkTime = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>The editable details of an asset, or null when there is no asset with that id.</summary>
    public async Task<AssetDetailsVersion?> GetDetailsAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var asset = await LoadAsync(id, tracked: false, cancellationToken);
        return asset is null ? null : new AssetDetailsVersion(asset.Id, asset.Version, asset.LastModified, asset.ArchivedAt, ToDetails(asset));
    }

    /// <summary>Adds a new asset at version 1.</summary>
    /// <exception cref="ArgumentException">When the organisation id names no organisation, or neither an id nor a new name is given.</exception>
    public async Task<AssetSaved> CreateAsync(AssetDetails details, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(context);
        details = Normalise(details);
        var now = clock.GetUtcNow().UtcDateTime;
        var asset = new CommunityAsset
        {
            Name = details.Name,
            CreatedAt = now,
            LastModified = now,
            Version = 1,
            Source = RecordSource.Staff,
        };
        db.CommunityAssets.Add(asset);
        await ApplyAsync(asset, new AssetDetails { Name = details.Name }, details, isNew: true, now, cancellationToken);
        db.AssetRevisions.Add(Revision(asset, context, "Added to the directory", details, reason: context.Reason));
        db.Actor = context;
        await db.SaveChangesAsync(cancellationToken);
        await index.RefreshAsync(db, asset.Id, cancellationToken);
        return new AssetSaved(asset.Id, asset.Version);
    }

    /// <summary>
    /// Saves new details over the asset, when <paramref name="expectedVersion"/> is still the latest.
    /// Saving details equal to the stored ones writes nothing and returns the current version.
    /// </summary>
    /// <exception cref="AssetConflictException">When someone else saved a newer version first; nothing is written.</exception>
    /// <exception cref="KeyNotFoundException">When there is no asset with that id.</exception>
    public async Task<AssetSaved> UpdateAsync(Guid id, int expectedVersion, AssetDetails details, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(context);
        details = Normalise(details);
        var asset = await LoadForChangeAsync(id, expectedVersion, cancellationToken);
        var before = Normalise(ToDetails(asset));
        var summary = AssetFields.Summarise(before, details);
        if (AssetFields.Changed(before, details).Count == 0)
        {
            db.ChangeTracker.Clear();
            return new AssetSaved(asset.Id, asset.Version);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await ApplyAsync(asset, before, details, isNew: false, now, cancellationToken);
        asset.Version = expectedVersion + 1;
        asset.LastModified = now;
        db.AssetRevisions.Add(Revision(asset, context, summary, details, reason: context.Reason));
        await SaveCheckingVersionAsync(asset, expectedVersion, context, cancellationToken);
        await index.RefreshAsync(db, asset.Id, cancellationToken);
        return new AssetSaved(asset.Id, asset.Version);
    }

    /// <summary>Takes the asset out of the directory without deleting it; it can be restored.</summary>
    /// <param name="reason">Why, in the editor's words; required.</param>
    /// <exception cref="AssetConflictException">When someone else saved a newer version first.</exception>
    /// <exception cref="InvalidOperationException">When the asset is already archived.</exception>
    public Task<AssetSaved> ArchiveAsync(Guid id, int expectedVersion, string reason, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return SetArchivedAsync(id, expectedVersion, archive: true, reason.Trim(), context, cancellationToken);
    }

    /// <summary>Puts an archived asset back in the directory.</summary>
    /// <exception cref="AssetConflictException">When someone else saved a newer version first.</exception>
    /// <exception cref="InvalidOperationException">When the asset is not archived.</exception>
    public Task<AssetSaved> RestoreAsync(Guid id, int expectedVersion, string? reason, ProcessContext context, CancellationToken cancellationToken = default) =>
        SetArchivedAsync(id, expectedVersion, archive: false, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), context, cancellationToken);

    /// <summary>Every revision of an asset, newest first.</summary>
    public Task<List<AssetRevision>> GetRevisionsAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.AssetRevisions.AsNoTracking().Where(r => r.AssetId == id).OrderByDescending(r => r.Version).ToListAsync(cancellationToken);

    public Task<AssetRevision?> GetRevisionAsync(Guid id, int version, CancellationToken cancellationToken = default) =>
        db.AssetRevisions.AsNoTracking().SingleOrDefaultAsync(r => r.AssetId == id && r.Version == version, cancellationToken);

    /// <summary>
    /// Names for the organisations and taxonomy terms the details refer to, for showing them in words.
    /// Unknown ids read as "Unknown".
    /// </summary>
    public async Task<Func<Guid, string>> GetNamesAsync(IEnumerable<AssetDetails> details, CancellationToken cancellationToken = default)
    {
        var list = details.ToList();
        var organizationIds = list.Where(d => d.OrganizationId is not null).Select(d => d.OrganizationId!.Value).Distinct().ToList();
        var termIds = list.SelectMany(d => d.WhatTermIds.Concat(d.WhoTermIds)).Distinct().ToList();
        var names = await db.Organizations.AsNoTracking().Where(o => organizationIds.Contains(o.Id))
            .Select(o => new { o.Id, o.Name }).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        foreach (var term in await db.TaxonomyTerms.AsNoTracking().Where(t => termIds.Contains(t.Id)).Select(t => new { t.Id, t.Name }).ToListAsync(cancellationToken))
        {
            names[term.Id] = term.Name;
        }

        return id => names.TryGetValue(id, out var name) ? name : "Unknown";
    }

    private async Task<AssetSaved> SetArchivedAsync(Guid id, int expectedVersion, bool archive, string? reason, ProcessContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var asset = await LoadForChangeAsync(id, expectedVersion, cancellationToken);
        if (asset.IsArchived == archive)
        {
            db.ChangeTracker.Clear();
            throw new InvalidOperationException(archive ? "The asset is already archived." : "The asset is not archived.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        asset.ArchivedAt = archive ? now : null;
        asset.Version = expectedVersion + 1;
        asset.LastModified = now;
        var actor = context.WithReason(reason);
        db.AssetRevisions.Add(Revision(asset, actor, archive ? "Archived" : "Restored", ToDetails(asset), reason));
        await SaveCheckingVersionAsync(asset, expectedVersion, actor, cancellationToken);
        await index.RefreshAsync(db, asset.Id, cancellationToken);
        return new AssetSaved(asset.Id, asset.Version);
    }

    private async Task<CommunityAsset> LoadForChangeAsync(Guid id, int expectedVersion, CancellationToken cancellationToken)
    {
        var asset = await LoadAsync(id, tracked: true, cancellationToken) ?? throw new KeyNotFoundException($"There is no community asset {id}.");
        if (asset.Version != expectedVersion)
        {
            db.ChangeTracker.Clear();
            throw new AssetConflictException(id, expectedVersion, asset.Version);
        }

        return asset;
    }

    /// <summary>Saves with the version as the concurrency token, so a save that raced past the first check is refused too.</summary>
    private async Task SaveCheckingVersionAsync(CommunityAsset asset, int expectedVersion, ProcessContext context, CancellationToken cancellationToken)
    {
        db.Entry(asset).Property(a => a.Version).OriginalValue = expectedVersion;
        db.Actor = context;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A save that raced past the first check fails on the version token or the revision's unique
            // version; either way the transaction is rolled back and nothing was written.
            db.ChangeTracker.Clear();
            var current = await db.CommunityAssets.AsNoTracking().Where(a => a.Id == asset.Id).Select(a => a.Version).SingleAsync(cancellationToken);
            if (current == expectedVersion)
            {
                throw;
            }

            throw new AssetConflictException(asset.Id, expectedVersion, current);
        }
    }

    private AssetRevision Revision(CommunityAsset asset, ProcessContext context, string summary, AssetDetails details, string? reason) => new()
    {
        AssetId = asset.Id,
        Version = asset.Version,
        SavedAt = clock.GetUtcNow().UtcDateTime,
        UserId = context.UserId,
        ActorName = context.ActorName,
        Summary = summary,
        Snapshot = details.ToJson(),
        Reason = reason,
    };

    private Task<CommunityAsset?> LoadAsync(Guid id, bool tracked, CancellationToken cancellationToken)
    {
        IQueryable<CommunityAsset> query = db.CommunityAssets
            .Include(a => a.ServiceAtLocations).ThenInclude(s => s.Location).ThenInclude(l => l!.Addresses)
            .Include(a => a.ServiceAtLocations).ThenInclude(s => s.Location).ThenInclude(l => l!.Accessibility)
            .Include(a => a.ServiceAtLocations).ThenInclude(s => s.Schedules)
            .Include(a => a.Schedules)
            .Include(a => a.Phones)
            .Include(a => a.CostOptions)
            .Include(a => a.Languages)
            .Include(a => a.TaxonomyTerms).ThenInclude(t => t.TaxonomyTerm)
            .AsSplitQuery();
        if (!tracked)
        {
            query = query.AsNoTracking();
        }

        return query.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
    }

    private static ServiceAtLocation? MainLocation(CommunityAsset asset, LocationType type) =>
        asset.ServiceAtLocations.Where(s => s.Location?.LocationType == type).OrderBy(s => s.Location!.Name, StringComparer.Ordinal).ThenBy(s => s.Id).FirstOrDefault();

    /// <summary>
    /// Reads the editable details out of the model: the asset with its locations (addresses and
    /// accessibility), schedules, phones, costs, languages and terms (with each term's taxonomy id).
    /// Parts the simple form cannot express are left out. Also builds an import's revision snapshot.
    /// </summary>
    internal static AssetDetails ToDetails(CommunityAsset asset)
    {
        var physical = MainLocation(asset, LocationType.Physical)?.Location;
        var online = MainLocation(asset, LocationType.Virtual)?.Location;
        var address = physical?.Addresses.FirstOrDefault();
        var cost = asset.CostOptions.FirstOrDefault();
        var schedules = asset.Schedules.Concat(asset.ServiceAtLocations.SelectMany(s => s.Schedules))
            .Select(ToRule).OfType<ScheduleRule>().ToList();
        return new AssetDetails
        {
            Name = asset.Name,
            Kind = asset.Kind,
            OrganizationId = asset.OrganizationId,
            Description = asset.Description,
            HowToGetInvolved = asset.HowToGetInvolved,
            IntroductionPolicy = asset.IntroductionPolicy,
            Status = asset.Status,
            Email = asset.Email,
            Phone = asset.Phones.FirstOrDefault()?.Number,
            Website = asset.Url,
            InPerson = physical is not null,
            Online = online is not null,
            OnlineLink = online?.Url,
            Place = physical is null
                ? null
                : new AssetPlace(physical.Name, address?.Address1 ?? string.Empty, address?.City ?? string.Empty, address?.PostalCode ?? string.Empty),
            Accessibility = physical?.Accessibility.Select(a => a.Feature).Distinct().Order().ToList() ?? [],
            Schedules = schedules,
            CostAmount = cost?.Amount is 0m ? null : cost?.Amount,
            CostDescription = cost?.AmountDescription ?? asset.FeesDescription,
            MinimumAge = asset.MinimumAge,
            MaximumAge = asset.MaximumAge,
            WhatTermIds = asset.TaxonomyTerms.Where(t => t.TaxonomyTerm?.TaxonomyId == KithTaxonomies.What).Select(t => t.TaxonomyTermId).Order().ToList(),
            WhoTermIds = asset.TaxonomyTerms.Where(t => t.TaxonomyTerm?.TaxonomyId == KithTaxonomies.Who).Select(t => t.TaxonomyTermId).Order().ToList(),
            Languages = asset.Languages.Select(l => l.Name).ToList(),
        };
    }

    /// <summary>Writes the details onto the model, touching only the parts that changed.</summary>
    private async Task ApplyAsync(CommunityAsset asset, AssetDetails before, AssetDetails after, bool isNew, DateTime now, CancellationToken cancellationToken)
    {
        asset.Name = after.Name;
        asset.Kind = after.Kind;
        asset.Description = after.Description;
        asset.HowToGetInvolved = after.HowToGetInvolved;
        asset.IntroductionPolicy = after.IntroductionPolicy;
        asset.Status = after.Status;
        asset.Email = after.Email;
        asset.Url = after.Website;
        asset.MinimumAge = after.MinimumAge;
        asset.MaximumAge = after.MaximumAge;
        asset.FeesDescription = after.CostDescription;
        // A save by an editor is a check of the listing (ADR 16): it counts as verified today and any
        // review-reminder cycle ends now, so an overdue listing rises at once rather than at the next sweep.
        asset.LastVerifiedOn = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(now, UkTime));
        asset.ReviewRemindersSent = 0;
        asset.LastReminderSentAt = null;
        asset.ReviewOverdueSince = null;

        if (after.NewOrganizationName is { Length: > 0 } newName)
        {
            var organization = new Organization { Name = newName, LastModified = now };
            db.Organizations.Add(organization);
            asset.OrganizationId = organization.Id;
        }
        else if (after.OrganizationId is { } organizationId)
        {
            if (!await db.Organizations.AnyAsync(o => o.Id == organizationId, cancellationToken))
            {
                throw new ArgumentException($"There is no organisation {organizationId}.", nameof(after));
            }

            asset.OrganizationId = organizationId;
        }
        else
        {
            throw new ArgumentException("An asset needs an organisation: give an existing one or a new name.", nameof(after));
        }

        if (isNew || before.Phone != after.Phone)
        {
            db.Phones.RemoveRange(asset.Phones);
            if (after.Phone is not null)
            {
                db.Phones.Add(new Phone { ServiceId = asset.Id, Number = after.Phone, Type = "voice" });
            }
        }

        if (isNew || !before.Languages.SequenceEqual(after.Languages, StringComparer.Ordinal))
        {
            db.Languages.RemoveRange(asset.Languages);
            db.Languages.AddRange(after.Languages.Select(l => new Language { ServiceId = asset.Id, Name = l }));
        }

        if (isNew || before.CostAmount != after.CostAmount || before.CostDescription != after.CostDescription)
        {
            db.CostOptions.RemoveRange(asset.CostOptions);
            db.CostOptions.Add(new CostOption
            {
                ServiceId = asset.Id,
                Option = after.IsFree ? "Free" : null,
                Amount = after.CostAmount ?? 0m,
                AmountDescription = after.CostDescription,
            });
        }

        if (isNew || !before.Schedules.SequenceEqual(after.Schedules))
        {
            db.Schedules.RemoveRange(asset.Schedules);
            db.Schedules.RemoveRange(asset.ServiceAtLocations.SelectMany(s => s.Schedules));
            db.Schedules.AddRange(after.Schedules.Select(rule => ToSchedule(rule, asset.Id)));
        }

        ApplyTerms(asset, KithTaxonomies.What, before.WhatTermIds, after.WhatTermIds, isNew);
        ApplyTerms(asset, KithTaxonomies.Who, before.WhoTermIds, after.WhoTermIds, isNew);
        await ApplyPlaceAsync(asset, before, after, now, cancellationToken);
        await ApplyOnlineAsync(asset, before, after, now, cancellationToken);
    }

    private void ApplyTerms(CommunityAsset asset, Guid taxonomyId, IReadOnlyList<Guid> before, IReadOnlyList<Guid> after, bool isNew)
    {
        if (!isNew && before.Order().SequenceEqual(after.Order()))
        {
            return;
        }

        db.AssetTaxonomyTerms.RemoveRange(asset.TaxonomyTerms.Where(t => t.TaxonomyTerm?.TaxonomyId == taxonomyId));
        db.AssetTaxonomyTerms.AddRange(after.Distinct().Select(id => new AssetTaxonomyTerm { ServiceId = asset.Id, TaxonomyTermId = id }));
    }

    private async Task ApplyPlaceAsync(CommunityAsset asset, AssetDetails before, AssetDetails after, DateTime now, CancellationToken cancellationToken)
    {
        var existing = MainLocation(asset, LocationType.Physical);
        if (!after.InPerson || after.Place is null)
        {
            if (existing is not null)
            {
                await RemoveLocationAsync(asset, existing, cancellationToken);
            }

            return;
        }

        var place = after.Place;
        var location = existing?.Location;
        if (location is null)
        {
            location = new Location { OrganizationId = asset.OrganizationId, LocationType = LocationType.Physical };
            db.Locations.Add(location);
            db.ServiceAtLocations.Add(new ServiceAtLocation { ServiceId = asset.Id, LocationId = location.Id });
        }

        if (existing is null || before.Place != place)
        {
            var found = await postcodes.LookupAsync(place.Postcode, cancellationToken);
            location.Name = place.Name;
            location.Latitude = found.Point?.Latitude;
            location.Longitude = found.Point?.Longitude;
            location.LastModified = now;
            var address = location.Addresses.FirstOrDefault();
            var postcode = found.Match == PostcodeMatch.Exact ? found.Display : PostcodeText.TryParse(place.Postcode, out var typed) ? typed.Display : place.Postcode;
            if (address is null)
            {
                db.Addresses.Add(new Address
                {
                    LocationId = location.Id,
                    Address1 = place.AddressLine1,
                    City = place.Town,
                    StateProvince = string.Empty,
                    PostalCode = postcode,
                });
            }
            else
            {
                address.Address1 = place.AddressLine1;
                address.City = place.Town;
                address.PostalCode = postcode;
            }
        }

        if (existing is null || !before.Accessibility.Order().SequenceEqual(after.Accessibility.Order()))
        {
            db.AccessibilityFeatures.RemoveRange(location.Accessibility);
            db.AccessibilityFeatures.AddRange(after.Accessibility.Distinct().Select(f => new Accessibility
            {
                LocationId = location.Id,
                Feature = f,
                Description = AssetFields.AccessibilityLabel(f),
            }));
            location.LastModified = now;
        }
    }

    private async Task ApplyOnlineAsync(CommunityAsset asset, AssetDetails before, AssetDetails after, DateTime now, CancellationToken cancellationToken)
    {
        var existing = MainLocation(asset, LocationType.Virtual);
        if (!after.Online)
        {
            if (existing is not null)
            {
                await RemoveLocationAsync(asset, existing, cancellationToken);
            }

            return;
        }

        if (existing?.Location is { } location)
        {
            if (before.OnlineLink != after.OnlineLink)
            {
                location.Url = after.OnlineLink;
                location.LastModified = now;
            }

            return;
        }

        location = new Location
        {
            OrganizationId = asset.OrganizationId,
            LocationType = LocationType.Virtual,
            Name = "Online",
            Url = after.OnlineLink,
            LastModified = now,
        };
        db.Locations.Add(location);
        db.ServiceAtLocations.Add(new ServiceAtLocation { ServiceId = asset.Id, LocationId = location.Id });
    }

    /// <summary>Unlinks a location from the asset, and deletes it when no other asset uses it.</summary>
    private async Task RemoveLocationAsync(CommunityAsset asset, ServiceAtLocation link, CancellationToken cancellationToken)
    {
        db.ServiceAtLocations.Remove(link);
        var shared = await db.ServiceAtLocations.AnyAsync(s => s.LocationId == link.LocationId && s.ServiceId != asset.Id, cancellationToken);
        if (!shared && link.Location is not null)
        {
            db.Locations.Remove(link.Location);
        }
    }

    private static readonly string[] DayCodes = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"];

    private static Schedule ToSchedule(ScheduleRule rule, Guid assetId)
    {
        var prefix = rule.Frequency == ScheduleFrequency.Monthly ? (rule.WeekOfMonth ?? 1).ToString(CultureInfo.InvariantCulture) : string.Empty;
        return new Schedule
        {
            ServiceId = assetId,
            Freq = rule.Frequency == ScheduleFrequency.Monthly ? "MONTHLY" : "WEEKLY",
            Interval = rule.Frequency == ScheduleFrequency.Fortnightly ? 2 : 1,
            ByDay = string.Join(',', rule.Days.Select(d => prefix + DayCodes[(int)d])),
            OpensAt = rule.Opens,
            ClosesAt = rule.Closes,
            Description = rule.Describe(),
        };
    }

    /// <summary>A stored schedule as a simple rule, or null when the simple form cannot express it.</summary>
    private static ScheduleRule? ToRule(Schedule schedule)
    {
        if (schedule.OpensAt is not { } opens || schedule.ClosesAt is not { } closes)
        {
            return null;
        }

        var parts = (schedule.ByDay ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var days = new List<DayOfWeek>();
        int? week = null;
        foreach (var part in parts)
        {
            var index = Array.IndexOf(DayCodes, part[^Math.Min(2, part.Length)..].ToUpperInvariant());
            if (index < 0)
            {
                return null;
            }

            days.Add((DayOfWeek)index);
            if (part.Length > 2 && int.TryParse(part[..^2], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
            {
                week = n;
            }
        }

        switch (schedule.Freq?.ToUpperInvariant())
        {
            case "DAILY":
                return new ScheduleRule(ScheduleFrequency.Weekly, Enum.GetValues<DayOfWeek>(), opens, closes);
            case "WEEKLY" when days.Count > 0 && schedule.Interval is null or 1:
                return new ScheduleRule(ScheduleFrequency.Weekly, days, opens, closes);
            case "WEEKLY" when days.Count > 0 && schedule.Interval == 2:
                return new ScheduleRule(ScheduleFrequency.Fortnightly, days, opens, closes);
            case "MONTHLY" when days.Count > 0 && week is >= -1 and <= 4 and not 0:
                return new ScheduleRule(ScheduleFrequency.Monthly, days, opens, closes, week);
            default:
                return null;
        }
    }

    /// <summary>Trims text, turns blanks into nulls and puts lists in a stable order.</summary>
    private static AssetDetails Normalise(AssetDetails d)
    {
        static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
        return d with
        {
            Name = d.Name.Trim(),
            NewOrganizationName = Clean(d.NewOrganizationName),
            OrganizationId = Clean(d.NewOrganizationName) is null ? d.OrganizationId : null,
            Description = Clean(d.Description),
            HowToGetInvolved = Clean(d.HowToGetInvolved),
            Email = Clean(d.Email),
            Phone = Clean(d.Phone),
            Website = Clean(d.Website),
            OnlineLink = d.Online ? Clean(d.OnlineLink) : null,
            Place = d.InPerson && d.Place is { } p
                ? new AssetPlace(Clean(p.Name), p.AddressLine1.Trim(), p.Town.Trim(), p.Postcode.Trim().ToUpperInvariant())
                : null,
            Accessibility = d.InPerson ? d.Accessibility.Distinct().Order().ToList() : [],
            CostAmount = d.CostAmount is 0m ? null : d.CostAmount,
            CostDescription = Clean(d.CostDescription),
            WhatTermIds = d.WhatTermIds.Distinct().Order().ToList(),
            WhoTermIds = d.WhoTermIds.Distinct().Order().ToList(),
            Languages = d.Languages.Select(l => l.Trim()).Where(l => l.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
            Schedules = d.Schedules.Select(s => s with { Days = s.Days.Distinct().OrderBy(day => ((int)day + 6) % 7).ToList() }).ToList(),
        };
    }
}
