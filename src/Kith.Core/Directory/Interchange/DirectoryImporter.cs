using System.Globalization;
using Kith.Core.Data;
using Kith.Core.Platform.Audit;
using Microsoft.EntityFrameworkCore;

namespace Kith.Core.Directory.Interchange;

/// <summary>
/// Upserts services read from a feed or file. Records are matched by (source key, source id), so
/// running the same import twice creates no duplicates; a row whose content hash is unchanged is not
/// touched. Services are written in batches of <see cref="ImportOptions.BatchSize"/>, each in its
/// own transaction: a failure rolls back that batch and leaves the earlier ones whole, and running the
/// import again carries on (the saved rows come back as unchanged). Every query is per batch, never
/// per row. Scoped, like the context it writes through.
/// </summary>
public sealed class DirectoryImporter(KithDbContext db, TimeProvider clock)
{
    /// <summary>How a revision and the audit trail name an import from <paramref name="sourceKey"/>.</summary>
    public static ProcessContext Actor(string sourceKey) => new(null, $"Import from {sourceKey}");

    /// <summary>A source key from a feed address or file name: the host, or the file name without its extension.</summary>
    public static string DeriveSourceKey(string urlOrPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(urlOrPath);
        if (Uri.TryCreate(urlOrPath, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            return uri.Host.ToLowerInvariant();
        }

        var trimmed = urlOrPath.TrimEnd('/', '\\');
        var name = Path.GetFileNameWithoutExtension(trimmed);
        return (name.Length == 0 ? "import" : name).ToLowerInvariant();
    }

    public async Task<ImportReport> ImportAsync(string sourceKey, IAsyncEnumerable<SourceItem> items, ImportOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceKey);
        ArgumentNullException.ThrowIfNull(items);
        options ??= new ImportOptions();
        var run = new Run(sourceKey.Trim(), new ImportReport(sourceKey.Trim(), options.DryRun), options);
        var started = clock.GetTimestamp();
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.ChangeTracker.Clear();
        var dryRunTransaction = options.DryRun ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var batch = new List<ParsedService>(options.BatchSize);
            await foreach (var item in items.WithCancellation(cancellationToken))
            {
                if (Read(run, item) is { } parsed)
                {
                    batch.Add(parsed);
                }

                if (batch.Count >= options.BatchSize)
                {
                    if (!await SaveBatchAsync(run, batch, cancellationToken))
                    {
                        return run.Report;
                    }

                    batch.Clear();
                }
            }

            if (batch.Count > 0)
            {
                await SaveBatchAsync(run, batch, cancellationToken);
            }
        }
        catch (SourceReadException e)
        {
            run.Report.Failure = e.Message;
        }
        finally
        {
            if (dryRunTransaction is not null)
            {
                await dryRunTransaction.RollbackAsync(CancellationToken.None);
                await dryRunTransaction.DisposeAsync();
            }

            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
            run.Report.Elapsed = clock.GetElapsedTime(started);
        }

        return run.Report;
    }

    private static ParsedService? Read(Run run, SourceItem item)
    {
        if (item.Error is not null)
        {
            run.Report.Reject(run.Report.Services, new RejectedRow(item.Where, item.SourceId, item.Error));
            return null;
        }

        var parsed = HsdsServiceReader.Read(item.Record, item.Where, run.SourceKey, out var problems);
        if (parsed is null)
        {
            var id = item.Record.ValueKind == System.Text.Json.JsonValueKind.Object && item.Record.TryGetProperty("id", out var p) && p.ValueKind == System.Text.Json.JsonValueKind.String
                ? p.GetString() : item.SourceId;
            run.Report.Reject(run.Report.Services, new RejectedRow(item.Where, id is { Length: > 80 } ? id[..80] + "..." : id, string.Join(" ", problems)));
            return null;
        }

        if (!run.SeenServices.TryAdd(parsed.SourceId, item.Where))
        {
            run.Report.Reject(run.Report.Services, new RejectedRow(item.Where, parsed.SourceId,
                $"the same service id is also at {run.SeenServices[parsed.SourceId]}; only the first was taken. Give each service its own id."));
            return null;
        }

        return parsed;
    }

    /// <summary>Saves one batch in its own transaction; false when it failed and was rolled back.</summary>
    private async Task<bool> SaveBatchAsync(Run run, List<ParsedService> batch, CancellationToken cancellationToken)
    {
        run.BatchNumber++;
        var transaction = run.Options.DryRun ? null : await db.Database.BeginTransactionAsync(cancellationToken);
        var counts = run.Snapshot();
        try
        {
            await WriteBatchAsync(run, batch, cancellationToken);
            run.Options.BeforeSave?.Invoke(run.BatchNumber);
            db.Actor = Actor(run.SourceKey);
            await db.SaveChangesInBulkAsync(cancellationToken);
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }

            run.Report.BatchesSaved++;
            run.Commit();
            return true;
        }
        catch (Exception e) when (e is DbUpdateException or System.Data.Common.DbException or InvalidOperationException or ImportBatchException)
        {
            if (transaction is not null)
            {
                await transaction.RollbackAsync(CancellationToken.None);
            }

            run.Restore(counts);
            run.Report.Failure = string.Create(CultureInfo.InvariantCulture,
                $"batch {run.BatchNumber} ({batch[0].Where} to {batch[^1].Where}) could not be saved and was rolled back: {(e.InnerException ?? e).Message} The {run.Report.BatchesSaved} batches before it are saved. Fix the problem and run the import again: it carries on, and rows already saved come back as unchanged.");
            return false;
        }
        finally
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }

            db.ChangeTracker.Clear();
        }
    }

    private async Task WriteBatchAsync(Run run, List<ParsedService> batch, CancellationToken cancellationToken)
    {
        var key = run.SourceKey;
        var now = clock.GetUtcNow().UtcDateTime;
        var sourceIds = batch.Select(p => p.SourceId).ToList();
        var existing = await db.CommunityAssets.Where(a => a.SourceKey == key && EF.Parameter(sourceIds).Contains(a.SourceId!)).ToDictionaryAsync(a => a.SourceId!, cancellationToken);

        var changed = new List<ParsedService>(batch.Count);
        foreach (var parsed in batch)
        {
            if (existing.TryGetValue(parsed.SourceId, out var stored) && stored.ImportHash == parsed.Hash)
            {
                run.Report.Services.Unchanged++;
                continue;
            }

            changed.Add(parsed);
        }

        if (changed.Count == 0)
        {
            return;
        }

        var organizations = await ResolveOrganizationsAsync(run, changed, now, cancellationToken);
        var rejectedByOrganization = changed.Where(p => !organizations.ContainsKey(p.Organization.SourceId)).ToList();
        foreach (var parsed in rejectedByOrganization)
        {
            run.Report.Reject(run.Report.Services, new RejectedRow(parsed.Where, parsed.SourceId,
                $"organization_id {parsed.Organization.SourceId} names no organisation in this import or already imported from {key}. Include the organisation, or import it first."));
            changed.Remove(parsed);
        }

        var locations = await ResolveLocationsAsync(run, changed, now, cancellationToken);
        var terms = await ResolveTermsAsync(run, changed, cancellationToken);

        var updatedIds = changed.Where(p => existing.ContainsKey(p.SourceId)).Select(p => existing[p.SourceId].Id).ToList();
        if (updatedIds.Count > 0)
        {
            await db.Phones.Where(x => x.ServiceId != null && EF.Parameter(updatedIds).Contains(x.ServiceId.Value)).ExecuteDeleteAsync(cancellationToken);
            await db.Contacts.Where(x => x.ServiceId != null && EF.Parameter(updatedIds).Contains(x.ServiceId.Value)).ExecuteDeleteAsync(cancellationToken);
            await db.Schedules.Where(x => x.ServiceId != null && EF.Parameter(updatedIds).Contains(x.ServiceId.Value)).ExecuteDeleteAsync(cancellationToken);
            await db.ServiceAtLocations.Where(x => EF.Parameter(updatedIds).Contains(x.ServiceId)).ExecuteDeleteAsync(cancellationToken);
            await db.CostOptions.Where(x => EF.Parameter(updatedIds).Contains(x.ServiceId)).ExecuteDeleteAsync(cancellationToken);
            await db.Languages.Where(x => x.ServiceId != null && EF.Parameter(updatedIds).Contains(x.ServiceId.Value)).ExecuteDeleteAsync(cancellationToken);
            await db.ServiceAreas.Where(x => EF.Parameter(updatedIds).Contains(x.ServiceId)).ExecuteDeleteAsync(cancellationToken);
            await db.AssetTaxonomyTerms.Where(x => EF.Parameter(updatedIds).Contains(x.ServiceId)).ExecuteDeleteAsync(cancellationToken);
        }

        var newCandidates = changed.Where(p => !existing.ContainsKey(p.SourceId) && p.Asset.Id != Guid.Empty).Select(p => p.Asset.Id).ToList();
        var taken = newCandidates.Count == 0
            ? []
            : (await db.CommunityAssets.Where(a => EF.Parameter(newCandidates).Contains(a.Id)).Select(a => a.Id).ToListAsync(cancellationToken)).ToHashSet();

        var children = new ChildIds(run);
        foreach (var parsed in changed)
        {
            var incoming = parsed.Asset;
            CommunityAsset asset;
            string summary;
            if (existing.TryGetValue(parsed.SourceId, out var stored))
            {
                asset = stored;
                CopyFields(incoming, asset);
                asset.Version++;
                asset.LastModified = now;
                summary = $"Updated from {key}";
                run.Report.Services.Updated++;
            }
            else
            {
                asset = incoming;
                if (asset.Id == Guid.Empty || taken.Contains(asset.Id) || !run.UsedAssetIds.Add(asset.Id))
                {
                    asset.Id = StableIds.From(key, "service", parsed.SourceId);
                    run.UsedAssetIds.Add(asset.Id);
                }

                asset.CreatedAt = now;
                asset.LastModified = now;
                asset.Version = 1;
                db.CommunityAssets.Add(asset);
                summary = $"Imported from {key}";
                run.Report.Services.Added++;
            }

            asset.OrganizationId = organizations[parsed.Organization.SourceId];
            asset.ImportHash = parsed.Hash;
            asset.Source = RecordSource.Import;
            children.Service(parsed, asset.Id, locations, terms);
            db.AssetRevisions.Add(new AssetRevision
            {
                AssetId = asset.Id,
                Version = asset.Version,
                SavedAt = now,
                ActorName = Actor(key).ActorName,
                Summary = summary,
                Snapshot = ImportSnapshot.Of(asset, parsed, TermIds(run, parsed, terms)).ToJson(),
            });
        }

        await children.AddAsync(db, cancellationToken);
    }

    /// <summary>The Kith ids of the terms a service is tagged with, and their taxonomies.</summary>
    private static List<(Guid Id, Guid? TaxonomyId)> TermIds(Run run, ParsedService parsed, Dictionary<string, Guid> terms) =>
        [.. parsed.Terms.Select(t => terms.TryGetValue(t.SourceId, out var id) || run.Terms.TryGetValue(t.SourceId, out id) ? id : Guid.Empty)
            .Where(id => id != Guid.Empty).Distinct().Select(id => (id, run.TermTaxonomies.GetValueOrDefault(id)))];

    private static void CopyFields(CommunityAsset from, CommunityAsset to)
    {
        to.Name = from.Name;
        to.AlternateName = from.AlternateName;
        to.Description = from.Description;
        to.Url = from.Url;
        to.Email = from.Email;
        to.Status = from.Status;
        to.InterpretationServices = from.InterpretationServices;
        to.ApplicationProcess = from.ApplicationProcess;
        to.FeesDescription = from.FeesDescription;
        to.EligibilityDescription = from.EligibilityDescription;
        to.MinimumAge = from.MinimumAge;
        to.MaximumAge = from.MaximumAge;
        to.Alert = from.Alert;
        to.Kind = from.Kind;
        to.HowToGetInvolved = from.HowToGetInvolved;
    }

    /// <summary>Finds or writes the batch's organisations; returns source id to Kith id for those that resolve.</summary>
    private async Task<Dictionary<string, Guid>> ResolveOrganizationsAsync(Run run, List<ParsedService> changed, DateTime now, CancellationToken cancellationToken)
    {
        var key = run.SourceKey;
        var wanted = changed.Select(p => p.Organization).GroupBy(o => o.SourceId)
            .Select(g => g.FirstOrDefault(o => o.Organization is not null) ?? g.First()).ToList();
        var result = new Dictionary<string, Guid>();
        var unknown = wanted.Where(o => !run.Organizations.ContainsKey(o.SourceId)).Select(o => o.SourceId).ToList();
        var stored = unknown.Count == 0
            ? []
            : await db.Organizations.Where(o => o.SourceKey == key && EF.Parameter(unknown).Contains(o.SourceId!)).ToDictionaryAsync(o => o.SourceId!, cancellationToken);
        var candidates = wanted.Where(o => o.Organization is { } org && org.Id != Guid.Empty && !stored.ContainsKey(o.SourceId) && !run.Organizations.ContainsKey(o.SourceId))
            .Select(o => o.Organization!.Id).ToList();
        var taken = candidates.Count == 0 ? [] : (await db.Organizations.Where(o => EF.Parameter(candidates).Contains(o.Id)).Select(o => o.Id).ToListAsync(cancellationToken)).ToHashSet();
        foreach (var wantedOrganization in wanted)
        {
            var sourceId = wantedOrganization.SourceId;
            if (run.Organizations.TryGetValue(sourceId, out var known))
            {
                result[sourceId] = known.Id;
                if (wantedOrganization.Organization is { } again && again.ImportHash != known.Hash && !run.UpdatedOrganizations.Contains(sourceId))
                {
                    // Met again with different details later in the same run: the first one seen stands.
                    run.UpdatedOrganizations.Add(sourceId);
                }

                continue;
            }

            if (stored.TryGetValue(sourceId, out var organization))
            {
                if (wantedOrganization.Organization is { } incoming && organization.ImportHash != incoming.ImportHash)
                {
                    organization.Name = incoming.Name;
                    organization.AlternateName = incoming.AlternateName;
                    organization.Description = incoming.Description;
                    organization.Email = incoming.Email;
                    organization.Website = incoming.Website;
                    organization.LegalStatus = incoming.LegalStatus;
                    organization.YearIncorporated = incoming.YearIncorporated;
                    organization.ImportHash = incoming.ImportHash;
                    organization.LastModified = now;
                    run.Report.Organizations.Updated++;
                }
                else
                {
                    run.Report.Organizations.Unchanged++;
                }

                run.Pending.Organizations[sourceId] = (organization.Id, organization.ImportHash);
                result[sourceId] = organization.Id;
                continue;
            }

            if (wantedOrganization.Organization is not { } added)
            {
                continue;
            }

            if (added.Id == Guid.Empty || taken.Contains(added.Id) || !run.UsedOrganizationIds.Add(added.Id))
            {
                added.Id = StableIds.From(key, "organization", sourceId);
            }

            added.SourceKey = key;
            added.LastModified = now;
            db.Organizations.Add(added);
            run.Report.Organizations.Added++;
            run.Pending.Organizations[sourceId] = (added.Id, added.ImportHash);
            result[sourceId] = added.Id;
        }

        return result;
    }

    /// <summary>Finds or writes the batch's locations and their parts; returns source id to Kith id.</summary>
    private async Task<Dictionary<string, Guid>> ResolveLocationsAsync(Run run, List<ParsedService> changed, DateTime now, CancellationToken cancellationToken)
    {
        var key = run.SourceKey;
        var wanted = changed.SelectMany(p => p.ServiceAtLocations.Select(s => (s.Location, Organization: p.Organization.SourceId)))
            .GroupBy(l => l.Location.SourceId)
            .Select(g => g.FirstOrDefault(l => l.Location.Location is not null) is { Location: not null } full ? full : g.First()).ToList();
        var result = new Dictionary<string, Guid>();
        if (wanted.Count == 0)
        {
            return result;
        }

        var unknown = wanted.Where(l => !run.Locations.ContainsKey(l.Location.SourceId)).Select(l => l.Location.SourceId).ToList();
        var stored = unknown.Count == 0
            ? []
            : await db.Locations.Where(l => l.SourceKey == key && EF.Parameter(unknown).Contains(l.SourceId!)).ToDictionaryAsync(l => l.SourceId!, cancellationToken);
        var candidates = wanted.Where(l => l.Location.Location is { } loc && loc.Id != Guid.Empty && !stored.ContainsKey(l.Location.SourceId) && !run.Locations.ContainsKey(l.Location.SourceId))
            .Select(l => l.Location.Location!.Id).ToList();
        var taken = candidates.Count == 0 ? [] : (await db.Locations.Where(l => EF.Parameter(candidates).Contains(l.Id)).Select(l => l.Id).ToListAsync(cancellationToken)).ToHashSet();
        var rewrite = new List<(ParsedLocation Parsed, Guid Id)>();
        foreach (var (parsedLocation, organizationSourceId) in wanted)
        {
            var sourceId = parsedLocation.SourceId;
            if (run.Locations.TryGetValue(sourceId, out var known))
            {
                result[sourceId] = known.Id;
                continue;
            }

            var organizationId = run.Organizations.TryGetValue(organizationSourceId, out var org) ? org.Id
                : run.Pending.Organizations.TryGetValue(organizationSourceId, out var pending) ? pending.Id : (Guid?)null;
            if (stored.TryGetValue(sourceId, out var location))
            {
                if (parsedLocation.Location is { } incoming && location.ImportHash != incoming.ImportHash)
                {
                    location.LocationType = incoming.LocationType;
                    location.Url = incoming.Url;
                    location.Name = incoming.Name;
                    location.AlternateName = incoming.AlternateName;
                    location.Description = incoming.Description;
                    location.Transportation = incoming.Transportation;
                    location.Latitude = incoming.Latitude;
                    location.Longitude = incoming.Longitude;
                    location.ImportHash = incoming.ImportHash;
                    location.OrganizationId = organizationId;
                    location.LastModified = now;
                    rewrite.Add((parsedLocation, location.Id));
                    run.Report.Locations.Updated++;
                }
                else
                {
                    run.Report.Locations.Unchanged++;
                }

                run.Pending.Locations[sourceId] = (location.Id, location.ImportHash);
                result[sourceId] = location.Id;
                continue;
            }

            if (parsedLocation.Location is not { } added)
            {
                continue;
            }

            if (added.Id == Guid.Empty || taken.Contains(added.Id) || !run.UsedLocationIds.Add(added.Id))
            {
                added.Id = StableIds.From(key, "location", sourceId);
            }

            added.SourceKey = key;
            added.OrganizationId = organizationId;
            added.LastModified = now;
            db.Locations.Add(added);
            rewrite.Add((parsedLocation, added.Id));
            run.Report.Locations.Added++;
            run.Pending.Locations[sourceId] = (added.Id, added.ImportHash);
            result[sourceId] = added.Id;
        }

        var rewriteIds = rewrite.Select(r => r.Id).ToList();
        if (rewriteIds.Count > 0)
        {
            await db.Addresses.Where(x => EF.Parameter(rewriteIds).Contains(x.LocationId)).ExecuteDeleteAsync(cancellationToken);
            await db.AccessibilityFeatures.Where(x => EF.Parameter(rewriteIds).Contains(x.LocationId)).ExecuteDeleteAsync(cancellationToken);
            await db.Phones.Where(x => x.LocationId != null && EF.Parameter(rewriteIds).Contains(x.LocationId.Value)).ExecuteDeleteAsync(cancellationToken);
            await db.Languages.Where(x => x.LocationId != null && EF.Parameter(rewriteIds).Contains(x.LocationId.Value)).ExecuteDeleteAsync(cancellationToken);
            await db.Schedules.Where(x => x.LocationId != null && EF.Parameter(rewriteIds).Contains(x.LocationId.Value)).ExecuteDeleteAsync(cancellationToken);
        }

        run.LocationParts.AddRange(rewrite);
        return result;
    }

    /// <summary>Finds or writes the taxonomy terms (and their taxonomies) the batch tags services with.</summary>
    private async Task<Dictionary<string, Guid>> ResolveTermsAsync(Run run, List<ParsedService> changed, CancellationToken cancellationToken)
    {
        var key = run.SourceKey;
        var wanted = changed.SelectMany(p => p.Terms).GroupBy(t => t.SourceId)
            .Select(g => g.FirstOrDefault(t => t.Term is not null) ?? g.First()).ToList();
        var result = new Dictionary<string, Guid>();
        if (wanted.Count == 0)
        {
            return result;
        }

        var unknown = wanted.Where(t => !run.Terms.ContainsKey(t.SourceId)).ToList();
        var unknownIds = unknown.Select(t => t.SourceId).ToList();
        var unknownGuids = unknown.Where(t => Guid.TryParse(t.SourceId, out _)).Select(t => Guid.Parse(t.SourceId)).ToList();
        var stored = unknown.Count == 0 ? [] : await db.TaxonomyTerms.AsNoTracking()
            .Where(t => (t.SourceKey == key && EF.Parameter(unknownIds).Contains(t.SourceId!)) || EF.Parameter(unknownGuids).Contains(t.Id))
            .Select(t => new { t.Id, t.SourceKey, t.SourceId, t.TaxonomyId })
            .ToListAsync(cancellationToken);
        foreach (var t in stored)
        {
            run.TermTaxonomies[t.Id] = t.TaxonomyId;
        }

        var bySource = stored.Where(t => t.SourceKey == key && t.SourceId is not null).GroupBy(t => t.SourceId!).ToDictionary(g => g.Key, g => g.First().Id);
        var byId = stored.Select(t => t.Id).ToHashSet();

        var taxonomies = await ResolveTaxonomiesAsync(run, unknown, cancellationToken);
        foreach (var term in wanted)
        {
            if (run.Terms.TryGetValue(term.SourceId, out var known))
            {
                result[term.SourceId] = known;
            }
            else if (bySource.TryGetValue(term.SourceId, out var found))
            {
                run.Report.TaxonomyTerms.Unchanged++;
                result[term.SourceId] = run.Terms[term.SourceId] = found;
            }
            else if (Guid.TryParse(term.SourceId, out var id) && byId.Contains(id))
            {
                // A shared vocabulary term Kith already has under the same id (such as Kith's own taxonomies).
                run.Report.TaxonomyTerms.Unchanged++;
                result[term.SourceId] = run.Terms[term.SourceId] = id;
            }
            else if (term.Term is { } added)
            {
                if (added.Id == Guid.Empty || !run.UsedTermIds.Add(added.Id))
                {
                    added.Id = StableIds.From(key, "taxonomy_term", term.SourceId);
                }

                added.SourceKey = key;
                added.TaxonomyId = term.TaxonomySourceId is { } t && taxonomies.TryGetValue(t, out var taxonomyId) ? taxonomyId : null;
                db.TaxonomyTerms.Add(added);
                run.TermTaxonomies[added.Id] = added.TaxonomyId;
                run.Report.TaxonomyTerms.Added++;
                result[term.SourceId] = run.Terms[term.SourceId] = added.Id;
                run.NewTerms.Add((added, term.ParentSourceId));
            }
        }

        // Parents are linked once both ends are known; a parent outside the import is left out.
        foreach (var (added, parentSourceId) in run.NewTerms)
        {
            if (parentSourceId is not null && run.Terms.TryGetValue(parentSourceId, out var parent) && parent != added.Id)
            {
                added.ParentId = parent;
            }
        }

        run.NewTerms.Clear();
        return result;
    }

    private async Task<Dictionary<string, Guid>> ResolveTaxonomiesAsync(Run run, List<ParsedTerm> terms, CancellationToken cancellationToken)
    {
        var key = run.SourceKey;
        var wanted = terms.Where(t => t.TaxonomySourceId is not null).GroupBy(t => t.TaxonomySourceId!)
            .Select(g => (SourceId: g.Key, Taxonomy: g.Select(t => t.Taxonomy).FirstOrDefault(t => t is not null))).ToList();
        var result = new Dictionary<string, Guid>();
        var unknown = wanted.Where(t => !run.Taxonomies.ContainsKey(t.SourceId)).ToList();
        var unknownIds = unknown.Select(t => t.SourceId).ToList();
        var unknownGuids = unknown.Where(t => Guid.TryParse(t.SourceId, out _)).Select(t => Guid.Parse(t.SourceId)).ToList();
        var stored = unknown.Count == 0 ? [] : await db.Taxonomies.AsNoTracking()
            .Where(t => (t.SourceKey == key && EF.Parameter(unknownIds).Contains(t.SourceId!)) || EF.Parameter(unknownGuids).Contains(t.Id))
            .Select(t => new { t.Id, t.SourceKey, t.SourceId })
            .ToListAsync(cancellationToken);
        foreach (var (sourceId, taxonomy) in wanted)
        {
            if (run.Taxonomies.TryGetValue(sourceId, out var known))
            {
                result[sourceId] = known;
                continue;
            }

            var found = stored.FirstOrDefault(t => t.SourceKey == key && t.SourceId == sourceId)
                ?? stored.FirstOrDefault(t => Guid.TryParse(sourceId, out var g) && t.Id == g);
            if (found is not null)
            {
                result[sourceId] = run.Taxonomies[sourceId] = found.Id;
            }
            else if (taxonomy is not null)
            {
                if (taxonomy.Id == Guid.Empty)
                {
                    taxonomy.Id = StableIds.From(key, "taxonomy", sourceId);
                }

                taxonomy.SourceKey = key;
                db.Taxonomies.Add(taxonomy);
                result[sourceId] = run.Taxonomies[sourceId] = taxonomy.Id;
            }
        }

        return result;
    }

    /// <summary>What one run remembers between batches, so each batch asks only about what it has not met.</summary>
    private sealed class Run(string sourceKey, ImportReport report, ImportOptions options)
    {
        public string SourceKey { get; } = sourceKey;

        public ImportReport Report { get; } = report;

        public ImportOptions Options { get; } = options;

        public int BatchNumber { get; set; }

        public Dictionary<string, string> SeenServices { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, (Guid Id, string? Hash)> Organizations { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, (Guid Id, string? Hash)> Locations { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, Guid> Terms { get; set; } = new(StringComparer.Ordinal);

        /// <summary>The taxonomy of each term id met, for the revision snapshot's "what" and "who" terms.</summary>
        public Dictionary<Guid, Guid?> TermTaxonomies { get; } = [];

        public Dictionary<string, Guid> Taxonomies { get; set; } = new(StringComparer.Ordinal);

        public HashSet<string> UpdatedOrganizations { get; } = new(StringComparer.Ordinal);

        public HashSet<Guid> UsedAssetIds { get; } = [];

        public HashSet<Guid> UsedOrganizationIds { get; } = [];

        public HashSet<Guid> UsedLocationIds { get; } = [];

        public HashSet<Guid> UsedTermIds { get; } = [];

        public HashSet<Guid> UsedChildIds { get; } = [];

        public List<(TaxonomyTerm Term, string? ParentSourceId)> NewTerms { get; } = [];

        public List<(ParsedLocation Parsed, Guid Id)> LocationParts { get; } = [];

        /// <summary>What the current batch learned; kept only when it commits.</summary>
        public (Dictionary<string, (Guid Id, string? Hash)> Organizations, Dictionary<string, (Guid Id, string? Hash)> Locations) Pending { get; } =
            (new(StringComparer.Ordinal), new(StringComparer.Ordinal));

        private Dictionary<string, Guid>? termsBefore;
        private Dictionary<string, Guid>? taxonomiesBefore;

        public (int, int, int, int)[] Snapshot()
        {
            termsBefore = new Dictionary<string, Guid>(Terms, StringComparer.Ordinal);
            taxonomiesBefore = new Dictionary<string, Guid>(Taxonomies, StringComparer.Ordinal);
            return [Of(Report.Services), Of(Report.Organizations), Of(Report.Locations), Of(Report.TaxonomyTerms)];
        }

        public void Commit()
        {
            foreach (var (k, v) in Pending.Organizations)
            {
                Organizations[k] = v;
            }

            foreach (var (k, v) in Pending.Locations)
            {
                Locations[k] = v;
            }

            Pending.Organizations.Clear();
            Pending.Locations.Clear();
            LocationParts.Clear();
        }

        public void Restore((int, int, int, int)[] counts)
        {
            Set(Report.Services, counts[0]);
            Set(Report.Organizations, counts[1]);
            Set(Report.Locations, counts[2]);
            Set(Report.TaxonomyTerms, counts[3]);
            Terms = termsBefore ?? Terms;
            Taxonomies = taxonomiesBefore ?? Taxonomies;
            Pending.Organizations.Clear();
            Pending.Locations.Clear();
            LocationParts.Clear();
        }

        private static (int, int, int, int) Of(ImportCounts c) => (c.Added, c.Updated, c.Unchanged, c.Rejected);

        private static void Set(ImportCounts c, (int Added, int Updated, int Unchanged, int Rejected) v)
        {
            c.Added = v.Added;
            c.Updated = v.Updated;
            c.Unchanged = v.Unchanged;
            c.Rejected = v.Rejected;
        }
    }

    /// <summary>
    /// Gives the batch's child rows their ids and keys and adds them. A row keeps its id from the feed
    /// when no other record uses it; otherwise it gets an id made from its owner and place, so ids stay
    /// stable from run to run.
    /// </summary>
    private sealed class ChildIds(Run run)
    {
        private readonly List<(object Row, Guid Wanted, string Owner, string Kind)> rows = [];

        public void Service(ParsedService parsed, Guid assetId, Dictionary<string, Guid> locations, Dictionary<string, Guid> terms)
        {
            var owner = assetId.ToString();
            for (var i = 0; i < parsed.Phones.Count; i++)
            {
                parsed.Phones[i].ServiceId = assetId;
                Add(parsed.Phones[i], parsed.Phones[i].Id, owner, "phone", i);
            }

            for (var i = 0; i < parsed.Schedules.Count; i++)
            {
                parsed.Schedules[i].ServiceId = assetId;
                Add(parsed.Schedules[i], parsed.Schedules[i].Id, owner, "schedule", i);
            }

            for (var i = 0; i < parsed.CostOptions.Count; i++)
            {
                parsed.CostOptions[i].ServiceId = assetId;
                Add(parsed.CostOptions[i], parsed.CostOptions[i].Id, owner, "cost_option", i);
            }

            for (var i = 0; i < parsed.Languages.Count; i++)
            {
                parsed.Languages[i].ServiceId = assetId;
                Add(parsed.Languages[i], parsed.Languages[i].Id, owner, "language", i);
            }

            for (var i = 0; i < parsed.ServiceAreas.Count; i++)
            {
                parsed.ServiceAreas[i].ServiceId = assetId;
                Add(parsed.ServiceAreas[i], parsed.ServiceAreas[i].Id, owner, "service_area", i);
            }

            for (var i = 0; i < parsed.Contacts.Count; i++)
            {
                var contact = parsed.Contacts[i];
                contact.ServiceId = assetId;
                Add(contact, contact.Id, owner, "contact", i);
                for (var j = 0; j < contact.Phones.Count; j++)
                {
                    Add(contact.Phones[j], contact.Phones[j].Id, owner, $"contact{i}.phone", j);
                }
            }

            var linked = new HashSet<Guid>();
            for (var i = 0; i < parsed.ServiceAtLocations.Count; i++)
            {
                var sal = parsed.ServiceAtLocations[i];
                if (!locations.TryGetValue(sal.Location.SourceId, out var locationId) && !run.Locations.TryGetValue(sal.Location.SourceId, out _))
                {
                    continue;
                }

                locationId = locations.TryGetValue(sal.Location.SourceId, out var l) ? l : run.Locations[sal.Location.SourceId].Id;
                if (!linked.Add(locationId))
                {
                    continue;
                }

                var row = new ServiceAtLocation { ServiceId = assetId, LocationId = locationId, Description = sal.Description };
                Add(row, sal.FeedId ?? Guid.Empty, owner, "service_at_location", i);
                for (var j = 0; j < sal.Schedules.Count; j++)
                {
                    Add(sal.Schedules[j], sal.Schedules[j].Id, owner, $"service_at_location{i}.schedule", j);
                    sal.Schedules[j].ServiceAtLocationId = row.Id;
                    pendingSalSchedules.Add((row, sal.Schedules[j]));
                }
            }

            foreach (var term in parsed.Terms.Select(t => t.SourceId).Distinct())
            {
                if (terms.TryGetValue(term, out var termId) || run.Terms.TryGetValue(term, out termId))
                {
                    termLinks.Add(new AssetTaxonomyTerm { ServiceId = assetId, TaxonomyTermId = termId });
                }
            }
        }

        private readonly List<(ServiceAtLocation Row, Schedule Schedule)> pendingSalSchedules = [];
        private readonly List<AssetTaxonomyTerm> termLinks = [];

        private void Add(object row, Guid wanted, string owner, string kind, int index) =>
            rows.Add((row, wanted, owner, string.Create(CultureInfo.InvariantCulture, $"{kind}{index}")));

        public async Task AddAsync(KithDbContext db, CancellationToken cancellationToken)
        {
            foreach (var (parsed, locationId) in run.LocationParts)
            {
                var owner = locationId.ToString();
                for (var i = 0; i < parsed.Addresses.Count; i++)
                {
                    parsed.Addresses[i].LocationId = locationId;
                    Add(parsed.Addresses[i], parsed.Addresses[i].Id, owner, "address", i);
                }

                for (var i = 0; i < parsed.Accessibility.Count; i++)
                {
                    parsed.Accessibility[i].LocationId = locationId;
                    Add(parsed.Accessibility[i], parsed.Accessibility[i].Id, owner, "accessibility", i);
                }

                for (var i = 0; i < parsed.Phones.Count; i++)
                {
                    parsed.Phones[i].LocationId = locationId;
                    Add(parsed.Phones[i], parsed.Phones[i].Id, owner, "phone", i);
                }

                for (var i = 0; i < parsed.Languages.Count; i++)
                {
                    parsed.Languages[i].LocationId = locationId;
                    Add(parsed.Languages[i], parsed.Languages[i].Id, owner, "language", i);
                }

                for (var i = 0; i < parsed.Schedules.Count; i++)
                {
                    parsed.Schedules[i].LocationId = locationId;
                    Add(parsed.Schedules[i], parsed.Schedules[i].Id, owner, "schedule", i);
                }
            }

            var wanted = rows.Where(r => r.Wanted != Guid.Empty).Select(r => r.Wanted).Distinct().ToList();
            var taken = new HashSet<Guid>();
            foreach (var chunk in wanted.Chunk(2000))
            {
                var ids = chunk.ToList();
                taken.UnionWith(await db.Phones.Where(x => EF.Parameter(ids).Contains(x.Id)).Select(x => x.Id).ToListAsync(cancellationToken));
                taken.UnionWith(await db.Schedules.Where(x => EF.Parameter(ids).Contains(x.Id)).Select(x => x.Id).ToListAsync(cancellationToken));
                taken.UnionWith(await db.CostOptions.Where(x => EF.Parameter(ids).Contains(x.Id)).Select(x => x.Id).ToListAsync(cancellationToken));
                taken.UnionWith(await db.Languages.Where(x => EF.Parameter(ids).Contains(x.Id)).Select(x => x.Id).ToListAsync(cancellationToken));
                taken.UnionWith(await db.ServiceAreas.Where(x => EF.Parameter(ids).Contains(x.Id)).Select(x => x.Id).ToListAsync(cancellationToken));
                taken.UnionWith(await db.Contacts.Where(x => EF.Parameter(ids).Contains(x.Id)).Select(x => x.Id).ToListAsync(cancellationToken));
                taken.UnionWith(await db.ServiceAtLocations.Where(x => EF.Parameter(ids).Contains(x.Id)).Select(x => x.Id).ToListAsync(cancellationToken));
                taken.UnionWith(await db.Addresses.Where(x => EF.Parameter(ids).Contains(x.Id)).Select(x => x.Id).ToListAsync(cancellationToken));
                taken.UnionWith(await db.AccessibilityFeatures.Where(x => EF.Parameter(ids).Contains(x.Id)).Select(x => x.Id).ToListAsync(cancellationToken));
            }

            foreach (var (row, wantedId, owner, kind) in rows)
            {
                var id = wantedId != Guid.Empty && !taken.Contains(wantedId) && run.UsedChildIds.Add(wantedId)
                    ? wantedId
                    : StableIds.From(run.SourceKey, owner, kind);
                run.UsedChildIds.Add(id);
                switch (row)
                {
                    case Phone p: p.Id = id; break;
                    case Schedule s: s.Id = id; break;
                    case CostOption c: c.Id = id; break;
                    case Language l: l.Id = id; break;
                    case ServiceArea a: a.Id = id; break;
                    case Contact c: c.Id = id; break;
                    case ServiceAtLocation s: s.Id = id; break;
                    case Address a: a.Id = id; break;
                    case Accessibility a: a.Id = id; break;
                }
            }

            foreach (var (sal, schedule) in pendingSalSchedules)
            {
                schedule.ServiceAtLocationId = sal.Id;
            }

            foreach (var (row, _, _, _) in rows)
            {
                switch (row)
                {
                    case Contact c:
                        foreach (var phone in c.Phones)
                        {
                            phone.ContactId = c.Id;
                        }

                        break;
                }
            }

            foreach (var (row, _, _, _) in rows)
            {
                db.Add(row);
            }

            db.AssetTaxonomyTerms.AddRange(termLinks);
        }
    }
}

/// <summary>A reader could not read its source at all (not one bad row: the file or the feed).</summary>
public sealed class SourceReadException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>A batch could not be written; thrown by tests through <see cref="ImportOptions.BeforeSave"/>.</summary>
internal sealed class ImportBatchException(string message) : Exception(message);
