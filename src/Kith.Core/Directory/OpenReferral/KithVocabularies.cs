namespace Kith.Core.Directory.OpenReferral;

/// <summary>
/// Kith's own fields that HSDS has no place for, published as two small taxonomies so each service
/// can carry them as attributes: the asset-based community development kind and the introduction
/// policy. They are not stored: their ids are derived, so they are the same in every directory.
/// </summary>
public static class KithVocabularies
{
    /// <summary>The taxonomy of ABCD kinds.</summary>
    public static readonly Guid AssetKindTaxonomyId = new("6b1f3f3e-2c0a-4d7e-9d55-2f0f6a1e0101");

    /// <summary>The taxonomy of introduction policies.</summary>
    public static readonly Guid IntroductionTaxonomyId = new("6b1f3f3e-2c0a-4d7e-9d55-2f0f6a1e0102");

    public static readonly Taxonomy AssetKindTaxonomy = new()
    {
        Id = AssetKindTaxonomyId,
        Name = "Kith asset kind",
        Description = "The kind of community asset, in the terms of asset-based community development: a group or club, a service from an organisation, a place or space, the local economy, or culture and heritage.",
        Version = "1",
    };

    public static readonly Taxonomy IntroductionTaxonomy = new()
    {
        Id = IntroductionTaxonomyId,
        Name = "Kith introductions",
        Description = "Whether a community asset welcomes introductions from practitioners, or would rather people simply turn up.",
        Version = "1",
    };

    /// <summary>Both taxonomies.</summary>
    public static IReadOnlyList<Taxonomy> Taxonomies { get; } = [AssetKindTaxonomy, IntroductionTaxonomy];

    /// <summary>Every term of both taxonomies.</summary>
    public static IReadOnlyList<TaxonomyTerm> Terms => [.. KindTerms.Values, .. PolicyTerms.Values];

    public static TaxonomyTerm KindTerm(AssetKind kind) => KindTerms[kind];

    public static TaxonomyTerm PolicyTerm(IntroductionPolicy policy) => PolicyTerms[policy];

    /// <summary>The kind a term stands for, when it is one of the kind terms.</summary>
    public static AssetKind? KindOf(Guid termId) =>
        KindTerms.FirstOrDefault(t => t.Value.Id == termId) is { Value: not null } found ? found.Key : null;

    /// <summary>The policy a term stands for, when it is one of the policy terms.</summary>
    public static IntroductionPolicy? PolicyOf(Guid termId) =>
        PolicyTerms.FirstOrDefault(t => t.Value.Id == termId) is { Value: not null } found ? found.Key : null;

    private static readonly Dictionary<AssetKind, TaxonomyTerm> KindTerms = Enum.GetValues<AssetKind>().ToDictionary(k => k, k => new TaxonomyTerm
    {
        Id = OrukVocabulary.DerivedId(AssetKindTaxonomyId, Code(k)),
        TaxonomyId = AssetKindTaxonomyId,
        Taxonomy = AssetKindTaxonomy,
        Code = Code(k),
        Name = AssetKindNames.Label(k),
        Description = k switch
        {
            AssetKind.Association => "An informal group or club run by its members.",
            AssetKind.Institution => "A service of a public, voluntary or private organisation.",
            AssetKind.Physical => "A space people can use: a park, hall, garden or building.",
            AssetKind.Economic => "A time bank, credit union, local business or other part of the local economy.",
            AssetKind.Cultural => "Heritage, stories, traditions and cultural activity.",
            _ => AssetKindNames.Label(k),
        },
        Language = "en",
    });

    private static readonly Dictionary<IntroductionPolicy, TaxonomyTerm> PolicyTerms = Enum.GetValues<IntroductionPolicy>().ToDictionary(p => p, p => new TaxonomyTerm
    {
        Id = OrukVocabulary.DerivedId(IntroductionTaxonomyId, Code(p)),
        TaxonomyId = IntroductionTaxonomyId,
        Taxonomy = IntroductionTaxonomy,
        Code = Code(p),
        Name = p == IntroductionPolicy.AcceptsIntroductions ? "Welcomes introductions" : "Just turn up",
        Description = p == IntroductionPolicy.AcceptsIntroductions
            ? "A practitioner may introduce someone to this asset."
            : "People find out about it and go along themselves; it does not take introductions.",
        Language = "en",
    });

    private static string Code(AssetKind kind) => kind switch
    {
        AssetKind.Association => "association",
        AssetKind.Institution => "institution",
        AssetKind.Physical => "physical",
        AssetKind.Economic => "economic",
        AssetKind.Cultural => "cultural",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static string Code(IntroductionPolicy policy) => policy switch
    {
        IntroductionPolicy.AcceptsIntroductions => "accepts-introductions",
        IntroductionPolicy.SignpostOnly => "signpost-only",
        _ => policy.ToString().ToLowerInvariant(),
    };
}
