namespace Kith.Core.Directory.Interchange;

/// <summary>The editable details of an imported asset, for its revision: the parts the simple form can show.</summary>
internal static class ImportSnapshot
{
    public static AssetDetails Of(CommunityAsset asset, ParsedService parsed)
    {
        var physical = parsed.ServiceAtLocations.Select(s => s.Location).FirstOrDefault(l => l.Location?.LocationType == LocationType.Physical);
        var online = parsed.ServiceAtLocations.Select(s => s.Location).FirstOrDefault(l => l.Location?.LocationType == LocationType.Virtual);
        var address = physical?.Addresses.FirstOrDefault();
        var cost = parsed.CostOptions.FirstOrDefault();
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
            Phone = parsed.Phones.FirstOrDefault()?.Number,
            Website = asset.Url,
            InPerson = physical is not null,
            Online = online is not null,
            OnlineLink = online?.Location?.Url,
            Place = physical?.Location is { } place
                ? new AssetPlace(place.Name, address?.Address1 ?? string.Empty, address?.City ?? string.Empty, address?.PostalCode ?? string.Empty)
                : null,
            Accessibility = physical?.Accessibility.Select(a => a.Feature).Distinct().Order().ToList() ?? [],
            CostAmount = cost?.Amount is 0m ? null : cost?.Amount,
            CostDescription = cost?.AmountDescription ?? asset.FeesDescription,
            MinimumAge = asset.MinimumAge,
            MaximumAge = asset.MaximumAge,
            Languages = parsed.Languages.Select(l => l.Name).ToList(),
        };
    }
}
