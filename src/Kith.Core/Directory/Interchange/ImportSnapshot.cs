namespace Kith.Core.Directory.Interchange;

/// <summary>
/// The editable details of an imported asset, for its revision: the same reading as an editor's
/// (<see cref="AssetService.ToDetails"/>), made from the parsed parts before they are saved.
/// </summary>
internal static class ImportSnapshot
{
    /// <param name="terms">The Kith ids of the service's terms, each with its taxonomy id where known.</param>
    public static AssetDetails Of(CommunityAsset asset, ParsedService parsed, IEnumerable<(Guid Id, Guid? TaxonomyId)> terms)
    {
        // A detached copy: the context must not see these parts through the tracked asset's collections.
        var view = new CommunityAsset
        {
            Id = asset.Id,
            Name = asset.Name,
            Kind = asset.Kind,
            OrganizationId = asset.OrganizationId,
            Description = asset.Description,
            HowToGetInvolved = asset.HowToGetInvolved,
            IntroductionPolicy = asset.IntroductionPolicy,
            Status = asset.Status,
            Email = asset.Email,
            Url = asset.Url,
            FeesDescription = asset.FeesDescription,
            MinimumAge = asset.MinimumAge,
            MaximumAge = asset.MaximumAge,
        };
        view.Phones.AddRange(parsed.Phones);
        view.Schedules.AddRange(parsed.Schedules);
        view.CostOptions.AddRange(parsed.CostOptions);
        view.Languages.AddRange(parsed.Languages);
        foreach (var link in parsed.ServiceAtLocations)
        {
            if (link.Location.Location is not { } location)
            {
                continue;
            }

            var place = new Location { Id = location.Id, Name = location.Name, LocationType = location.LocationType, Url = location.Url };
            place.Addresses.AddRange(link.Location.Addresses);
            place.Accessibility.AddRange(link.Location.Accessibility);
            var row = new ServiceAtLocation { ServiceId = asset.Id, LocationId = location.Id, Location = place };
            row.Schedules.AddRange(link.Schedules);
            view.ServiceAtLocations.Add(row);
        }

        foreach (var (id, taxonomyId) in terms)
        {
            view.TaxonomyTerms.Add(new AssetTaxonomyTerm
            {
                ServiceId = asset.Id,
                TaxonomyTermId = id,
                TaxonomyTerm = new TaxonomyTerm { Id = id, TaxonomyId = taxonomyId, Name = string.Empty, Description = string.Empty },
            });
        }

        return AssetService.ToDetails(view);
    }
}
